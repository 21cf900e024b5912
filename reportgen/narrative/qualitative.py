"""Where qualitative facts go: the lead, or a section's paragraph on their topic.

- The lead takes the district's own positioning, approach, goal and theme statements
  (``subject`` unset) and the people the sources name.
- Every other statement, event and policy goes to the briefing section of its data
  section, in the paragraph of its topic: statements open it, events join the
  figures in time order, policies close it.
- Events of one stage, status and period on one topic are said in one sentence
  (``A、B、C开工建设`` / "A, B and C started construction"); an event with its own
  text is a sentence of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.facts.model import DistrictFacts
from reportgen.narrative.units import BRIEFING_SECTION

#: Statement kinds about the district that the lead states.
LEAD_KINDS = ("positioning", "goal", "approach", "theme")


@dataclass(frozen=True)
class QualitativeItem:
    """Qualitative facts that make one sentence."""

    kind: str  # "statement" | "event" | "policy" | "people"
    ids: tuple[str, ...]
    topic: str | None = None
    when: tuple[int, int] = (0, 0)
    section: str = ""  # the data section


def _lead_statement(s: object) -> bool:
    return getattr(s, "subject", None) is None and getattr(s, "kind", None) in LEAD_KINDS


def lead_items(facts: DistrictFacts) -> list[QualitativeItem]:
    """The lead's statements (in LEAD_KINDS order) and the people named."""
    statements = [s for s in getattr(facts, "statements", ()) if _lead_statement(s)]
    statements.sort(key=lambda s: LEAD_KINDS.index(s.kind.value))
    items = [QualitativeItem("statement", (s.id,)) for s in statements]
    people = tuple(p.id for p in getattr(facts, "people", ()))
    if people:
        items.append(QualitativeItem("people", people))
    return items


def section_items(facts: DistrictFacts, section: str) -> list[QualitativeItem]:
    """The statements, events and policies told in one briefing section."""
    items: list[QualitativeItem] = []
    for s in getattr(facts, "statements", ()):
        if not _lead_statement(s) and BRIEFING_SECTION[s.section.value] == section:
            items.append(
                QualitativeItem("statement", (s.id,), s.topic, _when(s.period), s.section.value)
            )
    groups: dict[tuple[object, ...], list[str]] = {}
    for e in getattr(facts, "events", ()):
        if BRIEFING_SECTION[e.section.value] != section:
            continue
        key = (
            (e.id,)
            if e.text is not None
            else (e.topic, e.stage.value, e.status.value, str(e.period))
        )
        groups.setdefault(key, []).append(e.id)
    events = {e.id: e for e in getattr(facts, "events", ())}
    for ids in groups.values():
        first = events[ids[0]]
        when = _when(first.period)
        items.append(QualitativeItem("event", tuple(ids), first.topic, when, first.section.value))
    for p in getattr(facts, "policies", ()):
        if BRIEFING_SECTION[p.section.value] == section:
            items.append(
                QualitativeItem("policy", (p.id,), p.topic, _when(p.period), p.section.value)
            )
    return items


def _when(period: object) -> tuple[int, int]:
    key = getattr(period, "sort_key", None)
    return key if isinstance(key, tuple) else (0, 0)
