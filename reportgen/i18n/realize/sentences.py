"""Sentence plans → sentences in one language (see the plan's kinds in narrative.plan).

Each function returns the sentence as plain text, finished by the grammar (capital,
curly quotes or full-width brackets); the caller escapes it for Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportgen.i18n.realize.clauses import (
    action,
    clause,
    comparisons,
    measure,
    names_a_plan,
    place_result,
    said,
    timeless,
    value,
)
from reportgen.i18n.realize.findings import realize_finding
from reportgen.i18n.realize.steps import (
    en_agent_steps,
    en_rate_level,
    full_year,
    step,
    zh_leading,
    zh_leading_steps,
)
from reportgen.i18n.realize.words import Words, plural_measure
from reportgen.narrative.plan import Finding, Group, Qualitative, Sentence, Series, TargetOutcome
from reportgen.render.view import FigureView


def realize(w: Words, s: Sentence, subject: str) -> str:
    """One sentence; ``subject`` is how the district is referred to here."""
    if isinstance(s, Group):
        text = group(w, s, subject)
    elif isinstance(s, Series):
        text = series(w, s)
    elif isinstance(s, TargetOutcome):
        text = target(w, s)
    elif isinstance(s, Finding):  # an analyst's sentence: reportgen/i18n/realize/findings.py
        text = realize_finding(w, s)
    else:
        text = qualitative(w, s, subject)
    return w.grammar.finish(text)


def _figures(w: Words, ids: Sequence[str]) -> list[FigureView]:
    return [w.context["figure"][i] for i in ids]


def group(w: Words, g: Group, district: str) -> str:
    """Figures sharing subject, period and status, the period said once. Results read
    measure first ('Regional GDP came to … in 2023; …'); plans and targets after a
    period lead-in ('For 2024, the district planned …')."""
    figures = _figures(w, g.figures)
    head = figures[0]
    owner = w.context["entities"].get(g.owner) if g.owner else None
    shown: set[tuple[str, ...]] = set()

    def new_examples(f: FigureView) -> bool:
        key = tuple(e.id for e in f.examples)
        fresh = key not in shown
        shown.add(key)
        return fresh

    if head.status == "target" or (owner is not None and head.status == "actual"):
        # one period for the whole group: a lead-in; several: each clause its own, so a
        # lead-in never governs a clause of another period ('In 2022, … in Jan–May 2023')
        mixed = len({str(f.period) for f in figures}) > 1
        acts = head.status == "actual"  # the owner did it: verbs of its own (clauses.py)
        verbs = acts and not w.zh and w.variant("group.owner", "group.owner.acts")
        verbs = verbs and any(action(w, f) is not None for f in figures)
        parts, first_rate = [], True
        for f in figures:
            text = clause(w, f, first_rate, new_examples(f), acts and (w.zh or verbs))
            if verbs and action(w, f) is None:
                text = w.p("clause.had", clause=text)  # 'had an output value of …'
            if mixed and f.period.stated and not timeless(f):
                text = w.p("clause.at", clause=text, at=w.at(f.period, f.status))
            parts.append(text)
            first_rate = first_rate and f.yoy is None
        subject = w.grammar.the(owner.name) if owner is not None else district
        dated = head.period.stated and not mixed and not timeless(head)
        lead = w.lead(head.period, head.status) if dated else ""
        at = w.at(head.period, head.status) if dated else ""
        clauses = w.grammar.clauses(parts)
        name = "group.target" if not acts else "group.owner.acts" if verbs else "group.owner"
        # English: the period after the clauses ('… signed 12 projects in H1 2023'), unless
        # the last clause ends with examples: then before ('In H1 2023, … including A and B')
        tail = f" {at}" if acts and at and not figures[-1].examples and not w.zh else ""
        lead = "" if tail else lead
        if w.zh and acts:  # who, then when: '天岳先进截至2023年5月…', '济南二机床2023年1—5月…'
            lead = ""  # (a date lead-in on every owner's sentence would open a run of them)
        return w.p(name, lead=lead, at=at, tail=tail, subject=subject, clauses=clauses)
    owner_name = w.grammar.the(owner.name) if owner is not None else None
    parts = []
    for i, f in enumerate(figures):
        if i == 0 or f.period != figures[i - 1].period:
            status = "actual" if names_a_plan(f.measure) else f.status
            at = w.at(f.period, status) if f.period.stated and not timeless(f) else ""
        else:
            at = ""
        shared = i > 0 and place_result(figures[i - 1]) and owner is None
        parts.append(said(w, f, at, i == 0, owner_name, new_examples(f), shared))
    return w.p("said.sentence", clauses=w.grammar.clauses(parts))


def series(w: Words, s: Series) -> str:
    """Values of one measure across periods, with a trend word only when one holds."""
    figures = _figures(w, s.figures)
    counts = all(f.amount is not None and f.amount.unit.is_count for f in figures)
    keys = [(str(f.period), f.status) for f in figures]
    kind = "rate" if s.rate else ("count" if counts and s.trend is None else "level")
    name = f"series.{kind}" + (f".{s.trend.value}" if s.trend else "")
    if s.trend is None and len(set(keys)) == len(keys):  # said from the first period
        told = zh_leading(w, figures, s.rate) if w.variant(name, "series.lead") else None
        if counts and w.variant(name, "series.count.agent"):
            told = told or en_agent_steps(w, figures)
        if s.rate and w.variant(name, "series.rate.level"):
            told = told or en_rate_level(w, figures)
        if told:
            return told
    steps = [
        step(w, f, i == 0, s.rate, counts, keys.count(keys[i]) > 1, full_year(figures, i))
        for i, f in enumerate(figures)
    ]
    joiner = w.p("steps.join.trend")
    text = w.grammar.steps(steps, s.trend is not None, joiner)
    be = "were" if plural_measure(figures[0].measure) else "was"
    return w.p(name, measure=measure(w, figures[0]), steps=text, be=be)  # one name: the first


def target(w: Words, t: TargetOutcome) -> str:
    """Outcomes of a measure, then whether they met the target for the same period."""
    outcomes = _figures(w, t.outcomes)
    goal = w.context["figure"][t.target]
    counts = all(f.amount is not None and f.amount.unit.is_count for f in outcomes)
    steps = [step(w, f, i == 0, f.amount is None, counts) for i, f in enumerate(outcomes)]
    name = f"target.{t.verdict.value}"
    lead = zh_leading_steps(w, outcomes, outcomes[0].amount is None, reached=True)
    lead = lead if w.variant(name, f"{name}.lead") else None
    return w.p(
        name + (".lead" if lead else ""),
        measure=measure(w, outcomes[-1]),
        steps=lead or w.grammar.steps(steps, False, ""),
        period=w.fmt.period(goal.period, "prose", "target"),
        target=_target_value(w, goal, counts),
    )


def _target_value(w: Words, goal: FigureView, counts: bool) -> str:
    """The target as set: its amount, and any growth, gap or rank it states (in brackets)."""
    if goal.amount is None:
        return value(w, goal)
    extras = [w.fmt.change(goal.yoy, "prose", "target")] if goal.yoy is not None else []
    extras += comparisons(w, goal, with_change=False)
    shown = value(w, goal, bare_count=counts)
    if not extras:
        return shown
    return w.p("target.extra", value=shown, extra=("，" if w.zh else ", ").join(extras))


def qualitative(w: Words, q: Qualitative, subject: str) -> str:
    """Statements, events, policies or people as one sentence."""
    if q.kind == "statement":
        return statements(w, [_by_id(w, "statements", i) for i in q.ids], subject)
    if q.kind == "event":
        return events(w, [_by_id(w, "events", i) for i in q.ids])
    if q.kind == "policies":
        return policies(w, [_by_id(w, "policies", i) for i in q.ids], subject)
    if q.kind == "said":
        return said_theme(w, _by_id(w, "statements", q.ids[0]), q.ids[1:])
    people = [_by_id(w, "people", i) for i in q.ids]
    named = [w.p("person", name=p.name, title=p.title) for p in people]
    name = "people.one" if len(named) == 1 else "people"
    return w.p(name, people=w.grammar.join(named))


def said_theme(w: Words, theme: Any, speakers: Sequence[str]) -> str:
    """The next year's theme in its speakers' words: 'Liu Jingtao, Mayor of …, named
    2024 the district’s “…”.' / '……区长刘敬涛表示，2024年，全区将大力实施“……”。'"""
    people = [_by_id(w, "people", i) for i in speakers]
    named = w.grammar.join([w.p("person.said", name=p.name, title=p.title) for p in people])
    short = w.p("refer.short", place=w.fmt.place(w.context.get("place_kind", "district")))
    period = w.period(theme.period) if theme.period is not None else ""
    text = _quoted(w, theme.text.removeprefix("the "))
    return w.p("statement.theme.said", people=named, subject=short, period=period, text=text)


