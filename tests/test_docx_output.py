"""Output guarantees: reproducible bytes, atomic writes, text hygiene, lists and big tables."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_docx_support import attr, base_dir, fixture, fixture_markdown, make_base_dir, meta, render

from reportgen.errors import TemplateError
from reportgen.writers.docx import DocxWarning, render_docx, write_docx


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_renders_give_identical_bytes(lang: str) -> None:
    first = render_docx(fixture_markdown(lang), meta(lang), base_dir=base_dir())
    second = render_docx(fixture_markdown(lang), meta(lang), base_dir=base_dir())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"


def test_write_is_atomic(tmp_path: Path) -> None:
    make_base_dir(tmp_path)
    target = tmp_path / "briefing.docx"
    write_docx(fixture_markdown("en"), target, meta("en"), base_dir=tmp_path)
    before = target.read_bytes()
    assert before == fixture("en").data
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(TemplateError):
        write_docx("# T\n\n```\ncode\n```\n", target, meta("en"), base_dir=tmp_path)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no temporary file left


def test_forbidden_characters_are_removed_with_a_warning() -> None:
    markdown = "# Title\n\nFine line.\nBad\x01 line\x0b with controls.\n\n| a |\n| - |\n| x\x02 |\n"
    with pytest.warns(DocxWarning) as caught:
        rendered = render(markdown)
    messages = [str(w.message) for w in caught]
    assert any("U+0001" in m and "U+000B" in m for m in messages)
    assert any("Markdown line 4" in m and "U+0001" in m for m in messages)
    assert any("Markdown line 8" in m and "U+0002" in m for m in messages)
    body = rendered.xml("word/document.xml")  # parses: the XML is valid
    text = "".join(body.itertext())
    assert "Bad line with controls." in text and "x" in text
    assert "\x01" not in text


def test_forbidden_characters_in_metadata_warn_with_the_field() -> None:
    bad = meta("en").__class__(**{**meta("en").__dict__, "title": "Brief\x07ing"})
    with pytest.warns(DocxWarning, match=r"DocxMeta\.title"):
        data = render_docx("# T\n", bad, base_dir=base_dir())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        core = etree.fromstring(archive.read("docProps/core.xml"))
    assert "Briefing" in "".join(core.itertext())


def test_clean_markdown_gives_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render(fixture_markdown("zh"), "zh")


def test_ordered_lists_restart_and_keep_their_start() -> None:
    rendered = render("1. a\n2. b\n\nText.\n\n3. c\n4. d\n\n- x\n  1. y\n     - z\n")
    nums = rendered.xpath("word/document.xml", "//w:numPr/w:numId/@w:val")
    first, second = nums[0], nums[2]
    assert first != second
    starts = rendered.xpath("word/numbering.xml", "//w:num/w:lvlOverride/w:startOverride/@w:val")
    assert starts[:2] == ["1", "3"]
    names = [p.style.name for p in rendered.document.paragraphs]
    assert names[-3:] == ["List Bullet", "List Number 2", "List Bullet 3"]
    levels = rendered.xpath("word/document.xml", "//w:numPr/w:ilvl/@w:val")
    assert levels[-3:] == ["0", "1", "2"]


def test_list_item_with_two_paragraphs_continues() -> None:
    rendered = render("- first\n\n  second paragraph\n- next\n")
    names = [(p.style.name, p.text) for p in rendered.document.paragraphs]
    assert names == [
        ("List Bullet", "first"),
        ("List Continue", "second paragraph"),
        ("List Bullet", "next"),
    ]


def test_big_table_is_complete_row_by_row() -> None:
    rows = 300
    lines = ["| Name | Value | Note |", "| :--- | ---: | :---: |"]
    lines += [f"| row {i} | {i * 1.5:.1f} | **n{i}** |" for i in range(rows)]
    rendered = render("\n".join(lines) + "\n")
    (table,) = rendered.document.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert len(cells) == rows + 1
    assert cells[0] == ["Name", "Value", "Note"]
    assert all(cells[i + 1] == [f"row {i}", f"{i * 1.5:.1f}", f"n{i}"] for i in range(rows))
    assert table.rows[120].cells[2].paragraphs[0].runs[0].style.name == "Strong"
    caption = rendered.document.paragraphs[0]
    assert (caption.style.name, caption.text) == ("Table Caption", "Table 1")
    kept = rendered.xpath("word/document.xml", "//w:tr/w:trPr/w:cantSplit")
    assert len(kept) == rows + 1  # a data table's rows never split across pages
    jc = rendered.xpath("word/document.xml", "//w:tr[last()]/w:tc/w:p/w:pPr/w:jc")
    assert [attr(j, "val") for j in jc] == ["right", "center"]


def test_two_adjacent_tables_stay_apart() -> None:
    table = "| a |\n| - |\n| 1 |\n"
    rendered = render(table + "\n" + table.replace("| a |", "| b |", 1))
    body = rendered.xml("word/document.xml")[0]
    tags = [etree.QName(child).localname for child in body]
    assert tags == ["p", "tbl", "p", "tbl", "sectPr"]  # each table under its caption
    captions = [p.text for p in rendered.document.paragraphs]
    assert captions == ["Table 1", "Table 2"]


def test_toc_without_headings_shows_a_placeholder() -> None:
    rendered = render("<!-- toc -->\n\nJust text.\n", "zh", toc=True)
    entries = [p.text for p in rendered.document.paragraphs if p.style.name.startswith("toc")]
    assert entries == ["（打开文档时更新目录）"]


def test_links_to_nowhere_and_to_anchors() -> None:
    rendered = render(
        "[plain]() and [inside](#overview) and [out](https://example.org/a?b=1&c=2)\n"
    )
    links = rendered.xpath("word/document.xml", "//w:hyperlink")
    assert [attr(link, "anchor") for link in links] == ["overview", None]
    assert rendered.document.paragraphs[0].text == "plain and inside and out"
    targets = [rel.target_ref for rel in rendered.document.part.rels.values() if rel.is_external]
    assert targets == ["https://example.org/a?b=1&c=2"]


def test_special_characters_survive() -> None:
    text = 'Tom & Jerry <tags> "quotes" 5 > 3'
    source = text.replace("<", "\\<")  # a backslash: a literal "<", not raw HTML
    rendered = render(f"{source}\n\n| a |\n| - |\n| {source} |\n")
    curly = text.replace('"quotes"', "\u201cquotes\u201d")  # English text gets curly quotes
    assert rendered.document.paragraphs[0].text == curly
    assert rendered.document.tables[0].rows[1].cells[0].text == curly


def test_adjacent_footnote_marks_are_separated() -> None:
    rendered = render("Total 216.[^a][^b]\n\n[^a]: Source A.\n[^b]: Source B.\n")
    runs = rendered.xpath("word/document.xml", "//w:p/w:r[w:rPr/w:rStyle]")
    kinds = [
        "ref"
        if run.xpath("w:footnoteReference", namespaces=run.nsmap)
        else run.xpath("string(w:t)", namespaces=run.nsmap)
        for run in runs
    ]
    assert kinds == ["ref", ",\u2060", "ref"]  # a comma, joined to the next mark
