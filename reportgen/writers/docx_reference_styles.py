"""The XML of the reference documents' styles, per language (see :mod:`docx_genre`).

Styles form one ``basedOn`` chain, as in Word's own templates, so that a Word user
who changes Normal restyles the body, the lists, the table text, the notes and the
captions together:

    Normal ─┬─ Body Text ─┬─ List Bullet / List Number (2, 3), List Continue (2, 3)
            │             └─ Quote
            ├─ Compact (table text) ── Table Caption
            ├─ Footnote Text, Caption, Figure, Header, Footer, toc 1–3, masthead styles
            └─ Title ── Subtitle;  Heading 1 ── TOC Heading;  Heading 2, Heading 3

Fonts sit on the document defaults and Normal as theme fonts (``minorHAnsi`` /
``minorEastAsia``, named in the theme part) with the font names beside them for
readers without themes; headings name their own fonts. ``w:next`` makes Enter after a
heading give Body Text, and ``w:uiPriority`` orders Word's style gallery. Names follow
Word's internal spelling where Word translates it ("heading 1", "caption", "toc 1").
"""

from __future__ import annotations

from typing import NamedTuple

from reportgen.writers.docx_genre import Genre, genre

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
BULLETS_NAME = "reportgen bullets"
NUMBERS_NAME = "reportgen numbers"
HEADINGS_NAME = "reportgen headings"


class Style(NamedTuple):
    """One paragraph style: id, name, basedOn, next, uiPriority, pPr and rPr children."""

    style_id: str
    name: str
    based_on: str
    next: str
    priority: int
    ppr: str
    rpr: str


def fonts(latin: str, east_asia: str, *, theme: bool = False) -> str:
    """``w:rFonts`` naming all four slots (and the theme fonts if ``theme``)."""
    themed = (
        ' w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi"'
        ' w:cstheme="minorBidi"'
        if theme
        else ""
    )
    return (
        f'<w:rFonts w:ascii="{latin}"{themed} w:eastAsia="{east_asia}" w:hAnsi="{latin}"'
        f' w:cs="{latin}"/>'
    )


def _sz(size: int) -> str:
    return f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'


def _bold(on: bool) -> str:
    return "<w:b/><w:bCs/>" if on else '<w:b w:val="0"/><w:bCs w:val="0"/>'


def _spacing(before: int, after: int, line: int = 0, rule: str = "auto") -> str:
    line_attrs = f' w:line="{line}" w:lineRule="{rule}"' if line else ""
    return f'<w:spacing w:before="{before}" w:after="{after}"{line_attrs}/>'


_SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
_NO_INDENT = '<w:ind w:left="0" w:firstLine="0" w:firstLineChars="0"/>'
_KEEP = "<w:keepNext/><w:keepLines/>"
_CENTER = '<w:jc w:val="center"/>'


def _body_spacing(g: Genre) -> str:
    if g.line_pitch:
        return _spacing(0, 0, g.line_pitch, "exact")
    return _spacing(0, 160, 276)


def _list_indent(g: Genre, level: int, *, hanging: bool) -> str:
    if g.lang == "zh":  # the mark at the body's two-character indent; lines run back
        first = g.indent * level
        return f'<w:ind w:left="0" w:firstLine="{first}" w:firstLineChars="0"/>'
    step = 360
    if hanging:
        return f'<w:ind w:left="{step * level}" w:hanging="{step}" w:firstLineChars="0"/>'
    return f'<w:ind w:left="{step * level}" w:firstLine="0" w:firstLineChars="0"/>'


def _headings(g: Genre) -> list[Style]:
    styles = []
    for level, (latin, east, size, bold) in enumerate(g.headings, start=1):
        if g.lang == "zh":
            ppr = _KEEP + _body_spacing(g) + f'<w:ind w:firstLine="{g.indent}"/>'
            rpr = fonts(latin, east) + _bold(bold) + _sz(size)
        else:
            before, after = ((360, 120), (280, 100), (200, 60))[level - 1]
            ppr = _KEEP + _spacing(before, after)
            colour = '<w:color w:val="1F3864"/>' if level < 3 else ""
            rpr = fonts(latin, east) + _bold(bold) + colour + _sz(size)
        ppr += f'<w:outlineLvl w:val="{level - 1}"/>'
        styles.append(Style(f"Heading{level}", f"heading {level}", "Normal", "BodyText",
                            9, ppr, rpr))  # fmt: skip
    return styles


