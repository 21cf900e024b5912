"""Helpers shared by the DOCX tests (this module holds no tests).

The two fixture briefings (tests/fixtures/docx/briefing.{en,zh}.md) are rendered once
per test session into a temporary folder that also holds the small PNG they show.
"""

from __future__ import annotations

import datetime
import functools
import io
import os
import shutil
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from lxml import etree

from reportgen.writers.docx import DocxMeta, render_docx

FIXTURES = Path(__file__).parent / "fixtures" / "docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
CREATED = datetime.datetime(2024, 1, 15, 8, 30, tzinfo=datetime.UTC)
TITLES = {"en": "Huaiyin District Briefing", "zh": "槐荫区发展简报"}
PNG_SIZE = (64, 36)


def png_bytes(width: int, height: int) -> bytes:
    """A small RGB PNG with a gradient, the same bytes every time."""
    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in (x * 4 % 256, y * 7 % 256, 160))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(rows, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def make_base_dir(folder: Path) -> Path:
    """``folder`` with images/auto-sales.png, where the fixtures' image paths resolve."""
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "images" / "auto-sales.png").write_bytes(png_bytes(*PNG_SIZE))
    return folder


@functools.cache
def base_dir() -> Path:
    """A session-wide base folder holding the fixture image."""
    return make_base_dir(Path(tempfile.mkdtemp(prefix="reportgen-docx-")))


def meta(lang: str) -> DocxMeta:
    """The metadata the fixtures are rendered with."""
    return DocxMeta(
        lang=lang,
        title=TITLES[lang],
        subject="槐荫区发展简报" if lang == "zh" else "District briefing",
        header_text="槐荫区 · 发展简报" if lang == "zh" else "Huaiyin District · Briefing",
        created=CREATED,
        keywords="槐荫区; 济南" if lang == "zh" else "Huaiyin; Jinan",
        toc_title="目录" if lang == "zh" else "Contents",
    )


def fixture_markdown(lang: str) -> str:
    """The fixture briefing's Markdown text."""
    return (FIXTURES / f"briefing.{lang}.md").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Rendered:
    """A rendered DOCX, with python-docx and raw-XML views of it."""

    data: bytes
    path: Path

    @functools.cached_property
    def document(self) -> Document:
        """The DOCX read back by python-docx."""
        return docx.Document(io.BytesIO(self.data))

    def names(self) -> list[str]:
        """The ZIP member names."""
        with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
            return archive.namelist()

    def xml(self, name: str) -> etree._Element:
        """The parsed XML of one part, e.g. ``word/document.xml``."""
        with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
            return etree.fromstring(archive.read(name))

    def xpath(self, name: str, query: str) -> list[Any]:
        """``query`` (prefixes w, r, wp) over one part: elements or attribute strings."""
        found = self.xml(name).xpath(query, namespaces=NS)
        assert isinstance(found, list)
        return found


def render(markdown: str, lang: str = "en", **options: object) -> Rendered:
    """Render ``markdown`` with the fixture metadata and image folder."""
    data = render_docx(markdown, meta(lang), base_dir=base_dir(), **options)  # type: ignore[arg-type]
    path = base_dir() / f"render-{abs(hash((markdown, lang, repr(options))))}.docx"
    path.write_bytes(data)
    return Rendered(data, path)


@functools.cache
def fixture(lang: str, toc: bool = False) -> Rendered:
    """The fixture briefing in ``lang`` (with a table of contents if ``toc``), rendered
    once per session."""
    rendered = render(fixture_markdown(lang), lang, toc=toc)
    target = base_dir() / f"briefing.{lang}{'.toc' if toc else ''}.docx"
    target.write_bytes(rendered.data)
    return Rendered(rendered.data, target)


def need_tools(*tools: str) -> None:
    """Skip a test without the programs it runs (LibreOffice, poppler), or fail under
    ``CI=true``: CI installs them (.ci/run), so a missing one there is an error."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed (LibreOffice, poppler-utils)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}: required in CI")
    pytest.skip(message)


def attr(element: etree._Element, name: str) -> str | None:
    """A ``w:``-prefixed attribute of ``element``."""
    return element.get(f"{{{W}}}{name}")
