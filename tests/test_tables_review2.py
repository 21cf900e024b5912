"""Table 1 and annex cells after the second review (C4, C11): a gap to the city reads as
a gap, not a second growth rate; counts of months say months; Chinese numerals become
digits in the value column; a change column that few rows fill folds into the value cell;
a period header breaks after its year."""

from __future__ import annotations

from typing import Any

import pytest
from test_docx_review1 import DOC, MAIN, render
from test_docx_support import NS

from reportgen.facts.mapping import load_mapping
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.realize.tables import SPARSE, annex_table, cell
from reportgen.i18n.realize.words import Words
from reportgen.narrative.plan import AnnexPart
from reportgen.render.view import make_view
from reportgen.writers.docx_tables import header_lines

QUOTE = (
    "投资增长15.1%，高于全市13.9个百分点，位列全市第三，连续11个月正增长，五个学科，增长21.2%，3个"
)


def figure(fid: str, amount: str | None = None, **more: Any) -> dict[str, Any]:
    found = {"id": fid, "section": "overview", "measure": {"zh": f"指标{fid}", "en": f"m {fid}"},
             "period": "2023", "sources": [{"source": "s1", "quote": QUOTE}], **more}  # fmt: skip
    if amount is not None:
        found["amount"] = amount
    return found


def views() -> dict[str, dict[str, Any]]:
    months = {"zh": "月", "en": "month", "en_plural": "months"}
    figures = [
        figure("fai", yoy="+15.1%", vs_city="+13.9个百分点", rank=3),
        figure("months", "11个", item=months),
        figure("fields", "五个"),
        *[figure(f"n{i}", "3个") for i in range(7)],
        figure("visits", "3个", yoy="+21.2%"),
    ]
    data = {
        "district": {"id": "t", "name": {"zh": "测试区", "en": "Testville District"},
                     "city": {"zh": "济南市", "en": "Jinan"}},
        "sources": [{"id": "s1", "title": {"zh": "标题", "en": "Title"}, "date": "2023-07"}],
        "figures": figures,
    }  # fmt: skip
    facts = load_mapping(data)
    return {lang: make_view(facts, lang) for lang in ("zh", "en")}


@pytest.fixture(scope="module")
def words() -> dict[str, Words]:
    return {
        lang: Words(lang, Formatter(lang, city=None), view, {}) for lang, view in views().items()
    }


def test_the_gap_to_the_city_is_said_in_words_inside_the_bracket(words: dict[str, Words]) -> None:
    zh, en = words["zh"], words["en"]
    assert cell(zh, zh.context["figure"]["fai"]) == "+15.1%（高于全市13.9个百分点，第3）"
    assert cell(en, en.context["figure"]["fai"]) == "+15.1% (13.9 pp above city; 3rd)"


def test_a_user_rewords_the_gap_cell_through_the_phrase_table() -> None:
    """The cell patterns are phrase-table entries, so a phrases.<lang>.yaml overrides them."""
    zh = views()["zh"]
    mine = Words("zh", Formatter("zh", city=None), zh, {"cell.gap.up": "比全市高{amount}"})
    assert cell(mine, mine.context["figure"]["fai"]) == "+15.1%（比全市高13.9个百分点，第3）"


def test_counts_of_months_and_chinese_numerals(words: dict[str, Words]) -> None:
    zh, en = words["zh"], words["en"]
    assert cell(zh, zh.context["figure"]["months"]) == "11个月"
    assert cell(en, en.context["figure"]["months"]) == "11"  # the label says months
    assert cell(zh, zh.context["figure"]["fields"]) == "5个"  # the quote keeps 五个


def test_a_one_character_noun_follows_only_the_bare_classifier() -> None:
    """11个 + 月 → 11个月, but an amount with its own unit keeps it (found by the property
    build: 超过249.81万亿项 + '[' printed 超过249.81万亿项[)."""
    base = views()["zh"]
    zh = Words("zh", Formatter("zh", city=None), base, {})
    items = figure("items", "3项", item={"zh": "期", "en": "phase", "en_plural": "phases"})
    data = {
        "district": {"id": "t", "name": {"zh": "测试区", "en": "Testville District"},
                     "city": {"zh": "济南市", "en": "Jinan"}},
        "sources": [{"id": "s1", "title": {"zh": "标题", "en": "Title"}, "date": "2023-07"}],
        "figures": [{**items, "sources": [{"source": "s1", "quote": "3项"}]}],
    }  # fmt: skip
    view = make_view(load_mapping(data), "zh")
    mine = Words("zh", Formatter("zh", city=None), view, {})
    assert cell(mine, mine.context["figure"]["items"]) == "3项"
    assert cell(zh, zh.context["figure"]["months"]) == "11个月"


def test_a_change_column_few_rows_fill_folds_into_the_value(words: dict[str, Words]) -> None:
    zh = words["zh"]
    ids = ("fields", *[f"n{i}" for i in range(7)], "visits")
    assert 1 / len(ids) < SPARSE
    header, rows = annex_table(zh, AnnexPart("overview", ids))
    assert header == ("指标", "时期", "数值", "来源")  # no 同比 column for one value in 9 rows
    assert rows[-1][2] == "3个；+21.2%"
    header, rows = annex_table(zh, AnnexPart("overview", ("n0", "visits")))
    assert header == ("指标", "时期", "数值", "同比", "来源")  # half the rows: a column


def test_a_period_header_breaks_after_its_year() -> None:
    assert header_lines("2023年1—11月", 1200, 21) == ["2023年", "1—11月"]
    assert header_lines("2023年1—11月", 4000, 21) == ["2023年1—11月"]  # it fits
    assert header_lines("来源", 300, 21) == ["来源"]
    table = MAIN.replace("+15.1%；+13.9个百分点（第3）", "+15.1%（高于全市13.9个百分点，第3）")
    rendered = render(table, "zh")
    header = rendered.xpath(DOC, "//w:tbl/w:tr[1]/w:tc[4]//w:r")[0]  # 2023年1—11月
    parts = [e.tag.split("}")[1] for e in header]
    assert parts == ["t", "br", "t"] and header.findtext("w:t", namespaces=NS) == "2023年"
    texts = rendered.xpath(DOC, "//w:tbl//w:t/text()")
    assert "+15.1%（高于全市13.9个百分点，第\u20603）" in texts  # "第" stays with its "3"


def test_a_page_break_never_leaves_one_row_of_a_data_table_alone() -> None:
    rows = "".join(f"| 指标{n} | {n}个 | 3 |\n" for n in range(10))
    rendered = render(f"# T\n\n| 指标 | 数值 | 来源 |\n| --- | ---: | --- |\n{rows}", "zh")
    held = [
        bool(row.xpath("w:tc[1]/w:p/w:pPr/w:keepNext", namespaces=NS))
        for row in rendered.xpath(DOC, "//w:tbl/w:tr")
    ]
    # the header and two rows stay together, and so do the last three rows
    assert held == [True, True, True] + [False] * 5 + [True, True, False]
