"""SVG charts beside the Markdown (the default format): text stays text, every value as the
formatter printed it, hatched estimates and targets with a legend, a few KB each; and a
default build (Markdown and DOCX, charts on) never imports matplotlib."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

import reportgen
from reportgen.build import Report
from reportgen.charts.spec import BarStyle, ChartSpec, words_for

SVG = "{http://www.w3.org/2000/svg}"
LANGS = ["en", "zh"]


@cache
def built(lang: str) -> Report:
    from reportgen.resources import default_facts_path

    return reportgen.build(reportgen.load_facts(default_facts_path()), lang=lang)


def texts(root: etree._Element) -> list[str]:
    """Each text element's content, its lines (tspans) joined without separators."""
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("lang", LANGS)
def test_each_chart_is_a_small_svg_whose_text_is_text(lang: str) -> None:
    report = built(lang)
    specs: list[ChartSpec] = sorted(report.charts.values(), key=lambda s: s.number)
    assert [s.path for s in specs] == sorted(report.assets, key=lambda p: p.split("-")[1])
    for spec in specs:
        data = report.assets[spec.path]
        assert spec.path.endswith(f"chart-{spec.number}-{spec.kind}.svg")
        assert len(data) < 12_000, f"{spec.path}: {len(data)} bytes"
        root = etree.fromstring(data)
        assert root.tag == f"{SVG}svg" and root.get("role") == "img"
        assert root.findtext(f"{SVG}title") == spec.title
        shown = texts(root)
        for panel in spec.panels:
            for bar in panel.bars:
                assert bar.text in shown, bar.text  # the formatter's exact text, whole
                label = "".join(bar.label.split())
                assert any("".join(t.split()) == label for t in shown), bar.label
        assert not list(root.iter(f"{SVG}path")), "text must not be drawn as outlines"
        if lang == "zh":
            assert "Noto Sans CJK SC" in root.get("font-family")


@pytest.mark.parametrize("lang", LANGS)
def test_estimates_and_targets_are_hatched_and_named_in_a_legend(lang: str) -> None:
    report = built(lang)
    for spec in report.charts.values():
        legend = spec.legend(words_for(lang))  # "Plan" when every hatched bar is a plan
        root = etree.fromstring(report.assets[spec.path])
        fills = [r.get("fill") for r in root.iter(f"{SVG}rect")]
        shown = texts(root)
        for style, name in zip(BarStyle, legend, strict=True):
            used = style in spec.styles
            hatched = f"url(#c{spec.number}-{style.value})" in fills
            assert hatched == (used and style is not BarStyle.ACTUAL), (spec.path, style)
            assert (name in shown) == (used and spec.styles != (BarStyle.ACTUAL,))


def test_the_markdown_links_the_svgs_with_alt_text(tmp_path: Path) -> None:
    report = built("zh")
    written = report.write(tmp_path, ["md"])
    names = sorted(p.relative_to(tmp_path).as_posix() for p in written)
    assert "huaiyin.zh.assets/chart-1-growth.svg" in names
    text = (tmp_path / "huaiyin.zh.md").read_text("utf-8")
    assert "![主要经济指标同比增速：地区生产总值，2023年上半年：+6.4%" in text
    assert "规模以上工业增加值，2023年上半年：+13.7%" in text
    assert '](huaiyin.zh.assets/chart-1-growth.svg "图1 主要经济指标同比增速")' in text


def test_a_default_build_with_charts_never_imports_matplotlib(tmp_path: Path) -> None:
    code = (
        "import sys, reportgen\n"
        "from reportgen.resources import default_facts_path\n"
        "facts = reportgen.load_facts(default_facts_path())\n"
        "for lang in ('en', 'zh'):\n"
        "    report = reportgen.build(facts, lang=lang)\n"
        "    assert report.charts and all(p.endswith('.svg') for p in report.assets)\n"
        "    print(len(report.charts))\n"
        f"    report.write({str(tmp_path)!r}, ['md', 'docx'])\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
        "assert not any(m.startswith(('PIL', 'numpy')) for m in sys.modules), 'heavy imports'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    *counts, last = done.stdout.split()
    assert last == "ok" and int(counts[0]) >= 2
    assert len(list(tmp_path.glob("*.assets/chart-*.svg"))) == sum(map(int, counts))
    assert len(list(tmp_path.glob("*.docx"))) == 2


def _run(*args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from reportgen.cli import main

    result = CliRunner().invoke(main, list(args), prog_name="reportgen")
    return result.exit_code, result.output


def test_the_cli_builds_native_charts_by_default(tmp_path: Path) -> None:
    import zipfile

    from conftest import MINIMAL

    code, output = _run("build", str(MINIMAL), "--format", "all", "--out", str(tmp_path))
    assert code == 0, output
    charts = sorted(p.name for p in tmp_path.glob("*.assets/chart-*"))
    assert charts and all(name.endswith(".svg") for name in charts)
    (docx,) = tmp_path.glob("*.docx")
    with zipfile.ZipFile(docx) as archive:
        names = archive.namelist()
    assert len([n for n in names if n.startswith("word/charts/chart")]) >= len(charts)
    assert not [n for n in names if n.startswith("word/media/")]


def test_png_charts_without_matplotlib_say_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import MINIMAL

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if the extra were missing
    code, output = _run("build", str(MINIMAL), "--chart-format", "png", "--out", str(tmp_path))
    assert code == 2, output
    assert "pip install 'reportgen[png]'" in output and "Traceback" not in output
    assert not list(tmp_path.iterdir())
    code, output = _run("build", str(MINIMAL), "--chart-format", "gif", "--out", str(tmp_path))
    assert code == 2 and "chart format 'gif'; choose from native, png" in output


def test_the_cli_with_charts_never_imports_matplotlib(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from reportgen.cli import main\n"
        f"args = ['build', '--lang', 'all', '--format', 'all', '--out', {str(tmp_path)!r}, '-q']\n"
        "try:\n"
        "    main(args, standalone_mode=False)\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    assert list(tmp_path.glob("huaiyin.zh.assets/chart-*.svg"))
    assert len(list(tmp_path.glob("*.docx"))) == 2
