"""The fixture briefings read back with python-docx and as XML: styles, text, furniture."""

from __future__ import annotations

import pytest
from docx.shared import Emu
from test_docx_support import CREATED, PNG_SIZE, TITLES, attr, fixture

LANGS = ["en", "zh"]


def styled(lang: str, style: str) -> list[str]:
    """The texts of the body paragraphs in ``style``."""
    return [p.text for p in fixture(lang).document.paragraphs if p.style.name == style]


def test_title_subtitle_and_headings_map_to_named_styles() -> None:
    assert styled("en", "Title") == ["Huaiyin District Briefing"]
    assert styled("en", "Subtitle") == [
        "Jinan, Shandong Province",
        "Compiled from five news articles, January 2023 to January 2024",
    ]
    assert styled("en", "Heading 1") == ["Overview", "Economy", "Medical city"]
    assert styled("en", "Heading 2") == ["Headline figures", "Key projects"]
    assert styled("zh", "Title") == ["槐荫区发展简报"]
    assert styled("zh", "Heading 1") == ["概况", "经济运行", "医养之都"]


def test_body_paragraphs_are_body_text_with_inline_formatting() -> None:
    paragraphs = fixture("en").document.paragraphs
    body = [p for p in paragraphs if p.style.name == "Body Text" and p.text]
    first = body[0]
    assert first.text.startswith("Huaiyin District is one of Jinan’s central urban districts")
    bold = [r.text for r in first.runs if r.style.name == "Strong"]
    italic = [r.text for r in first.runs if r.style.name == "Emphasis"]
    assert bold == ["388 high-speed trains"]
    assert italic == ["343 cities"]
    # soft line break → a space in English, nothing between Chinese characters
    assert "year on year.\u2060 Fixed-asset investment" in body[1].text  # a joiner before the mark
    assert "同比增长6.4%。\u2060固定资产投资" in [t for t in styled("zh", "Body Text") if t][1]


def test_hard_break_and_hyperlink() -> None:
    rendered = fixture("en")
    (para,) = rendered.xpath("word/document.xml", "//w:p[w:hyperlink]")
    assert para.xpath("count(.//w:br)", namespaces={"w": para.nsmap["w"]}) == 1
    link = rendered.xpath("word/document.xml", "//w:hyperlink")[0]
    rel_id = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    assert rendered.document.part.rels[rel_id].target_ref == "https://www.example.org/jimc"
    run_style = link.xpath("string(.//w:rStyle/@w:val)", namespaces={"w": link.nsmap["w"]})
    assert run_style == "Hyperlink"


def test_lists_are_nested_with_real_numbering() -> None:
    assert styled("en", "List Bullet")[0].startswith("2 provincial key projects")
    assert styled("en", "List Bullet 2") == [
        "all 92 continuing projects are under construction;",
        "63 new projects were planned, with a total investment of RMB 22.276 billion.",
    ]
    assert len(styled("en", "List Number")) == 3
    assert len(styled("en", "List Number 2")) == 2
    rendered = fixture("en")
    levels = rendered.xpath("word/document.xml", "//w:numPr/w:ilvl/@w:val")
    assert sorted(set(levels)) == ["0", "1"]  # type: ignore[type-var]
    # each ordered list restarts: its own list instance with a start override
    starts = rendered.xpath("word/numbering.xml", "//w:num/w:lvlOverride/w:startOverride/@w:val")
    assert starts == ["1", "1"]
    formats = rendered.xpath(
        "word/numbering.xml", "//w:abstractNum/w:lvl[@w:ilvl='0']/w:numFmt/@w:val"
    )
    assert set(formats) == {"bullet", "decimal", "chineseCounting"}  # lists, headings


