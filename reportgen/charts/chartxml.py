"""One panel of a chart as a DrawingML chart part (``c:chartSpace``), laid out as Word writes it.

The chart is a clustered bar chart (``c:barChart``; ``barDir`` ``bar`` for horizontal
bars, ``col`` for columns) with one series per bar style the panel uses — results,
estimates, targets — so the legend names each style and each style has its own fill
(estimates and targets hatched, ``a:pattFill``). The series overlap fully
(``c:overlap`` 100) and each category has a value in one series only, so every
category shows one bar. Group headings become the outer level of multi-level
category labels (``Regional GDP, H1 2023``): multi-level categories
(``c:multiLvlStrRef``) were tried and LibreOffice draws their outer level rotated and
mostly hidden.

Values are stored exactly: each ``c:v`` is the figure's exact ``Decimal`` in its unit's
base, written without exponent, the same text as in the embedded workbook
(:mod:`reportgen.charts.workbook`). Each bar's label is custom text (``c:dLbl`` with
``c:tx/c:rich``): the value as the formatter printed it (``+12%左右``, ``over 2.2
million``), since no number format can say 约 or 左右, then the bar's note in grey.
The value axis shows no numbers, only its title (the unit) when the labels lack it;
its limits leave room for the labels. Fonts: ``a:latin``/``a:ea``/``a:cs`` in the
chart's ``c:txPr``, with the language tag of the briefing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from .metrics import fit_limits, text_width
from .spec import BarStyle, Panel
from .svg import FILLS
from .text import wrap

NS = (
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
PATTERNS = {BarStyle.ESTIMATE: "wdUpDiag", BarStyle.TARGET: "wdDnDiag"}
SIZE, SMALL = 9.0, 8.0  # points
GREY = "595959"
NOTE_COLUMNS = {False: 36, True: 20}  # a note's line, in columns (CJK characters count 2)
CAT_AX, VAL_AX = 50010001, 50010002


@dataclass(frozen=True)
class ChartFonts:
    """The typefaces and language of a chart's text."""

    latin: str
    east_asia: str
    lang: str  # "zh-CN", "en-US"

    @classmethod
    def for_lang(cls, lang: str) -> ChartFonts:
        """黑体 with Arial for Chinese, Calibri with SimHei for English.

        >>> ChartFonts.for_lang("zh").east_asia
        '黑体'
        """
        if lang.startswith("zh"):
            return cls("Arial", "黑体", "zh-CN")
        return cls("Calibri", "SimHei", "en-US")


@dataclass(frozen=True)
class Layout:
    """The chart's size in points and which way its bars run."""

    width: float
    height: float
    vertical: bool
    category: float = 0.0  # the category labels' size in points (0: the default)


