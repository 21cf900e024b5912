"""A :class:`ChartSpec` as a small SVG file: text stays text, the reader's fonts draw it.

No dependency: the picture is a few rectangles, lines and text elements, written as a
string. The layout follows the PNG charts (:mod:`reportgen.charts.draw`): horizontal
bars with labels on the left, group headings above their bars and notes in a right
column, or columns side by side per panel; each bar carries its value exactly as the
formatter printed it, there are no tick numbers. Estimates and targets are hatched
and named in a legend. Text widths are estimated (:mod:`reportgen.charts.metrics`),
so the reader's font may differ a little; every measure leaves room for that.

The same spec gives the same bytes: coordinates are rounded to 0.1 px, no dates, no ids
but the chart's number.
"""

from __future__ import annotations

from dataclasses import dataclass

from .metrics import fit_limits
from .metrics import text_width as _estimate
from .spec import BarStyle, ChartSpec, Panel
from .text import wrap

WIDTH = 640.0
SIZE, SMALL, TITLE = 12.0, 10.5, 12.5  # px
ROW, LINE, BAR = 22.0, 14.0, 13.0  # a one-line row, each further line, a bar's thickness
MARGIN, PAD = 8.0, 5.0
INK, GREY, RULE = "#222222", "#555555", "#999999"
FILLS: dict[BarStyle, tuple[str, str]] = {  # fill, edge
    BarStyle.ACTUAL: ("#2f6b9a", "#2f6b9a"),
    BarStyle.ESTIMATE: ("#b9d3e8", "#2f6b9a"),
    BarStyle.TARGET: ("#fdf3e4", "#c8741c"),
}
FONTS = {
    "zh": "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
    "'WenQuanYi Zen Hei',SimHei,sans-serif",
    "en": "Arial,Helvetica,'Liberation Sans','DejaVu Sans','Noto Sans CJK SC',sans-serif",
}


@dataclass(frozen=True)
class _Wrap:
    """Wrapping widths in columns (a CJK character counts 2) for one language."""

    label: int
    note: int
    heading: int

    @classmethod
    def of(cls, lang: str) -> _Wrap:
        return cls(24, 30, 90) if lang.startswith("zh") else cls(34, 40, 100)


#: How much wider than the estimate a reader's font may draw text (DejaVu Sans is ~12% wider
#: than Arial, whose metrics the estimate uses).
SLACK = 1.15


def text_width(text: str, size: float) -> float:
    """The estimated width of ``text`` with room for a wider font."""
    return _estimate(text, size) * SLACK


def _n(x: float) -> str:
    """A coordinate: one decimal at most, no ``-0``.

    >>> _n(12.0), _n(3.14159), _n(-0.01)
    ('12', '3.1', '0')
    """
    text = f"{x:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


class _Canvas:
    """The SVG elements of one chart, in drawing order."""

    def __init__(self, number: int) -> None:
        self.items: list[str] = []
        self.number = number

    def rect(self, x: float, y: float, w: float, h: float, style: BarStyle) -> None:
        fill, edge = FILLS[style]
        if style is not BarStyle.ACTUAL:
            fill = f"url(#c{self.number}-{style.value})"
        x, w = (x + w, -w) if w < 0 else (x, w)
        self.items.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
            f'fill="{fill}" stroke="{edge}" stroke-width="0.8"/>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.items.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'stroke="{RULE}" stroke-width="0.8"/>'
        )

    def text(self, x: float, y: float, text: str, anchor: str = "start", **style: str) -> None:
        """``text`` (lines split at ``\\n``) whose first baseline is at ``y``."""
        if not text:
            return
        attrs = "".join(f" {k.replace('_', '-')}={quoteattr(v)}" for k, v in style.items())
        anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
        lines = text.split("\n")
        if len(lines) == 1:
            body = escape(text)
        else:
            body = "".join(
                f'<tspan x="{_n(x)}" dy="{_n(0 if i == 0 else LINE)}">{escape(line)}</tspan>'
                for i, line in enumerate(lines)
            )
        self.items.append(f'<text x="{_n(x)}" y="{_n(y)}"{anchor_attr}{attrs}>{body}</text>')


