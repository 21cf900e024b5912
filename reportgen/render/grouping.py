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
    """The latest result (actual or estimate) for the same measure, from an earlier year.

    Used to set a target beside the result it follows.
    """
    year = figure.period.end_year
    candidates = [
        f
        for f in figures
        if f.measure == figure.measure
        and f.status in ("actual", "estimate")
        and f.period.end_year is not None
        and year is not None
        and f.period.end_year < year
    ]
    return max(candidates, key=lambda f: f.period.end_year or 0, default=None)


def template_helpers(context: dict[str, Any]) -> dict[str, Callable[..., Any]]:
    """The helper functions exposed to templates, bound to this context's figures."""
    figures: Sequence[FigureView] = context["figures"]
    return {
        "by_topic": by_topic,
        "counterpart": lambda figure: counterpart(figure, figures),
    }
