"""The built-in reference document, and users' own reference documents."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from test_docx_support import attr, fixture, fixture_markdown, render

from reportgen.errors import OptionError
from reportgen.writers.docx import DocxFonts
from reportgen.writers.docx_reference import build_reference_docx, reference_path
from reportgen.writers.docx_xml import PPR_ORDER, RPR_ORDER, STYLE_ORDER

EXPECTED_STYLES = {
    "Normal", "Default Paragraph Font", "Normal Table", "Title", "Subtitle", "heading 1",
    "heading 2", "heading 3", "Quote", "Figure", "caption", "Compact", "footnote text",
    "footnote reference", "Hyperlink", "TOC Heading", "toc 1", "toc 2", "toc 3", "header",
    "footer", "Table", "List Bullet", "List Bullet 2", "List Bullet 3", "List Number",
    "List Number 2", "List Number 3", "List Continue", "List Continue 2", "List Continue 3",
    "Body Text", "Table Caption", "Compact Small", "Emphasis", "Strong", "Masthead",
    "Masthead Info",
    "Masthead Rule", "Distribution",
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_committed_reference_equals_a_fresh_build(lang: str) -> None:
    assert reference_path(lang).read_bytes() == build_reference_docx(lang), (
        f"{reference_path(lang).name} is stale: run `uv run python scripts/make_reference_docx.py`"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reference_is_slim(lang: str) -> None:
    document = docx.Document(str(reference_path(lang)))
    names = {style.element.name_val for style in document.styles}
    assert names == EXPECTED_STYLES
    with zipfile.ZipFile(reference_path(lang)) as archive:
        assert "word/footnotes.xml" in archive.namelist()
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())
        styles = archive.read("word/styles.xml").decode()
    assert "latentStyles" not in styles and "ja-JP" not in styles


def test_every_style_the_fixtures_use_is_defined() -> None:
    for lang in ("en", "zh"):
        rendered = fixture(lang)
        defined = set(rendered.xpath("word/styles.xml", "//w:style/@w:styleId"))
        used = set()
        for part in ("word/document.xml", "word/footnotes.xml"):
            used |= set(
                rendered.xpath(part, "//w:pStyle/@w:val | //w:rStyle/@w:val | //w:tblStyle/@w:val")
            )
        assert used and used <= defined, used - defined


def python_docx_template(tmp_path: Path) -> Path:
    """python-docx's default template: theme fonts, ~160 styles, no Figure/Compact/Table."""
    target = tmp_path / "theirs.docx"
    docx.Document().save(str(target))
    return target


def test_a_user_reference_keeps_its_fonts_and_gains_missing_styles(tmp_path: Path) -> None:
    rendered = render(fixture_markdown("en"), "en", reference_doc=python_docx_template(tmp_path))
    document = rendered.document
    names = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Figure", "Caption", "List Bullet 2"} <= names
    assert document.tables[0].style.name == "Table"  # copied from the built-in reference
    (fonts,) = rendered.xpath("word/styles.xml", "//w:docDefaults//w:rFonts")
    assert attr(fonts, "asciiTheme") == "minorHAnsi"  # the user's theme fonts stay
    langs = rendered.xpath("word/styles.xml", "//w:lang")
    assert {(attr(x, "val"), attr(x, "eastAsia")) for x in langs} == {("en-US", "zh-CN")}
    assert rendered.xpath("word/settings.xml", "//w:updateFields/@w:val") == ["true"]
    assert len(rendered.xpath("word/footnotes.xml", "//w:footnote")) == 2 + 5


def test_explicit_fonts_apply_to_a_user_reference(tmp_path: Path) -> None:
    fonts = DocxFonts.for_lang("zh")
    rendered = render(
        fixture_markdown("zh"), "zh", reference_doc=python_docx_template(tmp_path), fonts=fonts
    )
    (defaults,) = rendered.xpath("word/styles.xml", "//w:docDefaults//w:rFonts")
    assert attr(defaults, "eastAsia") == "仿宋_GB2312" and attr(defaults, "asciiTheme") is None


def test_pandoc_reference_doc_works(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip(
        "pypandoc", reason="pypandoc-binary (a dev dependency) is needed"
    )
    command = [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"]
    target = tmp_path / "pandoc-reference.docx"
    target.write_bytes(subprocess.run(command, check=True, capture_output=True).stdout)
    rendered = render(fixture_markdown("en"), "en", reference_doc=target)
    names = [p.style.name for p in rendered.document.paragraphs if p.text]
    assert names[0] == "Title" and "Heading 1" in names
    assert rendered.document.tables[0].style.name == "Table"  # pandoc's own Table style
    notes = rendered.xpath("word/footnotes.xml", "//w:footnote")
    assert len(notes) == 2 + 5


def test_missing_reference_doc(tmp_path: Path) -> None:
    with pytest.raises(OptionError, match=r"does not exist|no such file"):
        render("# T\n", reference_doc=tmp_path / "nowhere.docx")


@pytest.mark.parametrize(
    "content",
    [b"not a zip at all", b"PK\x03\x04 truncated", "zip-without-document"],
)
def test_a_non_docx_reference_is_an_option_error(tmp_path: Path, content: bytes | str) -> None:
    path = tmp_path / "fake.docx"
    if content == "zip-without-document":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("hello.txt", "hi")
        path.write_bytes(buffer.getvalue())
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    with pytest.raises(OptionError, match=r"fake\.docx is not a \.docx file"):
        render("# T\n", reference_doc=path)


def _in_schema_order(element: etree._Element, order: tuple[str, ...]) -> bool:
    names = [f"w:{etree.QName(child).localname}" for child in element]
    known = [order.index(name) for name in names if name in order]
    return known == sorted(known) and len(known) == len(names)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_children_are_in_schema_order(lang: str) -> None:
    """Word refuses a document whose style or paragraph properties are out of order."""
    rendered = fixture(lang, toc=True)
    ns = {"w": rendered.xml("word/styles.xml").nsmap["w"]}
    checks = [
        ("word/styles.xml", "//w:style", STYLE_ORDER),
        ("word/styles.xml", "//w:pPr", PPR_ORDER),
        ("word/styles.xml", "//w:rPr", RPR_ORDER),
        ("word/document.xml", "//w:p/w:pPr", PPR_ORDER),
        ("word/document.xml", "//w:r/w:rPr", RPR_ORDER),
    ]
    for part, query, order in checks:
        elements = rendered.xml(part).xpath(query, namespaces=ns)
        assert elements
        wrong = [etree.tostring(e)[:160] for e in elements if not _in_schema_order(e, order)]
        assert not wrong, f"{part}: {wrong[:3]}"
