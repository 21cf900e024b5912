"""Periods a figure covers and partial dates, written compactly in the data file.

=====================  ===========================================
written                meaning
=====================  ===========================================
``2023``               the year 2023
``2023-H1``            the first half of 2023
``2023-01/2023-05``    January–May 2023 (a month range, ISO 8601)
``as of 2023-11``      cumulative, as of November 2023 (or a day)
``unknown``            not stated
``unclear``            stated, but the source leaves it unclear
=====================  ===========================================

>>> parse_period("2023-H1").kind.value
'half'
>>> parse_period("2023-01/2023-05").months
(1, 5)
>>> str(parse_period("as of 2023-11"))
'as of 2023-11'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import total_ordering


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day.

    Dates order by time; a less precise date sorts before a more precise one in it:

    >>> max(PartialDate(2023, 7), PartialDate(2023), PartialDate(2023, 7, 1))
    PartialDate(year=2023, month=7, day=1)
    >>> PartialDate(2023) < PartialDate(2023, 1) < PartialDate(2024)
    True
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def _key(self) -> tuple[int, int, int]:
        return self.year, self.month or 0, self.day or 0

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
#: The years a date or period may name: anything outside is a typo (0000-07, 2203).
YEARS = range(1900, 2201)


def _check_year(text: str, year: int, what: str) -> None:
    """Refuse a year outside :data:`YEARS`, naming the text as written.

    >>> _check_year("0000-H1", 0, "a period")
    Traceback (most recent call last):
    ...
    ValueError: '0000-H1' is not a period: the year 0 is outside 1900–2200
    """
    if year not in YEARS:
        raise ValueError(
            f"'{text}' is not {what}: the year {year} is outside {YEARS[0]}–{YEARS[-1]}"
        )


def parse_partial_date(text: str) -> PartialDate:
    """Parse ``2023``, ``2023-06`` or ``2023-06-30``.

    >>> parse_partial_date("2024-01-17")
    PartialDate(year=2024, month=1, day=17)
    >>> parse_partial_date("2023-13")
    Traceback (most recent call last):
    ...
    ValueError: '2023-13' is not a date: month 13 is not 1–12
    >>> parse_partial_date("2023-02-29")
    Traceback (most recent call last):
    ...
    ValueError: '2023-02-29' is not a date: 2023-02 has 28 days
    """
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    _check_year(text, year, "a date")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' is not a date: month {month} is not 1–12")
    if day is not None and month is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise ValueError(f"'{text}' is not a date: {year:04d}-{month:02d} has {days} days")
    return PartialDate(year, month, day)


class PeriodKind(StrEnum):
    """The kinds of period a figure can cover."""

    YEAR = "year"
    HALF = "half"
    MONTHS = "months"
    AS_OF = "as_of"
    UNKNOWN = "unknown"  # the source does not state it
    UNCLEAR = "unclear"  # the source states it, but ambiguously


@dataclass(frozen=True)
class Period:
    """The time a figure covers."""

    kind: PeriodKind
    year: int | None = None
    half: int | None = None
    months: tuple[int, int] | None = None
    as_of: PartialDate | None = None

    def __str__(self) -> str:
        match self.kind:
            case PeriodKind.YEAR:
                return f"{self.year}"
            case PeriodKind.HALF:
                return f"{self.year}-H{self.half}"
            case PeriodKind.MONTHS:
                assert self.months is not None
                start, end = self.months
                return f"{self.year}-{start:02d}/{self.year}-{end:02d}"
            case PeriodKind.AS_OF:
                return f"as of {self.as_of}"
            case PeriodKind.UNCLEAR:
                return "unclear"
        return "unknown"

    @property
    def sort_key(self) -> tuple[int, int]:
        """(year, month) the period ends in, for chronological sorting; unknown sorts first.

        >>> parse_period("2023-H1").sort_key < parse_period("2023").sort_key
        True
        """
        if self.kind in (PeriodKind.UNKNOWN, PeriodKind.UNCLEAR):
            return (0, 0)
        if self.as_of is not None:
            return (self.as_of.year, self.as_of.month or 12)
        if self.months is not None:
            return (self.year or 0, self.months[1])
        if self.half is not None:
            return (self.year or 0, 6 * self.half)
        return (self.year or 0, 12)

    @property
    def stated(self) -> bool:
        """False when the period is unknown or unclear: a sentence cannot name it."""
        return self.kind not in (PeriodKind.UNKNOWN, PeriodKind.UNCLEAR)

    @property
    def end_year(self) -> int | None:
        """The year in which the period ends (for grouping by year)."""
        if self.as_of is not None:
            return self.as_of.year
        return self.year


_HALF = re.compile(r"(\d{4})-H([12])")
_MONTHS = re.compile(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})")


def parse_period(text: str | int) -> Period:
    """Parse a period as written in the data file (see the module table).

    >>> parse_period(2023)
    Period(kind=<PeriodKind.YEAR: 'year'>, year=2023, half=None, months=None, as_of=None)
    >>> parse_period("2023-05/2023-01")
    Traceback (most recent call last):
    ...
    ValueError: '2023-05/2023-01': a month range must run forward within one year
    """
    text = str(text).strip()
    if text == "unknown":
        return Period(PeriodKind.UNKNOWN)
    if text == "unclear":
        return Period(PeriodKind.UNCLEAR)
    if re.fullmatch(r"\d{4}", text):
        _check_year(text, int(text), "a period")
        return Period(PeriodKind.YEAR, year=int(text))
    if match := _HALF.fullmatch(text):
        _check_year(text, int(match[1]), "a period")
        return Period(PeriodKind.HALF, year=int(match[1]), half=int(match[2]))
    if match := _MONTHS.fullmatch(text):
        y1, m1, y2, m2 = (int(g) for g in match.groups())
        _check_year(text, y1, "a period")
        if y1 != y2 or not 1 <= m1 <= m2 <= 12:
            raise ValueError(f"'{text}': a month range must run forward within one year")
        return Period(PeriodKind.MONTHS, year=y1, months=(m1, m2))
    if text.startswith("as of "):
        return Period(PeriodKind.AS_OF, as_of=parse_partial_date(text[len("as of ") :]))
    raise ValueError(
        f"'{text}' is not a period: write 2023, 2023-H1, 2023-01/2023-05, "
        "'as of 2023-11' or unknown"
    )
