"""Where a figure goes: an estimate of the pages, so text flows past a figure that does not fit.

A figure (a picture or native chart, and its caption) is kept whole with its caption.
Set where the template put it, one that does not fit below the text on a page moves to
the next and leaves the rest of the page blank: a quarter page before 图1 and 图2 in the
Huaiyin briefing (review 2, N16). No renderer runs here, so the writer estimates the
page (:class:`Layout`): each paragraph's lines from its text (one em a CJK character,
the table writer's width estimate for others, :func:`~reportgen.writers.docx_tables.
run_twips`), the genre's line pitch and spacing, table rows, footnotes at the foot of
the page, page breaks. Then, for each figure (:func:`place_figures`):

- it fits below the text: it stays;
- it nearly fits (the space left is at least :data:`SHRINK` of its height): it is
  scaled down to the space left;
- else it moves after the following paragraphs of its section, up to the first one
  that runs onto the next page by :data:`MARGIN_LINES` lines or more: that paragraph
  fills the page, and the figure opens the next one. It never moves past a heading,
  a table or another figure; when no paragraph qualifies it stays where it was.

The estimate is rough (fonts differ between Word, LibreOffice and the machine), so a
figure moves only past a paragraph that crosses the page with lines to spare on both
sides; moving it is harmless when the estimate is wrong (the figure lands a paragraph
later), leaving it where a page break falls is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from reportgen.writers.docx_context import DocxContext
from reportgen.writers.docx_genre import genre
from reportgen.writers.docx_xml import q

EMU_PER_TWIP = 635
#: Characters set one em wide (CJK, full-width punctuation); others are narrower.
_WIDE = re.compile("[\u2014\u2015\u2026\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_NARROW = set(" .,:;!|'’‘()[]ilIjft")
_NARROW_MILS = 300  # thousandths of an em
#: A figure is scaled down, not moved, when the space left is at least this share of it.
SHRINK = 0.8
#: A figure moves after a paragraph that runs this many lines onto the next page.
MARGIN_LINES = 2
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@dataclass(frozen=True)
class Look:
    """One paragraph style as the estimate sees it (twips; size in half-points)."""

    size: int
    line: int  # the height of one line
    before: int = 0
    after: int = 0
    indent: int = 0  # the first line's indent
    keep: bool = False  # kept with the next paragraph (headings, captions above tables)


def looks(lang: str) -> dict[str, Look]:
    """The built-in reference documents' paragraph styles, by lower-case name."""
    g = genre(lang)
    if g.line_pitch:  # Chinese: an exact pitch for the body and headings
        body = Look(g.body_size, g.line_pitch, indent=g.indent)
        caption = Look(g.caption[1], g.caption[1] * 13)
        found = {
            "body text": body,
            "title": Look(g.title[2], g.title[2] * 13, after=g.line_pitch, keep=True),
            "subtitle": Look(g.subtitle[1], g.line_pitch, after=g.line_pitch),
            "heading": Look(g.body_size, g.line_pitch, keep=True),
            "list": body,
            "quote": Look(g.body_size, g.line_pitch),
            "caption": Look(caption.size, caption.line, after=240),
            "table caption": Look(caption.size, caption.line, 120, 120, keep=True),
            "footnote text": Look(g.note_size, g.note_size * 29 // 2),
        }
    else:
        body = Look(g.body_size, g.body_size * 14, after=160)  # 1.15 lines of ~1.2 em
        found = {
            "body text": body,
            "title": Look(g.title[2], g.title[2] * 12, after=240, keep=True),
            "subtitle": Look(g.subtitle[1], g.subtitle[1] * 12, after=120),
            "heading": Look(g.headings[0][2], g.headings[0][2] * 12, 360, 120, keep=True),
            "heading 2": Look(g.headings[1][2], g.headings[1][2] * 12, 280, 100, keep=True),
            "heading 3": Look(g.headings[2][2], g.headings[2][2] * 12, 200, 60, keep=True),
            "list": Look(g.body_size, g.body_size * 14, after=60, indent=360),
            "quote": Look(g.body_size, g.body_size * 14, 120, 120),
            "caption": Look(g.caption[1], g.caption[1] * 12, after=240),
            "table caption": Look(g.caption[1], g.caption[1] * 12, 120, 120, keep=True),
            "footnote text": Look(g.note_size, g.note_size * 12),
        }
    found["figure"] = Look(g.body_size, 0, 120, 60, keep=True)
    return found


@dataclass
class Page:
    """Where the estimate is: the page's number and the twips used by text and by notes."""

    height: int
    number: int = 0
    used: int = 0
    notes: int = 0
    note_line: int = 300

    def free(self) -> int:
        """Twips left for text on this page (notes take theirs and a separator line)."""
        return self.height - self.used - (self.notes + self.note_line if self.notes else 0)

    def new(self) -> None:
        self.number, self.used, self.notes = self.number + 1, 0, 0

    def copy(self) -> Page:
        return Page(self.height, self.number, self.used, self.notes, self.note_line)


@dataclass
class Estimate:
    """Paragraph and table heights for one document (styles by id, the text width)."""

    ctx: DocxContext
    latin: int = 0  # thousandths of an em: a Latin letter or digit
    width: int = 0
    names: dict[str, str] = field(default_factory=dict)
    styles: dict[str, Look] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.width = self.ctx.text_width // EMU_PER_TWIP
        self.latin = self.latin or (500 if self.ctx.lang == "zh" else 560)
        self.styles = looks(self.ctx.lang)
        for style in self.ctx.styles.root.iterchildren(q("w:style")):
            name = style.find(q("w:name"))
            if name is not None:
                self.names[style.get(q("w:styleId"), "")] = name.get(q("w:val"), "").lower()

    def look(self, p: etree._Element) -> Look:
        style = p.find(f"{q('w:pPr')}/{q('w:pStyle')}")
        name = self.names.get("" if style is None else style.get(q("w:val"), ""), "")
        for key in (name, name.rstrip(" 0123456789")):
            if key in self.styles:
                return self.styles[key]
        for prefix in ("heading", "list", "toc"):
            if name.startswith(prefix):
                return self.styles.get(prefix, self.styles["body text"])
        return self.styles["body text"]

    def lines(self, text: str, look: Look, width: int) -> int:
        """How many lines ``text`` takes at ``look``'s size in ``width`` twips: whole CJK
        characters a line (the rest of a line too short for one is lost), Latin letters
        and digits at :data:`LATIN` em each."""
        if not text:
            return 1
        em = look.size * 10
        per_line = max(1, width // em)  # CJK characters on a full line
        need = len(_WIDE.findall(text)) * 1000
        latin = _WIDE.sub("", text).replace("\u2060", "")
        need += sum(_NARROW_MILS if c in _NARROW else self.latin for c in latin)
        need += look.indent * 1000 // em
        return max(1, -(-need // (per_line * 1000)))


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(q("w:t")))


def _notes(element: etree._Element) -> int:
    return sum(1 for _ in element.iter(q("w:footnoteReference")))


def _drawing_height(p: etree._Element) -> int:
    """The tallest drawing in a paragraph, in twips (0 if none)."""
    heights = [int(e.get("cy", "0")) for e in p.iter(f"{_WP}extent")]
    return max(heights, default=0) // EMU_PER_TWIP


def _is_figure(estimate: Estimate, element: etree._Element) -> bool:
    return element.tag == q("w:p") and _drawing_height(element) > 0


def _breaks_before(element: etree._Element) -> bool:
    return element.find(f"{q('w:pPr')}/{q('w:pageBreakBefore')}") is not None


class Flow:
    """Lays elements on pages, one at a time (an estimate; see the module docstring)."""

    def __init__(self, estimate: Estimate) -> None:
        self.e = estimate
        height = estimate.ctx.text_height // EMU_PER_TWIP
        self.page = Page(height, note_line=estimate.styles["footnote text"].line)

    def add(self, element: etree._Element) -> None:
        """Lay ``element`` after what is on the page."""
        if element.tag == q("w:tbl"):
            self._table(element)
        elif element.tag == q("w:p"):
            self._paragraph(element)

    def _paragraph(self, p: etree._Element) -> None:
        page, look = self.page, self.e.look(p)
        if _breaks_before(p) and (page.used or page.notes):
            page.new()
        drawing = _drawing_height(p)
        if drawing:
            self._block(drawing + look.before + look.after, 0)
            return
        lines = self.e.lines(_text(p), look, self.e.width)
        notes = _notes(p) * page.note_line
        if page.used:
            page.used += look.before
        for _ in range(lines):
            if page.free() < look.line + (notes if _ == lines - 1 else 0):
                page.new()
            page.used += look.line
        page.notes += notes
        page.used += look.after

    def _block(self, height: int, notes: int) -> None:
        """Something that is never split: on this page if it fits, else on the next."""
        if self.page.free() < height + notes and self.page.used:
            self.page.new()
        self.page.used += height
        self.page.notes += notes

    def _table(self, tbl: etree._Element) -> None:
        widths = [int(c.get(q("w:w"), "0")) for c in tbl.iter(q("w:gridCol"))]
        small = self.e.styles.get("compact", Look(self.e.ctx.table_size, 0))
        pitch = self.e.ctx.table_size * 145 // 10 if genre(self.e.ctx.lang).line_pitch else 0
        pitch = pitch or self.e.ctx.table_size * 12
        for row in tbl.iterchildren(q("w:tr")):
            cells = list(row.iterchildren(q("w:tc")))
            tallest = 1
            for cell, width in zip(cells, widths, strict=False):
                look = Look(small.size or self.e.ctx.table_size, pitch)
                tallest = max(tallest, self.e.lines(_text(cell), look, width - 144))
            self._block(tallest * pitch + 80, _notes(row) * self.page.note_line)


def _groups(elements: Sequence[etree._Element], estimate: Estimate) -> list[tuple[int, int]]:
    """(start, end) of each figure: its drawing paragraphs and the caption after them."""
    found, i = [], 0
    while i < len(elements):
        if _is_figure(estimate, elements[i]):
            start = i
            while i < len(elements) and _is_figure(estimate, elements[i]):
                i += 1
            if i < len(elements) and estimate.look(elements[i]) is estimate.styles["caption"]:
                i += 1
            found.append((start, i))
        else:
            i += 1
    return found


def _height(flow: Flow, elements: Sequence[etree._Element]) -> int:
    probe = Flow(flow.e)
    for element in elements:
        probe.add(element)
    return probe.page.used + probe.page.number * probe.page.height


def _scale(elements: Sequence[etree._Element], factor: float) -> None:
    """Shrink the drawings of a figure: pictures keep their aspect, charts get shorter."""
    for p in elements:
        for extent in p.iter(f"{_WP}extent"):
            extent.set("cy", str(int(int(extent.get("cy", "0")) * factor)))
            inline = extent.getparent()
            picture = inline is not None and inline.find(".//{*}pic") is not None
            if picture:
                extent.set("cx", str(int(int(extent.get("cx", "0")) * factor)))


def _movable(element: etree._Element, estimate: Estimate) -> bool:
    """Whether a figure may move past ``element``: a paragraph of running text."""
    if element.tag != q("w:p") or _is_figure(estimate, element) or _breaks_before(element):
        return False
    look = estimate.look(element)
    return not look.keep and look is not estimate.styles["caption"]


def place_figures(elements: list[etree._Element], ctx: DocxContext) -> list[etree._Element]:
    """``elements`` with each figure that would leave a gap scaled to fit or moved after
    the paragraph that runs onto the next page (see the module docstring)."""
    estimate = Estimate(ctx)
    out = list(elements)
    done: set[int] = set()
    while True:
        todo = [g for g in _groups(out, estimate) if id(out[g[0]]) not in done]
        if not todo:
            return out
        start, end = todo[0]
        done.add(id(out[start]))
        flow = Flow(estimate)
        for element in out[:start]:
            flow.add(element)
        out = _place(out, start, end, flow, estimate)


def _place(
    out: list[etree._Element], start: int, end: int, flow: Flow, estimate: Estimate
) -> list[etree._Element]:
    figure = out[start:end]
    need = _height(flow, figure)
    free = flow.page.free() - estimate.styles["body text"].line // 2
    if need <= free or not flow.page.used:
        return out
    if free >= need * SHRINK:
        drawings = sum(_drawing_height(p) for p in figure[:-1] or figure)
        _scale(figure, max(0.5, (drawings - (need - free)) / max(drawings, 1)))
        return out
    first_page = flow.page.number
    margin = MARGIN_LINES * estimate.styles["body text"].line
    for index in range(end, len(out)):
        if not _movable(out[index], estimate):
            break
        flow.add(out[index])
        if flow.page.number > first_page and flow.page.used >= margin:
            return out[:start] + out[end : index + 1] + figure + out[index + 1 :]
    return out
