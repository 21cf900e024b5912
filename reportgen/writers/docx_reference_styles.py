"""The XML of the reference document's styles and list definitions.

Styles here are not based on one another: each inherits only the document defaults,
so the Chinese first-line indent the writer puts on Normal never leaks into headings,
lists or table cells, and one style can be copied into a user's reference document
on its own (see :mod:`reportgen.writers.docx_styles`). Names follow Word's internal
spelling where Word and python-docx translate it ("heading 1", "caption", "header",
"toc 1" are shown as "Heading 1", "Caption", "Header"), and pandoc's otherwise.
"""

from __future__ import annotations

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
TEXT_WIDTH_TWIPS = 11906 - 2 * 1800  # A4 minus the left and right margins
BULLETS_NAME = "reportgen bullets"
NUMBERS_NAME = "reportgen numbers"

# (styleId, name, pPr children, rPr children) — children in schema order.
_SP = '<w:spacing w:before="{}" w:after="{}"/>'
_PARAGRAPH_STYLES: list[tuple[str, str, str, str]] = [
    ("Title", "Title", '<w:keepNext/>' + _SP.format(480, 240) + '<w:jc w:val="center"/>',
     '<w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/>'),
    ("Subtitle", "Subtitle", _SP.format(0, 120) + '<w:jc w:val="center"/>',
     '<w:color w:val="595959"/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
    ("Heading1", "heading 1", '<w:keepNext/><w:keepLines/>' + _SP.format(360, 120)
     + '<w:outlineLvl w:val="0"/>', '<w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/>'),
    ("Heading2", "heading 2", '<w:keepNext/><w:keepLines/>' + _SP.format(240, 120)
     + '<w:outlineLvl w:val="1"/>', '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
    ("Heading3", "heading 3", '<w:keepNext/><w:keepLines/>' + _SP.format(240, 60)
     + '<w:outlineLvl w:val="2"/>', '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>'),
    ("Quote", "Quote", '<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="A6A6A6"/>'
     '</w:pBdr>' + _SP.format(120, 120) + '<w:ind w:left="420" w:right="420"/>',
     '<w:color w:val="404040"/>'),
    ("Figure", "Figure", '<w:keepNext/>' + _SP.format(120, 60) + '<w:jc w:val="center"/>', ""),
    ("Caption", "caption", _SP.format(0, 240) + '<w:jc w:val="center"/>',
     '<w:color w:val="404040"/><w:sz w:val="20"/><w:szCs w:val="20"/>'),
    ("Compact", "Compact", '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
     '<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    ("FootnoteText", "Footnote Text",
     '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
     '<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    ("TOCHeading", "TOC Heading", '<w:keepNext/>' + _SP.format(240, 240) + '<w:jc w:val="center"/>',
     '<w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/>'),
    ("Header", "header", '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/>'
     '</w:pBdr><w:jc w:val="center"/>', '<w:color w:val="595959"/><w:sz w:val="18"/>'),
    ("Footer", "footer", '<w:jc w:val="center"/>', '<w:sz w:val="18"/>'),
]  # fmt: skip
for _n in (1, 2, 3):
    _suffix = "" if _n == 1 else f" {_n}"
    for _kind in ("Bullet", "Number"):
        _PARAGRAPH_STYLES.append(
            (f"List{_kind}{_suffix.strip()}", f"List {_kind}{_suffix}",
             _SP.format(0, 60) + "<w:contextualSpacing/>", "")
        )  # fmt: skip
    _PARAGRAPH_STYLES.append(
        (f"ListContinue{_suffix.strip()}", f"List Continue{_suffix}",
         _SP.format(0, 60) + f'<w:ind w:left="{420 * _n}"/>', "")
    )  # fmt: skip
    _PARAGRAPH_STYLES.append(
        (f"TOC{_n}", f"toc {_n}",
         f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH_TWIPS}"/></w:tabs>'
         + _SP.format(0, 0) + f'<w:ind w:left="{420 * (_n - 1)}"/>', "")
    )  # fmt: skip

_OTHER_STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    "<w:unhideWhenUsed/></w:style>"
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
    '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="Footnote Reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="table" w:styleId="Table"><w:name w:val="Table"/><w:qFormat/>'
    '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="000000"/>'
    '<w:bottom w:val="single" w:sz="12" w:space="0" w:color="000000"/></w:tblBorders>'
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    '</w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr>'
    '<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
    "</w:tcBorders></w:tcPr></w:tblStylePr></w:style>"
)


def _paragraph_style(style_id: str, name: str, ppr: str, rpr: str) -> str:
    body = f'<w:name w:val="{name}"/><w:qFormat/>'
    body += f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    body += f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:style w:type="paragraph" w:styleId="{style_id}">{body}</w:style>'


def styles_xml() -> str:
    """styles.xml: document defaults (English fonts; the writer localizes) and the styles."""
    defaults = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="SimSun"'
        ' w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    styles = "".join(_paragraph_style(*spec) for spec in _PARAGRAPH_STYLES)
    return f"{_DECL}<w:styles {_W}>{defaults}{_OTHER_STYLES}{styles}</w:styles>"


def _level(kind: str, ilvl: int) -> str:
    if kind == "bullet":
        fmt, text = "bullet", "•–▪"[ilvl % 3]
        rpr = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:hint="default"/></w:rPr>'
    else:
        fmt, text, rpr = "decimal", f"%{ilvl + 1}.", ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr>'
        f'<w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr>{rpr}</w:lvl>'
    )


def _abstract_num_xml(abstract_id: int, kind: str) -> str:
    """One ``w:abstractNum`` list definition (``kind`` "bullet" or "decimal"), 9 levels."""
    name = BULLETS_NAME if kind == "bullet" else NUMBERS_NAME
    levels = "".join(_level(kind, i) for i in range(9))
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{name}"/>{levels}'
        "</w:abstractNum>"
    )


def numbering_xml() -> str:
    """numbering.xml: the bullet and decimal definitions, and one list of each for samples."""
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    nums += '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    body = _abstract_num_xml(0, "bullet") + _abstract_num_xml(1, "decimal") + nums
    return f"{_DECL}<w:numbering {_W}>{body}</w:numbering>"
