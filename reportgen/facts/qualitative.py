"""Qualitative facts: statements, events, people and policies, each sourced like a figure.

A figure says how much; these say what the district is aiming at (a statement), what
happened to a named project (an event), who leads (a person) and what the district
does about it (a policy). Each carries its verbatim quotes, checked like a figure's,
but without the number check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from reportgen.facts.model import (
    MAX_TEXT,
    Citation,
    Frozen,
    PeriodText,
    Section,
    Slug,
    Status,
    Text,
)
from reportgen.facts.placeholders import figure_order, placeholders, syntax_problems
from reportgen.facts.yamlpos import Path


class StatementKind(StrEnum):
    """What a statement states."""

    POSITIONING = "positioning"  # 齐鲁门户、医养之都
    APPROACH = "approach"  # the development approach (“125510”发展思路)
    INDUSTRIAL_SYSTEM = "industrial_system"  # “342”现代化产业体系
    THEME = "theme"  # the year's theme (抓项目强产业攻坚提升年)
    GOAL = "goal"  # a goal in words (黄河流域中心城市一流城区)
    ASSESSMENT = "assessment"  # a judgement the source makes


class Stage(StrEnum):
    """The milestone an event marks."""

    STARTED = "started"
    TOPPED_OUT = "topped_out"
    COMPLETED = "completed"
    OPENED = "opened"
    TRIAL_OPERATION = "trial_operation"
    CLINICAL_USE = "clinical_use"
    FORMED = "formed"
    EXPANDED = "expanded"
    SIGNED = "signed"
    LAUNCHED = "launched"
    SETTLED = "settled"
    AWARDED = "awarded"
    HELD = "held"
    OTHER = "other"


class PolicyKind(StrEnum):
    """What sort of measure a policy is."""

    POLICY = "policy"
    PROGRAMME = "programme"
    ACTION = "action"
    CAMPAIGN = "campaign"
    PLAN = "plan"


class Statement(Frozen):
    """Positioning, approach, industrial system, theme or goal, in words."""

    id: Slug
    kind: StatementKind
    section: Section
    topic: Slug | None = None
    text: Text
    sentence: Text | None = None
    period: PeriodText | None = None
    subject: Slug | None = None
    sources: tuple[Citation, ...] = Field(min_length=1)
    note: Text | None = None

    def problems(self) -> list[tuple[str, str]]:
        """Field-level consistency problems as (field, message) pairs."""
        return []

    def entity_refs(self) -> Iterator[tuple[Path, str]]:
        """(path within the record, entity id) for each entity it names."""
        if self.subject is not None:
            yield ("subject",), self.subject


class Event(Frozen):
    """A milestone of one or more named things: started, topped out, opened …

    ``status`` is an addition to the shared contract: ``plan`` or ``target`` marks a
    milestone the source schedules rather than reports (开工建设 in a work plan).
    """

    id: Slug
    section: Section
    topic: Slug | None = None
    subjects: tuple[Slug, ...] = Field(min_length=1)
    stage: Stage
    status: Status = Status.ACTUAL
    period: PeriodText | None = None
    text: Text | None = None
    tags: tuple[Slug, ...] = Field(
        default=(), description="Tags; 'annex': listed in the annex, never told in the body."
    )
    sources: tuple[Citation, ...] = Field(min_length=1)
    note: Text | None = None

    def problems(self) -> list[tuple[str, str]]:
        """Field-level consistency problems as (field, message) pairs."""
        if self.stage is Stage.OTHER and self.text is None:
            return [("text", "an event of stage 'other' needs a text that says what happened")]
        return []

    def entity_refs(self) -> Iterator[tuple[Path, str]]:
        """(path within the record, entity id) for each entity it names."""
        for i, subject in enumerate(self.subjects):
            yield ("subjects", i), subject


class Person(Frozen):
    """A person the sources name, with the title they give."""

    id: Slug
    name: Text
    title: Text
    period: PeriodText | None = None
    sources: tuple[Citation, ...] = Field(min_length=1)
    note: Text | None = None

    def problems(self) -> list[tuple[str, str]]:
        """Field-level consistency problems as (field, message) pairs."""
        return []

    def entity_refs(self) -> Iterator[tuple[Path, str]]:
        """A person names no entity."""
        return iter(())


class Policy(Frozen):
    """A policy or programme: its name and gist."""

    id: Slug
    kind: PolicyKind
    section: Section
    topic: Slug | None = None
    name: Text
    gist: Text | None = None
    period: PeriodText | None = None
    sources: tuple[Citation, ...] = Field(min_length=1)
    note: Text | None = None

    def problems(self) -> list[tuple[str, str]]:
        """Field-level consistency problems as (field, message) pairs."""
        return []

    def entity_refs(self) -> Iterator[tuple[Path, str]]:
        """A policy names no entity."""
        return iter(())


class FindingText(Text):
    """A finding's sentence in both languages (both required), figures as placeholders."""

    zh: str = Field(min_length=1, max_length=MAX_TEXT, description="The sentence in Chinese.")
    en: str = Field(min_length=1, max_length=MAX_TEXT, description="The sentence in English.")


