"""The benchmarks run and produce the documents they time (at a tiny size).

Nothing here is timed or compares times: timing lives in benchmarks/, and its figures
in docs/performance.md. These tests only prove that each benchmark function still
runs against the current code and writes the expected files.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
LANGS = ("en", "zh")

pytest.importorskip("pypandoc", reason="pypandoc-binary (a dev dependency) brings pandoc")


@pytest.fixture(scope="module", autouse=True)
def benchmarks_on_path() -> Iterator[None]:
    """The benchmark modules import each other by name, as when run as scripts."""
    sys.path.insert(0, str(BENCHMARKS))
    yield
    sys.path.remove(str(BENCHMARKS))


@pytest.fixture(scope="module")
def districts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three generated districts."""
    from districts import generate

    return generate(tmp_path_factory.mktemp("districts"), 3)


def test_generated_districts_load_and_differ(districts: list[Path]) -> None:
    from districts import generate

    from reportgen.facts import load_facts

    loaded = [load_facts(path) for path in districts]
    assert len({facts.district.id for facts in loaded}) == 3
    amounts = {str(facts.figures[0].amount) for facts in loaded}
    assert len(amounts) == 3  # the numbers vary …
    again = generate(districts[0].parent.parent / "again", 3)
    assert [p.read_text() for p in again] == [p.read_text() for p in districts]  # … seeded


def test_cold_cli(tmp_path: Path, minimal_example: Path) -> None:
    import cold_cli

    result = cold_cli.measure_cold(tmp_path, 1, data=minimal_example, warmup=False)
    names = {path.name for path in result.documents}
    assert names == {"xinghu.en.md", "xinghu.zh.md", "xinghu.en.docx", "xinghu.zh.docx"}
    assert (tmp_path / "pandoc.en.docx").stat().st_size > 0
    assert (tmp_path / "en" / "xinghu.en.docx").exists()
    assert result.charts >= 1
    assert {"load", "render", "draw", "docx", "import_pipeline", "compile"} <= set(result.steps)
    assert "reportgen's own modules" in result.imports
    text = "\n".join(cold_cli.report(result))
    assert "`build --lang en --format docx` (charts)" in text


def test_throughput(tmp_path: Path) -> None:
    import throughput

    result = throughput.measure_throughput(
        tmp_path, districts=2, charts_districts=1, sample=1, repeat=1, warmup=False
    )
    main, charts = result.batches
    assert main.documents == 4 and charts.documents == 2
    expected = {
        f"{p.stem}.{lang}.docx" for p in tmp_path.glob("districts/*.yaml") for lang in LANGS
    }
    assert {path.name for path in main.written} == expected
    assert all(path.stat().st_size > 0 for path in main.written)
    import zipfile  # charts are native Word charts (issue 14 §1): parts inside the DOCX

    docx = [p for p in charts.written if p.suffix == ".docx"]
    assert any(n.startswith("word/charts/") for n in zipfile.ZipFile(docx[0]).namelist())
    assert (tmp_path / "huaiyin" / "huaiyin.en.docx").exists()
    assert "documents/s" in "\n".join(throughput.report(result))


def test_table_scaling(tmp_path: Path) -> None:
    import docx
    import docx_vs_pandoc

    timings = docx_vs_pandoc.measure_tables(tmp_path, [3, 6], 1, warmup=False)
    assert [t.rows for t in timings] == [3, 6]
    ours = docx.Document(str(tmp_path / "table6.docx"))
    assert len(ours.tables) == 1 and len(ours.tables[0].rows) == 7  # header + 6 rows
    assert (tmp_path / "table6.pandoc.docx").stat().st_size > 0
    assert "us/row" in "\n".join(docx_vs_pandoc.scaling_table(timings))


def test_peak_memory(tmp_path: Path, districts: list[Path]) -> None:
    import peak_memory

    batches = peak_memory.measure_memory(districts, tmp_path, (2, 4), window=1)
    assert [b.documents for b in batches] == [2, 4]
    assert all(b.traced_peak > 0 and b.maxrss_after >= b.maxrss_before for b in batches)
    assert len(list(tmp_path.glob("*.docx"))) == 2 * len(districts)
    assert "Flat:" in "\n".join(peak_memory.memory_table(batches))


def test_run_all_options() -> None:
    import run_all

    settings, _ = run_all.parse(["--quick", "--only", "tables,memory", "--rows", "10"])
    assert settings.rows == (10,) and settings.sections == ("tables", "memory")
    assert settings.districts == run_all.QUICK.districts
    full, _ = run_all.parse([])
    assert (full.districts, full.rows, full.batches) == (200, (100, 1000, 5000), (100, 1000))
