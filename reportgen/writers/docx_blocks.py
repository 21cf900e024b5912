"""The block-level walk: each markdown-it node type → paragraphs and tables in named styles.

See :mod:`reportgen.writers.docx` for the mapping. Every node type not listed there
is a :class:`~reportgen.errors.TemplateError` naming the node type and its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree
from markdown_it.tree import SyntaxTreeNode

from reportgen.errors import TemplateError
from reportgen.writers.docx_captions import table_caption
from reportgen.writers.docx_context import DocxContext, line_of, unsupported
from reportgen.writers.docx_fields import toc_elements
from reportgen.writers.docx_headings import split_number
from reportgen.writers.docx_images import figure_elements, lone_image
from reportgen.writers.docx_inline import InlineWriter, strip_leading
from reportgen.writers.docx_numbering import num_pr
from reportgen.writers.docx_pairs import PairRows
from reportgen.writers.docx_tables import table_element
from reportgen.writers.docx_text import clean_text
from reportgen.writers.docx_xml import PPR_ORDER, el, ensure_child, q, sub, val

_MARKER = re.compile(r"<!--\s*(toc|pagebreak)\s*-->", re.IGNORECASE)
_LISTS = ("bullet_list", "ordered_list")
MAX_LIST_DEPTH = 3
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}


def footnote_definitions(root: SyntaxTreeNode) -> dict[int, SyntaxTreeNode]:
    """The ``footnote`` nodes of the document's footnote block, by markdown-it id."""
    return {
        int(note.meta["id"]): note
        for block in root.children
        if block.type == "footnote_block"
        for note in block.children
    }


def plain_text(node: SyntaxTreeNode) -> str:
    """The text of ``node``'s inline content, formatting dropped (for TOC entries)."""
    pieces: list[str] = []
    for child in node.walk():
        if child.type in ("text", "text_special"):
            pieces.append(child.content)
        elif child.type == "softbreak":
            pieces.append(" ")
    text = "".join(pieces)
    return clean_text(text, f"Markdown line {line_of(node)}")


def _figure(node: SyntaxTreeNode | None) -> bool:
    return node is not None and node.type == "paragraph" and lone_image(node) is not None


