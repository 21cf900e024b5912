"""Realization: a DocumentPlan → one language's paragraphs and tables.

``realize(plan, context, formatter)`` walks the plan in document order, turns each
sentence plan into words through the language's phrase table (``en.py``, ``zh.py``,
with a user's ``phrases.<lang>.yaml`` on top), the formatter and the grammar, puts one
citation mark after each sentence group, glosses coinages on first use, and returns a
:class:`RealizedDocument` of ``Markup`` the templates print as is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from reportgen.i18n.formatter import Formatter
from reportgen.i18n.realize import citations, tables
from reportgen.i18n.realize.findings import finding_sources
from reportgen.i18n.realize.refer import district_openings, periods_once, shorten_all
from reportgen.i18n.realize.sentences import realize as realize_sentence
from reportgen.i18n.realize.words import Words, default_glosses
from reportgen.narrative.plan import (
    DocumentPlan,
    Finding,
    Paragraph,
    Qualitative,
    Sentence,
    sentence_figures,
)
from reportgen.render.escape import escape_markdown
from reportgen.render.narrative_view import (
    RealizedDocument,
    RealizedParagraph,
    RealizedSection,
    RealizedTable,
)
from reportgen.render.view import SourceView

__all__ = ["RealizedDocument", "RealizedParagraph", "RealizedSection", "RealizedTable", "realize"]


def realize(
    plan: DocumentPlan,
    context: Mapping[str, Any],
    formatter: Formatter,
    *,
    overrides: Mapping[str, str] | None = None,
    citation_style: str = "footnotes",
    place_kind: str = "district",
) -> RealizedDocument:
    """The plan in ``formatter``'s language (see the module text)."""
    w = Words(formatter.lang, formatter, context, overrides or {})
    r = _Run(w, citation_style, default_glosses(formatter.lang))
    district = context["district"]
    full = w.p("refer.full", name=district["name"], city=district["city"])
    short = w.p("refer.short", place=formatter.place(place_kind))
    r.district = _district_names(district, w.lang)
    r.short = short
    lead = r.paragraph(plan.lead, full, short) if plan.lead.sentences else None
    points = tuple(r.paragraph(p, short) for p in plan.key_points)
    sections: dict[str, RealizedSection] = {}
    number = 0
    for section in plan.sections:
        paragraphs = tuple(r.paragraph(p, short) for p in section.paragraphs if p.sentences)
        made = []
        for table in section.tables:
            number += 1
            header, rows, ids = tables.main_table(w, table, number)
            caption = w.p("table.main", n=str(number))
            made.append(
                RealizedTable(
                    table.key,
                    caption,
                    header,
                    _t(rows),
                    tuple(ids),
                    tables.markdown(caption, header, rows),
                )
            )
        sections[section.key] = RealizedSection(section.key, paragraphs, tuple(made))
    annex = []
    for n, part in enumerate(plan.annex, start=1):
        header, rows = tables.annex_table(w, part)
        caption = w.p("table.annex", n=str(n), section=w.p(f"section.{part.key}"))
        annex.append(
            RealizedTable(
                part.key,
                caption,
                header,
                _t(rows),
                part.figures,
                tables.markdown(caption, header, rows),
            )
        )
    for key, which, make in (
        ("events", plan.events, tables.event_table),
        ("policies", plan.policies, tables.policy_table),
    ):
        columns, listed = make(w, which) if which else ((), [])
        if listed:  # the annex's text tables: the events the body leaves out, the policies
            caption = w.p(f"table.{key}", n=str(len(annex) + 1))
            markdown = tables.markdown(caption, columns, listed, numeric=False)
            annex.append(RealizedTable(key, caption, columns, _t(listed), (), markdown))
    notes = citations.combined_notes(w, r.groups) if citation_style == "footnotes" else ()
    return RealizedDocument(
        formatter.lang, full, lead, points, sections, tuple(annex), citation_style, notes
    )


def _district_names(district: Mapping[str, Any], lang: str) -> list[str]:
    """The district's names a sentence may open with: 槐荫区 / 'Huaiyin District', 'Huaiyin'."""
    name = str(district.get("name") or "")
    if lang.startswith("zh"):
        return [name] if name else []
    first = name.split(" ")[0] if " " in name else ""
    if not any(c.isalnum() for c in first):
        first = ""  # '&' of '& Co. District' is no name
    return [n for n in (name, first) if n]


def _t(rows: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(r) for r in rows)


class _Run:
    """State across one document: glosses already given."""

    def __init__(self, w: Words, style: str, glosses: dict[str, str]) -> None:
        self.w, self.style, self.glosses = w, style, glosses
        self.groups: list[list[SourceView]] = []  # the sources of each sentence group
        entities = w.context.get("entities", {})
        self.names = [str(e.name) for e in getattr(entities, "values", lambda: [])() if e.name]
        people = [str(getattr(p, "title", "") or "") for p in w.context.get("people", [])]
        self.longer = [*self.names, *people]
        self.defined: dict[str, str] = {}  # abbreviations the text has defined
        self.district: list[str] = []
        self.short = ""

    def paragraph(
        self, p: Paragraph, first_subject: str, subject: str | None = None
    ) -> RealizedParagraph:
        """Sentences with one citation mark, after the paragraph's last sentence, naming
        every source of the paragraph (a paragraph is the sentence group a reader checks)."""
        w = self.w
        plain, sources = [], []
        for i, s in enumerate(p.sentences):
            text = realize_sentence(w, s, first_subject if i == 0 or subject is None else subject)
            plain.append(self._gloss(text))
            sources += self.sources(s)
        plain = shorten_all(w.lang, plain, self.names, self.defined)
        plain = periods_once(w.lang, plain)  # a paragraph's period said once
        plain = district_openings(plain, self.district, self.short, self.longer, True)
        texts = [escape_markdown(t) for t in plain]
        cited = sorted(dict.fromkeys(sources), key=lambda v: v.number)
        out = Markup(w.grammar.space).join(Markup(t) for t in texts)
        if cited:
            out += citations.mark(w, cited, self.style)
            self.groups.append(cited)
        figures = tuple(f for s in p.sentences for f in sentence_figures(s))
        return RealizedParagraph(out, tuple(plain), figures, p.topic, p.bullets)

    def sources(self, s: Sentence) -> list[SourceView]:
        """The sources of everything a sentence states, in source-list order."""
        found: list[SourceView] = []
        for f in sentence_figures(s):
            found += self.w.context["figure"][f].sources
        if isinstance(s, Finding):  # its own sources and its covered records'
            found += finding_sources(self.w, s)
        if isinstance(s, Qualitative):
            key = {"statement": "statements", "event": "events", "policies": "policies"}.get(
                s.kind, "people"
            )
            ids = s.ids
            if s.kind == "said":  # a statement, then its speakers
                key, ids = "statements", s.ids[:1]
                people = {v.id: v for v in self.w.context.get("people", [])}
                found += [src for i in s.ids[1:] for src in people[i].sources]
            views = {v.id: v for v in self.w.context.get(key, [])}
            for i in ids:
                found += views[i].sources
        return sorted(dict.fromkeys(found), key=lambda v: v.number)

    def _gloss(self, text: str) -> str:
        for term, gloss in list(self.glosses.items()):
            if term in text:
                text = self.w.grammar.gloss(text, term, gloss)  # after the head noun
                del self.glosses[term]
        return text
