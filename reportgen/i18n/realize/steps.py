"""The values of a series, each with its period: 'grew 13.7 percent in the first half of
2023 and around 12 percent for the full year (estimate)' / '同比增长13.7%，全年预计增长12%左右'.

A year that follows a part of the same year is 全年 / 'the full year'. Chinese results and
counts open with their first period and take verbs (verbs.py): '2023年上半年，全区实现
一般公共预算收入28.4亿元，同比增长16.4%，全年达56.7亿元', '2023年上半年，签约落地项目
88个，全年145个'. An English count whose measure has its agent's verb says the place
did it: 'The district held more than 20 investment promotion events in the first half
of 2023 and 49 for the full year.'
"""

from __future__ import annotations

from collections.abc import Sequence

from reportgen.facts.periods import PeriodKind
from reportgen.i18n.realize.clauses import comparisons, size_of, value
from reportgen.i18n.realize.verbs import ZH_VERB_MARKERS, agentive, zh_result, zh_verb, zh_verbal
from reportgen.i18n.realize.words import Words
from reportgen.render.view import FigureView

#: Statuses whose values are said as outcomes (not plans or targets).
_OUTCOMES = ("actual", "preliminary", "estimate")


def full_year(figures: Sequence[FigureView], i: int) -> bool:
    """Whether value ``i`` is the whole year of which the value before it was a part
    (January–May or the first half, then the year): said 全年 / 'for the full year'."""
    if i == 0:
        return False
    f, before = figures[i], figures[i - 1]
    part = before.period.kind in (PeriodKind.HALF, PeriodKind.MONTHS)
    return (
        part
        and f.period.kind is PeriodKind.YEAR
        and f.period.year == before.period.year
        and f.status in _OUTCOMES
        and before.status in _OUTCOMES
    )


def _at(w: Words, f: FigureView, whole: bool) -> str:
    return w.p("at.full_year") if whole else w.at(f.period, f.status)


def step(
    w: Words,
    f: FigureView,
    first: bool,
    rate: bool,
    bare_count: bool,
    twin: bool = False,
    whole: bool = False,
) -> str:
    """One value of a series with its period and, in brackets, the rest: a level beside a
    growth rate, rank, gap, 'estimate'; ``twin`` (another value of the series has the same
    period and status) adds when it was reported, so the two can be told apart; ``whole``
    says the period as the full year (:func:`full_year`)."""
    extras = _extras_of(w, f, twin)
    if rate and f.amount is not None:
        extras.insert(0, value(w, f))
    if f.status == "estimate" and not (w.zh and rate):
        extras.append(w.p("step.estimate"))
    at = _at(w, f, whole)
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


def _extras_of(w: Words, f: FigureView, twin: bool) -> list[str]:
    extras = comparisons(w, f, with_change=False)
    if twin:
        earliest = min(s.date for s in f.sources)
        extras.append(w.p("step.reported", date=w.fmt.date(earliest)))
    return extras


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


# --- series said from their first period (Chinese) or by their agent (English) ------------------


def zh_leading(w: Words, figures: Sequence[FigureView], rate: bool) -> str | None:
    """A Chinese series of outcomes opened by its first period, each value with a verb:
    '2023年上半年，全区实现地区生产总值365.5亿元，同比增长6.4%；全年预计增长6.2%左右'.
    None when a value is a plan or target, or a rate series has no level to lead with."""
    steps = zh_leading_steps(w, figures, rate)
    return None if steps is None else w.p("series.lead", steps=steps)


