"""Native Word charts read back from the DOCX: parts, content types, relationships, the
series values (exact decimal text), categories, labels, fills, fonts, the embedded
workbook, captions; and identical bytes from concurrent builds."""

from __future__ import annotations

import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from functools import cache
from io import BytesIO
from typing import Any

import pytest
from chart_support import PROGRAMME
from lxml import etree

import reportgen
from reportgen.build import Report
from reportgen.charts.chartxml import plain
from reportgen.charts.spec import BarStyle, ChartSpec, words_for
from reportgen.writers.docx_charts import _titled

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LANGS = ["en", "zh"]


@cache
def built(lang: str) -> tuple[Report, bytes]:
    from reportgen.resources import default_facts_path

    report = reportgen.build(reportgen.load_facts(default_facts_path()), lang=lang)
    return report, report.docx_bytes()


class Package:
    """A DOCX opened for reading its parts as XML."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(BytesIO(data))

    def xml(self, name: str) -> Any:
        return etree.fromstring(self.zip.read(name))

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type, target resolved to a member name) of ``part``."""
        folder, _, base = part.rpartition("/")
        found = {}
        for rel in self.xml(f"{folder}/_rels/{base}.rels").iterfind("pr:Relationship", NS):
            target = rel.get("Target")
            parts = folder.split("/") if folder else []
            for step in target.split("/"):
                if step == "..":
                    parts.pop()
                else:
                    parts.append(step)
            found[rel.get("Id")] = (rel.get("Type"), "/".join(parts))
        return found

    def charts_in_order(self) -> list[str]:
        """The chart parts the body shows, in document order."""
        rels = self.rels("word/document.xml")
        ids = self.xml("word/document.xml").xpath("//wp:inline//c:chart/@r:id", namespaces=NS)
        return [rels[i][1] for i in ids]


def specs(report: Report) -> list[ChartSpec]:
    return sorted(report.charts.values(), key=lambda spec: spec.number)


