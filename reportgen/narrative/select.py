"""The body/annex rule: which single figures the body states; the rest go to the annex.

Series, target/outcome pairs and the next year's targets are always in the body
(they carry the trends and what comes next); a growth rate superseded by another
source's longer one is in Table 1 or the annex only (``series.superseded``). A
single figure is in the body when its period is stated and it matters by one of
these marks, scored in this order:

1. tagged ``headline``;
2. it belongs to a named firm, park, venue, institution, platform or project
   (``owner``), or names such examples (``examples``);
3. it carries a comparison (year-on-year change, gap to the city, rank, or a share
   of a whole: 46.6% of the city's car sales);
4. it is money (an amount in yuan).

Outcomes before plans: a plan or target scores at most 1, so a result of the same
topic is told first. A distance or an area "as of" a bare year (3 km from the West
Station, 39 km² planned) is a lasting feature, not news: annex material.

A plan or target for a year the sources already report on (not next year's, which
the outlook states) is annex material: the results say what became of it.

A figure tagged ``annex`` is never stated in the body, whatever it would score: no
series, target pair, key message or Table 1 row holds it (a finding may not state it:
a load error), and the annex lists it.

Within each briefing section and topic, at most ``TOPIC_CAP`` single figures are
kept, the highest-scored first (data order among equals). A figure with none of the
marks is annex material. Every figure the body leaves out is listed in the annex
(a figure whose ``doubtful`` field says the source misprints it is in neither).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportgen.facts.model import DistrictFacts, Figure
from reportgen.narrative.units import Unit

#: Most single figures per briefing section and topic in the body.
TOPIC_CAP = 2
#: The tag that sends a figure (or an event) to the annex, never the body.
ANNEX_TAG = "annex"


#: Kinds of named thing whose own figures matter (a firm, a park, a project …).
NAMED_KINDS = frozenset({"enterprise", "institution", "venue", "park", "platform", "project"})


def named(facts: DistrictFacts) -> frozenset[str]:
    """Ids of the entities whose figures rank as 'named' (NAMED_KINDS)."""
    return frozenset(e.id for e in facts.entities if e.kind.value in NAMED_KINDS)


def score(figure: Figure, owners: frozenset[str] = frozenset()) -> int:
    """How much a single figure matters (0: annex only); see the module text."""
    if not figure.period.stated or _timeless(figure):
        return 0
    if "headline" in figure.tags:
        return 4
    if figure.status.value in ("plan", "target"):
        return min(1, _score(figure, owners))
    return _score(figure, owners)


def _timeless(figure: Figure) -> bool:
    """A distance or an area as of a bare year (see the module text)."""
    p, amount = figure.period, figure.amount
    bare = p.kind.value == "as_of" and p.as_of is not None and p.as_of.month is None
    return bare and amount is not None and amount.unit.dimension.value in ("length", "area")


def _score(figure: Figure, owners: frozenset[str]) -> int:
    examples = set(getattr(figure, "examples", ())) & owners
    if getattr(figure, "owner", None) in owners or examples:
        return 3
    if figure.yoy is not None or figure.vs_city is not None or figure.rank is not None:
        return 2
    if figure.amount is not None and figure.amount.unit.dimension.value == "percent":
        return 2  # a share of a whole
    if figure.amount is not None and figure.amount.unit.base == "元":
        return 1
    return 0


def annexed(unit: Unit) -> bool:
    """Whether a unit holds a figure tagged ``annex`` (never in the body)."""
    return any(ANNEX_TAG in f.tags for f in unit.figures)


def _next_target(unit: Unit) -> bool:
    """The next year's targets: always in the body (the outlook opens with them)."""
    return unit.section == "outlook" and all(f.status.value == "target" for f in unit.figures)


def in_body(
    units: Sequence[Unit], taken: Iterable[str] = (), owners: frozenset[str] = frozenset()
) -> list[Unit]:
    """The units the sections state (key-message figures in ``taken`` left out)."""
    skip = set(taken)
    chosen: list[Unit] = []
    per_topic: dict[tuple[str, str | None], list[tuple[int, int, Unit]]] = {}
    for index, unit in enumerate(units):
        if skip & set(unit.ids) or unit.superseded or annexed(unit):
            continue
        if unit.sentence is not None or _next_target(unit):
            chosen.append(unit)
            continue
        stale = unit.first.status.value in ("plan", "target") and unit.section != "outlook"
        points = 0 if stale else score(unit.first, owners)
        if points:
            per_topic.setdefault((unit.section, unit.topic), []).append((-points, index, unit))
    for candidates in per_topic.values():
        chosen += [u for _, _, u in sorted(candidates, key=lambda c: c[:2])[:TOPIC_CAP]]
    order = {id(u): i for i, u in enumerate(units)}
    return sorted(chosen, key=lambda u: order[id(u)])
