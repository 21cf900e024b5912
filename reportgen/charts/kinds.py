"""The chart kinds: figures → panels of bars, every text from the formatting layer.

Each kind checks the figures it is given and raises :class:`TemplateError` with
a message naming the figure when one cannot be drawn. Values of different
dimensions (money, counts, visits …) never share a panel; counts share one only
when they use the same measure word. A bar's ``position`` is ``float(value)``,
used for nothing but placing the bar's end on the page; the number printed on
the chart is the formatter's text of the exact ``Decimal``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from reportgen.errors import TemplateError
from reportgen.facts.amounts import Amount, Change, Direction
from reportgen.render.environment import capfirst
from reportgen.render.grouping import counterpart
from reportgen.render.plain import NounView
from reportgen.render.view import FigureView

from .spec import Bar, BarStyle, Group, Panel, Words
from .stages import stage_labels, with_outcomes
from .ticks import axis_ticks

#: Each kind, and whether it draws columns (categories along the bottom).
KINDS: dict[str, bool] = {"growth": False, "bars": False, "columns": True, "targets": False}
#: The options each kind accepts (beyond kind, figures and title).
OPTIONS: dict[str, tuple[str, ...]] = {
    "growth": ("panels",),
    "bars": ("panels", "labels", "results"),
    "columns": ("panels", "labels", "results"),
    "targets": ("panels", "results"),
}
LABELS = ("auto", "period", "measure", "both", "stage")

Filters = Mapping[str, Callable[..., str]]
PanelKey = tuple[str, ...]
Valued = tuple[Amount, NounView | None]  # an amount and what it counts


class Texts:
    """The formatter's filters, as the charts use them."""

    def __init__(self, filters: Filters, words: Words) -> None:
        self.f = filters
        self.words = words

    def when(self, figure: FigureView) -> str:
        """The period, with the status unless it is an actual result: "2024 target"."""
        status = None if figure.status == "actual" else figure.status
        return self.f["period"](figure.period, "table", status)

    def amount(self, amount: Amount) -> str:
        """An amount as printed in a table cell: "297.4 billion", "2974亿元"."""
        return self.f["amount"](amount, "table")

    def spoken(self, amount: Amount) -> str:
        """An amount as running text says it ("297.4 billion yuan"), for the alt text;
        "" for a count, whose number and panel noun already read as text ("183 key projects")."""
        return "" if amount.unit.is_count else str(self.f["amount"](amount, "prose"))

    def change(self, change: Change) -> str:
        """A signed change as printed in a table cell: "+6.4%"."""
        return self.f["change"](change, "table")

    def note(self, figure: FigureView) -> str:
        """The city rank and the gap to the citywide figure, in prose, when known."""
        parts = []
        if figure.rank is not None:
            parts.append(self.f["rank"](figure.rank))
        if figure.vs_city is not None:
            parts.append(self.f["gap"](figure.vs_city))
        return self.words.note_join.join(parts)

    def axis_label(self, values: Sequence[Valued], printed: Sequence[str]) -> str:
        """The unit for the value axis, or "" when the printed values already carry it."""
        labels = {self.f["unit_label"](a, item) for a, item in values}
        if len(labels) != 1:
            return ""
        label = labels.pop()
        return "" if all(label in text for text in printed) else label


def position(value: Amount | Change) -> Decimal:
    """The exact value a bar shows, signed, in the unit's base (stored by native charts;
    its ``float`` only places the bar's end)."""
    if isinstance(value, Change):
        base = value.amount.base_value
        return -base if value.direction is Direction.DOWN else base
    return value.base_value


def panel_key(value: Amount | Change) -> PanelKey:
    """Values with the same key may share a panel: growth rates, one dimension, one measure word."""
    if isinstance(value, Change):
        return ("change", value.amount.unit.code)
    unit = value.unit
    return (unit.dimension.value, unit.base if unit.is_count else "")


def make_panels(
    kind: str, figures: Sequence[FigureView], texts: Texts, options: Mapping[str, Any]
) -> tuple[Panel, ...]:
    """The panels of a chart of ``kind``; :class:`TemplateError` for figures it cannot draw."""
    allowed = OPTIONS[kind]
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        known = ", ".join(allowed)
        raise TemplateError(f"chart '{kind}': unknown option(s) {', '.join(unknown)}; use {known}")
    if kind == "growth":
        panels = _growth(figures, texts)
    elif kind == "targets":
        panels = _targets(figures, texts, options.get("results", figures))
    else:
        if "results" in options:
            figures = with_outcomes(figures, options["results"])
        panels = _bars(kind, figures, texts, str(options.get("labels", "auto")))
    return _retitle(kind, panels, options.get("panels"))


def _growth(figures: Sequence[FigureView], texts: Texts) -> list[Panel]:
    missing = [f.id for f in figures if f.yoy is None]
    if missing:
        raise TemplateError(
            f"chart 'growth': no year-on-year change for {', '.join(missing)}; "
            'select the figures that have one with selectattr("yoy")'
        )
    panels: dict[PanelKey, list[tuple[FigureView, Bar]]] = {}
    for f in figures:
        assert f.yoy is not None
        note = texts.note(f)
        bar = Bar(texts.when(f), texts.change(f.yoy), position(f.yoy), BarStyle.of(f.status), note,
                  status=f.status)  # fmt: skip
        panels.setdefault(panel_key(f.yoy), []).append((f, bar))
    return [
        _panel("", _by_measure(members), texts, [(f.yoy.amount, None) for f, _ in members if f.yoy])
        for members in panels.values()
    ]


