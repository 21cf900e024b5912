"""Fonts and sizes in the styles: East Asian fonts, theme fonts, language tags, the zh body."""

from __future__ import annotations

import pytest
from test_docx_support import attr, fixture, fixture_markdown, render

from reportgen.writers.docx import DocxFonts

W_STYLE = "//w:style[w:name/@w:val='{}']"
STYLES = "word/styles.xml"


def fonts_of(found: list, name: str) -> dict[str, str | None]:  # type: ignore[type-arg]
    (fonts,) = found
    keys = ("ascii", "hAnsi", "eastAsia", "cs", "asciiTheme", "eastAsiaTheme")
    return {key: attr(fonts, key) for key in keys}


@pytest.mark.parametrize(
    ("lang", "body", "headings"),
    [
        ("zh", ("Times New Roman", "仿宋_GB2312"), ["黑体", "楷体_GB2312", "仿宋_GB2312"]),
        ("en", ("Calibri", "SimSun"), ["SimHei", "SimHei", "SimHei"]),
    ],
)
def test_fonts_on_defaults_normal_and_headings(
    lang: str, body: tuple[str, str], headings: list[str]
) -> None:
    rendered = fixture(lang)
    defaults = rendered.xpath(STYLES, "//w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")
    normal = rendered.xpath(STYLES, W_STYLE.format("Normal") + "/w:rPr/w:rFonts")
    for found in (defaults, normal):
        fonts = fonts_of(found, "body")
        assert (fonts["ascii"], fonts["eastAsia"]) == body
        assert fonts["hAnsi"] == fonts["cs"] == body[0]
        # theme fonts for Word (the theme part names the same fonts)
        assert (fonts["asciiTheme"], fonts["eastAsiaTheme"]) == ("minorHAnsi", "minorEastAsia")
    theme = rendered.xml("word/theme/theme1.xml")
    minor = theme.xpath("//a:minorFont/a:ea/@typeface", namespaces=theme.nsmap)
    assert minor == [body[1]]
    found = [
        fonts_of(rendered.xpath(STYLES, W_STYLE.format(f"heading {n}") + "/w:rPr/w:rFonts"), "")
        for n in (1, 2, 3)
    ]
    assert [f["eastAsia"] for f in found] == headings


