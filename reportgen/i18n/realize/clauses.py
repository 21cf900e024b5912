"""One figure as words: a clause of a group sentence, or a step of a series.

Every number comes from the formatter as the figure states it; nothing is computed.
Chinese: ``{measure}{amount}`` (the amount as the source writes it, its measure word
after the number, never repeated), then ``，同比增长…``. English: a count whose measure
names plural things reads ``49 investment promotion events held``; another amount
``regional GDP of 36.55 billion yuan``; a growth rate alone ``growth of 20.5 percent
in fixed-asset investment``; comparisons follow after commas.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportgen.i18n.realize.words import Words, plural_measure
from reportgen.render.view import FigureView

#: Chinese amounts that open with a verb-like marker take no 为 before them (为突破… reads wrong).
_ZH_VERBS = ("突破", "超", "逾", "不到", "不足", "近", "约", "达")


def timeless(f: FigureView) -> bool:
    """A distance or an area 'as of' a bare year: a lasting fact, said without a date
    (the year is the article's, not the fact's: no 'as of 2023' on a 3 km distance)."""
    p = f.period
    if p.kind.value != "as_of" or p.as_of is None or p.as_of.month is not None:
        return False
    return f.amount is not None and f.amount.unit.dimension.value in ("length", "area")


def names_a_plan(text: str) -> bool:
    """Whether a measure already says it is planned ('planned area', 规划面积)."""
    return any(word in text.lower() for word in ("plan", "规划", "计划"))


def measure(w: Words, f: FigureView) -> str:
    """The measure as the data names it (the grammar capitalizes a sentence's start)."""
    return f.measure


def value(w: Words, f: FigureView, bare_count: bool = False) -> str:
    """The figure's amount (or growth rate) as a value: '86', '22.41 billion yuan', '22.4%'."""
    if f.amount is None:
        assert f.yoy is not None
        return w.fmt.amount(f.yoy.amount)
    if w.zh:
        return w.fmt.amount(f.amount)
    if f.amount.unit.is_count and bare_count:
        return w.fmt.amount(f.amount, "table")
    if f.amount.unit.is_count and f.item is not None:
        return w.fmt.amount(f.amount, "prose", f.item)  # type: ignore[arg-type]  # a NounView reads alike
    return w.fmt.amount(f.amount)


def comparisons(w: Words, f: FigureView, with_change: bool = True) -> list[str]:
    """Year-on-year change (when the amount leads), gap to the city and rank, as phrases."""
    found = []
    if with_change and f.yoy is not None and f.amount is not None:
        found.append(w.fmt.change(f.yoy))
    if f.vs_city is not None:
        found.append(w.fmt.gap(f.vs_city))
    if f.rank is not None:
        found.append(w.fmt.rank(f.rank))
    return found


def clause(w: Words, f: FigureView, first_rate: bool, examples: bool = True) -> str:
    """The figure as a clause of a group sentence (subject and period said by the group)."""
    m = measure(w, f)
    if f.amount is None:
        assert f.yoy is not None
        direction = f.yoy.direction.value
        name = f"clause.rate.{direction}" + (".first" if first_rate else "")
        text = w.p(name, measure=m, rate=w.fmt.amount(f.yoy.amount), change=w.fmt.change(f.yoy))
    elif not w.zh and f.amount.unit.is_count and plural_measure(m):
        text = w.p("clause.count", number=value(w, f, bare_count=True), measure=m)
    else:
        text = w.p("clause.amount", measure=w.grammar.a(m), amount=value(w, f))
    for extra in comparisons(w, f):
        text = w.p("clause.change", clause=text, change=extra)
    if examples and f.examples:
        text = _examples(w, f, text)
    return text


def said(
    w: Words, f: FigureView, at: str, first: bool, owner: str | None = None, examples: bool = True
) -> str:
    """The figure as a clause with its measure as the subject: 'Regional GDP came to …
    in 2023, up …' / '地区生产总值2023年上半年365.5亿元，同比增长6.4%'. ``at`` is the period
    (said in the first clause only); ``owner`` names whose measure it is."""
    m = measure(w, f)
    if owner is not None:
        m = w.p("said.owner" if first else "said.its", owner=owner, measure=m)
    elif not w.zh and m[:1].islower() and (" of " in m or not plural_measure(m)):
        m = w.grammar.the(m, mass_ok=True)
    verb_first = f.amount is not None and w.fmt.amount(f.amount).startswith(_ZH_VERBS)
    plain_at = f.amount is None or f.status == "estimate" or verb_first
    plain_at = plain_at or (f.status == "plan" and not names_a_plan(f.measure))
    where = w.p("said.at" if plain_at else "said.at.amount", at=at) if at else ""
    estimate = ".estimate" if f.status == "estimate" else ""
    if f.amount is None:
        assert f.yoy is not None
        state = "estimate" if estimate else None
        rate = w.fmt.amount(f.yoy.amount)
        name = f"said.rate.{f.yoy.direction.value}{estimate}"
        text = w.p(name, measure=m, rate=rate, at=where, change=w.fmt.change(f.yoy, "prose", state))
    else:
        unit = f.amount.unit
        as_of = f.period.kind.value == "as_of"
        if estimate:
            kind = "estimate"
        elif f.status == "plan" and as_of and not names_a_plan(f.measure):
            kind = "planned"
        elif f.status == "target" and not unit.is_count:
            kind = "target"
        elif unit.is_count or (as_of and _people(w, f)):
            kind = "count"  # people: 'New urban jobs totaled more than 8,300 as of May 2023'
        elif unit.base == "%":
            kind = "share"
        elif as_of or f.status in ("plan", "target"):
            kind = "stock"
        else:
            kind = "flow"
        amount = value(w, f, bare_count=kind == "count")
        if kind == "count" and not unit.is_count:
            amount = w.fmt.amount(f.amount, "table")  # the measure names the people
        if kind == "count" and not w.zh:
            # a stock is the place's: 'The district had 348 high-tech enterprises as of
            # December 2023'; a count over a period, an owner's count or a measure that
            # is no plural noun: 'Projects signed and landed totaled 145 in 2023'
            if as_of and owner is None and unit.is_count and plural_measure(f.measure):
                m = f.measure[:1].lower() + f.measure[1:] if f.measure[1:2].islower() else m
                kind = "count" if first else "count.next"  # the place said once
            else:
                kind = "count.flow"
        place = w.p("refer.short", place=w.fmt.place(w.context.get("place_kind", "district")))
        be = "were" if plural_measure(f.measure) else "was"
        text = w.p(f"said.{kind}", measure=m, amount=amount, at=where, place=place, be=be)
    for extra in comparisons(w, f):
        text = w.p("clause.change", clause=text, change=extra)
    if examples and f.examples:
        text = _examples(w, f, text)
    return text


def _people(w: Words, f: FigureView) -> bool:
    """An English count of people whose measure names them ('new urban jobs')."""
    amount = f.amount
    return (
        not w.zh
        and amount is not None
        and amount.unit.dimension.value == "people"
        and plural_measure(f.measure)
    )


def _examples(w: Words, f: FigureView, text: str) -> str:
    """'…, including A and B' / '…，包括A、B等'; '…，即A、B' when they are the whole count."""
    names = w.grammar.join([w.grammar.the(e.name) for e in f.examples])
    whole = f.amount is not None and f.amount.qualifier.value == "exact"
    whole = whole and f.amount is not None and f.amount.value == len(f.examples)
    name = "clause.examples.all" if whole and w.zh else "clause.examples"
    if f.amount is not None and not f.amount.unit.is_count:
        name = "clause.examples.amount"  # funds for projects, not projects counted
    return w.p(name, clause=text, names=names)


def step(
    w: Words, f: FigureView, first: bool, rate: bool, bare_count: bool, twin: bool = False
) -> str:
    """One value of a series with its period and, in brackets, the rest: a level beside a
    growth rate, rank, gap, 'estimate'; ``twin`` (another value of the series has the same
    period and status) adds when it was reported, so the two can be told apart."""
    extras = comparisons(w, f, with_change=False)
    if twin:
        earliest = min(s.date for s in f.sources)
        extras.append(w.p("step.reported", date=w.fmt.date(earliest)))
    if rate and f.amount is not None:
        extras.insert(0, value(w, f))
    if f.status == "estimate" and not (w.zh and rate):
        extras.append(w.p("step.estimate"))
    at = w.at(f.period, f.status)
    if w.zh:
        shown = _zh_rate(w, f, first) if rate else _zh_level(w, f)
    elif rate:
        assert f.yoy is not None
        shown = w.fmt.amount(f.yoy.amount)
    else:
        shown = value(w, f, bare_count)
        if f.yoy is not None:
            shown = f"{shown}, {w.fmt.change(f.yoy)}"
    if extras:
        return w.p("step.extra", value=shown, at=at, extra=_extras(w, extras))
    return w.p("step", value=shown, at=at)


def _extras(w: Words, extras: Sequence[str]) -> str:
    return "，".join(extras) if w.zh else ", ".join(extras)


def _zh_rate(w: Words, f: FigureView, first: bool) -> str:
    """'同比增长22.4%' first, then '增长13.7%'; '预计增长…' for an estimate."""
    assert f.yoy is not None
    if f.status == "estimate":
        return w.fmt.change(f.yoy, "prose", "estimate")
    text = w.fmt.change(f.yoy)
    return text if first else text.removeprefix("同比")


def _zh_level(w: Words, f: FigureView) -> str:
    """'为86家' after a date, the amount alone after a year; '，同比增长…' when stated."""
    assert f.amount is not None
    text = w.fmt.amount(f.amount)
    if f.period.kind.value == "as_of":
        text = "为" + text
    if f.yoy is not None:
        text += "，" + w.fmt.change(f.yoy)
    return text
