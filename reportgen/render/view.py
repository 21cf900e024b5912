"""The view: facts in one language, shaped for templates.

Every prose field is resolved to the build language here, so templates only
ever see strings in that language (or get a located error when one is missing).
Values stay ``Amount``/``Change``/``Period`` objects: formatting them is the
filters' job. No numbers are computed here; ordering and grouping only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from reportgen.errors import DataError, Problem
from reportgen.facts.amounts import Amount, Change
from reportgen.facts.loader import problem_at
from reportgen.facts.model import DistrictFacts, Figure, Section, Source, Text
from reportgen.facts.periods import PartialDate, Period
from reportgen.facts.topics import topic_names
from reportgen.facts.yamlpos import Path
from reportgen.i18n.phrases import phrases_for
from reportgen.render.plain import NounView, plain
from reportgen.render.qualitative_view import (
    EventView,
    PersonView,
    PolicyView,
    StatementView,
    qualitative_context,
)

__all__ = [
    "EntityView", "EventView", "FigureView", "PersonView", "PolicyView", "SourceView",
    "StatementView", "make_view",
]  # fmt: skip


@dataclass(frozen=True)
class SourceView:
    """A source article, numbered in the order of the data file."""

    id: str
    number: int
    title: str
    date: PartialDate
    reporter: str | None
    occasion: str | None
    publisher: str | None
    note: str | None
    kind: str = "news"  # news | work_report | bulletin | press_release | yearbook
    kind_name: str = ""  # the kind in the build language: 统计公报 / statistical bulletin
    author: str | None = None
    speaker: str | None = None
    data_period: Period | None = None  # the period the article's figures cover, if given


@dataclass(frozen=True)
class EntityView:
    """A named thing in the build language."""

    id: str
    kind: str
    name: str
    description: str | None


@dataclass(frozen=True)
class FigureView:
    """A figure in the build language; values stay exact objects for the filters."""

    id: str
    section: str
    topic: str | None
    measure: str
    measure_texts: frozenset[str]
    amount: Amount | None
    item: NounView | None
    period: Period
    status: str
    yoy: Change | None
    vs_city: Change | None
    rank: int | None
    owner: EntityView | None
    examples: tuple[EntityView, ...]
    place: EntityView | None
    tags: tuple[str, ...]
    note: str | None
    sources: tuple[SourceView, ...]
    topic_name: str | None = None  # the topic's name in the build language
    doubtful: str | None = None  # why the printed figure is evidently wrong (never shown)

    @property
    def cite(self) -> Markup:
        """Footnote references to the figure's sources, e.g. ``[^a3][^a4]`` (Markdown)."""
        return Markup("".join(f"[^{s.id}]" for s in self.sources))


@dataclass
class _Resolver:
    """Resolves bilingual text to one language, collecting every missing one."""

    facts: DistrictFacts
    lang: str
    fallback: str | None
    missing: list[Problem] = field(default_factory=list)

    def text(self, value: Text | None, path: Path) -> str:
        if value is None:
            self.missing.append(problem_at(self.facts, path, f"missing (needed for '{self.lang}')"))
            return ""
        return self.optional(value, path) or ""

    def optional(self, value: Text | None, path: Path) -> str | None:
        if value is None:
            return None
        found = value.get(self.lang)
        if found is None and self.fallback is not None:
            found = value.get(self.fallback)
        if found is None:
            message = f"has no '{self.lang}' text (add {self.lang}: …, or build with a fallback)"
            self.missing.append(problem_at(self.facts, (*path, self.lang), message))
        return found


