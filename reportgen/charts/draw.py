"""Drawing a :class:`ChartSpec` with matplotlib (Agg, no pyplot): PNG bytes, the same every time.

Only this module imports matplotlib, and only when a chart is drawn. Every text on
the picture comes from the spec, already formatted; the bars' ``position`` floats
place the bar ends and nothing else. The value axis carries no tick numbers: each
bar is labelled with its exact value instead.

Determinism: matplotlib's defaults (not the user's matplotlibrc), a fixed width,
dpi and fonts, and no metadata in the PNG (no "Software" line, no timestamp).
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from typing import Any

from .spec import BarStyle, ChartSpec, Panel
from .text import wrap

WIDTH = 6.4  # inches: about the text width of an A4 page with 2.5 cm margins
DPI = 200
SIZE, SMALL = 9.0, 8.0  # points
ROW, LINE = 0.27, 0.15  # inches: a one-line row, and each further line of a label
BAR = 0.17  # inches: the thickness of a bar
MARGIN, PAD = 0.08, 0.06  # inches: around the picture; between a bar's end and its value
INK, GREY, RULE = "#222222", "#555555", "#999999"
STYLES: dict[BarStyle, dict[str, Any]] = {
    BarStyle.ACTUAL: {"facecolor": "#2f6b9a", "edgecolor": "#2f6b9a"},
    BarStyle.ESTIMATE: {"facecolor": "#b9d3e8", "edgecolor": "#2f6b9a", "hatch": "////"},
    BarStyle.TARGET: {"facecolor": "#fdf3e4", "edgecolor": "#c8741c", "hatch": "\\\\\\\\"},
}


@dataclass(frozen=True)
class _Columns:
    """Wrapping widths (in columns, CJK characters count 2) for one language."""

    label: int
    note: int
    heading: int
    char: float  # inches per column at the base size, roughly

    @classmethod
    def of(cls, lang: str) -> _Columns:
        return cls(24, 34, 70, 0.0625) if lang.startswith("zh") else cls(34, 40, 100, 0.07)


#: matplotlib keeps its settings (rcParams) and font caches in global state: two threads
#: drawing at once would mix their fonts. Every drawing holds this lock.
_DRAWING = threading.Lock()


def draw_png(spec: ChartSpec) -> bytes:
    """The chart as PNG bytes (identical bytes for an identical spec on one installation).

    Thread-safe: drawings are serialized (see ``_DRAWING``), so concurrent builds give
    the same bytes as one at a time.
    """
    with _DRAWING:
        return _draw_png(spec)


def _draw_png(spec: ChartSpec) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context():
        matplotlib.rcdefaults()  # ignore any matplotlibrc: the same picture everywhere
        matplotlib.rcParams.update(
            {
                "font.family": list(spec.fonts) or ["DejaVu Sans"],
                "font.size": SIZE,
                "text.color": INK,
                "hatch.linewidth": 0.6,
                "svg.hashsalt": "reportgen",
            }
        )
        figure = Figure(figsize=(WIDTH, 1.0), dpi=DPI)
        FigureCanvasAgg(figure)
        if spec.vertical:
            _columns(figure, spec, _Columns.of(spec.lang))
        else:
            _horizontal(figure, spec, _Columns.of(spec.lang))
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _measure(figure: Any, text: str, size: float = SIZE, weight: str = "normal") -> float:
    """The width of ``text`` (its widest line) in inches."""
    if not text:
        return 0.0
    probe = figure.text(0, 0, text, fontsize=size, fontweight=weight)
    width = float(probe.get_window_extent(figure.canvas.get_renderer()).width) / float(figure.dpi)
    probe.remove()
    return width


def _fit(lo: float, hi: float, ends: list[tuple[float, float]], span: float) -> tuple[float, float]:
    """Data limits so that each bar end plus the room its value needs (inches) fits in ``span``."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi == lo:
        hi = lo + 1.0
    before = after = 0.0
    for _ in range(12):
        scale = (span - before - after) / (hi - lo)  # inches per data unit
        after = max([0.0] + [need - (hi - end) * scale for end, need in ends if end >= 0])
        before = max([0.0] + [need - (end - lo) * scale for end, need in ends if end < 0])
        after, before = min(after, span * 0.6), min(before, span * 0.6)
    scale = (span - before - after) / (hi - lo)
    return float(lo - before / scale), float(hi + after / scale)


