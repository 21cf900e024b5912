"""PNG charts (``chart_format="png"``, the optional ``png`` extra): every kind draws in both
languages, Chinese with real glyphs, the same bytes every time, nothing imported when
charts are off, and the briefings built with PNG charts carry them. The default formats
(SVG, native DOCX charts) are tested in test_charts_svg.py and test_charts_native.py."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from chart_support import PROGRAMME

import reportgen
from reportgen.charts import ChartCollector, ChartWarning
from reportgen.charts.fonts import font_chain
from reportgen.i18n.formatter import Formatter
from reportgen.render.view import FigureView

pytest.importorskip("matplotlib", reason="the png extra is not installed")


@pytest.fixture
def make(facts: reportgen.DistrictFacts) -> Callable[[str], ChartCollector]:
    def collector(lang: str) -> ChartCollector:
        formatter = Formatter(lang, city=facts.district.city)
        return ChartCollector(lang, formatter, f"huaiyin.{lang}.assets", chart_format="png")

    return collector


@pytest.fixture
def cjk_font() -> str:
    """The CJK family the zh charts use; skipped where the machine has none (CI installs one)."""
    family = font_chain("zh").cjk
    if family is None:
        pytest.skip("no CJK font here (apt install fonts-noto-cjk)")
    return family


def every_kind(collector: ChartCollector, view: dict[str, Any]) -> None:
    """One chart of each kind, as the default templates place them."""
    sections = view["sections"]
    growth = [f for f in sections["overview"] if "headline" in f.tags and f.yoy]
    programme = [view["figure"][i] for i in PROGRAMME]
    visits = [f for f in view["figures"] if f.amount and f.amount.unit.dimension.value == "visits"]
    collector("growth", growth, "growth")
    collector("columns", programme, "programme", labels="period")
    collector("bars", visits, "visits")
    collector("targets", sections["outlook"], "targets", results=view["figures"])


def png_chunks(data: bytes) -> list[bytes]:
    """The chunk types of a PNG file, in order."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        chunks.append(data[at + 4 : at + 8])
        at += 12 + length
    return chunks


def ink(data: bytes) -> float:
    """The share of pixels that are not near-white."""
    from matplotlib.image import imread

    pixels = imread(io.BytesIO(data), format="png")
    dark = (pixels[..., :3] < 0.9).any(axis=-1)
    return float(dark.mean())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_kind_draws_without_a_warning(
    lang: str,
    make: Callable[[str], ChartCollector],
    views: dict[str, dict[str, Any]],
    cjk_font: str,
) -> None:
    collector = make(lang)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib's "Glyph … missing from font(s)" fails here
        every_kind(collector, views[lang])
        assets = collector.render_assets()
    assert sorted(assets) == [
        f"huaiyin.{lang}.assets/chart-1-growth.png",
        f"huaiyin.{lang}.assets/chart-2-columns.png",
        f"huaiyin.{lang}.assets/chart-3-bars.png",
        f"huaiyin.{lang}.assets/chart-4-targets.png",
    ]
    for path, data in assets.items():
        assert struct.unpack(">II", data[16:24])[0] == 1280, path  # 6.4 in at 200 dpi
        assert 0.02 < ink(data) < 0.5, f"{path} looks blank or flooded"
    if lang == "zh":
        assert collector.specs[0].fonts[0] == cjk_font


def test_the_zh_fonts_have_every_glyph_the_charts_draw(
    make: Callable[[str], ChartCollector], views: dict[str, dict[str, Any]], cjk_font: str
) -> None:
    collector = make("zh")
    every_kind(collector, views["zh"])
    texts = [t for spec in collector.specs for t in spec.texts()]
    assert any("规模以上工业增加值" in t for t in texts)
    assert font_chain("zh").missing(texts) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pictures_are_the_same_bytes_every_time_and_carry_no_metadata(
    lang: str, make: Callable[[str], ChartCollector], views: dict[str, dict[str, Any]]
) -> None:
    first, second = make(lang), make(lang)
    every_kind(first, views[lang])
    every_kind(second, views[lang])
    if not first.specs:
        pytest.skip("no font here can draw these charts")
    assets = first.render_assets()
    assert assets == second.render_assets()
    for data in assets.values():
        assert set(png_chunks(data)) <= {b"IHDR", b"pHYs", b"IDAT", b"IEND"}


def test_without_a_cjk_font_zh_charts_are_left_out_with_a_warning(
    make: Callable[[str], ChartCollector],
    views: dict[str, dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REPORTGEN_CJK_FONT", "none")
    zh, en = make("zh"), make("en")
    figures: list[FigureView] = [views["zh"]["figure"]["tourism-visits-2023"]]
    with pytest.warns(ChartWarning, match="no font here can draw .*fonts-noto-cjk"):
        assert zh("bars", figures, "游客") == ""
    assert zh.specs == [] and zh.render_assets() == {}
    assert en("bars", [views["en"]["figure"]["tourism-visits-2023"]], "Visits") != ""


def test_a_build_without_charts_never_imports_matplotlib() -> None:
    code = (
        "import sys, reportgen\n"
        "from reportgen.resources import default_facts_path\n"
        "facts = reportgen.load_facts(default_facts_path())\n"
        "for lang in ('en', 'zh'):\n"
        "    report = reportgen.build(facts, lang=lang, charts=False)\n"
        "    assert report.assets == {} and '.assets/chart-' not in report.markdown\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_briefings_with_png_charts_carry_them(
    lang: str, facts: reportgen.DistrictFacts, cjk_font: str
) -> None:
    report = reportgen.build(facts, lang=lang, chart_format="png")
    images = [line for line in report.markdown.splitlines() if line.startswith("![")]
    assert len(images) == len(report.assets) >= 2
    for number, line in enumerate(images, start=1):
        path = line[line.index("](") + 2 : line.index(" ", line.index("]("))]
        assert path in report.assets and path.startswith(f"huaiyin.{lang}.assets/chart-{number}-")
        assert path.endswith(".png") and report.assets[path].startswith(b"\x89PNG")
        assert (f'"Figure {number}. ' if lang == "en" else f'"图{number} ') in line
    assert report.charts == {}  # the DOCX embeds the pictures


def test_a_cjk_font_installed_after_matplotlib_listed_its_fonts_is_found(
    cjk_font: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matplotlib import font_manager

    from reportgen.charts.fonts import CJK_FAMILIES, find_cjk_family

    manager = font_manager.fontManager
    files = {entry.fname for entry in manager.ttflist if entry.name in CJK_FAMILIES}
    monkeypatch.setattr(manager, "ttflist", [e for e in manager.ttflist if e.fname not in files])
    assert find_cjk_family() == cjk_font


def test_the_cli_with_png_charts_embeds_pictures(tmp_path: Path) -> None:
    import zipfile

    from click.testing import CliRunner

    from conftest import MINIMAL
    from reportgen.cli import main

    args = ["build", str(MINIMAL), "--format", "all", "--chart-format", "png", "--out",
            str(tmp_path)]  # fmt: skip
    result = CliRunner().invoke(main, args, prog_name="reportgen")
    assert result.exit_code == 0, result.output
    charts = sorted(p.name for p in tmp_path.glob("*.assets/chart-*"))
    assert charts and all(name.endswith(".png") for name in charts)
    (docx,) = tmp_path.glob("*.docx")
    with zipfile.ZipFile(docx) as archive:
        names = archive.namelist()
    assert not [n for n in names if n.startswith("word/charts/")]
    assert len([n for n in names if n.startswith("word/media/")]) == len(charts)
