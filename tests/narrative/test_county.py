"""The county example (examples/county.yaml) through the same narrative: the county is
'the county' / 全县, every figure reaches body or annex, headings are never empty, and
the two languages state the same figures in the same order."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest

import reportgen
from tests.narrative.support import Briefing, build

COUNTY = Path(__file__).resolve().parents[2] / "examples" / "county.yaml"


@pytest.fixture(scope="module")
def facts() -> reportgen.DistrictFacts:
    return reportgen.load_facts(COUNTY)


@pytest.fixture(scope="module")
def briefings(facts: reportgen.DistrictFacts) -> dict[str, Briefing]:
    return {lang: build(facts, lang) for lang in ("en", "zh")}


def test_the_county_is_referred_to_as_a_county(briefings: dict[str, Briefing]) -> None:
    en = " ".join(s for p in briefings["en"].narrative.body_paragraphs for s in p.sentences)
    zh = "".join(s for p in briefings["zh"].narrative.body_paragraphs for s in p.sentences)
    assert "the county" in en and "the district" not in en
    assert "全县" in zh and "全区" not in zh


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_county_figure_is_once_in_body_or_annex(
    facts: reportgen.DistrictFacts, briefings: dict[str, Briefing], lang: str
) -> None:
    n = briefings[lang].narrative
    prose = Counter(f for p in n.body_paragraphs for f in p.figures)
    tables = {f for s in n.sections.values() for t in s.tables for f in t.figures}
    annex = {f for t in n.annex for f in t.figures}
    assert max(prose.values(), default=1) == 1
    assert set(prose) | tables | annex == {f.id for f in facts.figures if f.doubtful is None}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_empty_heading_in_the_county_briefing(briefings: dict[str, Briefing], lang: str) -> None:
    lines = [line for line in briefings[lang].markdown.splitlines() if line.strip()]
    for line, following in itertools.pairwise(lines):
        if line.startswith("## "):
            assert not following.startswith("## "), f"empty heading: {line!r}"


def test_county_paragraphs_match_across_languages(briefings: dict[str, Briefing]) -> None:
    zh = [p.figures for p in briefings["zh"].narrative.body_paragraphs]
    assert zh == [p.figures for p in briefings["en"].narrative.body_paragraphs]
