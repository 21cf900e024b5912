"""List numbering for the DOCX writer: real numbering definitions, one per list kind.

Bullet and ordered lists use two abstract definitions named "reportgen bullets" and
"reportgen numbers" (9 levels each, indented 420 twips a level). They are taken from
the reference document when it has them, so a user can restyle bullets there, and
copied from the built-in reference otherwise. All bullet lists share one list
instance; every ordered list gets its own instance with a start override, so each
ordered list restarts at its own first number (``3.`` starts at 3).
"""

from __future__ import annotations

import copy
import functools
import zipfile
from typing import cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart
from lxml import etree

from reportgen.writers.docx_reference import reference_path
from reportgen.writers.docx_reference_styles import BULLETS_NAME, HEADINGS_NAME, NUMBERS_NAME
from reportgen.writers.docx_xml import NS, q, sub, val

HEADING_DEPTH = 4  # levels of the heading list: 一、 （一） 1. （1）


@functools.cache
def _builtin_numbering(lang: str) -> etree._Element:
    with zipfile.ZipFile(reference_path(lang)) as archive:
        return etree.fromstring(archive.read("word/numbering.xml"))


def _abstract_named(root: etree._Element, name: str) -> etree._Element | None:
    for abstract in root.iterchildren(q("w:abstractNum")):
        label = abstract.find(q("w:name"))
        if label is not None and label.get(q("w:val")) == name:
            return abstract
    return None


def _max_id(root: etree._Element, tag: str, attr: str) -> int:
    return max((int(e.get(q(attr), "0")) for e in root.iterchildren(q(tag))), default=0)


class Numbering:
    """The numbering part of one document, created on first use."""

    def __init__(self, document_part: DocumentPart, lang: str = "en") -> None:
        self._document_part = document_part
        self._lang = lang
        self._root: etree._Element | None = None
        self._abstract_ids: dict[str, int] = {}
        self._bullets: int | None = None
        self._heading_num: int | None = None
        self._heading_starts = [1] * HEADING_DEPTH
        self._heading_counts: list[int | None] = [None] * HEADING_DEPTH

    def _part_root(self) -> etree._Element:
        if self._root is None:
            try:
                part = cast(XmlPart, self._document_part.part_related_by(RT.NUMBERING))
            except KeyError:
                element = parse_xml(f'<w:numbering xmlns:w="{NS["w"]}"/>')
                partname = PackURI("/word/numbering.xml")
                package = self._document_part.package
                part = NumberingPart(partname, CT.WML_NUMBERING, element, package)
                self._document_part.relate_to(part, RT.NUMBERING)
            self._root = part.element
        return self._root

    def _abstract_id(self, name: str) -> int:
        if name not in self._abstract_ids:
            root = self._part_root()
            abstract = _abstract_named(root, name)
            if abstract is None:
                source = _abstract_named(_builtin_numbering(self._lang), name)
                assert source is not None
                abstract = copy.deepcopy(source)
                new_id = _max_id(root, "w:abstractNum", "w:abstractNumId") + 1
                abstract.set(q("w:abstractNumId"), str(new_id))
                first_num = root.find(q("w:num"))
                if first_num is None:
                    root.append(abstract)
                else:
                    first_num.addprevious(abstract)
            self._abstract_ids[name] = int(abstract.get(q("w:abstractNumId"), "0"))
        return self._abstract_ids[name]

    def _new_num(self, abstract_id: int) -> tuple[int, etree._Element]:
        root = self._part_root()
        num_id = _max_id(root, "w:num", "w:numId") + 1
        num = etree.Element(q("w:num"), {q("w:numId"): str(num_id)})
        cleanup = root.find(q("w:numIdMacAtCleanup"))  # the one element after the lists
        if cleanup is None:
            root.append(num)
        else:
            cleanup.addprevious(num)
        val(num, "w:abstractNumId", str(abstract_id))
        return num_id, num

    def bullets(self) -> int:
        """The numId shared by all bullet lists."""
        if self._bullets is None:
            self._bullets, _ = self._new_num(self._abstract_id(BULLETS_NAME))
        return self._bullets

    def ordered(self, ilvl: int, start: int) -> int:
        """A new numId for one ordered list at level ``ilvl`` whose first number is ``start``."""
        num_id, num = self._new_num(self._abstract_id(NUMBERS_NAME))
        override = sub(num, "w:lvlOverride", {"w:ilvl": str(ilvl)})
        val(override, "w:startOverride", str(start))
        return num_id

    def heading(self, ilvl: int, number: int) -> int:
        """The numId under which a heading at level ``ilvl`` shows ``number``.

        Word counts for itself; this follows its count (a level restarts at its start
        value after a higher level) and starts a new list instance, with start values,
        wherever the plan's number differs from Word's next one (a section left out).
        """
        counts, starts = self._heading_counts, self._heading_starts
        count = counts[ilvl]
        following = starts[ilvl] if count is None else count + 1
        if self._heading_num is None or following != number:
            nexts = [starts[k] if counts[k] is None else (counts[k] or 0) + 1 for k in range(ilvl)]
            starts[:] = [*nexts, number] + [1] * (HEADING_DEPTH - ilvl - 1)
            counts[:] = [None] * HEADING_DEPTH
            num_id, num = self._new_num(self._abstract_id(HEADINGS_NAME))
            for level, start in enumerate(starts):
                override = sub(num, "w:lvlOverride", {"w:ilvl": str(level)})
                val(override, "w:startOverride", str(start))
            self._heading_num = num_id
        counts[ilvl] = number
        counts[ilvl + 1 :] = [None] * (HEADING_DEPTH - ilvl - 1)
        assert self._heading_num is not None
        return self._heading_num


def num_pr(ppr: etree._Element, num_id: int, ilvl: int) -> None:
    """Append ``w:numPr`` (level ``ilvl`` of list ``num_id``) to a paragraph's ``w:pPr``."""
    numpr = sub(ppr, "w:numPr")
    val(numpr, "w:ilvl", str(ilvl))
    val(numpr, "w:numId", str(num_id))