def text_first(nodes: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """``nodes`` with a figure that comes right after a heading moved after the paragraph
    that follows it: the heading keeps with text, and text flows before the figure. A
    heading chained to a figure that does not fit the page's rest took the figure, its
    caption and the heading to the next page and left up to half a page blank. A
    paragraph that captions a table after it (表1, Table 1) stays where it is."""
    out = list(nodes)
    for i in range(len(out) - 2):
        after = out[i + 3] if i + 3 < len(out) else None
        if (
            out[i].type == "heading"
            and _figure(out[i + 1])
            and out[i + 2].type == "paragraph"
            and not _figure(out[i + 2])
            and (after is None or after.type != "table")
        ):
            out[i + 1], out[i + 2] = out[i + 2], out[i + 1]
    return out


class BlockWriter:
    """Walks the top-level blocks of one Markdown tree into a list of body elements.

    With ``toc`` the table of contents goes where ``<!-- toc -->`` is (or before the
    first ``##`` heading); without it the marker is ignored.
    """

    def __init__(self, ctx: DocxContext, lang: str, toc_title: str, *, toc: bool = False) -> None:
        self._ctx = ctx
        self._lang = lang
        self._toc_title = toc_title
        self._toc = toc
        self._out: list[etree._Element] = []
        self._title_line = 0
        self._front = False  # between the title and the first ## heading
        self._toc_at: int | None = None
        self._toc_marker = False
        self._first_heading: int | None = None
        self._breaks: list[etree._Element] = []  # <!-- pagebreak --> paragraphs
        self._pairs = PairRows(ctx)  # the bilingual edition's <!-- pair --> rows
        self._handlers: dict[str, Callable[[SyntaxTreeNode], None]] = {
            "heading": self._heading,
            "paragraph": self._paragraph_block,
            "bullet_list": lambda node: self._list(node, 1),
            "ordered_list": lambda node: self._list(node, 1),
            "blockquote": self._blockquote,
            "table": self._table,
            "html_block": self._html,
            "footnote_block": lambda node: None,  # definitions are written as footnotes
        }

    def write(self, root: SyntaxTreeNode) -> list[etree._Element]:
        """The body elements for ``root``'s children, TOC filled in with the headings."""
        for node in text_first(root.children):
            handler = self._handlers.get(node.type)
            if handler is None:
                raise unsupported(node)
            handler(node)
        self._merge_breaks()
        at = self._toc_at if self._toc_at is not None else self._first_heading
        if self._toc:
            toc = toc_elements(self._ctx.styles, self._toc_title, self._ctx.headings, self._lang)
            position = len(self._out) if at is None else at
            self._out[position:position] = toc
        return self._out

    def _merge_breaks(self) -> None:
        """A page break right before a paragraph (the annex heading) becomes that
        paragraph's ``w:pageBreakBefore``, so the new page starts with it, not with an
        empty line; one before a table or at the end stays a break paragraph."""
        for brk in self._breaks:
            at = next(i for i, element in enumerate(self._out) if element is brk)
            after = self._out[at + 1] if at + 1 < len(self._out) else None
            if after is None or after.tag != q("w:p"):
                continue
            ppr = after.find(q("w:pPr"))
            if ppr is None:
                ppr = el("w:pPr")
                after.insert(0, ppr)
            ensure_child(ppr, "w:pageBreakBefore", PPR_ORDER)
            del self._out[at]
            for name in ("_toc_at", "_first_heading"):  # positions after it move up one
                position = getattr(self, name)
                if position is not None and position > at:
                    setattr(self, name, position - 1)

    def _paragraph(
        self, node: SyntaxTreeNode | None, style: str, numbering: tuple[int, int] | None = None
    ) -> etree._Element:
        p = el("w:p")
        ppr = sub(p, "w:pPr")
        val(ppr, "w:pStyle", self._ctx.styles.id(style))
        if numbering is not None:
            num_pr(ppr, *numbering)
        for child in node.children if node is not None else []:
            if child.type == "inline":
                InlineWriter(self._ctx, self._ctx.document_part, p).write(child)
            elif child.type != "footnote_anchor":
                raise unsupported(child)
        self._out.append(p)
        return p

    def _heading(self, node: SyntaxTreeNode) -> None:
        level = int(node.tag[1:])
        if level == 1:
            if self._title_line:
                raise TemplateError(
                    f"DOCX writer: a second level-1 heading at line {line_of(node)}; the title"
                    f" is the one # heading (line {self._title_line}), sections are ##"
                )
            self._title_line = line_of(node)
            self._front = True
        elif level not in HEADING_STYLES:
            raise unsupported(node, f" (a level-{level} heading; use ## to ####)")
        else:
            self._front = False
            if self._first_heading is None:
                self._first_heading = len(self._out)
            self._section_heading(node, level - 1)
            return
        self._paragraph(node, HEADING_STYLES[level])

    def _section_heading(self, node: SyntaxTreeNode, level: int) -> None:
        """Heading 1–3: the plan's number as Word numbering (zh), a bookmark for the TOC."""
        ctx, text = self._ctx, plain_text(node)
        number, rest = split_number(text, level - 1) if self._lang == "zh" else (None, text)
        if number is not None:
            strip_leading(node, len(text) - len(rest))
        numbering = (
            None if number is None else (ctx.numbering.heading(level - 1, number), level - 1)
        )
        p = self._paragraph(node, HEADING_STYLES[level + 1], numbering)
        ctx.section_title = rest
        if not self._toc:
            return
        name = f"_Toc{len(ctx.headings) + 1:06d}"
        bookmark = str(ctx.next_bookmark_id())
        p.insert(1, el("w:bookmarkStart", {"w:id": bookmark, "w:name": name}))
        p.append(el("w:bookmarkEnd", {"w:id": bookmark}))
        ctx.headings.append((level, text, name))

    def _paragraph_block(self, node: SyntaxTreeNode) -> None:
        image = lone_image(node)
        if image is not None:
            self._out.extend(figure_elements(image, self._ctx))
        else:
            self._paragraph(node, "Subtitle" if self._front else "Body Text")

    def _list(self, node: SyntaxTreeNode, level: int) -> None:
        if level > MAX_LIST_DEPTH:
            raise unsupported(node, f" (lists nest at most {MAX_LIST_DEPTH} levels deep)")
        numbering = self._ctx.numbering
        if node.type == "ordered_list":
            kind, num_id = "Number", numbering.ordered(level - 1, int(node.attrs.get("start", 1)))
        else:
            kind, num_id = "Bullet", numbering.bullets()
        suffix = "" if level == 1 else f" {level}"
        numbered = f"List {kind}{suffix}"
        numpr: tuple[int, int] | None = (num_id, level - 1)
        if kind == "Bullet" and self._ctx.styles.numbered(numbered):
            numpr = None  # a user's reference document that bullets its List Bullet styles
        for item in node.children:
            children = item.children
            if not children or children[0].type != "paragraph":  # the number needs a paragraph
                self._paragraph(None, numbered, numpr)
            for index, child in enumerate(children):
                if child.type == "paragraph" and index == 0:
                    self._paragraph(child, numbered, numpr)
                elif child.type == "paragraph":
                    self._paragraph(child, f"List Continue{suffix}")
                elif child.type in _LISTS:
                    self._list(child, level + 1)
                else:
                    raise unsupported(child, " inside a list item")

    def _blockquote(self, node: SyntaxTreeNode) -> None:
        for child in node.children:
            if child.type != "paragraph":
                raise unsupported(child, " inside a blockquote (only paragraphs are)")
            self._paragraph(child, "Quote")

    def _table(self, node: SyntaxTreeNode) -> None:
        table, data = table_element(node, self._ctx)
        if data:
            table_caption(self._out, self._ctx, self._lang)
        elif self._out and self._out[-1].tag == q("w:tbl"):  # keep two tables apart
            spacer = el("w:p")
            val(sub(spacer, "w:pPr"), "w:pStyle", self._ctx.styles.id("Compact"))
            self._out.append(spacer)
        self._out.append(table)

    def _html(self, node: SyntaxTreeNode) -> None:
        if self._pairs.marker(node.content, self._out):
            return
        marker = _MARKER.fullmatch(node.content.strip())
        if marker is None:
            raise unsupported(node, " (raw HTML; only <!-- toc --> and <!-- pagebreak --> are)")
        if marker.group(1).lower() == "pagebreak":
            p = el("w:p")
            sub(sub(p, "w:r"), "w:br", {"w:type": "page"})
            self._out.append(p)
            self._breaks.append(p)
        elif self._toc_marker:
            raise TemplateError(f"DOCX writer: a second <!-- toc --> at line {line_of(node)}")
        else:
            self._toc_marker = True
            self._toc_at = len(self._out)