def series_points(chart: Any) -> list[tuple[str, dict[int, str]]]:
    """Each series: its name and {category index: stored value text}."""
    found = []
    for ser in chart.iterfind(".//c:ser", NS):
        name = ser.findtext("c:tx//c:v", namespaces=NS)
        points = {
            int(pt.get("idx")): pt.findtext("c:v", namespaces=NS)
            for pt in ser.iterfind("c:val//c:pt", NS)
        }
        found.append((name, points))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_chart_parts_have_their_content_types_and_relationships(lang: str) -> None:
    report, data = built(lang)
    package = Package(data)
    types = package.xml("[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iterfind("ct:Override", NS)}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iterfind("ct:Default", NS)}
    charts = package.charts_in_order()
    panels = sum(len(spec.panels) for spec in specs(report))
    assert len(charts) == len(set(charts)) == panels >= 3  # growth; columns of 2 panels
    assert not [n for n in package.zip.namelist() if n.startswith("word/media/")]
    for name in charts:
        assert name.startswith("word/charts/chart") and name in package.zip.namelist()
        assert overrides[f"/{name}"] == CHART_CT
        (rel_type, book), *others = package.rels(name).values()
        assert not others and rel_type == f"{REL}/package"
        assert book.startswith("word/embeddings/Microsoft_Excel_Worksheet")
        assert book.endswith(".xlsx") and book in package.zip.namelist()
        chart = package.xml(name)
        external = chart.find("c:externalData", NS)
        assert package.rels(name)[external.get(f"{{{REL}}}id")][1] == book
        assert external.find("c:autoUpdate", NS).get("val") == "0"
    assert defaults["xlsx"] == XLSX_CT
    for rel_type, target in package.rels("word/document.xml").values():
        if target.startswith("word/charts/"):
            assert rel_type == f"{REL}/chart"


@pytest.mark.parametrize("lang", LANGS)
def test_series_values_are_the_figures_exact_decimals(lang: str) -> None:
    report, data = built(lang)
    package = Package(data)
    charts = iter(package.charts_in_order())
    words = words_for(lang)
    for spec in specs(report):
        for panel in spec.panels:
            chart = package.xml(next(charts))
            series = series_points(chart)
            stored: dict[int, str] = {}
            for _name, points in series:
                assert not set(points) & set(stored), "one bar per category"
                stored |= points
            bars = panel.bars
            unit = Decimal(10) ** panel.scale  # a panel with a value axis stores axis units
            assert [stored[i] for i in range(len(bars))] == [plain(b.value / unit) for b in bars]
            assert all(Decimal(stored[i]) * unit == b.value for i, b in enumerate(bars))
            assert all(re.fullmatch(r"-?\d+(\.\d*[1-9])?", text) for text in stored.values())
            names = [spec.legend(words)[list(BarStyle).index(s)] for s in BarStyle]
            used = [n for n, style in zip(names, BarStyle, strict=True) if style in
                    {b.style for b in bars}]  # fmt: skip
            assert [name for name, _ in series] == used
            labels = [
                "".join(p.itertext()) for p in chart.xpath(".//c:dLbl/c:tx/c:rich", namespaces=NS)
            ]
            order = sorted(range(len(bars)), key=lambda i: (list(BarStyle).index(bars[i].style), i))
            shown = _titled(panel, lang)[0].bars  # bare numbers under a title with the unit
            assert [lab.split("  ")[0] for lab in labels] == [shown[i].text for i in order]
            # a long value over a narrow column breaks at its space: "297.4 " / "billion"


def test_the_programme_chart_stores_the_data_files_amounts(
    views: dict[str, dict[str, Any]],
) -> None:
    report, data = built("zh")
    package = Package(data)
    spec = next(s for s in specs(report) if s.kind == "columns")
    first = sum(len(s.panels) for s in specs(report) if s.number < spec.number)
    counts, money = (
        [v for _, points in series_points(package.xml(name)) for v in points.values()]
        for name in package.charts_in_order()[first : first + 2]
    )
    figures = [views["zh"]["figure"][fid].amount.base_value for fid in PROGRAMME]
    started = views["zh"]["figure"]["key-projects-2023-under-construction"].amount.base_value
    assert sorted(map(Decimal, counts)) == sorted([*figures[0::2], started])  # 183, 216, 135, 196
    assert sorted(Decimal(v) * 10**8 for v in money) == sorted(figures[1::2])  # in 亿元
    assert sorted(money) == ["2974", "3140", "3150"]  # the axis reads 1000, 2000, 3000 (亿元)


@pytest.mark.parametrize("lang", LANGS)
def test_categories_fills_legend_fonts_and_axis_titles(lang: str) -> None:
    report, data = built(lang)
    package = Package(data)
    charts = iter(package.charts_in_order())
    words = words_for(lang)
    for spec in specs(report):
        legends = []
        for panel in spec.panels:
            chart = package.xml(next(charts))
            for ser in chart.iterfind(".//c:ser", NS):
                cats = [pt.findtext("c:v", namespaces=NS) for pt in ser.iterfind("c:cat//c:pt", NS)]
                expected = [
                    words.heading.format(heading=g.heading, label=b.label) if g.heading else b.label
                    for g in panel.groups
                    for b in g.bars
                ]
                if spec.vertical:  # column labels broken into lines where they may break
                    cats = [c.replace("\n", " " if lang == "en" else "") for c in cats]
                assert cats == expected
                name = ser.findtext("c:tx//c:v", namespaces=NS)
                hatched = ser.find("c:spPr/a:pattFill", NS) is not None
                assert hatched == (name != words.legend[0])
            legends.append(chart.find(".//c:legend", NS) is not None)
            title = "".join(chart.xpath(".//c:valAx/c:title//a:t/text()", namespaces=NS))
            marks = chart.find(".//c:valAx/c:tickLblPos", NS).get("val")
            if panel.ticks:  # a value axis with round marks; the unit in the panel's title
                assert marks == "nextTo" and title == ""
                step = panel.ticks[1].value - panel.ticks[0].value
                unit = chart.find(".//c:valAx/c:majorUnit", NS).get("val")
                assert Decimal(unit) * 10**panel.scale == step
                heading = "".join(chart.xpath("c:chart/c:title//a:t/text()", namespaces=NS))
                assert panel.axis_label.lower() in heading.lower()
            else:
                assert marks == "none" and title == panel.axis_label
            props = chart.find("c:txPr//a:defRPr", NS)
            east = props.find("a:ea", NS).get("typeface")
            assert east == ("黑体" if lang == "zh" else "SimHei")
            assert chart.find("c:lang", NS).get("val") == ("zh-CN" if lang == "zh" else "en-US")
            assert chart.find("c:roundedCorners", NS).get("val") == "0"
        hatched = any(b.style is not BarStyle.ACTUAL for p in spec.panels for b in p.bars)
        assert sum(legends) == (1 if hatched else 0)  # one legend a chart, not one a panel


@pytest.mark.parametrize("lang", LANGS)
def test_the_workbook_holds_the_same_values(lang: str) -> None:
    _, data = built(lang)
    package = Package(data)
    for name in package.charts_in_order():
        chart = package.xml(name)
        (_, book), *_ = package.rels(name).values()
        with zipfile.ZipFile(BytesIO(package.zip.read(book))) as xlsx:
            assert xlsx.testzip() is None
            sheet = etree.fromstring(xlsx.read("xl/worksheets/sheet1.xml"))
            assert b'name="Sheet1"' in xlsx.read("xl/workbook.xml")
        cells = {
            c.get("r"): c.findtext("x:v", namespaces=NS) or "".join(c.itertext())
            for c in sheet.iter(f"{{{NS['x']}}}c")
        }
        for ser in chart.iterfind(".//c:ser", NS):
            ref = ser.findtext("c:val/c:numRef/c:f", namespaces=NS)
            column = ref.split("!")[1].split("$")[1]
            header = ser.findtext("c:tx/c:strRef/c:f", namespaces=NS).split("$")
            assert cells[f"{header[1]}{header[2]}"] == ser.findtext("c:tx//c:v", namespaces=NS)
            for pt in ser.iterfind("c:val//c:pt", NS):
                row = int(pt.get("idx")) + 2
                assert cells[f"{column}{row}"] == pt.findtext("c:v", namespaces=NS)
            for pt in ser.iterfind("c:cat//c:pt", NS):
                assert cells[f"A{int(pt.get('idx')) + 2}"] == pt.findtext("c:v", namespaces=NS)


@pytest.mark.parametrize("lang", LANGS)
def test_each_chart_is_inline_at_text_width_with_alt_text_and_caption(lang: str) -> None:
    report, data = built(lang)
    body = Package(data).xml("word/document.xml")
    inlines = body.xpath("//wp:inline[.//c:chart]", namespaces=NS)
    images = [line for line in report.markdown.splitlines() if line.startswith("![")]
    for spec, line in zip(specs(report), images, strict=True):
        alt = line[2 : line.index("](")].replace("\\", "")
        mine = [i for i in inlines if i.find("wp:docPr", NS).get("descr") == alt]
        assert len(mine) == len(spec.panels), spec.title
        tree = body.getroottree()
        holders = {tree.getpath(i.xpath("ancestor::w:p", namespaces=NS)[0]) for i in mine}
        assert len(holders) == (1 if spec.vertical else len(spec.panels))  # columns side by side
        caption = mine[-1].xpath("ancestor::w:p", namespaces=NS)[0].getnext()
        text = "".join(caption.xpath(".//w:t/text()", namespaces=NS))
        label = f"Figure {spec.number}. " if lang == "en" else f"图{spec.number} "
        assert text == label + spec.title
        widths = [int(i.find("wp:extent", NS).get("cx")) for i in mine]
        assert len(set(widths)) == 1 or spec.vertical  # columns side by side: by their bars
        assert sum(widths) > 5_000_000  # EMU: the text width, ~15 cm
    ids = [int(i.find("wp:docPr", NS).get("id")) for i in body.xpath("//wp:inline", namespaces=NS)]
    assert len(ids) == len(set(ids))


def test_concurrent_builds_give_identical_bytes() -> None:
    from reportgen.resources import default_facts_path

    facts = reportgen.load_facts(default_facts_path())

    def one(lang: str) -> tuple[bytes, tuple[bytes, ...]]:
        report = reportgen.build(facts, lang=lang)
        return report.docx_bytes(), tuple(report.assets[k] for k in sorted(report.assets))

    expected = {lang: one(lang) for lang in LANGS}
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(one, LANGS * 4))
    for lang, result in zip(LANGS * 4, results, strict=True):
        assert result == expected[lang]


