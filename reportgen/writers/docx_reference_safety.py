"""A user's ``--reference-doc``, read safely: only what a reference document is for.

A reference document lends the briefing its styles, list numbering, page setup
(section properties), theme, fonts table, safe settings, and headers and footers with
their own pictures (a letterhead). Everything else in the package is left out before
python-docx sees it: macro projects (``vbaProject.bin``), ActiveX and embedded OLE
objects, custom XML, and every external relationship (an attached template on a web
server, a linked OLE object on ``file://``, a linked picture). Anything unsafe that
is left out is named in one :class:`ReferenceDocWarning`. Harmless parts that a
briefing does not need (document properties, web settings, comments) are dropped
silently.

The archive is read within bounds: the file at most :data:`MAX_ARCHIVE_BYTES`, at
most :data:`MAX_MEMBERS` members, each part kept at most :data:`MAX_PART_BYTES`
unpacked and all of them together at most :data:`MAX_TOTAL_BYTES`; only stored or
deflated members that are not encrypted are read. Any problem with the archive is
one :class:`~reportgen.errors.OptionError` ("not a usable reference document: …").
A FIFO, a device or a folder is refused for what it is, before anything is read.
"""

from __future__ import annotations

import functools
import io
import os
import posixpath
import re
import stat
import warnings
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from reportgen.errors import OptionError
from reportgen.writers.docx_zip import zip_members

MAX_ARCHIVE_BYTES = 50 * 2**20
MAX_PART_BYTES = 20 * 2**20
MAX_TOTAL_BYTES = 50 * 2**20
MAX_MEMBERS = 1000

_PKG = "http://schemas.openxmlformats.org/package/2006"
_RELS_NS = f"{_PKG}/relationships"
_CT_NS = f"{_PKG}/content-types"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_MAIN = f"{_WML}.document.main+xml"

#: Relationship types (their last path segment) kept, by the kind of part they start from.
_KEEP: dict[str, frozenset[str]] = {
    "package": frozenset({"officeDocument", "core-properties"}),
    "document": frozenset(
        {"styles", "numbering", "settings", "theme", "fontTable", "header", "footer", "footnotes"}
    ),
    "header": frozenset({"image"}),
    "footer": frozenset({"image"}),
    "numbering": frozenset({"image"}),
}
#: Dropped without a word: parts a briefing does not need and that cannot act.
_HARMLESS = frozenset(
    {
        "extended-properties", "custom-properties", "thumbnail", "webSettings",
        "stylesWithEffects", "customXml", "comments", "commentsExtended", "commentsIds",
        "commentsExtensible", "people", "endnotes", "glossaryDocument", "image",
        "hyperlink", "footnotes",
    }
)  # fmt: skip
#: Settings that point outside the document or run a merge: removed from settings.xml.
_UNSAFE_SETTINGS = ("attachedTemplate", "mailMerge", "saveThroughXslt", "linkStyles")
#: Field instructions that fetch or run something outside the document.
_UNSAFE_FIELD = re.compile(r"^\s*(INCLUDETEXT|INCLUDEPICTURE|LINK|DDE|DDEAUTO|IMPORT)\b", re.I)
_URL = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|\\\\|/)")
_LINK_ATTRS = frozenset({"href", "src", "link"})
#: No DTD, no entities, no network: the XML of a reference document is data only.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class ReferenceDocWarning(UserWarning):
    """Unsafe parts of a user's reference document were left out."""


class _Unusable(Exception):
    """The archive cannot be used; the message says why."""


