"""GFM pipe tables → Word tables in the reference document's "Table" style.

The table is built row by row as XML (never ``table.cell(r, c)``, which rescans the
table on each call): cost grows linearly with the number of cells. The header row
repeats on every page (``w:tblHeader``); each column keeps the Markdown alignment
(``---:`` right-aligns numbers: with the same number of decimals in a column, right
alignment is decimal alignment) on its cell paragraphs, which are in the Compact style.

Column widths come from the text of the first 100 rows, measured with a safe estimate
of the fonts (no font file is read): a CJK character is one em, any other character
0.6 em (wider than Times, Calibri or Arial digits, as wide as DejaVu's fallbacks). Each
column gets at least its longest word or number, so "Rank" or "+22.4%" never breaks;
then short columns (numbers, dates) get a whole line, and the rest goes to the long
ones; headers may wrap. Word may refit them (``w:tblW`` is 100 % of the text width,
layout autofit); LibreOffice keeps them.

A table whose words and numbers do not fit whole at the table size, with six CJK
characters or ten letters a line for its labels, is set one size smaller (the Compact
Small style). A data table's rows never split across pages
(``w:cantSplit``). A layout table, one with a row that would fill more than a third of
the page (the side-by-side edition's paragraphs), may split its rows, and gets no caption.
"""

from __future__ import annotations

import re
from itertools import islice

from docx.oxml.parser import parse_xml
from lxml import etree
from markdown_it.tree import SyntaxTreeNode

from reportgen.writers.docx_context import DocxContext, line_of, unsupported
from reportgen.writers.docx_inline import InlineWriter
from reportgen.writers.docx_text import clean_text, curl_quotes
from reportgen.writers.docx_xml import NS, el, escape, quoteattr, sub, val