def _spec(vertical: bool) -> ChartSpec:
    from reportgen.charts.spec import Bar, Group, Panel

    bars = (
        Bar("R&D <spending>, 2023", "−3.5%", Decimal("-3.5"), BarStyle.ACTUAL, note="排名第1"),
        Bar("R&D, 2024 target", "约+2%", Decimal("2.00"), BarStyle.TARGET),
    )
    panel = Panel("", "%", (Group("Heading & co", bars),))
    return ChartSpec(1, "growth", "en", 'A "title" & <more>', "a/chart-1-growth.svg", vertical,
                     (panel,))  # fmt: skip


@pytest.mark.parametrize("vertical", [False, True])
def test_negative_values_and_markup_characters(vertical: bool) -> None:
    from reportgen.charts.chartxml import ChartFonts, Layout, Table, chart_space
    from reportgen.charts.svg import svg_bytes
    from reportgen.charts.workbook import workbook_bytes

    spec = _spec(vertical)
    panel = spec.panels[0]
    words = words_for("en")
    table = Table.of(panel, words.legend, words.heading)
    chart = etree.fromstring(
        chart_space(table, panel, "", ChartFonts.for_lang("en"), Layout(430, 200, vertical))
    )
    values = [v for _, points in series_points(chart) for v in points.values()]
    assert values == ["-3.5", "2"]
    assert float(chart.find(".//c:valAx/c:scaling/c:min", NS).get("val")) < -3.5
    cats = [
        pt.findtext("c:v", namespaces=NS) for pt in chart.iterfind(".//c:ser[1]/c:cat//c:pt", NS)
    ]
    assert cats == ["Heading & co, R&D <spending>, 2023", "Heading & co, R&D, 2024 target"]
    labels = ["".join(r.itertext()) for r in chart.iterfind(".//c:dLbl/c:tx/c:rich", NS)]
    assert labels == ["−3.5%" + ("" if vertical else "  ") + "排名第1", "约+2%"]  # columns: 2 lines
    book = zipfile.ZipFile(BytesIO(workbook_bytes(table, words.category)))
    sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>-3.5</v>" in sheet and "<v>2</v>" in sheet and "R&amp;D &lt;spending&gt;" in sheet
    svg = etree.fromstring(svg_bytes(spec, words.legend))
    assert svg.findtext("{http://www.w3.org/2000/svg}title") == 'A "title" & <more>'
    rects = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect") if r.get("stroke")]
    assert all(float(r.get("width")) >= 0 and float(r.get("height")) >= 0 for r in rects)


