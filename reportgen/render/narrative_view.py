"""The narrative as templates see it: realized paragraphs and tables (``narrative``).

Plain frozen dataclasses holding ``Markup`` (already escaped for Markdown, citation
marks included), so a template prints them as they are: ``{{ paragraph }}``,
``{{ table }}``. ``narrative.sections["projects"]`` is one briefing section;
every default section is present (possibly empty, see ``empty``).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class RealizedParagraph:
    """A paragraph (or a list item when ``bullet``) and what it states, for checks."""

    text: Markup
    sentences: tuple[str, ...]  # plain sentences, without citation marks
    figures: tuple[str, ...]  # figure ids in the order stated
    topic: str | None = None
    bullet: bool = False

    def __str__(self) -> str:
        return str(self.text)

    def __html__(self) -> Markup:
        return self.text


@dataclass(frozen=True)
class RealizedTable:
    """A numbered table: caption, header and rows of cells, as Markdown."""

    key: str
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    figures: tuple[str, ...]
    markdown: Markup

    def __html__(self) -> Markup:
        return self.markdown


@dataclass(frozen=True)
class RealizedSection:
    """One briefing section: paragraphs and tables (both may be empty)."""

    key: str
    paragraphs: tuple[RealizedParagraph, ...]
    tables: tuple[RealizedTable, ...]

    @property
    def empty(self) -> bool:
        """True when there is nothing to show (the template leaves the heading out)."""
        return not self.paragraphs and not self.tables


@dataclass(frozen=True)
class RealizedDocument:
    """Everything the narrative says, in one language."""

    lang: str
    full_name: str
    lead: RealizedParagraph | None
    key_points: tuple[RealizedParagraph, ...]
    sections: dict[str, RealizedSection]
    annex: tuple[RealizedTable, ...]
    citations: str
    footnotes: tuple[tuple[str, str], ...] = ()  # (label, text): notes naming several sources

    def section(self, key: str) -> RealizedSection:
        """The section ``key``; an empty one when the plan has none (user sections)."""
        return self.sections.get(key, RealizedSection(key, (), ()))

    @property
    def body_paragraphs(self) -> tuple[RealizedParagraph, ...]:
        """Lead, key points and section paragraphs, in document order."""
        lead = (self.lead,) if self.lead is not None else ()
        rest = tuple(p for s in self.sections.values() for p in s.paragraphs)
        return lead + self.key_points + rest
