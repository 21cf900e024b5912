"""Time reportgen's DOCX writer against pandoc on the same Markdown, in one run.

    uv run python benchmarks/docx_vs_pandoc.py [--repeat 7] [--rows 100,1000,5000]

Three comparisons, each a ratio taken in the same run on the same machine:

1. cold: a fresh ``python -c`` process that imports reportgen.writers.docx and converts
   the fixture briefing (tests/fixtures/docx/briefing.en.md, with its picture) against a
   fresh ``pandoc briefing.en.md -o briefing.docx``. Target: at most 2x. Shown twice:
   as asked (importing ``reportgen`` runs its ``__init__``, which imports the whole
   pipeline) and for the writer alone (that ``__init__`` skipped), with where the time goes.
2. tables: a generated pipe table of 100, 1,000 and 5,000 rows, each tool in a fresh
   process (reportgen's warm in-process time is shown too). Target: 5,000 rows no slower
   than pandoc, and time per row roughly constant (linear growth).
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
import os
import platform
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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
Row = tuple[str, float, float, str, bool]  # name, reportgen s, pandoc s, target, met


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


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls, after one untimed call."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process(command: list[str], cwd: Path) -> Callable[[], object]:
    """A function running ``command`` to completion (an error stops the benchmark)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # children use compiled bytecode
    return lambda: subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)


def pandoc_path() -> str:
    """The pandoc binary shipped by pypandoc-binary."""
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def python_convert(source: Path, target: Path, base: Path, *, bypass: bool = False) -> list[str]:
    """The cold reportgen command for one conversion (``bypass``: skip reportgen/__init__)."""
    code = BYPASS_INIT + CONVERT if bypass else CONVERT
    return [sys.executable, "-c", code, str(source), str(target), str(base)]


def pandoc_convert(source: Path, target: Path, base: Path) -> list[str]:
    """The cold pandoc command for the same conversion."""
    return [pandoc_path(), str(source), "-o", str(target), f"--resource-path={base}"]


def machine() -> list[str]:
    """Lines describing the machine and the versions measured."""
    import docx
    import markdown_it

    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [x for x in cpuinfo.read_text().splitlines() if x.startswith("model name")]
        cpu = models[0].split(":", 1)[1].strip() if models else cpu
    pandoc = subprocess.run([pandoc_path(), "--version"], capture_output=True, text=True)
    return [
        f"machine: {os.cpu_count()} CPUs (nproc), {cpu}, {platform.platform()}",
        f"python {platform.python_version()}, python-docx {docx.__version__},"
        f" markdown-it-py {markdown_it.__version__}, {pandoc.stdout.splitlines()[0]}",
    ]


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


def table_rows(work: Path, sizes: list[int], repeat: int) -> list[Row]:
    """Pipe tables of each size, a fresh process each, plus reportgen's warm time per row."""
    from reportgen.writers.docx import DocxMeta, render_docx

    meta = DocxMeta("en", "Tables", "tables", "Tables", datetime.datetime(2024, 1, 15))
    rows: list[Row] = []
    per_row: list[float] = []
    for size in sizes:
        source = work / f"table{size}.md"
        markdown = table_markdown(size)
        source.write_text(markdown, encoding="utf-8")
        reps = max(3, repeat // 2) if size >= 5000 else repeat
        ours = median_seconds(process(python_convert(source, work / "t.docx", work), work), reps)
        theirs = median_seconds(process(pandoc_convert(source, work / "tp.docx", work), work), reps)

        warm = median_seconds(partial(render_docx, markdown, meta, base_dir=work), reps)
        per_row.append(warm / size)
        target = "<= 1x" if size == max(sizes) else "info"
        rows.append((f"table {size:,} rows, fresh process", ours, theirs, target, ours <= theirs))
        label = f"  reportgen warm ({warm / size * 1e6:.0f} us/row)"
        rows.append((label, warm, theirs, "info", True))
    growth = per_row[-1] / per_row[0] if per_row[0] else 0.0
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


def main() -> int:
    """Run the three comparisons and print the table; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description="DOCX: reportgen vs pandoc")
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (median)")
    parser.add_argument("--rows", default="100,1000,5000", help="table sizes, comma-separated")
    args = parser.parse_args()
    sizes = [int(n) for n in args.rows.split(",")]
    with tempfile.TemporaryDirectory(prefix="docx-bench-") as folder:
        work = Path(folder)
        (work / "images").mkdir()
        (work / "images" / "auto-sales.png").write_bytes(png_bytes(64, 36))
        rows = cold_rows(work, args.repeat)
        rows.append(warm_row(work, args.repeat * 3, rows[0][2]))
        rows += table_rows(work, sizes, args.repeat)
    print("\n".join([*machine(), "", *report(rows)]))
    return 0 if all(met for *_, met in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