def table_ppr(size: int) -> str:
    """A Chinese table cell's spacing: an exact line pitch (1.45 × the size), so a cell of
    digits (Times New Roman) and one of Chinese text share a baseline; by the font's own
    line height the digits sat higher than the text beside them.

    >>> table_ppr(21)
    '<w:spacing w:before="0" w:after="0" w:line="304" w:lineRule="exact"/><w:ind w:left="0" \
w:firstLine="0" w:firstLineChars="0"/>'
    """
    return _spacing(0, 0, size * 145 // 10, "exact") + _NO_INDENT


def _lists(g: Genre) -> list[Style]:
    styles = []
    for n in (1, 2, 3):
        suffix = "" if n == 1 else f" {n}"
        space = _spacing(0, 0) if g.line_pitch else _spacing(0, 60)
        tight = "" if g.line_pitch else "<w:contextualSpacing/>"  # schema order: after w:ind
        # a list item is short and often a run of figures: justified, a line before a long
        # token ("2023年1—5月") is spread character by character; Chinese items align left
        tight += '<w:jc w:val="left"/>' if g.lang == "zh" else ""
        for kind in ("Bullet", "Number"):
            styles.append(
                Style(f"List{kind}{suffix.strip()}", f"List {kind}{suffix}", "BodyText",
                      f"List{kind}{suffix.strip()}", 34, space
                      + _list_indent(g, n, hanging=True) + tight, "")
            )  # fmt: skip
        styles.append(
            Style(f"ListContinue{suffix.strip()}", f"List Continue{suffix}", "BodyText",
                  f"ListContinue{suffix.strip()}", 34,
                  space + _list_indent(g, n, hanging=False) + tight, "")
        )  # fmt: skip
    return styles


def _toc(g: Genre) -> list[Style]:
    tab = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{g.text_width}"/></w:tabs>'
    step = g.indent if g.lang == "zh" else 240
    return [
        Style(f"TOC{n}", f"toc {n}", "Normal", "Normal", 39,
              tab + _spacing(0, 0 if g.line_pitch else 60)
              + f'<w:ind w:left="{step * (n - 1)}" w:firstLine="0" w:firstLineChars="0"/>', "")
        for n in (1, 2, 3)
    ]  # fmt: skip


def paragraph_styles(g: Genre) -> list[Style]:
    """Every paragraph style of the reference document for genre ``g``, Normal first."""
    zh = g.lang == "zh"
    body_ppr = _body_spacing(g) + (
        f'<w:ind w:firstLine="{g.indent}" w:firstLineChars="200"/><w:jc w:val="both"/>'
        if zh
        else ""
    )
    t_latin, t_east, t_size, t_bold = g.title
    title_ppr = _KEEP + _spacing(0, g.line_pitch or 240, 240) + _CENTER
    grey = "" if zh else '<w:color w:val="595959"/>'
    quote_ppr = (
        _NO_INDENT.replace('w:left="0"', f'w:left="{g.indent}"').replace(
            "<w:ind ", f'<w:ind w:right="{g.indent}" '
        )
        if zh
        else '<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="A6A6A6"/></w:pBdr>'
        + _spacing(120, 120)
        + '<w:ind w:left="420" w:right="420" w:firstLine="0" w:firstLineChars="0"/>'
    )
    quote_rpr = fonts(g.body_latin, g.emphasis_east_asia) if zh else '<w:color w:val="404040"/>'
    c_east, c_size = g.caption
    caption_rpr = fonts(g.heading_latin if zh else g.body_latin, c_east)
    caption_rpr += ("" if zh else _bold(True) + '<w:color w:val="404040"/>') + _sz(c_size)
    small = _SINGLE + _NO_INDENT
    rule = '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr>'
    p_font, p_size = g.page_number
    styles = [
        Style("Normal", "Normal", "", "Normal", 0, _body_spacing(g) + ('<w:jc w:val="both"/>'
              if zh else ""), fonts(g.body_latin, g.body_east_asia, theme=True)
              + _sz(g.body_size)),
        Style("BodyText", "Body Text", "Normal", "BodyText", 1, body_ppr, ""),
        Style("Title", "Title", "Normal", "Subtitle", 10, title_ppr,
              fonts(t_latin, t_east) + _bold(t_bold) + _sz(t_size)),
        Style("Subtitle", "Subtitle", "Title", "BodyText", 11,
              _spacing(0, g.line_pitch or 120, g.line_pitch or 240, "exact" if zh else "auto"),
              fonts(g.body_latin, g.subtitle[0]) + _bold(False) + grey + _sz(g.subtitle[1])),
        *_headings(g),
        Style("TOCHeading", "TOC Heading", "Heading1", "Normal", 39,
              _spacing(240, 240) + '<w:ind w:firstLine="0"/>' + _CENTER
              + '<w:outlineLvl w:val="9"/>', ""),
        *_toc(g),
        *_lists(g),
        Style("Quote", "Quote", "BodyText", "BodyText", 29, quote_ppr, quote_rpr),
        Style("Figure", "Figure", "Normal", "Caption", 35,
              "<w:keepNext/>" + _spacing(120, 60, 240) + _NO_INDENT + _CENTER, ""),
        Style("Caption", "caption", "Normal", "BodyText", 35,
              _spacing(0, 240, 240) + _NO_INDENT + _CENTER, caption_rpr),
        Style("Compact", "Compact", "Normal", "Compact", 36, (table_ppr(g.table_size) if zh
              else small) + '<w:jc w:val="left"/>', _sz(g.table_size)),
        Style("CompactSmall", "Compact Small", "Compact", "CompactSmall", 36,
              table_ppr(g.table_size - 3) if zh else "", _sz(g.table_size - 3)),
        Style("TableCaption", "Table Caption", "Compact", "Compact", 35,
              "<w:keepNext/><w:keepLines/>" + _spacing(120, 120, 240) + _CENTER, caption_rpr),
        Style("FootnoteText", "footnote text", "Normal", "FootnoteText", 99,
              small + '<w:jc w:val="both"/>' if zh else small,
              (fonts(g.body_latin, g.emphasis_east_asia) if zh else "") + _sz(g.note_size)),
        Style("Header", "header", "Normal", "Header", 99, rule + small + _CENTER,
              '<w:color w:val="595959"/>' + _sz(18)),
        Style("Footer", "footer", "Normal", "Footer", 99, small + _CENTER,
              fonts(p_font if not zh else "Times New Roman", p_font) + _sz(p_size)),
    ]  # fmt: skip
    return styles + _masthead_styles(g)


def _masthead_styles(g: Genre) -> list[Style]:
    """报头 (masthead) and 版记 (closing block) styles; used only with ``--meta``."""
    red = '<w:color w:val="C00000"/>'
    t_latin, t_east, _, _ = g.title
    rule = '<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="C00000"/></w:pBdr>'
    info_tabs = f'<w:tabs><w:tab w:val="right" w:pos="{g.text_width}"/></w:tabs>'
    lines = '<w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr>'
    indent = g.indent // 2
    return [
        Style("Masthead", "Masthead", "Normal", "MastheadInfo", 40,
              _spacing(0, 120, 240) + _NO_INDENT + _CENTER,
              fonts(t_latin, t_east) + red + _sz(84 if g.lang == "zh" else 48)),
        Style("MastheadInfo", "Masthead Info", "Normal", "BodyText", 40,
              info_tabs + _SINGLE.replace('w:after="0"', 'w:after="120"') + _NO_INDENT,
              _sz(g.body_size)),
        Style("MastheadRule", "Masthead Rule", "MastheadInfo", "BodyText", 40,
              rule + _spacing(0, 480, 240), ""),
        Style("Distribution", "Distribution", "Normal", "Distribution", 41,
              "<w:keepNext/><w:keepLines/>" + lines
              + f'<w:tabs><w:tab w:val="right" w:pos="{g.text_width - indent}"/></w:tabs>'
              + _SINGLE.replace('w:before="0"', 'w:before="60"')
              + f'<w:ind w:left="{indent}" w:right="{indent}" w:firstLine="0"'
              ' w:firstLineChars="0"/><w:jc w:val="left"/>',
              _sz(28 if g.lang == "zh" else 20)),
    ]  # fmt: skip


def _style_xml(s: Style, default: bool) -> str:
    body = f'<w:name w:val="{s.name}"/>'
    body += f'<w:basedOn w:val="{s.based_on}"/>' if s.based_on else ""
    body += f'<w:next w:val="{s.next}"/>'
    body += f'<w:uiPriority w:val="{s.priority}"/>'
    body += "" if s.priority < 90 else "<w:semiHidden/><w:unhideWhenUsed/>"
    body += "<w:qFormat/>" if s.priority < 40 else ""
    body += f"<w:pPr>{s.ppr}</w:pPr>" if s.ppr else ""
    body += f"<w:rPr>{s.rpr}</w:rPr>" if s.rpr else ""
    flag = ' w:default="1"' if default else ""
    return f'<w:style w:type="paragraph"{flag} w:styleId="{s.style_id}">{body}</w:style>'


def _character_styles(g: Genre) -> str:
    zh = g.lang == "zh"
    emphasis = (
        f'<w:rFonts w:eastAsia="{g.emphasis_east_asia}"/><w:i w:val="0"/><w:iCs w:val="0"/>'
        if zh
        else "<w:i/><w:iCs/>"
    )
    strong = (
        f'<w:rFonts w:eastAsia="{g.strong_east_asia}"/><w:b w:val="0"/><w:bCs w:val="0"/>'
        if zh
        else "<w:b/><w:bCs/>"
    )
    note_mark = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>' if zh else ""

    def char(style_id: str, name: str, priority: int, rpr: str, hidden: bool = False) -> str:
        extra = "<w:semiHidden/><w:unhideWhenUsed/>" if hidden else "<w:qFormat/>"
        return (
            f'<w:style w:type="character" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="{priority}"/>'
            f"{extra}<w:rPr>{rpr}</w:rPr></w:style>"
        )

    return (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        + char("Hyperlink", "Hyperlink", 99, '<w:color w:val="0563C1"/><w:u w:val="single"/>',
               hidden=True)
        + char("FootnoteReference", "footnote reference", 99,
               note_mark + '<w:vertAlign w:val="superscript"/>', hidden=True)
        + char("Emphasis", "Emphasis", 20, emphasis)
        + char("Strong", "Strong", 22, strong)
    )  # fmt: skip


def _table_styles(g: Genre) -> str:
    zh = g.lang == "zh"
    header_rpr = (
        f'<w:rFonts w:eastAsia="{g.strong_east_asia}"/><w:b w:val="0"/><w:bCs w:val="0"/>'
        if zh
        else "<w:b/><w:bCs/>"
    )
    return (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
        '<w:style w:type="table" w:styleId="Table"><w:name w:val="Table"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="12" w:space="0" w:color="000000"/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="72" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="72" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr>{header_rpr}</w:rPr><w:tcPr>'
        '<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
        "</w:tcBorders></w:tcPr></w:tblStylePr></w:style>"
    )


def styles_xml(lang: str = "en") -> str:
    """styles.xml for ``lang``: document defaults and every style the writer uses.

    Every paragraph has widow and orphan control (``w:widowControl`` in the defaults): a
    body paragraph may split across pages but never leaves one line alone; only headings,
    figures and captions keep with the next paragraph (review 3, D2)."""
    g = genre(lang)
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts(g.body_latin, g.body_east_asia, theme=True)}"
        f'{_sz(g.body_size)}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>'
        '</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240"'
        ' w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    paragraphs = paragraph_styles(g)
    styles = "".join(_style_xml(s, s.style_id == "Normal") for s in paragraphs)
    body = defaults + styles + _character_styles(g) + _table_styles(g)
    return f"{_DECL}<w:styles {_W}>{body}</w:styles>"
