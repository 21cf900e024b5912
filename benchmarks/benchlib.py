"""What the benchmarks share: timing, fresh processes, pandoc, the machine and versions.

Not a benchmark itself. Every timing is a median after one untimed run; child
processes run without ``PYTHONDONTWRITEBYTECODE`` so that Python loads compiled
bytecode, as an installed package does (the environment of a build machine may set
it, and it makes every import compile from source).
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: The packaged dataset (the cold CLI builds it) and the template for generated districts.
HUAIYIN = REPO / "data" / "huaiyin.yaml"
MINIMAL = REPO / "examples" / "minimal.yaml"
#: Versions printed with the results (distribution names).
PACKAGES = (
    "python-docx", "markdown-it-py", "mdit-py-plugins", "Babel", "Jinja2", "matplotlib",
    "pydantic", "ruamel.yaml", "PyYAML", "platformdirs", "click",
)  # fmt: skip


def median_seconds(run: Callable[[], object], repeat: int, *, warmup: bool = True) -> float:
    """The median wall time of ``repeat`` calls, after one untimed call (``warmup``)."""
    if warmup:
        run()
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_medians(
    runs: dict[str, Callable[[], object]], repeat: int, *, warmup: bool = True
) -> dict[str, float]:
    """The median wall time of each run, taken in rounds (each run once per round), so
    that a change in the machine's load during the benchmark affects every run alike."""
    if warmup:
        for run in runs.values():
            run()
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(max(1, repeat)):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: ours without PYTHONDONTWRITEBYTECODE."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # children use compiled bytecode
    env.update(extra)
    return env


def run_process(command: Sequence[str], cwd: Path, **extra_env: str) -> str:
    """Run ``command`` to completion and return its stdout (an error stops the benchmark)."""
    result = subprocess.run(
        list(command), cwd=cwd, env=child_env(**extra_env), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}"
        )
    return result.stdout


def process(command: Sequence[str], cwd: Path) -> Callable[[], object]:
    """A function running ``command`` to completion in a fresh process."""
    return lambda: run_process(command, cwd)


def pandoc_path() -> str:
    """The pandoc binary shipped by pypandoc-binary (a dev dependency)."""
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def pandoc_convert(source: Path, target: Path, base: Path) -> list[str]:
    """The cold pandoc command converting ``source`` to DOCX (pictures found under ``base``)."""
    return [pandoc_path(), str(source), "-o", str(target), f"--resource-path={base}"]


def reportgen_command() -> list[str]:
    """The ``reportgen`` command as installed beside this Python (``python -m`` otherwise)."""
    folder = Path(sys.executable).parent
    for name in ("reportgen", "reportgen.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("reportgen")
    return [found] if found else [sys.executable, "-m", "reportgen"]


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def _memory() -> str:
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024**2:.1f} GiB RAM"
    return "RAM unknown"


def _load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def versions() -> dict[str, str]:
    """Python, the libraries that do the work, and pandoc."""
    found = {"Python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    try:
        output = subprocess.run([pandoc_path(), "--version"], capture_output=True, text=True)
        found["pandoc"] = output.stdout.split()[1]
    except (ImportError, OSError, IndexError):
        found["pandoc"] = "absent"
    return found


def machine() -> list[str]:
    """Lines describing the machine and the versions measured."""
    cpus = os.cpu_count()
    bytecode = os.environ.get("PYTHONDONTWRITEBYTECODE")
    note = " (set here; dropped for child processes)" if bytecode else ""
    return [
        f"machine: {cpus} CPUs (nproc), {_cpu_model()}, {_memory()}, {platform.platform()}",
        f"{_load()} at the start",
        "versions: " + ", ".join(f"{name} {version}" for name, version in versions().items()),
        f"PYTHONDONTWRITEBYTECODE={bytecode or '(unset)'}{note}",
    ]


def table(header: Sequence[str], align: str, rows: Sequence[Sequence[object]]) -> list[str]:
    """A Markdown table; ``align`` has one letter per column: l(eft) or r(ight)."""
    marks = {"l": ":---", "r": "---:", "c": ":---:"}
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(marks[a] for a in align) + " |",
    ]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def verdict(met: bool | None) -> str:
    """The 'met' column: yes, NO, or empty (information only)."""
    return "" if met is None else ("yes" if met else "NO")
