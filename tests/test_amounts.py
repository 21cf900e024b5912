"""Amounts as the sources write them: exact values, units, qualifiers in their own place."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.facts.amounts import (
    INNER_MARKERS,
    PREFIX_MARKERS,
    SUFFIX_MARKERS,
    Amount,
    Direction,
    MarkerPosition,
    Qualifier,
    format_amount_as_written,
    parse_amount,
    parse_change,
)
from reportgen.facts.units import UNITS, lookup_unit

Q = Qualifier
P = MarkerPosition

# written: (value, unit code, qualifier, marker, position, numeral, base value)
PARSED = {
    "365.5亿元": ("365.5", "亿元", Q.EXACT, "", P.NONE, "", "36550000000"),
    "7000余万元": ("7000", "万元", Q.MORE_THAN, "余", P.AFTER_NUMBER, "", "70000000"),
    "超500亿元": ("500", "亿元", Q.OVER, "超", P.BEFORE, "", "50000000000"),
    "近40亿元": ("40", "亿元", Q.NEARLY, "近", P.BEFORE, "", "4000000000"),
    "1.73万人以上": ("1.73", "万人", Q.AT_LEAST, "以上", P.AFTER, "", "17300"),
    "3639万人次": ("3639", "万人次", Q.EXACT, "", P.NONE, "", "36390000"),
    "6.1万余户": ("6.1", "万户", Q.MORE_THAN, "余", P.AFTER_PREFIX, "", "61000"),
    "121栋": ("121", "栋", Q.EXACT, "", P.NONE, "", "121"),
    "388趟": ("388", "趟", Q.EXACT, "", P.NONE, "", "388"),
    "30个以上": ("30", "个", Q.AT_LEAST, "以上", P.AFTER, "", "30"),
    "8300余人": ("8300", "人", Q.MORE_THAN, "余", P.AFTER_NUMBER, "", "8300"),
    "近两千元": ("2000", "元", Q.NEARLY, "近", P.BEFORE, "两千", "2000"),
    "300多家": ("300", "家", Q.MORE_THAN, "多", P.AFTER_NUMBER, "", "300"),
    "约741亿元": ("741", "亿元", Q.ABOUT, "约", P.BEFORE, "", "74100000000"),
    "46.6%": ("46.6", "%", Q.EXACT, "", P.NONE, "", "46.6"),
    "13.9个百分点": ("13.9", "个百分点", Q.EXACT, "", P.NONE, "", "13.9"),
    "1696.7人年": ("1696.7", "人年", Q.EXACT, "", P.NONE, "", "1696.7"),
    "39平方公里": ("39", "平方公里", Q.EXACT, "", P.NONE, "", "39"),
    "不到3公里": ("3", "公里", Q.UP_TO, "不到", P.BEFORE, "", "3"),
    "突破百亿元": ("100", "亿元", Q.OVER, "突破", P.BEFORE, "百", "10000000000"),
    "6.5%左右": ("6.5", "%", Q.ABOUT, "左右", P.AFTER, "", "6.5"),
    "约836万平方米": ("836", "万平方米", Q.ABOUT, "约", P.BEFORE, "", "8360000"),
    "近百家": ("100", "家", Q.NEARLY, "近", P.BEFORE, "百", "100"),
    "近百亿元": ("100", "亿元", Q.NEARLY, "近", P.BEFORE, "百", "10000000000"),
    "两千万元": ("2000", "万元", Q.EXACT, "", P.NONE, "两千", "20000000"),
    "一亿二千万元": ("12000", "万元", Q.EXACT, "", P.NONE, "一亿二千", "120000000"),
    "一万五千亿元": ("15000", "亿元", Q.EXACT, "", P.NONE, "一万五千", "1500000000000"),
    "三万亿元": ("3", "万亿元", Q.EXACT, "", P.NONE, "三", "3000000000000"),
    "十五家次": ("15", "家次", Q.EXACT, "", P.NONE, "十五", "15"),
    "20余万平方米": ("20", "万平方米", Q.MORE_THAN, "余", P.AFTER_NUMBER, "", "200000"),
    "逾3000人次": ("3000", "人次", Q.OVER, "逾", P.BEFORE, "", "3000"),
    "不足1%": ("1", "%", Q.UP_TO, "不足", P.BEFORE, "", "1"),
    "100多万元": ("100", "万元", Q.MORE_THAN, "多", P.AFTER_NUMBER, "", "1000000"),
    "100万多元": ("100", "万元", Q.MORE_THAN, "多", P.AFTER_PREFIX, "", "1000000"),
    "50万元多": ("50", "万元", Q.MORE_THAN, "多", P.AFTER, "", "500000"),
    "3.4‰": ("3.4", "‰", Q.EXACT, "", P.NONE, "", "3.4"),
    "42000元/人": ("42000", "元/人", Q.EXACT, "", P.NONE, "", "42000"),
    "10.2万元/人": ("10.2", "万元/人", Q.EXACT, "", P.NONE, "", "102000"),
    "102.87": ("102.87", "", Q.EXACT, "", P.NONE, "", "102.87"),
    "约101.2": ("101.2", "", Q.ABOUT, "约", P.BEFORE, "", "101.2"),
    "-44.6%": ("-44.6", "%", Q.EXACT, "", P.NONE, "", "-44.6"),
    "−1.96个百分点": ("-1.96", "个百分点", Q.EXACT, "", P.NONE, "", "-1.96"),
    "-3.5亿元": ("-3.5", "亿元", Q.EXACT, "", P.NONE, "", "-350000000"),
    "-0.8": ("-0.8", "", Q.EXACT, "", P.NONE, "", "-0.8"),
}

# written: (lower, upper, separator, numeral, unit code, base values)
RANGES = {
    "1—2个": ("1", "2", "—", "", "个", ("1", "2")),
    "3~5亿元": ("3", "5", "~", "", "亿元", ("300000000", "500000000")),
    "一至两个": ("1", "2", "至", "一至两", "个", ("1", "2")),
    "约10-20万人": ("10", "20", "-", "", "万人", ("100000", "200000")),
}


@pytest.mark.parametrize(("text", "expected"), RANGES.items(), ids=list(RANGES))
def test_parse_range(text: str, expected: tuple[str, str, str, str, str, tuple[str, str]]) -> None:
    lower, upper, separator, numeral, unit, bases = expected
    amount = parse_amount(text)
    assert (amount.value, amount.upper) == (Decimal(lower), Decimal(upper))
    assert (amount.separator, amount.numeral, amount.unit.code) == (separator, numeral, unit)
    assert (amount.base_value, amount.upper_base_value) == tuple(Decimal(b) for b in bases)
    assert format_amount_as_written(amount) == text
    assert amount.values == (Decimal(lower), Decimal(upper))


def test_a_single_value_has_no_upper_end() -> None:
    amount = parse_amount("1.2万人")
    assert amount.upper is None and amount.upper_base_value is None
    assert amount.values == (Decimal("1.2"),)


@pytest.mark.parametrize(("text", "expected"), PARSED.items(), ids=list(PARSED))
def test_parse_amount(text: str, expected: tuple[str, str, Q, str, P, str, str]) -> None:
    value, unit, qualifier, marker, position, numeral, base = expected
    amount = parse_amount(text)
    assert type(amount.value) is Decimal
    assert str(amount.value) == value
    assert amount.unit is lookup_unit(unit)
    assert (amount.qualifier, amount.marker, amount.position, amount.numeral) == (
        qualifier,
        marker,
        position,
        numeral,
    )
    assert type(amount.base_value) is Decimal
    assert amount.base_value == Decimal(base)


ROUND_TRIP = [
    *["365.5亿元", "7000余万元", "超500亿元", "近40亿元", "1.73万人以上", "3639万人次"],
    *["6.1万余户", "121栋", "388趟", "30个以上", "8300余人", "近两千元", "300多家"],
    *["约741亿元", "46.6%", "13.9个百分点", "1696.7人年", "39平方公里", "不到3公里"],
    *["突破百亿元", "6.5%左右", "365.50亿元", "一亿二千万元", "将近一千三百人", "0.5%"],
    *["-44.6%", "102.87", "约101.2", "3.4‰", "42000元/人", "100左右"],
]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_written_form_round_trips(text: str) -> None:
    amount = parse_amount(text)
    assert format_amount_as_written(amount) == text
    assert str(amount) == text


def test_surrounding_space_is_ignored() -> None:
    assert parse_amount(" 365.5亿元\n") == parse_amount("365.5亿元")


# Every marker in every place it may stand, around 500万元.
MARKER_CASES = [
    *[(f"{m}500万元", q, m, P.BEFORE) for m, q in PREFIX_MARKERS.items()],
    *[(f"500{m}万元", q, m, P.AFTER_NUMBER) for m, q in INNER_MARKERS.items()],
    *[(f"500万{m}元", q, m, P.AFTER_PREFIX) for m, q in INNER_MARKERS.items()],
    *[(f"500万元{m}", q, m, P.AFTER) for m, q in SUFFIX_MARKERS.items()],
]


def test_the_marker_tables() -> None:
    assert PREFIX_MARKERS == {
        "约": Q.ABOUT,
        "近": Q.NEARLY,
        "将近": Q.NEARLY,
        "接近": Q.NEARLY,
        "超": Q.OVER,
        "超过": Q.OVER,
        "突破": Q.OVER,
        "逾": Q.OVER,
        "不到": Q.UP_TO,
        "不足": Q.UP_TO,
    }
    assert INNER_MARKERS == {"余": Q.MORE_THAN, "多": Q.MORE_THAN}
    assert SUFFIX_MARKERS == {"以上": Q.AT_LEAST, "左右": Q.ABOUT, "多": Q.MORE_THAN}


@pytest.mark.parametrize(("text", "qualifier", "marker", "position"), MARKER_CASES)
def test_every_marker_in_its_place(text: str, qualifier: Q, marker: str, position: P) -> None:
    amount = parse_amount(text)
    assert (amount.value, amount.unit.code) == (Decimal(500), "万元")
    assert (amount.qualifier, amount.marker, amount.position) == (qualifier, marker, position)
    assert format_amount_as_written(amount) == text


def test_two_character_markers_are_not_read_as_one() -> None:
    # 超过 is one marker, not 超 followed by garbage; 将近/接近 likewise.
    assert parse_amount("超过500亿元").marker == "超过"
    assert parse_amount("将近500亿元").marker == "将近"


def test_exact_amount_has_no_marker() -> None:
    amount = parse_amount("365.5亿元")
    assert amount == Amount(Decimal("365.5"), UNITS["亿元"])
    assert (amount.qualifier, amount.marker, amount.position) == (Q.EXACT, "", P.NONE)


def test_base_value_is_exact_where_float_is_not() -> None:
    tenth, fifth, three_tenths = (parse_amount(t) for t in ("0.1元", "0.2元", "0.3元"))
    assert tenth.base_value + fifth.base_value == three_tenths.base_value
    assert 0.1 + 0.2 != 0.3  # what float would have done
    huge = parse_amount("123456789012.3456789万亿元")
    assert huge.base_value == Decimal("123456789012345678900000")
    assert not any(isinstance(v, float) for v in vars(huge).values())


UNKNOWN_UNIT = "unknown unit '{}'; known units: "

BAD_AMOUNTS = {
    "abc": "cannot read 'abc' as an amount: expected a number, an optional 万/亿 and a known "
    "unit, with an optional qualifier (约, 近, 超, 余, 以上, 左右 …), e.g. '365.5亿元', "
    "'6.1万余户', '6.5%左右'",
    "": "cannot read '' as an amount: expected a number",
    "12 亿元": "cannot read '12 亿元' as an amount: write the amount without spaces: '12亿元'",
    "+5%": "cannot read '+5%' as an amount: an amount is a level and takes no '+'",
    "-5个": "cannot read '-5个' as an amount: a count level is never negative",
    "-3530人": "cannot read '-3530人' as an amount: a people level is never negative",
    "--5%": "cannot read '--5%' as an amount: it has two signs",
    "2—1个": "cannot read '2—1个' as an amount: a range runs from low to high",
    "-1—2%": "cannot read '-1—2%' as an amount: a range takes no sign",
    "两万": "cannot read '两万' as an amount: " + UNKNOWN_UNIT.format("万"),
    "12亿美元": "cannot read '12亿美元' as an amount: " + UNKNOWN_UNIT.format("亿美元"),
    "约12亿美元以上": "cannot read '约12亿美元以上' as an amount: " + UNKNOWN_UNIT.format("亿美元"),
    "5万%": UNKNOWN_UNIT.format("万%"),
    "3万公里": UNKNOWN_UNIT.format("万公里"),
    "约300多家": "'约300多家' has more than one qualifier; keep the one the source wrote",
    "近6.5%左右": "'近6.5%左右' has more than one qualifier; keep the one the source wrote",
    "三五个": "expected a decimal number, got '三五'",
}


@pytest.mark.parametrize(("text", "message"), BAD_AMOUNTS.items(), ids=list(BAD_AMOUNTS))
def test_bad_amounts_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_amount(text)
    assert str(caught.value).startswith(message)
    if "unknown unit" in message:
        assert "known units: %, ‰, 个, 个百分点, 人, 人年, 人次" in str(caught.value)


CHANGES = [
    ("+6.4%", Direction.UP, "6.4", "%", Q.EXACT),
    ("-3.2%", Direction.DOWN, "3.2", "%", Q.EXACT),
    ("−3.2%", Direction.DOWN, "3.2", "%", Q.EXACT),  # U+2212 minus sign
    ("+15%以上", Direction.UP, "15", "%", Q.AT_LEAST),
    ("+13.9个百分点", Direction.UP, "13.9", "个百分点", Q.EXACT),
    ("-0.5个百分点", Direction.DOWN, "0.5", "个百分点", Q.EXACT),
    ("-3530人", Direction.DOWN, "3530", "人", Q.EXACT),
    ("+0.9个百分点", Direction.UP, "0.9", "个百分点", Q.EXACT),
    ("-0.35‰", Direction.DOWN, "0.35", "‰", Q.EXACT),
    ("+2.1亿元", Direction.UP, "2.1", "亿元", Q.EXACT),
    (" +6.4% ", Direction.UP, "6.4", "%", Q.EXACT),
]


@pytest.mark.parametrize(("text", "direction", "value", "unit", "qualifier"), CHANGES)
def test_parse_change(text: str, direction: Direction, value: str, unit: str, qualifier: Q) -> None:
    change = parse_change(text)
    assert change.direction is direction
    assert str(change.amount.value) == value
    assert type(change.amount.value) is Decimal
    assert change.amount.unit.code == unit
    assert change.amount.qualifier is qualifier


@pytest.mark.parametrize("text", ["6.4%", "13.9个百分点", "约6.4%"])
def test_change_without_sign(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_change(text)
    assert str(caught.value) == (
        f"a change needs a sign: '+{text}' for growth, '-{text}' for a decline"
    )


def test_change_with_a_bad_amount() -> None:
    with pytest.raises(ValueError) as caught:
        parse_change("+abc")
    assert str(caught.value).startswith("cannot read 'abc' as an amount")
    with pytest.raises(ValueError, match=r"^a change needs a sign"):
        parse_change("")


@given(
    value=st.decimals(min_value=0, max_value=10**15, places=6, allow_nan=False),
    code=st.sampled_from(sorted(UNITS)),
)
def test_base_value_is_value_times_scale_exactly(value: Decimal, code: str) -> None:
    amount = parse_amount(format(value, "f") + code)
    assert type(amount.value) is Decimal
    assert amount.value == value
    assert amount.unit.code == code
    assert amount.base_value == value * UNITS[code].scale
    # And against an oracle that only moves the decimal point.
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    assert amount.base_value == Decimal((sign, digits, exponent + UNITS[code].exponent))
    assert format_amount_as_written(amount) == format(value, "f") + code