def make_view(facts: DistrictFacts, lang: str, fallback: str | None = None) -> dict[str, Any]:
    """The template context for ``lang``; :class:`DataError` lists every missing text."""
    r = _Resolver(facts, lang, fallback)
    sources = {s.id: _source_view(s, n, r) for n, s in enumerate(facts.sources, start=1)}
    entities = {
        e.id: EntityView(
            e.id,
            e.kind.value,
            r.text(e.name, ("entities", i, "name")),
            r.optional(e.description, ("entities", i, "description")),
        )
        for i, e in enumerate(facts.entities)
    }
    names = _topic_names(facts, r)
    every = [_figure_view(f, i, r, sources, entities, names) for i, f in enumerate(facts.figures)]
    figures = [f for f in every if f.doubtful is None]  # a doubtful figure is never stated
    district = facts.district
    place = phrases_for(lang).places[district.kind]
    context = {
        "lang": lang,
        "district": {
            "id": district.id,
            "name": r.text(district.name, ("district", "name")),
            "city": r.text(district.city, ("district", "city")),
            "province": r.optional(district.province, ("district", "province")),
            "kind": district.kind.value,  # district | county | county_city | banner …
            "ref": place.ref,  # 全区 / 全县 · the district / the county
            "noun": place.noun,  # 区 / 县 · district / county
            "wide": place.wide,  # 全区 / 全县 · districtwide / countywide
        },
        "sources": list(sources.values()),
        "source": sources,
        "entities": entities,
        "figures": figures,
        "figure": {f.id: f for f in figures},
        "sections": {s.value: [f for f in figures if f.section == s.value] for s in Section},
        "data_date": max(s.date for s in facts.sources),
        "topic_names": names,
        "doubtful_figures": [f for f in every if f.doubtful is not None],
        **qualitative_context(facts, r, sources, entities),
    }
    if r.missing:
        raise DataError(f"{len(r.missing)} text(s) missing in '{lang}'", r.missing)
    return context


def _topic_names(facts: DistrictFacts, r: _Resolver) -> dict[str, str]:
    """Every topic's name in the build language; a topic the facts use without one is a
    located problem (the loader has checked that every topic is named in some language)."""
    names = topic_names(facts.topics, r.lang)
    if r.fallback is not None:
        names = topic_names(facts.topics, r.fallback) | names
    for topic, text in facts.topics.items():
        if topic not in names:
            r.optional(text, ("topics", topic))
    return names


def _source_view(source: Source, number: int, r: _Resolver) -> SourceView:
    path: Path = ("sources", number - 1)
    kinds = phrases_for(r.lang).source_kinds
    return SourceView(
        id=source.id,
        number=number,
        title=r.text(source.title, (*path, "title")),
        date=source.date,
        reporter=r.optional(source.reporter, (*path, "reporter")),
        occasion=r.optional(source.occasion, (*path, "occasion")),
        publisher=r.optional(source.publisher, (*path, "publisher")),
        note=r.optional(source.note, (*path, "note")),
        kind=source.kind.value,
        kind_name=kinds[source.kind]["one"],
        author=r.optional(source.author, (*path, "author")),
        speaker=r.optional(source.speaker, (*path, "speaker")),
        data_period=source.data_period,
    )


def _figure_view(
    figure: Figure,
    index: int,
    r: _Resolver,
    sources: dict[str, SourceView],
    entities: dict[str, EntityView],
    topics: dict[str, str],
) -> FigureView:
    path: Path = ("figures", index)
    if figure.item is not None:
        r.optional(figure.item, (*path, "item"))
    return FigureView(
        id=figure.id,
        section=figure.section.value,
        topic=figure.topic,
        measure=r.text(figure.measure, (*path, "measure")),
        measure_texts=frozenset(t for t in (figure.measure.zh, figure.measure.en) if t),
        amount=figure.amount,
        item=plain(figure.item),
        period=figure.period,
        status=figure.status.value,
        yoy=figure.yoy,
        vs_city=figure.vs_city,
        rank=figure.rank,
        owner=None if figure.owner is None else entities[figure.owner],
        examples=tuple(entities[e] for e in figure.examples),
        place=None if figure.place is None else entities[figure.place],
        tags=figure.tags,
        note=r.optional(figure.note, (*path, "note")),
        sources=_unique(sources[c.source] for c in figure.sources),
        topic_name=topics.get(figure.topic or "other"),
        doubtful=r.optional(figure.doubtful, (*path, "doubtful")),
    )


def _unique(items: Iterable[SourceView]) -> tuple[SourceView, ...]:
    return tuple(dict.fromkeys(items))
