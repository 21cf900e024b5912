"""Styles for the DOCX writer: fonts per language, language tags, and cached style lookups.

python-docx resolves a style name by scanning every style in styles.xml on each call;
:class:`StyleBook` reads the styles once and answers from a dict. Names are compared
case-insensitively, so Word's internal spelling ("heading 1") and its displayed one
("Heading 1") both match. A style the document lacks (a user's reference document
may have no "Caption") is copied from the built-in reference document on first use.

Chinese typography Word gets right needs explicit East Asian fonts
(``w:rFonts/@w:eastAsia``) and language tags (``w:lang``): python-docx's
``Font.name`` writes only the Latin slots, so the writer sets all four itself and
drops the theme-font attributes that would override them.
"""

from __future__ import annotations

import copy
import functools
import zipfile
from dataclasses import dataclass

from lxml import etree

from reportgen.errors import OptionError
from reportgen.writers.docx_genre import genre
from reportgen.writers.docx_reference import reference_path
from reportgen.writers.docx_xml import (
    RPR_ORDER,
    STYLE_ORDER,
    ensure_child,
    q,
    remove_attrs,
    set_attrs,
    sub,
)

HEADING_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "TOC Heading")
LANG_TAGS = {"w:val": "en-US", "w:eastAsia": "zh-CN"}
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def normalize_lang(lang: str) -> str:
    """``"zh"`` or ``"en"`` for a BCP-47-ish tag (``zh``, ``zh-CN``, ``en-US`` …).

    >>> normalize_lang("zh-CN"), normalize_lang("en")
    ('zh', 'en')
    """
    base = lang.lower().replace("_", "-").split("-")[0]
    if base not in ("zh", "en"):
        raise OptionError(f"DOCX language '{lang}' is not supported; use zh or en")
    return base


@dataclass(frozen=True)
class DocxFonts:
    """The four font slots a bilingual document needs: Latin and East Asian, body and headings."""

    body_latin: str
    body_east_asia: str
    heading_latin: str
    heading_east_asia: str

    @classmethod
    def for_lang(cls, lang: str) -> DocxFonts:
        """The built-in reference document's fonts: 仿宋_GB2312 and 黑体 with Times New Roman
        for zh, Calibri/Cambria with SimSun/SimHei for en.

        >>> DocxFonts.for_lang("zh").body_east_asia
        '仿宋_GB2312'
        """
        g = genre(normalize_lang(lang))
        latin, east, _, _ = g.headings[0]
        return cls(g.body_latin, g.body_east_asia, latin, east)


@functools.cache
def _builtin_styles(lang: str) -> etree._Element:
    with zipfile.ZipFile(reference_path(lang)) as archive:
        return etree.fromstring(archive.read("word/styles.xml"))


class StyleBook:
    """Style ids by (type, lower-case name), read once from a styles.xml element.

    ``lang`` chooses the built-in reference document that missing styles come from.
    """

    def __init__(self, root: etree._Element, lang: str = "en") -> None:
        self.root = root
        self.lang = lang
        self._ids: dict[tuple[str, str], str] = {}
        self._elements: dict[str, etree._Element] = {}
        for style in root.iterchildren(q("w:style")):
            self._register(style)

    def _register(self, style: etree._Element) -> None:
        style_id = style.get(q("w:styleId"), "")
        name = style.find(q("w:name"))
        label = style_id if name is None else name.get(q("w:val"), style_id)
        self._ids.setdefault((style.get(q("w:type"), "paragraph"), label.lower()), style_id)
        self._elements.setdefault(style_id, style)

    def id(self, name: str, kind: str = "paragraph") -> str:
        """The styleId for ``name``, copying the style from the built-in reference if missing."""
        found = self._ids.get((kind, name.lower()))
        return found if found is not None else self._adopt(name, kind)

    def numbered(self, name: str) -> bool:
        """Whether paragraph style ``name`` carries its own list (``w:pPr/w:numPr``), as
        Word's List Bullet styles do: then its bullets are the reference document's."""
        style = self.find(name)
        return style is not None and style.find(f"{q('w:pPr')}/{q('w:numPr')}") is not None

    def find(self, name: str, kind: str = "paragraph") -> etree._Element | None:
        """The ``w:style`` element named ``name``, or None."""
        found = self._ids.get((kind, name.lower()))
        return None if found is None else self._elements[found]

    def _keeps(self, builtin: StyleBook, link: etree._Element) -> bool:
        """Whether a copied style's basedOn/next can point at this document's own style.

        The link is rewritten to this document's id of the style with the same name
        (Chinese Word's ids are ``1``, ``a``…); a style this document lacks is dropped.
        """
        if link.tag == q("w:link"):
            return False
        target = builtin._elements.get(link.get(q("w:val"), ""))
        if target is None:
            return False
        name = target.find(q("w:name"))
        label = "" if name is None else name.get(q("w:val"), "")
        found = self._ids.get((target.get(q("w:type"), "paragraph"), label.lower()))
        if found is None:
            return False
        link.set(q("w:val"), found)
        return True

    def _adopt(self, name: str, kind: str) -> str:
        builtin = StyleBook(_builtin_styles(self.lang), self.lang)
        source = builtin.find(name, kind)
        if source is None:
            raise LookupError(f"the built-in reference has no '{name}' {kind} style")
        style = copy.deepcopy(source)
        for tag in ("w:basedOn", "w:next", "w:link"):
            for child in style.findall(q(tag)):
                if not self._keeps(builtin, child):
                    style.remove(child)
        style_id = style.get(q("w:styleId"), "Style")
        while style_id in self._elements:
            style_id += "0"
        style.set(q("w:styleId"), style_id)
        self.root.append(style)
        self._register(style)
        return style_id