def _row_height(panel: Panel, cols: _Columns) -> float:
    """Inches per row of a panel: room for its tallest wrapped label or note."""
    texts = [wrap(b.label, cols.label, b.keep) for b in panel.bars]
    texts += [wrap(b.note, cols.note) for b in panel.bars]
    return ROW + (max(t.count("\n") for t in texts)) * LINE


def _horizontal(figure: Any, spec: ChartSpec, cols: _Columns) -> None:
    """Horizontal bars: labels on the left, group headings above, notes in a right column."""
    labels = [wrap(bar.label, cols.label, bar.keep) for panel in spec.panels for bar in panel.bars]
    left = MARGIN + max(_measure(figure, t) for t in labels) + 0.12
    notes = [wrap(b.note, cols.note) for p in spec.panels for b in p.bars if b.note]
    right = WIDTH - MARGIN - (max(_measure(figure, t, SMALL) for t in notes) + 0.12 if notes else 0)
    parts = [
        (
            (0.3 if p.title else 0.05),
            len(p.rows) * _row_height(p, cols),
            0.3 if p.axis_label else 0.1,
        )
        for p in spec.panels
    ]
    height = sum(sum(part) + 0.1 for part in parts) + 2 * MARGIN - 0.1
    figure.set_size_inches(WIDTH, height)
    top = height - MARGIN
    for panel, (head, body, foot) in zip(spec.panels, parts, strict=True):
        box = [left / WIDTH, (top - head - body) / height, (right - left) / WIDTH, body / height]
        if panel.title:
            figure.text(MARGIN / WIDTH, (top - 0.05) / height, panel.title, va="top",
                        fontweight="bold", fontsize=SIZE + 0.5)  # fmt: skip
        _bar_panel(figure, figure.add_axes(box), panel, cols, right - left, body)
        top -= head + body + foot + 0.1


def _bar_panel(
    figure: Any, ax: Any, panel: Panel, cols: _Columns, span: float, body: float
) -> None:
    """One panel of horizontal bars, drawn into ``ax`` (``span`` × ``body`` inches)."""
    from matplotlib.transforms import blended_transform_factory, offset_copy

    rows = panel.rows
    thickness = BAR / (body / len(rows))  # in rows
    at_left = blended_transform_factory(figure.transFigure, ax.transData)
    at_right = offset_copy(
        blended_transform_factory(ax.transAxes, ax.transData), figure, x=0.12, units="inches"
    )
    ends = [(bar.position, _measure(figure, bar.text) + 2 * PAD) for bar in panel.bars]
    x0, x1 = _fit(min(e for e, _ in ends), max(e for e, _ in ends), ends, span)
    pad = PAD * (x1 - x0) / span
    ticks: list[tuple[int, str]] = []
    for y, row in enumerate(rows):
        if isinstance(row, str):
            ax.text(MARGIN / WIDTH, y, wrap(row, cols.heading), transform=at_left, va="center",
                    fontweight="bold")  # fmt: skip
            continue
        ticks.append((y, wrap(row.label, cols.label, row.keep)))
        ax.barh(y, row.position, height=thickness, linewidth=0.8, **STYLES[row.style])
        ax.vlines(0, y - 0.5, y + 0.5, color=RULE, linewidth=0.8)
        positive = row.position >= 0
        ax.text(row.position + (pad if positive else -pad), y, row.text, va="center",
                ha="left" if positive else "right")  # fmt: skip
        if row.note:
            ax.text(1.0, y, wrap(row.note, cols.note), transform=at_right, va="center",
                    fontsize=SMALL, color=GREY)  # fmt: skip
    ax.set_xlim(x0, x1)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks([y for y, _ in ticks], labels=[label for _, label in ticks])
    ax.tick_params(axis="y", length=0, pad=6)
    ax.set_xticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    if panel.axis_label:
        ax.set_xlabel(panel.axis_label, color=GREY, fontsize=SMALL, loc="right")


