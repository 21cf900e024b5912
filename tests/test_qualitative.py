"""Qualitative facts (statements, events, people, policies); a figure's owner, examples, place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reportgen.errors import DataError
from reportgen.facts import DistrictFacts, load_facts
from reportgen.facts.qualitative import Event, Stage, StatementKind
from reportgen.render.view import EventView, PersonView, PolicyView, StatementView, make_view

WriteFacts = Callable[..., Path]

#: Appended to the minimal fact file: one record of each qualitative kind.
QUALITATIVE = """\
statements:
  - id: positioning
    kind: positioning
    section: overview
    text: {zh: 齐鲁门户、医养之都, en: "Gateway to Qilu, Capital of Health and Elderly Care"}
    sources:
      - source: s1
        quote: 全区生产总值实现365.5亿元
events:
  - id: acme-opened
    section: projects
    subjects: [acme]
    stage: opened
    period: 2023-H1
    sources:
      - source: s1
        quote: 同比增长6.4%
people:
  - id: head
    name: {zh: 刘某, en: Liu Mou}
    title: {zh: 区长, en: District Mayor}
    sources:
      - source: s1
        quote: 生产总值
policies:
  - id: nine-actions
    kind: action
    section: business_environment
    name: {zh: 招商引资“九大行动”, en: the "Nine Actions" for investment promotion}
    gist: {zh: 全力招商。, en: all-out investment promotion}
    sources:
      - source: s1
        quote: 365.5亿元
