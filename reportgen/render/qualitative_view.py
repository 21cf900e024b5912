"""Views of the qualitative facts (statements, events, people, policies, findings) in one
language.

Plain frozen dataclasses, like the figure views: every text resolved to the build
language, entities resolved to their views, periods kept as objects for the filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from markupsafe import Markup

from reportgen.facts.model import Citation, DistrictFacts, Section, Text
from reportgen.facts.periods import Period
from reportgen.facts.qualitative import Event, Finding, Person, Policy, Statement
from reportgen.facts.yamlpos import Path

if TYPE_CHECKING:
    from reportgen.render.view import EntityView, SourceView


class Resolver(Protocol):
    """Resolves bilingual text to the build language (see ``view._Resolver``)."""

    def text(self, value: Text | None, path: Path) -> str: ...

    def optional(self, value: Text | None, path: Path) -> str | None: ...


_Cites = Callable[[Iterable[Citation]], "tuple[SourceView, ...]"]


def _cite(sources: tuple[SourceView, ...]) -> Markup:
    return Markup("".join(f"[^{s.id}]" for s in sources))


@dataclass(frozen=True)
class StatementView:
    """A positioning, approach, industrial system, theme, goal or assessment."""

    id: str
    kind: str
    section: str
    topic: str | None
    text: str
    sentence: str | None
    period: Period | None
    subject: EntityView | None  # whose statement (None: the district)
    note: str | None
    sources: tuple[SourceView, ...]

    @property
    def cite(self) -> Markup:
        """Footnote references to the sources, e.g. ``[^a2]``."""
        return _cite(self.sources)


@dataclass(frozen=True)
class EventView:
    """A milestone of one or more named things."""

    id: str
    section: str
    topic: str | None
    subjects: tuple[EntityView, ...]
    stage: str
    status: str
    period: Period | None
    text: str | None
    note: str | None
    sources: tuple[SourceView, ...]

    @property
    def cite(self) -> Markup:
        """Footnote references to the sources."""
        return _cite(self.sources)


@dataclass(frozen=True)
class PersonView:
    """A person with the title the sources give."""

    id: str
    name: str
    title: str
    period: Period | None
    note: str | None
    sources: tuple[SourceView, ...]

    @property
    def cite(self) -> Markup:
        """Footnote references to the sources."""
        return _cite(self.sources)


@dataclass(frozen=True)
class PolicyView:
    """A policy or programme: its name and gist."""

    id: str
    kind: str
    section: str
    topic: str | None
    name: str
    gist: str | None
    period: Period | None
    note: str | None
    sources: tuple[SourceView, ...]

    @property
    def cite(self) -> Markup:
        """Footnote references to the sources."""
        return _cite(self.sources)


@dataclass(frozen=True)
class FindingView:
    """An analyst's sentence: its text in the build language, figures as placeholders
    (``{figure-id}``, ``{figure-id:part}``) that the realizer fills from the figures."""

    id: str
    section: str
    topic: str | None
    period: Period | None
    tags: tuple[str, ...]
    covers: tuple[str, ...]
    figures: tuple[str, ...]  # the figure ids it states, in placeholder order
    text: str
    note: str | None
    sources: tuple[SourceView, ...]  # its own sources (its figures' are theirs)

    @property
    def cite(self) -> Markup:
        """Footnote references to its own sources."""
        return _cite(self.sources)


def qualitative_context(
    facts: DistrictFacts,
    r: Resolver,
    sources: Mapping[str, SourceView],
    entities: Mapping[str, EntityView],
) -> dict[str, Any]:
    """The context entries for the qualitative facts: lists, by-id dicts and per section."""

    def cites(citations: Iterable[Citation]) -> tuple[SourceView, ...]:
        return tuple(dict.fromkeys(sources[c.source] for c in citations))

    statements = [_statement(s, i, r, cites, entities) for i, s in enumerate(facts.statements)]
    events = [_event(e, i, r, cites, entities) for i, e in enumerate(facts.events)]
    people = [_person(p, i, r, cites) for i, p in enumerate(facts.people)]
    policies = [_policy(p, i, r, cites) for i, p in enumerate(facts.policies)]
    findings = [_finding(f, i, r, cites) for i, f in enumerate(getattr(facts, "findings", ()))]
    by_section = {
        f"{name}_by_section": {s.value: [v for v in views if v.section == s.value] for s in Section}
        for name, views in (("statements", statements), ("events", events), ("policies", policies))
    }
    return {
        "statements": statements,
        "events": events,
        "people": people,
        "policies": policies,
        "findings": findings,
        **by_section,
    }


def _statement(
    s: Statement, i: int, r: Resolver, cites: _Cites, entities: Mapping[str, EntityView]
) -> StatementView:
    path: Path = ("statements", i)
    return StatementView(
        id=s.id,
        kind=s.kind.value,
        section=s.section.value,
        topic=s.topic,
        text=r.text(s.text, (*path, "text")),
        sentence=r.optional(s.sentence, (*path, "sentence")),
        period=s.period,
        subject=None if s.subject is None else entities[s.subject],
        note=r.optional(s.note, (*path, "note")),
        sources=cites(s.sources),
    )


def _event(
    e: Event, i: int, r: Resolver, cites: _Cites, entities: Mapping[str, EntityView]
) -> EventView:
    path: Path = ("events", i)
    return EventView(
        id=e.id,
        section=e.section.value,
        topic=e.topic,
        subjects=tuple(entities[x] for x in e.subjects),
        stage=e.stage.value,
        status=e.status.value,
        period=e.period,
        text=r.optional(e.text, (*path, "text")),
        note=r.optional(e.note, (*path, "note")),
        sources=cites(e.sources),
    )


def _person(p: Person, i: int, r: Resolver, cites: _Cites) -> PersonView:
    path: Path = ("people", i)
    return PersonView(
        id=p.id,
        name=r.text(p.name, (*path, "name")),
        title=r.text(p.title, (*path, "title")),
        period=p.period,
        note=r.optional(p.note, (*path, "note")),
        sources=cites(p.sources),
    )


def _policy(p: Policy, i: int, r: Resolver, cites: _Cites) -> PolicyView:
    path: Path = ("policies", i)
    return PolicyView(
        id=p.id,
        kind=p.kind.value,
        section=p.section.value,
        topic=p.topic,
        name=r.text(p.name, (*path, "name")),
        gist=r.optional(p.gist, (*path, "gist")),
        period=p.period,
        note=r.optional(p.note, (*path, "note")),
        sources=cites(p.sources),
    )


def _finding(f: Finding, i: int, r: Resolver, cites: _Cites) -> FindingView:
    path: Path = ("findings", i)
    return FindingView(
        id=f.id,
        section=f.section.value,
        topic=f.topic,
        period=f.period,
        tags=f.tags,
        covers=f.covers,
        figures=f.figures,
        text=r.text(f.text, (*path, "text")),
        note=r.optional(f.note, (*path, "note")),
        sources=cites(f.sources),
    )
