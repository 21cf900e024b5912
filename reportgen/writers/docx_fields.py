"""Fields and document furniture: table of contents, page numbers, header, footer, settings.

The table of contents (``--toc``) is a heading in the TOC Heading style (text from
``DocxMeta.toc_title``) and a ``TOC \\o "1-3" \\h \\z \\u`` field marked dirty;
settings.xml asks Word to update fields on open. Until then (and in readers that never
update fields) the field shows the document's headings, one paragraph each in the
"toc 1"–"toc 3" styles, each a link to its heading's bookmark with a ``PAGEREF`` field
for its page (LibreOffice computes these; Word on updating), and a last line saying
that page numbers need a field update where a reader shows none.

The first page has no header (``w:titlePg``); later pages show ``DocxMeta.header_text``
in the Header style. Every page has its number in the Footer style: Chinese documents
as "— 1 —" on the outside edge (odd pages right, even pages left, one character in:
``w:evenAndOddHeaders``), English ones centred.
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
UPDATE_NOTE = {
    "zh": "（如页码未显示，请更新域：在目录上右击，选择“更新域”。）",
    "en": "(If no page numbers show, update the fields: right-click the table and choose"
    " Update Field.)",
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


def _entry(p: etree._Element, text: str, bookmark: str) -> None:
    """A TOC entry's link to ``bookmark``: text, tab, and a PAGEREF field for its page."""
    if not bookmark:
        text_run(p, text)
        return
    link = sub(p, "w:hyperlink", {"w:anchor": bookmark, "w:history": "1"})
    text_run(link, text)
    sub(sub(link, "w:r"), "w:tab")
    field_start(link, f" PAGEREF {bookmark} \\h ")
    field_end(link)


def toc_elements(
    styles: StyleBook, title: str, headings: Sequence[tuple[int, str, str]], lang: str
) -> list[etree._Element]:
    """The TOC heading and the TOC field, pre-filled with ``headings`` (level 1–3, text,
    bookmark), and the note on updating fields."""
    heading = el("w:p")
    val(sub(heading, "w:pPr"), "w:pStyle", styles.id("TOC Heading"))
    text_run(heading, title)
    entries = list(headings) or [(1, PLACEHOLDER[lang], "")]
    paragraphs = []
    for index, (level, text, bookmark) in enumerate(entries):
        p = el("w:p")
        val(sub(p, "w:pPr"), "w:pStyle", styles.id(f"toc {level}"))
        if index == 0:
            field_start(p, TOC_INSTRUCTION, dirty=True)
        _entry(p, text, bookmark)
        paragraphs.append(p)
    field_end(paragraphs[-1])
    note = el("w:p")
    val(sub(note, "w:pPr"), "w:pStyle", styles.id("Footnote Text"))
    text_run(note, UPDATE_NOTE[lang])
    return [heading, *paragraphs, note]


def _fill(story: etree._Element, paragraph: etree._Element) -> None:
    for child in list(story):
        story.remove(child)
    story.append(paragraph)


def _page_number(styles: StyleBook, lang: str, side: str) -> etree._Element:
    """The footer paragraph: "— 1 —" on ``side`` (zh, one character in), or a centred 1."""
    footer = el("w:p")
    ppr = sub(footer, "w:pPr")
    val(ppr, "w:pStyle", styles.id("Footer"))
    if lang == "zh":
        sub(ppr, "w:ind", {f"w:{side}": "280", f"w:{side}Chars": "100"})
        val(ppr, "w:jc", side)
        text_run(footer, "— ")
    field_start(footer, " PAGE ")
    text_run(footer, "1")
    field_end(footer)
    if lang == "zh":
        text_run(footer, " —")
    return footer


def header_and_footer(
    document: Document, styles: StyleBook, header_text: str, lang: str = "en"
) -> None:
    """No header on the first page, ``header_text`` on the others; page numbers on all."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = lang == "zh"
    headers = [(section.header, header_text), (section.first_page_header, None)]
    footers = [(section.footer, "right"), (section.first_page_footer, "right")]
    if lang == "zh":
        headers.append((section.even_page_header, header_text))
        footers.append((section.even_page_footer, "left"))
    for header_story, text in headers:
        header = el("w:p")
        if text is not None:
            val(sub(header, "w:pPr"), "w:pStyle", styles.id("Header"))
            text_run(header, text)
        header_story.is_linked_to_previous = False
        _fill(header_story.part.element, header)
    for story, side in footers:
        story.is_linked_to_previous = False
        _fill(story.part.element, _page_number(styles, lang, side))


def continuous_footnotes(section: etree._Element, settings: etree._Element) -> None:
    """Footnotes count through the document: drop a reference document's restart of the
    numbering on each page or section (``w:footnotePr/w:numRestart``)."""
    for holder in (section, settings):
        for restart in holder.findall(f"{q('w:footnotePr')}/{q('w:numRestart')}"):
            parent = restart.getparent()
            assert parent is not None
            parent.remove(restart)


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