def zh_leading_steps(
    w: Words, figures: Sequence[FigureView], rate: bool, reached: bool = False
) -> str | None:
    """The steps of :func:`zh_leading` ('截至2023年6月，园区累计入驻企业达86家，2023年末达
    93家'); ``reached``: outcomes set against a target, so a size reads 达, not 为."""
    if not w.zh or any(f.status not in _OUTCOMES for f in figures):
        return None
    head = figures[0]
    split = zh_result(head.measure) if head.amount is not None else None
    if rate and split is None:
        return None  # '地区生产总值同比增长…' has its verb already
    parts = []
    for i, f in enumerate(figures):
        at = _at(w, f, full_year(figures, i))
        extras = _extras_of(w, f, False)
        if rate and i > 0:
            shown = _zh_rate(w, f, False)
        else:
            shown = _zh_verb_value(w, f, split is not None and i > 0, reached)
        if i == 0 and split is not None:
            text = w.p(
                "step.result",
                at=at,
                who=split[0] or _place(w),
                verb=split[2],
                measure=split[1],
                value=shown,
            )
        elif i == 0:
            text = w.p("step.lead", at=at, measure=head.measure, value=shown)
        else:
            text = w.p("step.next", at=at, value=shown)
        parts.append(text + (f"（{_extras(w, extras)}）" if extras else ""))
    return ("；" if rate else "，").join(parts)


def _zh_verb_value(w: Words, f: FigureView, after_result: bool, reached: bool = False) -> str:
    """'达23家', '为1亿元', '88个' (the measure has its verb), '实现…' is the caller's;
    with the growth rate after it: '28.4亿元，同比增长16.4%'."""
    assert f.amount is not None
    amount = w.fmt.amount(f.amount)
    if f.status == "estimate":
        verb = "预计为"
    elif after_result:
        verb = "" if amount.startswith(ZH_VERB_MARKERS) else "达"
    elif zh_result(f.measure) is not None:
        verb = ""  # the caller says 实现
    elif zh_verbal(f.measure):
        verb = ""
    else:
        size = size_of(f) and not reached
        verb = zh_verb(amount, f.measure, size, f.amount.value <= 0)
    text = verb + amount
    if f.yoy is not None:
        text += "，" + w.fmt.change(f.yoy)
    return text


def en_rate_level(w: Words, figures: Sequence[FigureView]) -> str | None:
    """An English growth series whose first value has a level, the level said first, not
    in brackets: 'Regional GDP reached 36.55 billion yuan in the first half of 2023, up 6.4
    percent year on year, and grew around 6.2 percent for the full year (estimate).'"""
    head = figures[0]
    if w.zh or head.amount is None or head.yoy is None or head.status != "actual":
        return None
    if any(f.status not in _OUTCOMES for f in figures):
        return None
    first = w.p("step.level", value=value(w, head), at=w.at(head.period, head.status))
    first = ", ".join([first, w.fmt.change(head.yoy), *_extras_of(w, head, False)])
    rest = [step(w, f, False, True, False, False, full_year(figures, i + 1))
            for i, f in enumerate(figures[1:])]  # fmt: skip
    measure = w.grammar.the(head.measure, mass_ok=True)
    return w.p("series.rate.level", measure=measure, first=first, steps=w.grammar.join(rest))


def en_agent_steps(w: Words, figures: Sequence[FigureView]) -> str | None:
    """'The district held more than 20 investment promotion events in the first half of
    2023 and 49 for the full year': a count series whose measure has its agent's verb."""
    if w.zh or any(f.status != "actual" or f.owner is not None for f in figures):
        return None
    if any(f.amount is None or not f.amount.unit.is_count for f in figures):
        return None
    stock = any(f.period.kind is PeriodKind.AS_OF for f in figures)
    split = agentive(figures[0].measure, stock)
    if split is None or split.place:
        return None
    steps = []
    for i, f in enumerate(figures):
        number = value(w, f, bare_count=True)
        shown = f"{number} {split.nouns}{split.rest}" if i == 0 else number
        steps.append(w.p("step", value=shown, at=_at(w, f, full_year(figures, i))))
    verb = f"had {split.verb}" if stock else split.verb
    return w.p("series.count.agent", place=_place(w), verb=verb, steps=w.grammar.join(steps))


def _place(w: Words) -> str:
    """The place by its kind: 全区 / 'the district'."""
    return w.p("refer.short", place=w.fmt.place(w.context.get("place_kind", "district")))
