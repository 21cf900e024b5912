"""Native Word charts: a chart the briefing declared → chart parts in the DOCX, then its caption.

When the Markdown image of a chart (``![alt](huaiyin.en.assets/chart-1-growth.svg
"Figure 1. …")``) names a chart the build recorded, the DOCX gets the chart itself
instead of a picture, laid out as Word writes it:

- ``/word/charts/chartN.xml`` (``application/vnd.openxmlformats-officedocument.
  drawingml.chart+xml``), related from ``document.xml`` (``…/relationships/chart``);
- ``/word/embeddings/Microsoft_Excel_WorksheetN.xlsx``, the chart's data, related from
  the chart part (``…/relationships/package``) and named by its ``c:externalData``
  (``c:autoUpdate`` 0), so "Edit Data" opens it;
- in the body, a paragraph in the Figure style holding a ``wp:inline`` whose
  ``a:graphicData`` (``…/drawingml/2006/chart``) points at the part (``c:chart r:id``),
  at text width, with the alt text as its description; then the Caption paragraph.

A chart of several panels (values of different kinds) becomes one chart part per panel,
each titled with its panel's title, with one caption after the last. The chart XML and
the workbook come from :mod:`reportgen.charts.chartxml` and :mod:`reportgen.charts.workbook`.
"""

from __future__ import annotations

from dataclasses import replace

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from lxml import etree

from reportgen.charts.chartxml import (
    SIZE,
    SMALL,
    ChartFonts,
    Layout,
    Table,
    chart_space,
    note_lines,
)
from reportgen.charts.metrics import text_width
from reportgen.charts.spec import BarStyle, ChartSpec, Group, Panel, words_for
from reportgen.charts.text import tokens, wrap
from reportgen.charts.ticks import bare_number
from reportgen.charts.workbook import workbook_bytes
from reportgen.writers.docx_context import DocxContext
from reportgen.writers.docx_images import FIGURE_SHARE
from reportgen.writers.docx_xml import el, sub, text_run, val

EMU_PER_PT = 12700
SIDE_GAP = 91440  # EMU (0.1 in): room for the space between charts side by side
_GRAPHIC_NS = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def panel_height(spec: ChartSpec, panel: Panel, table: Table, legend: bool = True) -> float:
    """The height in points a panel's chart needs: a row per bar (taller for a wrapped
    label or note) or a fixed plot for columns; plus its title, legend and axis title."""
    extra = (22 if panel.title else 0) + (20 if legend and _legend(panel) else 0)
    extra += 16 if panel.axis_label and not panel.ticks else 0
    if spec.vertical:
        lines = max(label.count("\n") + 1 for label in table.labels)
        notes = max(len(note_lines(b.note, True)) for b in panel.bars)
        return 135 + 11 * (lines + notes) + extra
    cols = 30 if spec.lang.startswith("zh") else 40
    rows = sum(
        max(19, 7 + 11 * (wrap(label, cols).count("\n") + 1),
            7 + 10 * len(note_lines(bar.note, False)))
        for label, bar in zip(table.labels, panel.bars, strict=True)
    )  # fmt: skip
    return 16 + rows + extra


def _legend(panel: Panel) -> bool:
    return any(bar.style.value != "actual" for bar in panel.bars)


def legend_panels(spec: ChartSpec) -> set[int]:
    """The panels that carry the chart's one legend: as few as name every hatched style
    once, the panel with the most styles first (review 2, N17: not one per panel)."""
    styles = [{b.style for b in p.bars} for p in spec.panels]
    order = sorted(range(len(styles)), key=lambda i: -len(styles[i]))
    named: set[BarStyle] = {BarStyle.ACTUAL}
    chosen = set()
    for index in order:
        if styles[index] - named:
            chosen.add(index)
            named |= styles[index]
    return chosen


#: How much wider than its estimate a category word may set (a fallback face such as
#: DejaVu Sans is about a sixth wider than Helvetica) plus the label's side margins: a
#: column narrower than this breaks the word inside (LibreOffice: "constructio/n").
WORD_ROOM = 1.6


