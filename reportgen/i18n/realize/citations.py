"""Citation marks: one per paragraph, resolved in the numbered source list.

A paragraph is the sentence group a reader checks: its one mark follows its last
sentence and names every source of the paragraph. Styles (``--citations``):

- ``footnotes`` (default): one Markdown footnote reference per group — ``[^a4]`` for
  one source, ``[^a1.a4]`` for several (``.`` cannot occur in a source id) — whose
  definition names the sources' numbers in the source list ("Sources 1 and 4."); the
  DOCX writer turns them into Word footnotes. Chosen as the default because the DOCX a
  district office hands on then reads like a printed briefing (superscript numbers),
  while the Markdown stays valid everywhere.
- ``endnotes``: the sources' numbers in brackets, ``[1, 4]`` / ``〔1、4〕``, resolved in
  the numbered Sources list.
- ``none``: no marks (the Sources list and the annex's source column remain).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from reportgen.i18n.realize.words import Words
from reportgen.render.view import SourceView

STYLES = ("footnotes", "endnotes", "none")


def mark(w: Words, sources: Sequence[SourceView], style: str) -> Markup:
    """The one mark for a sentence group citing ``sources`` (in source-list order)."""
    ordered = sorted(dict.fromkeys(sources), key=lambda s: s.number)
    if style == "none" or not ordered:
        return Markup("")
    if style == "endnotes":
        sep = "、" if w.zh else ", "
        numbers = sep.join(str(s.number) for s in ordered)
        return Markup(w.p("cite.endnote", numbers=numbers))
    return Markup(f"[^{footnote_id(ordered)}]")


def footnote_id(sources: Sequence[SourceView]) -> str:
    """The footnote label of a set of sources: 'a4', or 'a1.a4' for several."""
    return ".".join(s.id for s in sources)


def combined_notes(w: Words, used: Sequence[Sequence[SourceView]]) -> tuple[tuple[str, str], ...]:
    """(label, text) of each footnote that names several sources ('Sources 1 and 4.')."""
    notes: dict[str, str] = {}
    for group in used:
        ordered = sorted(dict.fromkeys(group), key=lambda s: s.number)
        if len(ordered) > 1:
            listed = w.grammar.join([str(s.number) for s in ordered])
            notes[footnote_id(ordered)] = w.p("cite.footnote", numbers=listed)
    return tuple(notes.items())


def numbers(w: Words, sources: Sequence[SourceView]) -> str:
    """Source numbers for a table's source column: '1, 4' / '1、4'."""
    ordered = sorted(dict.fromkeys(sources), key=lambda s: s.number)
    return ("、" if w.zh else ", ").join(str(s.number) for s in ordered)
