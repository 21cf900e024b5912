"""Amounts as the sources write them: ``约836万平方米``, ``6.1万余户``, ``+6.4%``.

An :class:`Amount` keeps the exact value, the unit, and the qualifier with the
marker the source used and where it stood, so the Chinese text can be written
back in the source's own form while other languages use the qualifier's meaning.

>>> a = parse_amount("6.1万余户")
>>> a.value, a.unit.code, a.qualifier.value, a.marker, a.position.value
(Decimal('6.1'), '万户', 'more_than', '余', 'after_prefix')
>>> a.base_value
Decimal('61000.0')
>>> parse_amount("近两千元").value
Decimal('2000')
>>> parse_amount("1.73万人以上").qualifier.value
'at_least'

Levels that may be negative carry a sign (``-44.6%``, ``-1.96个百分点``); a range is
two numbers with a dash (``1—2个``); a ratio or index is a bare number (``102.87``):

>>> parse_amount("-44.6%").value, parse_amount("−1.96个百分点").value
(Decimal('-44.6'), Decimal('-1.96'))
>>> r = parse_amount("1—2个")
>>> r.value, r.upper, r.separator, str(r)
(Decimal('1'), Decimal('2'), '—', '1—2个')
>>> parse_amount("102.87").unit.dimension.value
'number'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from reportgen.facts.numerals import CHINESE_NUMERAL_CHARS, parse_number
from reportgen.facts.units import (
    BASES_LONGEST_FIRST,
    NO_UNIT,
    PREFIXES,
    SIGNED_DIMENSIONS,
    Unit,
    UnknownUnitError,
    lookup_unit,
)


class Qualifier(StrEnum):
    """How an amount relates to the true figure."""

    EXACT = "exact"
    ABOUT = "about"  # 约, 左右
    OVER = "over"  # 超, 超过, 突破, 逾
    MORE_THAN = "more_than"  # 余, 多
    NEARLY = "nearly"  # 近, 将近, 接近
    AT_LEAST = "at_least"  # 以上
    UP_TO = "up_to"  # 不到, 不足


class MarkerPosition(StrEnum):
    """Where the qualifier's Chinese marker stands in the written amount."""

    NONE = "none"
    BEFORE = "before"  # 约836万平方米
    AFTER_NUMBER = "after_number"  # 7000余万元
    AFTER_PREFIX = "after_prefix"  # 6.1万余户
    AFTER = "after"  # 6.5%左右, 1.73万人以上


#: Chinese markers written before the number, longest first.
PREFIX_MARKERS: dict[str, Qualifier] = {
    "超过": Qualifier.OVER, "将近": Qualifier.NEARLY, "接近": Qualifier.NEARLY,
    "突破": Qualifier.OVER, "不到": Qualifier.UP_TO, "不足": Qualifier.UP_TO,
    "约": Qualifier.ABOUT, "近": Qualifier.NEARLY, "超": Qualifier.OVER, "逾": Qualifier.OVER,
}  # fmt: skip
#: Markers written inside the amount (after the number or after 万/亿).
INNER_MARKERS: dict[str, Qualifier] = {"余": Qualifier.MORE_THAN, "多": Qualifier.MORE_THAN}
#: Markers written after the unit.
SUFFIX_MARKERS: dict[str, Qualifier] = {
    "以上": Qualifier.AT_LEAST, "左右": Qualifier.ABOUT, "多": Qualifier.MORE_THAN,
}  # fmt: skip

_NUMBER = rf"[0-9]+(?:\.[0-9]+)?|[{CHINESE_NUMERAL_CHARS}]+?"
_SIGNS = ("+", "-", "\u2212")
#: Dashes and words that join the two ends of a range (1—2个, 3~5%, 一至两个).
RANGE_SEPARATORS = ("—", "–", "-", "~", "～", "至", "到")
#: A ratio or index written without a unit: an optional qualifier and an Arabic number.
_BARE = re.compile(
    r"(?P<pre>" + "|".join(PREFIX_MARKERS) + r")?(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<post>以上|左右)?"
)
_MAX_EXPONENT = 16
#: The largest value in a unit's base (元, 平方米, 人 …): 10^16, about 80 times China's GDP.
MAX_BASE_VALUE = Decimal(10) ** _MAX_EXPONENT
#: The most decimal places a written number may have.
MAX_DECIMAL_PLACES = 6


