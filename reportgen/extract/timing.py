"""Periods stated in Chinese text, resolved against the article's date.

Relative words (今年, 去年, 明年, 目前, 今年以来) need the article's date; a month
range without a year (1—11月) in an article dated early the next year belongs to
the year before. When the date gives no month, the data's month is the latest one
the article reports on (今年1—5月 → May), since "目前" then means "as far as the
data run".

>>> clock = Clock.for_article("今年1—5月，产值同比增长50.2%。", PartialDate(2023))
>>> clock.now
PartialDate(year=2023, month=5, day=None)
>>> [(p.text, str(p.period)) for p in clock.phrases("今年1—5月份累计完成产值35.1亿元")]
[('今年1—5月份', '2023-01/2023-05')]
>>> [str(p.period) for p in clock.phrases("上半年、去年、明年、截至11月底、一至九月、2022年以来")]
['2023-H1', '2022', '2024', 'as of 2023-11', '2023-01/2023-09', '2022']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from reportgen.facts.numerals import parse_number
from reportgen.facts.periods import PartialDate, Period, PeriodKind

_YEAR = r"(?:(?P<y>\d{4})年|(?P<rel>今年|本年|去年|上年|明年|前年))"
_DASH = r"[—–\-~～至到]"
_QUARTERS: dict[str, tuple[int, int]] = {
    "一季度": (1, 3), "第一季度": (1, 3), "二季度": (4, 6), "第二季度": (4, 6),
    "三季度": (7, 9), "第三季度": (7, 9), "四季度": (10, 12), "第四季度": (10, 12),
    "前三季度": (1, 9), "前两个季度": (1, 6), "上半年": (1, 6), "下半年": (7, 12),
    "全年": (1, 12),
}  # fmt: skip
_QUARTER_WORDS = "|".join(sorted(_QUARTERS, key=len, reverse=True))
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}

#: A month's number, in Arabic or Chinese numerals (11月, 十一月).
_M = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])"
_MONTHS = re.compile(rf"{_YEAR}?(?P<m1>{_M}){_DASH}(?P<m2>{_M})月(?:份)?")
_QUARTER = re.compile(rf"{_YEAR}?(?P<q>{_QUARTER_WORDS})")
_AS_OF = re.compile(
    rf"(?:截至|截止到|截止|到)(?:{_YEAR})?(?P<m>{_M})月(?:(?P<d>\d{{1,2}})日)?(?:底|末|份)?"
)
_SINCE = re.compile(rf"{_YEAR}(?:初)?以来|年初以来|开年以来")
_NOW = re.compile(r"截至目前|截止目前|截至当前|目前|当前|至今|现已|如今|累计")
_MONTH = re.compile(
    rf"{_YEAR}?(?<![一二三四五六七八九十])(?P<m>{_M})月(?:(?P<d>\d{{1,2}})日)?(?:份)?"
)
_YEAR_END = re.compile(rf"(?:{_YEAR}(?:末|底)|年末|年底)(?!前)")
_YEAR_ONLY = re.compile(rf"{_YEAR}|(?P<within>年内|年底前|年度)")


@dataclass(frozen=True)
class Phrase:
    """A period phrase: where it stands in its text, and the period it names."""

    start: int
    end: int
    text: str
    period: Period
    weak: bool = False  # 目前, 累计: yields to a precise period just before it


_ALL = (_MONTHS, _AS_OF, _SINCE, _QUARTER, _NOW, _MONTH, _YEAR_END, _YEAR_ONLY)


def remove_period_words(text: str) -> str:
    """``text`` without its period phrases (for naming a measure).

    >>> remove_period_words("今年1—5月份累计完成产值")
    '完成产值'
    """
    for pattern in _ALL:
        text = pattern.sub("", text)
    return text


def _just_after(first: Phrase, start: int) -> bool:
    """今年1—5月份累计: the weak word repeats the precise period just before it."""
    return not first.weak and start - first.end <= 4


@dataclass(frozen=True)
class Clock:
    """The article's date, the date its data run to (``now``), and the year that a
    phrase without one belongs to (``base``: the year the text last named, if any)."""

    date: PartialDate
    now: PartialDate
    base: int | None = None

    @classmethod
    def for_article(cls, text: str, date: PartialDate | None) -> Clock:
        """The clock of an article: its date (the latest year it names when not given)."""
        if date is None:
            years = [int(y) for y in re.findall(r"(\d{4})年", text) if 1949 < int(y) < 2200]
            date = PartialDate(max(years)) if years else PartialDate(2000)
        clock = cls(date, date)
        if date.month is not None:
            return clock
        latest = max((m for m in clock._reported_months(text) if m < 12), default=None)
        return clock if latest is None else cls(date, PartialDate(date.year, latest))

    def _reported_months(self, text: str) -> Iterator[int]:
        """The last months of this year's results the text reports (1—5月, 截至5月, 上半年)."""
        for phrase in self.phrases(text):
            period = phrase.period
            if period.end_year != self.date.year or phrase.weak:
                continue
            if period.months is not None and period.months[0] == 1:
                yield period.months[1]
            elif period.half == 1 or (period.as_of is not None and period.as_of.month):
                yield period.sort_key[1]

    def phrases(self, text: str) -> list[Phrase]:
        """The period phrases of ``text`` in order, the longest where they overlap; a
        phrase without a year takes the year the text named last (2023年，…全年)."""
        matches: list[tuple[re.Match[str], Reader]] = []
        for pattern, read in _READERS:
            for match in pattern.finditer(text):
                if not any(m.start() < match.end() and match.start() < m.end() for m, _ in matches):
                    matches.append((match, read))
        matches.sort(key=lambda pair: pair[0].start())
        found: list[Phrase] = []
        clock = self
        for match, read in matches:
            if match.re is not _NOW and match["y"]:
                clock = replace(self, base=int(match["y"]))
            if (period := read(clock, match)) is not None:
                weak = match.re is _NOW
                if not (weak and found and _just_after(found[-1], match.start())):
                    found.append(Phrase(match.start(), match.end(), match.group(), period, weak))
        return found

    def year(self, match: re.Match[str], month: int | None = None) -> int:
        """The year a match names, or the year its month falls in relative to the date."""
        if match["y"]:
            return int(match["y"])
        if match["rel"]:
            return self.date.year + _RELATIVE[match["rel"]]
        if self.base is not None:
            return self.base
        if month is not None and self.date.month is not None and month > self.date.month:
            return self.date.year - 1  # 1—11月 in an article of January: last year's
        return self.date.year

    def to_date(self, year: int) -> Period:
        """From the start of ``year`` to the data's date: 今年以来."""
        end = self.now.month if self.now.year == year and self.now.month else None
        if end is None or end == 12:
            return Period(PeriodKind.YEAR, year=year)
        if end == 6:
            return Period(PeriodKind.HALF, year=year, half=1)
        return Period(PeriodKind.MONTHS, year=year, months=(1, end))

    def default(self) -> Period:
        """The period of a figure the text gives none for: as of the data's date."""
        return Period(PeriodKind.AS_OF, as_of=self.now)


