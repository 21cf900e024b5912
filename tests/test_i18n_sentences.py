"""The generic sentence realizer, one sentence at a time, from small fact files: periods
as a reader says them, a predicate in every Chinese sentence, honest English verbs,
articles before institution names, glosses after the head noun, names said once per
paragraph (review 2: B5, B12, B24, N7, N10, N11)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

import reportgen
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.realize import en as en_phrases
from reportgen.i18n.realize.grammar import EN
from reportgen.i18n.realize.sentences import realize
from reportgen.i18n.realize.words import Words
from reportgen.narrative.plan import Group, Sentence, Series, TargetOutcome, Trend, Verdict
from reportgen.render.view import make_view

ENTITIES = [
    {"id": "park", "kind": "park",
     "name": {"zh": "星湖数字金融产业园", "en": "Xinghu Digital Finance Park"}},
    {"id": "firm", "kind": "enterprise", "name": {"zh": "星云科技", "en": "XYT"}},
    {"id": "centre", "kind": "institution",
     "name": {"zh": "星湖政务服务中心", "en": "Xinghu Government Service Center"}},
]  # fmt: skip


def figure(ident: str, measure: tuple[str, str], period: str, **fields: Any) -> dict[str, Any]:
    """A figure dict; its quote states its amount, growth and gap as written."""
    stated = [str(fields[k]) for k in ("amount", "yoy", "vs_city") if k in fields]
    quote = "，".join(stated) or "无"
    return {
        "id": ident,
        "section": fields.pop("section", "overview"),
        "measure": {"zh": measure[0], "en": measure[1]},
        "period": period,
        **fields,
        "sources": [{"source": "s1", "quote": quote}],
    }


def words(
    figures: Sequence[dict[str, Any]],
    lang: str,
    tmp_path: Path,
    overrides: dict[str, str] | None = None,
) -> Words:
    facts = {
        "district": {"id": "xh", "name": {"zh": "星湖区", "en": "Xinghu District"},
                     "city": {"zh": "云州市", "en": "Yunzhou"}},
        "sources": [{"id": "s1", "title": {"zh": "报道", "en": "Report"}, "date": "2024-01"}],
        "entities": ENTITIES,
        "figures": list(figures),
    }  # fmt: skip
    path = tmp_path / f"facts-{lang}.yaml"
    path.write_text(yaml.safe_dump(facts, allow_unicode=True), "utf-8")
    loaded = reportgen.load_facts(path)
    context = make_view(loaded, lang) | {"place_kind": "district"}
    return Words(lang, Formatter(lang, city=loaded.district.city), context, overrides or {})


def say(
    figures: Sequence[dict[str, Any]],
    tmp_path: Path,
    sentence: Sentence | None = None,
    overrides: dict[str, str] | None = None,
) -> dict[str, str]:
    """The sentence in both languages (a Group of every figure unless given)."""
    ids = tuple(f["id"] for f in figures)
    owner = figures[0].get("owner")
    plan = sentence if sentence is not None else Group(ids, owner)
    out = {}
    for lang, subject in (("zh", "全区"), ("en", "the district")):
        out[lang] = realize(words(figures, lang, tmp_path, overrides), plan, subject)
    return out


# --- periods (N7) --------------------------------------------------------------------------------


def test_a_stock_as_of_a_bare_year_is_said_in_that_year(tmp_path: Path) -> None:
    f = figure("fund", ("产业扶持资金", "industrial support fund"), "as of 2023", amount="1亿元")
    s = say([f], tmp_path)
    assert "2023年" in s["zh"] and "截至2023年" not in s["zh"]
    assert "in 2023" in s["en"] and "as of 2023" not in s["en"]


def test_a_stock_as_of_december_is_said_at_the_year_end(tmp_path: Path) -> None:
    f = figure("firms", ("高新技术企业总数", "high-tech enterprises"), "as of 2023-12",
               amount="348家")  # fmt: skip
    s = say([f], tmp_path)
    assert "2023年末" in s["zh"] and "截至" not in s["zh"]
    assert "at the end of 2023" in s["en"] and "as of December" not in s["en"]


def test_a_stock_as_of_another_month_keeps_its_date(tmp_path: Path) -> None:
    f = figure("firms", ("高新技术企业总数", "high-tech enterprises"), "as of 2023-05",
               amount="348家")  # fmt: skip
    s = say([f], tmp_path)
    assert "截至2023年5月" in s["zh"]
    assert "May 2023" in s["en"]


def test_a_flow_keeps_its_month_range(tmp_path: Path) -> None:
    f = figure("jobs", ("新增城镇就业", "new urban jobs"), "2023-01/2023-05", amount="8300余人")
    s = say([f], tmp_path)
    assert "2023年1—5月" in s["zh"]
    assert "January–May 2023" in s["en"]


def test_a_series_step_at_the_year_end(tmp_path: Path) -> None:
    june = figure("p1", ("入驻企业", "enterprises settled"), "as of 2023-06", amount="86家",
                  owner="park")  # fmt: skip
    end = figure("p2", ("入驻企业", "enterprises settled"), "as of 2023-12", amount="93家",
                 owner="park")  # fmt: skip
    s = say([june, end], tmp_path, Series(("p1", "p2"), rate=False, trend=Trend.UP))
    assert "截至2023年6月" in s["zh"] and "2023年末" in s["zh"]
    assert "at the end of 2023" in s["en"] and "as of 2023" not in s["en"]


def test_a_target_outcome_at_the_year_end(tmp_path: Path) -> None:
    goal = figure("t", ("入驻企业", "enterprises settled"), "2023", amount="90家",
                  status="target", owner="park")  # fmt: skip
    end = figure("o", ("入驻企业", "enterprises settled"), "as of 2023-12", amount="93家",
                 owner="park")  # fmt: skip
    s = say([goal, end], tmp_path, TargetOutcome("t", ("o",), Verdict.EXCEEDED))
    assert "2023年末" in s["zh"] and "at the end of 2023" in s["en"]


# --- articles before institution names (N11) ----------------------------------------------------


def test_an_institution_owner_takes_the_article_and_a_firm_does_not(tmp_path: Path) -> None:
    centre = figure("c", ("服务事项", "services offered"), "2023-H1", amount="40项",
                    owner="centre")  # fmt: skip
    firm = figure("f", ("产值", "output value"), "2023-H1", amount="35.1亿元", owner="firm")
    en = say([centre], tmp_path)["en"]
    assert en.startswith("The Xinghu Government Service Center ")
    assert say([firm], tmp_path)["en"].startswith("XYT ")


def test_examples_named_with_articles_where_their_names_need_them(tmp_path: Path) -> None:
    f = figure("p", ("签约项目", "projects signed"), "2023", amount="12个",
               examples=["centre", "firm"])  # fmt: skip
    en = say([f], tmp_path)["en"]
    assert "including the Xinghu Government Service Center and XYT" in en


# --- glosses (N11, B12) --------------------------------------------------------------------------


def test_a_gloss_follows_the_head_noun_of_its_term() -> None:
    term, gloss = next(iter(en_phrases.GLOSSES.items()))
    text = EN.gloss(f"it is a national-level {term} enterprise, a champion", term, gloss)
    assert text == f"it is a national-level {term} enterprise {gloss}, a champion"
    assert gloss.startswith("(a title for SMEs")  # reads after 'enterprise' or 'enterprises'
    assert EN.gloss(f"{term} firms recognized by the city", term, "(g)") == (
        f"{term} firms (g) recognized by the city"
    )


# --- verbs: no table-speak (B5, N1, N10, N11) -----------------------------------------------------


def test_a_result_says_who_achieved_it(tmp_path: Path) -> None:
    f = figure("gdp", ("地区生产总值", "regional GDP"), "2023", amount="236.8亿元", yoy="+5.2%")
    s = say([f], tmp_path)
    assert s["zh"] == "全区2023年实现地区生产总值236.8亿元，同比增长5.2%。"
    assert (
        s["en"] == "Regional GDP reached 23.68 billion yuan in 2023, up 5.2 percent year on year."
    )
    sales = figure("s", ("限上汽车销售企业销售额", "sales of auto retailers"), "2023-H1",
                   amount="166.72亿元")  # fmt: skip
    assert say([sales], tmp_path)["zh"].startswith("限上汽车销售企业2023年上半年实现销售额")


def test_a_count_reached_a_fund_is_and_a_plan_plans(tmp_path: Path) -> None:
    firms = figure("c", ("吸附落户的配套企业", "supplier enterprises"), "as of 2023-05",
                   amount="23家", owner="firm")  # fmt: skip
    assert say([firms], tmp_path)["zh"] == "星云科技截至2023年5月吸附落户的配套企业达23家。"
    fund = figure("f", ("产业扶持资金", "industrial support fund"), "as of 2023-05", amount="1亿元")
    zh = say([fund], tmp_path)["zh"]
    assert zh == "截至2023年5月，产业扶持资金为1亿元。" and "达" not in zh  # set up, not reached
    plan = figure("p", ("重大产业项目", "major industrial projects"), "2024", amount="113个",
                  status="plan", section="outlook")  # fmt: skip
    s = say([plan], tmp_path)
    assert s["zh"] == "2024年，重大产业项目计划113个。" and "达" not in s["zh"]
    assert s["en"] == "The 2024 plan provides for 113 major industrial projects."


def test_a_negative_value_is_and_a_verb_phrase_needs_no_verb(tmp_path: Path) -> None:
    share = figure("r", ("工业对经济增长的贡献率", "contribution of industry"), "2023",
                   amount="-44.6%")  # fmt: skip
    assert "贡献率为−44.6%" in say([share], tmp_path)["zh"]
    signed = figure("s", ("签约落地项目", "projects signed and landed"), "2023", amount="145个")
    zh = say([signed], tmp_path)["zh"]
    assert zh == "2023年，签约落地项目145个。"


def test_english_counts_have_verbs_not_totals(tmp_path: Path) -> None:
    events = figure("e", ("各类招商活动", "investment promotion events held"), "2023",
                    amount="49场")  # fmt: skip
    households = figure("h", ("签约户数", "households signing agreements"), "2023", amount="198户")
    s = say([events, households], tmp_path)
    assert s["en"] == (
        "The district held 49 investment promotion events in 2023 and households signing "
        "agreements numbered 198."
    )
    assert "totaled" not in s["en"]
    funds = figure("m", ("兑现专项资金", "special funds paid out"), "2023-01/2023-05",
                   amount="2370万元")  # fmt: skip
    assert say([funds], tmp_path)["en"] == (
        "Special funds paid out came to 23.7 million yuan in January–May 2023."
    )


def test_an_owner_did_what_its_measure_says(tmp_path: Path) -> None:
    attracted = figure("a", ("吸附落户的配套企业", "supplier enterprises attracted to Xinghu"),
                       "as of 2023-05", amount="23家", owner="firm")  # fmt: skip
    assert say([attracted], tmp_path)["en"] == (
        "XYT had attracted 23 supplier enterprises to Xinghu as of May 2023."
    )
    located = figure("l", ("落户的国际合作项目", "cooperation projects located in the park"),
                     "as of 2023-05", amount="11个", owner="park")  # fmt: skip
    en = say([located], tmp_path)["en"]
    assert en == (
        "The Xinghu Digital Finance Park was home to 11 cooperation projects as of May 2023."
    )


def test_a_measure_that_names_its_unit_says_the_number_alone(tmp_path: Path) -> None:
    visits = figure(
        "v", ("接待游客", "visits received by the park"), "2023-H1", amount="50.91万人次"
    )
    en = say([visits], tmp_path)["en"]
    assert "509,100 in the first half" in en and "509,100 visits" not in en


def test_a_series_leads_with_its_first_period_and_says_the_full_year(tmp_path: Path) -> None:
    h1 = figure("r1", ("一般公共预算收入", "general public budget revenue"), "2023-H1",
                amount="28.4亿元", yoy="+16.4%")  # fmt: skip
    year = figure("r2", ("一般公共预算收入", "general public budget revenue"), "2023",
                  amount="56.7亿元")  # fmt: skip
    s = say([h1, year], tmp_path, Series(("r1", "r2"), rate=False))
    assert (
        s["zh"] == "2023年上半年，全区实现一般公共预算收入28.4亿元，同比增长16.4%，全年达56.7亿元。"
    )
    assert "5.67 billion yuan for the full year" in s["en"]
    e1 = figure("e1", ("各类招商活动", "investment promotion events held"), "2023-H1",
                amount="20余场")  # fmt: skip
    e2 = figure("e2", ("各类招商活动", "investment promotion events held"), "2023", amount="49场")
    s = say([e1, e2], tmp_path, Series(("e1", "e2"), rate=False))
    assert s["en"] == (
        "The district held more than 20 investment promotion events in the first half of 2023 "
        "and 49 for the full year."
    )


def test_a_users_rewording_of_a_pattern_still_shows(tmp_path: Path) -> None:
    """A packaged variant ('series.count.agent', 'target.met.lead') gives way to the user's
    rewording of the pattern it varies."""
    e1 = figure("e1", ("各类招商活动", "investment promotion events held"), "2023-H1",
                amount="20余场")  # fmt: skip
    e2 = figure("e2", ("各类招商活动", "investment promotion events held"), "2023", amount="49场")
    mine = {"series.count": "{Measure}: {steps}."}
    s = say([e1, e2], tmp_path, Series(("e1", "e2"), rate=False), overrides=mine)
    assert s["en"].startswith("Investment promotion events held: more than 20")


def test_investment_is_completed_and_a_second_subject_is_said(tmp_path: Path) -> None:
    fai = figure("i", ("固定资产投资", "fixed-asset investment"), "2023", amount="166.72亿元")
    assert say([fai], tmp_path)["zh"] == "全区2023年完成固定资产投资166.72亿元。"
    share = figure("r", ("工业对经济增长的贡献率", "contribution of industry"), "2023",
                   amount="-44.6%")  # fmt: skip
    revenue = figure("v", ("一般公共预算收入", "general public budget revenue"), "2023",
                     amount="146419万元")  # fmt: skip
    zh = say([share, revenue], tmp_path)["zh"]
    assert zh == "2023年，工业对经济增长的贡献率为−44.6%；全区实现一般公共预算收入146419万元。"


def test_a_growth_series_says_its_level_first_not_in_brackets(tmp_path: Path) -> None:
    h1 = figure("g1", ("地区生产总值", "regional GDP"), "2023-H1", amount="365.5亿元", yoy="+6.4%")
    year = figure("g2", ("地区生产总值", "regional GDP"), "2023", yoy="+6.2%左右",
                  status="estimate")  # fmt: skip
    s = say([h1, year], tmp_path, Series(("g1", "g2"), rate=True))
    assert s["en"] == (
        "Regional GDP reached 36.55 billion yuan in the first half of 2023, up 6.4 percent "
        "year on year, and grew around 6.2 percent for the full year (estimate)."
    )
    assert (
        s["zh"]
        == "2023年上半年，全区实现地区生产总值365.5亿元，同比增长6.4%；全年预计增长6.2%左右。"
    )


def test_a_level_that_fell_stands_at_it_and_reaches_nothing(tmp_path: Path) -> None:
    """A population that shrank 'stood at' / 为 its level; one that grew 'reached' / 达."""
    fell = figure("pop", ("年末户籍总人口", "registered population at year end"), "2023",
                  amount="51.23万人", yoy="-3530人")  # fmt: skip
    s = say([fell], tmp_path)
    assert "stood at 512,300" in s["en"] and "reached" not in s["en"]
    assert "为51.23万人" in s["zh"] and "达51.23万人" not in s["zh"]
    grew = figure("pop", ("年末户籍总人口", "registered population at year end"), "2023",
                  amount="51.23万人", yoy="+3530人")  # fmt: skip
    s = say([grew], tmp_path)
    assert "reached 512,300" in s["en"]
    assert "达51.23万人" in s["zh"]
