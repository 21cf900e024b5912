"""Pairs of blocks: two languages' segmented briefings → one aligned sequence.

Each piece of the lead language (:func:`~reportgen.editions.segment.segment`) is paired
with the piece of the same key in the other language: a block of the plan with its
realization in the other language, a gap of template text with the same gap. A gap is
cut further at headings, charts and tables when both languages have the same sequence
of them (the default templates do), so headings pair with headings; otherwise the gap
pairs whole. Tables and charts are *wide*: shown once per language, one after the
other, at full width (each language's table has its own labels and number formats).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.editions.segment import Piece
from reportgen.errors import TemplateError

_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Pair:
    """Two languages' Markdown for one place of the document.

    ``kind``: ``text`` (side by side), ``heading`` (side by side), ``wide`` (one after
    the other, full width), ``title`` (the document title), ``marker`` (``<!-- toc -->``,
    written once). ``key`` is the block id or gap key it came from.
    """

    key: str
    kind: str
    lead: str
    other: str
    facts: tuple[str, ...] = ()


def pair_pieces(lead: list[Piece], other: list[Piece]) -> list[Pair]:
    """The aligned pairs of two segmented briefings (same keys in the same order)."""
    keys = [p.key for p in lead], [p.key for p in other]
    if keys[0] != keys[1]:
        raise TemplateError(
            "the two languages' templates print the narrative's blocks in different orders;"
            " a bilingual edition needs the same template structure in both"
        )
    pairs: list[Pair] = []
    for a, b in zip(lead, other, strict=True):
        if a.block is not None:
            kind = "wide" if a.block.kind in ("table", "annex") else "text"
            if a.block.kind == "bullet":
                pairs.append(Pair(a.key, kind, f"- {a.markdown}", f"- {b.markdown}",
                                  a.block.facts))  # fmt: skip
            else:
                pairs.append(Pair(a.key, kind, a.markdown, b.markdown, a.block.facts))
        else:
            pairs += _gap_pairs(a.key, a.markdown, b.markdown)
    return pairs


def _units(markdown: str) -> list[tuple[str, str]]:
    """A gap's Markdown as (kind, text) units: heading, title, wide, marker or text
    (consecutive text blocks joined)."""
    units: list[tuple[str, str]] = []
    for chunk in _BLANK.split(markdown.strip()):
        text = chunk.strip("\n")
        if not text.strip():
            continue
        kind = _kind(text)
        if kind == "text" and units and units[-1][0] == "text":
            units[-1] = ("text", f"{units[-1][1]}\n\n{text}")
        else:
            units.append((kind, text))
    return units


def _kind(text: str) -> str:
    if text.startswith("# "):
        return "title"
    if re.match(r"#{2,6} ", text) and "\n" not in text:
        return "heading"
    if text.startswith("<!--") and text.endswith("-->"):
        return "marker"
    if (
        text.startswith("![")
        or text.startswith("|")
        or text.startswith("**表")
        or (text.startswith("**Table"))
    ):
        return "wide"
    return "text"


def _gap_pairs(key: str, lead: str, other: str) -> list[Pair]:
    a, b = _units(lead), _units(other)
    if [k for k, _ in a] != [k for k, _ in b]:
        if not a and not b:
            return []
        return [Pair(key, "text", lead.strip(), other.strip())]
    return [Pair(key, kind, x, y) for (kind, x), (_, y) in zip(a, b, strict=True)]