def _patterns(number: int) -> str:
    found = []
    for style, angle in ((BarStyle.ESTIMATE, 45), (BarStyle.TARGET, -45)):
        fill, edge = FILLS[style]
        found.append(
            f'<pattern id="c{number}-{style.value}" patternUnits="userSpaceOnUse" width="5" '
            f'height="5" patternTransform="rotate({angle})"><rect width="5" height="5" '
            f'fill="{fill}"/><line x1="0" y1="0" x2="0" y2="5" stroke="{edge}" '
            'stroke-width="1.2"/></pattern>'
        )
    return "<defs>" + "".join(found) + "</defs>"


def svg_bytes(spec: ChartSpec, legend: tuple[str, str, str]) -> bytes:
    """The chart as UTF-8 SVG bytes; ``legend`` names actual, estimated and target bars."""
    canvas = _Canvas(spec.number)
    if spec.vertical:
        height = _columns(canvas, spec)
    else:
        height = _horizontal(canvas, spec, _Wrap.of(spec.lang))
    height = _legend(canvas, spec, legend, height)
    font = FONTS["zh" if spec.lang.startswith("zh") else "en"]
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(WIDTH)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(WIDTH)} {_n(height)}" font-family="{font}" font-size="{_n(SIZE)}" '
        f'fill="{INK}" role="img"><title>{escape(spec.title)}</title>'
    )
    body = "".join(canvas.items)
    return f"{head}{_patterns(spec.number)}{body}</svg>\n".encode()


def _horizontal(canvas: _Canvas, spec: ChartSpec, cols: _Wrap) -> float:
    """Horizontal bars; returns the height used."""
    bars = [bar for panel in spec.panels for bar in panel.bars]
    labels = [wrap(bar.label, cols.label, bar.keep) for bar in bars]
    left = MARGIN + min(max(text_width(t, SIZE) for t in labels) + 10, WIDTH * 0.45)
    notes = [wrap(bar.note, cols.note) for bar in bars if bar.note]
    right = WIDTH - MARGIN - (max(text_width(t, SMALL) for t in notes) + 10 if notes else 0)
    y = MARGIN
    for panel in spec.panels:
        if panel.title:
            canvas.text(MARGIN, y + TITLE, panel.title, font_weight="bold", font_size=_n(TITLE))
            y += TITLE + 8
        y = _bar_panel(canvas, panel, cols, (left, right), y)
        if panel.axis_label:
            canvas.text(right, y + SMALL + 2, panel.axis_label, "end", fill=GREY,
                        font_size=_n(SMALL))  # fmt: skip
            y += SMALL + 6
        y += 8
    return y


def _bar_panel(
    canvas: _Canvas, panel: Panel, cols: _Wrap, span: tuple[float, float], top: float
) -> float:
    """One panel of horizontal bars from ``top``; returns the y below it."""
    left, right = span
    ends = [(bar.position, text_width(bar.text, SIZE) + 2 * PAD) for bar in panel.bars]
    lo, hi = fit_limits(ends, right - left - 10)
    scale = (right - left - 10) / (hi - lo)
    zero = left + 5 + (0 - lo) * scale
    y = top
    for row in panel.rows:
        if isinstance(row, str):
            heading = wrap(row, cols.heading)
            canvas.text(MARGIN, y + SIZE + 2, heading, font_weight="bold")
            y += ROW + heading.count("\n") * LINE
            continue
        label = wrap(row.label, cols.label, row.keep)
        note = wrap(row.note, cols.note)
        lines = max(label.count("\n"), note.count("\n")) + 1
        height = ROW + (lines - 1) * LINE
        middle = y + height / 2
        canvas.text(left - 6, middle - label.count("\n") * LINE / 2 + SIZE * 0.35, label, "end")
        end = zero + row.position * scale
        canvas.rect(zero, middle - BAR / 2, end - zero, BAR, row.style)
        positive = row.position >= 0
        canvas.text(end + (PAD if positive else -PAD), middle + SIZE * 0.35, row.text,
                    "start" if positive else "end")  # fmt: skip
        if row.note:
            note_y = middle - note.count("\n") * LINE / 2 + SMALL * 0.35
            canvas.text(right + 10, note_y, note, fill=GREY, font_size=_n(SMALL))
        canvas.line(zero, y, zero, y + height)
        y += height
    return y


