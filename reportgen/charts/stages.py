"""A programme's stages: its lists of plans, labelled by what they are, and the results beside them.

A programme (the key-project list) is announced in January, revised during the year,
and carried out; the next year has a new list. Told by period and status alone, its
bars read "as of Jan 2023 plan | 2023 plan | 2024 plan", which invites reading a cut.
With ``labels="stage"`` each bar says what it is, from the data alone:

- a plan or target dated *as of January* of year Y is that year's first list
  ("Early 2023 list" / "2023年初安排");
- a plan for the whole year Y, when the chart also shows Y's first list in the same
  dimension (a count beside a count, money beside money), is that list revised only when
  it measures the same thing ("2023 revised list" / "2023年调整后"); when its measure
  differs it is labelled by what its measure adds to the first list's, the words the two
  measures share taken away: "provincial, municipal and district key projects" beside
  "key projects" is the "2023 provincial, municipal and district list" /
  "2023年省市区清单" — the sources never say the one list revised the other;
- any other whole-year plan is the year's plan ("2024 plan" / "2024年安排");
- a result for year Y is named by what it counts, its measure without the counted noun
  ("Started or under construction, 2023" / "2023年开工在建").

``results=`` (:func:`with_outcomes`) adds, beside each plan, the results that count the
same thing (the same ``item``, the same owner) for the plan's year: the 135 key projects
started or under construction beside the 216 planned. Nothing here is language: the
words come from :class:`reportgen.charts.spec.Words`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportgen.errors import TemplateError
from reportgen.facts.periods import PeriodKind
from reportgen.render.environment import capfirst
from reportgen.render.view import FigureView

from .spec import Words

PLANS = ("plan", "target")
RESULTS = ("actual", "preliminary")


def is_first_list(figure: FigureView) -> bool:
    """A plan dated as of January: the list a year starts with."""
    as_of = figure.period.as_of
    return (
        figure.status in PLANS
        and figure.period.kind is PeriodKind.AS_OF
        and as_of is not None
        and as_of.month == 1
    )


def plan_year(figure: FigureView) -> int | None:
    """The year a plan is for: a whole-year plan's year, or the year of a January list."""
    if figure.status not in PLANS:
        return None
    if figure.period.kind is PeriodKind.YEAR:
        return figure.period.year
    if is_first_list(figure):
        assert figure.period.as_of is not None
        return figure.period.as_of.year
    return None


def _dimension(figure: FigureView) -> str | None:
    """The dimension of the figure's unit (count, money …); None without an amount."""
    amount = getattr(figure, "amount", None)
    return None if amount is None else str(amount.unit.dimension.value)


def _tokens(text: str) -> list[str]:
    """Words when the text has spaces (English), else characters (Chinese)."""
    return text.split() if " " in text else list(text)


def added_scope(measure: str, first: str) -> str:
    """What ``measure`` says that ``first`` does not: both measures less the words they
    share at the start and at the end ("" when nothing is added).

    >>> added_scope("provincial, municipal and district key projects", "key projects")
    'provincial, municipal and district'
    >>> added_scope("省市区重点项目总投资", "重点项目总投资"), added_scope("重点项目", "重点项目")
    ('省市区', '')
    """
    mine, theirs = _tokens(measure), _tokens(first)
    start = 0
    while start < min(len(mine), len(theirs)) and mine[start] == theirs[start]:
        start += 1
    end = 0
    while end < min(len(mine), len(theirs)) - start and mine[-1 - end] == theirs[-1 - end]:
        end += 1
    words = mine[start : len(mine) - end]
    joined = " ".join(words) if " " in measure else "".join(words)
    return joined.strip(" ,，、")


def _whole_year_plan(figure: FigureView, firsts: Sequence[FigureView], words: Words) -> str:
    """A whole-year plan's label pattern: revised, scoped by what it adds, or the year's plan."""
    year = plan_year(figure)
    same_year = [f for f in firsts if plan_year(f) == year]
    first = next((f for f in same_year if _dimension(f) == _dimension(figure)), None)
    if first is None:
        return words.planned.format(year=year)
    if first.measure == figure.measure:
        return words.revised.format(year=year)
    scope = added_scope(figure.measure, first.measure)
    return words.scoped.format(year=year, scope=scope) if scope else words.planned.format(year=year)


def _owner(figure: FigureView) -> str | None:
    return None if figure.owner is None else figure.owner.id


def _counts_alike(a: FigureView, b: FigureView) -> bool:
    """Both count the same noun (in every language the data names it) for the same owner."""
    if a.item is None or b.item is None or _owner(a) != _owner(b):
        return False
    return (a.item.zh, a.item.en) == (b.item.zh, b.item.en)


def with_outcomes(figures: Sequence[FigureView], results: Iterable[FigureView]) -> list[FigureView]:
    """``figures`` and, for each plan among them, the whole-year results from ``results``
    that count the same thing for the plan's year; oldest first, a plan before the result
    of the same period."""
    pool = list(results)
    wrong = sorted({type(f).__name__ for f in pool if not isinstance(f, FigureView)})
    if wrong:
        raise TemplateError(f"chart: results= must be figures, got {', '.join(wrong)}")
    chosen = list(figures)
    seen = {f.id for f in chosen}
    for plan in figures:
        year = plan_year(plan)
        if year is None:
            continue
        for result in pool:
            if (
                result.id not in seen
                and result.status in RESULTS
                and result.amount is not None
                and result.period.kind is PeriodKind.YEAR
                and result.period.year == year
                and _counts_alike(result, plan)
            ):
                chosen.append(result)
                seen.add(result.id)
    order = {f.id: n for n, f in enumerate(chosen)}
    return sorted(
        chosen,
        key=lambda f: (f.period.sort_key, f.status not in PLANS, order[f.id]),
    )


def _what(figure: FigureView) -> str:
    """The figure's measure without the noun it counts: "开工在建" of "开工在建重点项目"."""
    text = figure.measure
    item = figure.item
    if item is not None:
        for noun in (item.en_plural, item.en, item.zh):
            if noun and noun in text:
                text = text.replace(noun, " ", 1)
                break
    return " ".join(text.split()).strip(" ,，、")


def stage_labels(
    figures: Sequence[FigureView], period: dict[str, str], words: Words
) -> dict[str, tuple[str, str]]:
    """Figure id → its stage label and the label's end that is never broken across lines,
    for the figures whose stage the data tells; ``period`` maps each figure id to its
    period as a table prints it ("2023", "2023年")."""
    firsts = [f for f in figures if is_first_list(f)]
    labels: dict[str, tuple[str, str]] = {}
    for f in figures:
        year = plan_year(f)
        if year is not None:
            if is_first_list(f):
                pattern = words.early.format(year=year)
            else:
                pattern = _whole_year_plan(f, firsts, words)
            head, _, tail = pattern.rpartition("|")
            labels[f.id] = (head + tail, tail) if head else (tail, "")
        elif f.status in RESULTS and f.period.kind is PeriodKind.YEAR:
            what = _what(f) or words.legend[0]
            when = period[f.id]
            label = capfirst(words.outcome.format(period=when, what=what, What=capfirst(what)))
            keep = what if label.endswith(what) else when if label.endswith(when) else ""
            labels[f.id] = (label, keep)
    return labels