class Finding(Frozen):
    """An analyst's sentence about figures: words written by the data's author, every
    number a placeholder ``{figure-id}`` / ``{figure-id:part}`` (see docs/data-format.md)."""

    id: Slug = Field(description="Short id, unique across every kind of fact.")
    section: Section = Field(description="The briefing section it belongs to.")
    topic: Slug | None = Field(default=None, description="The paragraph (topic) it joins.")
    period: PeriodText | None = Field(
        default=None, description="Orders it in its paragraph (default: its first figure's)."
    )
    tags: tuple[Slug, ...] = Field(
        default=(), description="Key-message slots: lead, programme, investment, headline."
    )
    covers: tuple[Slug, ...] = Field(
        default=(), description="Statements, events, policies or people it tells (not again)."
    )
    text: FindingText = Field(description="The sentence: {zh: …, en: …} with placeholders.")
    sources: tuple[Citation, ...] = Field(
        default=(), description="Quotes for what its words claim beyond the figures."
    )
    note: Text | None = Field(default=None, description="An editor's note (not in the briefing).")

    @property
    def figures(self) -> tuple[str, ...]:
        """The figure ids it states, in the order of the Chinese text's placeholders."""
        return figure_order(self.text.zh)

    def problems(self) -> list[tuple[str, str]]:
        """Field-level problems: none (the text's are :meth:`text_problems`, with a path)."""
        return []

    def text_problems(self) -> list[tuple[str, str]]:
        """(language, message): placeholder syntax, and both languages naming the same
        figures (in any order: English puts a modifier after its noun where Chinese puts
        it before, 总投资3150亿元的196个重点项目 / 196 key projects with a total investment
        of 315 billion yuan; the plan states them in the Chinese text's order)."""
        found = [
            (lang, message)
            for lang in ("zh", "en")
            for message in syntax_problems(getattr(self.text, lang))
        ]
        if not placeholders(self.text.zh):
            found.append(("zh", "names no figure: write each number as {figure-id}"))
        zh, en = figure_order(self.text.zh), figure_order(self.text.en)
        if sorted(zh) != sorted(en):
            message = (
                f"names the figures {', '.join(en) or 'none'}; the zh text names "
                f"{', '.join(zh) or 'none'}: both languages name the same figures"
            )
            found.append(("en", message))
        return found

    def entity_refs(self) -> Iterator[tuple[Path, str]]:
        """A finding names no entity (its figures do)."""
        return iter(())


#: The qualitative lists of a fact file, by their key, with their model and singular
#: (findings too: their ids, sources, topics and quotes are checked like the others').
QUALITATIVE: dict[str, tuple[type[BaseModel], str]] = {
    "statements": (Statement, "statement"),
    "events": (Event, "event"),
    "people": (Person, "person"),
    "policies": (Policy, "policy"),
    "findings": (Finding, "finding"),
}


def cited(groups: Mapping[str, Iterable[tuple[int, Any]]]) -> Iterator[tuple[Path, Citation]]:
    """(path, citation) for every citation of every cited record, figures included.

    ``groups`` maps a list's key (``figures``, ``statements`` …) to its valid records
    with their indexes; lists without ``sources`` (entities, sources) are skipped.
    """
    for name, records in groups.items():
        for index, record in records:
            for c, citation in enumerate(getattr(record, "sources", ())):
                if isinstance(citation, Citation):
                    yield (name, index, "sources", c), citation
