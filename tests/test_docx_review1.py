# ruff: noqa: E501
"""DOCX fixes after the first editor's review (C3, C4/C9, C7, C8, C11, C12): list items not
force-justified, column shares, text before a figure that follows a heading, the annex on
a new page, cells on one baseline with a gutter, one dash for empty cells."""

from __future__ import annotations

import functools

import pytest
from test_docx_support import NS, attr, render

import reportgen
from reportgen.resources import default_facts_path
from reportgen.writers.docx_tables import text_twips

STYLES = "word/styles.xml"
DOC = "word/document.xml"


def style_jc(rendered: object, name: str) -> str | None:
    found = rendered.xpath(STYLES, f"//w:style[w:name/@w:val='{name}']/w:pPr/w:jc/@w:val")  # type: ignore[attr-defined]
    return found[0] if found else None


LIST = "- 规上工业增加值2023年1—5月同比增长22.4%，2023年上半年增长13.7%\n- 重点项目2023年216个\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_list_items_are_not_justified(lang: str) -> None:
    rendered = render(f"# 标题\n\n## 一、经济\n\n{LIST}", lang)
    lists = ("List Bullet", "List Number", "List Bullet 2", "List Number 3", "List Continue")
    if lang == "zh":  # the body stays justified (GB/T 9704); list items align left
        assert style_jc(rendered, "Body Text") == "both"
        assert {style_jc(rendered, name) for name in lists} == {"left"}
    else:
        assert {style_jc(rendered, name) for name in lists} == {None}
    paragraphs = [p for p in rendered.document.paragraphs if p.style.name == "List Bullet"]
    assert len(paragraphs) == 2
    assert all(p._p.pPr.jc is None for p in paragraphs)  # no direct override either


ANNEX = """\
# 简报

## 七、下一步工作

正文最后一段。

<!-- pagebreak -->

## 附表：其他指标

说明。
"""


def test_a_page_break_before_a_heading_becomes_page_break_before() -> None:
    rendered = render(ANNEX, "zh")
    assert rendered.xpath(DOC, "//w:br[@w:type='page']") == []
    (heading,) = rendered.xpath(DOC, "//w:p[w:pPr/w:pageBreakBefore]")
    assert "".join(heading.itertext()) == "附表：其他指标"
    order = [c.tag.split("}")[1] for c in heading.find("w:pPr", NS)]
    assert order.index("pStyle") < order.index("pageBreakBefore")  # schema order


