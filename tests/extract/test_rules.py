"""The drafter's general rules, on made-up texts of other kinds than the Huaiyin articles:
a government work report and a statistical bulletin with a table."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.extract import Draft, DraftFigure, extract
from reportgen.facts import load_facts
from reportgen.facts.quotes import squeeze

TEXTS = Path(__file__).parent / "texts"


def draft(name: str, date: str | None) -> Draft:
    return extract((TEXTS / name).read_text(encoding="utf-8"), date, "s1", name)


def find(figures: tuple[DraftFigure, ...], **wanted: object) -> DraftFigure:
    """The one figure with these values."""
    found = [f for f in figures if all(getattr(f, k) == v for k, v in wanted.items())]
    assert len(found) == 1, (wanted, [(f.amount, f.yoy, f.measure) for f in figures])
    return found[0]


@pytest.fixture(scope="module")
def report() -> Draft:
    return draft("work_report.txt", "2024-01")


@pytest.fixture(scope="module")
def bulletin() -> Draft:
    return draft("bulletin.txt", "2024-03-15")


def test_amount_change_and_comparisons_make_one_figure(report: Draft) -> None:
    gdp = find(report.figures, amount="218.6亿元")
    assert (gdp.yoy, gdp.period, gdp.status, gdp.measure) == (
        "+5.9%",
        "2023",
        "actual",
        "地区生产总值",
    )
    assert gdp.vs_city is None  # 高于全省: the province, not the city
    assert any("全省" in note for note in gdp.notes)
    fai = find(report.figures, yoy="+11.4%")
    assert (fai.amount, fai.vs_city, fai.measure) == (None, "+3.6个百分点", "固定资产投资")
    industry = find(report.figures, yoy="+7.2%")
    assert (industry.rank, industry.measure) == (2, "规模以上工业增加值")


def test_a_decline_is_a_negative_change(report: Draft) -> None:
    revenue = find(report.figures, amount="12.35亿元")
    assert (revenue.yoy, revenue.measure) == ("-2.1%", "一般公共预算收入")


def test_headings_set_the_year_and_targets_are_for_this_year(report: Draft) -> None:
    assert find(report.figures, amount="4520人").period == "2023"  # 全年, under 2023年工作回顾
    target = find(report.figures, yoy="+6%左右")
    assert (target.status, target.period, target.measure) == ("target", "2024", "地区生产总值")
    assert find(report.figures, amount="4000人以上").status == "target"
    plan = find(report.figures, amount="82个")
    assert (plan.status, plan.period, plan.measure) == ("plan", "2024", "实施重点项目")
    assert find(report.figures, amount="约95亿元").status == "plan"


def test_as_of_and_qualifiers(report: Draft) -> None:
    stock = find(report.figures, amount="5.6万户")
    assert (stock.period, stock.measure) == ("as of 2023-12", "市场主体总数")
    assert find(report.figures, amount="8600余户").measure == "惠及居民"


def test_two_figures_of_one_measure(report: Draft) -> None:
    urban, rural = (find(report.figures, amount=a) for a in ("41256元", "19870元"))
    assert urban.measure == rural.measure == "城乡居民人均可支配收入"


def test_bulletin_sentences(bulletin: Draft) -> None:
    gdp = find(bulletin.figures, amount="1832.47亿元")
    assert (gdp.yoy, gdp.period, gdp.measure) == ("+5.6%", "2023", "地区生产总值")
    population = find(bulletin.figures, amount="155.44万人")
    assert (population.yoy, population.period) == ("-0.36万人", "as of 2023-12")
    rate = find(bulletin.figures, amount="64.21%")
    assert (rate.yoy, rate.measure) == ("+0.87个百分点", "城镇化率")
    profit = find(bulletin.figures, amount="136.7亿元")
    assert (profit.yoy, profit.period) == ("-4.6%", "2023-01/2023-12")
    firms = find(bulletin.figures, amount="1236家")
    assert (firms.yoy, firms.period) == ("+87家", "as of 2023-12")
    grain = find(bulletin.figures, yoy="+1.2%")  # 万吨 is no unit of the format: change only
    assert (grain.amount, grain.measure) == (None, "粮食总产量")


def test_bulletin_table_rows(bulletin: Draft) -> None:
    men = find(bulletin.figures, amount="788230人")
    assert (men.measure, men.period, men.quote) == ("男性", "as of 2023-12", "男性  788230  50.71")
    share = find(bulletin.figures, amount="50.71%")
    assert share.measure == "男性比重"


def test_respectively_chinese_months_and_other_bases() -> None:
    brief = draft("quarterly_brief.txt", "2023-10")
    retail = find(brief.figures, yoy="+7.3%")
    above_size = find(brief.figures, yoy="+9.1%")  # 分别增长7.3%和9.1%: one value each
    assert (retail.measure, above_size.measure) == ("社会消费品零售总额", "限额以上单位零售额")
    assert retail.period == above_size.period == "2023-01/2023-09"  # 一至九月
    gdp = find(brief.figures, amount="286.4亿元")
    assert (gdp.yoy, gdp.period) == ("+5.2%", "2023-01/2023-09")  # full-width ％, 前三季度
    deposits = find(brief.figures, amount="1256.3亿元")
    assert (deposits.yoy, deposits.period) == (None, "as of 2023-09")  # 比年初 is not a yoy
    assert any("比年初增加98.2亿元" in note for note in deposits.notes)
    assert find(brief.figures, amount="38562元").period == "2023-01/2023-09"  # a flow
    assert not [f for f in brief.figures if f.amount == "98.2亿元"]


@pytest.mark.parametrize("name", ["work_report.txt", "bulletin.txt", "quarterly_brief.txt"])
def test_every_quote_is_verbatim_and_states_its_numbers(name: str) -> None:
    text = squeeze((TEXTS / name).read_text(encoding="utf-8"))
    result = draft(name, None)
    assert len(result.figures) >= 10
    for figure in result.figures:
        assert squeeze(figure.quote) in text
        for value in (figure.amount, figure.yoy, figure.vs_city):
            if value is not None:
                number = value.lstrip("+-约近超")[:3]
                assert number in figure.quote, (value, figure.quote)


@pytest.mark.parametrize("name", ["work_report.txt", "bulletin.txt", "quarterly_brief.txt"])
def test_the_draft_loads_with_every_quote_checked(name: str, tmp_path: Path) -> None:
    """The draft is a valid fact file as written (English may wait for the user)."""
    (tmp_path / name).write_text((TEXTS / name).read_text(encoding="utf-8"), encoding="utf-8")
    facts_file = tmp_path / "draft.yaml"
    facts_file.write_text(draft(name, "2024-01").to_yaml(), encoding="utf-8")
    facts = load_facts(facts_file, sources_dir=tmp_path)
    assert len(facts.figures) == len(draft(name, "2024-01").figures)


def test_without_a_date_the_latest_year_named_is_assumed() -> None:
    result = draft("work_report.txt", None)
    assert result.date == "2024"
    assert "# TODO: as precise as known" in result.to_yaml()


def test_words_that_are_not_figures() -> None:
    text = (
        "坚持“两个维护”，打造一批项目，全市第三届博览会，2023年11月17日，24小时不打烊，签约仪式。"
    )
    assert extract(text, "2023").figures == ()


def test_yaml_quotes_every_string_and_marks_todo() -> None:
    text = '全区生产总值实现365.5亿元，同比增长6.4%。其中"A: b" #x 增长3%。'
    yaml = extract(text, "2023-07", "s9", "a.txt").to_yaml()
    assert 'quote: "全区生产总值实现365.5亿元，同比增长6.4%"' in yaml
    assert 'en: "regional GDP"' in yaml  # from the term base
    assert "- id: s9-figure-001" in yaml
    assert "TODO" in yaml


def test_measure_names_from_the_words_around_the_number() -> None:
    text = (
        "已吸附23家上下游配套企业落户。设立了1亿元的产业扶持资金、2000万元的人才专项资金和"
        "目标额度10亿元的区政府投资基金。31家企业获批省级专精特新企业。"
        "800余项省市区三级公共服务事项实现跨域通办。"
    )
    measures = {f.amount: f.measure for f in extract(text, "2023").figures}
    assert measures == {
        "23家": "吸附上下游配套企业",
        "1亿元": "产业扶持资金",
        "2000万元": "人才专项资金",
        "10亿元": "目标额度",
        "31家": "企业获批省级专精特新企业",
        "800余项": "省市区三级公共服务事项",
    }
