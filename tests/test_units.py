"""The unit registry: dimension and exact scale of every unit code."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.facts.units import (
    BASES_LONGEST_FIRST,
    MEASURE_WORDS,
    UNITS,
    Dimension,
    UnknownUnitError,
    lookup_unit,
)

D = Dimension

# code: (base, prefix, dimension, exponent)
KNOWN = {
    "元": ("元", "", D.MONEY, 0),
    "万元": ("元", "万", D.MONEY, 4),
    "亿元": ("元", "亿", D.MONEY, 8),
    "万亿元": ("元", "万亿", D.MONEY, 12),
    "平方米": ("平方米", "", D.AREA, 0),
    "万平方米": ("平方米", "万", D.AREA, 4),
    "平方公里": ("平方公里", "", D.AREA, 0),
    "人": ("人", "", D.PEOPLE, 0),
    "万人": ("人", "万", D.PEOPLE, 4),
    "人次": ("人次", "", D.VISITS, 0),
    "万人次": ("人次", "万", D.VISITS, 4),
    "人年": ("人年", "", D.PERSON_YEARS, 0),
    "公里": ("公里", "", D.LENGTH, 0),
    "%": ("%", "", D.PERCENT, 0),
    "个百分点": ("个百分点", "", D.PERCENTAGE_POINTS, 0),
    "万户": ("户", "万", D.COUNT, 4),
    "万家": ("家", "万", D.COUNT, 4),
    "个": ("个", "", D.COUNT, 0),
    "家次": ("家次", "", D.COUNT, 0),
    "亿次": ("次", "亿", D.COUNT, 8),
    "‰": ("‰", "", D.PERMILLE, 0),
    "元/人": ("元/人", "", D.MONEY_PER_PERSON, 0),
    "万元/人": ("元/人", "万", D.MONEY_PER_PERSON, 4),
}

SCALES = {0: Decimal(1), 4: Decimal(10_000), 8: Decimal(100_000_000), 12: Decimal(10**12)}

ALL_MEASURE_WORDS = [
    "个", "家", "家次", "项", "场", "处", "部", "户", "栋", "间", "趟", "所",
    "件", "名", "辆", "套", "座", "条", "次", "批", "台", "份", "张", "类",
]  # fmt: skip


@pytest.mark.parametrize(("code", "expected"), KNOWN.items(), ids=list(KNOWN))
def test_unit_dimension_and_scale(code: str, expected: tuple[str, str, Dimension, int]) -> None:
    base, prefix, dimension, exponent = expected
    unit = lookup_unit(code)
    assert unit is UNITS[code]
    assert (unit.code, unit.base, unit.prefix, unit.dimension, unit.exponent) == (
        code,
        base,
        prefix,
        dimension,
        exponent,
    )
    assert type(unit.scale) is Decimal
    assert unit.scale == SCALES[exponent]
    assert unit.is_count is (dimension is D.COUNT)


def test_measure_words_are_the_documented_ones() -> None:
    assert list(MEASURE_WORDS) == ALL_MEASURE_WORDS


@pytest.mark.parametrize("word", ALL_MEASURE_WORDS)
@pytest.mark.parametrize(("prefix", "exponent"), [("", 0), ("万", 4), ("亿", 8), ("万亿", 12)])
def test_every_measure_word_is_a_count_that_takes_every_prefix(
    word: str, prefix: str, exponent: int
) -> None:
    unit = lookup_unit(prefix + word)
    assert unit.dimension is D.COUNT
    assert unit.is_count
    assert (unit.base, unit.prefix, unit.exponent) == (word, prefix, exponent)


@pytest.mark.parametrize("code", ["万%", "亿个百分点", "万平方公里", "万公里", "万人年", "亿%"])
def test_unscaled_units_take_no_prefix(code: str) -> None:
    assert code not in UNITS
    with pytest.raises(UnknownUnitError):
        lookup_unit(code)


def test_registry_size() -> None:
    # 6 unscaled bases, and 5 scalable bases + 24 measure words with 4 prefixes each.
    assert len(UNITS) == 6 + (5 + 24) * 4


def test_unknown_unit_lists_the_known_ones() -> None:
    with pytest.raises(UnknownUnitError) as caught:
        lookup_unit("亿美元")
    message = str(caught.value)
    head = "unknown unit '亿美元'; known units: "
    tail = (
        " (元, 平方米, 人, 人次, 元/人 and the measure words also take 万/亿/万亿;"
        " a ratio or index is a bare number)"
    )
    assert message.startswith(head)
    assert message.endswith(tail)
    listed = message.removeprefix(head).removesuffix(tail).split(", ")
    expected = ["元", "平方米", "平方公里", "人", "人次", "人年", "公里", "%", "个百分点"]
    expected += ["‰", "元/人"]
    assert listed == sorted(expected + ALL_MEASURE_WORDS)
    assert isinstance(caught.value, ValueError)


def test_bases_longest_first_so_longer_units_win() -> None:
    lengths = [len(b) for b in BASES_LONGEST_FIRST]
    assert lengths == sorted(lengths, reverse=True)
    order = BASES_LONGEST_FIRST.index
    assert order("个百分点") < order("个")
    assert order("人次") < order("人")
    assert order("人年") < order("人")
    assert order("家次") < order("家")
    assert order("平方公里") < order("公里")


def test_a_bare_number_is_a_ratio_or_index_outside_the_registry() -> None:
    unit = lookup_unit("")
    assert (unit.code, unit.base, unit.dimension, unit.scale) == ("", "", D.NUMBER, 1)
    assert "" not in UNITS and "" not in BASES_LONGEST_FIRST


@pytest.mark.parametrize("code", ["万‰", "亿‰"])
def test_permille_takes_no_prefix(code: str) -> None:
    assert code not in UNITS
