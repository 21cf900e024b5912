"""Inline Markdown → runs: text, strong/em, links, line breaks and footnote references.

Adjacent text with the same formatting becomes one run. ``strong`` and ``em`` use the
Strong and Emphasis character styles (English: bold, italic; Chinese: 黑体 and 楷体,
never a synthetic bold or italic, which CJK fonts do not have). Chinese text inside
English emphasis is set in a Kai font without italic (``w:i w:val="0"``). English text
gets curly quotes. Links become ``w:hyperlink`` with the Hyperlink character style; a
soft line break is a space, or nothing between two CJK characters; a hard break is
``w:br``.

A footnote reference becomes a real Word footnote: its definition's paragraphs are
written into the footnotes part in the Footnote Text style, and the reference is a
``w:footnoteReference`` run in the Footnote Reference character style. Adjacent
references are separated by a superscript comma (5,6 rather than 56); a word joiner
(U+2060) before a mark keeps it from starting a line alone, and a narrow no-break
space (U+202F) after a mark that a digit follows keeps "²2023年" from reading as 22023.
"""

from __future__ import annotations

from typing import NamedTuple

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from lxml import etree
from markdown_it.tree import SyntaxTreeNode

from reportgen.writers.docx_anchors import anchor_name, bookmark, is_anchor_close
from reportgen.writers.docx_context import DocxContext, line_of, unsupported
from reportgen.writers.docx_text import (
    cjk_chunks,
    clean_text,
    curl_quotes,
    soft_break,
    source_line,
)
from reportgen.writers.docx_xml import add_text, q, sub, text_run, val

WORD_JOINER = "\u2060"
NARROW_NBSP = "\u202f"


class _Format(NamedTuple):
    bold: bool
    italic: bool
    style: str | None  # a character style id
    target: etree._Element  # the w:p or w:hyperlink runs go into


def _first_char(nodes: list[SyntaxTreeNode], start: int) -> str:
    for node in nodes[start:]:
        if node.type in ("text", "text_special") and node.content:
            return node.content[0]
        if node.children:
            found = _first_char(node.children, 0)
            if found:
                return found
        if node.type in ("softbreak", "hardbreak"):
            return " "
    return ""


