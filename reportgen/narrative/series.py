"""Series, comparability, trends and targets: which figures may be set side by side.

Two figures belong to one series when they measure the same thing for the same
subject: the same owner (or both the district's), the same kind of value (a growth
rate, or an amount of the same unit), and either a measure named alike in some
language (after the owner's name and words such as 累计/"cumulative" are set aside)
or a shared series tag (``programme``, or any tag starting ``series-``).

Comparability (a word such as "slowed" is said only between comparable figures):

- growth rates are comparable within one year when each runs from January
  (Jan–May, H1, Jan–Nov, the year), and across years when both are whole years;
- levels are comparable when both are stocks at a date (as of June, as of year-end)
  or both cover periods of the same kind and length (two whole years).

A trend word also needs the same definition of the measure on both sides of every
step (``same_definition``): both figures cited to one source (one article's own
series), or sharing a ``series-…`` tag (the data editor vouches that two articles
measure alike), or both whole years (annual statistics). Two articles may cover
different firms or use different bases — 22.4% for January–May in a feature story
and 13.7% for the first half in a half-year review would need June growth of about
−30% to be one series — so across sources the values are given with their periods
and no trend word.

Comparisons only order the source's own values (with their qualifiers: "at least
15" is not below 15.1); nothing is subtracted, divided or rounded.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from reportgen.facts.amounts import Amount, Direction, Qualifier
from reportgen.facts.model import DistrictFacts, Figure, Status
from reportgen.facts.periods import Period, PeriodKind
from reportgen.narrative.plan import Trend, Verdict

#: Tags that name a series beside the ``series-…`` ones (the key-project programme).
SERIES_TAGS = frozenset({"programme"})
_NOISE = re.compile(r"累计|\(cumulative\)|（累计）|\bcumulative\b|\bthe\b|[\s“”\"'‘’()（）]")
_INF = Decimal("Infinity")


def owner_of(figure: Figure) -> str | None:
    """The entity the figure belongs to (None: the district)."""
    owner = getattr(figure, "owner", None)
    return owner if isinstance(owner, str) else None


def value_kinds(figure: Figure) -> set[str]:
    """What the figure can be compared as: 'rate' when it states a growth rate,
    'level:<unit base>' when it states an amount (both for '36.55 billion, +6.4%')."""
    kinds = set()
    if figure.yoy is not None:
        kinds.add("rate")
    if figure.amount is not None:
        kinds.add(f"level:{figure.amount.unit.base}")
    return kinds


def series_kind(figures: Sequence[Figure]) -> str | None:
    """How a series compares: 'rate' when every member states growth, else the level
    they all state; None when they share neither (no series then)."""
    common = set.intersection(*(value_kinds(f) for f in figures)) if figures else set()
    if "rate" in common:
        return "rate"
    return min(common) if common else None


def measure_keys(facts: DistrictFacts, figure: Figure) -> set[str]:
    """The figure's measure names, normalized, in every language the data gives."""
    owner = owner_of(figure)
    names = []
    if owner is not None:
        entity = next((e for e in facts.entities if e.id == owner), None)
        if entity is not None:
            names = [t for t in (entity.name.zh, entity.name.en) if t]
    keys = set()
    for text in (figure.measure.zh, figure.measure.en):
        if not text:
            continue
        for name in names:
            text = text.replace(name, "")
        keys.add(_NOISE.sub("", text.lower()))
    return {k for k in keys if k}


def series_tags(figure: Figure) -> set[str]:
    """The figure's tags that name a series."""
    return {f"#{t}" for t in figure.tags if t in SERIES_TAGS or t.startswith("series-")}


