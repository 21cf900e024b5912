"""The DOCX package: metadata, opening the reference document, core properties, saving.

Saving is reproducible: python-docx's own ``save()`` stamps every ZIP member with the
current time, so the writer serializes the parts itself (sorted by part name, fixed
timestamps, see :mod:`reportgen.writers.docx_zip`). Core properties are replaced as a
whole from :class:`DocxMeta` — created and modified are ``meta.created``, never the
clock — so nothing from the reference document's own properties leaks through.
"""

from __future__ import annotations

import datetime
import functools
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.opc.part import Part, XmlPart
from docx.opc.spec import default_content_types
from lxml import etree

from reportgen.errors import OptionError
from reportgen.writers.docx_reference import reference_path
from reportgen.writers.docx_xml import quoteattr
from reportgen.writers.docx_zip import zip_members

_A4_WIDTH, _A4_HEIGHT, _MARGIN = 7560310, 10692130, 1143000  # EMU: 210 x 297 mm, 1800 twips


@dataclass(frozen=True)
class DocxMeta:
    """Document metadata: language, core properties, page header and TOC heading text."""

    lang: str  # "zh" or "en" (zh → zh-CN tags, en → en-US)
    title: str
    subject: str
    header_text: str  # shown in the page header (district + report title)
    created: datetime.datetime  # from the data, never the clock (reproducible builds)
    creator: str = "reportgen"
    keywords: str = ""
    toc_title: str = "Contents"  # zh: "目录"
    #: Masthead and closing block (``--meta key=value``), see docx_masthead.MASTHEAD_KEYS.
    info: dict[str, str] = field(default_factory=dict)


@functools.cache
def _builtin_reference(lang: str) -> bytes:
    return reference_path(lang).read_bytes()


def open_reference(reference_doc: Path | None, lang: str = "en") -> Document:
    """A python-docx document from ``reference_doc`` (or the built-in one for ``lang``),
    body emptied."""
    if reference_doc is None:
        document = docx.Document(io.BytesIO(_builtin_reference(lang)))
    else:
        from reportgen.writers.docx_reference_safety import open_safely

        safe = open_safely(Path(reference_doc))  # only its safe parts, read within bounds
        try:
            document = docx.Document(io.BytesIO(safe))
        except (OpcError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
            raise OptionError(f"reference document {reference_doc} is not a .docx file") from None
    body = document.element.body
    section = body.get_or_add_sectPr()
    for child in list(body):
        if child is not section:
            body.remove(child)
    return document


def text_area(document: Document) -> tuple[int, int]:
    """Width and height (EMU) inside the first section's margins."""
    section = document.sections[0]
    width = (section.page_width or _A4_WIDTH) - (section.left_margin or _MARGIN)
    width -= section.right_margin or _MARGIN
    height = (section.page_height or _A4_HEIGHT) - (section.top_margin or _MARGIN)
    height -= section.bottom_margin or _MARGIN
    return int(width), int(height)


def _utc(moment: datetime.datetime) -> datetime.datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    return moment


#: The longest text a core property may hold (python-docx enforces it, as Word does).
CORE_PROPERTY_LIMIT = 255


def _fit(text: str) -> str:
    """Shorten a core property to the limit with an ellipsis (the page shows it whole).

    >>> len(_fit("x" * 300)), _fit("short")
    (255, 'short')
    """
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[: CORE_PROPERTY_LIMIT - 1] + "…"


def set_core_properties(document: Document, meta: DocxMeta, language: str) -> None:
    """Replace every core property with the ones from ``meta`` (naive times are UTC)."""
    props = document.core_properties
    part = cast(XmlPart, document.part.package.part_related_by(RT.CORE_PROPERTIES))
    for child in list(part.element):
        part.element.remove(child)
    props.title = _fit(meta.title)
    props.subject = _fit(meta.subject)
    props.author = meta.creator
    props.last_modified_by = meta.creator
    if meta.keywords:
        props.keywords = _fit(meta.keywords)
    props.language = language
    props.created = props.modified = _utc(meta.created)
    props.revision = 1


def _content_types(parts: list[Part]) -> bytes:
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = part.partname.ext.lower()
        if (ext, part.content_type) in default_content_types:
            defaults[ext] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    items = [
        f"<Default Extension={quoteattr(e)} ContentType={quoteattr(c)}/>"
        for e, c in sorted(defaults.items())
    ]
    items += [
        f"<Override PartName={quoteattr(n)} ContentType={quoteattr(c)}/>"
        for n, c in sorted(overrides.items())
    ]
    xmlns = "http://schemas.openxmlformats.org/package/2006/content-types"
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f'{declaration}<Types xmlns="{xmlns}">{"".join(items)}</Types>'.encode()


def package_bytes(document: Document) -> bytes:
    """The document as DOCX bytes: parts sorted by name, fixed timestamps, reproducible."""
    package = document.part.package
    parts = sorted(package.iter_parts(), key=lambda part: str(part.partname))
    members = [("[Content_Types].xml", _content_types(parts)), ("_rels/.rels", package.rels.xml)]
    for part in parts:
        part.before_marshal()
        members.append((part.partname.membername, part.blob))
        if len(part.rels):
            members.append((part.partname.rels_uri.membername, part.rels.xml))
    return zip_members(members)