class InlineWriter:
    """Writes one inline node's children as runs into a paragraph of ``part``."""

    def __init__(
        self, ctx: DocxContext, part: Part, paragraph: etree._Element, *, in_note: bool = False
    ) -> None:
        self._ctx = ctx
        self._part = part
        self._paragraph = paragraph
        self._in_note = in_note
        self._pending: list[str] = []
        self._format: _Format | None = None
        self._last = ""
        self._inline: SyntaxTreeNode | None = None

    def _where(self) -> str:
        if self._inline is None:
            return "Markdown"
        return f"Markdown line {source_line(self._inline.content, line_of(self._inline))}"

    def write(self, inline: SyntaxTreeNode) -> None:
        """Write the children of ``inline`` (an ``inline`` node) into the paragraph."""
        self._inline = inline
        self._walk(inline.children, _Format(False, False, None, self._paragraph))
        self._flush()

    def _walk(self, nodes: list[SyntaxTreeNode], fmt: _Format) -> None:
        for index, node in enumerate(nodes):
            kind = node.type
            if kind in ("text", "text_special"):
                self._text(node.content, fmt)
            elif kind == "softbreak":
                self._text(soft_break(self._last, _first_char(nodes, index + 1)), fmt)
            elif kind == "hardbreak":
                self._flush()
                sub(self._run(fmt), "w:br")
            elif kind == "strong":
                self._walk(node.children, fmt._replace(bold=True))
            elif kind == "em":
                self._walk(node.children, fmt._replace(italic=True))
            elif kind == "link":
                self._link(node, fmt)
            elif kind == "footnote_ref" and not self._in_note:
                if self._pending:  # the mark never starts a line alone
                    self._pending.append(WORD_JOINER)
                self._flush()
                if index and nodes[index - 1].type == "footnote_ref":  # 5,6 — not 56
                    mark = fmt._replace(
                        style=self._ctx.styles.id("Footnote Reference", "character")
                    )
                    add_text(self._run(mark), "," + WORD_JOINER)
                self._footnote(node, fmt)
                following = nodes[index + 1] if index + 1 < len(nodes) else None
                if _first_char(nodes, index + 1)[:1].isdigit() and (
                    following is None or following.type != "footnote_ref"
                ):  # ²2023年 must not read as 22023
                    self._text(NARROW_NBSP, fmt)
            elif kind == "html_inline" and anchor_name(node.content):  # a link target
                self._flush()
                bookmark(fmt.target, anchor_name(node.content) or "", self._ctx)
            elif kind == "html_inline" and is_anchor_close(node.content):
                pass
            elif kind != "footnote_anchor":
                raise unsupported(node, _hint(kind))

    def _text(self, text: str, fmt: _Format) -> None:
        text = clean_text(text, self._where)
        if not text:
            return
        if self._ctx.lang == "en":
            text = curl_quotes(text)
        if fmt != self._format:
            self._flush()
            self._format = fmt
        self._pending.append(text)
        self._last = text

    def _flush(self) -> None:
        if self._pending and self._format is not None:
            text = "".join(self._pending)
            if self._format.italic and self._ctx.lang == "en":  # no slanted Chinese
                for wide, chunk in cjk_chunks(text):
                    add_text(self._run(self._format, upright=wide), chunk)
            else:
                add_text(self._run(self._format), text)
        self._pending = []

    def _run(self, fmt: _Format, *, upright: bool = False) -> etree._Element:
        """A run in ``fmt``: its character style, and what the style cannot say directly."""
        run = sub(fmt.target, "w:r")
        if not (fmt.style or fmt.bold or fmt.italic):
            return run
        styles, zh = self._ctx.styles, self._ctx.lang == "zh"
        style = fmt.style
        if style is None and fmt.bold:
            style = styles.id("Strong", "character")
        elif style is None and fmt.italic:
            style = styles.id("Emphasis", "character")
        rpr = sub(run, "w:rPr")
        val(rpr, "w:rStyle", style or "")
        strong, emphasis = styles.id("Strong", "character"), styles.id("Emphasis", "character")
        kai = self._ctx.emphasis_font
        if zh and fmt.italic and style != emphasis:
            sub(rpr, "w:rFonts", {"w:eastAsia": kai})
        elif zh and fmt.bold and style != strong:
            sub(rpr, "w:rFonts", {"w:eastAsia": self._ctx.strong_font})
        elif upright:
            sub(rpr, "w:rFonts", {"w:eastAsia": kai})
        if fmt.bold and style != strong and not zh:
            sub(rpr, "w:b")
        if (zh and fmt.italic) or upright:  # never a synthetic italic on CJK
            for tag in ("w:i", "w:iCs"):
                val(rpr, tag, "0")
        elif fmt.italic and style != emphasis:
            sub(rpr, "w:i")
        return run

    def _link(self, node: SyntaxTreeNode, fmt: _Format) -> None:
        self._flush()
        href = clean_text(str(node.attrs.get("href", "")), self._where)
        if not href:  # [text]() links nowhere: plain text
            self._walk(node.children, fmt)
            return
        if href.startswith("#"):
            link = sub(fmt.target, "w:hyperlink", {"w:anchor": href[1:]})
        else:
            rel_id = self._part.relate_to(href, RT.HYPERLINK, is_external=True)
            link = sub(fmt.target, "w:hyperlink", {"r:id": rel_id})
        style = self._ctx.styles.id("Hyperlink", "character")
        self._walk(node.children, fmt._replace(style=style, target=link))
        self._flush()

    def _footnote(self, node: SyntaxTreeNode, fmt: _Format) -> None:
        ctx = self._ctx
        definition = ctx.notes[int(node.meta["id"])]
        note_id, note = ctx.footnotes.new_note()
        blocks = definition.children
        if not blocks:
            self._note_paragraph(note, first=True)
        for index, block in enumerate(blocks):
            if block.type != "paragraph":
                raise unsupported(block, " inside a footnote (only paragraphs are)")
            _drop_back_links(block)
            p = self._note_paragraph(note, first=index == 0)
            for child in block.children:
                if child.type == "inline":
                    InlineWriter(ctx, ctx.footnotes.part, p, in_note=True).write(child)
        ref = self._run(fmt._replace(style=ctx.styles.id("Footnote Reference", "character")))
        ref.append(etree.Element(q("w:footnoteReference"), {q("w:id"): str(note_id)}))

    def _note_paragraph(self, note: etree._Element, *, first: bool) -> etree._Element:
        styles = self._ctx.styles
        p = sub(note, "w:p")
        val(sub(p, "w:pPr"), "w:pStyle", styles.id("Footnote Text"))
        if first:
            mark = sub(p, "w:r")
            val(sub(mark, "w:rPr"), "w:rStyle", styles.id("Footnote Reference", "character"))
            sub(mark, "w:footnoteRef")
            text_run(p, " ")
        return p


def _drop_back_links(paragraph: SyntaxTreeNode) -> None:
    """Remove markdown-it's back-links (a ``footnote_anchor`` per reference, beside the
    last paragraph's inline content, never written to DOCX) from a footnote definition
    the first time it is written, so writing it again for each reference stays linear."""
    for node in (paragraph, *paragraph.children):
        if any(child.type == "footnote_anchor" for child in node.children):
            node.children = [c for c in node.children if c.type != "footnote_anchor"]


def strip_leading(inline_parent: SyntaxTreeNode, count: int) -> None:
    """Remove the first ``count`` characters of text from a heading's inline content."""
    for node in inline_parent.walk():
        if count <= 0:
            return
        if node.type in ("text", "text_special") and node.token is not None:
            taken = min(count, len(node.content))
            node.token.content = node.content[taken:]
            count -= taken


def _hint(kind: str) -> str:
    hints = {
        "image": " (a picture must be alone in its paragraph)",
        "footnote_ref": " (a footnote cannot hold another footnote)",
        "html_inline": " (raw HTML)",
        "code_inline": " (inline code)",
    }
    return hints.get(kind, "")
