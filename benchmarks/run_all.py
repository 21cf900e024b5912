"""Every benchmark in one run, and the ratios to pandoc measured in that run.

    uv sync                                        # pypandoc-binary brings pandoc
    uv run python benchmarks/run_all.py            # ~6-8 minutes on 2 CPUs
    uv run python benchmarks/run_all.py --quick    # ~1-2 minutes, smaller counts

Sections (each module also runs alone; see benchmarks/README.md):

0. the targets of issue 14 (``targets.py``, ``scale.py``): cold en DOCX and all/all,
   first run (caches empty) and repeat run (one template line edited), against one
   pandoc conversion; 100x the figures against 10x; 100 districts with ``--jobs 2``
   against pandoc run 100 times; the batch's peak memory against a 10-district batch;
1. cold CLI (``cold_cli.py``): ``reportgen build --lang all --format all`` for the
   packaged Huaiyin dataset in a fresh process, with and without charts, and
   ``--lang en --format docx`` (issue 5: at most 2x), against a fresh pandoc
   converting the same en Markdown; the cold build broken down step by step;
2. warm throughput (``throughput.py``): generated districts x en, zh x DOCX in one
   process, documents per second and time per document against pandoc's;
3. table scaling (``docx_vs_pandoc.py``): 100, 1,000 and 5,000-row pipe tables,
   reportgen's DOCX writer against pandoc, time per row;
4. peak memory (``peak_memory.py``, in a fresh process): 100 and then 1,000
   documents, tracemalloc and maxrss;
5. the DOCX writer alone (``docx_vs_pandoc.py``): the fixture briefing, cold and warm;

then a summary of the ratios. Child processes run without PYTHONDONTWRITEBYTECODE
(compiled bytecode, as an installed package). Exit status 0 when everything ran;
with ``--strict``, 1 if a target was missed. ``--output FILE`` also writes the report.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import cold_cli
import docx_vs_pandoc
import peak_memory
import targets
import throughput
from benchlib import machine, run_process, table, verdict
from districts import SEED, generate

SECTIONS = ("targets", "cold", "throughput", "tables", "memory", "writer")


@dataclass(frozen=True)
class Settings:
    """Sizes of one run (``--quick`` makes them small)."""

    repeat: int = 5
    districts: int = 200
    charts_districts: int = 20
    rows: tuple[int, ...] = (100, 1000, 5000)
    batches: tuple[int, ...] = (100, 1000)
    window: int = 10
    seed: int = SEED
    sections: tuple[str, ...] = SECTIONS
    target_districts: int = 100  # the batch of issue 14's targets
    target_small: int = 10  # … and the smaller batch its memory is compared with
    scales: tuple[int, int] = (10, 100)  # figures x the Huaiyin dataset


QUICK = Settings(
    repeat=2, districts=20, charts_districts=4, rows=(100, 1000), batches=(20, 200), window=5,
    target_districts=20, target_small=4, scales=(3, 10),
)  # fmt: skip


@dataclass
class Ratio:
    """One line of the summary."""

    name: str
    value: float
    target: str = "info"
    met: bool | None = None


@dataclass
class Results:
    """What one run measured, section by section."""

    targets: targets.TargetResult | None = None
    cold: cold_cli.ColdResult | None = None
    throughput: throughput.ThroughputResult | None = None
    tables: list[docx_vs_pandoc.TableTiming] = field(default_factory=list)
    memory: list[peak_memory.MemoryBatch] = field(default_factory=list)
    writer: list[docx_vs_pandoc.Row] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    districts: list[Path] = field(default_factory=list)


def run_memory_child(districts: Path, settings: Settings, work: Path) -> list[str]:
    """``peak_memory.py --json`` in a fresh process (its maxrss is its own)."""
    command = [
        sys.executable, str(Path(peak_memory.__file__)), "--json", "--districts", str(districts),
        "--batches", ",".join(map(str, settings.batches)), "--window", str(settings.window),
    ]  # fmt: skip
    return [run_process(command, work)]


def run(work: Path, settings: Settings, log: bool = True) -> Results:
    """Run the chosen sections in order; return what they measured."""
    results = Results()

    def note(message: str) -> None:
        if log:
            print(message, file=sys.stderr, flush=True)

    def timed(name: str) -> float:
        results.seconds[name] = time.perf_counter()
        note(f"run_all: {name} …")
        return results.seconds[name]

    def done(name: str) -> None:
        results.seconds[name] = time.perf_counter() - results.seconds[name]
        note(f"run_all: {name} done in {results.seconds[name]:.0f} s")

    chosen = settings.sections
    if "targets" in chosen:
        timed("targets")
        results.targets = targets.measure_targets(
            work / "targets", settings.repeat, settings.target_districts,
            settings.target_small, settings.scales, log=note,
        )  # fmt: skip
        done("targets")
    if "cold" in chosen:
        timed("cold")
        results.cold = cold_cli.measure_cold(work / "cold", settings.repeat)
        done("cold")
    count = max(settings.districts, settings.charts_districts)
    results.districts = generate(work / "districts", count, settings.seed)
    # Before anything large runs in this process: a child's maxrss starts from its parent's
    # resident set at the fork (Linux keeps it across exec).
    if "memory" in chosen:
        timed("memory")
        (work / "memory").mkdir(parents=True, exist_ok=True)
        output = run_memory_child(work / "districts", settings, work / "memory")[0]
        rows = json.loads(output.strip().splitlines()[-1])
        results.memory = [peak_memory.MemoryBatch(**row) for row in rows]
        done("memory")
    if "throughput" in chosen:
        timed("throughput")
        results.throughput = throughput.measure_throughput(
            work / "throughput", settings.districts, settings.charts_districts,
            repeat=settings.repeat, seed=settings.seed,
        )  # fmt: skip
        done("throughput")
    if "tables" in chosen:
        timed("tables")
        results.tables = docx_vs_pandoc.measure_tables(
            work / "tables", list(settings.rows), settings.repeat
        )
        done("tables")
    if "writer" in chosen:
        timed("writer")
        writer = work / "writer"
        writer.mkdir(parents=True, exist_ok=True)
        docx_vs_pandoc.prepare(writer)
        results.writer = docx_vs_pandoc.cold_rows(writer, settings.repeat)
        results.writer.append(
            docx_vs_pandoc.warm_row(writer, settings.repeat * 3, results.writer[0][2])
        )
        done("writer")
    return results


def ratios(results: Results) -> list[Ratio]:
    """The summary: every ratio to pandoc (and the two shape checks) of this run."""
    found: list[Ratio] = []
    if results.targets is not None:
        found += [
            Ratio(f"issue 14: {t.name}", t.value, f"<= {t.limit:g}x", t.met)
            for t in results.targets.targets
        ]
    if results.cold is not None:
        t = results.cold.times
        found += [
            Ratio("cold `build --lang all --format all` (4 documents, charts) / pandoc en",
                  t["all"] / t["pandoc"]),
            Ratio("cold `build --lang all --format all --no-charts` / pandoc en",
                  t["all_plain"] / t["pandoc_plain"]),
            Ratio("cold `build --lang en --format docx` / pandoc en (issue 5)",
                  t["en_docx"] / t["pandoc"], "<= 2x", cold_cli.target_met(results.cold)),
            Ratio("cold `build --lang en --format docx --no-charts` / pandoc en",
                  t["en_docx_plain"] / t["pandoc_plain"], "<= 2x",
                  t["en_docx_plain"] <= 2 * t["pandoc_plain"]),
        ]  # fmt: skip
    if results.throughput is not None:
        for batch in [*results.throughput.batches, results.throughput.huaiyin]:
            name = f"warm per document / pandoc per document: {batch.label.split(':')[0]}"
            found.append(Ratio(name, batch.per_document / batch.pandoc))
    if results.tables:
        last = results.tables[-1]
        growth = docx_vs_pandoc.linear(results.tables)
        big = last.rows >= 5000  # the target is for 5,000 rows; smaller (--quick): information
        found += [
            Ratio(f"table {last.rows:,} rows, fresh process / pandoc",
                  last.reportgen_cold / last.pandoc_cold, "<= 1x" if big else "info",
                  last.reportgen_cold <= last.pandoc_cold if big else None),
            Ratio(f"table: warm us/row at {last.rows:,} rows / at {results.tables[0].rows:,}",
                  growth, "linear (<= 1.5)", growth <= 1.5),
        ]  # fmt: skip
    if results.memory:
        small, large = results.memory[0], results.memory[-1]
        found.append(Ratio(
            f"memory: traced peak per document, {large.documents:,}-document batch / "
            f"{small.documents:,}-document batch",
            large.traced_peak / small.traced_peak, "flat", peak_memory.flat(results.memory),
        ))  # fmt: skip
    for name, ours, theirs, target, met in results.writer:
        if target != "info":
            found.append(Ratio(f"DOCX writer: {name}", ours / theirs, target, met))
    return found


def summary(results: Results) -> list[str]:
    """The ratios as a Markdown table."""
    rows = [(r.name, f"{r.value:.2f}", r.target, verdict(r.met)) for r in ratios(results)]
    return table(("ratio, measured in this run", "value", "target", "met"), "lrcc", rows)


def report(results: Results, settings: Settings, command: str) -> list[str]:
    """The whole report: command, machine, each section, the summary."""
    lines = [f"command: {command}", *machine(), ""]
    if results.targets is not None:
        lines += ["## 0. The targets of issue 14", "", *targets.report(results.targets), ""]
    if results.cold is not None:
        lines += ["## 1. Cold CLI against pandoc", "", *cold_cli.report(results.cold), ""]
    if results.throughput is not None:
        lines += ["## 2. Warm throughput", "", *throughput.report(results.throughput), ""]
    if results.tables:
        lines += ["## 3. Table scaling", "", *docx_vs_pandoc.scaling_table(results.tables), ""]
    if results.memory:
        lines += ["## 4. Peak memory", "", *peak_memory.memory_table(results.memory), ""]
    if results.writer:
        lines += ["## 5. The DOCX writer alone (fixture)", "",
                  *docx_vs_pandoc.report(results.writer), ""]  # fmt: skip
    lines += ["## Summary", "", *summary(results), ""]
    spent = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in results.seconds.items())
    lines.append(f"Sizes: {settings}. Time per section: {spent}.")
    return lines


def parse(argv: list[str] | None = None) -> tuple[Settings, argparse.Namespace]:
    """The settings from the command line."""
    parser = argparse.ArgumentParser(description="run every benchmark; print the ratios")
    parser.add_argument("--quick", action="store_true", help="small counts (~1-2 minutes)")
    parser.add_argument("--repeat", type=int, help="runs per cold measurement (median)")
    parser.add_argument("--districts", type=int, help="generated districts for throughput")
    parser.add_argument("--charts-districts", type=int, help="… of them built with charts")
    parser.add_argument("--rows", help="table sizes, comma-separated")
    parser.add_argument("--batches", help="memory: documents per batch, comma-separated")
    parser.add_argument("--window", type=int, help="memory: documents traced at each end")
    parser.add_argument("--only", help=f"sections, comma-separated: {', '.join(SECTIONS)}")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    base = QUICK if args.quick else Settings()
    values = {
        "repeat": args.repeat,
        "districts": args.districts,
        "charts_districts": args.charts_districts,
        "rows": tuple(int(n) for n in args.rows.split(",")) if args.rows else None,
        "batches": tuple(int(n) for n in args.batches.split(",")) if args.batches else None,
        "window": args.window,
        "sections": tuple(s.strip() for s in args.only.split(",")) if args.only else None,
    }
    changed = {key: value for key, value in values.items() if value is not None}
    unknown = set(changed.get("sections", ())) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}")
    return Settings(**{**base.__dict__, **changed}), args


def main(argv: list[str] | None = None) -> int:
    """Run, print the report (and write it with ``--output``)."""
    settings, args = parse(argv)
    command = "uv run python benchmarks/run_all.py " + " ".join(sys.argv[1:] if argv is None
                                                                else argv)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="reportgen-bench-") as folder:
        results = run(Path(folder), settings)
    text = "\n".join(report(results, settings, command.strip()))
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    missed = [r for r in ratios(results) if r.met is False]
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