def test_zh_title_heading_sizes_and_weights() -> None:
    rendered = fixture("zh")

    def props(name: str) -> tuple[str | None, ...]:
        (rpr,) = rendered.xpath(STYLES, W_STYLE.format(name) + "/w:rPr")
        size = rpr.xpath("string(w:sz/@w:val)", namespaces=rpr.nsmap)
        bold = rpr.xpath("string(w:b/@w:val)", namespaces=rpr.nsmap)
        font = rpr.xpath("string(w:rFonts/@w:eastAsia)", namespaces=rpr.nsmap)
        has_b = bool(rpr.xpath("w:b", namespaces=rpr.nsmap))
        return font, size, "bold" if has_b and bold != "0" else "regular"

    assert props("Title") == ("方正小标宋简体", "44", "regular")  # 二号
    assert props("heading 1") == ("黑体", "32", "regular")  # 三号
    assert props("heading 2") == ("楷体_GB2312", "32", "regular")
    assert props("heading 3") == ("仿宋_GB2312", "32", "bold")
    assert rendered.xpath(STYLES, W_STYLE.format("Normal") + "/w:rPr/w:sz/@w:val") == ["32"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_language_tags(lang: str) -> None:
    rendered = fixture(lang)
    langs = rendered.xpath(STYLES, "//w:lang")
    assert langs, "no w:lang in styles.xml"
    assert {(attr(x, "val"), attr(x, "eastAsia")) for x in langs} == {("en-US", "zh-CN")}
    (defaults,) = rendered.xpath(STYLES, "//w:docDefaults//w:lang")
    assert attr(defaults, "eastAsia") == "zh-CN" and attr(defaults, "val") == "en-US"


def test_zh_body_text_is_indented_two_characters_justified_on_a_fixed_pitch() -> None:
    rendered = fixture("zh")
    (ind,) = rendered.xpath(STYLES, W_STYLE.format("Body Text") + "/w:pPr/w:ind")
    assert attr(ind, "firstLineChars") == "200"
    assert attr(ind, "firstLine") == "640"  # 2 x 16 pt, for readers without *Chars
    assert rendered.xpath(STYLES, W_STYLE.format("Body Text") + "/w:pPr/w:jc/@w:val") == ["both"]
    (spacing,) = rendered.xpath(STYLES, W_STYLE.format("Normal") + "/w:pPr/w:spacing")
    assert (attr(spacing, "line"), attr(spacing, "lineRule")) == ("579", "exact")  # 28.95 pt


def test_font_table_names_alternatives_and_the_gb2312_charset() -> None:
    table = fixture("zh").xml("word/fontTable.xml")
    ns = table.nsmap
    fonts = {
        font.get(f"{{{ns['w']}}}name"): (
            font.xpath("string(w:altName/@w:val)", namespaces=ns),
            font.xpath("string(w:charset/@w:val)", namespaces=ns),
        )
        for font in table.xpath("//w:font", namespaces=ns)
    }
    assert fonts["宋体"] == ("SimSun", "86")
    assert fonts["黑体"] == ("SimHei", "86")
    assert fonts["仿宋_GB2312"] == ("仿宋", "86")
    assert fonts["仿宋"] == ("FangSong", "86")
    assert fonts["楷体_GB2312"] == ("楷体", "86")
    assert fonts["楷体"] == ("KaiTi", "86")
    assert fonts["方正小标宋简体"] == ("黑体", "86")
    assert fonts["Times New Roman"][1] == "00"
    # every East Asian font a style names is in the table
    named = set(fixture("zh").xpath(STYLES, "//w:rFonts/@w:eastAsia"))
    assert named <= set(fonts)


def test_emphasis_and_strong_are_kai_and_hei_never_synthetic_in_zh() -> None:
    rendered = render("正文*强调*和**要点**。\n", "zh")
    runs = rendered.document.paragraphs[0].runs
    named = [(r.text, r.style.name) for r in runs if r.style.name != "Default Paragraph Font"]
    assert named == [("强调", "Emphasis"), ("要点", "Strong")]
    styles = rendered.xml(STYLES)
    ns = styles.nsmap

    def char_style(name: str) -> tuple[str, str, str]:
        (style,) = styles.xpath(f"//w:style[w:name/@w:val='{name}']/w:rPr", namespaces=ns)
        return (
            style.xpath("string(w:rFonts/@w:eastAsia)", namespaces=ns),
            style.xpath("string(w:i/@w:val)", namespaces=ns),
            style.xpath("string(w:b/@w:val)", namespaces=ns),
        )

    assert char_style("Emphasis") == ("楷体_GB2312", "0", "")
    assert char_style("Strong") == ("黑体", "", "0")
    direct = rendered.xpath("word/document.xml", "//w:r/w:rPr/w:i/@w:val")
    assert set(direct) <= {"0"}  # italic is only ever switched off
    assert "w:b/>" not in rendered.xml("word/document.xml").xpath("string()")


def test_chinese_inside_english_emphasis_is_upright_in_a_kai_font() -> None:
    rendered = render("the *Qilu Gateway (齐鲁门户)* slogan\n", "en")
    runs = [r for r in rendered.document.paragraphs[0].runs if r.style.name == "Emphasis"]
    assert [r.text for r in runs] == ["Qilu Gateway (", "齐鲁门户", ")"]
    upright = runs[1].element.rPr
    assert upright.xpath("string(w:i/@w:val)") == "0"
    assert upright.xpath("string(w:rFonts/@w:eastAsia)") == "KaiTi"
    assert runs[0].element.rPr.xpath("w:i") == []  # italic comes from the style


def test_explicit_fonts_replace_the_defaults() -> None:
    fonts = DocxFonts("Georgia", "KaiTi", "Verdana", "FangSong")
    rendered = render(fixture_markdown("zh"), "zh", fonts=fonts)
    (defaults,) = rendered.xpath(STYLES, "//w:docDefaults//w:rFonts")
    assert (attr(defaults, "ascii"), attr(defaults, "eastAsia")) == ("Georgia", "KaiTi")
    (heading,) = rendered.xpath(STYLES, W_STYLE.format("heading 1") + "/w:rPr/w:rFonts")
    assert (attr(heading, "ascii"), attr(heading, "eastAsia")) == ("Verdana", "FangSong")


def test_for_lang_accepts_region_tags() -> None:
    assert DocxFonts.for_lang("zh-CN") == DocxFonts.for_lang("zh")
    assert DocxFonts.for_lang("en-US").body_latin == "Calibri"
