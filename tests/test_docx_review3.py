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


@cache
def markdown(lang: str) -> str:
    from reportgen.resources import default_facts_path

    return reportgen.build(reportgen.load_facts(default_facts_path()), lang=lang).markdown


def period_cells(lang: str) -> list[str]:
    """The period column of every table that has one (Markdown pipe tables)."""
    header = "时期" if lang == "zh" else "Period"
    found: list[str] = []
    column = None
    for line in markdown(lang).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if "|" in line else []
        if not cells:
            column = None
        elif header in cells:
            column = cells.index(header)
        elif column is not None and not set(cells[0]) <= set("-: ") and column < len(cells):
            found.append(cells[column])
    return found


@pytest.mark.parametrize(
    ("lang", "year_end", "as_of_december"),
    [("zh", "2023年末", "截至2023年12月"), ("en", "end-2023", "as of Dec 2023")],
)
def test_annex_period_cells_say_year_end_as_the_prose_does(
    lang: str, year_end: str, as_of_december: str
) -> None:
    """Review 3, D4: a stock as of December is the year's end in the annex as in the
    prose ("2023年末" / "end-2023"), not "截至2023年12月" / "as of Dec 2023", which set on
    three lines in a narrow period column; a planned figure keeps its status."""
    cells = period_cells(lang)
    assert cells.count(year_end) >= 5
    assert as_of_december not in cells
    assert any(c.startswith("截至2023年5月" if lang == "zh" else "as of May 2023") for c in cells)
