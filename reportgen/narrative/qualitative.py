"""Where qualitative facts go, and which the body states: a written rule like the figures'.

- **Lead**: the district's own statements in the overview (``subject`` unset), one of
  each kind in LEAD_KINDS order — positioning, goal, approach, the theme of the
  latest year with results and the verdict on that year (an assessment dated that
  year). No sentence about the sources themselves ("the sources quote …"): the
  district's leaders (a title that names the district: 区委书记, 区长) are named where
  they act — the outlook opens with the leader of the latest source stating the next
  year's theme (``outlook_speakers``).
- **Sections**: per briefing section and topic, one statement that has a sentence
  of its own (or states the industrial system), by kind in STATEMENT_ORDER; the
  milestones (events) that happened — at most ``EVENTS_PER_TOPIC`` per topic, newest
  first, none that a later event of the same subjects supersedes, and none whose
  subjects the body's or the key messages' figures already name — and those planned for the
  year after the latest results, which go to the outlook (an event tagged ``annex``
  never: it is listed in the annex's table of events, like every event the body does
  not tell and no finding covers); and one sentence per
  section naming its first ``POLICIES_PER_SECTION`` policies and programmes (every
  policy is listed in the annex). POLICIES_PER_SECTION is 0: the sources name
  policies without saying how far they got, and a sentence listing them can only
  assert a status ("扎实推进", "among the measures in place") no source gives; the
  annex's policy table names them with what they do. Plans for a year already reported are left out
  (the results say what became of them).
- Events of one stage, status and period on one topic are said in one sentence
  (``A、B开工建设`` / "A and B started construction"); an event with its own text is a
  sentence of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportgen.facts.model import DistrictFacts
from reportgen.narrative.units import BRIEFING_SECTION, latest_result_year

#: Statement kinds about the district that the lead states, in this order.
LEAD_KINDS = ("positioning", "goal", "approach", "theme", "assessment")
#: Which statement a topic's paragraph opens with, by kind (the first found).
STATEMENT_ORDER = ("positioning", "industrial_system", "goal", "theme", "approach", "assessment")
#: Most events said per topic.
EVENTS_PER_TOPIC = 2
#: Most policies named per section in the body (the rest are listed in the annex).
POLICIES_PER_SECTION = 0


@dataclass(frozen=True)
class QualitativeItem:
    """Qualitative facts that make one sentence."""

    kind: str  # "statement" | "event" | "policies" | "people"
    ids: tuple[str, ...]
    topic: str | None = None
    when: tuple[int, int] = (0, 0)
    section: str = ""  # the data section
    occasion: bool = False  # a meeting of a body: said before what was said there


def _year(period: Any) -> int | None:
    return getattr(period, "end_year", None) if period is not None else None


def lead_statements(facts: DistrictFacts) -> list[Any]:
    """The lead's statements: one per LEAD_KINDS kind (see the module text)."""
    latest = latest_result_year(facts)
    chosen: list[Any] = []
    for kind in LEAD_KINDS:
        for s in getattr(facts, "statements", ()):
            own = s.subject is None or kind == "theme"  # a theme's subject is the year's theme
            if s.kind.value != kind or not own or s.section.value != "overview":
                continue
            if kind in ("theme", "assessment") and _year(s.period) not in (None, latest):
                continue
            if kind == "assessment" and (s.sentence is None or _year(s.period) is None):
                continue  # the verdict on the year: a dated sentence of its own
            chosen.append(s)
            break
    return chosen


def leaders(facts: DistrictFacts) -> list[Any]:
    """People whose title names the district (its Party secretary, its head)."""
    name = (facts.district.name.zh or "").rstrip("区县市旗")
    english = (facts.district.name.en or "").split(" ")[0]
    found = []
    for p in getattr(facts, "people", ()):
        titles = (p.title.zh or "", p.title.en or "")
        if (name and name in titles[0]) or (english and english in titles[1]):
            found.append(p)
    return found


def lead_items(
    facts: DistrictFacts, covered: frozenset[str] = frozenset()
) -> list[QualitativeItem]:
    """The lead's statements (the leaders are named where they act, not in the lead); a
    statement a finding covers is told by the finding."""
    return [
        QualitativeItem("statement", (s.id,)) for s in lead_statements(facts) if s.id not in covered
    ]


def next_theme(facts: DistrictFacts, next_year: int) -> Any:
    """The theme the district set for the year after its latest results (or None)."""
    return next(
        (
            s
            for s in getattr(facts, "statements", ())
            if s.kind.value == "theme" and _year(s.period) == next_year
        ),
        None,
    )


def outlook_speakers(facts: DistrictFacts, statement: Any) -> tuple[str, ...]:
    """The district's leaders who speak for a statement of the outlook: those the
    statement's own sources name (the head who delivered the latest report)."""
    cited = {c.source for c in getattr(statement, "sources", ())}
    return tuple(
        p.id for p in leaders(facts) if cited & {c.source for c in getattr(p, "sources", ())}
    )