def test_blockquote_is_quote() -> None:
    assert [text.replace("\u2060", "") for text in styled("en", "Quote")] == [
        "The Medical Center must complete its annual investment target of RMB 12 billion."
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_table_cells_alignment_and_repeated_header(lang: str) -> None:
    rendered = fixture(lang)
    (table,) = rendered.document.tables
    assert table.style.name == "Table"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert len(rows) == 6 and len(rows[0]) == 5
    if lang == "en":
        assert rows[0] == ["Indicator", "Period", "Value", "Change (%)", "City rank"]
        assert rows[5] == [
            "Auto sales of 179 large dealers (RMB billion)",
            "2023 H1",
            "16.672",
            "13.31",
            "—",
        ]
    else:
        assert rows[1] == ["地区生产总值（亿元）", "2023年上半年", "365.5", "6.4", "—"]
    trs = rendered.xpath("word/document.xml", "//w:tbl/w:tr")
    assert [bool(tr.xpath("w:trPr/w:tblHeader", namespaces=tr.nsmap)) for tr in trs] == [True] + [
        False
    ] * 5
    aligns = [
        str(tc.xpath("string(w:p/w:pPr/w:jc/@w:val)", namespaces=tc.nsmap))
        for tc in trs[1].xpath("w:tc", namespaces=trs[1].nsmap)
    ]
    assert aligns == ["", "center", "right", "right", "right"]


@pytest.mark.parametrize("lang", LANGS)
def test_picture_at_text_width_with_caption(lang: str) -> None:
    rendered = fixture(lang)
    section = rendered.document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    (extent,) = rendered.xpath("word/document.xml", "//wp:inline/wp:extent")
    assert int(extent.get("cx")) == width
    assert int(extent.get("cy")) == width * PNG_SIZE[1] // PNG_SIZE[0]
    (doc_pr,) = rendered.xpath("word/document.xml", "//wp:inline/wp:docPr")
    assert doc_pr.get("descr") == ("Auto sales by quarter" if lang == "en" else "汽车销售额")
    captions = styled(lang, "Caption")
    expected = (
        "Figure 1. Auto sales of large dealers, 2023 H1"
        if lang == "en"
        else "图1　2023年上半年限上汽车销售企业销售额"
    )
    assert captions == [expected]
    assert "word/media/image1.png" in rendered.names()
    assert Emu(width).mm > 100


@pytest.mark.parametrize("lang", LANGS)
def test_footnotes_are_real_word_footnotes(lang: str) -> None:
    rendered = fixture(lang)
    notes = rendered.xpath("word/footnotes.xml", "//w:footnote")
    types = [attr(n, "type") for n in notes]
    assert types[:2] == ["separator", "continuationSeparator"]
    texts = ["".join(n.xpath(".//w:t/text()", namespaces=n.nsmap)).strip() for n in notes[2:]]
    # [^1] is referenced three times (one note each), [^2] and [^3] once
    assert len(texts) == 5
    source = "Wang Beiyi" if lang == "en" else "王贝艺"
    assert sum(source in text for text in texts) == 3
    assert any(("work plan" if lang == "en" else "工作部署") in text for text in texts)
    refs = rendered.xpath("word/document.xml", "//w:r[w:footnoteReference]")
    assert len(refs) == 5
    assert {r.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=r.nsmap) for r in refs} == {
        "FootnoteReference"
    }
    styles = {n.xpath("string(w:p/w:pPr/w:pStyle/@w:val)", namespaces=n.nsmap) for n in notes[2:]}
    assert styles == {"FootnoteText"}
    # the footnote definitions are not printed as body text
    assert not [
        p for p in rendered.document.paragraphs if "Wang Beiyi" in p.text or "王贝艺" in p.text
    ]
    assert rendered.xpath("word/settings.xml", "//w:footnotePr/w:footnote/@w:id") == ["-1", "0"]


@pytest.mark.parametrize("lang", LANGS)
def test_toc_field_and_page_break(lang: str) -> None:
    assert styled(lang, "TOC Heading") == []  # off by default
    rendered = fixture(lang, toc=True)
    headings = [p for p in rendered.document.paragraphs if p.style.name == "TOC Heading"]
    assert [p.text for p in headings] == ["目录" if lang == "zh" else "Contents"]
    (instr, *fields) = rendered.xpath("word/document.xml", "//w:instrText")
    assert instr.text == ' TOC \\o "1-3" \\h \\z \\u '
    begin = rendered.xpath("word/document.xml", "//w:fldChar[@w:fldCharType='begin']")
    assert [attr(b, "dirty") for b in begin] == ["true"] + [None] * len(fields)
    pagerefs = [f for f in fields if "PAGEREF" in f.text]
    # each entry links to its heading's bookmark, and asks for its page
    anchors = rendered.xpath("word/document.xml", "//w:hyperlink/@w:anchor")
    marks = rendered.xpath("word/document.xml", "//w:bookmarkStart/@w:name")
    assert anchors[: len(marks)] == marks and len(marks) == 5
    assert [p.text.split()[1] for p in pagerefs] == marks
    entries = [
        p.text.strip() for p in rendered.document.paragraphs if p.style.name.startswith("toc ")
    ]
    assert entries == (
        ["Overview", "Economy", "Headline figures", "Key projects", "Medical city"]
        if lang == "en"
        else ["概况", "经济运行", "主要指标", "重点项目", "医养之都"]
    )
    # <!-- pagebreak --> before a heading: the heading starts the page, no empty paragraph
    assert rendered.xpath("word/document.xml", "//w:br[@w:type='page']") == []
    (broken,) = rendered.xpath("word/document.xml", "//w:p[w:pPr/w:pageBreakBefore]")
    assert "".join(broken.itertext()) == ("Overview" if lang == "en" else "概况")


@pytest.mark.parametrize("lang", LANGS)
def test_header_footer_and_settings(lang: str) -> None:
    rendered = fixture(lang)
    section = rendered.document.sections[0]
    assert section.header.paragraphs[0].text == (
        "槐荫区 · 发展简报" if lang == "zh" else "Huaiyin District · Briefing"
    )
    assert section.header.paragraphs[0].style.name == "Header"
    (footer,) = section.footer.paragraphs
    assert footer.style.name == "Footer"
    assert footer.style.paragraph_format.alignment == 1  # centred by the style
    footer_part = next(n for n in rendered.names() if n.startswith("word/footer"))
    assert [t.text for t in rendered.xpath(footer_part, "//w:instrText")] == [" PAGE "]
    assert rendered.xpath("word/settings.xml", "//w:updateFields/@w:val") == ["true"]
    (theme_lang,) = rendered.xpath("word/settings.xml", "//w:themeFontLang")
    assert (attr(theme_lang, "val"), attr(theme_lang, "eastAsia")) == ("en-US", "zh-CN")


@pytest.mark.parametrize("lang", LANGS)
def test_core_properties(lang: str) -> None:
    props = fixture(lang).document.core_properties
    assert props.title == TITLES[lang]
    assert props.language == ("zh-CN" if lang == "zh" else "en-US")
    assert props.author == props.last_modified_by == "reportgen"
    assert props.created == props.modified == CREATED
    assert props.revision == 1
    assert props.keywords == ("槐荫区; 济南" if lang == "zh" else "Huaiyin; Jinan")
    assert props.subject and not props.comments and not props.category
