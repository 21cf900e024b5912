"""What the provenance appendix and ``reportgen trace`` say about one fact.

A :class:`FactRecord` gathers, for one figure or qualitative fact in one language: its
label and value as that language prints them, each source (number, title, outlet,
date, file) with the verbatim Chinese quote, the editor's note (which the briefing
body never shows) and, for a doubtful figure, why it is never stated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reportgen.facts.model import Citation, DistrictFacts
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.realize.words import default_phrases


@dataclass(frozen=True)
class Quote:
    """One place a source states the fact."""

    source: str  # source id
    number: int
    title: str
    outlet: str | None
    date: str
    file: str | None
    quote: str  # verbatim, in Chinese


@dataclass(frozen=True)
class FactRecord:
    """One fact as the appendix lists it (see the module text)."""

    id: str
    kind: str  # figure | statement | event | person | policy | finding
    label: str
    value: str
    quotes: tuple[Quote, ...]
    note: str | None
    doubtful: str | None = None


def fact_models(facts: DistrictFacts) -> Iterator[tuple[str, Any]]:
    """Every fact of the file with its kind: figures, statements, events, people, policies,
    findings."""
    for figure in facts.figures:
        yield "figure", figure
    for key, kind in (("statements", "statement"), ("events", "event"), ("people", "person"),
                      ("policies", "policy"), ("findings", "finding")):  # fmt: skip
        for item in getattr(facts, key, ()):
            yield kind, item


def records(facts: DistrictFacts, context: dict[str, Any], lang: str) -> dict[str, FactRecord]:
    """A record for every fact in ``facts`` (doubtful figures included), in ``lang``."""
    formatter = Formatter(lang, city=facts.district.city)
    sources = {s.id: s for s in context["sources"]}
    files = {s.id: s.file for s in facts.sources}
    views = _views(context)
    out: dict[str, FactRecord] = {}
    for kind, model in fact_models(facts):
        view = views.get(model.id)
        if kind == "finding":  # the sentence as the briefing prints it
            label, value = finding_text(model, context, formatter), ""
        else:
            label, value = _describe(kind, view, formatter)
        quotes = tuple(_quote(c, sources, files, formatter) for c in model.sources)
        note = getattr(view, "note", None) if view is not None else None
        doubtful = getattr(view, "doubtful", None) if view is not None else None
        out[model.id] = FactRecord(model.id, kind, label, value, quotes, note, doubtful)
    return out


def _views(context: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {f.id: f for f in context["figures"]}
    found |= {f.id: f for f in context.get("doubtful_figures", [])}
    for key in ("statements", "events", "people", "policies", "findings"):
        found |= {v.id: v for v in context.get(key, [])}
    return found


def finding_text(finding: Any, context: dict[str, Any], formatter: Formatter) -> str:
    """A finding's sentence in the formatter's language, its placeholders filled."""
    from reportgen.i18n.realize.findings import realize_finding
    from reportgen.i18n.realize.words import Words
    from reportgen.narrative.plan import Finding

    sentence = Finding(finding.id, finding.figures, finding.covers)
    words = Words(formatter.lang, formatter, context, {})
    return words.grammar.finish(realize_finding(words, sentence))


def _quote(
    citation: Citation, sources: dict[str, Any], files: dict[str, str | None], f: Formatter
) -> Quote:
    s = sources[citation.source]
    return Quote(
        s.id, s.number, s.title, s.publisher, f.date(s.date), files.get(s.id), citation.quote
    )


def _describe(kind: str, view: Any, f: Formatter) -> tuple[str, str]:
    """The fact's label and value as ``f``'s language prints them."""
    if view is None:
        return "", ""
    if kind == "figure":
        when = f.period(view.period, "table") if view.period.kind.value != "unknown" else ""
        status = f.status(view.status) if view.status != "actual" else ""
        measure = view.measure
        if view.owner is not None and view.owner.name not in measure:
            measure = f"{view.owner.name}{'：' if f.lang == 'zh' else ': '}{measure}"
        label = measure + "".join(f" ({x})" for x in (when, status) if x)
        if f.lang == "zh":
            label = measure + "".join(f"（{x}）" for x in (when, status) if x)
        parts = [
            f.amount(view.amount, "prose", view.item) if view.amount is not None else "",
            f.change(view.yoy, "table") if view.yoy is not None else "",
            f.gap(view.vs_city, "table") if view.vs_city is not None else "",
            f.rank(view.rank, "table") if view.rank is not None else "",
        ]
        return label, ("；" if f.lang == "zh" else "; ").join(p for p in parts if p)
    if kind == "statement":
        return view.text, view.sentence or ""
    if kind == "event":
        names = ("、" if f.lang == "zh" else ", ").join(s.name for s in view.subjects)
        form = "plan" if view.status != "actual" else "one" if len(view.subjects) == 1 else "many"
        stage = default_phrases(f.lang).get(f"event.{form}.{view.stage}", view.stage)
        return names, view.text or stage
    if kind == "person":
        return view.name, view.title
    return view.name, view.gist or ""
