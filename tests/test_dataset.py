"""The packaged Huaiyin dataset: valid, complete, and every quote verbatim in its article."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.facts import DistrictFacts, PartialDate, Section, load_facts

#: Entities no fact refers to: programmes and policies now written as policies (their entity
#: stays for templates that name them), and means named only inside a statement's sentence.
UNUSED_ENTITIES = {
    "governance-1-7-mechanism",
    "investment-nine-actions",
    "rd-zero-campaign",
    "ten-upgrading-actions",
    "national-key-talent-programs",
    "shanke-science-plus",
    "huaiyin-sci-tech-big-data-platform",
    # its only figure, "十条" read from the policy's name, was no figure (review 2, B8, C11)
    "sci-tech-ten-measures",
}

SECTIONS_THAT_MUST_HAVE_FIGURES = [
    Section.OVERVIEW,
    Section.PROJECTS,
    Section.INNOVATION,
    Section.CONSUMPTION,
    Section.LIVELIHOOD,
    Section.BUSINESS_ENVIRONMENT,
]


@pytest.fixture(scope="module")
def facts(dataset: Path) -> DistrictFacts:
    return load_facts(dataset)


def test_every_quote_is_in_its_article(seeds: Path, dataset: Path) -> None:
    checked = load_facts(dataset, sources_dir=seeds)
    result = CliRunner().invoke(main, ["validate", "--sources", str(seeds), str(dataset)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{dataset}: ok: {len(checked.figures)} figures (")
    assert result.stdout.endswith(", 5 sources, every quote found\n")


def test_every_source_article_exists(seeds: Path, facts: DistrictFacts) -> None:
    files = [s.file for s in facts.sources]
    assert None not in files
    assert sorted(f for f in files if f) == sorted(p.name for p in seeds.glob("*.txt"))


def test_size(facts: DistrictFacts) -> None:
    assert len(facts.figures) >= 180
    assert len(facts.sources) == 5
    assert facts.district.id == "huaiyin"
    assert (facts.district.name.zh, facts.district.name.en) == ("槐荫区", "Huaiyin District")


def test_every_citation_names_a_listed_source(facts: DistrictFacts) -> None:
    source_ids = {s.id for s in facts.sources}
    cited = {c.source for f in facts.figures for c in f.sources}
    assert cited <= source_ids
    assert cited == source_ids, "every article contributes at least one figure"


def test_every_relation_names_a_listed_entity(facts: DistrictFacts) -> None:
    entity_ids = {e.id for e in facts.entities}
    assert {e for f in facts.figures for _, e in f.entity_refs()} <= entity_ids


def test_examples_are_never_owners(facts: DistrictFacts) -> None:
    """The misattributions of issue 11: a named example is not the figure's subject."""
    relations = {f.id: (f.owner, f.examples, f.place) for f in facts.figures}
    assert relations["projects-started-2023"] == (None, ("wanda-plaza",), None)
    assert relations["edu-facilities-2023-completed"][0] is None
    assert "yantai-road-primary-school" in relations["edu-facilities-2023-completed"][1]
    assert relations["special-bond-funds-approved-2023h1"][0] is None
    assert relations["auto-retailers-above-size-2023h1"][0] is None
    assert relations["new-high-end-hotels-2023"][0::2] == (None, "sdicec")
    assert relations["new-hotel-rooms-2023"][0::2] == (None, "sdicec")
    assert all(f.owner not in f.examples for f in facts.figures if f.owner is not None)


@pytest.mark.parametrize("section", SECTIONS_THAT_MUST_HAVE_FIGURES, ids=str)
def test_section_has_figures(facts: DistrictFacts, section: Section) -> None:
    counts = Counter(f.section for f in facts.figures)
    assert counts[section] > 0


def test_ids_are_unique(facts: DistrictFacts) -> None:
    fact_kinds = (*facts.figures, *facts.statements, *facts.events, *facts.people, *facts.policies)
    for records in (fact_kinds, facts.sources, facts.entities):
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids))


def test_qualitative_size(facts: DistrictFacts) -> None:
    """Issue 11: every qualitative fact of the five articles (docs/dataset-coverage.md)."""
    sizes = (len(facts.statements), len(facts.events), len(facts.people), len(facts.policies))
    # 57 events: yuanshan-production merged into yuanshan-breakthrough (review 3, F3).
    assert sizes >= (45, 57, 4, 43)
    assert len(facts.entities) >= 123
    cited = {
        c.source
        for kind in (facts.statements, facts.events, facts.policies)
        for r in kind
        for c in r.sources
    }
    assert cited == {"a1", "a2", "a3", "a4", "a5"}


def test_every_entity_is_used(facts: DistrictFacts) -> None:
    used = {e for f in facts.figures for _, e in f.entity_refs()}
    used |= {e for r in (*facts.statements, *facts.events) for _, e in r.entity_refs()}
    assert {e.id for e in facts.entities} - used <= UNUSED_ENTITIES


def test_both_languages_are_present(facts: DistrictFacts) -> None:
    missing = [
        (f.id, lang) for f in facts.figures for lang in ("zh", "en") if f.measure.get(lang) is None
    ]
    assert missing == []
    assert all(s.title.get("zh") and s.title.get("en") for s in facts.sources)


def test_source_dates_order(facts: DistrictFacts) -> None:
    # Dates of different precision (2023, 2023-01) compare, so the latest is well defined.
    assert max(s.date for s in facts.sources) == PartialDate(2024, 1)
