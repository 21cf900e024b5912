"""The default briefings read as briefings: bounded length, no catalogue, every figure
once in the body or in the annex, each sentence sourced, zh and en from one plan."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

import reportgen
from reportgen.i18n.formatter import Formatter
from reportgen.resources import default_facts_path
from tests.narrative.support import Briefing, body_length, build, figure_strings, number_in

#: Body length bounds (issue 12 §0): Chinese characters of prose, English words.
BOUNDS = {"zh": (2500, 4000), "en": (1500, 2500)}
#: The measured lengths of the default briefings stay inside (lower, upper).
HARD_UPPER = {"zh": 4000, "en": 2500}


@pytest.fixture(scope="module")
def facts() -> reportgen.DistrictFacts:
    return reportgen.load_facts(default_facts_path())


@pytest.fixture(scope="module")
def briefings(facts: reportgen.DistrictFacts) -> dict[str, Briefing]:
    return {lang: build(facts, lang) for lang in ("en", "zh")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_body_is_a_few_pages(briefings: dict[str, Briefing], lang: str) -> None:
    length = body_length(briefings[lang])
    low, high = BOUNDS[lang]
    assert length <= high, f"{lang} body is {length}, over {high}"
    assert length >= low, f"{lang} body is {length}, under {low}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_figure_is_once_in_the_body_or_in_the_annex(
    facts: reportgen.DistrictFacts, briefings: dict[str, Briefing], lang: str
) -> None:
    n = briefings[lang].narrative
    prose = Counter(f for p in n.body_paragraphs for f in p.figures)
    assert not [f for f, c in prose.items() if c > 1], "a figure is stated twice"
    tables = {f for s in n.sections.values() for t in s.tables for f in t.figures}
    annex = {f for t in n.annex for f in t.figures}
    ids = {f.id for f in facts.figures if f.doubtful is None}
    assert set(prose) | tables | annex == ids
    assert not annex & (set(prose) | tables), "a figure in both body and annex"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_figure_shows_its_exact_numbers_where_it_is_placed(
    facts: reportgen.DistrictFacts, briefings: dict[str, Briefing], lang: str
) -> None:
    b = briefings[lang]
    formatter = Formatter(lang, city=facts.district.city)
    by_id = {f.id: f for f in facts.figures}
    places = [(p.text.unescape(), p.figures) for p in b.narrative.body_paragraphs]
    places += [(" ".join(" ".join(r) for r in t.rows), t.figures) for t in b.narrative.annex]
    for s in b.narrative.sections.values():
        places += [(" ".join(" ".join(r) for r in t.rows), t.figures) for t in s.tables]
    missing = []
    for text, ids in places:
        for i in ids:
            for options in figure_strings(formatter, by_id[i], table=True):
                if not any(number_in(text, o) for o in options):
                    missing.append(f"{i}: {options}")
    assert not missing, missing
    for p in b.narrative.body_paragraphs:
        assert str(p.text) in b.markdown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_list_items_are_at_most_a_third_of_the_body(
    briefings: dict[str, Briefing], lang: str
) -> None:
    body = briefings[lang].body
    items = sum(len(line) for line in body.splitlines() if line.startswith("- "))
    text = sum(len(line) for line in body.splitlines() if line and not line.startswith(("|", "#")))
    assert items <= text / 3


def _sentences(b: Briefing) -> list[str]:
    return [s for p in b.narrative.body_paragraphs for s in p.sentences]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_sentence_or_item_twice(briefings: dict[str, Briefing], lang: str) -> None:
    sentences = _sentences(briefings[lang])
    assert len(sentences) == len(set(sentences))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_few_sentences_open_alike(briefings: dict[str, Briefing], lang: str) -> None:
    """At most three sentences open with the same first three words / six characters."""
    sentences = _sentences(briefings[lang])
    if lang == "en":
        openings = Counter(" ".join(s.split()[:3]) for s in sentences)
    else:
        openings = Counter(s[:6] for s in sentences)
    assert max(openings.values()) <= 3, openings.most_common(3)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_empty_heading(briefings: dict[str, Briefing], lang: str) -> None:
    lines = [line for line in briefings[lang].markdown.splitlines() if line.strip()]
    for line, following in itertools.pairwise(lines):
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            nxt = len(following) - len(following.lstrip("#")) if following.startswith("#") else 99
            assert nxt > level, f"empty heading: {line!r}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_note_about_the_source_wording(
    facts: reportgen.DistrictFacts, briefings: dict[str, Briefing], lang: str
) -> None:
    text = briefings[lang].markdown
    for phrase in ("原文", "the source says", "Note:", "注：", "recorded as written", "原文如此"):
        assert phrase not in text
    for f in facts.figures:
        note = f.note.get(lang) if f.note else None
        if note and len(note) > 12:
            assert note not in text


def test_paragraphs_match_across_languages(briefings: dict[str, Briefing]) -> None:
    """Each Chinese paragraph has an English counterpart with the same figures in order."""
    zh = [p.figures for p in briefings["zh"].narrative.body_paragraphs]
    en = [p.figures for p in briefings["en"].narrative.body_paragraphs]
    assert zh == en
    zh_tables = [t.figures for t in briefings["zh"].narrative.annex]
    assert zh_tables == [t.figures for t in briefings["en"].narrative.annex]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_sentence_with_figures_is_cited(briefings: dict[str, Briefing], lang: str) -> None:
    """A sentence group's mark follows its last sentence: every paragraph that states a
    figure ends with a mark, and the marks name every source of its figures."""
    b = briefings[lang]
    for p in b.narrative.body_paragraphs:
        text = str(p.text)
        if p.figures:
            assert re.search(r"\[\^[a-z0-9.-]+\]$", text), text[-80:]
            assert "][^" not in text  # one mark per sentence group, never two side by side


@pytest.mark.parametrize("style", ["endnotes", "none"])
def test_citation_styles(facts: reportgen.DistrictFacts, style: str) -> None:
    for lang in ("en", "zh"):
        b = build(facts, lang, style)
        assert "[^a" not in b.body
        if style == "endnotes":
            mark = r"\[\d(, \d)*\]" if lang == "en" else r"〔\d(、\d)*〕"
            assert re.search(mark, b.body)
        else:
            assert not re.search(r"\[\d(, \d)*\]|〔\d", b.body)


def test_an_unknown_citation_style_is_refused(facts: reportgen.DistrictFacts) -> None:
    with pytest.raises(reportgen.ReportgenError, match="citation style"):
        reportgen.build(facts, lang="en", citations="sidenotes")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_positioning_approach_system_leaders_and_policies_are_named(
    facts: reportgen.DistrictFacts, briefings: dict[str, Briefing], lang: str
) -> None:
    from reportgen.i18n.realize.grammar import curly, full_width_brackets

    text = briefings[lang].markdown.replace("\\", "").lower()  # a table cell is capitalised

    def shown(value: str | None) -> bool:
        if not value:
            return False
        value = value.removeprefix("the ")
        forms = {value, curly(value), full_width_brackets(value), value[:1].upper() + value[1:]}
        forms |= {curly(f) for f in forms}
        return any(f.lower() in text for f in forms)

    for kind in ("positioning", "approach", "industrial_system", "theme"):
        mine = [
            s
            for s in facts.statements
            if s.kind.value == kind and s.section.value in ("overview", "industry")
        ]
        assert any(
            shown(s.text.get(lang)) or shown(s.sentence and s.sentence.get(lang)) for s in mine
        ), kind
    for leader in ("sun-changjian", "liu-jingtao"):
        person = next(p for p in facts.people if p.id == leader)
        assert shown(person.name.get(lang)), leader
    for policy in facts.policies:
        assert shown(policy.name.get(lang)), policy.id


def test_the_outlook_opens_with_the_stance_then_the_theme_then_the_targets(
    facts: reportgen.DistrictFacts,
) -> None:
    """The Party committee's December stance for 2024 opens the outlook, before the mayor's
    theme and the targets that carry it out; it no longer sits among 2023's figures
    (review 2, N9)."""
    from reportgen.narrative.plan import Group, Qualitative
    from reportgen.narrative.planner import make_plan

    outlook = make_plan(facts).section("outlook")
    assert outlook is not None
    first = outlook.paragraphs[0].sentences
    assert first[0] == Qualitative("statement", ("general-requirement",))
    assert isinstance(first[1], Qualitative) and first[1].kind == "said"
    assert isinstance(first[2], Group)
    assert {f.status.value for f in facts.figures if f.id in first[2].figures} == {"target"}
    overview = make_plan(facts).section("overview")
    assert overview is not None
    told = [i for p in overview.paragraphs for s in p.sentences
            if isinstance(s, Qualitative) for i in s.ids]  # fmt: skip
    assert "general-requirement" not in told


def test_the_text_does_not_read_table_1_out_again(briefings: dict[str, Briefing]) -> None:
    """Trade and budget revenue are Table 1 rows; the overview's text leaves them to it."""
    for lang in ("zh", "en"):
        n = briefings[lang].narrative
        table = {f for t in n.sections["overview"].tables for f in t.figures}
        said = {f for p in n.sections["overview"].paragraphs for f in p.figures}
        rows = {"trade-growth-2023", "budget-revenue-2023h1", "budget-revenue-2023"}
        assert rows <= table
        assert not rows & said, said
