"""One figure as words: a clause of a group sentence, or a step of a series.

Every number comes from the formatter as the figure states it; nothing is computed.
Chinese: ``{measure}{amount}`` (the amount as the source writes it, its measure word
after the number, never repeated), then ``，同比增长…``. English: a count whose measure
names plural things reads ``49 investment promotion events held``; another amount
``regional GDP of 36.55 billion yuan``; a growth rate alone ``growth of 20.5 percent
in fixed-asset investment``; comparisons follow after commas.
"""

from __future__ import annotations

from reportgen.i18n.realize.verbs import (
    ZH_VERB_MARKERS,
    agentive,
    en_verb,
    zh_result,
    zh_verb,
    zh_verbal,
)
from reportgen.i18n.realize.words import Words, plural_measure
from reportgen.render.view import FigureView


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


def clause(
    w: Words, f: FigureView, first_rate: bool, examples: bool = True, acts: bool = False
) -> str:
    """The figure as a clause of a group sentence (subject and period said by the group).
    ``acts``: the group's subject did it (an owner's results), so a Chinese clause takes
    its verb ('实现产值35.1亿元', '配套企业达23家') and an English count its agent's verb
    when its measure has one ('attracted 23 suppliers to Huaiyin'; see :func:`action`)."""
    m = measure(w, f)
    if f.amount is None:
        assert f.yoy is not None
        direction = f.yoy.direction.value
        name = f"clause.rate.{direction}" + (".first" if first_rate else "")
        text = w.p(name, measure=m, rate=w.fmt.amount(f.yoy.amount), change=w.fmt.change(f.yoy))
    elif acts and (done := action(w, f)) is not None:
        text = done
    elif acts and w.zh:
        amount = value(w, f)
        split = zh_result(m)
        if split is not None and not amount.startswith(ZH_VERB_MARKERS):
            who, what, verb = split
            text = w.p("clause.result", who=who, verb=verb, measure=what, amount=amount)
        else:
            verbal = zh_verbal(m)
            verb = "" if verbal else zh_verb(amount, m, size_of(f), _negative(f) or _falling(f))
            text = w.p("clause.owned", measure=m, verb=verb, amount=amount)
    elif not w.zh and f.amount.unit.is_count and plural_measure(m):
        text = w.p("clause.count", number=value(w, f, bare_count=True), measure=m)
    else:
        text = w.p("clause.amount", measure=w.grammar.a(m), amount=value(w, f))
    for extra in comparisons(w, f):
        text = w.p("clause.change", clause=text, change=extra)
    if examples and f.examples:
        text = _examples(w, f, text)
    return text


def action(w: Words, f: FigureView) -> str | None:
    """An English count said with its agent's verb, or None: 'signed 12 semiconductor
    projects', 'had attracted 23 suppliers to Huaiyin' (as of a date), 'was home to 11
    projects' (things located there)."""
    if w.zh or f.amount is None or not f.amount.unit.is_count or f.status != "actual":
        return None
    stock = f.period.kind.value == "as_of"
    split = agentive(f.measure, stock)
    if split is None:
        return None
    return split.say(value(w, f, bare_count=True), stock)


def size_of(f: FigureView) -> bool:
    """A size as of a date (a fund, a project's total investment, an area), which 达
    would misread as an amount reached; not a count nor a share."""
    amount = f.amount
    if amount is None or amount.unit.is_count or amount.unit.base == "%":
        return False
    return f.period.kind.value == "as_of"


def _negative(f: FigureView) -> bool:
    return f.amount is not None and f.amount.value <= 0


def _falling(f: FigureView) -> bool:
    """Whether the figure fell year on year (its level then 'stands at', never 'reaches')."""
    return f.yoy is not None and f.yoy.direction.value == "down"


def said(
    w: Words,
    f: FigureView,
    at: str,
    first: bool,
    owner: str | None = None,
    examples: bool = True,
    shared: bool = False,
) -> str:
    """The figure as a clause with its measure as the subject, the period first in
    Chinese: 'Regional GDP reached … in 2023, up …' / '2023年上半年，全区实现地区生产总值
    365.5亿元，同比增长6.4%'. ``at`` is the period (said in the first clause of a period
    only); ``owner`` names whose measure it is; ``shared``: the clause before said the
    place's result, so '全区' carries over ('全区实现…；实现…'). Verbs: verbs.py."""
    m = measure(w, f)
    if owner is not None:
        m = w.p("said.owner" if first else "said.its", owner=owner, measure=m)
    elif not w.zh and m[:1].islower() and (" of " in m or not plural_measure(m)):
        m = w.grammar.the(m, mass_ok=True)
    where = w.p("said.at", at=at) if at else ""
    if f.amount is None:  # a growth rate: its verb is its own ('进出口总额2023年同比增长…')
        assert f.yoy is not None
        estimate = ".estimate" if f.status == "estimate" else ""
        state = "estimate" if estimate else None
        rate = w.fmt.amount(f.yoy.amount)
        name = f"said.rate.{f.yoy.direction.value}{estimate}"
        where = w.p("said.at.rate", at=at) if at else ""
        text = w.p(name, measure=m, rate=rate, at=where, change=w.fmt.change(f.yoy, "prose", state))
    elif w.zh:
        text = _zh_said(w, f, m, at, first or not shared, owner)
    else:
        text = _en_said(w, f, m, where, first, owner)
    for extra in comparisons(w, f):
        text = w.p("clause.change", clause=text, change=extra)
    if examples and f.examples:
        text = _examples(w, f, text)
    return text


