"""Fields and document furniture: table of contents, page numbers, header, footer, settings.

``<!-- toc -->`` becomes a heading in the TOC Heading style (text from
``DocxMeta.toc_title``) and a ``TOC \\o "1-3" \\h \\z \\u`` field marked dirty;
settings.xml asks Word to update fields on open, which fills in page numbers. Until
then (and in readers that never update fields) the field shows the document's
headings, one paragraph each in the "toc 1"–"toc 3" styles. The page header holds
``DocxMeta.header_text`` in the Header style; the footer a PAGE field in the Footer
style (centred by the reference document).
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from lxml import etree

from reportgen.writers.docx_styles import StyleBook
from reportgen.writers.docx_xml import (
    SETTINGS_ORDER,
    el,
    ensure_child,
    q,
    set_attrs,
    sub,
    text_run,
    val,
)

TOC_INSTRUCTION = ' TOC \\o "1-3" \\h \\z \\u '
PLACEHOLDER = {
    "zh": "（打开文档时更新目录）",
    "en": "(the table of contents is updated when the document is opened)",
}


def _fld_char(paragraph: etree._Element, kind: str, *, dirty: bool = False) -> None:
    attrs = {"w:fldCharType": kind} | ({"w:dirty": "true"} if dirty else {})
    sub(sub(paragraph, "w:r"), "w:fldChar", attrs)


def field_start(paragraph: etree._Element, instruction: str, *, dirty: bool = False) -> None:
    """Append a field's begin, instruction and separate runs to ``paragraph``."""
    _fld_char(paragraph, "begin", dirty=dirty)
    instr = sub(sub(paragraph, "w:r"), "w:instrText", {"xml:space": "preserve"})
    instr.text = instruction
    _fld_char(paragraph, "separate")


def field_end(paragraph: etree._Element) -> None:
    """Append a field's end run to ``paragraph``."""
    _fld_char(paragraph, "end")


def toc_elements(
    styles: StyleBook, title: str, headings: Sequence[tuple[int, str]], lang: str
) -> list[etree._Element]:
    """The TOC heading and the TOC field, pre-filled with ``headings`` (level 1–3, text)."""
    heading = el("w:p")
    val(sub(heading, "w:pPr"), "w:pStyle", styles.id("TOC Heading"))
    text_run(heading, title)
    entries = list(headings) or [(1, PLACEHOLDER[lang])]
    paragraphs = []
    for index, (level, text) in enumerate(entries):
        p = el("w:p")
        val(sub(p, "w:pPr"), "w:pStyle", styles.id(f"toc {level}"))
        if index == 0:
            field_start(p, TOC_INSTRUCTION, dirty=True)
        text_run(p, text)
        paragraphs.append(p)
    field_end(paragraphs[-1])
    return [heading, *paragraphs]


def _fill(story: etree._Element, paragraph: etree._Element) -> None:
    for child in list(story):
        story.remove(child)
    story.append(paragraph)


def header_and_footer(document: Document, styles: StyleBook, header_text: str) -> None:
    """Header text on every page's header, a centred PAGE field in every page's footer."""
    section = document.sections[0]
    header = el("w:p")
    val(sub(header, "w:pPr"), "w:pStyle", styles.id("Header"))
    text_run(header, header_text)
    section.header.is_linked_to_previous = False
    _fill(section.header.part.element, header)
    footer = el("w:p")
    val(sub(footer, "w:pPr"), "w:pStyle", styles.id("Footer"))
    field_start(footer, " PAGE ")
    text_run(footer, "1")
    field_end(footer)
    section.footer.is_linked_to_previous = False
    _fill(section.footer.part.element, footer)


def update_settings(settings: etree._Element, separator_ids: Sequence[str] | None) -> None:
    """updateFields, themeFontLang zh-CN, and footnotePr naming the footnote separators."""
    val_of = {"w:updateFields": "true"}
    for tag, value in val_of.items():
        set_attrs(ensure_child(settings, tag, SETTINGS_ORDER), {"w:val": value})
    lang = ensure_child(settings, "w:themeFontLang", SETTINGS_ORDER)
    set_attrs(lang, {"w:val": "en-US", "w:eastAsia": "zh-CN"})
    if separator_ids and settings.find(q("w:footnotePr")) is None:
        footnote_pr = ensure_child(settings, "w:footnotePr", SETTINGS_ORDER)
        for note_id in separator_ids:
            sub(footnote_pr, "w:footnote", {"w:id": note_id})
