"""Figures and the page (review 2, N16): a figure that would not fit below the text moves
after the paragraph that runs onto the next page (text flows; no quarter page left blank),
one that nearly fits is scaled to the space left, and none moves past a heading."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from test_docx_support import NS, W, meta, png_bytes

from reportgen.writers.docx import render_docx
from reportgen.writers.docx_flow import looks

LINE = "槐荫区着力构建以医养健康、先进材料、智能制造三大产业为主导的现代化产业体系，" * 2  # 3 lines


def body(tmp_path: Path, markdown: str) -> list[str]:
    """Each body paragraph as 'P<n>' (its text starts with the marker), 'FIG' or 'CAP'."""
    (tmp_path / "fig.png").write_bytes(png_bytes(600, 400))
    data = render_docx(markdown, meta("zh"), base_dir=tmp_path)
    import io
    import zipfile

    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    found = []
    for p in xml.iterfind(".//w:body/w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        name = "" if style is None else style.get(f"{{{W}}}val")
        text = "".join(p.itertext())
        if p.find(".//wp:extent", NS) is not None:
            found.append("FIG")
        elif name == "Caption":
            found.append("CAP")
        elif text.startswith("P"):
            found.append(text.split("：")[0])
    return found


def document(before: int, after: int, heading_after: bool = False) -> str:
    lines = ["# 标题", "", "## 一、经济运行", ""]
    lines += [f"P{n}：{LINE}\n" for n in range(1, before + 1)]
    lines += ['![图](fig.png "图1 测试图")', ""]
    if heading_after:
        lines += ["## 二、项目建设", ""]
    lines += [f"P{n}：{LINE}\n" for n in range(before + 1, before + after + 1)]
    return "\n".join(lines)


def test_a_figure_that_fits_stays_where_the_template_put_it(tmp_path: Path) -> None:
    order = body(tmp_path, document(2, 4))
    assert order == ["P1", "P2", "FIG", "CAP", "P3", "P4", "P5", "P6"]


def test_text_flows_past_a_figure_that_does_not_fit(tmp_path: Path) -> None:
    # 6 paragraphs of 3 lines and a heading fill 19 of the page's 22 lines (GB/T 9704):
    # a picture ~9 lines tall would leave 3 lines blank and move to the next page
    order = body(tmp_path, document(6, 4))
    figure = order.index("FIG")
    assert order[figure + 1] == "CAP"  # the caption stays with its picture
    assert figure > order.index("P6") + 1  # text came before it
    assert [x for x in order if x.startswith("P")] == [f"P{n}" for n in range(1, 11)]


def test_a_figure_never_moves_past_a_heading(tmp_path: Path) -> None:
    order = body(tmp_path, document(6, 4, heading_after=True))
    assert order[order.index("P6") + 1] == "FIG"


def test_the_estimate_uses_the_gb_t_9704_line_pitch() -> None:
    zh, en = looks("zh"), looks("en")
    assert zh["body text"].line == 579 and zh["heading"].line == 579  # 28.95 pt, 22 lines
    assert en["body text"].after == 160
