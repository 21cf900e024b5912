"""A rendered briefing cut into sections, the plan's blocks and the template text between.

The templates print each realized block verbatim (``{{ paragraph.text }}``,
``{{ table.markdown }}``, a key point as ``- {{ point.text }}`` or ``一是{{ point.text }}``),
so every block of :func:`~reportgen.editions.realized.plan_blocks` is found in the
rendered Markdown by its exact text; its piece is the whole printed line(s), list
marker or ordinal included. The document is cut into *sections* at its ``##``
headings (the front matter before the first is section 0). Inside a section, what is
not a block — the title, charts, the annex's and the sources' text, ``###``
headings — is cut at blank lines into *units* (consecutive text paragraphs stay one).
The bilingual edition pairs blocks by their id and units by their kind and order within
the same section (:mod:`reportgen.editions.pairs`); nothing is matched by similarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen.editions.realized import Block

FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:.*$", re.MULTILINE)
_BLANK = re.compile(r"\n[ \t]*\n")
_SECTION = re.compile(r"^## .*$", re.MULTILINE)


@dataclass(frozen=True)
class Piece:
    """A block of the plan as printed (``block`` set), or a unit of template text."""

    kind: str  # block: paragraph/bullet/table/annex; unit: title/heading/wide/marker/text
    markdown: str
    block: Block | None = None


@dataclass
class Section:
    """One ``##`` section of a briefing: its heading line and its pieces in order."""

    heading: str | None
    pieces: list[Piece] = field(default_factory=list)


def locate(markdown: str, blocks: list[Block]) -> list[tuple[int, int, Block]]:
    """Where each block is printed: ``(start, end, block)`` in document order, the span
    widened to whole lines (a list marker or ordinal before it belongs to it). A block
    the templates left out (a section not chosen) is not there; a text printed twice is
    claimed once per block, first come first served."""
    found: list[tuple[int, int, Block]] = []
    for block in blocks:
        text = block.markdown
        at = markdown.find(text)
        while at >= 0 and any(s < at + len(text) and at < e for s, e, _ in found):
            at = markdown.find(text, at + 1)
        if at < 0:
            continue
        start = markdown.rfind("\n", 0, at) + 1
        end = markdown.find("\n", at + len(text))
        found.append((start, len(markdown) if end < 0 else end, block))
    return sorted(found, key=lambda x: x[0])


def sections(markdown: str, blocks: list[Block]) -> list[Section]:
    """``markdown`` (footnote definitions cut out, see :func:`footnotes`) as sections of
    blocks and units of template text."""
    body = FOOTNOTE.sub("", markdown)
    spans = locate(body, blocks)
    cuts = [m.start() for m in _SECTION.finditer(body)
            if not any(s <= m.start() < e for s, e, _ in spans)]  # fmt: skip
    bounds = list(zip([0, *cuts], [*cuts, len(body)], strict=True))
    out: list[Section] = []
    for lo, hi in bounds:
        line_end = body.find("\n", lo)
        heading = body[lo:line_end].strip() if lo in cuts else None
        section = Section(heading)
        cursor = line_end if heading is not None else lo
        for start, end, block in (x for x in spans if lo <= x[0] < hi):
            section.pieces += units(body[cursor:start])
            section.pieces.append(Piece(block.kind, body[start:end], block))
            cursor = end
        section.pieces += units(body[cursor:hi])
        out.append(section)
    return out


def units(markdown: str) -> list[Piece]:
    """Template text as units: title, heading, wide (a table or picture), marker (an HTML
    comment) or text (consecutive text paragraphs joined)."""
    found: list[Piece] = []
    for chunk in _BLANK.split(markdown.strip("\n")):
        text = chunk.strip("\n")
        if not text.strip():
            continue
        kind = _kind(text)
        if kind == "text" and found and found[-1].kind == "text":
            found[-1] = Piece("text", f"{found[-1].markdown}\n\n{text}")
        else:
            found.append(Piece(kind, text))
    return found


def _kind(text: str) -> str:
    if text.startswith("# "):
        return "title"
    if re.match(r"#{2,6} ", text) and "\n" not in text:
        return "heading"
    if text.startswith("<!--") and text.endswith("-->"):
        return "marker"
    if text.startswith(("![", "|", "**表", "**Table")):
        return "wide"
    return "text"


def footnotes(markdown: str) -> dict[str, str]:
    """The footnote definitions of ``markdown``: ``{"a1": "Source 1: …"}``."""
    found: dict[str, str] = {}
    for line in FOOTNOTE.findall(markdown):
        label, _, text = line.partition("]:")
        found[label.removeprefix("[^")] = text.strip()
    return found