def test_a_page_break_before_a_table_starts_the_page_with_its_caption() -> None:
    rendered = render("# T\n\ntext\n\n<!-- pagebreak -->\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    (caption,) = rendered.xpath(DOC, "//w:p[w:pPr/w:pageBreakBefore]")
    assert "".join(caption.itertext()).startswith("Table")
    assert caption.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["TableCaption"]


def test_a_page_break_at_the_end_stays_a_break() -> None:
    rendered = render("# T\n\ntext\n\n<!-- pagebreak -->\n")
    assert len(rendered.xpath(DOC, "//w:br[@w:type='page']")) == 1


@functools.cache
def huaiyin(lang: str) -> bytes:
    facts = reportgen.load_facts(default_facts_path())
    return reportgen.build(facts, lang=lang).docx_bytes()


@pytest.mark.parametrize(("lang", "heading"), [("zh", "附表："), ("en", "Annex")])
def test_the_huaiyin_annex_starts_a_page(lang: str, heading: str) -> None:
    from test_docx_support import Rendered, base_dir

    data = huaiyin(lang)
    rendered = Rendered(data, base_dir() / f"huaiyin-{lang}.docx")
    broken = rendered.xpath(DOC, "//w:p[w:pPr/w:pageBreakBefore]")
    assert ["".join(p.itertext()).startswith(heading) for p in broken] == [True]


def grid(rendered: object, index: int = 0) -> list[int]:
    tables = rendered.xpath(DOC, "//w:tbl")  # type: ignore[attr-defined]
    return [int(attr(c, "w") or 0) for c in tables[index].iter(f"{{{NS['w']}}}gridCol")]


ANNEX_TABLE = """\
# T

| 指标 | 时期 | 数值 | 来源 |
| --- | ---: | ---: | --- |
| 济南国际医学科学中心：签约引进健康医疗大数据类、高端医疗类、医药器械类项目 | 截至2023年12月计划 | 约34.1万平方米 | 3、4、5 |
| 省级重点项目完成投资 | 2023年上半年 | 11.3亿元 | 4 |
| 山东科创（槐荫）基地：科技型企业 | 截至2023年12月 | 90多家 | 1、3 |
"""

EN_TABLE = """\
# T

| Indicator | Period | Value | Source |
| --- | ---: | ---: | --- |
| Provincial- and municipal-level specialized and sophisticated SMEs (enterprise-times: a firm may be counted more than once) | as of May 2023 | 172 | 1, 4, 5 |
| Value added of industrial enterprises above designated size | H1 2023 | +13.7% | 4 |
"""


@pytest.mark.parametrize(("lang", "markdown"), [("zh", ANNEX_TABLE), ("en", EN_TABLE)])
def test_long_labels_get_about_half_the_width(lang: str, markdown: str) -> None:
    widths = grid(render(markdown, lang))
    assert widths[0] >= sum(widths) * 45 // 100, widths
    assert max(widths[1:]) < widths[0]


def test_a_source_column_never_stacks_its_numbers() -> None:
    rendered = render(ANNEX_TABLE, "zh")
    widths = grid(rendered)
    # the whole "3、4、5" fits in the source column, at 10.5 pt, with the cell margins
    assert widths[3] - 2 * 72 >= text_twips("3、4、5", 21) * 9 // 10
    # and it starts 2 mm after the right-aligned value column (a gutter)
    cells = rendered.xpath(DOC, "//w:tbl/w:tr[2]/w:tc/w:p/w:pPr")
    lefts = [p.xpath("string(w:ind/@w:left)", namespaces=NS) for p in cells]
    assert lefts == ["", "", "", "113"]


MAIN = """\
# T

| 指标 | 2023年预计 | 2023年 | 2023年1—11月 | 2023年上半年 | 2023年1—5月 | 来源 |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
| 规模以上工业增加值 | +12%左右 | — | — | +13.7%（第4） | +22.4% | 1、4、5 |
| 固定资产投资 | +15%以上 | — | +15.1%；+13.9个百分点（第3） | +20.5%（第3） | — | 3、4、5 |
| 固定资产投资连续正增长月数 | — | — | 11个 | — | — | 3 |
| 地区生产总值 | +6.2%左右 | — | — | 365.5亿元；+6.4% | — | 4、5 |
| 一般公共预算收入 | — | 56.7亿元 | — | 28.4亿元；+16.4%（第6） | — | 4、5 |
"""


def test_the_seven_column_table_gives_its_labels_seven_characters() -> None:
    rendered = render(MAIN, "zh")
    widths = grid(rendered)
    styles = set(rendered.xpath(DOC, "//w:tbl//w:pStyle/@w:val"))
    size = 18 if styles == {"CompactSmall"} else 21  # half-points
    characters = (widths[0] - 2 * 72) / (size * 10)
    assert characters >= 7, (widths, styles)
    # a rank never breaks after "（第": a word joiner holds it to its number
    texts = rendered.xpath(DOC, "//w:tbl//w:t/text()")
    assert "+13.7%（第\u20604）" in texts


def test_zh_table_cells_share_a_baseline() -> None:
    rendered = render(MAIN, "zh")
    for name in ("Compact", "Compact Small"):
        (spacing,) = rendered.xpath(STYLES, f"//w:style[w:name/@w:val='{name}']/w:pPr/w:spacing")
        assert attr(spacing, "lineRule") == "exact"


FIGURE = """\
# T

## 二、项目建设

![图](images/auto-sales.png "图2　重点项目")

2023年，全区开工在建重点项目数量和投资量均创历史新高。

后一段。
"""


def test_text_comes_before_a_figure_that_follows_a_heading() -> None:
    rendered = render(FIGURE, "zh")
    names = [p.style.name for p in rendered.document.paragraphs]
    start = names.index("Heading 1")
    assert names[start : start + 5] == ["Heading 1", "Body Text", "Figure", "Caption", "Body Text"]


def test_a_caption_paragraph_keeps_its_table() -> None:
    markdown = "# T\n\n## 一、经济\n\n![图](images/auto-sales.png)\n\n表1　主要指标\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    names = [p.style.name for p in render(markdown, "zh").document.paragraphs]
    assert names.index("Figure") < names.index("Table Caption")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_empty_cells_use_one_dash(lang: str) -> None:
    facts = reportgen.load_facts(default_facts_path())
    markdown = reportgen.build(facts, lang=lang).markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    cells = {cell.strip() for row in rows for cell in row.strip("|").split("|")}
    assert "–" not in cells
    assert "—" in cells
