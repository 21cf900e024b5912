"""Formatting for any county-level place and any official source: the English scale rule,
amounts in one scale, changes in points and absolute amounts, negative levels, ‰, ratios,
per-capita units, ranges, preliminary and unclear periods, place and source kinds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.facts.amounts import parse_amount
from reportgen.facts.model import PlaceKind, SourceKind, Text
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.numfmt import exact_scale
from reportgen.i18n.parse import parse_rendered
from reportgen.i18n.phrases import known_languages, phrases_for

EN, ZH = Formatter("en", city=Text(zh="云州市", en="Yunzhou")), Formatter("zh")

# written: English prose. The largest of million/billion/trillion at which the exact value
# needs at most three decimals; below a million, or when none fits, the number in full.
SCALES = {
    "146419万元": "1,464.19 million yuan",
    "166.72亿元": "16.672 billion yuan",
    "16.70亿元": "1.670 billion yuan",
    "365.5亿元": "36.55 billion yuan",
    "1.4亿元": "140 million yuan",
    "2000亿元": "200 billion yuan",
    "1万亿元": "1 trillion yuan",
    "1.23456万亿元": "1,234.56 billion yuan",
    "123.4567万元": "1,234,567 yuan",
    "1.73万人": "17,300 people",
    "7000余万元": "more than 70 million yuan",
}


@pytest.mark.parametrize(("written", "english"), SCALES.items(), ids=list(SCALES))
def test_english_scale_needs_at_most_three_decimals(written: str, english: str) -> None:
    assert EN.amount(written) == english
    assert ZH.amount(written) == written  # Chinese keeps the source's form


@pytest.mark.parametrize("written", SCALES)
def test_the_scaled_english_reads_back_exactly(written: str) -> None:
    amount = parse_amount(written)
    assert parse_rendered(EN.amount(written), "en")[0] == amount.base_value


def test_exact_scale_is_the_largest_that_fits() -> None:
    assert exact_scale([Decimal("1464190000")], (6, 9, 12)) == 6
    assert exact_scale([Decimal("1464000000")], (6, 9, 12)) == 9
    assert exact_scale([Decimal("1464100000")], (6, 9, 12)) == 6  # 1.4641 billion: 4 decimals
    assert exact_scale([Decimal("999999")], (6, 9, 12)) == 0
    assert exact_scale([], (6, 9, 12)) == 0


ROWS = [
    # (amounts, English table cells, Chinese table cells)
    (["55.44亿元", "54.59亿元"], ["5.544 billion", "5.459 billion"], ["55.44亿元", "54.59亿元"]),
    (["55.44亿元", "554400万元"], ["5.544 billion", "5.544 billion"], ["55.44亿元", "55.44亿元"]),
    (["146419万元", "166.72亿元"], ["1,464.19 million", "16,672 million"],
     ["146419万元", "1667200万元"]),
    (["约120亿元", "7000余万元"], ["around 12 billion", "more than 0.07 billion"],
     ["约120亿元", "0.7亿余元"]),
    (["46.6%", "50.1%"], ["46.6%", "50.1%"], ["46.6%", "50.1%"]),
    (["1.2万人", "3530人"], ["12,000", "3,530"], ["1.2万人", "0.353万人"]),
]  # fmt: skip


@pytest.mark.parametrize(("amounts", "en", "zh"), ROWS)
def test_a_row_uses_one_scale_in_both_languages(
    amounts: list[str], en: list[str], zh: list[str]
) -> None:
    assert EN.one_scale(amounts) == en
    assert ZH.one_scale(amounts) == zh
    assert EN.amounts_in_one_scale(amounts) == en
    for written, en_cell, zh_cell in zip(amounts, en, zh, strict=True):
        value = parse_amount(written).base_value
        assert parse_rendered(zh_cell, "zh")[0] == value  # converted exactly
        label = EN.unit_label(written)
        assert parse_rendered(en_cell, "en", unit_label=label)[0] == value


def test_one_scale_refuses_mixed_units() -> None:
    with pytest.raises(ValueError, match="one scale needs amounts of one unit"):
        EN.one_scale(["1亿元", "3万人"])
    assert EN.one_scale([]) == []


CHANGES = {
    # change: (en prose, zh prose, en table, zh table)
    "+0.9个百分点": ("up 0.9 percentage points year on year", "同比提高0.9个百分点",
                 "+0.9 pp", "+0.9个百分点"),
    "-3530人": ("down 3,530 people year on year", "同比减少3530人", "−3,530 people", "−3530人"),
    "+2.1亿元": ("up 210 million yuan year on year", "同比增加2.1亿元",
               "+210 million yuan", "+2.1亿元"),
    "-0.35‰": ("down 0.35 per thousand year on year", "同比下降0.35‰", "−0.35‰", "−0.35‰"),
    "+6.4%": ("up 6.4 percent year on year", "同比增长6.4%", "+6.4%", "+6.4%"),
}  # fmt: skip


@pytest.mark.parametrize(("change", "expected"), CHANGES.items(), ids=list(CHANGES))
def test_changes_in_points_and_absolute_amounts(
    change: str, expected: tuple[str, str, str, str]
) -> None:
    en, zh, en_table, zh_table = expected
    assert (EN.change(change), ZH.change(change)) == (en, zh)
    assert (EN.change(change, "table"), ZH.change(change, "table")) == (en_table, zh_table)


def test_changes_phrased_by_status() -> None:
    assert EN.change("+0.9个百分点", status="target") == "a target rise of 0.9 percentage points"
    assert EN.change("-3530人", status="plan") == "a planned decrease of 3,530 people"
    assert ZH.change("-3530人", status="estimate") == "预计减少3530人"
    assert EN.change("+5.2%", status="preliminary") == "up 5.2 percent year on year"


LEVELS = {
    # written: (en prose, en table, zh, en unit label)
    "-44.6%": ("−44.6 percent", "−44.6%", "−44.6%", "%"),
    "-1.96个百分点": ("−1.96 percentage points", "−1.96 pp", "−1.96个百分点", "pp"),
    "-3.5亿元": ("−350 million yuan", "−350 million", "−3.5亿元", "RMB"),
    "6.12‰": ("6.12 per thousand", "6.12‰", "6.12‰", "‰"),
    "102.87": ("102.87", "102.87", "102.87", ""),
    "约101.2": ("around 101.2", "around 101.2", "约101.2", ""),
    "4.62万元/人": ("46,200 yuan per person", "46,200", "4.62万元/人", "RMB per person"),
    "1—2个": ("1–2 items", "1–2", "1—2个", "items"),
    "3~5亿元": ("300–500 million yuan", "300–500 million", "3~5亿元", "RMB"),
    "一至两个": ("1–2 items", "1–2", "一至两个", "items"),
}


@pytest.mark.parametrize(("written", "expected"), LEVELS.items(), ids=list(LEVELS))
def test_levels_ratios_rates_and_ranges(written: str, expected: tuple[str, str, str, str]) -> None:
    prose, table, zh, label = expected
    assert EN.amount(written) == prose
    assert EN.amount(written, "table") == table
    assert ZH.amount(written) == zh
    assert EN.unit_label(written) == label


def test_negative_levels_and_per_capita_read_back() -> None:
    for written in ("-44.6%", "-1.96个百分点", "-3.5亿元", "4.62万元/人", "6.12‰"):
        amount = parse_amount(written)
        for lang, fmt in (("en", EN), ("zh", ZH)):
            text = fmt.amount(written)
            assert parse_rendered(text, lang)[0] == amount.base_value, text


def test_preliminary_status_and_unclear_period() -> None:
    assert (EN.status("preliminary"), ZH.status("preliminary")) == ("preliminary", "初步核算")
    assert EN.period("2023", status="preliminary") == "2023 preliminary"
    assert ZH.period("2023", status="preliminary") == "2023年初步核算"
    assert (EN.period("unclear"), ZH.period("unclear")) == ("", "")
    assert (EN.period("unclear", "table"), ZH.period("unclear", "table")) == (
        "period unclear",
        "时期不明确",
    )
    assert EN.period("unknown", "table") == "—"  # not stated: distinct from unclear
    assert EN.period("unclear", status="target") == ""


PLACES = {
    PlaceKind.DISTRICT: ("the district", "全区", "district", "区"),
    PlaceKind.COUNTY: ("the county", "全县", "county", "县"),
    PlaceKind.COUNTY_CITY: ("the city", "全市", "city", "市"),
    PlaceKind.BANNER: ("the banner", "全旗", "banner", "旗"),
}


@pytest.mark.parametrize(("kind", "words"), PLACES.items(), ids=[k.value for k in PLACES])
def test_place_kinds(kind: PlaceKind, words: tuple[str, str, str, str]) -> None:
    en_ref, zh_ref, en_noun, zh_noun = words
    assert (EN.place(kind), ZH.place(kind)) == (en_ref, zh_ref)
    assert (EN.place(kind, "noun"), ZH.place(kind, "noun")) == (en_noun, zh_noun)


def test_every_language_names_every_place_and_source_kind() -> None:
    for lang in known_languages():
        table = phrases_for(lang)
        assert set(table.places) == set(PlaceKind), lang
        assert set(table.source_kinds) == set(SourceKind), lang
        assert set(table.source_counts) == set(SourceKind), lang
    with pytest.raises(ValueError, match="form must be"):
        EN.place("county", "plural")


def test_source_kinds_are_counted_truly() -> None:
    kinds = ["news", "news", "work_report", "bulletin"]
    assert EN.source_kinds(kinds) == (
        "two news reports, one government work report and one statistical bulletin"
    )
    assert ZH.source_kinds(kinds) == "2篇新闻报道、1份政府工作报告和1份统计公报"
    assert EN.source_kinds(["news"] * 12) == "12 news reports"
    assert ZH.source_kinds(["yearbook", "press_release"]) == "1部年鉴和1份新闻发布稿"
    assert EN.source_kinds([]) == ""