def plain(value: Decimal) -> str:
    """A decimal as a spreadsheet stores it: no exponent, no trailing zeros.

    >>> plain(Decimal("2.974E+11")), plain(Decimal("12.50")), plain(Decimal("-0.35"))
    ('297400000000', '12.5', '-0.35')
    """
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def column(index: int) -> str:
    """The spreadsheet column letter of a 0-based index (A, B, … Z, AA).

    >>> column(0), column(2), column(26)
    ('A', 'C', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Table:
    """The panel as the workbook holds it: the label column, then one value column per style."""

    labels: tuple[str, ...]
    styles: tuple[BarStyle, ...]  # the value columns, in order
    names: tuple[str, ...]  # the value columns' headings (legend names)
    values: tuple[tuple[str | None, ...], ...]  # per style: per bar, plain(value) or None

    @classmethod
    def of(
        cls,
        panel: Panel,
        legend: tuple[str, str, str],
        heading: str = "{heading}, {label}",
        wrap_at: int = 0,
    ) -> Table:
        """The panel's table; ``heading`` joins a group heading and a bar label; labels are
        broken into lines of ``wrap_at`` columns when given (a column chart's categories).
        Values are in the panel's axis unit (``10**panel.scale`` base units: 2974 for 亿元
        on an axis in 亿元), exactly."""
        labels, bars = [], []
        for group in panel.groups:
            for bar in group.bars:
                label = (
                    heading.format(heading=group.heading, label=bar.label)
                    if group.heading
                    else bar.label
                )
                labels.append(wrap(label, wrap_at, bar.keep) if wrap_at else label)
                bars.append(bar)
        styles = tuple(s for s in BarStyle if any(b.style is s for b in bars))
        names = tuple(legend[list(BarStyle).index(s)] for s in styles)
        values = tuple(
            tuple(plain(b.value.scaleb(-panel.scale)) if b.style is s else None for b in bars)
            for s in styles
        )
        return cls(tuple(labels), styles, names, values)


def _ref(col: int, first: int, last: int | None = None) -> str:
    """A cell or a column range of Sheet1: ``Sheet1!$B$2:$B$4``."""
    start = f"${column(col)}${first}"
    return f"Sheet1!{start}" if last is None else f"Sheet1!{start}:${column(col)}${last}"


def _v(text: str) -> str:
    return f"<c:v>{escape(text)}</c:v>"


def _str_cache(texts: tuple[str, ...]) -> str:
    points = "".join(f'<c:pt idx="{i}">{_v(t)}</c:pt>' for i, t in enumerate(texts) if t)
    return f'<c:ptCount val="{len(texts)}"/>{points}'


def _categories(table: Table) -> str:
    ref = _ref(0, 2, len(table.labels) + 1)
    return (
        f"<c:cat><c:strRef><c:f>{ref}</c:f><c:strCache>{_str_cache(table.labels)}"
        "</c:strCache></c:strRef></c:cat>"
    )


def _fill(style: BarStyle) -> str:
    fill, edge = (f.lstrip("#").upper() for f in FILLS[style])
    line = f'<a:ln w="9525"><a:solidFill><a:srgbClr val="{edge}"/></a:solidFill></a:ln>'
    if style in PATTERNS:
        return (
            f'<c:spPr><a:pattFill prst="{PATTERNS[style]}"><a:fgClr><a:srgbClr val="{edge}"/>'
            f'</a:fgClr><a:bgClr><a:srgbClr val="{fill}"/></a:bgClr></a:pattFill>{line}</c:spPr>'
        )
    return f'<c:spPr><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>{line}</c:spPr>'


def _run(text: str, lang: str, size: float | None = None, color: str = "") -> str:
    sz = "" if size is None else f' sz="{round(size * 100)}"'
    fill = f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else ""
    return f'<a:r><a:rPr lang="{lang}"{sz}>{fill}</a:rPr><a:t>{escape(text)}</a:t></a:r>'


def note_lines(note: str, vertical: bool) -> list[str]:
    """A bar's note in lines that keep its data label narrow (labels never wrap by themselves).

    >>> note_lines("ranking third in Jinan; 13.9 percentage points above the citywide rate", False)
    ['ranking third in Jinan; 13.9', 'percentage points above the citywide', 'rate']
    """
    if not note:
        return []
    return wrap(note, NOTE_COLUMNS[vertical]).split("\n")


_SHOW = (
    '<c:showLegendKey val="0"/><c:showVal val="{v}"/><c:showCatName val="0"/>'
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
)


def value_lines(text: str, slot: float) -> list[str]:
    """A column's value label in lines no wider than its column (``slot`` points; 0: one
    line): "297.4 billion" over a narrow column is "297.4 " and "billion".

    >>> value_lines("297.4 billion", 40.0), value_lines("297.4 billion", 0.0)
    (['297.4 ', 'billion'], ['297.4 billion'])
    """
    if not slot or " " not in text or text_width(text, SMALL) * 1.25 <= slot:
        return [text]
    head, _, tail = text.rpartition(" ")
    return [head + " ", tail]


def _labels(
    panel: Panel, style: BarStyle, fonts: ChartFonts, vertical: bool, slot: float = 0.0
) -> str:
    """The series' data labels: one custom label per bar of ``style``; a column's value
    breaks at a space when it is wider than ``slot`` points."""
    position = "outEnd"
    items = []
    for index, bar in enumerate(panel.bars):
        if bar.style is not style:
            continue
        lines = note_lines(bar.note, vertical)
        values = value_lines(bar.text, slot if vertical else 0.0)
        first = _run(values[0], fonts.lang, SMALL if vertical else None)
        if lines and not vertical:
            first += _run("  " + lines.pop(0), fonts.lang, SMALL, GREY)
        align = '<a:pPr algn="ctr"/>' if vertical else '<a:pPr algn="l"/>'
        paragraphs = [f"<a:p>{align}{first}</a:p>"]
        paragraphs += [f"<a:p>{align}{_run(v, fonts.lang, SMALL)}</a:p>" for v in values[1:]]
        paragraphs += [f"<a:p>{align}{_run(line, fonts.lang, SMALL, GREY)}</a:p>" for line in lines]
        rich = f'<c:rich><a:bodyPr wrap="none"/><a:lstStyle/>{"".join(paragraphs)}</c:rich>'
        items.append(
            f'<c:dLbl><c:idx val="{index}"/><c:tx>{rich}</c:tx>'
            f'<c:dLblPos val="{position}"/>{_SHOW.format(v=1)}</c:dLbl>'
        )
    return (
        "<c:dLbls>" + "".join(items) + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f'<c:dLblPos val="{position}"/>{_SHOW.format(v=0)}</c:dLbls>'
    )


def _series(
    panel: Panel, table: Table, fonts: ChartFonts, vertical: bool, slot: float = 0.0
) -> str:
    rows = len(table.labels) + 1
    found = []
    for order, (style, name, values) in enumerate(
        zip(table.styles, table.names, table.values, strict=True)
    ):
        col = 1 + order
        points = "".join(f'<c:pt idx="{i}">{_v(v)}</c:pt>' for i, v in enumerate(values) if v)
        found.append(
            f'<c:ser><c:idx val="{order}"/><c:order val="{order}"/>'
            f"<c:tx><c:strRef><c:f>{_ref(col, 1)}</c:f><c:strCache>{_str_cache((name,))}"
            f"</c:strCache></c:strRef></c:tx>{_fill(style)}"
            f'<c:invertIfNegative val="0"/>{_labels(panel, style, fonts, vertical, slot)}'
            f"{_categories(table)}<c:val><c:numRef><c:f>{_ref(col, 2, rows)}</c:f><c:numCache>"
            f'<c:formatCode>General</c:formatCode><c:ptCount val="{len(values)}"/>{points}'
            "</c:numCache></c:numRef></c:val></c:ser>"
        )
    return "".join(found)


def _text_props(
    fonts: ChartFonts, size: float, color: str = "", bold: bool = False, upright: bool = False
) -> str:
    fill = f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else ""
    b = ' b="1"' if bold else ' b="0"'
    faces = (
        f"<a:latin typeface={quoteattr(fonts.latin)}/><a:ea typeface={quoteattr(fonts.east_asia)}/>"
        f"<a:cs typeface={quoteattr(fonts.latin)}/>"
    )
    body = '<a:bodyPr rot="0" vert="horz"/>' if upright else "<a:bodyPr/>"
    return (
        f'<c:txPr>{body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="{round(size * 100)}"{b}>'
        f'{fill}{faces}</a:defRPr></a:pPr><a:endParaRPr lang="{fonts.lang}"/></a:p></c:txPr>'
    )


def _title(text: str, fonts: ChartFonts, size: float, color: str = "", bold: bool = True) -> str:
    fill = f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else ""
    b = ' b="1"' if bold else ' b="0"'
    rich = (
        f'<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{round(size * 100)}"{b}>'
        f'{fill}</a:defRPr></a:pPr><a:r><a:rPr lang="{fonts.lang}" sz="{round(size * 100)}"{b}>'
        f"{fill}</a:rPr><a:t>{escape(text)}</a:t></a:r></a:p></c:rich>"
    )
    return f'<c:title><c:tx>{rich}</c:tx><c:overlay val="0"/></c:title>'


def _label_width(text: str, note: str) -> float:
    """The width in points of a horizontal bar's data label (value, then its note)."""
    lines = note_lines(note, False)
    first = text_width(text, SIZE) + (text_width("  " + lines[0], SMALL) if lines else 0)
    return max([first] + [text_width(line, SMALL) for line in lines[1:]]) * 1.1


