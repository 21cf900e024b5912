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


def words(figures: Sequence[dict[str, Any]], lang: str, tmp_path: Path) -> Words:
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
    return Words(lang, Formatter(lang, city=loaded.district.city), context, {})


def say(
    figures: Sequence[dict[str, Any]], tmp_path: Path, sentence: Sentence | None = None
) -> dict[str, str]:
    """The sentence in both languages (a Group of every figure unless given)."""
    ids = tuple(f["id"] for f in figures)
    owner = figures[0].get("owner")
    plan = sentence if sentence is not None else Group(ids, owner)
    out = {}
    for lang, subject in (("zh", "全区"), ("en", "the district")):
        out[lang] = realize(words(figures, lang, tmp_path), plan, subject)
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
