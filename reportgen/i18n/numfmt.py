"""Exact number helpers on top of Babel: grouping, compact words, plural rules, rounding.

Values stay ``Decimal`` from the data file to the text. Scaling moves the
decimal point (:meth:`Decimal.scaleb`), which is exact; Babel formats the result
with the locale's symbols and grouping, showing exactly the digits the value has.

>>> format_exact(Decimal("17300"), "en"), format_exact(Decimal("17300"), "zh")
('17,300', '17,300')
>>> compact(Decimal("16672000000"), "en", (6, 9, 12))
'16.672 billion'
>>> compact(Decimal("365.5"), "en", (6, 9, 12), exponent=8)
'36.55 billion'
"""

from __future__ import annotations

import copy
import decimal
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel.numbers import NumberPattern

#: Enough precision that no value we format is ever rounded by the context.
_CONTEXT = decimal.Context(prec=100)


def fraction_digits(value: Decimal) -> int:
    """How many digits the value has after the decimal point (1.670 → 3, 1.4E+2 → 0).

    >>> fraction_digits(Decimal("1.670")), fraction_digits(Decimal("1.4E+2"))
    (3, 0)
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int), "only finite values are formatted"
    return max(0, -exponent)


def format_exact(value: Decimal | int, locale: str, *, grouping: bool = True) -> str:
    """Format with the locale's symbols and grouping, keeping exactly the value's digits.

    Trailing zeros the value carries are kept (6.50 stays "6.50"); none are added.

    >>> format_exact(Decimal("1696.7"), "en"), format_exact(Decimal("6.50"), "zh")
    ('1,696.7', '6.50')
    >>> format_exact(Decimal("12345.6"), "zh", grouping=False)
    '12345.6'
    """
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"cannot format {value}: not a finite number")
    pattern = copy.copy(Locale.parse(locale).decimal_formats[None])
    assert isinstance(pattern, NumberPattern)
    places = fraction_digits(value)
    pattern.frac_prec = (places, places)
    with decimal.localcontext(_CONTEXT):
        return str(pattern.apply(value, locale, group_separator=grouping))


def shift_exact(value: Decimal, shift: int) -> Decimal:
    """Move the decimal point by ``shift`` places, keeping only the digits the source wrote.

    Zeros that were whole-number digits in the source do not become decimals
    (2000亿 → 200 billion, not 200.0); zeros written after the source's decimal
    point stay (16.70亿 → 1.670 billion).

    >>> shift_exact(Decimal("2000"), -1), shift_exact(Decimal("16.70"), -1)
    (Decimal('2E+2'), Decimal('1.670'))
    >>> shift_exact(Decimal("1.73"), 4)
    Decimal('1.73E+4')
    """
    with decimal.localcontext(_CONTEXT):
        moved = value.scaleb(shift).normalize()
        written = fraction_digits(value)
        keep = max(0, written - shift) if written else 0
        if fraction_digits(moved) < keep:
            moved = moved.quantize(Decimal(1).scaleb(-keep))
        return moved


def compact(value: Decimal, locale: str, magnitudes: tuple[int, ...], *, exponent: int = 0) -> str:
    """The value (in units of 10^exponent) with its largest CLDR compact word, exactly.

    ``magnitudes`` are the powers of ten the language names (English: 6, 9, 12);
    below the smallest one the value is written in full, grouped.

    >>> compact(Decimal("166.72"), "en", (6, 9, 12), exponent=8)
    '16.672 billion'
    >>> compact(Decimal("1.4"), "en", (6, 9, 12), exponent=8)
    '140 million'
    >>> compact(Decimal("1.73"), "en", (6, 9, 12), exponent=4)
    '17,300'
    """
    size = magnitude(value.scaleb(exponent, _CONTEXT), magnitudes)
    mantissa = shift_exact(value, exponent - size)
    number = format_exact(mantissa, locale)
    if size == 0:
        return number
    return compact_word(size, mantissa, locale).replace("{0}", number)


def magnitude(value: Decimal, magnitudes: tuple[int, ...]) -> int:
    """The largest power of ten in ``magnitudes`` not above ``|value|``, else 0.

    >>> magnitude(Decimal("36550000000"), (6, 9, 12)), magnitude(Decimal("999999"), (6, 9))
    (9, 0)
    """
    size = abs(value)
    return max((m for m in magnitudes if size >= Decimal(1).scaleb(m)), default=0)


#: The most decimals an English amount shows at a scale before a smaller scale is used.
MAX_SCALED_PLACES = 3


def exact_scale(
    values: Sequence[Decimal],
    magnitudes: tuple[int, ...],
    *,
    exponent: int = 0,
    max_places: int = MAX_SCALED_PLACES,
) -> int:
    """The largest power of ten in ``magnitudes`` at which every value (in units of
    10^exponent) is shown exactly with at most ``max_places`` decimals, and the largest
    is at least 1; else 0 (the number in full).

    >>> exact_scale([Decimal("146419")], (6, 9, 12), exponent=4)  # 1,464.19 million
    6
    >>> exact_scale([Decimal("166.72")], (6, 9, 12), exponent=8)  # 16.672 billion
    9
    >>> exact_scale([Decimal("55.44"), Decimal("54.59")], (6, 9, 12), exponent=8)
    9
    >>> exact_scale([Decimal("1.73")], (6, 9, 12), exponent=4)  # 17,300: below a million
    0
    >>> exact_scale([Decimal("123.4567")], (6, 9, 12), exponent=4)  # 1,234,567
    0
    """
    largest = max((abs(v) for v in values), default=Decimal(0)).scaleb(exponent, _CONTEXT)
    for size in sorted(magnitudes, reverse=True):
        if largest < Decimal(1).scaleb(size):
            continue
        if all(fraction_digits(shift_exact(v, exponent - size)) <= max_places for v in values):
            return size
    return 0


def compact_word(exponent: int, mantissa: Decimal, locale: str) -> str:
    """CLDR's long compact pattern for 10^exponent, with ``{0}`` where the number goes.

    >>> compact_word(9, Decimal("36.55"), "en")
    '{0} billion'
    """
    loc = Locale.parse(locale)
    patterns = loc.compact_decimal_formats["long"]
    category = loc.plural_form(mantissa)
    chosen = patterns[category] if category in patterns else patterns["other"]
    pattern = chosen[str(10**exponent)].pattern
    return re.sub("0+", "{0}", pattern.replace("'", ""), count=1)


def plural_category(value: Decimal, locale: str) -> str:
    """The CLDR plural category of a value as written (1 → one, 1.0 → other in English).

    >>> plural_category(Decimal("1"), "en"), plural_category(Decimal("1.0"), "en")
    ('one', 'other')
    >>> plural_category(Decimal("1"), "zh")
    'other'
    """
    return Locale.parse(locale).plural_form(value)


def ordinal_category(n: int, locale: str) -> str:
    """The CLDR ordinal category (English: 1 one, 2 two, 3 few, 11 other).

    >>> [ordinal_category(n, "en") for n in (1, 2, 3, 4, 11, 22)]
    ['one', 'two', 'few', 'other', 'other', 'two']
    """
    return Locale.parse(locale).ordinal_form(n)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round to ``places`` decimals half-up (四舍五入), never banker's rounding.

    >>> round_half_up(Decimal("2.25"), 1), round_half_up(Decimal("2.35"), 1)
    (Decimal('2.3'), Decimal('2.4'))
    >>> round_half_up(Decimal("16.672"), 0)
    Decimal('17')
    """
    if places < 0:
        raise ValueError(f"round to 0 or more decimal places, not {places}")
    with decimal.localcontext(_CONTEXT):
        return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
