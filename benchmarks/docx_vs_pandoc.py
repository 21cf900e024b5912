"""Time reportgen's DOCX writer against pandoc on the same Markdown, in one run.

    uv run python benchmarks/docx_vs_pandoc.py [--repeat 7] [--rows 100,1000,5000]

Three comparisons, each a ratio taken in the same run on the same machine:

1. cold: a fresh ``python -c`` process that imports reportgen.writers.docx and converts
   the fixture briefing (tests/fixtures/docx/briefing.en.md, with its picture) against a
   fresh ``pandoc briefing.en.md -o briefing.docx``. Target: at most 2x. Shown twice:
   as asked (importing ``reportgen`` runs its ``__init__``) and for the writer alone
   (that ``__init__`` skipped), with where the time goes.
2. tables: a generated pipe table of 100, 1,000 and 5,000 rows, each tool in a fresh
   process (reportgen's warm in-process time is shown too). Target: 5,000 rows no slower
   than pandoc, and time per row roughly constant (linear growth). ``run_all.py`` prints
   the same measurement (:func:`measure_tables`) as its table-scaling section.
3. warm: the fixture rendered and saved inside a running Python process, against the
   cold pandoc conversion. Target: at most 1/5.

Medians of ``--repeat`` runs; every command runs once untimed first (file cache, and
Python's bytecode cache: PYTHONDONTWRITEBYTECODE is dropped for the child processes so
they start as an installed package would). Warm renders run back to back, so the
collection of one render's garbage (deferred while it ran) lands in the next timing.
Timing lives here, never in the tests.
"""

from __future__ import annotations

import argparse
import datetime
import struct
import sys
import tempfile
import zlib
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchlib import REPO, machine, median_seconds, pandoc_convert, process, table, verdict

FIXTURE = REPO / "tests" / "fixtures" / "docx" / "briefing.en.md"
CONVERT = """
import datetime, pathlib, sys
from reportgen.writers.docx import DocxMeta, write_docx
source, target, base = map(pathlib.Path, sys.argv[1:4])
meta = DocxMeta(lang="en", title="Huaiyin District Briefing", subject="District briefing",
                header_text="Huaiyin District · Briefing", created=datetime.datetime(2024, 1, 15))
write_docx(source.read_text(encoding="utf-8"), target, meta, base_dir=base)
"""
# Prepended to CONVERT: skip reportgen/__init__ (as if it imported lazily).
BYPASS_INIT = f"""
import sys, types
package = types.ModuleType("reportgen")
package.__path__ = [{str(REPO / "reportgen")!r}]
sys.modules["reportgen"] = package
"""
IMPORT_ONLY = "import docx, markdown_it, mdit_py_plugins.footnote"
#: A document with no table: each tool's start-up and fixed cost, subtracted per row.
ONE_LINE = "# Tables\n\nNo table here.\n"
Row = tuple[str, float, float, str, bool]  # name, reportgen s, pandoc s, target, met


@dataclass(frozen=True)
class TableTiming:
    """One table size: fresh-process times of both tools, reportgen's warm time, and
    each tool's time for a document without a table (its start-up and fixed cost)."""

    rows: int
    reportgen_cold: float
    pandoc_cold: float
    reportgen_warm: float
    reportgen_base: float
    pandoc_base: float

    @property
    def warm_us_per_row(self) -> float:
        """reportgen in a running process: microseconds per table row."""
        return self.reportgen_warm / self.rows * 1e6

    @property
    def reportgen_us_per_row(self) -> float:
        """reportgen in a fresh process, its one-line document's time subtracted, per row."""
        return max(0.0, self.reportgen_cold - self.reportgen_base) / self.rows * 1e6

    @property
    def pandoc_us_per_row(self) -> float:
        """pandoc in a fresh process, its one-line document's time subtracted, per row."""
        return max(0.0, self.pandoc_cold - self.pandoc_base) / self.rows * 1e6


def png_bytes(width: int, height: int) -> bytes:
    """A small gradient PNG (the fixture's picture), the same bytes every time."""
    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in (x * 4 % 256, y * 7 % 256, 160))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def table_markdown(rows: int) -> str:
    """A pipe table of ``rows`` rows: text, a centred year, four right-aligned numbers."""
    lines = [
        "| District | Year | GDP (RMB 100m) | Growth (%) | Population | Firms |",
        "| :--- | :---: | ---: | ---: | ---: | ---: |",
    ]
    for i in range(rows):
        lines.append(
            f"| District {i} | {2000 + i % 25} | {i * 3.7:.2f} | {i % 13 / 10:.1f}"
            f" | {10000 + i * 7} | {i % 500} |"
        )
    return "\n".join(lines) + "\n"