def _amount_pattern(base: str) -> re.Pattern[str]:
    return re.compile(
        r"(?P<pre>" + "|".join(PREFIX_MARKERS) + r")?"
        r"(?P<num>" + _NUMBER + r")"
        r"(?:(?P<sep>" + "|".join(map(re.escape, RANGE_SEPARATORS)) + r")"
        r"(?P<num2>" + _NUMBER + r"))?"
        r"(?P<inner1>[余多])?"
        r"(?P<prefix>万亿|万|亿)?"
        r"(?P<inner2>[余多])?"
        r"(?P<base>" + base + r")"
        r"(?P<post>以上|左右|多)?"
    )


_PATTERN = _amount_pattern("|".join(re.escape(b) for b in BASES_LONGEST_FIRST))
#: The same shape with any unit, to name an unknown unit rather than fail vaguely.
_ANY_UNIT = _amount_pattern(r"[^\s0-9.]+?")


@dataclass(frozen=True)
class Amount:
    """An exact amount with its unit and the qualifier the source wrote."""

    value: Decimal
    unit: Unit
    qualifier: Qualifier = Qualifier.EXACT
    marker: str = ""
    position: MarkerPosition = MarkerPosition.NONE
    numeral: str = ""  # the number as written when it is a Chinese numeral (两千, 一至两)
    upper: Decimal | None = None  # the upper end of a range (1—2个); value is the lower end
    separator: str = ""  # the range's dash or word as written (—, ~, 至)

    @property
    def base_value(self) -> Decimal:
        """The value in the unit's base (亿元 → 元), exactly; a range's lower end."""
        return self.value * self.unit.scale

    @property
    def upper_base_value(self) -> Decimal | None:
        """A range's upper end in the unit's base, exactly; None for a single value."""
        return None if self.upper is None else self.upper * self.unit.scale

    @property
    def values(self) -> tuple[Decimal, ...]:
        """The value, and a range's upper end."""
        return (self.value,) if self.upper is None else (self.value, self.upper)

    def __str__(self) -> str:
        """The amount as the source writes it: ``约836万平方米``, ``6.1万余户``."""
        return format_amount_as_written(self)

    def __repr__(self) -> str:
        return f"Amount({str(self)!r})"


def parse_amount(text: str) -> Amount:
    """Parse an amount written as in a Chinese source; ``ValueError`` names the problem.

    >>> parse_amount("7000余万元").position.value
    'after_number'
    >>> parse_amount("6.5%左右").marker
    '左右'
    >>> parse_amount("12亿美元")
    Traceback (most recent call last):
    ...
    ValueError: cannot read '12亿美元' as an amount: ...

    Only a level that can be negative takes a sign (a decrease is a signed change):

    >>> parse_amount("-5个")
    Traceback (most recent call last):
    ...
    ValueError: cannot read '-5个' as an amount: a count level is never negative; ...
    """
    text = text.strip()
    sign, body = _split_sign(text)
    if (bare := _BARE.fullmatch(body)) is not None:
        return _signed(text, sign, _bare(bare))
    match = _PATTERN.fullmatch(body)
    if match is None:
        from reportgen.facts.hints import amount_form_hint

        if (form := amount_form_hint(body)) is not None:  # 8,500万元, 8500 万元
            raise ValueError(f"cannot read '{text}' as an amount: {form}")
        if loose := _ANY_UNIT.fullmatch(body):
            try:
                lookup_unit((loose["prefix"] or "") + loose["base"])
            except UnknownUnitError as error:
                raise ValueError(f"cannot read '{text}' as an amount: {error}") from None
        raise ValueError(
            f"cannot read '{text}' as an amount: expected a number, an optional 万/亿 and a "
            "known unit, with an optional qualifier (约, 近, 超, 余, 以上, 左右 …), e.g. "
            "'365.5亿元', '6.1万余户', '6.5%左右'"
        )
    return _signed(text, sign, _from_match(text, match))