def _columns(figure: Any, spec: ChartSpec, cols: _Columns) -> None:
    """Columns: panels side by side, categories along the bottom, values above the columns."""
    slot = (WIDTH - 2 * MARGIN) / len(spec.panels)
    widest = max(len(panel.bars) for panel in spec.panels)
    label_cols = max(8, int(slot * 0.8 / widest / cols.char))
    wrapped = [
        [wrap(bar.label, label_cols, bar.keep) for bar in panel.bars] for panel in spec.panels
    ]
    titles = [wrap(panel.title, int(slot / (cols.char * 1.1))) for panel in spec.panels]
    foot = 0.12 + max(t.count("\n") + 1 for texts in wrapped for t in texts) * LINE
    head = 0.1 + max(t.count("\n") + 1 if t else 0 for t in titles) * 0.2
    plot = 2.0
    height = head + plot + foot + 2 * MARGIN
    figure.set_size_inches(WIDTH, height)
    for index, panel in enumerate(spec.panels):
        x = MARGIN + index * slot
        side = 0.35 if panel.axis_label else 0.15
        box = [(x + side) / WIDTH, (MARGIN + foot) / height, (slot - side - 0.15) / WIDTH,
               plot / height]  # fmt: skip
        ax = figure.add_axes(box)
        if titles[index]:
            figure.text((x + 0.05) / WIDTH, 1 - MARGIN / height, titles[index], va="top",
                        fontweight="bold", fontsize=SIZE + 0.5)  # fmt: skip
        _column_panel(ax, panel, wrapped[index], plot)


def _column_panel(ax: Any, panel: Panel, labels: list[str], plot: float) -> None:
    """One panel of columns, drawn into ``ax`` (``plot`` inches high)."""
    bars = panel.bars
    styles = [STYLES[bar.style] for bar in bars]
    ax.bar(
        range(len(bars)),
        [bar.position for bar in bars],
        width=0.6,
        linewidth=0.8,
        color=[s["facecolor"] for s in styles],
        edgecolor=[s["edgecolor"] for s in styles],
        hatch=[s.get("hatch") for s in styles],
    )
    ends = [(bar.position, 0.22) for bar in bars]
    y0, y1 = _fit(min(e for e, _ in ends), max(e for e, _ in ends), ends, plot)
    ax.set_ylim(y0, y1)
    pad = 0.04 * (y1 - y0) / plot
    for i, bar in enumerate(bars):
        positive = bar.position >= 0
        ax.text(i, bar.position + (pad if positive else -pad), bar.text, ha="center",
                va="bottom" if positive else "top")  # fmt: skip
    ax.set_xticks(range(len(bars)), labels=labels)
    ax.set_xlim(-0.6, len(bars) - 0.4)
    ax.tick_params(axis="x", length=0, pad=5)
    shown = [t for t in panel.ticks if y0 <= float(t.value) <= y1]  # the round marks, if any
    ax.set_yticks([float(t.value) for t in shown], labels=[t.text for t in shown])
    ax.tick_params(axis="y", length=3, labelsize=SMALL, labelcolor=GREY, color=RULE)
    for name, spine in ax.spines.items():
        spine.set_visible(name == "left" and bool(shown))
        spine.set_color(RULE)
    ax.axhline(0, color=RULE, linewidth=0.8)
    if panel.axis_label:
        ax.set_ylabel(panel.axis_label, color=GREY, fontsize=SMALL)