def style_size(book: StyleBook, name: str) -> int | None:
    """The font size (half-points) style ``name`` gets, through its basedOn chain and the
    document defaults; None if nothing sets one."""
    style, seen = book.find(name), set()
    while style is not None and id(style) not in seen:
        seen.add(id(style))
        size = style.find(f"{q('w:rPr')}/{q('w:sz')}")
        if size is not None and size.get(q("w:val"), "").isdigit():
            return int(size.get(q("w:val"), "0"))
        based = style.find(q("w:basedOn"))
        style = None if based is None else book._elements.get(based.get(q("w:val"), ""))
    size = doc_defaults(book.root, "r").find(q("w:sz"))
    value = None if size is None else size.get(q("w:val"), "")
    return int(value) if value and value.isdigit() else None


def doc_defaults(root: etree._Element, kind: str) -> etree._Element:
    """The ``w:rPr`` (kind "r") or ``w:pPr`` (kind "p") of styles.xml's document defaults."""
    defaults = root.find(q("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(q("w:docDefaults"))
        root.insert(0, defaults)
    holder_tag = "w:rPrDefault" if kind == "r" else "w:pPrDefault"
    holder = defaults.find(q(holder_tag))
    if holder is None:
        holder = sub(defaults, holder_tag)
        if kind == "r":
            defaults.insert(0, holder)
    return ensure_child(holder, f"w:{kind}Pr", ())


def set_fonts(rpr: etree._Element, latin: str, east_asia: str) -> None:
    """Write all four ``w:rFonts`` slots; theme fonts, which would win, are removed."""
    fonts = ensure_child(rpr, "w:rFonts", RPR_ORDER)
    remove_attrs(fonts, _THEME_FONTS)
    set_attrs(fonts, {"w:ascii": latin, "w:hAnsi": latin, "w:cs": latin, "w:eastAsia": east_asia})


def apply_fonts(book: StyleBook, fonts: DocxFonts) -> None:
    """Body fonts on the document defaults and Normal, heading fonts on the heading styles."""
    set_fonts(doc_defaults(book.root, "r"), fonts.body_latin, fonts.body_east_asia)
    for name in ("Normal", *HEADING_STYLES):
        style = book.find(name)
        if style is not None:
            latin, east = (
                (fonts.body_latin, fonts.body_east_asia)
                if name == "Normal"
                else (fonts.heading_latin, fonts.heading_east_asia)
            )
            set_fonts(ensure_child(style, "w:rPr", STYLE_ORDER), latin, east)


def apply_lang(book: StyleBook) -> None:
    """``w:lang w:val="en-US" w:eastAsia="zh-CN"`` on the defaults and every style that sets one."""
    set_attrs(ensure_child(doc_defaults(book.root, "r"), "w:lang", RPR_ORDER), LANG_TAGS)
    for lang in book.root.iter(q("w:lang")):
        set_attrs(lang, LANG_TAGS)