def _split_sign(text: str) -> tuple[str, str]:
    """The leading sign (``-`` or ``−``; '' when none) and the rest; '+' is refused."""
    if text[:1] == "+":
        raise ValueError(
            f"cannot read '{text}' as an amount: an amount is a level and takes no '+'; "
            "growth is written as a signed change, e.g. yoy: +3.2%"
        )
    if text[:1] in _SIGNS:
        if text[1:2] in _SIGNS:
            raise ValueError(f"cannot read '{text}' as an amount: it has two signs")
        return "-", text[1:].strip()
    return "", text


def _signed(text: str, sign: str, amount: Amount) -> Amount:
    """The amount made negative for a '-' sign, where its dimension allows it."""
    if not sign:
        return amount
    if amount.unit.dimension not in SIGNED_DIMENSIONS:
        raise ValueError(
            f"cannot read '{text}' as an amount: a {amount.unit.dimension.value} level is "
            "never negative; a decrease is written as a signed change, e.g. yoy: -3.2%"
        )
    if amount.upper is not None:
        raise ValueError(f"cannot read '{text}' as an amount: a range takes no sign")
    return replace(amount, value=-amount.value)


def _bare(match: re.Match[str]) -> Amount:
    """A ratio or index written without a unit (102.87, 约101.2)."""
    value, pre, post = Decimal(match["num"]), match["pre"], match["post"]
    if pre:
        return Amount(value, NO_UNIT, PREFIX_MARKERS[pre], pre, MarkerPosition.BEFORE)
    if post:
        return Amount(value, NO_UNIT, SUFFIX_MARKERS[post], post, MarkerPosition.AFTER)
    return Amount(value, NO_UNIT)


def _from_match(text: str, match: re.Match[str]) -> Amount:
    groups = match.groupdict()
    unit = lookup_unit((groups["prefix"] or "") + groups["base"])
    if groups["prefix"] and groups["prefix"] not in PREFIXES:  # pragma: no cover
        raise ValueError(f"unknown scale prefix in '{text}'")
    markers = [
        (groups["pre"], MarkerPosition.BEFORE, PREFIX_MARKERS),
        (groups["inner1"], MarkerPosition.AFTER_NUMBER, INNER_MARKERS),
        (groups["inner2"], MarkerPosition.AFTER_PREFIX, INNER_MARKERS),
        (groups["post"], MarkerPosition.AFTER, SUFFIX_MARKERS),
    ]
    found = [(m, pos, table[m]) for m, pos, table in markers if m]
    if len(found) > 1:
        raise ValueError(f"'{text}' has more than one qualifier; keep the one the source wrote")
    numbers = [n for n in (groups["num"], groups["num2"]) if n]
    value, *rest = (_number(n, unit) for n in numbers)
    upper = rest[0] if rest else None
    if upper is not None and upper <= value:
        raise ValueError(f"cannot read '{text}' as an amount: a range runs from low to high")
    written = "".join([groups["num"], groups["sep"] or "", groups["num2"] or ""])
    numeral = "" if all(n[0].isdigit() for n in numbers) else written
    qualifier, marker, position = Qualifier.EXACT, "", MarkerPosition.NONE
    if found:
        marker, position, qualifier = found[0]
    return Amount(value, unit, qualifier, marker, position, numeral, upper, groups["sep"] or "")


def _number(number: str, unit: Unit) -> Decimal:
    """One number of an amount, in the amount's unit."""
    if not number[0].isdigit() and unit.exponent:
        # 一亿二千万元 is (一亿二千万)元, not (一亿二千)万元: read the numeral with its 万/亿.
        return parse_number(number + unit.prefix) / unit.scale
    return parse_number(number)


