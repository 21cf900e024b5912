"""The genre of each language's DOCX: section numbers, page furniture, masthead, notes, CLI."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from test_docx_support import attr, base_dir, meta, render

from reportgen.cli import main
from reportgen.errors import OptionError
from reportgen.writers.docx import render_docx
from reportgen.writers.docx_reference import reference_path

NUMBERED = """\
# 简报

## 一、经济运行

### （一）工业

#### 1. 医药

#### 2. 半导体

### （二）投资

## 二、项目建设

### 重点项目

## 四、展望
"""


def heading_numbers(markdown: str) -> list[tuple[str, str | None, str | None]]:
    """(text, numId, ilvl) of every Heading 1–3 paragraph."""
    rendered = render(markdown, "zh")
    out = []
    for p in rendered.document.paragraphs:
        if p.style.name.startswith("Heading"):
            ppr = p._p.pPr
            num = ppr.numPr if ppr is not None else None
            out.append((
                p.text,
                None if num is None else num.numId.val,
                None if num is None else num.ilvl.val,
            ))  # fmt: skip
    return out


def test_section_numbers_become_word_numbering_and_the_prefix_goes() -> None:
    found = heading_numbers(NUMBERED)
    texts = [text for text, _, _ in found]
    assert texts == ["经济运行", "工业", "医药", "半导体", "投资", "项目建设", "重点项目", "展望"]
    levels = [ilvl for _, _, ilvl in found]
    assert levels == [0, 1, 2, 2, 1, 0, None, 0]  # 重点项目 has no prefix: unnumbered
    # 四、 after 二、 (a section left out): a new list instance that starts at 4
    rendered = render(NUMBERED, "zh")
    overrides = rendered.xpath(
        "word/numbering.xml",
        "//w:num[w:lvlOverride]/w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val",
    )
    assert overrides == ["1", "4"]
    formats = rendered.xpath(
        "word/numbering.xml",
        "//w:abstractNum[w:name/@w:val='reportgen headings']/w:lvl/w:lvlText/@w:val",
    )
    assert formats[:3] == ["%1、", "（%2）", "%3."]


def test_english_headings_keep_their_text() -> None:
    rendered = render("# T\n\n## 1. Economy\n\nText.\n", "en")
    (heading,) = [p for p in rendered.document.paragraphs if p.style.name == "Heading 1"]
    assert heading.text == "1. Economy" and heading._p.pPr.numPr is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_first_page_has_no_header_and_numbers_sit_outside(lang: str) -> None:
    rendered = render("# T\n\nText.\n", lang)
    document = rendered.document
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    assert section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]
    if lang == "zh":
        assert document.settings.odd_and_even_pages_header_footer
        assert footer.text == "— 1 —" and footer.alignment == 2  # right
        assert section.even_page_footer.paragraphs[0].alignment == 0  # left
        assert footer.style.font.size.pt == 14  # 四号
    else:
        assert not document.settings.odd_and_even_pages_header_footer
        assert footer.text == "1"
    instr = rendered.xpath("word/footer1.xml", "//w:instrText/text()")
    assert [i.strip() for i in instr] == ["PAGE"]


def test_masthead_and_closing_block_from_metadata() -> None:
    info = {
        "briefing": "槐荫区经济运行简报", "issue": "3", "office": "槐荫区发展和改革局",
        "date": "2024年1月15日", "to": "区委、区政府", "cc": "各街道办事处",
        "printed_by": "槐荫区发展和改革局", "printed_on": "2024年1月15日",
    }  # fmt: skip
    with_info = dataclasses.replace(meta("zh"), info=info)
    data = render_docx("# 简报\n\n正文。\n", with_info, base_dir=base_dir())
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[:4] == [
        ("Masthead", "槐荫区经济运行简报"),
        ("Masthead Info", "第3期"),
        ("Masthead Rule", "槐荫区发展和改革局\t2024年1月15日"),
        ("Title", "简报"),
    ]
    assert styled[-3:] == [
        ("Distribution", "报送：区委、区政府"),
        ("Distribution", "抄送：各街道办事处"),
        ("Distribution", "槐荫区发展和改革局\t2024年1月15日印发"),
    ]
    plain = render("# 简报\n\n正文。\n", "zh").document.paragraphs
    assert [p.style.name for p in plain] == ["Title", "Subtitle"]  # off by default


def test_unknown_metadata_is_refused() -> None:
    bad = dataclasses.replace(meta("zh"), info={"colour": "red"})
    with pytest.raises(OptionError, match="unknown --meta key 'colour'"):
        render_docx("# T\n", bad, base_dir=base_dir())


def test_a_mark_followed_by_a_digit_is_kept_apart() -> None:
    rendered = render("增长6.4%。[^1]2023年投资增长。\n\n[^1]: 来源1。\n", "zh")
    texts = rendered.xpath("word/document.xml", "//w:body//w:t/text()")
    joined = "".join(texts)
    assert "。\u2060" in joined  # the mark is joined to the text before it
    assert "\u202f2023年" in joined  # and spaced from the number after it


def test_layout_tables_may_split_rows_and_get_no_caption() -> None:
    long = "很长的段落。" * 400
    rendered = render(f"| 中文 | English |\n| --- | --- |\n| {long} | text |\n", "zh")
    assert rendered.xpath("word/document.xml", "//w:cantSplit") == []
    assert rendered.document.paragraphs == []


def test_user_reference_keeps_its_page_size(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    document = docx.Document(str(reference_path("en")))
    section = document.sections[0]
    section.page_width, section.page_height = docx.shared.Inches(8.5), docx.shared.Inches(11)
    document.save(str(target))
    rendered = render("# T\n\nText.\n", "en", reference_doc=target)
    (size,) = rendered.xpath("word/document.xml", "//w:sectPr/w:pgSz")
    assert (attr(size, "w"), attr(size, "h")) == ("12240", "15840")  # Letter, as it says


def test_cli_reference_doc_export(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "house.docx"
    result = runner.invoke(main, ["reference-doc", "export", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == reference_path("zh").read_bytes()
    result = runner.invoke(main, ["reference-doc", "export", str(target), "--lang", "en"])
    assert target.read_bytes() == reference_path("en").read_bytes()
    result = runner.invoke(main, ["reference-doc", "export", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.output


def test_cli_meta_needs_key_value(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(
        main, ["build", "--format", "docx", "--meta", "issue", "--out", str(out)]
    )
    assert result.exit_code == 2 and "--meta issue: write KEY=VALUE" in result.output
    result = runner.invoke(main, ["build", "--format", "docx", "--meta", "x=1", "--out", str(out)])
    assert result.exit_code == 2 and "unknown --meta key 'x'" in result.output
    assert not out.exists()


def test_a_user_reference_that_bullets_its_list_styles_keeps_its_bullets(tmp_path: Path) -> None:
    target = tmp_path / "word.docx"
    docx.Document().save(str(target))  # Word's List Bullet styles carry their own list
    rendered = render("- one\n- two\n\n1. first\n", "en", reference_doc=target)
    paragraphs = rendered.document.paragraphs
    bullets = [p for p in paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in bullets] == ["one", "two"]
    assert all(p._p.pPr.numPr is None for p in bullets)  # the style's list, not ours
    (number,) = [p for p in paragraphs if p.style.name == "List Number"]
    assert number._p.pPr.numPr is not None  # ordered lists restart: numbered directly


def test_footnote_numbering_does_not_restart_per_section(tmp_path: Path) -> None:
    target = tmp_path / "restart.docx"
    document = docx.Document(str(reference_path("en")))
    sect_pr = document.sections[0]._sectPr
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnote_pr = sect_pr.makeelement(f"{{{w}}}footnotePr", {})
    restart = footnote_pr.makeelement(f"{{{w}}}numRestart", {f"{{{w}}}val": "eachSect"})
    footnote_pr.append(restart)
    sect_pr.insert(0, footnote_pr)
    document.save(str(target))
    rendered = render("Text.[^1]\n\n[^1]: Note.\n", "en", reference_doc=target)
    assert rendered.xpath("word/document.xml", "//w:numRestart") == []
    assert rendered.xpath("word/settings.xml", "//w:numRestart") == []


def test_a_meta_block_in_the_data_turns_the_masthead_on(tmp_path: Path) -> None:
    from conftest import MINIMAL

    data = tmp_path / "facts.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    data.write_text(text + '\nmeta:\n  briefing: 星湖区经济运行简报\n  issue: "3"\n', "utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["build", str(data), "--lang", "zh", "--format", "docx", "--out", str(out)]
    result = runner.invoke(main, [*args, "--meta", "office=星湖区发展和改革局"])
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.docx")
    paragraphs = docx.Document(str(written)).paragraphs
    assert [(p.style.name, p.text) for p in paragraphs[:3]] == [
        ("Masthead", "星湖区经济运行简报"),
        ("Masthead Info", "第3期"),
        ("Masthead Rule", "星湖区发展和改革局\t"),
    ]
    data.write_text(text + "\nmeta:\n  colour: red\n", "utf-8")
    result = runner.invoke(main, [*args, "--out", str(tmp_path / "bad")])
    assert result.exit_code == 2
    lines = len(text.splitlines())
    assert f"facts.yaml:{lines + 3}:11: meta colour: is not a known field" in result.output