def extents(package: Package) -> dict[str, int]:
    """Chart part name → the width (EMU) the body gives it."""
    rels = package.rels("word/document.xml")
    found = {}
    for inline in package.xml("word/document.xml").xpath("//wp:inline", namespaces=NS):
        ids = inline.xpath(".//c:chart/@r:id", namespaces=NS)
        if ids:
            found[rels[ids[0]][1]] = int(inline.find("wp:extent", NS).get("cx"))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_column_panels_show_bare_values_whole_words_and_room_for_labels(lang: str) -> None:
    """Review 3, D1: a panel whose title carries the unit labels its columns with the bare
    number ("314", "3140", not "314 billion" under "(billion yuan)"); no category word is
    wider than its column allows, so LibreOffice never breaks one ("constructio/n"); the
    axis ends above the tallest column with room for its label."""
    from reportgen.charts.metrics import text_width
    from reportgen.charts.text import tokens
    from reportgen.writers.docx_charts import WORD_FIT, _slot

    report, data = built(lang)
    package = Package(data)
    names = package.charts_in_order()
    spec = next(s for s in specs(report) if s.kind == "columns")
    first = sum(len(s.panels) for s in specs(report) if s.number < spec.number)
    parts = names[first : first + len(spec.panels)]
    labels = [package.xml(n).xpath(".//c:dLbl//a:t/text()", namespaces=NS) for n in parts]
    money = ["297.4", "314", "315"] if lang == "en" else ["2974", "3140", "3150"]
    assert [sorted(found) for found in labels] == [["135", "183", "196", "216"], money]
    titles = ["".join(package.xml(n).xpath("c:chart/c:title//a:t/text()", namespaces=NS))
              for n in parts]  # fmt: skip
    assert titles[1].endswith("(billion yuan)" if lang == "en" else "（亿元）")
    width = extents(package)
    for panel, name in zip(spec.panels, parts, strict=True):
        chart = package.xml(name)
        size = int(chart.find(".//c:catAx/c:txPr//a:defRPr", NS).get("sz")) / 100
        assert 6.5 <= size <= 8
        words = [w for b in panel.bars for w in tokens(b.label) if not w.isspace()]
        widest = max(text_width(w, size) for w in words)
        assert widest * WORD_FIT <= _slot(panel, width[name]), (panel.title, widest, size)
        top = float(chart.find(".//c:valAx/c:scaling/c:max", NS).get("val"))
        tallest = max(float(v) for v in chart.xpath(".//c:val//c:v/text()", namespaces=NS))
        assert top >= tallest * 1.08  # room for the value label above the tallest column
    if lang == "zh":  # Chinese labels break between characters: no need to shrink them
        assert {package.xml(n).find(".//c:catAx/c:txPr//a:defRPr", NS).get("sz")
                for n in parts} == {"800"}  # fmt: skip
