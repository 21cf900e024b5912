"""The term base and the name check: matching rules, problems with positions, the packaged data."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import DataError
from reportgen.facts.loader import load_facts
from reportgen.i18n.glossary import Glossary, Term, load_glossary, normal_zh, same_english
from reportgen.i18n.glossary_check import check_file
from reportgen.resources import data_dir, default_facts_path

GLOSSARY = data_dir() / "glossary.yaml"


@pytest.fixture(scope="module")
def packaged() -> Glossary:
    """The packaged term base, read once (it is large)."""
    return load_glossary(GLOSSARY)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("the Yellow River", "Yellow River", True),
        ("Jinan", "JINAN", True),
        ("“Nine Actions”", '"Nine Actions"', True),
        ("key project", "key projects", True),
        ("category", "categories", True),
        ("business", "businesses", True),
        ("regional GDP", "GDP", False),
        ("investment promotion events", "investment promotion events held", False),
    ],
)
def test_same_english(a: str, b: str, same: bool) -> None:
    assert same_english(a, b) is same


def test_chinese_is_compared_after_normalisation() -> None:
    assert normal_zh("中建（济南）投资 有限公司") == normal_zh("中建(济南)投资有限公司")
    assert normal_zh("“342”现代化产业体系") == normal_zh('"342"现代化产业体系')


def test_a_term_accepts_its_english_and_variants() -> None:
    term = Term(
        zh="地区生产总值", en="regional GDP", en_variants=("GDP",), kind="term", basis="official"
    )
    assert term.accepts(("GDP",)) and term.accepts(("Regional GDP",))
    assert not term.accepts(("gross domestic product",))
    glossary = Glossary(
        (Term(zh="济南市", zh_variants=("济南",), en="Jinan", kind="place", basis="official"),)
    )
    assert glossary.lookup("济南") is glossary.lookup("济南市") is not None


FACTS = """\
district:
  name: {zh: 槐荫区, en: Huaiyin District}
  city: {zh: 济南市, en: Jinan City}
entities:
  - {id: a, kind: enterprise, name: {zh: 山东天岳}}
figures:
  - id: x
    measure: {zh: 产值, en: output value}
    item: {zh: 产值, en: output, en_plural: outputs}
  - id: y
    measure: {zh: 产值, en: output}
  - id: z
    measure: {zh: 签约项目, en: projects signed}
    item: {zh: 项目, en: project}
  - id: w
    measure: {zh: 入驻企业, en: resident enterprises}
    item: {zh: 项目, en: venture, en_plural: ventures}
"""

TERMS = """\
- {zh: 济南市, en: Jinan, kind: place, basis: official}
- {zh: 槐荫区, en: Huaiyin District, kind: place, basis: official}
"""


def test_every_kind_of_problem_with_its_position(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    (tmp_path / "g.yaml").write_text(TERMS, encoding="utf-8")
    result = check_file(facts, load_glossary(tmp_path / "g.yaml"))
    assert [str(p).removeprefix(str(tmp_path) + "/") for p in result.problems] == [
        "facts.yaml:3:23: district city: '济南市' is 'Jinan City' here, "
        "but the term base says 'Jinan' (official)",
        "facts.yaml:5:37: entity 'a' name: '山东天岳' has no English name",
        "facts.yaml:11:27: figure 'y' measure: '产值' is 'output' here, "
        "but 'output value' on line 8",
        "facts.yaml:14:24: figure 'z' item: '项目' has no en_plural "
        "(needed for counts other than 1)",
        "facts.yaml:17:24: figure 'w' item: '项目' is 'venture' here, but 'project' on line 14",
    ]
    assert (result.names, result.in_term_base) == (10, 2)


def test_the_term_base_reports_its_own_problems(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(TERMS + "- {zh: 济南市, en: Jinan, kind: city, basis: official}\n", "utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(path)
    assert [str(p).removeprefix(str(tmp_path) + "/") for p in caught.value.problems] == [
        "g.yaml:3:30: term 3 kind: Input should be 'org', 'company', 'place', 'programme', "
        "'term' or 'title'",
    ]
    path.write_text(TERMS + "- {zh: 济南市, en: Jinan, kind: place, basis: official}\n", "utf-8")
    with pytest.raises(DataError, match="1 problem"):
        load_glossary(path)


def test_an_unreadable_fact_file_is_a_data_error(tmp_path: Path) -> None:
    empty = Glossary(())
    with pytest.raises(DataError, match="no such file"):
        check_file(tmp_path / "missing.yaml", empty)
    (tmp_path / "bad.yaml").write_text("a: [\n", "utf-8")
    with pytest.raises(DataError, match="not valid YAML"):
        check_file(tmp_path / "bad.yaml", empty)


def test_the_term_base_covers_every_name_in_the_packaged_data(packaged: Glossary) -> None:
    facts = load_facts(default_facts_path())
    glossary = packaged
    district = facts.district
    names = [district.name, district.city, *([district.province] if district.province else [])]
    names += [e.name for e in facts.entities]
    missing = [n.zh for n in names if n.zh and glossary.lookup(n.zh) is None]
    assert missing == []


def test_the_packaged_data_passes_the_check(packaged: Glossary) -> None:
    result = check_file(default_facts_path(), packaged)
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.summary(packaged).endswith("each Chinese name has one English rendering")