def _limit(value: float) -> str:
    """An axis limit (layout only, never a figure): a short decimal."""
    return plain(Decimal(f"{value:.6g}"))


def _axes(
    panel: Panel, table: Table, fonts: ChartFonts, layout: Layout, plot: float | None = None
) -> str:
    """The category and value axes; ``plot``: the plot area's height in points, if fixed."""
    if layout.vertical:
        span = layout.height - 60 if plot is None else plot
        ends = [(b.position, SIZE * 2.2 * (1 + len(note_lines(b.note, True)))) for b in panel.bars]
    else:
        labels = max(text_width(label, SIZE) for label in table.labels)
        span = layout.width - min(labels + 12, layout.width * 0.4) - 16
        ends = [(b.position, _label_width(b.text, b.note) + 8) for b in panel.bars]
    lo, hi = fit_limits(ends, span)
    unit = 10.0**panel.scale
    if panel.ticks:
        lo = min(lo, float(panel.ticks[0].value))
    scaling = (
        f'<c:scaling><c:orientation val="minMax"/><c:max val="{_limit(hi / unit)}"/>'
        f'<c:min val="{_limit(lo / unit)}"/></c:scaling>'
    )
    rule = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="999999"/></a:solidFill></a:ln>'\
        "</c:spPr>"  # fmt: skip
    no_line = "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>"
    cat_orientation = "minMax" if layout.vertical else "maxMin"
    cat_pos, val_pos = ("b", "l") if layout.vertical else ("l", "b")
    title = _title(panel.axis_label, fonts, SMALL, GREY, bold=False) if panel.axis_label else ""
    marks, value_line = _value_marks(panel, fonts), no_line
    if panel.ticks:
        value_line = rule
    return (
        f'<c:catAx><c:axId val="{CAT_AX}"/><c:scaling><c:orientation val="{cat_orientation}"/>'
        f'</c:scaling><c:delete val="0"/><c:axPos val="{cat_pos}"/>'
        '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="low"/>{rule}'
        f"{_text_props(fonts, _category_size(layout), upright=layout.vertical)}"
        f'<c:crossAx val="{VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="{VAL_AX}"/>{scaling}<c:delete val="0"/>'
        f'<c:axPos val="{val_pos}"/>{title}{marks[0]}'
        f'{value_line}{marks[1]}<c:crossAx val="{CAT_AX}"/>'
        f'<c:crosses val="{"autoZero" if layout.vertical else "max"}"/>'
        f'<c:crossBetween val="between"/>{marks[2]}</c:valAx>'
    )