def implausible(amount: Amount) -> str | None:
    """Why no source would state ``amount`` (a typo or a unit slip), or None.

    No real figure exceeds 10^16 in its base unit (China's GDP is about 10^14 元)
    or needs more than six decimal places. Parsing stays exact at any size; this
    is the fact file's check.

    >>> implausible(parse_amount("99999999999亿元"))
    '99999999999亿元 is larger than any real figure: at most 10^16 元'
    >>> implausible(parse_amount("0.1234567%"))
    '0.1234567% has 7 decimal places; at most 6'
    >>> implausible(parse_amount("126万亿元")) is None
    True
    """
    for value in amount.values:
        if abs(value * amount.unit.scale) > MAX_BASE_VALUE:
            limit = f"10^{_MAX_EXPONENT} {amount.unit.base or '(a bare number)'}"
            return f"{amount} is larger than any real figure: at most {limit}"
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) else 0
        if places > MAX_DECIMAL_PLACES:
            return f"{amount} has {places} decimal places; at most {MAX_DECIMAL_PLACES}"
    return None


def format_amount_as_written(
    amount: Amount, number: str | None = None, upper: str | None = None
) -> str:
    """Write an amount back in the source's own Chinese form; ``number`` (and a range's
    ``upper``) replace the digits (a locale-formatted or rounded number) where given.

    >>> format_amount_as_written(parse_amount("6.1万余户"))
    '6.1万余户'
    >>> format_amount_as_written(parse_amount("约836万平方米"))
    '约836万平方米'
    >>> format_amount_as_written(parse_amount("近两千元"))
    '近两千元'
    >>> [format_amount_as_written(parse_amount(t)) for t in ("1—2个", "一至两个")]
    ['1—2个', '一至两个']
    >>> format_amount_as_written(parse_amount("-44.6%"), number="−44.6")
    '−44.6%'
    """
    if number is None and amount.numeral:
        number = amount.numeral
    elif number is None:
        number = format(amount.value, "f")
        if amount.upper is not None:
            number += amount.separator + format(amount.upper, "f")
    elif amount.upper is not None:
        number += amount.separator + (upper or format(amount.upper, "f"))
    marker, pos = amount.marker, amount.position
    prefix, base = amount.unit.prefix, amount.unit.base
    return "".join(
        [
            marker if pos is MarkerPosition.BEFORE else "",
            number,
            marker if pos is MarkerPosition.AFTER_NUMBER else "",
            prefix,
            marker if pos is MarkerPosition.AFTER_PREFIX else "",
            base,
            marker if pos is MarkerPosition.AFTER else "",
        ]
    )


class Direction(StrEnum):
    """The sign of a change or a difference."""

    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class Change:
    """A signed amount: year-on-year growth (``+6.4%``) or a gap (``+13.9个百分点``)."""

    direction: Direction
    amount: Amount

    def __str__(self) -> str:
        """The change as people write it: ``+6.4%``, ``-3.2%``, ``+13.9个百分点``.

        >>> str(parse_change("+5.8%")), parse_change("-0.36万人")
        ('+5.8%', Change('-0.36万人'))
        """
        return ("+" if self.direction is Direction.UP else "-") + str(self.amount)

    def __repr__(self) -> str:
        return f"Change({str(self)!r})"


def parse_change(text: str) -> Change:
    """Parse ``+6.4%`` / ``-3.2%`` / ``+15%以上`` (the sign is required).

    >>> c = parse_change("-3.2%")
    >>> c.direction.value, c.amount.value
    ('down', Decimal('3.2'))
    >>> parse_change("6.4%")
    Traceback (most recent call last):
    ...
    ValueError: a change needs a sign: '+6.4%' for growth, '-6.4%' for a decline
    """
    text = text.strip().replace("−", "-")
    if not text or text[0] not in "+-":
        raise ValueError(f"a change needs a sign: '+{text}' for growth, '-{text}' for a decline")
    direction = Direction.UP if text[0] == "+" else Direction.DOWN
    if text[1:2] in _SIGNS:
        raise ValueError(f"'{text}': a change has one sign")
    return Change(direction, parse_amount(text[1:]))
