"""Pairs: two languages' briefings, cut into sections (:mod:`~reportgen.editions.segment`),
→ one aligned sequence in the lead language's order.

Sections pair in order (both languages have the same ``##`` sections: the same plan and
the same chosen sections); their headings pair. Inside a section, each block of the plan
pairs with the block of the same id in the other language — by construction, wherever
the other language's template prints it (the Chinese summary puts the lead paragraph
before the key points, the English one after them: the lead language's order wins).
Template text pairs by kind and order within the section: the lead's first chart with
the other's first chart, its first run of text with the other's first run of text; what
the other language has more of follows at the section's end beside nothing. Tables and
charts are *wide*: shown once per language, one after the other, at full width.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass

from reportgen.editions.segment import Piece, Section
from reportgen.errors import TemplateError


@dataclass(frozen=True)
class Pair:
    """Two languages' Markdown for one place of the document.

    ``kind``: ``text`` (side by side), ``heading`` (paired), ``wide`` (one after the
    other, full width), ``title`` (the document title), ``marker`` (``<!-- toc -->``,
    written once). ``key`` is the block id, or ``<section>:<kind><n>`` for template text.
    """

    key: str
    kind: str
    lead: str
    other: str
    facts: tuple[str, ...] = ()


def pair_sections(lead: list[Section], other: list[Section]) -> list[Pair]:
    """The aligned pairs of two briefings cut into sections."""
    if len(lead) != len(other):
        raise TemplateError(
            f"the two languages' briefings have {len(lead) - 1} and {len(other) - 1} ##"
            " sections; a bilingual edition needs the same sections in both"
        )
    blocks = {p.block.id: p for s in other for p in s.pieces if p.block is not None}
    pairs: list[Pair] = []
    for n, (a, b) in enumerate(zip(lead, other, strict=True)):
        if a.heading is not None and b.heading is not None:
            pairs.append(Pair(f"s{n}:heading", "heading", a.heading, b.heading))
        pairs += _section_pairs(n, a, b, blocks)
    return pairs


def _section_pairs(n: int, a: Section, b: Section, blocks: dict[str, Piece]) -> list[Pair]:
    queues: dict[str, deque[Piece]] = defaultdict(deque)
    for piece in b.pieces:
        if piece.block is None:
            queues[piece.kind].append(piece)
    counts: dict[str, int] = defaultdict(int)
    out: list[Pair] = []
    for piece in a.pieces:
        if piece.block is not None:
            match = blocks.get(piece.block.id)
            if match is None:
                raise TemplateError(
                    f"the block {piece.block.id} of the plan is printed in one language only"
                )
            kind = "wide" if piece.block.kind in ("table", "annex") else "text"
            out.append(Pair(piece.block.id, kind, piece.markdown, match.markdown,
                            piece.block.facts))  # fmt: skip
            continue
        counts[piece.kind] += 1
        mate = queues[piece.kind].popleft().markdown if queues[piece.kind] else ""
        out.append(Pair(f"s{n}:{piece.kind}{counts[piece.kind]}", piece.kind, piece.markdown, mate))
    for kind, rest in queues.items():
        for piece in rest:
            counts[kind] += 1
            out.append(Pair(f"s{n}:{kind}{counts[kind]}", kind, "", piece.markdown))
    return out