def _columns(canvas: _Canvas, spec: ChartSpec) -> float:
    """Columns: panels side by side (each as wide as its share of the bars), categories
    along the bottom, a value axis with round marks on the left; returns the height used."""
    counts = [len(panel.bars) for panel in spec.panels]
    slots = [(WIDTH - 2 * MARGIN) * n / sum(counts) for n in counts]
    insets = [10 + _axis_width(panel) for panel in spec.panels]
    steps = [(s - i - 10) / n for s, i, n in zip(slots, insets, counts, strict=True)]
    wrapped = [
        [wrap(b.label, max(8, int(step * 0.95 / (SMALL / 2))), b.keep) for b in p.bars]
        for p, step in zip(spec.panels, steps, strict=True)
    ]
    titles = [
        wrap(p.title, int(s / (TITLE * 0.6))) for p, s in zip(spec.panels, slots, strict=True)
    ]
    head = max((t.count("\n") + 1) * (TITLE + 4) if t else 0 for t in titles)
    head += SMALL + 8 if any(p.axis_label for p in spec.panels) else 0
    foot = 8 + max(t.count("\n") + 1 for texts in wrapped for t in texts) * LINE
    plot = 170.0
    base = MARGIN + head + 18
    x = MARGIN
    for index, panel in enumerate(spec.panels):
        canvas.text(x + 4, MARGIN + TITLE, titles[index], font_weight="bold",
                    font_size=_n(TITLE))  # fmt: skip
        if panel.axis_label:
            canvas.text(x + 4, MARGIN + head - 4, panel.axis_label, fill=GREY, font_size=_n(SMALL))
        across = (x + insets[index], slots[index] - insets[index] - 10)
        _column_panel(canvas, panel, wrapped[index], across, (base, plot))
        x += slots[index]
    return base + plot + foot + MARGIN


def _axis_width(panel: Panel) -> float:
    """Room for a panel's value axis: its widest mark, a tick and a gap (0 without marks)."""
    if not panel.ticks:
        return 0.0
    return max(text_width(t.text, SMALL) for t in panel.ticks) + 10


def _column_panel(
    canvas: _Canvas,
    panel: Panel,
    labels: list[str],
    across: tuple[float, float],
    down: tuple[float, float],
) -> None:
    """One panel of columns in the box ``across`` (x, width) × ``down`` (top, height)."""
    x0, width = across
    top, plot = down
    bars = panel.bars
    lo, hi = fit_limits([(bar.position, SIZE + 6) for bar in bars], plot)
    scale = plot / (hi - lo)
    zero = top + hi * scale
    step = width / len(bars)
    shown = [t for t in panel.ticks if top - 0.5 <= zero - float(t.value) * scale <= top + plot]
    for tick in shown:
        at = zero - float(tick.value) * scale
        canvas.line(x0 - 4, at, x0, at)
        canvas.text(x0 - 6, at + SMALL * 0.35, tick.text, "end", fill=GREY,
                    font_size=_n(SMALL))  # fmt: skip
    if shown:
        ends = [zero - float(t.value) * scale for t in shown]
        canvas.line(x0, min(ends), x0, max(ends))
    for i, bar in enumerate(bars):
        middle = x0 + step * (i + 0.5)
        end = zero - bar.position * scale
        thickness = step * 0.6
        canvas.rect(middle - thickness / 2, min(end, zero), thickness, abs(end - zero), bar.style)
        above = bar.position >= 0
        canvas.text(middle, end - 4 if above else end + SIZE + 2, bar.text, "middle")
        canvas.text(middle, top + plot + 8 + SMALL, labels[i], "middle", font_size=_n(SMALL))
    canvas.line(x0, zero, x0 + width, zero)


def _legend(canvas: _Canvas, spec: ChartSpec, names: tuple[str, str, str], top: float) -> float:
    """A legend row for a chart that shows estimates or targets; returns the new height."""
    styles = spec.styles
    if styles == (BarStyle.ACTUAL,):
        return top
    x = MARGIN
    for style in styles:
        name = names[list(BarStyle).index(style)]
        canvas.rect(x, top + 2, 18, 11, style)
        canvas.text(x + 24, top + 12, name, font_size=_n(SMALL))
        x += 24 + text_width(name, SMALL) + 18
    return top + 13 + 2 + MARGIN


def escape(data: str) -> str:
    """``&``, ``<`` and ``>`` as entities (``xml.sax.saxutils.escape``, whose module
    imports urllib.request, http.client and ssl: 25 ms of a cold build)."""
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(data: str) -> str:
    """``data`` as a quoted XML attribute value, as ``xml.sax.saxutils.quoteattr`` writes it."""
    data = escape(data).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"{}"'.format(data.replace('"', "&quot;"))
