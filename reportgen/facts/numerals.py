"""Exact parsing of numbers as Chinese sources write them.

>>> parse_number("365.5")
Decimal('365.5')
>>> parse_number("两千")
Decimal('2000')
>>> parse_number("百亿")
Decimal('10000000000')
>>> parse_number("千万")
Decimal('10000000')
>>> parse_number("一千三百")
Decimal('1300')
>>> parse_number("十五")
Decimal('15')
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}

#: Characters that may make up a Chinese numeral.
CHINESE_NUMERAL_CHARS = "".join([*_DIGITS, *_SMALL_UNITS, *_BIG_UNITS])
ARABIC_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_number(text: str) -> Decimal:
    """Parse an Arabic decimal or a Chinese numeral into an exact ``Decimal``.

    Raises ``ValueError`` for anything else (no float is ever involved).

    >>> parse_number("1.73")
    Decimal('1.73')
    >>> parse_number("abc")
    Traceback (most recent call last):
    ...
    ValueError: expected a decimal number, got 'abc'
    >>> parse_number("亿")
    Traceback (most recent call last):
    ...
    ValueError: expected a decimal number, got '亿'
    >>> parse_number("一万万")
    Traceback (most recent call last):
    ...
    ValueError: expected a decimal number, got '一万万'
    """
    if ARABIC_NUMBER.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the regex admits only digits
            pass
    elif (
        text
        and all(ch in CHINESE_NUMERAL_CHARS for ch in text)
        and any(ch not in _BIG_UNITS for ch in text)  # 万 or 亿 alone is a unit, not a number
    ):
        try:
            return Decimal(_parse_chinese(text))
        except ValueError:  # malformed: 二〇二三, 三五, 十百
            pass
    raise ValueError(f"expected a decimal number, got '{text}'")


def _parse_chinese(text: str) -> int:
    """Chinese numeral to int: sections split by 亿 then 万, each below 10^4."""
    total = 0
    rest = text
    for big, factor in (("亿", _BIG_UNITS["亿"]), ("万", _BIG_UNITS["万"])):
        if big in rest:
            head, rest = rest.split(big, 1)
            if big in rest:  # 一万万, 一亿亿: archaic or a slip, never read as 2万 or 2亿
                raise ValueError(f"expected a decimal number, got '{text}'")
            section = _parse_section(head) if head else 1
            total += section * factor
    if rest:
        total += _parse_section(rest)
    return total


def _parse_section(text: str) -> int:
    """A numeral below 10^4 (or a leading big unit's multiplier): 两千, 三百二十, 十五."""
    if any(ch in _BIG_UNITS for ch in text):
        return _parse_chinese(text)
    value = 0
    digit: int | None = None
    last_unit = 10**4
    for ch in text:
        if ch in _DIGITS:
            if digit:  # two digits in a row (二〇二三, 三五) have no exact value
                raise ValueError(f"expected a decimal number, got '{text}'")
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS and _SMALL_UNITS[ch] < last_unit:
            value += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit, last_unit = None, _SMALL_UNITS[ch]
        else:  # a place out of order (十百, 千千)
            raise ValueError(f"expected a decimal number, got '{text}'")
    if digit is not None:
        value += digit
    return value
