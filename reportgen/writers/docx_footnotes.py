"""The footnotes part: real Word footnotes for Markdown footnote references.

python-docx has no footnote support and loads ``word/footnotes.xml`` as an opaque
blob. Registering :class:`~docx.opc.part.XmlPart` for its content type (python-docx's
own extension point, the one it uses for its parts) makes it load as XML. The part
keeps the reference document's separator and continuation separator (ids -1 and 0 in
ours); any other footnote a reference document carries is dropped. Each footnote
reference in the text gets its own note, numbered by Word in document order; a
Markdown footnote referenced twice becomes two notes with the same text, as pandoc does.
"""

from __future__ import annotations

from typing import cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.parser import parse_xml
from docx.parts.document import DocumentPart
from lxml import etree

from reportgen.writers.docx_reference import footnotes_xml
from reportgen.writers.docx_xml import q, sub

PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)

_SEPARATORS = ("separator", "continuationSeparator")


class Footnotes:
    """The footnotes part of one document, prepared on first use."""

    def __init__(self, document_part: DocumentPart) -> None:
        self._document_part = document_part
        self._part: XmlPart | None = None
        self._next_id = 1

    @property
    def part(self) -> XmlPart:
        """The footnotes part (created with separators if the document has none)."""
        if self._part is None:
            self._part = self._existing() or self._create()
            root = self._part.element
            for note in root.findall(q("w:footnote")):
                if note.get(q("w:type")) not in _SEPARATORS:
                    root.remove(note)
            self._ensure_separators(root)
            ids = [int(n.get(q("w:id"), "0")) for n in root.findall(q("w:footnote"))]
            self._next_id = max([0, *ids]) + 1
        return self._part

    def _existing(self) -> XmlPart | None:
        try:
            part = self._document_part.part_related_by(RT.FOOTNOTES)
        except KeyError:
            return None
        return part if isinstance(part, XmlPart) else None

    def _create(self) -> XmlPart:
        for rel_id, rel in list(self._document_part.rels.items()):
            if rel.reltype == RT.FOOTNOTES:  # an unreadable footnotes part: replace it
                self._document_part.drop_rel(rel_id)
        element = parse_xml(footnotes_xml().encode("utf-8"))
        part = XmlPart(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, self._document_part.package
        )
        self._document_part.relate_to(part, RT.FOOTNOTES)
        return part

    @staticmethod
    def _ensure_separators(root: etree._Element) -> None:
        present = {n.get(q("w:type")) for n in root.findall(q("w:footnote"))}
        if present.issuperset(_SEPARATORS):
            return
        for note in parse_xml(footnotes_xml().encode("utf-8")).findall(q("w:footnote")):
            if note.get(q("w:type")) not in present:
                root.insert(0 if note.get(q("w:type")) == "separator" else 1, note)

    def separator_ids(self) -> list[str]:
        """The ids of the separator notes, for ``w:footnotePr`` in settings.xml."""
        notes = self.part.element.findall(q("w:footnote"))
        return [n.get(q("w:id"), "") for n in notes if n.get(q("w:type")) in _SEPARATORS]

    def new_note(self) -> tuple[int, etree._Element]:
        """A new empty ``w:footnote`` element and its id."""
        root = cast(etree._Element, self.part.element)
        note_id = self._next_id
        self._next_id += 1
        return note_id, sub(root, "w:footnote", {"w:id": str(note_id)})

    @property
    def used(self) -> bool:
        """Whether the footnotes part was touched (it then needs settings.xml's footnotePr)."""
        return self._part is not None