def find_series(facts: DistrictFacts) -> list[list[Figure]]:
    """Every series of two or more figures (data order of first member), members oldest first."""
    figures = list(facts.figures)
    parent = list(range(len(figures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str | None, str, str], int] = {}
    for i, figure in enumerate(figures):
        for key in measure_keys(facts, figure) | series_tags(figure):
            for kind in value_kinds(figure):
                slot = (owner_of(figure), kind, key)
                if slot in seen:
                    parent[root(i)] = root(seen[slot])
                else:
                    seen[slot] = i
    groups: dict[int, list[Figure]] = {}
    for i, figure in enumerate(figures):
        groups.setdefault(root(i), []).append(figure)
    return [chronological(g) for g in groups.values() if len(g) > 1]


def chronological(figures: Iterable[Figure]) -> list[Figure]:
    """Oldest first; a plan or target before the result of the same period (stable)."""
    rank = {Status.PLAN: 0, Status.TARGET: 0, Status.ESTIMATE: 1, Status.ACTUAL: 1}
    rank[Status.PRELIMINARY] = 1  # 初步核算: a result
    return sorted(figures, key=lambda f: (f.period.sort_key, rank[f.status]))


def _from_january(p: Period) -> bool:
    if p.kind is PeriodKind.YEAR:
        return True
    if p.kind is PeriodKind.HALF:
        return p.half == 1
    return p.kind is PeriodKind.MONTHS and p.months is not None and p.months[0] == 1


def _length(p: Period) -> tuple[str, int] | None:
    if p.kind is PeriodKind.YEAR:
        return ("months", 12)
    if p.kind is PeriodKind.HALF:
        return ("months", 6)
    if p.kind is PeriodKind.MONTHS and p.months is not None:
        return ("months", p.months[1] - p.months[0] + 1)
    if p.kind is PeriodKind.AS_OF:
        return ("stock", 0)
    return None


def comparable(a: Figure, b: Figure) -> bool:
    """Whether a trend word may join ``a`` and ``b`` (see the module text)."""
    kind = series_kind([a, b])
    if kind is None:
        return False
    pa, pb = a.period, b.period
    if kind == "rate":
        if pa.kind is PeriodKind.YEAR and pb.kind is PeriodKind.YEAR:
            return True
        return (
            pa.year is not None and pa.year == pb.year and _from_january(pa) and _from_january(pb)
        )
    la, lb = _length(pa), _length(pb)
    return la is not None and la == lb


def interval(amount: Amount, negative: bool = False) -> tuple[Decimal, Decimal]:
    """The range an amount as written allows, in its base unit (a decline is negative)."""
    v = amount.base_value
    q = amount.qualifier
    if amount.upper_base_value is not None:
        lo, hi = v, amount.upper_base_value
    elif q in (Qualifier.OVER, Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        lo, hi = v, _INF
    elif q in (Qualifier.NEARLY, Qualifier.UP_TO):
        lo, hi = -_INF, v
    else:
        lo, hi = v, v
    return (-hi, -lo) if negative else (lo, hi)


def value_interval(figure: Figure, rate: bool) -> tuple[Decimal, Decimal] | None:
    """The compared value: the growth rate (``rate``) or the amount."""
    if rate and figure.yoy is not None:
        return interval(figure.yoy.amount, figure.yoy.direction is Direction.DOWN)
    if not rate and figure.amount is not None:
        return interval(figure.amount)
    return None


def step(a: Figure, b: Figure) -> Trend | None:
    """UP or DOWN when ``b`` is clearly above or below ``a``; None when unclear."""
    rate = series_kind([a, b]) == "rate"
    ia, ib = value_interval(a, rate), value_interval(b, rate)
    if ia is None or ib is None:
        return None
    if ib[0] > ia[1]:
        return Trend.UP
    if ib[1] < ia[0]:
        return Trend.DOWN
    return None


def same_definition(a: Figure, b: Figure) -> bool:
    """Whether two figures measure alike (module text): a shared source, a shared
    ``series-…`` tag, or two whole years."""
    if {c.source for c in a.sources} & {c.source for c in b.sources}:
        return True
    if {t for t in a.tags if t.startswith("series-")} & set(b.tags):
        return True
    return a.period.kind is PeriodKind.YEAR and b.period.kind is PeriodKind.YEAR


def superseded(figure: Figure, others: Sequence[Figure]) -> bool:
    """Whether a growth rate gives way to a longer result of the same year from another
    source (22.4% for January–May beside 13.7% for the first half of another article):
    the body tells the longer one; Table 1 or the annex keeps the shorter. Estimates
    supersede nothing (the reader wants the last actual beside the estimate)."""
    p = figure.period
    if figure.yoy is None or figure.status is not Status.ACTUAL or not _from_january(p):
        return False
    length = _length(p)
    for other in others:
        q = other.period
        longer = _length(q)
        if (
            other.status is Status.ACTUAL
            and other.yoy is not None
            and q.year == p.year
            and _from_january(q)
            and length is not None
            and longer is not None
            and longer[1] > length[1]
            and not same_definition(figure, other)
        ):
            return True
    return False


def trend(figures: Sequence[Figure]) -> Trend | None:
    """The direction of a series of results when every step is comparable and agrees."""
    results = [
        f for f in figures if f.status in (Status.ACTUAL, Status.PRELIMINARY, Status.ESTIMATE)
    ]
    if len(results) < 2 or len(results) != len(figures):
        return None
    steps = set()
    for a, b in itertools.pairwise(results):
        if a.period.sort_key == b.period.sort_key:
            return None  # two figures of one period: no movement between them
        if not comparable(a, b) or not same_definition(a, b):
            return None
        steps.add(step(a, b))
    return steps.pop() if len(steps) == 1 and None not in steps else None


def covers(target: Period, outcome: Period) -> bool:
    """Whether ``outcome`` reports the whole period the target is set for."""
    if target.kind is PeriodKind.YEAR:
        if outcome.kind is PeriodKind.YEAR:
            return outcome.year == target.year
        if outcome.kind is PeriodKind.AS_OF and outcome.as_of is not None:
            return outcome.as_of.year == target.year and outcome.as_of.month in (None, 12)
        return False
    return target == outcome


def verdict(target: Figure, outcome: Figure) -> Verdict | None:
    """Met, exceeded or fell short; None when the qualifiers leave it open."""
    rate = series_kind([target, outcome]) == "rate"
    t, o = value_interval(target, rate), value_interval(outcome, rate)
    if t is None or o is None or (target.amount is None and target.yoy is None):
        return None
    written = target.amount if target.amount is not None else target.yoy.amount  # type: ignore[union-attr]
    floor = written.qualifier in (Qualifier.AT_LEAST, Qualifier.OVER, Qualifier.MORE_THAN)
    point = t[0]
    if o[0] >= point:
        return Verdict.MET if floor or (o[0] == point and o[1] == point) else Verdict.EXCEEDED
    if o[1] < point:
        return Verdict.SHORT
    return None


def target_outcome(series: Sequence[Figure]) -> tuple[Figure, list[Figure], Verdict] | None:
    """A target in the series with comparable outcomes, the last covering its period."""
    for target in series:
        if target.status is not Status.TARGET:
            continue
        outcomes = [
            f
            for f in series
            if f.status is Status.ACTUAL
            and series_kind([f, target]) is not None
            and f.period.end_year == target.period.end_year
        ]
        if not outcomes or not covers(target.period, outcomes[-1].period):
            continue
        outcome = outcomes[-1]
        if any(not comparable(o, outcome) for o in outcomes):
            continue
        result = verdict(target, outcome)
        if result is not None:
            return target, outcomes, result
    return None
