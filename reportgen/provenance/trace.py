"""``trace``: one fact's sources and every place it appears, in each language's briefing.

:func:`trace` builds the briefing in each language (charts left out), takes the plan's
blocks (:func:`~reportgen.editions.realized.plan_blocks`) and reports for the fact its
record (:mod:`reportgen.provenance.records`) and its occurrences
(:mod:`reportgen.provenance.index`). A doubtful figure is traced too: it appears
nowhere, and says why.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from typing import Any

from reportgen.build import LANGUAGES
from reportgen.editions.realized import realize_language
from reportgen.errors import OptionError
from reportgen.facts.model import DistrictFacts
from reportgen.provenance.appendix import section_name
from reportgen.provenance.index import Occurrence, fact_index
from reportgen.provenance.records import FactRecord, fact_models, records


@dataclass(frozen=True)
class Place:
    """One occurrence, with its section's name and the place in words."""

    block: str
    section: str
    section_name: str
    kind: str
    number: int
    place: str
    finding: str | None = None  # the finding (analyst's sentence) that states the figure


@dataclass(frozen=True)
class LanguageTrace:
    """The fact in one language: its record and where the briefing states it."""

    lang: str
    record: FactRecord
    appears: tuple[Place, ...]


def trace(
    facts: DistrictFacts, fact_id: str, *, where: str = "the fact file", **options: Any
) -> list[LanguageTrace]:
    """The fact ``fact_id`` traced in every language; an unknown id is an OptionError
    ``<where>: no fact …`` naming the closest ids."""
    known = [m.id for _, m in fact_models(facts)]
    if fact_id not in known:
        close = difflib.get_close_matches(fact_id, known, n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise OptionError(f"{where}: no fact '{fact_id}'{hint}")
    finding = next((f.id for f in facts.findings if fact_id in f.figures), None)
    out = []
    for lang in LANGUAGES:
        built = realize_language(facts, lang, charts=False, **options)
        shown = [b for b in built.blocks if b.markdown in built.report.markdown]
        occurrences = fact_index(shown).get(fact_id, [])
        places = tuple(_place(o, lang, built.blocks, finding) for o in occurrences)
        out.append(LanguageTrace(lang, records(facts, built.context, lang)[fact_id], places))
    return out


def _place(o: Occurrence, lang: str, blocks: list[Any], finding: str | None) -> Place:
    """The occurrence in words; ``finding`` when the block states the figure in it."""
    block = next(b for b in blocks if b.id == o.block)
    said = finding if finding is not None and finding in block.facts else None
    return Place(
        o.block, o.section, section_name(block, lang), o.kind, o.number, o.place(lang), said
    )


def as_json(traces: list[LanguageTrace]) -> dict[str, Any]:
    """The traces as one JSON object: id, kind, doubtful, and per language the record
    (label, value, note, quotes with their sources) and the places."""
    first = traces[0].record
    return {
        "id": first.id,
        "kind": first.kind,
        "languages": {
            t.lang: {
                "label": t.record.label,
                "value": t.record.value,
                "note": t.record.note,
                "doubtful": t.record.doubtful,
                "sources": [asdict(q) for q in t.record.quotes],
                "appears": [asdict(p) for p in t.appears],
            }
            for t in traces
        },
    }


def as_text(traces: list[LanguageTrace]) -> str:
    """The traces for a reader: the fact, its sources and quotes, then per language
    its value and every place it appears."""
    first = traces[0].record
    lines = [f"{first.id} ({first.kind})"]
    for q in first.quotes:
        where = ", ".join(x for x in (q.date, q.outlet, q.file) if x)
        lines.append(f"  source {q.number} [{q.source}] ({where})")
        lines.append(f"    quote: {q.quote}")
    for t in traces:
        r = t.record
        value = f": {r.value}" if r.value else ""
        lines.append(f"  {t.lang}: {r.label}{value}")
        lines.append(f"    source titles: {'; '.join(q.title for q in r.quotes)}")
        if r.note:
            lines.append(f"    note: {r.note}")
        if r.doubtful:
            lines.append(f"    doubtful, never stated: {r.doubtful}")
        for p in t.appears:
            said = f", in finding {p.finding}" if p.finding else ""
            lines.append(f"    appears: {p.section_name}, {p.place} [{p.block}]{said}")
        if not t.appears:
            lines.append("    appears: nowhere in the briefing")
    return "\n".join(lines) + "\n"