def _by_measure(members: Sequence[tuple[FigureView, Bar]]) -> dict[str, list[Bar]]:
    """Bars grouped under their measure, groups in order of first appearance.

    Figures whose measures are named alike in any language share a group (so every
    language groups alike), under the first one's name.
    """
    groups: list[tuple[set[str], str, list[Bar]]] = []
    for figure, bar in members:
        group = next((g for g in groups if g[0] & figure.measure_texts), None)
        if group is None:
            groups.append((set(figure.measure_texts), capfirst(figure.measure), [bar]))
        else:
            group[0].update(figure.measure_texts)
            group[2].append(bar)
    return {heading: bars for _, heading, bars in groups}


def _bars(kind: str, figures: Sequence[FigureView], texts: Texts, labels: str) -> list[Panel]:
    if labels not in LABELS:
        raise TemplateError(f"chart '{kind}': labels must be one of {', '.join(LABELS)}")
    missing = [f.id for f in figures if f.amount is None]
    if missing:
        raise TemplateError(
            f"chart '{kind}': no amount for {', '.join(missing)}; "
            "growth rates go in a 'growth' chart"
        )
    by_key: dict[PanelKey, list[FigureView]] = {}
    for f in figures:
        assert f.amount is not None
        by_key.setdefault(panel_key(f.amount), []).append(f)
    stages: dict[str, tuple[str, str]] = {}
    if labels == "stage":
        periods = {f.id: texts.f["period"](f.period, "table") for f in figures}
        stages = stage_labels(figures, periods, texts.words)
    panels = []
    for members in by_key.values():
        same = len({f.measure for f in members}) == 1
        show_measure = labels in ("measure", "both") or (labels == "auto" and not same)
        show_period = labels in ("period", "both", "auto", "stage")
        bars = []
        for f in members:
            assert f.amount is not None
            label, keep = stages.get(f.id) or (texts.when(f) if show_period else "", "")
            if show_measure:
                measure = capfirst(f.measure)
                label = (
                    texts.words.heading.format(heading=measure, label=label) if label else measure
                )
            keep = keep if f.id in stages else (texts.when(f) if show_period else "")
            value = texts.amount(f.amount)
            spoken = texts.spoken(f.amount)
            style = BarStyle.of(f.status)
            bars.append(Bar(label, value, position(f.amount), style, keep=keep, spoken=spoken,
                            status=f.status))  # fmt: skip
        title = "" if show_measure else capfirst(members[0].measure)
        values = [(f.amount, f.item) for f in members if f.amount is not None]
        panel = _panel(title, {"": bars}, texts, values)
        panels.append(_with_ticks(panel, [a for a, _ in values], texts) if KINDS[kind] else panel)
    return panels


def _with_ticks(panel: Panel, amounts: Sequence[Amount], texts: Texts) -> Panel:
    """The panel with a value axis of round marks, its unit as the axis title."""
    ticks, scale, unit = axis_ticks(amounts, texts.f)
    if not ticks:
        return panel
    return Panel(panel.title, unit or panel.axis_label, panel.groups, ticks, scale)


def _targets(
    figures: Sequence[FigureView], texts: Texts, results: Sequence[FigureView]
) -> list[Panel]:
    panels: dict[PanelKey, dict[str, list[Bar]]] = {}
    values: dict[PanelKey, list[Valued]] = {}
    for f in figures:
        if f.status not in ("target", "plan"):
            raise TemplateError(f"chart 'targets': {f.id} is a result ({f.status}), not a target")
        value = _stated(f, f)
        if value is None:
            raise TemplateError(f"chart 'targets': {f.id} has neither an amount nor a change")
        before = counterpart(f, list(results))
        earlier = None if before is None else _stated(before, f)
        bars = [] if earlier is None or before is None else [_value_bar(before, earlier, texts)]
        bars.append(_value_bar(f, value, texts))
        key = panel_key(value)
        panels.setdefault(key, {}).setdefault(capfirst(f.measure), []).extend(bars)
        values.setdefault(key, []).append((_amount(value), f.item))
        if earlier is not None and before is not None:
            values[key].append((_amount(earlier), before.item))
    return [_panel("", groups, texts, values[key]) for key, groups in panels.items()]


def _stated(figure: FigureView, like: FigureView) -> Amount | Change | None:
    """The figure's value stated as ``like`` states its own: an amount, else a growth rate."""
    if like.amount is not None:
        same = figure.amount is not None and panel_key(figure.amount) == panel_key(like.amount)
        return figure.amount if same else None
    return figure.yoy


def _amount(value: Amount | Change) -> Amount:
    return value.amount if isinstance(value, Change) else value


def _value_bar(figure: FigureView, value: Amount | Change, texts: Texts) -> Bar:
    if isinstance(value, Change):
        text, spoken = texts.change(value), ""
    else:
        text, spoken = texts.amount(value), texts.spoken(value)
    style = BarStyle.of(figure.status)
    return Bar(
        texts.when(figure), text, position(value), style, spoken=spoken, status=figure.status
    )


def _panel(title: str, groups: dict[str, list[Bar]], texts: Texts, values: list[Valued]) -> Panel:
    built = tuple(Group(heading, tuple(bars)) for heading, bars in groups.items())
    printed = [bar.text for group in built for bar in group.bars]
    return Panel(title, texts.axis_label(values, printed), built)


def _retitle(kind: str, panels: list[Panel], titles: Any) -> tuple[Panel, ...]:
    """Apply the template's ``panels=[…]`` titles, one per panel in order."""
    if titles is None:
        return tuple(panels)
    if isinstance(titles, str) or not isinstance(titles, Sequence) or len(titles) != len(panels):
        raise TemplateError(
            f"chart '{kind}': panels= needs a list of {len(panels)} title(s), one per panel"
        )
    return tuple(dataclasses.replace(p, title=str(t)) for t, p in zip(titles, panels, strict=True))
