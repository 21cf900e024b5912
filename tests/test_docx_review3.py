"""Review 3 (D2–D4) on the default Huaiyin DOCX, read back as XML: paragraphs that keep
with the next one, widow control, footnote marks bound to the text before them, annex
period cells and their column's width."""

from __future__ import annotations

import re
import zipfile
from functools import cache
from io import BytesIO

import pytest

import reportgen

LANGS = ["en", "zh"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def part(lang: str, name: str) -> str:
    from reportgen.resources import default_facts_path

    report = reportgen.build(reportgen.load_facts(default_facts_path()), lang=lang)
    return zipfile.ZipFile(BytesIO(report.docx_bytes())).read(name).decode("utf-8")


def paragraphs(lang: str) -> list[str]:
    return re.findall(r"<w:p[ >].*?</w:p>", part(lang, "word/document.xml"), re.S)


def style_of(paragraph: str) -> str:
    found = re.search(r'<w:pStyle w:val="([^"]+)"', paragraph)
    return found.group(1) if found else "Normal"


@pytest.mark.parametrize("lang", LANGS)
def test_only_headings_figures_and_captions_keep_with_the_next_paragraph(lang: str) -> None:
    """Review 3, D2: a heading and its twelve-line first paragraph moved to the next page
    together, leaving a quarter page blank; body paragraphs split across pages (no
    keepLines, no keepNext) and every paragraph has widow and orphan control."""
    body = [p for p in paragraphs(lang) if style_of(p) in ("BodyText", "FirstParagraph")]
    assert len(body) > 10
    assert not [p for p in body if "<w:keepLines" in p or "<w:keepNext" in p]
    styles = part(lang, "word/styles.xml")
    defaults = re.search(r"<w:pPrDefault>.*?</w:pPrDefault>", styles, re.S)
    assert defaults is not None and "<w:widowControl/>" in defaults.group(0)
    for sid in ("BodyText", "Normal"):
        style = re.search(rf'<w:style [^>]*w:styleId="{sid}".*?</w:style>', styles, re.S)
        assert style is not None
        assert not re.search(r"<w:keep(Lines|Next)|<w:widowControl w:val=\"(0|false)\"",
                             style.group(0))  # fmt: skip
    heading = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S)
    assert heading is not None and "<w:keepNext/>" in heading.group(0)