_ALIGN = {"text-align:right": "right", "text-align:center": "center"}
_SAMPLE_ROWS = 100
_MAX_TWIPS = 6000  # a longer cell wraps anyway
_WIDE = re.compile("[\u2014\u2015\u2026\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_IDEOGRAPH = "[\u2e80-\u2fff\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]"  # not 、，（）
_SWITCH = re.compile(_IDEOGRAPH + "(?=[0-9A-Za-z])|[0-9A-Za-z%](?=" + _IDEOGRAPH + ")")
_UNITS = re.compile("[^\\s\u2014\u2015\u2026\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
_GUTTER = 113  # 2 mm
_CELL_PADDING = 2 * 72 + 30  # the cell margins of the Table style (1.27 mm), and a little
_RANK = re.compile("([\uff08\uff0c]\u7b2c)(?=[0-9])")  # （第4）, ，第3）
_NUMBERS = re.compile("[0-9]+(?:(?:、|，|, ?)[0-9]+)+")  # a list of sources: 3、4、5 or 1, 4
_NUMBER_UNIT = re.compile(
    "\uff08\u7b2c[0-9]+\uff09|[+\\-\u2212]?[0-9][0-9.,]*%?[\u4e00-\u9fff]{0,4}"
)
_NARROW = set(".,:;!|'’‘ ()[]ilIjft")
_BROAD = set("%‰+−=<>@#&mwMW—")
_NARROW_TWIPS, _LATIN_TWIPS, _CAPITAL_TWIPS, _BROAD_TWIPS = 70, 128, 150, 190
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


def _sample(rows: list[tuple[SyntaxTreeNode, bool]], columns: int) -> list[list[str]]:
    """The text of the first rows' cells (header first), ``columns`` to a row."""
    return [
        [_cell_text(cell) for cell in row.children[:columns]]
        for row, _ in islice(rows, _SAMPLE_ROWS)
    ]


def _grid(
    sample: list[list[str]], header_rows: int, width: int, size: int, aligned: list[bool]
) -> tuple[list[int], bool]:
    """Column widths (twips) from the sampled text at ``size`` half-points, fitted to
    ``width``, and whether every word and number fits whole with label columns of six
    CJK characters or ten letters."""
    columns = len(sample[0]) if sample else 0
    need, least = [0] * columns, [0] * columns
    for number, row in enumerate(sample):
        is_header = number < header_rows
        for index, text in enumerate(row):
            narrowest = min(text_twips(text, size), min_twips(text, size))
            if is_header:  # headers may wrap (CJK ones onto two lines); bold is ~10 % wider
                if _WIDE.search(text):
                    narrowest = max(narrowest, text_twips(text, size) // 2)
                narrowest = narrowest * 11 // 10
            need[index] = max(need[index], narrowest if is_header else text_twips(text, size))
            least[index] = max(least[index], narrowest)
    for index, extra in enumerate(gutters(aligned)):
        need[index] += extra
        least[index] += extra
    pad = _CELL_PADDING
    cjk = [any(_WIDE.search(row[i]) for row in sample if i < len(row)) for i in range(columns)]
    soft = list(least)
    for index in range(columns):  # a text column keeps 6 CJK characters or 10 letters a
        if not aligned[index]:  # line, the first (the labels) 8 CJK characters or 18 letters
            chars = ((1600, 2300) if index == 0 else (1200, 1280))[0 if cjk[index] else 1]
            soft[index] = max(least[index], min(need[index], chars * size // 20))
    fits = sum(soft) + pad * columns <= width
    if fits:  # where it fits; never at the cost of a token
        least = soft
    elif columns > 1 and not aligned[0]:  # the labels as wide as the other tokens allow
        room = width - pad * columns - sum(least[1:])
        least[0] = max(least[0], min(soft[0], room))
    # a short column (numbers, sources) stays on one line; the room left goes where it
    # saves the most lines, which is mostly the first column, the labels
    short = [i > 0 and n + pad <= width // (columns + 1) for i, n in enumerate(need)]
    cells = [[text_twips(text, size) for text in row] for row in sample]
    widths = fit_widths([n + pad for n in need], [n + pad for n in least], width, short, cells)
    return widths, fits


def gutters(aligned: list[bool]) -> list[int]:
    """The extra left indent (twips) of each column: a text column after a number
    column starts 2 mm further in, so a source "3" does not run into the figure before it.

    >>> gutters([False, True, True, False])
    [0, 0, 0, 113]
    """
    return [_GUTTER if i and aligned[i - 1] and not a else 0 for i, a in enumerate(aligned)]


def _latin_twips(text: str) -> int:
    """Width at 10 pt of non-CJK ``text`` in a wide sans such as DejaVu Sans (the widest
    common fallback): narrow punctuation 0.35 em, capitals 0.75 em, % + m w 0.95 em,
    anything else 0.64 em (‰ is wider still: 1.3 em in DejaVu; counted as 0.95)."""
    return sum(_NARROW_TWIPS if c in _NARROW else _CAPITAL_TWIPS if c.isupper()
               else _BROAD_TWIPS if c in _BROAD else _LATIN_TWIPS for c in text)  # fmt: skip


def text_twips(text: str, size: int = 20) -> int:
    """About how wide ``text`` is on one line at ``size`` half-points (default 10 pt): 1 em
    a CJK character, the Latin estimate of :func:`_latin_twips` for others, and 0.25 em
    where CJK text meets Latin letters or digits.

    Generous for Calibri and Times (digits 0.5 em), right for DejaVu (digits 0.64 em),
    which a reader without those fonts gets.

    >>> text_twips("166.72"), text_twips("2023年上半年"), text_twips("Jan–May 2023", 24)
    (710, 1362, 1826)
    """
    return min(_MAX_TWIPS, run_twips(text, size))


def run_twips(text: str, size: int = 20) -> int:
    """How wide ``text`` is set on one line, however long (:func:`text_twips` without its cap).

    >>> run_twips("槐" * 100, 32)
    32000
    """
    wide = len(_WIDE.findall(text))
    gaps = len(_SWITCH.findall(text)) * 50  # Word and LibreOffice space CJK from Latin/digits
    latin = _latin_twips(_WIDE.sub("", text)) if wide else _latin_twips(text)
    return (latin + wide * 200 + gaps) * size // 20


def min_twips(text: str, size: int = 20) -> int:
    """The narrowest ``text`` wraps to: its longest word or number (which must never
    break: "Rank", "+22.4%"), a number with up to four CJK characters of unit or
    qualifier after it ("+12%左右", "365.5亿元"), a rank ("（第4）"), a list of source
    numbers ("3、4、5"), or two CJK characters.

    >>> min_twips("at least +10.5%"), min_twips("固定资产投资"), min_twips("+13.9个百分点", 24)
    (834, 400, 1792)
    >>> min_twips("+13.7%（第4）") > min_twips("（第4）") > min_twips("第4"), min_twips("1、4、5")
    (True, 784)
    """
    longest = max((_latin_twips(unit) for unit in _UNITS.findall(text)), default=0)
    if _NUMBERS.fullmatch(text):  # never one source number a line
        return text_twips(text, size)
    if _WIDE.search(text):
        bound = max((text_twips(unit) for unit in _NUMBER_UNIT.findall(text)), default=0)
        longest = max(longest, bound, 400)
    return longest * size // 20


def fit_widths(
    need: list[int],
    least: list[int],
    width: int,
    first: list[bool] | None = None,
    cells: list[list[int]] | None = None,
) -> list[int]:
    """Share ``width`` among columns needing ``need`` on one line and ``least`` at the narrowest.

    Every column gets its least; then, shortest first, the ``first`` columns (all by
    default; the writer passes the short ones, numbers and sources) get their whole need
    while that fits, so they stay on one line; what is left goes to the others: with the
    sampled ``cells`` (each cell's one-line width, padding excluded) where it saves the
    table the most lines (:func:`shortest_table`), else in proportion to what they still
    lack. A table too wide even at its least has its widest columns narrowed
    (:func:`cap_widest`).

    >>> fit_widths([1000, 2000], [500, 500], 6000)
    [2000, 4000]
    >>> fit_widths([730, 1126, 1566, 1676, 1896, 6000], [730, 796, 1016, 1016, 906, 1346], 8306)
    [730, 1126, 1566, 1676, 1073, 2134]
    """
    if sum(need) <= width:
        total = sum(need) or 1
        return [n * width // total for n in need]
    if sum(least) >= width:
        return cap_widest(least, width)
    widths, budget = list(least), width - sum(least)
    chosen = [i for i in range(len(need)) if first is None or first[i]]
    for index in sorted(chosen, key=need.__getitem__):
        gap = need[index] - widths[index]
        if gap > budget:
            break
        widths[index], budget = need[index], budget - gap
    if cells:
        return shortest_table(widths, need, cells, budget)
    gaps = {i: need[i] - widths[i] for i in range(len(need)) if widths[i] < need[i]}
    lacking = sum(gaps.values()) or 1
    for index, gap in gaps.items():
        widths[index] += budget * gap // lacking
    return widths


def shortest_table(
    widths: list[int], need: list[int], cells: list[list[int]], budget: int
) -> list[int]:
    """``widths`` with ``budget`` twips added where they save the sampled rows the most lines.

    A row is as tall as its tallest cell, and a cell takes ``text / room`` lines (at least
    one; fractions count, so every step is measured). The budget goes out in small steps,
    each to the column whose widening shortens the rows the most: a long label column
    gets the room its labels need instead of wrapping to five lines beside a half-empty
    period column. Steps that save nothing go to the columns still short of their
    ``need`` (padding included), in proportion.

    >>> shortest_table([1000, 1000], [6000, 2000], [[5800, 900], [3000, 1800]], 3000)
    [3172, 1828]
    """
    widths, columns = list(widths), len(widths)
    total, step = sum(widths) + budget, max(budget // 64, 20)
    rows = [row[:columns] + [0] * (columns - len(row)) for row in cells]

    def lines(text: int, room: int) -> float:
        return max(1.0, text / max(room - _CELL_PADDING, 1))

    height = [[lines(t, w) for t, w in zip(row, widths, strict=True)] for row in rows]
    while budget >= step:
        tallest = [max(row) for row in height]
        best, saved = -1, 0.0
        for c in range(columns):
            gain = 0.0
            for row, h, top in zip(rows, height, tallest, strict=True):
                if h[c] == top and top > 1.0:
                    others = max((x for i, x in enumerate(h) if i != c), default=1.0)
                    gain += top - max(others, lines(row[c], widths[c] + step))
            if gain > saved:
                best, saved = c, gain
        if best < 0:
            break
        widths[best] += step
        budget -= step
        for row, h in zip(rows, height, strict=True):
            h[best] = lines(row[best], widths[best])
    gaps = {i: need[i] - widths[i] for i in range(columns) if widths[i] < need[i]}
    lacking = sum(gaps.values()) or 1
    for index, gap in gaps.items():
        widths[index] += budget * gap // lacking
    widths[max(gaps, key=gaps.__getitem__, default=0)] += total - sum(widths)
    return widths


def cap_widest(least: list[int], width: int) -> list[int]:
    """Widths for a table too wide even at its least: the widest columns are cut down to a
    common cap (long labels wrap inside a word), the narrow ones keep their tokens whole.

    >>> cap_widest([3000, 1200, 1100, 1000], 6000)
    [2700, 1200, 1100, 1000]
    >>> cap_widest([2000, 2000, 2000], 3000)
    [1000, 1000, 1000]
    """
    low, high = 0, max(least, default=0)
    while low < high:  # the largest cap at which the columns fit
        cap = (low + high + 1) // 2
        if sum(min(n, cap) for n in least) <= width:
            low = cap
        else:
            high = cap - 1
    return [min(n, low) for n in least]


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


def _cell_xml(cell: SyntaxTreeNode, lang: str) -> str | None:
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
    if lang == "en":
        text = curl_quotes(text)
    text = _RANK.sub("\\1\u2060", text)  # a word joiner: "（第" never ends a line before "4）"
    space = ' xml:space="preserve"' if text[0] == " " or text[-1] == " " else ""
    return f"<w:r><w:t{space}>{escape(text)}</w:t></w:r>"


def is_layout(sample: list[list[str]], grid: list[int], size: int, text_height: int) -> bool:
    """Whether a sampled row would fill more than a third of the text height.

    >>> is_layout([["short", "row"]], [2000, 2000], 20, 12000)
    False
    >>> is_layout([["x" * 2000, "y"]], [2000, 2000], 20, 12000)
    True
    """
    line = size * 12  # twips: 1.2 lines of ``size`` half-points
    for row in sample:
        for text, width in zip(row, grid, strict=False):
            room = max(width - _CELL_PADDING, 1)
            length = len(text) * (size * 10)  # at most 1 em a character
            if -(-length // room) * line > text_height // 3:
                return True
    return False


#: A page break never leaves fewer rows than this of a data table on either side of it.
ORPHAN_ROWS = 3


def kept_rows(count: int, headers: int) -> set[int]:
    """The rows kept with the next one (``w:keepNext`` on their paragraphs): the header and
    the first data rows, and the rows before the last ones, so a page break leaves at least
    :data:`ORPHAN_ROWS` data rows on each side (review 2: Table 1's last row alone on a page).

    >>> sorted(kept_rows(10, 1)), kept_rows(3, 1)
    ([0, 1, 2, 7, 8], set())
    """
    body = count - headers
    if body < 2 * ORPHAN_ROWS:
        return set()
    first = set(range(headers + ORPHAN_ROWS - 1))
    return first | set(range(count - ORPHAN_ROWS, count - 1))


def _rows_xml(
    rows: list[tuple[SyntaxTreeNode, bool]],
    aligns: list[str | None],
    style_id: str,
    *,
    keep_rows: bool,
    lang: str,
) -> tuple[str, list[tuple[int, int, SyntaxTreeNode]]]:
    """All rows as one XML string, and the (row, column, cell) left for the inline writer.

    One string parsed once is several times faster than an element per call for the
    tens of thousands of cells of a long table.
    """
    style = quoteattr(style_id)
    indents = gutters([align is not None for align in aligns])
    starts = [
        f"<w:tc><w:p><w:pPr><w:pStyle w:val={style}/>"
        + (f'<w:ind w:left="{indent}"/>' if indent else "")
        + (f'<w:jc w:val="{align}"/>' if align else "")
        + "</w:pPr>"
        for align, indent in zip(aligns, indents, strict=True)
    ]
    parts = [f'<w:rows xmlns:w="{NS["w"]}" xmlns:r="{NS["r"]}">']
    rich: list[tuple[int, int, SyntaxTreeNode]] = []
    keep = "<w:cantSplit/>" if keep_rows else ""
    held = kept_rows(len(rows), sum(1 for _, h in rows if h)) if keep_rows else set()
    for index, (row, is_header) in enumerate(rows):
        if is_header:
            parts.append(f"<w:tr><w:trPr>{keep}<w:tblHeader/></w:trPr>")
        else:
            parts.append(f"<w:tr><w:trPr>{keep}</w:trPr>" if keep else "<w:tr>")
        offset = 1 if keep or is_header else 0  # the w:trPr before the cells
        for column, (cell, start) in enumerate(zip(row.children, starts, strict=False)):
            runs = _cell_xml(cell, lang)
            if runs is None:
                rich.append((index, column + offset, cell))
            if index in held:  # w:keepNext right after w:pStyle, the first empty element
                start = start.replace("/>", "/><w:keepNext/>", 1)
            parts += (start, runs or "", "</w:p></w:tc>")
        parts.append("</w:tr>")
    parts.append("</w:rows>")
    return "".join(parts), rich


_YEAR_BREAK = re.compile("^([0-9]{4}年)(.+)$")


def header_lines(text: str, width: int, size: int) -> list[str]:
    """A header that does not fit its column on one line, broken after its year
    ("2023年" / "1—11月"), so Word does not break "2023年1—11" / "月" (review 2, C4);
    ``[text]`` when it fits, or when it has no year to break after.

    >>> header_lines("2023年1—11月", 1200, 21), header_lines("2023年", 1200, 21)
    (['2023年', '1—11月'], ['2023年'])
    """
    match = _YEAR_BREAK.match(text)
    if match is None or text_twips(text, size) + _CELL_PADDING <= width:
        return [text]
    return [match.group(1), match.group(2)]


def _break_headers(rows: etree._Element, headers: int, grid: list[int], size: int) -> None:
    """Put a line break after the year of each header cell too wide for its column."""
    for row in list(rows)[:headers]:
        cells = row.findall(f"{{{NS['w']}}}tc")
        for cell, width in zip(cells, grid, strict=False):
            runs = cell.findall(f".//{{{NS['w']}}}r")
            if len(runs) != 1:
                continue
            text = "".join(t.text or "" for t in runs[0].iter(f"{{{NS['w']}}}t"))
            lines = header_lines(text, width, size)
            if len(lines) == 2:
                t = runs[0].find(f"{{{NS['w']}}}t")
                assert t is not None
                t.text = lines[0]
                sub(runs[0], "w:br")
                sub(runs[0], "w:t").text = lines[1]


def table_element(node: SyntaxTreeNode, ctx: DocxContext) -> tuple[etree._Element, bool]:
    """The ``w:tbl`` for a markdown-it ``table`` node, and whether it is a data table."""
    rows = _rows(node)
    if not rows:
        raise unsupported(node, " (a table without rows)")
    aligns = [_ALIGN.get(str(cell.attrs.get("style", ""))) for cell in rows[0][0].children]
    tbl = el("w:tbl")
    size, style = ctx.table_size, "Compact"
    sample = _sample(rows, len(aligns))
    headers = sum(1 for _, is_header in rows if is_header)
    aligned = [align is not None for align in aligns]
    width = ctx.text_width // _EMU_PER_TWIP
    grid, fits = _grid(sample, headers, width, size, aligned)
    if not fits and ctx.small_table_size < size:  # too many columns: a size smaller
        size, style = ctx.small_table_size, "Compact Small"
        grid, _ = _grid(sample, headers, width, size, aligned)
    data = not is_layout(sample, grid, size, ctx.text_height // _EMU_PER_TWIP)
    _table_properties(tbl, ctx, grid)
    xml, rich = _rows_xml(rows, aligns, ctx.styles.id(style), keep_rows=data, lang=ctx.lang)
    parsed = parse_xml(xml)
    _break_headers(parsed, headers, grid, size)
    for index, column, cell in rich:  # links, emphasis, footnotes: the inline writer
        paragraph = parsed[index][column][0]
        InlineWriter(ctx, ctx.document_part, paragraph).write(cell.children[0])
    tbl.extend(parsed)
    return tbl, data
