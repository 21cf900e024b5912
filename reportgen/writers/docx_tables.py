"""GFM pipe tables → Word tables in the reference document's "Table" style.

The table is built row by row as XML (never ``table.cell(r, c)``, which rescans the
table on each call): cost grows linearly with the number of cells. The header row
repeats on every page (``w:tblHeader``); each column keeps the Markdown alignment
(``---:`` right-aligns numbers) on its cell paragraphs, which are in the Compact style.
Column widths come from the text in the first rows: narrow columns (numbers) get
all they need, the wide ones share the rest; Word may refit them (``w:tblW`` is 100 %
of the text width, layout autofit), LibreOffice keeps them.
"""

from __future__ import annotations

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
_CELL_PADDING = 2 * 108 + 60
_EMU_PER_TWIP = 635


def _rows(table: SyntaxTreeNode) -> list[tuple[SyntaxTreeNode, bool]]:
    rows: list[tuple[SyntaxTreeNode, bool]] = []
    for section in table.children:
        if section.type not in ("thead", "tbody"):
            raise unsupported(section)
        rows.extend((row, section.type == "thead") for row in section.children)
    return rows


def _cell_text(cell: SyntaxTreeNode) -> str:
    return cell.children[0].content if cell.children else ""


def _grid(rows: list[tuple[SyntaxTreeNode, bool]], columns: int, width: int) -> list[int]:
    """Column widths (twips): what the longest text in the first rows needs, fitted to width."""
    need = [0] * columns
    for row, _ in islice(rows, _SAMPLE_ROWS):
        for index, cell in enumerate(row.children[:columns]):
            need[index] = max(need[index], text_twips(_cell_text(cell)))
    return fit_widths([n + _CELL_PADDING for n in need], width)


def text_twips(text: str) -> int:
    """About how wide ``text`` is at 10 pt: 6 pt a Latin character or digit, 10 pt a CJK one.

    Generous for Calibri and Times, right for wide fallbacks such as DejaVu Sans.

    >>> text_twips("166.72"), text_twips("2023年上半年")
    (720, 1280)
    """
    wide = (len(text.encode()) - len(text)) // 2  # 3-byte UTF-8: CJK and full-width forms
    return min(_MAX_TWIPS, (len(text) - wide) * 120 + wide * 200)


def fit_widths(need: list[int], width: int) -> list[int]:
    """Share ``width`` among columns: narrow ones get what they need, wide ones the rest.

    Numbers stay on one line; only the columns too wide to fit wrap.

    >>> fit_widths([100, 100], 400)
    [200, 200]
    >>> fit_widths([100, 500, 1000], 1000)
    [100, 300, 600]
    """
    total = sum(need) or 1
    if total <= width:
        return [n * width // total for n in need]
    free = set(range(len(need)))
    widths = list(need)
    remaining = width
    while free:
        share = remaining / len(free)
        narrow = {i for i in free if need[i] <= share}
        if not narrow:
            break
        remaining -= sum(need[i] for i in narrow)
        free -= narrow
    wide_total = sum(need[i] for i in free) or 1
    for i in free:
        widths[i] = remaining * need[i] // wide_total
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
