"""Read renderings back: the exact value (in the base unit) and dimension of a figure.

For tests and for the parity check of a built briefing against its dataset:
every rendering :meth:`Formatter.amount` produces, in prose or table style, in
any language with a phrase table, parses back to ``value × scale`` exactly.

>>> parse_rendered("36.55 billion yuan", "en")
(Decimal('3.655E+10'), <Dimension.MONEY: 'money'>)
>>> parse_rendered("6.1万余户", "zh")
(Decimal('61000.0'), <Dimension.COUNT: 'count'>)
>>> parse_rendered("more than 70 million", "en", unit_label="RMB")
(Decimal('7.0E+7'), <Dimension.MONEY: 'money'>)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel import Locale

from reportgen.facts.amounts import INNER_MARKERS, PREFIX_MARKERS, SUFFIX_MARKERS, parse_amount
from reportgen.facts.numerals import CHINESE_NUMERAL_CHARS
from reportgen.facts.units import BASES_LONGEST_FIRST, UNITS, Dimension
from reportgen.i18n.numfmt import compact_word
from reportgen.i18n.phrases import AmountSystem, PhraseTable, phrases_for


@dataclass(frozen=True)
class FoundAmount:
    """A figure found in running text: where, as written, and its exact base value."""

    text: str
    start: int
    end: int
    value: Decimal
    dimension: Dimension


def parse_rendered(
    text: str, lang: str, *, unit_label: str | None = None
) -> tuple[Decimal, Dimension]:
    """The exact base value (元, 平方米, 人 …) and dimension of a rendered amount.

    A table cell without a unit ("36.55 billion") needs its column's ``unit_label``.
    A leading sign (``+6.4%``, ``−3.2%``) gives a signed value.

    >>> parse_rendered("over 17,300 people", "en")
    (Decimal('17300'), <Dimension.PEOPLE: 'people'>)
    >>> parse_rendered("1.73萬人以上", "zh_Hant")
    (Decimal('17300.00'), <Dimension.PEOPLE: 'people'>)
    >>> parse_rendered("−3.2%", "en")
    (Decimal('-3.2'), <Dimension.PERCENT: 'percent'>)
    """
    t = phrases_for(lang)
    if t.amounts is AmountSystem.AS_WRITTEN:
        return _parse_chinese(t, text.strip())
    return _parse_magnitude(lang, text.strip(), unit_label)


def _parse_chinese(t: PhraseTable, text: str) -> tuple[Decimal, Dimension]:
    source = _to_source(t, text)
    negative = source[:1] in (t.minus, "-")
    body = source[1:] if source[:1] in (t.minus, "-", t.plus) else source
    for end in range(len(body), 0, -1):  # the longest prefix that is an amount (a noun may follow)
        try:
            amount = parse_amount(body[:end])
        except ValueError:
            continue
        value = amount.base_value
        return (-value if negative else value), amount.unit.dimension
    raise ValueError(f"cannot read {text!r} as a rendered amount")


def _to_source(t: PhraseTable, text: str) -> str:
    """Undo the table's character conversion (萬 → 万), back to the source's script."""
    back = {new: old for old, new in t.convert.items()}
    return "".join(back.get(ch, ch) for ch in text)


@dataclass(frozen=True)
class _Grammar:
    """Regular expressions and word lists to read one magnitude-system language."""

    head: str  # qualifier, sign, number and compact word
    units: dict[str, Dimension]
    magnitudes: dict[str, int]
    group: str
    decimal: str

    @property
    def whole(self) -> re.Pattern[str]:
        return re.compile(self.head + r"(?P<rest>.*)", re.IGNORECASE | re.DOTALL)

    def finder(self, nouns: Iterable[str]) -> re.Pattern[str]:
        unit = _alternation([*self.units, *(n.casefold() for n in nouns)])
        return re.compile(rf"(?<![\w.,]){self.head}(?P<rest>\s?(?:{unit})(?!\w))", re.IGNORECASE)


def _parse_magnitude(lang: str, text: str, unit_label: str | None) -> tuple[Decimal, Dimension]:
    g = _grammar(lang)
    match = g.whole.fullmatch(text)
    if match is None:
        raise ValueError(f"cannot read {text!r} as a rendered amount")
    rest = match["rest"].strip() or (unit_label or "").strip()
    if not rest:
        raise ValueError(f"{text!r} has no unit: pass the column's unit_label")
    if not re.fullmatch(r"%|‰|[^\W\d_][\w '’-]*", rest):
        raise ValueError(f"cannot read the unit {rest!r} in {text!r}")
    return _number(g, match), g.units.get(rest.casefold(), Dimension.COUNT)


def _number(g: _Grammar, match: re.Match[str]) -> Decimal:
    digits = match["num"].replace(g.group, "").replace(g.decimal, ".")
    mag = match["mag"]
    value = Decimal(digits).scaleb(g.magnitudes[mag.casefold()] if mag else 0)
    return -value if match["sign"] in ("\u2212", "-") else value


@cache
def _grammar(lang: str) -> _Grammar:
    t = phrases_for(lang)
    symbols = Locale.parse(t.locale).number_symbols["latn"]
    group, dec = symbols["group"], symbols["decimal"]
    magnitudes = _magnitude_words(t)
    g, d = re.escape(group), re.escape(dec)
    number = rf"\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?"
    head = (
        rf"(?:(?P<q>{_alternation(t.qualifiers.values())})\s+)?"
        rf"(?P<sign>[{re.escape(t.plus + t.minus)}-])?(?P<num>{number})"
        rf"(?:\s(?P<mag>{_alternation(magnitudes)})(?!\w))?"
    )
    return _Grammar(head, _unit_words(t), magnitudes, group, dec)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _magnitude_words(t: PhraseTable) -> dict[str, int]:
    words: dict[str, int] = {}
    for exponent in t.magnitudes:
        for sample in (Decimal(1), Decimal(2), Decimal("1.5")):
            word = compact_word(exponent, sample, t.locale).replace("{0}", "").strip()
            words[word.casefold()] = exponent
    return words


def _unit_words(t: PhraseTable) -> dict[str, Dimension]:
    words: dict[str, Dimension] = {}
    for base, names in t.units.items():
        dimension = UNITS[base].dimension
        for word in [*names.prose.values(), names.header, names.cell.strip()]:
            if word:
                known = words.setdefault(word.casefold(), dimension)
                assert known is dimension, f"'{word}' names both {known} and {dimension}"
    return words


def find_amounts(
    text: str, lang: str, *, nouns: Iterable[str] = (), numerals: bool = False
) -> list[FoundAmount]:
    """Every amount with a unit in running text, in order (for parity checks).

    English finds the unit words of its phrase table plus any extra ``nouns``
    (item nouns such as "residential buildings"); unit-less table cells are not
    found — read them with :func:`parse_rendered` and the column's unit label.
    Chinese finds the source forms; Chinese numerals (两千) only with ``numerals``,
    since words such as 一个 would otherwise count.

    >>> text = "GDP reached 36.55 billion yuan, up 6.4 percent"
    >>> [(f.text, f.value) for f in find_amounts(text, "en")]
    [('36.55 billion yuan', Decimal('3.655E+10')), ('6.4 percent', Decimal('6.4'))]
    >>> [(f.text, f.value) for f in find_amounts("全区生产总值365.5亿元，同比增长6.4%", "zh")]
    [('365.5亿元', Decimal('36550000000.0')), ('6.4%', Decimal('6.4'))]
    """
    t = phrases_for(lang)
    if t.amounts is AmountSystem.AS_WRITTEN:
        pattern = _chinese_finder(numerals)
        result = []
        for m in pattern.finditer(_to_source(t, text)):
            a = parse_amount(m[0])
            span = text[m.start() : m.end()]
            result.append(FoundAmount(span, m.start(), m.end(), a.base_value, a.unit.dimension))
        return result
    g = _grammar(lang)
    result = []
    for m in g.finder(nouns).finditer(text):
        rest = m["rest"].strip().casefold()
        dimension = g.units.get(rest, Dimension.COUNT)
        result.append(FoundAmount(m[0], m.start(), m.end(), _number(g, m), dimension))
    return result


@cache
def _chinese_finder(numerals: bool) -> re.Pattern[str]:
    markers = _alternation([*PREFIX_MARKERS])
    inner = _alternation([*INNER_MARKERS])
    suffix = _alternation([*SUFFIX_MARKERS])
    number = r"[0-9]+(?:\.[0-9]+)?"
    if numerals:
        number += f"|[{CHINESE_NUMERAL_CHARS}]+?"
    bases = _alternation(BASES_LONGEST_FIRST)
    return re.compile(
        rf"(?<![0-9.])(?:{markers})?(?:{number})(?:{inner})?(?:万亿|万|亿)?(?:{inner})?"
        rf"(?:{bases})(?:{suffix})?"
    )
