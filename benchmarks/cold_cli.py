"""The cold command line against pandoc, and where a cold build's time goes.

    uv run python benchmarks/cold_cli.py [--repeat 5] [--data FILE]

Fresh processes, median of ``--repeat`` runs each after one untimed run, taken in
rounds (every command once per round):

- ``reportgen build --lang all --format all`` (all four documents for the packaged
  Huaiyin dataset, charts on: the default build), and the same with ``--no-charts``;
- ``reportgen build --lang en --format docx``, charts on and off: issue 5's target is
  at most 2x pandoc;
- pandoc converting the same en Markdown (the one the first command wrote, with its
  charts; and the one ``--no-charts`` wrote) to DOCX.

Then the cold ``--lang en --format docx`` build (charts on) broken down, each part
measured: Python start-up (``python -c pass``), the imports, loading and validating
the data, rendering, the charts, the DOCX (``cold_probe.py``, median per step), and
the imports by package (``-X importtime``, one run, self time summed per package).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchlib import (
    HUAIYIN,
    child_env,
    interleaved_medians,
    machine,
    pandoc_convert,
    process,
    reportgen_command,
    run_process,
    table,
    verdict,
)

PROBE = Path(__file__).with_name("cold_probe.py")
#: Top-level modules → the dependency they belong to, for the import breakdown.
GROUPS = {
    "reportgen": "reportgen's own modules",
    "matplotlib": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "mpl_toolkits": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "numpy": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "PIL": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "fontTools": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "pyparsing": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "dateutil": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "kiwisolver": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "cycler": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "contourpy": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "packaging": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "six": "matplotlib (+ numpy, Pillow, fontTools, …)",
    "pydantic": "pydantic",
    "pydantic_core": "pydantic",
    "annotated_types": "pydantic",
    "typing_inspection": "pydantic",
    "typing_extensions": "pydantic",
    "jinja2": "Jinja2 + MarkupSafe",
    "markupsafe": "Jinja2 + MarkupSafe",
    "babel": "Babel",
    "docx": "python-docx + lxml",
    "lxml": "python-docx + lxml",
    "markdown_it": "markdown-it-py + mdit-py-plugins",
    "mdit_py_plugins": "markdown-it-py + mdit-py-plugins",
    "mdurl": "markdown-it-py + mdit-py-plugins",
    "ruamel": "ruamel.yaml",
    "yaml": "PyYAML (libyaml)",
    "_yaml": "PyYAML (libyaml)",
    "platformdirs": "platformdirs",
    "click": "click",
}
STEPS = (
    ("startup", "Python start-up (`python -c pass`)"),
    ("import_pipeline", "imports: reportgen CLI + pipeline (pydantic, Jinja2, Babel, click)"),
    ("import_docx", "imports: DOCX writer (python-docx, lxml, markdown-it-py)"),
    ("import_charts", "imports: chart writers (native DOCX charts, SVG)"),
    ("load", "loading + validating the data (YAML, pydantic, quote checks)"),
    ("render", "rendering (view, templates, Babel data on first use)"),
    ("fonts", "charts: font lookup"),
    ("draw", "charts: chart files drawn (none in a DOCX-only build)"),
    ("docx", "DOCX rendering + writing"),
    ("exit", "interpreter shutdown (the probe's wall time - its steps - start-up)"),
)


@dataclass
class ColdResult:
    """Medians (seconds) of the cold commands and of the steps of one cold build."""

    times: dict[str, float]
    steps: dict[str, float]
    imports: dict[str, float]  # ms of import self time per dependency (-X importtime)
    charts: int  # pictures in the en briefing
    out: Path  # where the four documents were written
    data: str
    documents: list[Path] = field(default_factory=list)


def _stem_markdown(folder: Path, lang: str) -> Path:
    found = sorted(folder.glob(f"*.{lang}.md"))
    if not found:
        raise RuntimeError(f"no *.{lang}.md in {folder}")
    return found[0]


def import_times(command: list[str], cwd: Path) -> dict[str, float]:
    """Milliseconds of import self time per dependency, from one ``-X importtime`` run."""
    result = subprocess.run(
        command, cwd=cwd, env=child_env(PYTHONPROFILEIMPORTTIME="1"), capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    spent: dict[str, float] = {}
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        top = name.strip().split(".")[0]
        group = GROUPS.get(top, "the standard library and the rest")
        spent[group] = spent.get(group, 0.0) + int(own) / 1000
    return dict(sorted(spent.items(), key=lambda item: -item[1]))


def measure_cold(
    work: Path, repeat: int, *, data: Path | None = None, warmup: bool = True
) -> ColdResult:
    """Time the cold commands and the steps of a cold en DOCX build (see the module doc)."""
    work.mkdir(parents=True, exist_ok=True)
    rg = reportgen_command()
    data = data.resolve() if data is not None else None
    source = [str(data)] if data is not None else []
    folders = {name: work / name for name in ("all", "all-plain", "en", "en-plain")}

    def build(name: str, *options: str) -> list[str]:
        return [*rg, "build", *source, *options, "--out", str(folders[name])]

    commands = {
        "all": build("all", "--lang", "all", "--format", "all"),
        "all_plain": build("all-plain", "--lang", "all", "--format", "all", "--no-charts"),
        "en_docx": build("en", "--lang", "en", "--format", "docx"),
        "en_docx_plain": build("en-plain", "--lang", "en", "--format", "docx", "--no-charts"),
    }
    for command in commands.values():  # the Markdown pandoc converts, and the warm-up
        run_process(command, work)
    markdown = _stem_markdown(folders["all"], "en")
    plain = _stem_markdown(folders["all-plain"], "en")
    commands["pandoc"] = pandoc_convert(markdown, work / "pandoc.en.docx", folders["all"])
    commands["pandoc_plain"] = pandoc_convert(plain, work / "pandoc.plain.docx", plain.parent)
    commands["startup"] = [sys.executable, "-c", "pass"]
    probe = [sys.executable, str(PROBE), str(data or HUAIYIN), str(work / "probe")]
    runs = {name: process(command, work) for name, command in commands.items()}
    times = interleaved_medians(runs, repeat, warmup=warmup)

    parsed: list[dict[str, float]] = []
    for index in range(max(1, repeat) + int(warmup)):
        start = time.perf_counter()
        output = run_process(probe, work)
        wall = time.perf_counter() - start
        if index >= int(warmup):
            parsed.append(_parse(output) | {"probe_wall": wall})
    steps = {key: statistics.median(p[key] for p in parsed) for key in parsed[0]}
    steps["startup"] = times["startup"]
    # What the probe's wall time holds beyond start-up and its timed steps: shutdown.
    steps["exit"] = max(0.0, steps["probe_wall"] - steps["total_in_process"] - steps["startup"])
    imports = import_times(commands["en_docx"], work)
    # A DOCX-only build writes no chart files (native Word charts): count the md build's.
    charts = len([p for p in folders["all"].glob("*.en.assets/*") if p.suffix in (".png", ".svg")])
    documents = sorted(p for p in folders["all"].iterdir() if p.suffix in {".md", ".docx"})
    label = data.name if data is not None else "the packaged Huaiyin dataset"
    return ColdResult(times, steps, imports, charts, folders["all"], label, documents)


def _parse(output: str) -> dict[str, float]:
    import json

    values: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return values


def target_met(result: ColdResult) -> bool:
    """Issue 5: a cold ``--lang en --format docx`` build within 2x pandoc's conversion."""
    return result.times["en_docx"] <= 2 * result.times["pandoc"]