def panel_weight(panel: Panel) -> float:
    """The share of the width a panel of columns side by side needs: per column, its value
    label or the longest word of its category label, whichever is wider (points)."""
    return sum(
        max(
            36.0,
            max(text_width(word, SMALL) for word in bar.text.split() or [""]) * 1.2,
            max((text_width(w, SMALL) for w in bar.label.split()), default=0.0) * WORD_ROOM,
        )
        for bar in panel.bars
    )


def _titled(panel: Panel, lang: str) -> tuple[Panel, str]:
    """A panel with a value axis of marks shows its unit in its title, not beside the axis,
    and its bars' values as bare numbers ("314", not "314 billion": review 3, D1)."""
    if not (panel.ticks and panel.axis_label):
        return panel, panel.title
    bare = replace(panel, axis_label="", groups=tuple(_bare(g, panel.scale) for g in panel.groups))
    if panel.axis_label.lower() in panel.title.lower():  # "Key projects (key projects)"
        return bare, panel.title
    title = words_for(lang).titled.format(title=panel.title, unit=panel.axis_label)
    return bare, title if panel.title else panel.axis_label


def _bare(group: Group, scale: int) -> Group:
    """The group's bars with each value label its number alone, when it is a number and
    the axis unit (a qualified value, "over 2.2 million", keeps its words)."""
    bars = []
    for bar in group.bars:
        number = bare_number(bar.text, bar.value, scale)
        bars.append(bar if number is None else replace(bar, text=number))
    return replace(group, bars=tuple(bars))


def _inline(rel_id: str, shape_id: int, size: tuple[int, int], alt: str) -> etree._Element:
    width, height = size
    xml = (
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" {_GRAPHIC_NS}>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Chart {shape_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{CHART_URI}"><c:chart r:id="{rel_id}"/>'
        "</a:graphicData></a:graphic></wp:inline>"
    )
    inline = etree.fromstring(xml)
    inline[2].set("descr", alt)  # set as an attribute: lxml escapes it
    return inline


def _add_parts(ctx: DocxContext, chart_xml: bytes, workbook: bytes) -> str:
    """Add one chart part and its workbook to the package; the document's rId for it."""
    document = ctx.document_part
    package = document.package
    chart_name = package.next_partname("/word/charts/chart%d.xml")
    chart_part = Part(chart_name, CT.DML_CHART, chart_xml, package)
    book_name = package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx")
    book_part = Part(book_name, CT.SML_SHEET, workbook, package)
    rel = chart_part.relate_to(book_part, RT.PACKAGE)
    assert rel == "rId1", rel  # the chart's c:externalData names rId1
    return str(document.relate_to(chart_part, RT.CHART))


def chart_elements(
    spec: ChartSpec, alt: str, caption: str, ctx: DocxContext
) -> list[etree._Element]:
    """The Figure paragraph(s) holding ``spec``'s native chart(s), then its Caption paragraph.

    Columns of several panels sit side by side in one paragraph, each as wide as its
    share of the bars, their plot areas lined up; horizontal bars of several panels are
    stacked, one paragraph each. The chart has one legend (:func:`legend_panels`).
    """
    words = words_for(spec.lang)
    names = spec.legend(words)
    fonts = ChartFonts.for_lang(spec.lang)
    side_by_side = spec.vertical and len(spec.panels) > 1
    weights = [panel_weight(panel) for panel in spec.panels]
    counts = [max(w, max(weights) * 0.6) for w in weights]  # a title needs room too
    room = ctx.text_width - SIDE_GAP * (len(spec.panels) - 1)
    widths = (
        [round(room * n / sum(counts)) for n in counts]
        if side_by_side
        else [ctx.text_width] * len(counts)
    )
    with_legend = legend_panels(spec)
    size = category_size(spec.panels, widths) if spec.vertical else 0.0
    tables = []
    for index, panel in enumerate(spec.panels):
        wrap_at = _category_columns(panel, widths[index], size) if spec.vertical else 0
        tables.append(Table.of(panel, names, words.heading, wrap_at))
    heights = [
        panel_height(spec, panel, table, index in with_legend)
        for index, (panel, table) in enumerate(zip(spec.panels, tables, strict=True))
    ]
    if side_by_side:
        heights = [max(heights)] * len(heights)
    limit = ctx.text_height * FIGURE_SHARE // 100
    paragraphs: list[etree._Element] = []
    for index, (panel, table) in enumerate(zip(spec.panels, tables, strict=True)):
        height = min(round(heights[index] * EMU_PER_PT), limit)
        layout = Layout(widths[index] / EMU_PER_PT, height / EMU_PER_PT, spec.vertical, size)
        shown, title = _titled(panel, spec.lang)
        inner = _inner(spec, tables, widths, layout, index) if side_by_side else None
        xml = chart_space(table, shown, title, fonts, layout, legend=index in with_legend,
                          inner=inner)  # fmt: skip
        book = workbook_bytes(table, words.category)
        rel_id = _add_parts(ctx, xml, book)
        inline = _inline(rel_id, ctx.next_shape_id(), (widths[index], height), alt)
        if not paragraphs or not side_by_side:
            p = el("w:p")
            val(sub(p, "w:pPr"), "w:pStyle", ctx.styles.id("Figure"))
            paragraphs.append(p)
        elif index:
            text_run(paragraphs[-1], " ")
        sub(sub(paragraphs[-1], "w:r"), "w:drawing").append(inline)
    if caption:
        p = el("w:p")
        val(sub(p, "w:pPr"), "w:pStyle", ctx.styles.id("Caption"))
        text_run(p, caption)
        paragraphs.append(p)
    return paragraphs


