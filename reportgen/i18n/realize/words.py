"""The realizer's word source: one language's phrases (with user overrides), the
formatter, the grammar, and the views the plan's ids refer to.

>>> from reportgen.i18n.formatter import Formatter
>>> w = Words("en", Formatter("en"), {}, {})
>>> w.p("lead.period", period="2023")
'In 2023, '
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reportgen.facts.periods import PartialDate, Period, PeriodKind
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.realize import en, zh
from reportgen.i18n.realize.grammar import Grammar, grammar_for

#: English words after which a measure's head noun ends ("assets under management …").
_HEAD_END = re.compile(
    r"\s(?:of|in|at|for|to|from|under|per|by|near|with|on|that|whose|being)\s|\s?\("
)
_PLURAL_WORDS = frozenset({"people", "personnel", "staff", "police"})


def default_phrases(lang: str) -> dict[str, str]:
    """The packaged narrative phrases of ``lang`` (Chinese rules for zh variants)."""
    return dict(zh.PHRASES if lang.startswith("zh") else en.PHRASES)


def default_glosses(lang: str) -> dict[str, str]:
    """Coinages glossed on first use in ``lang``."""
    return dict(zh.GLOSSES if lang.startswith("zh") else en.GLOSSES)


def plural_measure(measure: str) -> bool:
    """Whether an English measure names plural things ('new urban jobs', not 'regional GDP').

    >>> plural_measure("projects signed and landed"), plural_measure("value added of firms")
    (True, False)
    >>> plural_measure("assets under management of funds"), plural_measure("Huaiyin's share")
    (True, False)
    """
    head = _HEAD_END.split(measure, maxsplit=1)[0]
    for word in head.lower().replace("-", " ").split():
        word = word.strip("“”\"',")
        if word in _PLURAL_WORDS:
            return True
        if word.endswith("s") and not word.endswith(("ss", "'s", "’s", "us")):
            return True
    return False


@dataclass
class Words:
    """Phrases, formatter, grammar and views for one language."""

    lang: str
    fmt: Formatter
    context: Mapping[str, Any]
    overrides: Mapping[str, str]
    phrases: dict[str, str] = field(init=False)
    grammar: Grammar = field(init=False)

    def __post_init__(self) -> None:
        self.phrases = default_phrases(self.lang) | dict(self.overrides)
        self.grammar = grammar_for(self.lang)

    @property
    def zh(self) -> bool:
        """Whether the language follows the Chinese rules."""
        return self.lang.startswith("zh")

    def p(self, _name: str, /, **fields: str) -> str:
        """The phrase ``_name`` filled with ``fields`` (``{Field}`` gets a capital)."""
        pattern = self.phrases[_name]
        for key, value in list(fields.items()):
            fields[key[:1].upper() + key[1:]] = _cap(value)
        return pattern.format_map(_Fields(fields))

    def variant(self, base: str, name: str) -> bool:
        """Whether to say the packaged variant ``name`` of the pattern ``base`` (the
        period-led 'target.met.lead', the agent's 'said.count.agent' …): not when the
        user reworded ``base`` and not the variant, so their wording still shows."""
        return not (base in self.overrides and name not in self.overrides)

    def period(self, p: Period, status: str | None = None) -> str:
        """A period in prose, with the status word for a plan or target. A stock 'as of'
        a bare year is that year ('2023年' / '2023': the year is all the source dates it
        by); as of December, the year's end ('2023年末' / 'the end of 2023')."""
        state = status if status in ("plan", "target") else None
        kind = as_of_kind(p)
        if kind is not None and p.as_of is not None:
            year = Period(PeriodKind.YEAR, year=p.as_of.year)
            if state is not None or kind == "year":
                return self.fmt.period(year, "prose", state)
            return self.p("period.year_end", year=self.fmt.date(PartialDate(p.as_of.year)))
        return self.fmt.period(p, "prose", state)

    def lead(self, p: Period, status: str) -> str:
        """'In 2023, ' / '2023年，' — '' for an unstated period."""
        if not p.stated:
            return ""
        kind = as_of_kind(p)
        if kind == "year_end":
            return _cap(self.p("lead.year_end", period=self.period(p)))
        if p.kind is PeriodKind.AS_OF and kind is None:
            return _cap(self.p("lead.as_of", period=self.period(p)))
        name = "lead.plan" if status in ("plan", "target", "estimate") else "lead.period"
        return self.p(name, period=self.period(p, status if kind else None))

    def at(self, p: Period, status: str) -> str:
        """Where a value of a series sits: 'in the first half of 2023', '截至2023年6月',
        'at the end of 2023' / '2023年末'."""
        kind = as_of_kind(p)
        if kind == "year_end":
            return self.p("at.year_end", period=self.period(p))
        if p.kind is PeriodKind.AS_OF and kind is None:
            return self.p("at.as_of", period=self.period(p))
        yearly = p.kind is PeriodKind.YEAR or kind == "year"
        if status in ("plan", "target") and yearly:
            return self.p("at.plan", period=self.period(p, status))
        return self.p("at.period", period=self.period(p))


def as_of_kind(p: Period) -> str | None:
    """How a stock's date reads: ``"year"`` as of a bare year (the source gives no month),
    ``"year_end"`` as of December (or 31 December), None for another date or a flow.

    >>> from reportgen.facts.periods import parse_period
    >>> [as_of_kind(parse_period(t)) for t in ("as of 2023", "as of 2023-12", "as of 2023-05")]
    ['year', 'year_end', None]
    >>> as_of_kind(parse_period("2023-H1")) is None
    True
    """
    d = p.as_of
    if p.kind is not PeriodKind.AS_OF or d is None:
        return None
    if d.month is None:
        return "year"
    return "year_end" if d.month == 12 and d.day in (None, 31) else None


class _Fields(dict[str, str]):
    """Format fields; a field the pattern names but the caller lacks is left empty."""

    def __missing__(self, key: str) -> str:
        return ""


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].isascii() else text
