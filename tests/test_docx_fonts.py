"""Chinese typography in the styles: East Asian fonts, language tags, first-line indent."""

from __future__ import annotations

import pytest
from test_docx_support import attr, fixture, fixture_markdown, render

from reportgen.writers.docx import DocxFonts

W_STYLE = "//w:style[w:name/@w:val='{}']"


def fonts_of(rendered_xml: list, name: str) -> dict[str, str | None]:  # type: ignore[type-arg]
    (fonts,) = rendered_xml
    return {key: attr(fonts, key) for key in ("ascii", "hAnsi", "eastAsia", "cs", "asciiTheme")}


@pytest.mark.parametrize(
    ("lang", "body", "heading"),
    [
        ("zh", ("Times New Roman", "SimSun"), ("Arial", "SimHei")),
        ("en", ("Calibri", "SimSun"), ("Cambria", "SimHei")),
    ],
)
def test_east_asian_fonts_on_defaults_normal_and_headings(
    lang: str, body: tuple[str, str], heading: tuple[str, str]
) -> None:
    rendered = fixture(lang)
    where = "word/styles.xml"
    defaults = rendered.xpath(where, "//w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")
    normal = rendered.xpath(where, W_STYLE.format("Normal") + "/w:rPr/w:rFonts")
    for found in (defaults, normal):
        fonts = fonts_of(found, "body")
        assert (fonts["ascii"], fonts["eastAsia"]) == body
        assert fonts["hAnsi"] == fonts["cs"] == body[0]
        assert fonts["asciiTheme"] is None
    for name in ("Title", "heading 1", "heading 2", "heading 3"):
        fonts = fonts_of(rendered.xpath(where, W_STYLE.format(name) + "/w:rPr/w:rFonts"), name)
        assert (fonts["ascii"], fonts["eastAsia"]) == heading, name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_language_tags(lang: str) -> None:
    rendered = fixture(lang)
    langs = rendered.xpath("word/styles.xml", "//w:lang")
    assert langs, "no w:lang in styles.xml"
    assert {(attr(x, "val"), attr(x, "eastAsia")) for x in langs} == {("en-US", "zh-CN")}
    (defaults,) = rendered.xpath("word/styles.xml", "//w:docDefaults//w:lang")
    assert attr(defaults, "eastAsia") == "zh-CN" and attr(defaults, "val") == "en-US"


def test_zh_body_is_indented_two_characters_and_justified() -> None:
    styles = "word/styles.xml"
    (ind,) = fixture("zh").xpath(styles, W_STYLE.format("Normal") + "/w:pPr/w:ind")
    assert attr(ind, "firstLineChars") == "200"
    assert attr(ind, "firstLine") == "480"  # 2 x 12 pt, for readers without *Chars
    assert fixture("zh").xpath(styles, W_STYLE.format("Normal") + "/w:pPr/w:jc/@w:val") == ["both"]
    assert fixture("zh").xpath(styles, "//w:docDefaults//w:sz/@w:val") == ["24"]
    # only Normal carries the indent: headings, lists, cells and captions are not based on it
    assert fixture("zh").xpath(styles, "//w:style[w:basedOn]") == []
    assert fixture("en").xpath(styles, "//w:ind[@w:firstLineChars]") == []


def test_explicit_fonts_replace_the_defaults() -> None:
    fonts = DocxFonts("Georgia", "FangSong", "Helvetica", "KaiTi")
    rendered = render(fixture_markdown("zh"), "zh", fonts=fonts)
    where = "word/styles.xml"
    normal = fonts_of(rendered.xpath(where, W_STYLE.format("Normal") + "/w:rPr/w:rFonts"), "")
    assert (normal["ascii"], normal["eastAsia"]) == ("Georgia", "FangSong")
    title = fonts_of(rendered.xpath(where, W_STYLE.format("Title") + "/w:rPr/w:rFonts"), "")
    assert (title["ascii"], title["eastAsia"]) == ("Helvetica", "KaiTi")


def test_for_lang_accepts_region_tags() -> None:
    assert DocxFonts.for_lang("zh-CN") == DocxFonts.for_lang("zh")
    assert DocxFonts.for_lang("en-US").body_latin == "Calibri"
