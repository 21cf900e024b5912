"""A rendered briefing cut into the plan's blocks and the template text between them.

The templates print each realized block verbatim (``{{ paragraph.text }}``,
``{{ table.markdown }}``, ``- {{ point.text }}``: a key point with its list marker), so
every block of :func:`~reportgen.editions.realized.plan_blocks` is found in the rendered Markdown by
its exact text, in document order. What lies between two blocks — headings, the
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


def segment(markdown: str, blocks: list[Block], lang: str) -> list[Piece]:
    """``markdown`` as alternating gaps and blocks; a block the templates left out
    (a section not chosen) is skipped. Footnote definitions are cut out of the gaps
    (see :func:`footnotes`)."""
    body = FOOTNOTE.sub("", markdown)
    pieces: list[Piece] = []
    cursor, previous = 0, "start"
    for block in blocks:
        text = f"- {block.markdown}" if block.kind == "bullet" else block.markdown
        at = body.find(text, cursor)
        if at < 0:
            continue
        pieces.append(Piece(f"after:{previous}", body[cursor:at]))
        pieces.append(Piece(block.id, block.markdown, block))
        cursor, previous = at + len(text), block.id
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