def non_regular(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file ("is a FIFO"), or None.

    >>> non_regular(Path("/dev/null"))
    'is a device'
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "no such file"
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is not a regular file"


def safe_reference(path: Path) -> bytes:
    """The reference document at ``path`` with only its safe, useful parts, as DOCX bytes."""
    blob = _read_file(path)
    try:
        info = os.stat(path)
        key = (str(path.resolve()), info.st_ino, info.st_size, info.st_mtime_ns)
    except OSError:
        key = (str(path), 0, len(blob), 0)
    data, dropped = _sanitized(blob, key)
    if dropped:
        warnings.warn(
            ReferenceDocWarning(
                f"reference document {path}: left out {'; '.join(dropped)} "
                "(a reference document lends styles, numbering, page setup, theme, fonts, "
                "headers and footers only)"
            ),
            stacklevel=3,
        )
    return data


def _read_file(path: Path) -> bytes:
    """The file's bytes: refused unless a regular file of at most MAX_ARCHIVE_BYTES."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise OptionError(f"reference document {path} does not exist") from None
    except IsADirectoryError:
        raise OptionError(f"reference document {path}: is a folder, not a file") from None
    except OSError as error:
        raise OptionError(f"reference document {path}: cannot read: {error.strerror}") from None
    with os.fdopen(handle, "rb") as stream:
        mode = os.fstat(stream.fileno()).st_mode
        if not stat.S_ISREG(mode):
            what = non_regular(path) or "is not a regular file"
            raise OptionError(f"reference document {path} {what}, not a regular file")
        blob = stream.read(MAX_ARCHIVE_BYTES + 1)
    if len(blob) > MAX_ARCHIVE_BYTES:
        raise _unusable(path, f"the file is larger than {MAX_ARCHIVE_BYTES // 2**20} MB")
    return blob


def _unusable(path: Path, reason: str) -> OptionError:
    return OptionError(f"reference document {path} is not a usable reference document: {reason}")


def _not_docx(path: Path) -> OptionError:
    return OptionError(f"reference document {path} is not a .docx file")


def open_safely(path: Path) -> bytes:
    """:func:`safe_reference`, with every archive problem as one OptionError."""
    try:
        return safe_reference(path)
    except _Unusable as problem:
        raise _unusable(path, str(problem)) from None
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, UnicodeDecodeError):
        raise _not_docx(path) from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError,
            zlib.error, ValueError, OSError) as error:  # fmt: skip
        raise _unusable(path, str(error) or type(error).__name__) from None


@functools.lru_cache(maxsize=4)
def _sanitized(blob: bytes, key: tuple[str, int, int, int]) -> tuple[bytes, tuple[str, ...]]:
    """The safe package and what was left out (cached: warn and work once per file)."""
    del key  # part of the cache key only: the same file, unchanged
    return _Package(zipfile.ZipFile(io.BytesIO(blob))).sanitize()


class _Package:
    """One pass over a reference document: follow the kept relationships from the root."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _Unusable(f"it holds more than {MAX_MEMBERS} parts")
        self.archive = archive
        self.infos = {info.filename: info for info in infos}
        self.total = 0
        self.kept: dict[str, bytes] = {}
        self.dropped: list[str] = []
        self.dropped_ids: dict[str, set[str]] = {}
        self.main = ""

    def read(self, name: str) -> bytes:
        """A member's bytes, within the bounds; a KeyError when it is absent."""
        info = self.infos[name]
        if info.flag_bits & 0x1:
            raise _Unusable(f"{name} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _Unusable(f"{name} uses an unsupported compression method")
        limit = MAX_PART_BYTES // 2**20
        if info.file_size > MAX_PART_BYTES:
            raise _Unusable(f"{name} is larger than {limit} MB unpacked")
        with self.archive.open(info) as stream:
            data = stream.read(MAX_PART_BYTES + 1)
        if len(data) > MAX_PART_BYTES:
            raise _Unusable(f"{name} is larger than {limit} MB unpacked")
        self.total += len(data)
        if self.total > MAX_TOTAL_BYTES:
            raise _Unusable(f"its parts are larger than {MAX_TOTAL_BYTES // 2**20} MB unpacked")
        return data

    def sanitize(self) -> tuple[bytes, tuple[str, ...]]:
        types = _content_types(self.read("[Content_Types].xml"))
        self._follow("", "package", "_rels/.rels")
        self.main = self._main()
        parts = [("[Content_Types].xml", _types_xml(self.kept, types, self.main))]
        for name, data in sorted(self.kept.items()):
            parts.append((name, self._clean(name, data)))
        return zip_members(parts), tuple(self.dropped)

    def _main(self) -> str:
        """The main document part's name (KeyError: no such part, not a .docx)."""
        for rel in _xml(self.kept["_rels/.rels"]):
            name = _resolve("", rel.get("Target", ""))
            if rel.get("Type", "").endswith("/officeDocument") and name in self.kept:
                return name
        raise KeyError("officeDocument")

    def _follow(self, source: str, kind: str, rels_name: str) -> None:
        """Keep the relationships of ``source`` that its kind allows, and their targets."""
        if rels_name not in self.infos:
            return
        root = _xml(self.read(rels_name))
        allowed = _KEEP.get(kind, frozenset())
        for rel in list(root):
            rel_type = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                # the body and the footnotes (but the separators) are dropped anyway
                quiet = kind in ("document", "footnotes") and rel_type in _HARMLESS
                note = None if quiet else f"an external {rel_type} link ({target[:80]})"
                self._drop(source, rel, note)
                continue
            name = _resolve(source, target)
            if rel_type not in allowed or name not in self.infos:
                note = None if rel_type in _HARMLESS else f"{name} ({rel_type})"
                self._drop(source, rel, note)
                continue
            if name not in self.kept:
                self.kept[name] = self.read(name)
                if not name.lower().endswith((".png", ".jpeg", ".jpg", ".gif", ".bmp", ".tif",
                                               ".tiff", ".emf", ".wmf")):  # fmt: skip
                    self._follow(name, _kind(rel_type), _rels_of(name))
        if len(root) == 0:
            return
        self.kept[rels_name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                              standalone=True)  # fmt: skip

    def _drop(self, source: str, rel: etree._Element, note: str | None) -> None:
        rel.getparent().remove(rel)  # type: ignore[union-attr]
        self.dropped_ids.setdefault(source, set()).add(rel.get("Id", ""))
        if note is not None and note not in self.dropped:
            self.dropped.append(note)

    def _clean(self, name: str, data: bytes) -> bytes:
        """A kept XML part without references to dropped relationships or outside files."""
        if not name.endswith(".xml") or name == "docProps/core.xml":
            return data
        root = _xml(data)
        if name.endswith("settings.xml"):
            self._clean_settings(root)
        if name == self.main:
            _empty_body(root)
        dropped = self.dropped_ids.get(name, set())
        for element in list(root.iter()):
            if not isinstance(element.tag, str):
                continue
            for key, raw in list(element.attrib.items()):
                attr, value = str(key), str(raw)
                if attr.startswith(f"{{{_R}}}") and value in dropped:
                    _remove_reference(element, attr)
                    break
                if attr == f"{{{_W}}}instr" and _UNSAFE_FIELD.match(value):
                    element.set(attr, "")
                elif attr.rsplit("}", 1)[-1] in _LINK_ATTRS and _URL.match(value):
                    del element.attrib[attr]  # a VML picture's o:href or src outside the file
            if element.tag == f"{{{_W}}}instrText" and _UNSAFE_FIELD.match(element.text or ""):
                element.text = ""
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _clean_settings(self, root: etree._Element) -> None:
        for local in _UNSAFE_SETTINGS:
            for element in root.findall(f"{{{_W}}}{local}"):
                root.remove(element)
                note = f"the {local} setting"
                if local != "linkStyles" and note not in self.dropped:
                    self.dropped.append(note)


def _remove_reference(element: etree._Element, attr: str) -> None:
    """Remove what points at a dropped relationship: a link keeps its text, else its run."""
    if element.tag == f"{{{_W}}}hyperlink":
        del element.attrib[attr]
        return
    holder: etree._Element | None = element
    while holder is not None and holder.tag != f"{{{_W}}}r":
        holder = holder.getparent()
    target = holder if holder is not None else element
    parent = target.getparent()
    if parent is not None:
        parent.remove(target)


def _empty_body(root: etree._Element) -> None:
    """Keep only the last section's properties of the body (page setup, headers)."""
    body = root.find(f"{{{_W}}}body")
    if body is None:
        return
    for child in list(body):
        if child.tag != f"{{{_W}}}sectPr":
            body.remove(child)


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def _kind(rel_type: str) -> str:
    return "document" if rel_type == "officeDocument" else rel_type


def _rels_of(name: str) -> str:
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _resolve(source: str, target: str) -> str:
    """A relationship target as a part name (no leading slash)."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _content_types(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    root = _xml(data)
    defaults = {
        e.get("Extension", "").lower(): e.get("ContentType", "")
        for e in root.findall(f"{{{_CT_NS}}}Default")
    }
    overrides = {
        e.get("PartName", "").lstrip("/"): e.get("ContentType", "")
        for e in root.findall(f"{{{_CT_NS}}}Override")
    }
    return defaults, overrides


def _types_xml(
    kept: dict[str, bytes], types: tuple[dict[str, str], dict[str, str]], main: str
) -> bytes:
    """[Content_Types].xml for the kept parts; the main part is a plain document."""
    defaults, overrides = types
    items = [
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
    ]
    extensions = sorted({n.rsplit(".", 1)[-1].lower() for n in kept if "." in n} - {"rels", "xml"})
    for ext in extensions:
        if ext in defaults:
            items.append(f'<Default Extension="{ext}" ContentType="{_attr(defaults[ext])}"/>')
    for name in sorted(kept):
        content_type = _MAIN if name == main else overrides.get(name)
        if content_type:
            items.append(
                f'<Override PartName="/{_attr(name)}" ContentType="{_attr(content_type)}"/>'
            )
    body = "".join(items)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Types xmlns="{_CT_NS}">{body}</Types>'
    ).encode()


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
