"""A rendered briefing cut into the plan's blocks and the template text between them.

The templates print each realized block verbatim (``{{ paragraph.text }}``,
``{{ table.markdown }}``, ``- {{ point.text }}``: a key point with its list marker), so
every block of :func:`~reportgen.editions.realized.plan_blocks` is found in the rendered Markdown by
its exact text (in the order the templates print them: the overview's table comes
before its paragraphs). What lies between two blocks — headings, the
title block, charts, the annex's and the sources' text — is a *gap*, named by the
block before it (``after:overview-p3``; the first is ``after:start``). Two languages
built from one plan with the same template structure have the same blocks and gaps in
the same order, which is what the bilingual edition pairs; nothing is matched by
similarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.editions.realized import Block
from reportgen.errors import TemplateError

FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:.*$", re.MULTILINE)


@dataclass(frozen=True)
class Piece:
    """A block of the plan (``block`` set) or the template text of a gap."""

    key: str  # the block id, or "after:<block id>" for a gap
    markdown: str
    block: Block | None = None


def locate(markdown: str, blocks: list[Block]) -> list[tuple[int, int, Block]]:
    """Where each block is printed: ``(start, end, block)`` in document order. A block
    the templates left out (a section not chosen) is not there; a text printed twice
    is claimed once per block, first come first served."""
    found: list[tuple[int, int, Block]] = []
    for block in blocks:
        text = f"- {block.markdown}" if block.kind == "bullet" else block.markdown
        at = markdown.find(text)
        while at >= 0 and any(s < at + len(text) and at < e for s, e, _ in found):
            at = markdown.find(text, at + 1)
        if at >= 0:
            found.append((at, at + len(text), block))
    return sorted(found, key=lambda x: x[0])


def segment(markdown: str, blocks: list[Block], lang: str) -> list[Piece]:
    """``markdown`` as alternating gaps and blocks, in document order (see
    :func:`locate`). Footnote definitions are cut out of the gaps (see :func:`footnotes`)."""
    body = FOOTNOTE.sub("", markdown)
    pieces: list[Piece] = []
    cursor, previous = 0, "start"
    for start, end, block in locate(body, blocks):
        pieces.append(Piece(f"after:{previous}", body[cursor:start]))
        pieces.append(Piece(block.id, block.markdown, block))
        cursor, previous = end, block.id
    pieces.append(Piece(f"after:{previous}", body[cursor:]))
    if not any(p.block for p in pieces) and blocks:
        raise TemplateError(f"the {lang} templates print none of the narrative's paragraphs")
    return pieces


def footnotes(markdown: str) -> dict[str, str]:
    """The footnote definitions of ``markdown``: ``{"a1": "Source 1: …"}``."""
    found: dict[str, str] = {}
    for line in FOOTNOTE.findall(markdown):
        label, _, text = line.partition("]:")
        found[label.removeprefix("[^")] = text.strip()
    return found