def cold_table(result: ColdResult) -> list[str]:
    """The cold commands against pandoc, as a Markdown table."""
    t = result.times
    rows = [
        ("`build --lang all --format all` (4 documents, charts)", t["all"], t["pandoc"],
         "info", None),
        ("`build --lang all --format all --no-charts`", t["all_plain"], t["pandoc_plain"],
         "info", None),
        ("`build --lang en --format docx` (charts)", t["en_docx"], t["pandoc"], "<= 2x",
         target_met(result)),
        ("`build --lang en --format docx --no-charts`", t["en_docx_plain"], t["pandoc_plain"],
         "<= 2x", t["en_docx_plain"] <= 2 * t["pandoc_plain"]),
    ]  # fmt: skip
    return table(
        ("fresh process, " + result.data, "reportgen (s)", "pandoc, same en Markdown (s)",
         "ratio", "target", "met"),
        "lrrrcc",
        [(name, f"{ours:.3f}", f"{theirs:.3f}", f"{ours / theirs:.2f}", target, verdict(met))
         for name, ours, theirs, target, met in rows],
    )  # fmt: skip


def steps_table(result: ColdResult) -> list[str]:
    """The steps of the cold en DOCX build, each against the CLI's time and pandoc's."""
    total, pandoc = result.times["en_docx"], result.times["pandoc"]
    charts = f": {result.charts} chart{'' if result.charts == 1 else 's'}"
    rows: list[tuple[str, float]] = [
        (label + (charts if key == "draw" else ""), result.steps[key]) for key, label in STEPS
    ]
    rest = total - sum(seconds for _, seconds in rows)
    rows.append(("the rest: click, the console script (the command - the sum above)", rest))
    at = next(i for i, (name, _) in enumerate(rows) if name.startswith("rendering"))
    rows.insert(at + 1, ("  of which: compiling the templates (Jinja2)", result.steps["compile"]))
    lines = table(
        ("cold `build --lang en --format docx`, step", "seconds", "share", "x pandoc"),
        "lrrr",
        [(name, f"{s:.3f}", f"{s / total:.0%}", f"{s / pandoc:.2f}") for name, s in rows],
    )
    lines.append(f"| **the command, measured** | **{total:.3f}** | 100% | {total / pandoc:.2f} |")
    return lines


