"""Images in a briefing come only from its own charts and from inside the template folders.

Before this was fixed, template Markdown naming an image by absolute path or ``../..``
embedded any file on the machine into the DOCX, and "is not a PNG" versus "not found"
let a template probe for files. Now every other path gets one and the same located
error, whether the file exists or not, in every format.
"""

from __future__ import annotations

import datetime as dt
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from template_case import build_in_process, make_case, out_files

from reportgen.build import Report
from reportgen.errors import TemplateError


def _png() -> bytes:
    """A valid 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()


def _outside(tmp_path: Path) -> Path:
    private = tmp_path / "private"
    private.mkdir(exist_ok=True)
    (private / "photo.png").write_bytes(PNG)
    (private / "notes.txt").write_text("not a picture", encoding="utf-8")
    return private


def _sources(tmp_path: Path) -> dict[str, str]:
    private = _outside(tmp_path)
    return {
        "absolute_png": str(private / "photo.png"),
        "absolute_text": str(private / "notes.txt"),
        "absolute_missing": str(private / "missing.png"),
        "etc_passwd": "/etc/passwd",
        "parent_png": "../../../private/photo.png",
        "parent_missing": "../../../private/missing.png",
        "http_url": "https://example.com/track.png",
    }


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_every_outside_image_gets_the_same_error(fmt: str, tmp_path: Path) -> None:
    messages = {}
    for name, src in _sources(tmp_path).items():
        case = tmp_path / name
        case.mkdir()
        result = build_in_process(make_case(case, f"![x]({src})"), "--format", fmt)
        assert result.code == 2, (name, result.stderr)
        assert len(result.lines) == 1, result.lines
        assert out_files(result.folder) == []
        messages[name] = result.lines[0].replace(src, "SRC")
    assert len(set(messages.values())) == 1, messages
    assert next(iter(messages.values())) == (
        "templates/en/summary.md.j2:3: image 'SRC' is neither a chart of this briefing nor "
        "a file inside the template folders"
    )


def test_an_outside_link_inside_the_folder_is_refused(tmp_path: Path) -> None:
    private = _outside(tmp_path)
    folder = make_case(tmp_path, "![logo](logo.png)")
    os.symlink(private / "photo.png", folder / "templates" / "en" / "logo.png")
    result = build_in_process(folder, "--format", "all")
    assert result.code == 2
    assert result.lines == [
        "templates/en/summary.md.j2:3: image 'logo.png' is neither a chart of this briefing "
        "nor a file inside the template folders"
    ]


def test_a_logo_inside_the_template_folder_is_copied_with_the_briefing(tmp_path: Path) -> None:
    folder = make_case(tmp_path, '![District logo](img/logo.png "The logo")')
    (folder / "templates" / "en" / "img").mkdir()
    (folder / "templates" / "en" / "img" / "logo.png").write_bytes(PNG)
    result = build_in_process(folder, "--format", "all")
    assert result.code == 0, result.stderr
    assert "testville.en.assets/img/logo.png" in out_files(folder)
    assert (folder / "out" / "testville.en.assets" / "img" / "logo.png").read_bytes() == PNG
    text = (folder / "out" / "testville.en.md").read_text(encoding="utf-8")
    assert '![District logo](testville.en.assets/img/logo.png "The logo")' in text
    with zipfile.ZipFile(folder / "out" / "testville.en.docx") as docx:
        assert PNG in [docx.read(n) for n in docx.namelist() if n.startswith("word/media/")]


def _report(markdown: str) -> Report:
    created = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    return Report("testville", "en", markdown, "T", "S", created)


def test_the_docx_writer_refuses_outside_paths_alike(tmp_path: Path) -> None:
    """A Report made by hand (library use) cannot embed an outside file either."""
    base = tmp_path / "assets"
    base.mkdir()
    messages = []
    for src in _sources(tmp_path).values():
        if src.startswith("https:"):  # a URL has its own message: not a file probe
            continue
        with pytest.raises(TemplateError) as error:
            _report(f"# T\n\n![x]({src})\n").docx_bytes(base)
        messages.append(str(error.value).replace(src, "SRC"))
    assert len(set(messages)) == 1, messages
    assert messages[0] == (
        "DOCX writer: image SRC at line 3 is not a file of the document's assets"
    )
