"""The build's hook: the plan, realized in the build language, as the template context's
``narrative`` entry (and the helpers templates use to reach it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.errors import OptionError
from reportgen.facts.model import DistrictFacts
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.realize import realize
from reportgen.i18n.realize.citations import STYLES
from reportgen.i18n.realize.overrides import load_overrides
from reportgen.narrative.planner import make_plan


def check_citations(style: object) -> str:
    """The citation style, checked (``footnotes``, ``endnotes`` or ``none``)."""
    if not isinstance(style, str) or style not in STYLES:
        raise OptionError(f"unknown citation style {style!r}; choose from {', '.join(STYLES)}")
    return style


def narrative_context(
    facts: DistrictFacts,
    context: dict[str, Any],
    formatter: Formatter,
    templates: Path | None,
    citations: str,
) -> dict[str, Any]:
    """``{"narrative": RealizedDocument, "plan": DocumentPlan}`` for the templates."""
    plan = make_plan(facts)
    kind = getattr(facts.district, "kind", "district")
    place = getattr(kind, "value", kind)
    realized = realize(
        plan,
        context | {"place_kind": place},
        formatter,
        overrides=load_overrides(templates, formatter.lang),
        citation_style=check_citations(citations),
        place_kind=place,
    )
    return {"narrative": realized, "plan": plan, "place_kind": place}
