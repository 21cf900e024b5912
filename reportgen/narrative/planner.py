"""The planner: facts → DocumentPlan (sections → paragraphs → sentence plans).

Steps: every figure into one unit (``units``); key messages chosen (``messages``);
the body's single figures selected (``select``); then per briefing section, units
grouped into sentences — single figures that share topic, subject, period and status
become one :class:`Group` — and sentences into paragraphs by topic, in chronological
order, with the section's qualitative facts woven in. Figures the body leaves out go
to the annex, and so do the events it does not tell. Deterministic: the same facts give
the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportgen.facts.model import DistrictFacts, Figure, Section
from reportgen.narrative.messages import Messages, choose
from reportgen.narrative.plan import (
    AnnexPart,
    DocumentPlan,
    Finding,
    Group,
    Paragraph,
    Qualitative,
    SectionPlan,
    Sentence,
    Table,
)
from reportgen.narrative.qualitative import QualitativeItem, lead_items, section_items
from reportgen.narrative.select import NAMED_KINDS, annexed, in_body, named
from reportgen.narrative.series import owner_of
from reportgen.narrative.units import BRIEFING_SECTIONS, Unit, make_units


@dataclass(frozen=True)
class _Placed:
    """A sentence with where and when it goes."""

    sentence: Sentence
    topic: str | None
    when: tuple[int, int]
    order: int
    rank: int = 1  # 0: opens the paragraph (a statement), 2: closes it (a policy)
    section: int = 0  # the data section's place in the Section order
    merge: tuple[object, ...] | None = None  # groups with equal keys side by side merge


def make_plan(facts: DistrictFacts) -> DocumentPlan:
    """The document plan for ``facts`` (see the module text)."""
    # A doubtful figure (the source evidently misprints it) is never stated: not planned.
    trusted = tuple(f for f in facts.figures if f.doubtful is None)
    facts = facts.model_copy(update={"figures": trusted})
    units = make_units(facts)
    messages = choose(units)
    body = in_body(units, messages.used, named(facts))
    order = {f.id: i for i, f in enumerate(facts.figures)}
    covered = frozenset(c for f in getattr(facts, "findings", ()) for c in f.covers)
    lead = _lead(facts, messages, order, covered)
    points = tuple(
        Paragraph(tuple(p.sentence for p in _sentences(point, order, by_topic=False)), bullets=True)
        for point in messages.points
    )
    sections = []
    table = _main_table(_table_units(facts, units))
    body = _not_in_table(body, table)
    lead_units = [*messages.lead_findings, *([messages.lead] if messages.lead else [])]
    told = [*body, *lead_units, *(u for p in messages.points for u in p)]
    mentioned = frozenset(e for u in told for f in u.figures for _, e in f.entity_refs())
    for key in BRIEFING_SECTIONS:
        mine = [u for u in body if u.section == key]
        placed = _sentences(mine, order, facts=facts)
        placed += [
            _qualitative(item, len(order) + n)
            for n, item in enumerate(section_items(facts, key, mentioned, covered))
        ]
        if key == "outlook":
            targets = frozenset(f.id for f in facts.figures if f.status.value == "target")
            placed = _outlook_opening(placed, targets)
        placed = _system_opens(placed, facts)
        tables = (table,) if key == "overview" and table.rows else ()
        sections.append(SectionPlan(key, _paragraphs(placed), tables))
    stated = {f for u in [*body, *lead_units] for f in u.ids}
    stated |= {f for p in messages.points for u in p for f in u.ids}
    shown = stated | {f for row in table.rows for f in row}
    section = _sections(units)
    annex = tuple(
        AnnexPart(key, ids)
        for key in BRIEFING_SECTIONS
        if (ids := tuple(f.id for f in facts.figures if f.id not in shown and section[f.id] == key))
    )
    policies = tuple(p.id for p in getattr(facts, "policies", ()) if p.id not in covered)
    events = _annex_events(facts, sections, covered)
    return DocumentPlan(lead, points, tuple(sections), annex, frozenset(stated), policies, events)


def _annex_events(
    facts: DistrictFacts, sections: Sequence[SectionPlan], covered: frozenset[str]
) -> tuple[str, ...]:
    """The events the body does not tell (tagged ``annex``, over a topic's cap, superseded,
    a plan for a year already reported, their subjects already named), in data order; an
    event a finding covers is told by the finding."""
    told = {
        i
        for section in sections
        for paragraph in section.paragraphs
        for s in paragraph.sentences
        if isinstance(s, Qualitative) and s.kind == "event"
        for i in s.ids
    }
    return tuple(
        e.id for e in getattr(facts, "events", ()) if e.id not in told and e.id not in covered
    )


def _not_in_table(body: Sequence[Unit], table: Table) -> list[Unit]:
    """The body without the overview's figures Table 1 already shows: the table is where
    a reader compares them, and the text does not read its rows out again (a finding,
    the analyst's own sentence, is kept)."""
    figures = {f.id: f for u in body for f in u.figures}
    rows = {f for row in table.rows if _one_per_column(row, figures) for f in row}
    return [
        u
        for u in body
        if isinstance(u.sentence, Finding) or u.section != "overview" or not set(u.ids) <= rows
    ]


def _one_per_column(row: Sequence[str], figures: dict[str, Figure]) -> bool:
    """Whether each figure of a Table 1 row has a column of its own (period and status):
    two figures of one period in a row show as one cell, so the text keeps them."""
    keys = [(str(figures[i].period), figures[i].status.value) for i in row if i in figures]
    return len(keys) == len(set(keys))


def _sections(units: Sequence[Unit]) -> dict[str, str]:
    """Each figure's briefing section: that of the first unit holding it (one pass, so
    the annex stays linear in the figures)."""
    found: dict[str, str] = {}
    for unit in units:
        for figure_id in unit.ids:
            found.setdefault(figure_id, unit.section)
    return found


def _lead(
    facts: DistrictFacts, messages: Messages, order: dict[str, int], covered: frozenset[str]
) -> Paragraph:
    """The lead: the district's statements, the findings tagged ``lead``, the headline
    growth series (unless a lead finding says it); a lead finding of the outlook (the
    next year's aim) closes it, after the year's results."""
    sentences: list[Sentence] = []
    items = lead_items(facts, covered)
    statements = [i for i in items if i.kind == "statement"]
    if statements:
        sentences.append(Qualitative("statement", tuple(x for i in statements for x in i.ids)))
    found = [(u.section, u.sentence) for u in messages.lead_findings if u.sentence is not None]
    sentences += [s for section, s in found if section != "outlook"]
    if messages.lead is not None:
        sentences += [p.sentence for p in _sentences([messages.lead], order)]
    sentences += [s for section, s in found if section == "outlook"]
    people = [i for i in items if i.kind == "people"]
    if people:
        sentences.append(Qualitative("people", tuple(x for i in people for x in i.ids)))
    return Paragraph(tuple(sentences), topic="lead")


def _sentences(
    units: Iterable[Unit],
    order: dict[str, int],
    by_topic: bool = True,
    facts: DistrictFacts | None = None,
) -> list[_Placed]:
    """Series and pairs as they are; single figures grouped by topic, subject, period, status."""
    placed: list[_Placed] = []
    groups: dict[tuple[object, ...], list[Unit]] = {}
    for unit in units:
        first = order[unit.first.id]
        rank = _SECTION_ORDER[unit.data_section]
        if unit.sentence is not None:
            placed.append(_Placed(unit.sentence, unit.topic, unit.when, first, section=rank))
            continue
        f = unit.first
        key = (unit.topic if by_topic else None, owner_of(f), str(f.period), f.status.value)
        groups.setdefault(key, []).append(unit)
    for members in groups.values():
        ids = tuple(u.first.id for u in members)
        head = members[0]
        f = head.first
        subject = _subject(facts, [u.first for u in members])
        sentence = Group(ids, subject)
        # a named owner's groups merge whatever their periods, when both say the owner as
        # their subject or neither does; the district's groups merge by period
        owner = owner_of(f)
        merge: tuple[object, ...] = (None, str(f.period), f.status.value)
        if owner:
            merge = (owner, f.status.value, subject is None)
        section = _SECTION_ORDER[f.section.value]
        placed.append(_Placed(sentence, head.topic, head.when, order[f.id], 1, section, merge))
    return sorted(placed, key=lambda p: p.order)


def _subject(facts: DistrictFacts | None, figures: Sequence[Figure]) -> str | None:
    """The group's owner as its subject, unless a measure names it already in some
    language (济南国际医学科学中心总投资 / total investment in Jinan International
    Medical Center) or it is not a named firm, park, venue, institution or project."""
    owner = owner_of(figures[0])
    if owner is None or facts is None:
        return owner
    entity = next((e for e in facts.entities if e.id == owner), None)
    if entity is None or entity.kind.value not in NAMED_KINDS:
        return None
    names = [n for n in (entity.name.zh, entity.name.en) if n]
    measures = [m for f in figures for m in (f.measure.zh, f.measure.en) if m]
    if any(n in m for n in names for m in measures):
        return None
    return owner


def _qualitative(item: QualitativeItem, order: int) -> _Placed:
    if item.kind == "said":  # the next year's theme in its speaker's words opens the outlook
        return _Placed(Qualitative(item.kind, item.ids), item.topic, (0, 0), -1, -1, -1)
    rank = {"statement": 0, "policies": 2}.get(item.kind, 1)
    if item.occasion:  # a meeting comes before what was said at it
        rank = -1
    section = _SECTION_ORDER.get(item.section, 0)
    return _Placed(Qualitative(item.kind, item.ids), item.topic, item.when, order, rank, section)


def _system_opens(placed: list[_Placed], facts: DistrictFacts) -> list[_Placed]:
    """The industrial system (the "342" system) opens its section: the frame the
    section's firms and parks are read in."""
    system = {s.id for s in facts.statements if s.kind.value == "industrial_system"}
    out = []
    for p in placed:
        if isinstance(p.sentence, Qualitative) and set(p.sentence.ids) & system:
            p = _Placed(p.sentence, p.topic, (0, 0), -2, -1, -2, None)
        out.append(p)
    return out


def _outlook_opening(placed: list[_Placed], targets: frozenset[str]) -> list[_Placed]:
    """The outlook's first paragraph: a statement it tells (the leadership's stance for
    the next year, such as the Party committee's general requirement set in December),
    then the next year's theme (the opening, order -1), then its targets (ids in
    ``targets``) that carry it out."""
    opening = next((p for p in placed if p.order == -1), None)
    if opening is None:
        return placed
    out = []
    for p in placed:
        s = p.sentence
        if isinstance(s, Qualitative) and s.kind == "statement" and p.rank == 0:
            p = _Placed(s, opening.topic, (0, 0), -2, -1, -1, None)
        elif isinstance(s, Group) and p.rank == 1 and set(s.figures) <= targets:
            p = _Placed(s, opening.topic, (0, 0), 0, -1, -1, ("targets",))
        out.append(p)
    return out


_SECTION_ORDER = {s.value: i for i, s in enumerate(Section)}


def _merged(members: Sequence[_Placed]) -> list[Sentence]:
    """Adjacent groups of the same subject, period and status become one sentence."""
    out: list[_Placed] = []
    for p in members:
        last = out[-1] if out else None
        if (
            last is not None
            and p.merge is not None
            and p.merge == last.merge
            and isinstance(last.sentence, Group)
            and isinstance(p.sentence, Group)
        ):
            figures = last.sentence.figures + p.sentence.figures
            owner = last.sentence.owner if last.sentence.owner == p.sentence.owner else None
            joined = Group(figures, owner)
            out[-1] = _Placed(
                joined, last.topic, last.when, last.order, 1, last.section, last.merge
            )
        else:
            out.append(p)
    return [p.sentence for p in out]


def _paragraphs(placed: Sequence[_Placed]) -> tuple[Paragraph, ...]:
    """Sentences into paragraphs by topic (first appearance), chronological within each.
    A topic of one sentence joins a neighbour: a lone statement opens the next paragraph
    (it frames what follows), anything else closes the previous one."""
    by_topic: dict[str | None, list[_Placed]] = {}
    for p in sorted(placed, key=lambda p: (p.section, p.rank != 0, p.order)):
        by_topic.setdefault(p.topic, []).append(p)
    paragraphs: list[tuple[str | None, list[_Placed]]] = []
    held: list[_Placed] = []  # lone statements waiting for the next paragraph
    for topic, members in by_topic.items():
        ordered = sorted(
            members, key=lambda p: (p.rank, p.when if p.rank == 1 else (0, 0), p.order)
        )
        if len(ordered) == 1 and ordered[0].rank == 0:
            held += ordered
        elif len(ordered) == 1 and paragraphs:
            paragraphs[-1][1].extend(ordered)
        else:
            paragraphs.append((topic, held + ordered))
            held = []
    if held and paragraphs:
        paragraphs[-1][1].extend(held)
    elif held:
        paragraphs.append((held[0].topic, held))
    if len(paragraphs) > 1 and len(paragraphs[0][1]) == 1:
        first = paragraphs.pop(0)
        paragraphs[0] = (paragraphs[0][0], first[1] + paragraphs[0][1])
    return tuple(Paragraph(tuple(_merged(members)), topic) for topic, members in paragraphs)


def _table_units(facts: DistrictFacts, units: list[Unit]) -> list[Unit]:
    """Table 1's units: those of every figure as if no finding stated them, so the
    overview's indicators keep their rows whoever states them (a finding too)."""
    if not any(u.finding is not None for u in units):
        return units
    return make_units(facts.model_copy(update={"findings": ()}))


def _main_table(units: Sequence[Unit]) -> Table:
    """Table 1: the overview section's figures, one row per series or single figure (none
    tagged ``annex``)."""
    rows = tuple(
        (*u.table_extra, *u.ids)
        for u in units
        if u.first.section.value == "overview"
        and u.section == "overview"
        and not u.superseded
        and not annexed(u)
    )
    return Table("main-indicators", rows)