Reader = Callable[[Clock, re.Match[str]], Period | None]


def _number(text: str) -> int:
    """A month or day number written in Arabic or Chinese numerals."""
    return int(text) if text.isdigit() else int(parse_number(text))


def _months(clock: Clock, match: re.Match[str]) -> Period | None:
    first, last = _number(match["m1"]), _number(match["m2"])
    if not 1 <= first <= last <= 12:
        return None
    return Period(PeriodKind.MONTHS, year=clock.year(match, last), months=(first, last))


def _as_of(clock: Clock, match: re.Match[str]) -> Period | None:
    month = _number(match["m"])
    day = int(match["d"]) if match["d"] else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return Period(PeriodKind.AS_OF, as_of=PartialDate(clock.year(match, month), month, day))


def _since(clock: Clock, match: re.Match[str]) -> Period:
    """今年以来 is the year to date; 2023年以来 in a 2024 article is the whole of 2023."""
    year = clock.date.year if match.group().startswith(("年初", "开年")) else clock.year(match)
    if year < clock.now.year:
        return Period(PeriodKind.YEAR, year=year)
    return clock.to_date(year)


def _quarter(clock: Clock, match: re.Match[str]) -> Period:
    first, last = _QUARTERS[match["q"]]
    year = clock.year(match)
    if (first, last) == (1, 12):
        return Period(PeriodKind.YEAR, year=year)
    if (first, last) in {(1, 6), (7, 12)}:
        return Period(PeriodKind.HALF, year=year, half=1 if first == 1 else 2)
    return Period(PeriodKind.MONTHS, year=year, months=(first, last))


def _month(clock: Clock, match: re.Match[str]) -> Period | None:
    month = _number(match["m"])
    if not 1 <= month <= 12:
        return None
    return Period(PeriodKind.MONTHS, year=clock.year(match, month), months=(month, month))


def _year_end(clock: Clock, match: re.Match[str]) -> Period:
    year = clock.year(match) if match["y"] or match["rel"] else (clock.base or clock.date.year)
    return Period(PeriodKind.AS_OF, as_of=PartialDate(year, 12))


def _year_only(clock: Clock, match: re.Match[str]) -> Period:
    year = (clock.base or clock.date.year) if match["within"] else clock.year(match)
    return Period(PeriodKind.YEAR, year=year)


_READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (_MONTHS, _months),
    (_AS_OF, _as_of),
    (_SINCE, _since),
    (_QUARTER, _quarter),
    (_NOW, lambda clock, _: Period(PeriodKind.AS_OF, as_of=clock.now)),
    (_MONTH, _month),
    (_YEAR_END, _year_end),
    (_YEAR_ONLY, _year_only),
)