def python_convert(source: Path, target: Path, base: Path, *, bypass: bool = False) -> list[str]:
    """The cold reportgen command for one conversion (``bypass``: skip reportgen/__init__)."""
    code = BYPASS_INIT + CONVERT if bypass else CONVERT
    return [sys.executable, "-c", code, str(source), str(target), str(base)]


def cold_rows(work: Path, repeat: int) -> list[Row]:
    """Fresh processes converting the fixture: reportgen vs pandoc, and where the time goes."""
    target = work / "r.docx"
    theirs = median_seconds(process(pandoc_convert(FIXTURE, work / "p.docx", work), work), repeat)
    ours = median_seconds(process(python_convert(FIXTURE, target, work), work), repeat)
    alone = python_convert(FIXTURE, target, work, bypass=True)
    writer = median_seconds(process(alone, work), repeat)
    imports = median_seconds(process([sys.executable, "-c", IMPORT_ONLY], work), repeat)
    bare = median_seconds(process([sys.executable, "-c", "pass"], work), repeat)
    return [
        ("cold: fixture, import reportgen.writers.docx", ours, theirs, "<= 2x", ours <= 2 * theirs),
        ("cold: the writer alone (reportgen/__init__ skipped)", writer, theirs, "<= 2x",
         writer <= 2 * theirs),
        ("  reportgen/__init__ (imports the pipeline)", ours - writer, theirs, "info", True),
        ("  import python-docx + markdown-it", imports - bare, theirs, "info", True),
        ("  python start-up", bare, theirs, "info", True),
        ("  the writer's modules + the conversion", writer - imports, theirs, "info", True),
    ]  # fmt: skip


def warm_row(work: Path, repeat: int, pandoc_cold: float) -> Row:
    """The fixture rendered and saved in this (warm) process vs pandoc's cold conversion."""
    from reportgen.writers.docx import DocxMeta, write_docx

    markdown = FIXTURE.read_text(encoding="utf-8")
    when = datetime.datetime(2024, 1, 15)
    meta = DocxMeta("en", "Huaiyin District Briefing", "District briefing", "Huaiyin", when)
    target = work / "w.docx"
    ours = median_seconds(lambda: write_docx(markdown, target, meta, base_dir=work), repeat)
    return ("warm: fixture, render + save", ours, pandoc_cold, "<= 1/5", ours * 5 <= pandoc_cold)