#: A category word's estimated width (:func:`text_width`) times this must fit its column:
#: LibreOffice breaks a label's line inside a word once it is wider than about nine
#: tenths of the column, and its fallback face (DejaVu Sans) sets a sixth wider.
WORD_FIT = 1.4
MIN_CATEGORY = 6.5  # points: the smallest category label (print stays legible)


def _slot(panel: Panel, width: int) -> float:
    """A column's width in points in a panel ``width`` EMU wide, less its value axis."""
    axis = max((text_width(t.text, SMALL) for t in panel.ticks), default=0.0) + 14
    return (width / EMU_PER_PT - axis - 8) / max(len(panel.bars), 1)


def category_size(panels: tuple[Panel, ...], widths: list[int]) -> float:
    """The category labels' size under columns: small, or smaller (to half points, at
    least :data:`MIN_CATEGORY`) when a label's longest word would not fit its column —
    labels break at spaces only, never inside a word (review 3, D1: "constructio/n")."""
    size = SMALL
    for panel, width in zip(panels, widths, strict=True):
        words = [w for bar in panel.bars for w in tokens(bar.label) if not w.isspace()]
        widest = max((text_width(w, 1.0) for w in words), default=0.0)
        if widest:
            size = min(size, _slot(panel, width) / (widest * WORD_FIT))
    return max(MIN_CATEGORY, int(size * 2) / 2)


def _category_columns(panel: Panel, width: int, size: float = SMALL) -> int:
    """How many columns (a CJK character counts 2) a column chart's category label may take."""
    return max(8, int(_slot(panel, width) * 0.8 / (size / 2)))


def _inner(
    spec: ChartSpec, tables: list[Table], widths: list[int], layout: Layout, index: int
) -> tuple[float, float, float, float]:
    """The plot area of panel ``index`` of columns side by side: the same top and height in
    every panel (room for the tallest title, category labels and the one legend)."""
    panel = spec.panels[index]
    titles = [_titled(p, spec.lang)[1] for p in spec.panels]
    title_lines = max(
        wrap(t, int(w / EMU_PER_PT / (SIZE + 1) * 1.5)).count("\n") + 1 if t else 0
        for t, w in zip(titles, widths, strict=True)
    )
    label_lines = max(label.count("\n") + 1 for table in tables for label in table.labels)
    top = 16 + title_lines * (SIZE + 1) * 1.4  # a gap between the title and the top label
    legend = 20 if legend_panels(spec) else 0
    bottom = 10 + label_lines * SMALL * 1.25 + legend
    left = 6 + max((text_width(t.text, SMALL) for t in panel.ticks), default=0.0) + 8
    width, height = layout.width, layout.height
    return (
        left / width,
        top / height,
        (width - left - 6) / width,
        (height - top - bottom) / height,
    )