def _by_id(w: Words, key: str, ident: str) -> Any:
    return next(v for v in w.context[key] if v.id == ident)


def statements(w: Words, items: Sequence[Any], subject: str) -> str:
    """A statement's own sentence, or its kind's frame with the subject said once."""
    texts: list[str] = []
    frames: list[str] = []
    for s in items:
        if s.sentence:
            texts.append(s.sentence)
        elif s.kind == "theme":
            period = w.period(s.period) if s.period is not None else ""
            text = _quoted(w, s.text.removeprefix("the "))
            short = w.p("refer.short", place=w.fmt.place(w.context.get("place_kind", "district")))
            texts.append(w.p("statement.theme", subject=short, period=period, text=text))
        elif s.kind == "assessment":
            texts.append(s.text)
        else:
            text = _quoted(w, s.text) if s.kind == "positioning" else s.text
            frames.append(w.p(f"statement.{s.kind}", text=text))
    if frames:
        sep = "，" if w.zh else None
        joined = sep.join(frames) if sep else w.grammar.join(frames)
        texts.insert(0, w.p("statement.sentence", subject=subject, clauses=joined))
    return w.grammar.space.join(_end(w, t) for t in texts)


def events(w: Words, items: Sequence[Any]) -> str:
    """Milestones: an event's own text, or 'A and B started construction' from its stage."""
    if items[0].text:
        return _end(w, items[0].text)
    first = items[0]
    names = [w.grammar.the(s.name) for e in items for s in e.subjects]
    many = len(names) > 1
    lead = w.lead(first.period, first.status) if first.period is not None else ""
    place = w.p("refer.short", place=w.fmt.place(w.context.get("place_kind", "district")))
    if first.status in ("plan", "target"):
        stage = w.p(f"event.plan.{first.stage}", place=place)
        be = "are" if many else "is"
        return w.p("event.plan", lead=lead, subjects=w.grammar.join(names), be=be, stage=stage)
    stage = w.p(f"event.{'many' if many else 'one'}.{first.stage}", place=place)
    dated = first.period is not None and first.period.stated
    at = w.at(first.period, first.status) if first.period is not None and dated else ""
    subjects = w.grammar.join(names)
    dated_form = w.variant("event.sentence", "event.sentence.dated")
    if at and dated_form and first.period is not None and first.period.kind.value != "as_of":
        return w.p("event.sentence.dated", at=at, subjects=subjects, stage=stage)
    tail = " " + at if at else ""
    return w.p("event.sentence", lead=lead, tail=tail, subjects=subjects, stage=stage)


def policies(w: Words, items: Sequence[Any], subject: str) -> str:
    """The section's policies and programmes, by name, in one sentence that opens with
    the first of them ('… are among the measures in place' / '……等举措扎实推进')."""
    name = "policies.one" if len(items) == 1 else "policies"
    names = w.grammar.join([w.grammar.the(p.name) for p in items])
    return w.p(name, subject=subject, names=names)


def _quoted(w: Words, text: str) -> str:
    """A slogan in quotation marks unless it has its own."""
    if any(q in text for q in '“"‘'):
        return text
    return f"“{text}”"


def _end(w: Words, text: str) -> str:
    text = text.strip()
    if w.zh:
        return text if text.endswith(("。", "！", "？", "”")) else text + "。"
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."
