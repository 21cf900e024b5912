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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from reportgen.facts.numerals import CHINESE_NUMERAL_CHARS, parse_number
from reportgen.facts.units import (
    BASES_LONGEST_FIRST,
    PREFIXES,
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
_MAX_EXPONENT = 16
#: The largest value in a unit's base (元, 平方米, 人 …): 10^16, about 80 times China's GDP.
MAX_BASE_VALUE = Decimal(10) ** _MAX_EXPONENT
#: The most decimal places a written number may have.
MAX_DECIMAL_PLACES = 6


def _amount_pattern(base: str) -> re.Pattern[str]:
    return re.compile(
        r"(?P<pre>" + "|".join(PREFIX_MARKERS) + r")?"
        r"(?P<num>" + _NUMBER + r")"
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
    numeral: str = ""  # the number as written when it is a Chinese numeral (两千)

    @property
    def base_value(self) -> Decimal:
        """The value in the unit's base (亿元 → 元), exactly."""
        return self.value * self.unit.scale

    def __str__(self) -> str:
        return format_amount_as_written(self)


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

    An amount has no sign (a decrease is a signed change):

    >>> parse_amount("-5个")
    Traceback (most recent call last):
    ...
    ValueError: cannot read '-5个' as an amount: expected a number without a sign; ...
    """
    text = text.strip()
    if text[:1] in _SIGNS:
        raise ValueError(
            f"cannot read '{text}' as an amount: expected a number without a sign; "
            "a decrease is written as a signed change, e.g. yoy: -3.2%"
        )
    match = _PATTERN.fullmatch(text)
    if match is None:
        if loose := _ANY_UNIT.fullmatch(text):
            try:
                lookup_unit((loose["prefix"] or "") + loose["base"])
            except UnknownUnitError as error:
                raise ValueError(f"cannot read '{text}' as an amount: {error}") from None
        raise ValueError(
            f"cannot read '{text}' as an amount: expected a number, an optional 万/亿 and a "
            "known unit, with an optional qualifier (约, 近, 超, 余, 以上, 左右 …), e.g. "
            "'365.5亿元', '6.1万余户', '6.5%左右'"
        )
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
    number = groups["num"]
    numeral = "" if number[0].isdigit() else number
    if numeral and unit.exponent:
        # 一亿二千万元 is (一亿二千万)元, not (一亿二千)万元: read the numeral with its 万/亿.
        value = parse_number(number + unit.prefix) / unit.scale
    else:
        value = parse_number(number)
    if found:
        marker, position, qualifier = found[0]
        return Amount(value, unit, qualifier, marker, position, numeral)
    return Amount(value, unit, numeral=numeral)


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
    if amount.base_value > MAX_BASE_VALUE:
        limit = f"10^{_MAX_EXPONENT} {amount.unit.base}"
        return f"{amount} is larger than any real figure: at most {limit}"
    exponent = amount.value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 0
    if places > MAX_DECIMAL_PLACES:
        return f"{amount} has {places} decimal places; at most {MAX_DECIMAL_PLACES}"
    return None


def format_amount_as_written(amount: Amount, number: str | None = None) -> str:
    """Write an amount back in the source's own Chinese form; ``number`` replaces the
    digits (a locale-formatted or explicitly rounded number) where given.

    >>> format_amount_as_written(parse_amount("6.1万余户"))
    '6.1万余户'
    >>> format_amount_as_written(parse_amount("约836万平方米"))
    '约836万平方米'
    >>> format_amount_as_written(parse_amount("近两千元"))
    '近两千元'
    """
    if number is None:
        number = amount.numeral or format(amount.value, "f")
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
