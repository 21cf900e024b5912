"""GFM pipe tables → Word tables in the reference document's "Table" style.

The table is built row by row as XML (never ``table.cell(r, c)``, which rescans the
table on each call): cost grows linearly with the number of cells. The header row
repeats on every page (``w:tblHeader``); each column keeps the Markdown alignment
(``---:`` right-aligns numbers) on its cell paragraphs, which are in the Compact style.
Column widths come from the text of the first 100 rows: each column gets at least its
longest word, then short columns (numbers, dates) get a whole line, and the rest goes
to the long ones; headers may wrap. Word may refit them (``w:tblW`` is 100 % of the
text width, layout autofit); LibreOffice keeps them.
"""

from __future__ import annotations

import re
from itertools import islice

from docx.oxml.parser import parse_xml
from lxml import etree
from markdown_it.tree import SyntaxTreeNode

from reportgen.writers.docx_context import DocxContext, line_of, unsupported
from reportgen.writers.docx_inline import InlineWriter
from reportgen.writers.docx_text import clean_text
from reportgen.writers.docx_xml import NS, el, escape, quoteattr, sub, val

_ALIGN = {"text-align:right": "right", "text-align:center": "center"}
_SAMPLE_ROWS = 100
_MAX_TWIPS = 6000  # a longer cell wraps anyway
_WIDE = re.compile("[\u2014\u2015\u2026\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_SWITCH = re.compile(_WIDE.pattern + "(?=[0-9A-Za-z])|[0-9A-Za-z%](?=" + _WIDE.pattern + ")")
_UNITS = re.compile("[^\\s\u2014\u2015\u2026\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
_CELL_PADDING = 2 * 108 + 30  # the cell margins of the Table style, and a little
_EMU_PER_TWIP = 635


def _rows(table: SyntaxTreeNode) -> list[tuple[SyntaxTreeNode, bool]]:
    rows: list[tuple[SyntaxTreeNode, bool]] = []
    for section in table.children:
        if section.type not in ("thead", "tbody"):
            raise unsupported(section)
        rows.extend((row, section.type == "thead") for row in section.children)
    return rows


def _cell_text(cell: SyntaxTreeNode) -> str:
    """The visible text of a cell; a footnote mark counts as one digit."""
    if not cell.children:
        return ""
    inline = cell.children[0]
    if len(inline.children) == 1:
        return inline.children[0].content
    marks = {"footnote_ref": "0", "softbreak": " ", "hardbreak": " "}
    return "".join(
        n.content if n.type in ("text", "text_special") else marks.get(n.type, "")
        for n in inline.walk(include_self=False)
    )


def _grid(rows: list[tuple[SyntaxTreeNode, bool]], columns: int, width: int) -> list[int]:
    """Column widths (twips) from the text of the first rows, fitted to ``width``."""
    need, least = [0] * columns, [0] * columns
    for row, is_header in islice(rows, _SAMPLE_ROWS):
        for index, cell in enumerate(row.children[:columns]):
            text = _cell_text(cell)
            narrowest = min(text_twips(text), min_twips(text))
            if is_header:  # headers may wrap (CJK ones onto two lines); bold is ~10 % wider
                if _WIDE.search(text):
                    narrowest = max(narrowest, text_twips(text) // 2)
                narrowest = narrowest * 11 // 10
            need[index] = max(need[index], narrowest if is_header else text_twips(text))
            least[index] = max(least[index], narrowest)
    pad = _CELL_PADDING
    return fit_widths([n + pad for n in need], [n + pad for n in least], width)


def text_twips(text: str) -> int:
    """About how wide ``text`` is on one line at 10 pt: 5.5 pt a Latin character, 10 pt a CJK
    one, 2.5 pt where CJK text meets Latin letters or digits.

    A little generous for Calibri and Times (digits 5 pt), short for wide fallbacks such
    as DejaVu Sans (6.4 pt), which only matter where Calibri and its clones are missing.

    >>> text_twips("166.72"), text_twips("2023年上半年"), text_twips("Jan–May 2023")
    (660, 1290, 1320)
    """
    wide = len(_WIDE.findall(text))
    gaps = len(_SWITCH.findall(text)) * 50  # Word and LibreOffice space CJK from Latin/digits
    return min(_MAX_TWIPS, (len(text) - wide) * 110 + wide * 200 + gaps)


def min_twips(text: str) -> int:
    """The narrowest ``text`` wraps to: its longest word or number, or two CJK characters.

    >>> min_twips("at least +10.5%"), min_twips("固定资产投资"), min_twips("+13.9个百分点")
    (660, 400, 550)
    """
    longest = max((len(unit) for unit in _UNITS.findall(text)), default=0) * 110
    return max(longest, 400 if _WIDE.search(text) else 0)


def fit_widths(need: list[int], least: list[int], width: int) -> list[int]:
    """Share ``width`` among columns needing ``need`` on one line and ``least`` at the narrowest.

    Every column gets its least; then, shortest first, columns get their whole need while
    that fits (numbers and dates stay on one line); what is left goes to the others in
    proportion to what they still lack. A table too wide even at its least is scaled down.

    >>> fit_widths([1000, 2000], [500, 500], 6000)
    [2000, 4000]
    >>> fit_widths([730, 1126, 1566, 1676, 1896, 6000], [730, 796, 1016, 1016, 906, 1346], 8306)
    [730, 1126, 1566, 1676, 1073, 2134]
    """
    if sum(need) <= width:
        total = sum(need) or 1
        return [n * width // total for n in need]
    if sum(least) >= width:
        total = sum(least) or 1
        return [n * width // total for n in least]
    widths, budget = list(least), width - sum(least)
    for index in sorted(range(len(need)), key=need.__getitem__):
        gap = need[index] - widths[index]
        if gap > budget:
            break
        widths[index], budget = need[index], budget - gap
    gaps = {i: need[i] - widths[i] for i in range(len(need)) if widths[i] < need[i]}
    lacking = sum(gaps.values()) or 1
    for index, gap in gaps.items():
        widths[index] += budget * gap // lacking
    return widths


def _table_properties(tbl: etree._Element, ctx: DocxContext, grid: list[int]) -> None:
    tbl_pr = sub(tbl, "w:tblPr")
    val(tbl_pr, "w:tblStyle", ctx.styles.id("Table", "table"))
    sub(tbl_pr, "w:tblW", {"w:w": "5000", "w:type": "pct"})
    look = {"w:val": "0620", "w:firstRow": "1", "w:lastRow": "0", "w:firstColumn": "0"}
    look |= {"w:lastColumn": "0", "w:noHBand": "1", "w:noVBand": "1"}
    sub(tbl_pr, "w:tblLook", look)
    tbl_grid = sub(tbl, "w:tblGrid")
    for width in grid:
        sub(tbl_grid, "w:gridCol", {"w:w": str(width)})


def _cell_xml(cell: SyntaxTreeNode) -> str | None:
    """The runs of a plain-text cell as XML, or None if the cell needs the inline writer."""
    if not cell.children:
        return ""
    inline = cell.children[0]
    only = inline.children
    if len(only) != 1 or only[0].type != "text" or "\t" in only[0].content:
        return None
    text = clean_text(only[0].content, lambda: f"Markdown line {line_of(inline)}")
    if not text:
        return ""
    space = ' xml:space="preserve"' if text[0] == " " or text[-1] == " " else ""
    return f"<w:r><w:t{space}>{escape(text)}</w:t></w:r>"


def _rows_xml(
    rows: list[tuple[SyntaxTreeNode, bool]], aligns: list[str | None], style_id: str
) -> tuple[str, list[tuple[int, int, SyntaxTreeNode]]]:
    """All rows as one XML string, and the (row, column, cell) left for the inline writer.

    One string parsed once is several times faster than an element per call for the
    tens of thousands of cells of a long table.
    """
    style = quoteattr(style_id)
    starts = [
        f"<w:tc><w:p><w:pPr><w:pStyle w:val={style}/>"
        + (f'<w:jc w:val="{align}"/>' if align else "")
        + "</w:pPr>"
        for align in aligns
    ]
    parts = [f'<w:rows xmlns:w="{NS["w"]}" xmlns:r="{NS["r"]}">']
    rich: list[tuple[int, int, SyntaxTreeNode]] = []
    for index, (row, is_header) in enumerate(rows):
        parts.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if is_header else "<w:tr>")
        for column, (cell, start) in enumerate(zip(row.children, starts, strict=False)):
            runs = _cell_xml(cell)
            if runs is None:
                rich.append((index, column + is_header, cell))
            parts += (start, runs or "", "</w:p></w:tc>")
        parts.append("</w:tr>")
    parts.append("</w:rows>")
    return "".join(parts), rich


def table_element(node: SyntaxTreeNode, ctx: DocxContext) -> etree._Element:
    """The ``w:tbl`` for a markdown-it ``table`` node."""
    rows = _rows(node)
    if not rows:
        raise unsupported(node, " (a table without rows)")
    aligns = [_ALIGN.get(str(cell.attrs.get("style", ""))) for cell in rows[0][0].children]
    tbl = el("w:tbl")
    _table_properties(tbl, ctx, _grid(rows, len(aligns), ctx.text_width // _EMU_PER_TWIP))
    xml, rich = _rows_xml(rows, aligns, ctx.styles.id("Compact"))
    parsed = parse_xml(xml)
    for index, column, cell in rich:  # links, emphasis, footnotes: the inline writer
        paragraph = parsed[index][column][0]
        InlineWriter(ctx, ctx.document_part, paragraph).write(cell.children[0])
    tbl.extend(parsed)
    return tbl
