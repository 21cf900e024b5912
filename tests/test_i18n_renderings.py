"""Issue 3's required renderings, each a test, in both directions of the language pair.

Each amount row is checked three ways: Chinese keeps the source's own form, English
says the same thing, and both read back to the same exact value in the base unit.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.facts.amounts import parse_amount
from reportgen.facts.model import Noun, Text
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.parse import find_amounts, parse_rendered

JINAN = Text(zh="济南市", en="Jinan")
EN = Formatter("en", city=JINAN)
ZH = Formatter("zh", city=JINAN)

# written (zh, the source's form) → en prose, en table, en unit label
AMOUNTS = [
    ("365.5亿元", "36.55 billion yuan", "36.55 billion", "RMB"),
    ("166.72亿元", "16.672 billion yuan", "16.672 billion", "RMB"),
    ("2370万元", "23.7 million yuan", "23.7 million", "RMB"),
    ("1.4亿元", "140 million yuan", "140 million", "RMB"),
    ("2000亿元", "200 billion yuan", "200 billion", "RMB"),
    ("7000余万元", "more than 70 million yuan", "more than 70 million", "RMB"),
    ("超500亿元", "over 50 billion yuan", "over 50 billion", "RMB"),
    ("近40亿元", "nearly 4 billion yuan", "nearly 4 billion", "RMB"),
    ("近两千元", "nearly 2,000 yuan", "nearly 2,000", "RMB"),
    ("1万亿元", "1 trillion yuan", "1 trillion", "RMB"),
    ("836万平方米", "8.36 million square meters", "8.36 million", "m²"),
    ("约836万平方米", "around 8.36 million square meters", "around 8.36 million", "m²"),
    ("39平方公里", "39 square kilometers", "39", "km²"),
    ("1.73万人以上", "over 17,300 people", "over 17,300", "people"),
    ("8300余人", "more than 8,300 people", "more than 8,300", "people"),
    ("1人", "1 person", "1", "people"),
    ("3639万人次", "36.39 million visits", "36.39 million", "visits"),
    ("6.1万余户", "more than 61,000 households", "more than 61,000", "households"),
    ("121栋", "121 buildings", "121", "buildings"),
    ("388趟", "388 trains", "388", "trains"),
    ("30个以上", "over 30 items", "over 30", "items"),
    ("1696.7人年", "1,696.7 person-years", "1,696.7", "person-years"),
    ("46.6%", "46.6 percent", "46.6%", "%"),
    ("6.5%左右", "around 6.5 percent", "around 6.5%", "%"),
    ("不到3公里", "less than 3 kilometers", "less than 3", "km"),
    ("16.70亿元", "1.670 billion yuan", "1.670 billion", "RMB"),
    ("6.50%", "6.50 percent", "6.50%", "%"),
]


@pytest.mark.parametrize(("written", "prose", "table", "label"), AMOUNTS)
def test_amount_in_both_languages(written: str, prose: str, table: str, label: str) -> None:
    assert EN.amount(written) == prose
    assert EN.amount(written, "table") == table
    assert EN.unit_label(written) == label
    assert ZH.amount(written) == ZH.amount(written, "table") == written
    expected = parse_amount(written).base_value
    for text, lang, header in [(prose, "en", None), (table, "en", label), (written, "zh", None)]:
        value, dimension = parse_rendered(text, lang, unit_label=header)
        assert value == expected
        assert dimension is parse_amount(written).unit.dimension


def test_zh_unit_label_is_the_unit_as_written() -> None:
    assert [ZH.unit_label(a) for a in ("365.5亿元", "836万平方米", "46.6%")] == [
        "亿元",
        "万平方米",
        "%",
    ]


PARK = Noun(zh="体育公园", en="sports park", en_plural="sports parks")
VENUE = Noun(zh="体育场馆", en="sports venue", en_plural="sports venues")
HOME = Noun(zh="住宅楼", en="residential building", en_plural="residential buildings")


@pytest.mark.parametrize(
    ("written", "item", "en", "zh"),
    [
        ("1个", PARK, "1 sports park", "1个体育公园"),
        ("15个", VENUE, "15 sports venues", "15个体育场馆"),
        ("121栋", HOME, "121 residential buildings", "121栋住宅楼"),
    ],
)
def test_item_noun_overrides_the_measure_word(written: str, item: Noun, en: str, zh: str) -> None:
    assert EN.amount(written, item=item) == en
    assert ZH.amount(written, item=item) == zh
    assert EN.unit_label(written, item) == item.en_plural
    assert parse_rendered(en, "en") == parse_rendered(zh, "zh")


@pytest.mark.parametrize(
    ("change", "status", "en", "zh"),
    [
        ("+6.4%", None, "up 6.4 percent year on year", "同比增长6.4%"),
        ("-3.2%", None, "down 3.2 percent year on year", "同比下降3.2%"),
        ("+15%以上", None, "up over 15 percent year on year", "同比增长15%以上"),
        ("+6.2%左右", "estimate", "estimated growth of around 6.2 percent", "预计增长6.2%左右"),
        ("+6.5%左右", "target", "a target of around 6.5 percent growth", "增长6.5%左右"),
        ("-5%", "target", "a reduction target of 5 percent", "下降5%"),
        ("+8%", "plan", "planned growth of 8 percent", "计划增长8%"),
        ("-2%", "estimate", "an estimated decline of 2 percent", "预计下降2%"),
    ],
)
def test_change_prose(change: str, status: str | None, en: str, zh: str) -> None:
    assert EN.change(change, status=status) == en
    assert ZH.change(change, status=status) == zh


@pytest.mark.parametrize(
    ("change", "en", "zh"),
    [
        ("+6.4%", "+6.4%", "+6.4%"),
        ("-3.2%", "\u22123.2%", "\u22123.2%"),
        ("+6.5%左右", "around +6.5%", "+6.5%左右"),
    ],
)
def test_change_table_is_signed_with_a_true_minus(change: str, en: str, zh: str) -> None:
    assert EN.change(change, "table") == en
    assert ZH.change(change, "table") == zh
    assert parse_rendered(en, "en")[0] == parse_rendered(zh, "zh")[0]


@pytest.mark.parametrize(
    ("gap", "style", "en", "zh"),
    [
        (
            "+13.9个百分点",
            "prose",
            "13.9 percentage points above the citywide rate",
            "高于全市13.9个百分点",
        ),
        (
            "-2.1个百分点",
            "prose",
            "2.1 percentage points below the citywide rate",
            "低于全市2.1个百分点",
        ),
        ("+1个百分点", "prose", "1 percentage point above the citywide rate", "高于全市1个百分点"),
        ("+13.9个百分点", "table", "+13.9 pp", "+13.9个百分点"),
        ("-2.1个百分点", "table", "\u22122.1 pp", "\u22122.1个百分点"),
    ],
)
def test_gap(gap: str, style: str, en: str, zh: str) -> None:
    assert EN.gap(gap, style) == en
    assert ZH.gap(gap, style) == zh


@pytest.mark.parametrize(
    ("n", "style", "en", "zh"),
    [
        (3, "prose", "ranking third in Jinan", "位列全市第三"),
        (1, "prose", "ranking first in Jinan", "位列全市第一"),
        (10, "prose", "ranking tenth in Jinan", "位列全市第十"),
        (11, "prose", "ranking 11th in Jinan", "位列全市第11"),
        (22, "prose", "ranking 22nd in Jinan", "位列全市第22"),
        (3, "table", "3rd", "第3"),
        (12, "table", "12th", "第12"),
        (23, "table", "23rd", "第23"),
    ],
)
def test_rank(n: int, style: str, en: str, zh: str) -> None:
    assert EN.rank(n, style) == en
    assert ZH.rank(n, style) == zh


def test_rank_without_a_city() -> None:
    assert Formatter("en").rank(3) == "ranking third in the city"


@pytest.mark.parametrize(
    ("period", "style", "en", "zh"),
    [
        ("2023-H1", "prose", "the first half of 2023", "2023年上半年"),
        ("2023-H2", "prose", "the second half of 2023", "2023年下半年"),
        ("2023-H1", "table", "H1 2023", "2023年上半年"),
        ("2023-01/2023-05", "prose", "January–May 2023", "2023年1—5月"),
        ("2023-01/2023-11", "prose", "January–November 2023", "2023年1—11月"),
        ("2023-01/2023-05", "table", "Jan–May 2023", "2023年1—5月"),
        ("2023-05/2023-05", "prose", "May 2023", "2023年5月"),
        ("as of 2023-11", "prose", "as of November 2023", "截至2023年11月"),
        ("as of 2023-11-30", "prose", "as of 30 November 2023", "截至2023年11月30日"),
        ("as of 2023-11", "table", "as of Nov 2023", "截至2023年11月"),
        ("2023", "prose", "2023", "2023年"),
        ("unknown", "prose", "", ""),
        ("unknown", "table", "—", "—"),
    ],
)
def test_period(period: str, style: str, en: str, zh: str) -> None:
    assert EN.period(period, style) == en
    assert ZH.period(period, style) == zh


@pytest.mark.parametrize(
    ("period", "status", "en", "zh"),
    [
        ("2024", "target", "2024 target", "2024年目标"),
        ("2023", "estimate", "2023 estimate", "2023年预计"),
        ("2024", "plan", "2024 plan", "2024年计划"),
        ("2023", "actual", "2023", "2023年"),
        ("2024-H1", "target", "H1 2024 target", "2024年上半年目标"),
    ],
)
def test_period_with_status(period: str, status: str, en: str, zh: str) -> None:
    assert EN.period(period, status=status) == en
    assert ZH.period(period, status=status) == zh


@pytest.mark.parametrize(
    ("status", "en", "zh"),
    [
        ("actual", "", ""),
        ("estimate", "estimate", "预计"),
        ("target", "target", "目标"),
        ("plan", "plan", "计划"),
    ],
)
def test_status(status: str, en: str, zh: str) -> None:
    assert (EN.status(status), ZH.status(status)) == (en, zh)


@pytest.mark.parametrize(
    ("date", "en", "zh"),
    [
        ("2024-01", "January 2024", "2024年1月"),
        ("2024-01-17", "17 January 2024", "2024年1月17日"),
        ("2023", "2023", "2023年"),
    ],
)
def test_date(date: str, en: str, zh: str) -> None:
    assert (EN.date(date), ZH.date(date)) == (en, zh)


def test_number_groups_and_keeps_every_digit() -> None:
    assert EN.number(Decimal("17300")) == "17,300"
    assert EN.number(Decimal("1234567.891011")) == "1,234,567.891011"
    assert EN.number(12) == "12"
    assert ZH.number(Decimal("1696.7")) == "1,696.7"


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.25", 1, "2.3"),
        ("2.35", 1, "2.4"),
        ("0.5", 0, "1"),
        ("1.5", 0, "2"),
        ("2.5", 0, "3"),
        ("16.672", 2, "16.67"),
        ("16.675", 2, "16.68"),
    ],
)
def test_round_is_half_up_not_bankers(value: str, places: int, expected: str) -> None:
    assert EN.round(Decimal(value), places) == expected
    assert ZH.round(Decimal(value), places) == expected


def test_amount_rounds_only_when_asked() -> None:
    assert EN.amount("166.72亿元") == "16.672 billion yuan"
    assert EN.amount("166.72亿元", places=2) == "16.67 billion yuan"
    assert EN.amount("166.75亿元", places=2) == "16.68 billion yuan"
    assert ZH.amount("166.725亿元", places=2) == "166.73亿元"


def test_noun_follows_cldr_plural_rules() -> None:
    assert [EN.noun(PARK, n) for n in (1, 2, 0)] == ["sports park", "sports parks", "sports parks"]
    assert EN.noun(PARK, Decimal("1.0")) == "sports parks"
    assert ZH.noun(PARK, 1) == "体育公园"


def test_find_amounts_in_running_text() -> None:
    en = "GDP reached 36.55 billion yuan, up 6.4 percent; "
    en += "over 17,300 people and 121 residential buildings."
    found = find_amounts(en, "en", nouns=["residential buildings"])
    assert [f.text for f in found] == [
        "36.55 billion yuan", "6.4 percent", "over 17,300 people", "121 residential buildings",
    ]  # fmt: skip
    assert found[2].value == Decimal(17300)
    zh = "全区生产总值365.5亿元，同比增长6.4%；新增就业1.73万人以上，近两千元。"
    assert [f.text for f in find_amounts(zh, "zh")] == ["365.5亿元", "6.4%", "1.73万人以上"]
    assert [f.text for f in find_amounts(zh, "zh", numerals=True)][-1] == "近两千元"
