"""The targets of issue 14, measured in one run (printed first by ``run_all.py``).

    uv run python benchmarks/targets.py [--repeat 5] [--districts 100] [--scales 10,100]

| measure | target |
| --- | --- |
| cold ``build --lang en --format docx`` (charts) / one pandoc conversion, first run | <= 3x |
| the same, repeat run (one template line edited in between) | <= 2x |
| cold ``build --lang all --format all`` (charts) / one pandoc conversion, first run | <= 4x |
| the same, repeat run | <= 2.5x |
| 100x the figures / 10x (``scale.py``) | <= 12x |
| 100 districts, ``--lang all --format all --jobs 2`` / pandoc run 100x in sequence | <= 0.5x |
| peak memory (maxrss) of the 100-district batch / the 10-district batch | <= 1.2x |

"First run": the caches are empty (a fresh ``REPORTGEN_CACHE_DIR`` for every run) and
Python's bytecode is compiled (children run without PYTHONDONTWRITEBYTECODE after an
untimed run). "Repeat run": the same cache folder as the run before, and one line of
one template (``--templates``, a copy of ``outlook.md.j2``) edited before each run, so
that template compiles again and the others come from the cache. pandoc converts the
en Markdown the build wrote (with its charts). Medians of ``--repeat`` runs, taken in
rounds. The batch and its memory are one run each: maxrss is the largest resident set
of the command and its worker processes (``RUSAGE_CHILDREN`` of a wrapper process).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import scale
from benchlib import (
    HUAIYIN,
    REPO,
    child_env,
    interleaved_medians,
    machine,
    pandoc_convert,
    reportgen_command,
    run_process,
    table,
    verdict,
)
from districts import generate

EDITED = "outlook.md.j2"
#: Runs ``argv[1:]`` and prints its wall time and the largest maxrss of it and its workers.
_WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
    "t = time.perf_counter() - t; "
    "sys.exit(r.stderr.decode()[-2000:]) if r.returncode else None; "
    "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


@dataclass
class Target:
    """One row of the table."""

    name: str
    value: float
    limit: float
    detail: str = ""

    @property
    def met(self) -> bool:
        return self.value <= self.limit


@dataclass
class TargetResult:
    """What one run measured."""

    seconds: dict[str, float] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    scale: dict[int, dict[str, float]] = field(default_factory=dict)
    batch: dict[str, float] = field(default_factory=dict)


class _Runs:
    """The cold commands, each with its cache folder and template edits."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.templates = work / "templates"
        (self.templates / "en").mkdir(parents=True)
        shutil.copy(REPO / "templates" / "en" / EDITED, self.templates / "en" / EDITED)
        self.edits = 0

    def command(self, lang: str, fmt: str, out: str) -> list[str]:
        return [*reportgen_command(), "build", "--lang", lang, "--format", fmt,
                "--templates", str(self.templates), "--out", str(self.work / out)]  # fmt: skip

    def first(self, lang: str, fmt: str) -> Callable[[], object]:
        """A run with empty caches."""

        def run() -> object:
            cache = tempfile.mkdtemp(prefix="cache-", dir=self.work)
            return run_process(self.command(lang, fmt, "first"), self.work,
                               REPORTGEN_CACHE_DIR=cache)  # fmt: skip

        return run

    def repeat(self, lang: str, fmt: str) -> Callable[[], object]:
        """A run after the one before, one template line edited in between."""
        cache = str(self.work / f"cache-{lang}-{fmt}")

        def run() -> object:
            self.edits += 1
            with (self.templates / "en" / EDITED).open("a", encoding="utf-8") as handle:
                handle.write(f"{{# edit {self.edits} #}}\n")
            return run_process(self.command(lang, fmt, "repeat"), self.work,
                               REPORTGEN_CACHE_DIR=cache)  # fmt: skip

        return run


def measure_cold(work: Path, repeat: int) -> dict[str, float]:
    """Medians of the four cold builds and of pandoc, in rounds."""
    runs = _Runs(work)
    markdown = work / "md"
    run_process([*reportgen_command(), "build", "--lang", "en", "--format", "md",
                 "--out", str(markdown)], work, REPORTGEN_CACHE_DIR="off")  # fmt: skip
    pandoc = pandoc_convert(markdown / f"{HUAIYIN.stem}.en.md", work / "pandoc.docx", markdown)
    return interleaved_medians(
        {
            "pandoc": lambda: run_process(pandoc, work),
            "en_docx_first": runs.first("en", "docx"),
            "en_docx_repeat": runs.repeat("en", "docx"),
            "all_first": runs.first("all", "all"),
            "all_repeat": runs.repeat("all", "all"),
        },
        repeat,
    )


def _wrapped(command: list[str], cwd: Path, cache: Path) -> tuple[float, int]:
    """Wall seconds and maxrss (KiB) of ``command`` and its workers, in a fresh wrapper."""
    result = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], cwd=cwd, capture_output=True, text=True,
        env=child_env(REPORTGEN_CACHE_DIR=str(cache)), check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} … failed:\n{result.stderr[-2000:]}")
    seconds, maxrss = result.stdout.split()
    return float(seconds), int(maxrss)


