"""Numbers as Chinese sources write them, parsed exactly into Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.facts.numerals import parse_number

NUMBERS = [
    # Arabic decimals keep their written precision.
    ("365.5", "365.5"),
    ("365.50", "365.50"),
    ("0.5", "0.5"),
    ("2000", "2000"),
    ("7000", "7000"),
    ("1696.7", "1696.7"),
    # Chinese numerals.
    ("两千", "2000"),
    ("二千", "2000"),
    ("百亿", "10000000000"),
    ("千万", "10000000"),
    ("一千三百", "1300"),
    ("十五", "15"),
    ("十", "10"),
    ("二十", "20"),
    ("三百二十", "320"),
    ("百", "100"),
    ("两", "2"),
    ("三万", "30000"),
    ("一万五千", "15000"),
    ("一万零五百", "10500"),
    ("一亿二千万", "120000000"),
    ("一万五千亿", "1500000000000"),
    ("十五亿", "1500000000"),
    ("一千零五", "1005"),
    ("零", "0"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS, ids=[t for t, _ in NUMBERS])
def test_parse_number_exactly(text: str, expected: str) -> None:
    value = parse_number(text)
    assert type(value) is Decimal
    assert value == Decimal(expected)
    assert str(value) == expected  # the written precision is kept, no exponent form


BAD = [
    *["abc", "", "1,000", "1.2.3", "-5", "+5", "1e3", ".5", "5.", "三点五", "3万元", " 5"],
    # Chinese digits without places, or places out of order, have no exact value.
    *["二〇二三", "三五", "十百", "千千", "一百百"],
    *["万", "亿", "万亿"],  # a scale word alone is a unit, not a number
]


@pytest.mark.parametrize("text", BAD)
def test_parse_number_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_number(text)
    assert str(caught.value) == f"expected a decimal number, got '{text}'"