"""


def problems(path: Path, sources: Path | None = None) -> list[str]:
    """The problem lines for a file, with the file name cut to its base name."""
    with pytest.raises(DataError) as caught:
        load_facts(path, sources_dir=sources)
    return [line.replace(str(path), path.name) for line in caught.value.lines()]


def test_each_kind_loads(write_facts: WriteFacts, minimal_yaml: str) -> None:
    facts = load_facts(write_facts(minimal_yaml + QUALITATIVE))
    [statement], [event], [person], [policy] = (
        facts.statements,
        facts.events,
        facts.people,
        facts.policies,
    )
    assert statement.kind is StatementKind.POSITIONING and statement.text.zh == "齐鲁门户、医养之都"
    assert (event.subjects, event.stage, str(event.period)) == (("acme",), Stage.OPENED, "2023-H1")
    assert event.status.value == "actual"
    assert (person.name.en, person.title.zh) == ("Liu Mou", "区长")
    assert policy.gist is not None and policy.gist.en == "all-out investment promotion"


def test_the_lists_are_optional(write_facts: WriteFacts, minimal_yaml: str) -> None:
    facts = load_facts(write_facts(minimal_yaml))
    assert (facts.statements, facts.events, facts.people, facts.policies) == ((), (), (), ())


def test_an_event_of_stage_other_needs_a_text() -> None:
    citation = {"source": "s1", "quote": "引文"}
    event = {"id": "e", "section": "projects", "subjects": ["p"], "sources": [citation]}
    assert Event.model_validate({**event, "stage": "other"}).problems() == [
        ("text", "an event of stage 'other' needs a text that says what happened")
    ]
    assert Event.model_validate({**event, "stage": "started"}).problems() == []


def test_ids_are_unique_across_every_kind_of_fact(
    write_facts: WriteFacts, minimal_yaml: str
) -> None:
    text = (minimal_yaml + QUALITATIVE).replace("id: acme-opened", "id: gdp")
    text = text.replace("id: nine-actions", "id: positioning")
    assert problems(write_facts(text)) == [
        "facts.yaml:33:9: event 'gdp' id: duplicate id 'gdp' (also figures[0])",
        "facts.yaml:49:9: policy 'positioning' id: duplicate id 'positioning' (also statements[0])",
    ]


def test_references_are_located(write_facts: WriteFacts, minimal_yaml: str) -> None:
    text = (minimal_yaml + QUALITATIVE).replace("subjects: [acme]", "subjects: [acme, nobody]")
    text = text.replace(
        "      - source: s1\n        quote: 生产总值", "      - source: s9\n        quote: 生产总值"
    )
    assert problems(write_facts(text)) == [
        "facts.yaml:46:17: person 'head' sources[0].source: unknown source 's9'; known sources: s1",
        "facts.yaml:35:22: event 'acme-opened' subjects[1]: unknown entity 'nobody'",
    ]


def test_unknown_fields_and_kinds_are_located(write_facts: WriteFacts, minimal_yaml: str) -> None:
    text = (minimal_yaml + QUALITATIVE).replace("stage: opened", "stage: inaugurated")
    text = text.replace("kind: action", "kind: action\n    owner: acme")
    [stage, owner] = problems(write_facts(text))
    assert stage.startswith(
        "facts.yaml:36:12: event 'acme-opened' stage: input should be 'started'"
    )
    assert owner.startswith("facts.yaml:51:")
    assert "policy 'nine-actions' owner: is not a known field" in owner


def test_about_is_refused_with_what_replaced_it(write_facts: WriteFacts, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("owner: acme", "about: [acme]")
    assert problems(write_facts(text)) == [
        "facts.yaml:20:12: figure 'gdp' about: "
        "about was split into owner, examples and place (see CHANGELOG)"
    ]


def test_figure_relations_are_checked(write_facts: WriteFacts, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("owner: acme", "owner: acme\n    examples: [acme, x]\n    place: y")
    assert problems(write_facts(text)) == [
        "facts.yaml:21:22: figure 'gdp' examples[1]: unknown entity 'x'",
        "facts.yaml:22:12: figure 'gdp' place: unknown entity 'y'",
    ]


def test_quotes_of_each_kind_are_checked_verbatim(
    write_facts: WriteFacts, minimal_yaml: str, tmp_path: Path
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "s1.txt").write_text("全区生产总值实现365.5亿元,同比增长6.4%", encoding="utf-8")
    text = (minimal_yaml + QUALITATIVE).replace(
        'date: "2023-07"', 'date: "2023-07"\n    file: s1.txt'
    )
    assert load_facts(write_facts(text), sources_dir=articles).statements
    wrong = text.replace("quote: 365.5亿元\n", "quote: 九大行动\n")
    [line] = problems(write_facts(wrong), articles)
    assert line.startswith(
        "facts.yaml:57:16: policy 'nine-actions' sources[0].quote: quote not found in its source"
    )


def test_the_view_resolves_each_kind_to_the_language(
    write_facts: WriteFacts, minimal_yaml: str
) -> None:
    facts = load_facts(write_facts(minimal_yaml + QUALITATIVE))
    for lang, positioning, title in (
        ("zh", "齐鲁门户、医养之都", "区长"),
        ("en", "Gateway to Qilu, Capital of Health and Elderly Care", "District Mayor"),
    ):
        context = make_view(facts, lang)
        [statement] = context["statements"]
        [event] = context["events"]
        [person] = context["people"]
        [policy] = context["policies"]
        assert isinstance(statement, StatementView) and statement.text == positioning
        assert isinstance(event, EventView) and [s.id for s in event.subjects] == ["acme"]
        assert isinstance(person, PersonView) and person.title == title
        assert isinstance(policy, PolicyView) and policy.kind == "action"
        assert str(event.cite) == "[^s1]"
        assert context["events_by_section"]["projects"] == [event]
        [figure] = context["figures"]
        assert figure.owner is not None and figure.owner.id == "acme"
        assert (figure.examples, figure.place) == ((), None)


# --- the packaged dataset ---------------------------------------------------------------


@pytest.fixture(scope="module")
def facts(dataset: Path) -> DistrictFacts:
    return load_facts(dataset)


def test_the_dataset_has_every_kind(facts: DistrictFacts) -> None:
    counts = [len(facts.statements), len(facts.events), len(facts.people), len(facts.policies)]
    assert all(n > 0 for n in counts)
    assert sum(counts) >= 140


def test_the_dataset_states_the_positioning(facts: DistrictFacts) -> None:
    [positioning] = [s for s in facts.statements if s.id == "positioning"]
    assert positioning.kind is StatementKind.POSITIONING
    assert (positioning.text.zh, positioning.text.en) == (
        "齐鲁门户、医养之都",
        "Gateway to Qilu, Capital of Health and Elderly Care",
    )
    assert {c.source for c in positioning.sources} == {"a2", "a5"}


def test_the_dataset_names_the_leaders(facts: DistrictFacts) -> None:
    people = {p.id: (p.name.zh, p.title.zh) for p in facts.people}
    assert people["sun-changjian"] == ("孙常建", "槐荫区委书记")
    assert people["liu-jingtao"] == ("刘敬涛", "槐荫区人民政府区长")


def test_the_dataset_milestones(facts: DistrictFacts) -> None:
    stages = {e.id: (e.stage.value, e.status.value) for e in facts.events}
    assert stages["shulan-trial-operation"] == ("trial_operation", "actual")
    assert stages["guanganmen-topped-out"] == ("topped_out", "actual")
    assert stages["proton-clinical-treatment"] == ("clinical_use", "actual")
    assert stages["medical-projects-to-start-2023"] == ("started", "plan")


def test_every_qualitative_fact_has_both_languages(facts: DistrictFacts) -> None:
    texts = [s.text for s in facts.statements] + [p.name for p in facts.policies]
    texts += [p.title for p in facts.people] + [e.text for e in facts.events if e.text]
    assert [t for t in texts if not (t.zh and t.en)] == []