def measure_batch(work: Path, count: int, small: int) -> dict[str, float]:
    """``count`` generated districts with ``--jobs 2`` against pandoc run ``count`` times,
    and the maxrss of that batch and of one of ``small`` districts."""
    files = generate(work / "districts", count)
    found: dict[str, float] = {}
    for label, chosen in (("small", files[:small]), ("large", files)):
        out = work / f"batch-{label}"
        command = [*reportgen_command(), "build", *map(str, chosen), "--lang", "all",
                   "--format", "all", "--jobs", "2", "--out", str(out)]  # fmt: skip
        seconds, maxrss = _wrapped(command, work, work / f"cache-batch-{label}")
        found[f"{label}_seconds"], found[f"{label}_maxrss"] = seconds, maxrss
        found[f"{label}_count"] = len(chosen)
    markdown = sorted((work / "batch-large").glob("*.en.md"))
    start = time.perf_counter()
    for source in markdown:
        run_process(pandoc_convert(source, work / "pandoc.docx", source.parent), work)
    found["pandoc_seconds"] = time.perf_counter() - start
    found["pandoc_count"] = len(markdown)
    return found


def measure_targets(
    work: Path, repeat: int = 5, districts: int = 100, small: int = 10,
    scales: tuple[int, int] = (10, 100), log: Callable[[str], None] = lambda _: None,
) -> TargetResult:  # fmt: skip
    """Every measure of the table."""
    result = TargetResult()
    log("targets: cold first and repeat runs …")
    t = result.seconds = measure_cold(work / "cold", repeat)
    log("targets: 100 districts …")
    result.batch = b = measure_batch(work / "batch", districts, small)
    log(f"targets: {scales[0]}x and {scales[1]}x the figures …")
    result.scale = {k: scale.measure(k, _folder(work / "scale")) for k in scales}
    small_run, large_run = (result.scale[k]["total"] for k in scales)
    per_ten = 12 * (scales[1] / scales[0]) / 10
    result.targets = [
        Target("cold en docx with charts / one pandoc conversion, first run (caches empty)",
               t["en_docx_first"] / t["pandoc"], 3,
               f"{t['en_docx_first']:.3f} s / {t['pandoc']:.3f} s"),
        Target("same, repeat run (one template line edited in between)",
               t["en_docx_repeat"] / t["pandoc"], 2, f"{t['en_docx_repeat']:.3f} s"),
        Target("cold all/all with charts, first run", t["all_first"] / t["pandoc"], 4,
               f"{t['all_first']:.3f} s"),
        Target("same, repeat run", t["all_repeat"] / t["pandoc"], 2.5, f"{t['all_repeat']:.3f} s"),
        Target(f"{scales[1]}x figures vs {scales[0]}x (whole build)", large_run / small_run,
               per_ten, f"{large_run:.2f} s / {small_run:.2f} s"),
        Target(f"{b['large_count']:.0f} districts, --jobs 2, all/all / pandoc run "
               f"{b['pandoc_count']:.0f}x in sequence", b["large_seconds"] / b["pandoc_seconds"],
               0.5, f"{b['large_seconds']:.1f} s / {b['pandoc_seconds']:.1f} s"),
        Target(f"peak memory (maxrss) of the {b['large_count']:.0f}-district batch / "
               f"{b['small_count']:.0f}-district batch", b["large_maxrss"] / b["small_maxrss"],
               1.2, f"{b['large_maxrss'] / 1024:.0f} MiB / {b['small_maxrss'] / 1024:.0f} MiB"),
    ]  # fmt: skip
    return result


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def report(result: TargetResult) -> list[str]:
    """The table of the issue, and the scale run by stage."""
    rows = [
        (t.name, f"{t.value:.2f}", f"<= {t.limit:g}x", verdict(t.met),
         f"missed by {t.value / t.limit - 1:.0%}" if not t.met else "", t.detail)
        for t in result.targets
    ]  # fmt: skip
    lines = table(("measure", "value", "target", "met", "by", "measured"), "lrccll", rows)
    lines += ["", "The scale runs, seconds per stage (benchmarks/scale.py):", ""]
    return lines + scale.report(result.scale)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--districts", type=int, default=100)
    parser.add_argument("--small", type=int, default=10, help="the smaller batch (memory)")
    parser.add_argument("--scales", default="10,100")
    args = parser.parse_args(argv)
    small_scale, large_scale = (int(s) for s in args.scales.split(","))
    with tempfile.TemporaryDirectory(prefix="reportgen-targets-") as folder:
        result = measure_targets(
            Path(folder), args.repeat, args.districts, args.small, (small_scale, large_scale),
            log=lambda message: print(message, file=sys.stderr, flush=True),
        )  # fmt: skip
    print("\n".join([*machine(), "", *report(result)]))
    print("\ncold medians (s): " + ", ".join(f"{k} {v:.3f}" for k, v in result.seconds.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
