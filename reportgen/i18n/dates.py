"""Periods and partial dates in one language: Babel (CLDR) month names, date formats
and intervals, with the phrase table's patterns for halves, "as of" and status.

>>> from reportgen.facts.periods import parse_period
>>> from reportgen.i18n.phrases import phrases_for
>>> render_period(phrases_for("en"), parse_period("2023-01/2023-05"))
'January–May 2023'
>>> render_period(phrases_for("zh"), parse_period("2023-01/2023-05"))
'2023年1—5月'
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date, format_interval, format_skeleton

from reportgen.facts.model import Status
from reportgen.facts.periods import PartialDate, Period, PeriodKind
from reportgen.i18n.numfmt import format_exact
from reportgen.i18n.phrases import PhraseTable


def render_date(t: PhraseTable, d: PartialDate, style: str = "prose") -> str:
    """A date known to the year, the month or the day, in the table's date locale."""
    if d.month is None:
        return _year(t, d.year)
    if d.day is None:
        return format_skeleton(_month_skeleton(t, style), date(d.year, d.month, 1), locale=t.dates)
    return format_date(date(d.year, d.month, d.day), "long", locale=t.dates)


def _year(t: PhraseTable, year: int) -> str:
    return format_skeleton("y", date(year, 1, 1), locale=t.dates)


def _month_skeleton(t: PhraseTable, style: str) -> str:
    return t.month_skeletons.get(style) or t.month_skeletons.get("prose", "yMMMM")


def render_period(
    t: PhraseTable, p: Period, style: str = "prose", status: Status | None = None
) -> str:
    """The period a figure covers; with a status other than actual, "2024 target"."""
    if status is not None and status is not Status.ACTUAL and p.stated:
        period = render_period(t, p, "table")
        return t.pattern("period.status", style).format(
            period=period, status=t.status_labels[status]
        )
    match p.kind:
        case PeriodKind.YEAR:
            assert p.year is not None
            return t.pattern("period.year", style).format(year=_year(t, p.year))
        case PeriodKind.HALF:
            assert p.year is not None and p.half is not None
            half = t.halves[p.half]
            year = _year(t, p.year)
            return t.pattern("period.half", style).format(half=half, n=p.half, year=year)
        case PeriodKind.MONTHS:
            assert p.year is not None and p.months is not None
            return _months(t, p.year, p.months, style)
        case PeriodKind.AS_OF:
            assert p.as_of is not None
            as_of = render_date(t, p.as_of, style)
            return t.pattern("period.as_of", style).format(date=as_of)
        case PeriodKind.UNCLEAR:
            return t.pattern("period.unclear", style)
    return t.pattern("period.unknown", style)


def _months(t: PhraseTable, year: int, months: tuple[int, int], style: str) -> str:
    """A month range: the table's pattern if it has one, else CLDR's date interval."""
    start, end = months
    if start == end:
        return render_date(t, PartialDate(year, start), style)
    if "period.months" in t.patterns:
        return t.pattern("period.months", style).format(
            year=_year(t, year),
            start=format_exact(start, t.locale),
            end=format_exact(end, t.locale),
        )
    text = format_interval(
        date(year, start, 1), date(year, end, 1), _month_skeleton(t, style), locale=t.dates
    )
    for old, new in t.interval_fixes.items():
        text = text.replace(old, new)
    return text
