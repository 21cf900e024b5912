"""Grouping and selection helpers templates call: ordering only, never arithmetic."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportgen.render.view import FigureView


def by_topic(figures: Sequence[FigureView]) -> list[tuple[str, list[FigureView]]]:
    """Group figures by topic, topics in order of first appearance (data order kept).

    Figures without a topic are grouped under ``"other"``.
    """
    groups: dict[str, list[FigureView]] = {}
    for figure in figures:
        groups.setdefault(figure.topic or "other", []).append(figure)
    return list(groups.items())


def counterpart(figure: FigureView, figures: Sequence[FigureView]) -> FigureView | None:
    """The latest earlier figure (actual or estimate) for the same measure, stated the same
    way (a growth rate for a growth target, an amount of the same dimension for an amount),
    preferring one that covers the same kind of period (a year for a yearly target).

    Measures match when they are named alike in any language, so every language pairs the
    same figures. None when nothing comparable exists. Used to set a target beside it.
    """
    year = figure.period.end_year
    if year is None:
        return None
    candidates = [
        f
        for f in figures
        if f.measure_texts & figure.measure_texts
        and f.status in ("actual", "estimate")
        and f.period.end_year is not None
        and f.period.end_year < year
        and _alike(f, figure)
    ]
    return max(
        candidates,
        key=lambda f: (f.period.kind == figure.period.kind, f.period.sort_key),
        default=None,
    )


def _alike(a: FigureView, b: FigureView) -> bool:
    """Whether two figures state the same kind of value."""
    if b.amount is not None:
        return a.amount is not None and a.amount.unit.dimension is b.amount.unit.dimension
    return a.yoy is not None


def template_helpers(context: dict[str, Any]) -> dict[str, Callable[..., Any]]:
    """The helper functions exposed to templates, bound to this context's figures."""
    figures: Sequence[FigureView] = context["figures"]
    return {
        "by_topic": by_topic,
        "counterpart": lambda figure: counterpart(figure, figures),
    }