def place_result(f: FigureView) -> bool:
    """Whether a figure is said as the place's result ('全区实现地区生产总值…')."""
    split = zh_result(f.measure)
    outcome = f.status in ("actual", "preliminary") and f.period.kind.value != "as_of"
    return f.amount is not None and outcome and split is not None and not split[0]


def _kind(w: Words, f: FigureView) -> str:
    """What an amount is: estimate, planned, target, count, share, stock or flow."""
    assert f.amount is not None
    unit, as_of = f.amount.unit, f.period.kind.value == "as_of"
    if f.status == "estimate":
        return "estimate"
    if f.status == "plan" and as_of and not names_a_plan(f.measure):
        return "planned"
    if f.status == "target" and not unit.is_count:
        return "target"
    if unit.is_count or _people(w, f):
        return "count"  # people: 'New urban jobs numbered more than 8,300 in Jan–May 2023'
    if unit.base == "%":
        return "share"
    return "stock" if as_of or f.status in ("plan", "target") else "flow"


def _place(w: Words) -> str:
    return w.p("refer.short", place=w.fmt.place(w.context.get("place_kind", "district")))


def _zh_said(w: Words, f: FigureView, m: str, at: str, say_who: bool, owner: str | None) -> str:
    """'全区2023年实现地区生产总值236.8亿元' (who achieved it, then when), '截至2023年5月，
    配套企业达23家', '2023年，产业扶持资金为1亿元' (when, then what: no label between a
    period and a number); a plan, target or estimate with its own word."""
    where = w.p("said.at", at=at) if at else ""
    kind, amount = _kind(w, f), value(w, f)
    if f.status == "plan":  # '2024年，重大产业项目计划113个': a plan never 达
        at = w.p("said.at", at=w.at(f.period, "actual")) if where else ""
        verb = "为" if names_a_plan(f.measure) else "计划"
        return w.p("said.planned", measure=m, verb=verb, amount=amount, at=at)
    if kind in ("estimate", "target"):
        return w.p(f"said.{kind}", measure=m, amount=amount, at=where)
    result = kind == "flow" and owner is None and w.variant(f"said.{kind}", "said.result")
    split = zh_result(f.measure) if result else None
    if split is not None and f.status in ("actual", "preliminary"):
        who = split[0] or (_place(w) if say_who else "")
        return w.p("said.result", who=who, verb=split[2], measure=split[1], amount=amount, at=at)
    verb = (
        ""
        if zh_verbal(f.measure)
        else zh_verb(amount, f.measure, size_of(f), _negative(f) or _falling(f))
    )
    return w.p(f"said.{kind}", measure=m, verb=verb, amount=amount, at=where)


def _en_said(w: Words, f: FigureView, m: str, where: str, first: bool, owner: str | None) -> str:
    """'The district held more than 20 investment promotion events in H1 2023', 'The
    district had 348 high-tech enterprises at the end of 2023', 'Projects signed
    numbered 145 in 2023', 'Funds paid out came to …', 'The fund stood at …'."""
    assert f.amount is not None
    kind, unit, as_of = _kind(w, f), f.amount.unit, f.period.kind.value == "as_of"
    plural = plural_measure(f.measure)
    amount = value(w, f, bare_count=kind == "count")
    if (kind == "count" and not unit.is_count) or _unit_named(w, f, amount):
        amount = w.fmt.amount(f.amount, "table")  # the measure names the people, the visits
    place = _place(w)
    if (
        kind == "count"
        and f.status == "plan"
        and plural
        and w.variant("said.count.flow", "said.count.plan")
    ):
        plan = w.p("said.plan", period=w.period(f.period, "plan")) if where else ""
        return w.p("said.count.plan", plan=plan, amount=amount, measure=f.measure)
    if kind == "count":
        agent = owner is None and first and w.variant("said.count.flow", "said.count.agent")
        done = action(w, f) if agent else None
        if done is not None:
            return w.p("said.count.agent", place=place, action=done, at=where)
        # a stock is the place's: 'The district had 348 high-tech enterprises …'
        if as_of and owner is None and unit.is_count and plural:
            m = f.measure[:1].lower() + f.measure[1:] if f.measure[1:2].islower() else m
            kind = "count" if first else "count.next"  # the place said once
        else:
            kind = "count.flow"
    be = "were" if plural else "was"
    verb = en_verb("count" if kind.startswith("count") else kind, plural)
    verb = be if f.status in ("plan", "target") else verb  # a plan is, it reaches nothing
    if verb == "reached" and _falling(f):
        verb = "stood at"  # a level that fell 'reached' nothing
    return w.p(f"said.{kind}", measure=m, amount=amount, at=where, place=place, be=be, verb=verb)


def _unit_named(w: Words, f: FigureView, amount: str) -> bool:
    """Whether the English measure names the amount's unit ('Visits received …' of
    '509,100 visits'), so the number is said without it."""
    unit = amount.rsplit(" ", 1)[-1].lower()
    return unit.isalpha() and f.measure.split(" ", 1)[0].lower() == unit


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
