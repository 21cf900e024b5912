"""Build the slim reference document (``reference.docx``) from the XML in this package.

The DOCX writer takes its named styles from a reference document, as pandoc's
``--reference-doc`` does. python-docx's own template carries ~160 unused styles and a
ja-JP theme language; this one holds only the styles the writer uses (plus the
defaults Word needs), a footnotes part with its separators, the bullet and decimal
list definitions, A4 pages, and one sample paragraph per style so that a person who
opens it in Word can restyle it. ``scripts/make_reference_docx.py`` writes it; a test
checks that the committed file equals a fresh build, and two builds are identical.

There are two, one per language (``reference.docx`` for English, ``reference.zh.docx``
for the Chinese look of GB/T 9704; see :mod:`reportgen.writers.docx_genre`).

>>> build_reference_docx() == build_reference_docx()
True
"""

from __future__ import annotations

from pathlib import Path

from reportgen.writers.docx_genre import genre
from reportgen.writers.docx_reference_fonts import font_table_xml, theme_xml
from reportgen.writers.docx_reference_lists import numbering_xml
from reportgen.writers.docx_reference_styles import styles_xml
from reportgen.writers.docx_zip import zip_members

REFERENCE_DOCX = Path(__file__).with_name("reference.docx")
REFERENCE_DOCX_ZH = Path(__file__).with_name("reference.zh.docx")


def reference_path(lang: str) -> Path:
    """The built-in reference document for ``"zh"`` or ``"en"``."""
    return REFERENCE_DOCX_ZH if lang == "zh" else REFERENCE_DOCX


_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_PKG = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

_SAMPLES = [
    ("Title", "Title"),
    ("Subtitle", "Subtitle"),
    ("TOCHeading", "TOC Heading"),
    ("Heading1", "Heading 1"),
    ("BodyText", "Body Text: based on Normal. Chinese documents indent its first line."),
    ("Normal", "Normal: every other style is based on it; change its font here."),
    ("Heading2", "Heading 2"),
    ("ListBullet", "List Bullet"),
    ("ListBullet2", "List Bullet 2"),
    ("ListNumber", "List Number"),
    ("ListNumber2", "List Number 2"),
    ("ListContinue", "List Continue"),
    ("Heading3", "Heading 3"),
    ("Quote", "Quote"),
    ("Figure", "Figure (the paragraph holding a picture)"),
    ("Caption", "Caption"),
    ("Compact", "Compact (table cells)"),
    ("FootnoteText", "Footnote Text"),
    ("TableCaption", "Table Caption"),
    ("CompactSmall", "Compact Small (the text of tables too wide for Compact)"),
    ("Masthead", "Masthead"),
    ("MastheadInfo", "Masthead Info"),
    ("MastheadRule", "Masthead Rule"),
    ("Distribution", "Distribution"),
]
_NUMBERED = {
    "ListBullet": (1, 0),
    "ListBullet2": (1, 1),
    "ListNumber": (2, 0),
    "ListNumber2": (2, 1),
}


def _sample(style_id: str, text: str) -> str:
    numbering = ""
    if style_id in _NUMBERED:
        num_id, ilvl = _NUMBERED[style_id]
        numbering = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{numbering}</w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def document_xml(lang: str = "en") -> str:
    """document.xml: one sample paragraph per style, then the genre's section properties."""
    body = "".join(_sample(*sample) for sample in _SAMPLES)
    g = genre(lang)
    top, right, bottom, left = g.margins
    section = (
        f'<w:sectPr><w:pgSz w:w="{g.page[0]}" w:h="{g.page[1]}"/><w:pgMar w:top="{top}"'
        f' w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{g.header}"'
        f' w:footer="{g.footer}" w:gutter="0"/><w:cols w:space="425"/>'
        f'<w:titlePg/><w:docGrid w:linePitch="{g.line_pitch or 312}"/></w:sectPr>'
    )
    return f"{_DECL}<w:document {_W} {_R}><w:body>{body}{section}</w:body></w:document>"


def settings_xml() -> str:
    """settings.xml: Chinese punctuation compression, footnote separators, Word 2013+ mode."""
    return (
        f'{_DECL}<w:settings {_W}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/>'
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        '<w:compat><w:compatSetting w:name="compatibilityMode"'
        ' w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


def footnotes_xml() -> str:
    """footnotes.xml: the separator and continuation separator Word requires."""
    return (
        f"{_DECL}<w:footnotes {_W}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"'
        ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing'
        ' w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote></w:footnotes>"
    )


def core_xml() -> str:
    """docProps/core.xml: a title only (the writer replaces every property)."""
    return (
        f'{_DECL}<cp:coreProperties xmlns:cp="{_PKG}/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>reportgen reference document</dc:title></cp:coreProperties>"
    )


_PARTS = [  # (part name, content type, relationship type from document.xml)
    ("word/styles.xml", f"{_CT}.styles+xml", "styles"),
    ("word/settings.xml", f"{_CT}.settings+xml", "settings"),
    ("word/numbering.xml", f"{_CT}.numbering+xml", "numbering"),
    ("word/footnotes.xml", f"{_CT}.footnotes+xml", "footnotes"),
    ("word/fontTable.xml", f"{_CT}.fontTable+xml", "fontTable"),
    ("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml", "theme"),
]


def _content_types() -> str:
    overrides = [("/word/document.xml", f"{_CT}.document.main+xml")]
    overrides += [(f"/{name}", ctype) for name, ctype, _ in _PARTS]
    overrides.append(
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
    )
    items = "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in sorted(overrides))
    rels = "application/vnd.openxmlformats-package.relationships+xml"
    return (
        f'{_DECL}<Types xmlns="{_PKG}/content-types">'
        f'<Default Extension="rels" ContentType="{rels}"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{items}</Types>'
    )


def _rels(targets: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(targets, start=1)
    )
    return f'{_DECL}<Relationships xmlns="{_PKG}/relationships">{items}</Relationships>'


def build_reference_docx(lang: str = "en") -> bytes:
    """The bytes of the reference document for ``lang``: always the same for the same code."""
    package_rels = _rels(
        [
            (f"{_REL}/officeDocument", "word/document.xml"),
            (f"{_PKG}/relationships/metadata/core-properties", "docProps/core.xml"),
        ]
    )
    document_rels = _rels([(f"{_REL}/{kind}", name[5:]) for name, _, kind in _PARTS])
    texts = {
        "word/styles.xml": styles_xml(lang),
        "word/settings.xml": settings_xml(),
        "word/numbering.xml": numbering_xml(lang),
        "word/footnotes.xml": footnotes_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/theme/theme1.xml": theme_xml(lang),
    }
    members = [
        ("[Content_Types].xml", _content_types()),
        ("_rels/.rels", package_rels),
        ("docProps/core.xml", core_xml()),
        ("word/document.xml", document_xml(lang)),
        ("word/_rels/document.xml.rels", document_rels),
        *texts.items(),
    ]
    return zip_members((name, text.encode("utf-8")) for name, text in members)