def _category_size(layout: Layout) -> float:
    """The category labels' size: the layout's, else small under columns, normal beside bars."""
    return layout.category or (SMALL if layout.vertical else SIZE)


def _value_marks(panel: Panel, fonts: ChartFonts) -> tuple[str, str, str]:
    """The value axis's number format and tick marks, its text, and its major unit: round
    marks in the axis unit when the panel has them (:mod:`reportgen.charts.ticks`), else
    no numbers at all (each bar carries its value)."""
    if len(panel.ticks) < 2:
        return (
            '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>'
            '<c:minorTickMark val="none"/><c:tickLblPos val="none"/>',
            "",
            "",
        )
    step = (panel.ticks[1].value - panel.ticks[0].value).scaleb(-panel.scale)
    grouped = any("," in t.text for t in panel.ticks)
    code = "#,##0" if grouped and step == step.to_integral_value() else "General"
    return (
        f'<c:numFmt formatCode="{code}" sourceLinked="0"/><c:majorTickMark val="out"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
        _text_props(fonts, SMALL, GREY),
        f'<c:majorUnit val="{plain(step)}"/>',
    )


def _layout(inner: tuple[float, float, float, float] | None) -> str:
    """The plot area's layout: automatic, or its inner box (without axis labels) fixed."""
    if inner is None:
        return "<c:layout/>"
    x, y, w, h = (_limit(v) for v in inner)
    return (
        '<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/>'
        f'<c:yMode val="edge"/><c:x val="{x}"/><c:y val="{y}"/><c:w val="{w}"/><c:h val="{h}"/>'
        "</c:manualLayout></c:layout>"
    )


def chart_space(
    table: Table,
    panel: Panel,
    title: str,
    fonts: ChartFonts,
    layout: Layout,
    workbook_rel: str = "rId1",
    legend: bool | None = None,
    inner: tuple[float, float, float, float] | None = None,
) -> bytes:
    """The chart part's XML for ``panel`` as ``table`` lays it out (:meth:`Table.of`);
    ``title`` is shown above it unless empty. ``legend``: whether it has one (default:
    when it shows estimates or targets). ``inner``: the plot area's box (x, y, width,
    height as fractions of the chart), so panels side by side line up."""
    vertical = layout.vertical
    chart_title = (
        _title(title, fonts, SIZE + 1) + '<c:autoTitleDeleted val="0"/>'
        if title
        else '<c:autoTitleDeleted val="1"/>'
    )
    show_legend = table.styles != (BarStyle.ACTUAL,) if legend is None else legend
    plot = None if inner is None else layout.height * inner[3]
    slot = layout.width * (0.85 if inner is None else inner[2]) / max(len(panel.bars), 1)
    legend_xml = (
        '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' if show_legend else ""
    )
    bar_chart = (
        f'<c:barChart><c:barDir val="{"col" if vertical else "bar"}"/>'
        '<c:grouping val="clustered"/><c:varyColors val="0"/>'
        f"{_series(panel, table, fonts, vertical, slot)}"
        f'<c:gapWidth val="{60 if vertical else 50}"/><c:overlap val="100"/>'
        f'<c:axId val="{CAT_AX}"/><c:axId val="{VAL_AX}"/></c:barChart>'
    )
    no_fill = "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace {NS}><c:date1904 val="0"/><c:lang val="{fonts.lang}"/>'
        '<c:roundedCorners val="0"/>'
        f"<c:chart>{chart_title}<c:plotArea>{_layout(inner)}{bar_chart}"
        f"{_axes(panel, table, fonts, layout, plot)}{no_fill}</c:plotArea>{legend_xml}"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f"{no_fill}{_text_props(fonts, SIZE, '222222')}"
        f'<c:externalData r:id="{workbook_rel}"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )
    return xml.encode("utf-8")