def imports_table(result: ColdResult) -> list[str]:
    """Import self time per dependency (one ``-X importtime`` run of the en DOCX build)."""
    total = sum(result.imports.values())
    rows = [(name, f"{ms:.0f}", f"{ms / total:.0%}") for name, ms in result.imports.items()]
    rows.append(("**all imports (-X importtime adds its own overhead)**", f"{total:.0f}", ""))
    return table(("imports of the en DOCX build, by package", "ms (self)", "share"), "lrr", rows)


def bounds(result: ColdResult) -> list[str]:
    """What bounds the cold build, from the measured steps."""
    s, pandoc = result.steps, result.times["pandoc"]
    floor = s["startup"] + s["import_pipeline"] + s["import_docx"] + s["load"]
    charts = s["import_charts"] + s["fonts"] + s["draw"]
    return [
        f"- Before any rendering (start-up, pipeline and DOCX imports, loading the data) a cold "
        f"build has spent {floor:.2f} s = {floor / pandoc:.1f}x pandoc's whole conversion "
        f"({pandoc:.3f} s); 2x pandoc is {2 * pandoc:.2f} s.",
        f"- The charts (imports, fonts, chart files) cost {charts:.2f} s "
        f"({charts / result.times['en_docx']:.0%} of the command).",
        f"- Loading and validating the data: {s['load']:.2f} s; rendering {s['render']:.2f} s; "
        f"the DOCX {s['docx']:.2f} s.",
    ]


def report(result: ColdResult) -> list[str]:
    """Every table of this benchmark."""
    return [
        *cold_table(result), "", *steps_table(result), "", *bounds(result), "",
        *imports_table(result),
    ]  # fmt: skip


def main() -> int:
    """Run the cold benchmark and print its tables."""
    parser = argparse.ArgumentParser(description="cold CLI vs pandoc")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (median)")
    parser.add_argument("--data", type=Path, help="fact file (default: the packaged dataset)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cold-bench-") as folder:
        result = measure_cold(Path(folder), args.repeat, data=args.data)
    print("\n".join([*machine(), "", *report(result)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
