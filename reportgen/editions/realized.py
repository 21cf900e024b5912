"""One language's briefing together with the plan it came from, as numbered blocks.

The seam between the narrative layer and the editions: :func:`realize_language` builds
the ordinary single-language :class:`~reportgen.build.Report` and, from the same facts
and options, the :class:`~reportgen.narrative.plan.DocumentPlan` and its realization
(the narrative is deterministic, so this is the very text the templates printed).
:func:`plan_blocks` numbers every block of the plan — lead, key points, section
paragraphs and tables, annex tables — with an id that is the same in every language
(``lead``, ``point-2``, ``overview-p3``, ``overview-t1``, ``annex-t4``). Blocks with the
same id in two languages are realizations of the same plan element: the bilingual
edition pairs them, the provenance appendix and ``reportgen trace`` index by them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.build import Report, build
from reportgen.facts.mapping import revalidate
from reportgen.facts.model import DistrictFacts
from reportgen.i18n.formatter import Formatter
from reportgen.narrative.context import narrative_context
from reportgen.narrative.plan import (
    DocumentPlan,
    Finding,
    Paragraph,
    Qualitative,
    sentence_figures,
)
from reportgen.render.narrative_view import RealizedDocument
from reportgen.render.view import make_view


@dataclass(frozen=True)
class Block:
    """One block of the plan realized in one language.

    ``kind`` is ``paragraph``, ``bullet`` (a key point), ``table`` or ``annex``;
    ``section`` the briefing section key (``summary`` for lead and key points);
    ``number`` the block's 1-based place among its section's paragraphs or tables;
    ``markdown`` the exact text the templates print; ``facts`` the ids of every figure
    and qualitative fact it states, in order.
    """

    id: str
    kind: str
    section: str
    number: int
    markdown: str
    figures: tuple[str, ...]
    facts: tuple[str, ...]


@dataclass(frozen=True)
class LanguageBuild:
    """A single-language build: the report, its view context, plan and realization."""

    lang: str
    report: Report
    context: dict[str, Any]
    plan: DocumentPlan
    realized: RealizedDocument

    @property
    def blocks(self) -> list[Block]:
        """The plan's blocks in this language (see :func:`plan_blocks`)."""
        return plan_blocks(self.plan, self.realized)


def realize_language(
    facts: DistrictFacts,
    lang: str,
    *,
    templates: Path | None = None,
    sections: Any = None,
    fallback: str | None = None,
    charts: bool = True,
    citations: str = "footnotes",
    chart_format: str = "native",
) -> LanguageBuild:
    """Build ``lang``'s briefing and return it with the plan and realization behind it."""
    report = build(
        facts, lang, templates=templates, sections=sections, fallback=fallback,
        charts=charts, citations=citations, chart_format=chart_format,
    )  # fmt: skip
    facts = revalidate(facts)
    context = make_view(facts, lang, fallback)
    formatter = Formatter(lang, city=facts.district.city)
    narrative = narrative_context(facts, context, formatter, templates, citations)
    context |= narrative
    return LanguageBuild(lang, report, context, narrative["plan"], narrative["narrative"])


def paragraph_facts(paragraph: Paragraph) -> tuple[str, ...]:
    """Every fact id a planned paragraph states: figures and qualitative facts, in order."""
    found: list[str] = []
    for sentence in paragraph.sentences:
        found += sentence_figures(sentence)
        if isinstance(sentence, Qualitative):
            found += sentence.ids
        elif isinstance(sentence, Finding):  # the finding, then the records it tells
            found += (sentence.id, *sentence.covers)
    return tuple(dict.fromkeys(found))


def plan_blocks(plan: DocumentPlan, realized: RealizedDocument) -> list[Block]:
    """The plan's blocks in document order, each with its realized text.

    The realization skips paragraphs without sentences; so does this walk, which is
    why block ids agree across languages by construction.
    """
    blocks: list[Block] = []
    if plan.lead.sentences and realized.lead is not None:
        lead = realized.lead
        blocks.append(
            Block("lead", "paragraph", "summary", 1, str(lead.text), lead.figures,
                  paragraph_facts(plan.lead))
        )  # fmt: skip
    for n, (point, text) in enumerate(zip(plan.key_points, realized.key_points, strict=True), 1):
        blocks.append(
            Block(f"point-{n}", "bullet", "summary", n, str(text.text), text.figures,
                  paragraph_facts(point))
        )  # fmt: skip
    for section in plan.sections:
        done = realized.section(section.key)
        planned = [p for p in section.paragraphs if p.sentences]
        for n, (para, text) in enumerate(zip(planned, done.paragraphs, strict=True), 1):
            blocks.append(
                Block(f"{section.key}-p{n}", "paragraph", section.key, n, str(text.text),
                      text.figures, paragraph_facts(para))
            )  # fmt: skip
        for n, table in enumerate(done.tables, 1):
            blocks.append(
                Block(f"{section.key}-t{n}", "table", section.key, n, str(table.markdown),
                      table.figures, table.figures)
            )  # fmt: skip
    parts = {part.key: part for part in plan.annex}
    for n, table in enumerate(realized.annex, 1):
        facts = table.figures
        if table.key not in parts:  # a list of its own, e.g. the policies table
            facts = tuple(getattr(plan, table.key, ()) or ())
        blocks.append(
            Block(f"annex-t{n}", "annex", table.key, n, str(table.markdown), table.figures,
                  facts)
        )  # fmt: skip
    return blocks