def _section_of(record: Any, next_year: int) -> str | None:
    """The briefing section that tells a record; None when the body leaves it out."""
    year = _year(getattr(record, "period", None))
    if getattr(record, "status", None) is not None and record.status.value in ("plan", "target"):
        if year is None or year < next_year:
            return None  # a plan for a year already reported
        return "outlook"
    return BRIEFING_SECTION[record.section.value]


def section_items(
    facts: DistrictFacts,
    section: str,
    named: frozenset[str] = frozenset(),
    covered: frozenset[str] = frozenset(),
) -> list[QualitativeItem]:
    """The statements, events and policies a briefing section tells (module text);
    an event whose subjects the briefing's figures already name (``named``: the
    sections' and the key messages') is not told again, nor a record a finding tells
    (``covered``)."""
    next_year = latest_result_year(facts) + 1
    lead = {s.id for s in lead_statements(facts)} | covered
    items: list[QualitativeItem] = []
    topics: set[object] = set()
    candidates = sorted(
        (s for s in getattr(facts, "statements", ()) if s.id not in lead),
        key=lambda s: STATEMENT_ORDER.index(s.kind.value),
    )
    opening = next_theme(facts, next_year) if section == "outlook" else None
    if opening is not None and opening.id in covered:
        opening = None
    if opening is not None:
        speakers = tuple(p for p in outlook_speakers(facts, opening) if p not in covered)
        kind = "said" if speakers else "statement"
        items.append(QualitativeItem(kind, (opening.id, *speakers), opening.topic))
    for s in candidates:
        own = s.sentence is not None or s.kind.value == "industrial_system"
        if not own or s.topic in topics or s is opening:
            continue
        year = _year(s.period) or 0
        where = "outlook" if year >= next_year else BRIEFING_SECTION[s.section.value]
        if where == section:
            topics.add(s.topic)
            when = _when(s.period)
            items.append(QualitativeItem("statement", (s.id,), s.topic, when, s.section.value))
    events = [
        e
        for e in getattr(facts, "events", ())
        if not set(e.subjects) <= named and e.id not in covered and "annex" not in e.tags
    ]
    bodies = frozenset(e.id for e in facts.entities if e.kind.value == "organisation")
    items += _events(events, section, next_year, bodies)
    policies = [p for p in body_policies(facts, section) if p.id not in covered]
    if policies:
        first = policies[0]
        ids = tuple(p.id for p in policies)
        items.append(QualitativeItem("policies", ids, first.topic, (0, 0), first.section.value))
    return items


def body_policies(facts: DistrictFacts, section: str) -> list[Any]:
    """The policies a section names in its text: its first POLICIES_PER_SECTION."""
    found = [
        p for p in getattr(facts, "policies", ()) if BRIEFING_SECTION[p.section.value] == section
    ]
    return found[:POLICIES_PER_SECTION]


def _events(
    events: Iterable[Any], section: str, next_year: int, bodies: frozenset[str] = frozenset()
) -> list[QualitativeItem]:
    """Events of one stage, status and period on a topic as items; a meeting of a body
    (held, every subject an organisation) is marked as the occasion of what was said."""
    groups: dict[tuple[object, ...], list[Any]] = {}
    per_topic: dict[object, int] = {}
    mine = [e for e in events if _section_of(e, next_year) == section]
    # newest first for the cap (a stale status never crowds out a newer one), and an
    # event a later one of the same subjects supersedes is left out (a hospital
    # "being finished" in May, in trial operation by December)
    mine.sort(key=lambda e: _when(e.period), reverse=True)
    for e in mine:
        if _superseded(e, mine):
            continue
        key = (
            (e.id,)
            if e.text is not None
            else (e.topic, e.stage.value, e.status.value, str(e.period))
        )
        if key not in groups:
            if per_topic.get(e.topic, 0) >= EVENTS_PER_TOPIC:
                continue
            per_topic[e.topic] = per_topic.get(e.topic, 0) + 1
        groups.setdefault(key, []).append(e)
    return [
        QualitativeItem(
            "event",
            tuple(e.id for e in g),
            g[0].topic,
            _when(g[0].period),
            g[0].section.value,
            g[0].stage.value == "held" and bool(g[0].subjects) and set(g[0].subjects) <= bodies,
        )
        for g in groups.values()
    ]


def _superseded(event: Any, events: Iterable[Any]) -> bool:
    """Whether a later event of the same status tells what became of the same subjects."""
    subjects = set(event.subjects)
    return bool(subjects) and any(
        other is not event
        and set(other.subjects) == subjects
        and other.status == event.status
        and _when(other.period) > _when(event.period)
        for other in events
    )


def _when(period: object) -> tuple[int, int]:
    key = getattr(period, "sort_key", None)
    return key if isinstance(key, tuple) else (0, 0)
