"""Helpers for the narrative tests: the realized briefing beside its Markdown, and readers."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import reportgen
from reportgen.facts.model import DistrictFacts, Figure
from reportgen.i18n.formatter import Formatter
from reportgen.narrative.context import narrative_context
from reportgen.render.narrative_view import RealizedDocument
from reportgen.render.view import make_view

CITE = re.compile(r"\[\^[a-z0-9.-]+\]|\s?\[[\d, ]+\]|〔[\d、]+〕")
#: Headings of the annex and the source list, where the body ends.
BODY_END = re.compile(r"^## (Annex|附表|Sources|资料来源)", re.MULTILINE)


@dataclass(frozen=True)
class Briefing:
    """One built briefing: its Markdown and the realized narrative it came from."""

    lang: str
    markdown: str
    narrative: RealizedDocument

    @property
    def body(self) -> str:
        """The Markdown before the annex and the sources."""
        match = BODY_END.search(self.markdown)
        return self.markdown[: match.start()] if match else self.markdown

    @property
    def prose_paragraphs(self) -> list[str]:
        """Paragraphs and list items of the body as plain text (no marks, no tables)."""
        return [CITE.sub("", p.text.unescape()) for p in self.narrative.body_paragraphs]


def build(facts: DistrictFacts, lang: str, citations: str = "footnotes", **kw: object) -> Briefing:
    """Build ``facts`` and realize its narrative the way build() does."""
    report = reportgen.build(facts, lang=lang, charts=False, citations=citations, **kw)  # type: ignore[arg-type]
    context = make_view(facts, lang)
    formatter = Formatter(lang, city=facts.district.city)
    templates = kw.get("templates")
    folder = Path(str(templates)) if templates is not None else None
    narrative = narrative_context(facts, context, formatter, folder, citations)["narrative"]
    return Briefing(lang, report.markdown, narrative)


def body_length(b: Briefing) -> int:
    """Chinese: characters of the body's prose (no spaces); English: its words."""
    text = "\n".join(b.prose_paragraphs)
    if b.lang == "zh":
        return len(re.sub(r"\s", "", text))
    return len(re.findall(r"[A-Za-z0-9][\w’'.,–-]*", text))


def figure_strings(formatter: Formatter, f: Figure, table: bool = False) -> list[tuple[str, ...]]:
    """The texts a figure's numbers take (one of each tuple must appear): the amount as
    prose or table cell, the growth rate and the gap as prose or cell."""
    wanted: list[tuple[str, ...]] = []
    if f.amount is not None:
        digits = replace(f.amount, numeral="")  # a table writes 五个 as 5个 (review 2, C11)
        wanted.append((formatter.amount(f.amount, "table"), formatter.amount(f.amount),
                       formatter.amount(digits, "table")))  # fmt: skip
    for change in (f.yoy, f.vs_city):
        if change is not None:
            forms = [formatter.amount(change.amount), formatter.amount(change.amount, "table")]
            if table:
                forms.append(
                    formatter.change(change, "table")
                    if change is f.yoy
                    else formatter.gap(change, "table")
                )
            wanted.append(tuple(forms))
    return wanted


def number_in(text: str, rendered: str) -> bool:
    """Whether ``rendered`` (a formatted amount) stands in ``text`` as a whole number."""
    core = re.escape(rendered)
    return re.search(rf"(?<![\d.,]){core}(?![\d])", text) is not None


def decimal_values(text: str) -> set[Decimal]:
    """Every plain number in an English text, commas removed (a reader's check)."""
    return {Decimal(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}
