"""DOCX writer: the rendered Markdown text → a .docx file in named styles.

The Markdown is parsed with markdown-it-py (``commonmark`` + GFM tables + footnotes)
and its syntax tree walked; each node type maps to WordprocessingML in a named style
of the reference document (the built-in ``reference.docx`` for English and
``reference.zh.docx`` for the GB/T 9704 look of a Chinese briefing, or the user's, as
with pandoc's ``--reference-doc``):

===============================  ===================================================
Markdown                         DOCX
===============================  ===================================================
the one ``#`` heading            paragraph in Title
paragraphs between it and ``##`` Subtitle
``##`` / ``###`` / ``####``      Heading 1 / Heading 2 / Heading 3; zh 一、/（一）/1.
                                 prefixes become Word numbering
paragraph                        Body Text (zh: first line indented two characters)
``-`` / ``1.`` lists, nested     List Bullet / List Number (2, 3 when nested), real
                                 numbering; later paragraphs of an item: List Continue
``>`` blockquote                 Quote
GFM pipe table                   Table Caption (表N / Table N) above a table in the
                                 Table style, rows whole, header row repeated on
                                 every page, cells in Compact aligned as the columns
``**strong**`` / ``*em*``        Strong / Emphasis character styles (zh: 黑体 / 楷体)
``[text](url)``                  hyperlink in the Hyperlink character style
soft / hard line break           space (nothing between CJK characters) / line break
``![alt](path "title")`` alone   picture at text width in Figure, then Caption
in a paragraph                   (text: the title, else the alt text)
``[^1]`` and its definition      a real footnote (Footnote Reference, Footnote Text)
``<!-- toc -->``                 with ``toc=True``: TOC Heading + TOC field here
``<!-- pagebreak -->``           page break
===============================  ===================================================

Anything else — code blocks, other raw HTML, rules, images inside text, headings
deeper than ``####``, lists deeper than three levels, a second ``#`` — is a
:class:`~reportgen.errors.TemplateError` naming the node type and its Markdown line,
never silently dropped. Characters XML forbids are removed with a
:class:`~reportgen.writers.docx_text.DocxWarning` naming the line.

Every document gets a page header from page 2 (``DocxMeta.header_text``), page
numbers ("— 1 —" on the outside edge in Chinese, centred in English), core properties
from :class:`DocxMeta`, ``w:updateFields`` and Chinese-aware fonts and language tags
(``w:rFonts/@w:eastAsia``, ``w:lang w:val="en-US" w:eastAsia="zh-CN"``); optionally a
masthead and closing block (``DocxMeta.info``, :mod:`docx_masthead`). A user's
reference document keeps its own fonts and sizes unless ``fonts`` is given; styles it
lacks are copied from the built-in one. Output is byte-for-byte reproducible.
docs/docx.md says more.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin

from reportgen.writers.atomic import write_bytes_atomic
from reportgen.writers.docx_blocks import BlockWriter, footnote_definitions
from reportgen.writers.docx_context import DocxContext
from reportgen.writers.docx_fields import (
    continuous_footnotes,
    header_and_footer,
    update_settings,
)
from reportgen.writers.docx_flow import place_figures
from reportgen.writers.docx_footnotes import Footnotes
from reportgen.writers.docx_genre import genre
from reportgen.writers.docx_masthead import closing_elements, masthead_elements
from reportgen.writers.docx_numbering import Numbering
from reportgen.writers.docx_package import (
    DocxMeta,
    open_reference,
    package_bytes,
    set_core_properties,
    text_area,
)
from reportgen.writers.docx_styles import (
    DocxFonts,
    StyleBook,
    apply_fonts,
    apply_lang,
    normalize_lang,
    style_size,
)
from reportgen.writers.docx_text import DocxWarning, clean_text

__all__ = ["DocxFonts", "DocxMeta", "DocxWarning", "render_docx", "write_docx"]

_PARSER: list[MarkdownIt] = []


def parse_markdown(markdown: str) -> SyntaxTreeNode:
    """The markdown-it syntax tree of ``markdown`` (commonmark, tables, footnotes)."""
    if not _PARSER:
        _PARSER.append(MarkdownIt("commonmark").enable("table").use(footnote_plugin))
    return SyntaxTreeNode(_PARSER[0].parse(markdown))


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building big trees of young objects.

    A 5,000-row table is ~100,000 tokens, tree nodes and elements; the collector's full
    passes over them made the build superlinear. Everything is freed afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _clean_meta(meta: DocxMeta) -> DocxMeta:
    fields = ("title", "subject", "header_text", "creator", "keywords", "toc_title")
    changes: dict[str, Any] = {
        name: clean_text(getattr(meta, name), f"DocxMeta.{name}") for name in fields
    }
    return dataclasses.replace(meta, **changes)


def render_docx(
    markdown: str,
    meta: DocxMeta,
    *,
    base_dir: Path,
    reference_doc: Path | None = None,
    fonts: DocxFonts | None = None,
    toc: bool = False,
    charts: Mapping[str, Any] | None = None,
) -> bytes:
    """The DOCX bytes for ``markdown``; relative image paths resolve against ``base_dir``.

    ``toc`` adds a table of contents (at ``<!-- toc -->``, else before the first ``##``).
    ``charts`` maps image paths to the build's chart specs: those images become native
    Word charts (:mod:`reportgen.writers.docx_charts`) instead of pictures.
    """
    lang = normalize_lang(meta.lang)
    meta = _clean_meta(meta)
    with _gc_paused():
        tree = parse_markdown(markdown)
        document = open_reference(reference_doc, lang)
        styles = StyleBook(document.styles.element, lang)
        if fonts is not None:
            apply_fonts(styles, fonts)
        apply_lang(styles)
        width, height = text_area(document)
        part = document.part
        look = genre(lang)
        ctx = DocxContext(
            styles, part, Numbering(part, lang), Footnotes(part), footnote_definitions(tree),
            Path(base_dir), width, height, lang=lang,
            table_size=style_size(styles, "Compact") or look.table_size,
            small_table_size=style_size(styles, "Compact Small") or look.table_size - 3,
            emphasis_font=look.emphasis_east_asia, strong_font=look.strong_east_asia,
            charts=dict(charts or {}),
        )  # fmt: skip
        section = document.element.body.get_or_add_sectPr()
        continuous_footnotes(section, document.settings.element)
        body = BlockWriter(ctx, lang, meta.toc_title, toc=toc).write(tree)
        body = (
            masthead_elements(styles, meta.info, lang)
            + body
            + closing_elements(styles, meta.info, lang)
        )
        for element in place_figures(body, ctx):
            section.addprevious(element)
        header_and_footer(document, styles, meta.header_text, lang)
        separators = ctx.footnotes.separator_ids() if ctx.footnotes.used else None
        update_settings(document.settings.element, separators)
        set_core_properties(document, meta, "zh-CN" if lang == "zh" else "en-US")
        return package_bytes(document)


def write_docx(
    markdown: str,
    path: Path,
    meta: DocxMeta,
    *,
    base_dir: Path,
    reference_doc: Path | None = None,
    fonts: DocxFonts | None = None,
    toc: bool = False,
) -> None:
    """Render ``markdown`` and write it to ``path`` atomically (a failure leaves it as it was)."""
    data = render_docx(
        markdown, meta, base_dir=base_dir, reference_doc=reference_doc, fonts=fonts, toc=toc
    )
    write_bytes_atomic(Path(path), data)
