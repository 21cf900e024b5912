"""The quote check reads the number: a figure must agree with its own quote in value,
scale word, unit, qualifier and direction; ``validate`` says what it did not check."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.facts.model import Figure
from reportgen.facts.quote_agreement import check_figure
from reportgen.facts.quote_numbers import read_mentions


def figure(quote: str, **fields: str) -> Figure:
    """A figure with ``fields`` (amount, yoy, vs_city) citing ``quote``."""
    return Figure.model_validate(
        {
            "id": "f",
            "section": "overview",
            "measure": {"zh": "指标", "en": "a measure"},
            "period": "2023",
            "sources": [{"source": "s1", "quote": quote}],
            **fields,
        }
    )


def problems(quote: str, **fields: str) -> list[tuple[str, str]]:
    return list(check_figure(figure(quote, **fields)))


@pytest.mark.parametrize(
    ("quote", "fields"),
    [
        ("全区生产总值实现365.5亿元,同比增长6.4%", {"amount": "365.5亿元", "yoy": "+6.4%"}),
        ("同比下降2.1%", {"yoy": "-2.1%"}),
        ("负增长2.1%", {"yoy": "-2.1%"}),
        ("高于全市13.9个百分点", {"amount": "13.9个百分点"}),
        ("完成增幅15.1%,高于全市13.9个百分点", {"yoy": "+15.1%", "vs_city": "+13.9个百分点"}),
        ("增速回落至3.5%", {"yoy": "+3.5%"}),  # growth slowed to 3.5%: still a rise
        ("开工面积约836万平方米", {"amount": "约836万平方米"}),
        ("发放高层次人才住房低息贷款7000余万元", {"amount": "7000余万元"}),
        ("惠及6.1万余户群众", {"amount": "6.1万余户"}),
        ("地区生产总值增长6.5%左右", {"yoy": "+6.5%左右"}),
        ("省市级专精特新企业172家（次）", {"amount": "172家次"}),
        ("投入专项财政资金近两千元", {"amount": "近两千元"}),
        ("打造千亿级产业集群", {"amount": "千亿元"}),  # the quote names no unit: none differs
        ("上半年签约198户、交房205户", {"amount": "198户"}),  # 签约 is no qualifier 约
        ("男性 78823 50.71", {"amount": "50.71%"}),  # table cells are separate numbers
        ("男性 78823 50.71", {"amount": "78823人"}),
    ],
)
def test_agreeing_figures_pass(quote: str, fields: dict[str, str]) -> None:
    assert problems(quote, **fields) == []


@pytest.mark.parametrize(
    ("quote", "fields", "expected"),
    [
        (
            "营业收入同比下降2.1%",
            {"yoy": "+2.1%"},
            ("yoy", "the direction differs: the quote says 同比下降2.1% (a fall), "
                    "the figure says +2.1% (a rise)"),
        ),
        (
            "同比增长3.5%,增速回落2.1个百分点",
            {"yoy": "-3.5%"},
            ("yoy", "the direction differs: the quote says 同比增长3.5% (a rise), "
                    "the figure says -3.5% (a fall)"),
        ),
        (
            "投资8500万元",
            {"amount": "8500元"},
            ("amount", "the scale word differs: the quote says 8500万元 (万), "
                       "the figure says 8500元 (none)"),
        ),
        (
            "贷款3.2亿元",
            {"amount": "3.2万元"},
            ("amount", "the scale word differs: the quote says 3.2亿元 (亿), "
                       "the figure says 3.2万元 (万)"),
        ),
        (
            "新增就业1.2万人",
            {"amount": "1.2万名"},
            ("amount", "the unit differs: the quote says 1.2万人 (人), "
                       "the figure says 1.2万名 (名)"),
        ),
        (
            "开工面积约836万平方米",
            {"amount": "836万平方米"},
            ("amount", "the qualifier differs: the quote says 约836万平方米 (约: about), "
                       "the figure says 836万平方米 (none: exact)"),
        ),
        (
            "入驻企业100余家",
            {"amount": "100家以上"},
            ("amount", "the qualifier differs: the quote says 100余家 (余: more than), "
                       "the figure says 100家以上 (以上: at least)"),
        ),
        (
            "男性 78823 50.71",
            {"amount": "823%"},
            ("amount", "the number 823 is not in the figure's quote"),
        ),
    ],
)  # fmt: skip
def test_each_disagreement_is_named(
    quote: str, fields: dict[str, str], expected: tuple[str, str]
) -> None:
    assert problems(quote, **fields) == [expected]


def test_an_agreeing_mention_anywhere_in_the_quotes_is_enough() -> None:
    quote = "2处4A级国家旅游景区、约2处夜间文旅消费集聚区"
    assert problems(quote, amount="2处") == []
    assert problems(quote, amount="约2处") == []


def test_mentions_keep_table_cells_apart() -> None:
    assert [m.number for m in read_mentions("男性 78823 50.71\n女性 76 49.29")] == [
        "78823", "50.71", "76", "49.29",
    ]  # fmt: skip


# --- validate says what it checked and what a briefing lacks --------------------------------

FACTS = """\
district:
  id: testville
  name: {zh: 测试区, en: Testville District}
  city: {zh: 样例市, en: Sample City}
sources:
  - id: s1
    title: {zh: 标题, en: A title}
    date: "2023-07"
entities:
  - id: acme
    kind: enterprise
    name: {zh: 甲公司}
figures:
  - id: gdp
    section: overview
    measure: {zh: 地区生产总值, en: regional GDP}
    amount: 365.5亿元
    period: 2023-H1
    sources:
      - source: s1
        quote: 全区生产总值实现365.5亿元
"""


def test_validate_warns_of_a_missing_english_name(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(FACTS, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{path}: ok: 1 figures")
    assert result.stderr.splitlines() == [
        f"warning: {path}:12:11: entity 'acme' name.en: has no 'en' text "
        "(add en: …, or build with a fallback)"
    ]