def measure_tables(
    work: Path, sizes: list[int], repeat: int, *, warmup: bool = True
) -> list[TableTiming]:
    """Pipe tables of each size converted by both tools in fresh processes (the 5,000-row
    table and larger: half the runs, at least 3), and by reportgen in this process.

    The DOCX files are left in ``work`` as ``table<rows>.docx`` (reportgen) and
    ``table<rows>.pandoc.docx``.
    """
    from reportgen.writers.docx import DocxMeta, render_docx

    meta = DocxMeta("en", "Tables", "tables", "Tables", datetime.datetime(2024, 1, 15))
    work.mkdir(parents=True, exist_ok=True)
    empty = work / "one-line.md"
    empty.write_text(ONE_LINE, encoding="utf-8")
    ours_base = median_seconds(
        process(python_convert(empty, work / "one-line.docx", work), work), repeat, warmup=warmup
    )
    theirs_base = median_seconds(
        process(pandoc_convert(empty, work / "one-line.pandoc.docx", work), work),
        repeat,
        warmup=warmup,
    )
    timings: list[TableTiming] = []
    for size in sizes:
        source = work / f"table{size}.md"
        markdown = table_markdown(size)
        source.write_text(markdown, encoding="utf-8")
        reps = max(3, repeat // 2) if size >= 5000 else repeat
        reps = min(reps, repeat)
        ours_cmd = python_convert(source, work / f"table{size}.docx", work)
        theirs_cmd = pandoc_convert(source, work / f"table{size}.pandoc.docx", work)
        ours = median_seconds(process(ours_cmd, work), reps, warmup=warmup)
        theirs = median_seconds(process(theirs_cmd, work), reps, warmup=warmup)
        warm = median_seconds(partial(render_docx, markdown, meta, base_dir=work), reps)
        timings.append(TableTiming(size, ours, theirs, warm, ours_base, theirs_base))
    return timings


def linear(timings: list[TableTiming]) -> float:
    """reportgen's warm time per row, largest table over smallest (1.0: exactly linear)."""
    first, last = timings[0].warm_us_per_row, timings[-1].warm_us_per_row
    return last / first if first else 0.0


def scaling_table(timings: list[TableTiming]) -> list[str]:
    """Both tools on each table, and the time per row (run_all.py's table-scaling section)."""
    rows = [
        (f"{t.rows:,}", f"{t.reportgen_cold:.3f}", f"{t.pandoc_cold:.3f}",
         f"{t.reportgen_cold / t.pandoc_cold:.2f}", f"{t.reportgen_warm:.3f}",
         f"{t.warm_us_per_row:.0f}", f"{t.reportgen_us_per_row:.0f}", f"{t.pandoc_us_per_row:.0f}")
        for t in timings
    ]  # fmt: skip
    lines = table(
        ("table rows", "reportgen, fresh process (s)", "pandoc, fresh process (s)", "ratio",
         "reportgen warm (s)", "reportgen warm us/row",
         "reportgen fresh us/row (minus a one-line document)",
         "pandoc us/row (minus a one-line document)"),
        "rrrrrrrr",
        rows,
    )  # fmt: skip
    growth = linear(timings)
    pandoc_growth = (
        timings[-1].pandoc_us_per_row / timings[0].pandoc_us_per_row
        if timings[0].pandoc_us_per_row
        else 0.0
    )
    lines += [
        "",
        f"One-line document (start-up and fixed cost): reportgen {timings[0].reportgen_base:.3f} s,"
        f" pandoc {timings[0].pandoc_base:.3f} s. Time per row, largest table / smallest:"
        f" reportgen warm {growth:.2f}, pandoc {pandoc_growth:.2f} (1.0 is linear; at most 1.5"
        f" counts as linear): {verdict(growth <= 1.5)}.",
    ]
    return lines


def table_rows(work: Path, sizes: list[int], repeat: int) -> list[Row]:
    """Pipe tables of each size, a fresh process each, plus reportgen's warm time per row."""
    rows: list[Row] = []
    timings = measure_tables(work, sizes, repeat)
    for timing in timings:
        ours, theirs = timing.reportgen_cold, timing.pandoc_cold
        target = "<= 1x" if timing.rows == max(sizes) else "info"
        name = f"table {timing.rows:,} rows, fresh process"
        rows.append((name, ours, theirs, target, ours <= theirs))
        label = f"  reportgen warm ({timing.warm_us_per_row:.0f} us/row)"
        rows.append((label, timing.reportgen_warm, theirs, "info", True))
    growth = linear(timings)
    rows.append(("tables: us/row, largest / smallest", growth, 1.0, "linear", growth <= 1.5))
    return rows


def report(rows: list[Row]) -> list[str]:
    """The results as a Markdown table."""
    lines = [
        "| measurement | reportgen (s) | pandoc (s) | ratio | target | met |",
        "| :--- | ---: | ---: | ---: | :---: | :---: |",
    ]
    for name, ours, theirs, target, met in rows:
        flag = "" if target == "info" else ("yes" if met else "NO")
        if name.startswith("tables: us/row"):
            lines.append(f"| {name} | | | {ours:.2f} | {target} | {flag} |")
            continue
        ratio = ours / theirs
        lines.append(f"| {name} | {ours:.3f} | {theirs:.3f} | {ratio:.2f} | {target} | {flag} |")
    return lines


def prepare(work: Path) -> None:
    """The fixture's picture, where the fixture links to it."""
    (work / "images").mkdir(exist_ok=True)
    (work / "images" / "auto-sales.png").write_bytes(png_bytes(64, 36))


def main() -> int:
    """Run the three comparisons and print the table; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description="DOCX: reportgen vs pandoc")
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (median)")
    parser.add_argument("--rows", default="100,1000,5000", help="table sizes, comma-separated")
    args = parser.parse_args()
    sizes = [int(n) for n in args.rows.split(",")]
    with tempfile.TemporaryDirectory(prefix="docx-bench-") as folder:
        work = Path(folder)
        prepare(work)
        rows = cold_rows(work, args.repeat)
        rows.append(warm_row(work, args.repeat * 3, rows[0][2]))
        rows += table_rows(work, sizes, args.repeat)
    print("\n".join([*machine(), "", *report(rows)]))
    return 0 if all(met for *_, met in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
