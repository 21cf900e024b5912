"""The DOCX as LibreOffice lays it out: page, margins, type sizes, line pitch, fonts, tables.

Each document is converted to PDF with ``soffice --headless`` (with the free stand-ins
for the Chinese fonts named in tests/fixtures/docx/fonts.conf) and measured with
poppler: ``pdfinfo`` for the page size, ``pdftotext -bbox-layout`` for where every line
sits, ``pdffonts`` for the fonts used. These tests need LibreOffice and poppler; where
they are missing they skip, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from test_docx_support import FIXTURES, need_tools, render

MM = 72 / 25.4  # points per millimetre
FONTS_CONF = FIXTURES / "fonts.conf"
XHTML = {"x": "http://www.w3.org/1999/xhtml"}


@dataclass(frozen=True)
class Line:
    """One line of text on a page: its text and box (points, origin top left)."""

    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float

    @property
    def squeezed(self) -> str:
        """The text without white space (LibreOffice spaces CJK from digits)."""
        return re.sub(r"\s+", "", self.text)


@dataclass(frozen=True)
class Pdf:
    """A converted document: page size, lines, fonts, text per page."""

    size: tuple[float, float]
    lines: list[Line]
    fonts: list[str]
    pages: list[str]  # the text of each page, without white space

    def find(self, start: str) -> list[Line]:
        """The lines whose text, white space removed, starts with ``start``'s."""
        return [line for line in self.lines if line.squeezed.startswith(start.replace(" ", ""))]


def to_pdf(docx: bytes, name: str) -> Pdf:
    """Convert with LibreOffice and read the result back with poppler."""
    need_tools("soffice", "pdftotext", "pdfinfo", "pdffonts")
    folder = Path(tempfile.mkdtemp(prefix="reportgen-pdf-"))
    source = folder / f"{name}.docx"
    source.write_bytes(docx)
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    profile = (folder / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=240, env=env,
    )  # fmt: skip
    pdf = folder / f"{name}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout).groups())  # type: ignore[union-attr]
    bbox = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(bbox)
    lines = []
    for number, page in enumerate(root.iterfind(".//x:page", XHTML), start=1):
        for line in page.iterfind(".//x:line", XHTML):
            words = [w.text or "" for w in line.iterfind("x:word", XHTML)]
            box = [float(line.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")]
            lines.append(Line(number, " ".join(words), *box))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = [re.sub(r"\s+", "", page) for page in text.stdout.split("\f")]  # CJK autospace
    return Pdf((width, height), lines, fonts.stdout.splitlines()[2:], pages)


PARAGRAPH_ZH = "全区坚持项目为王，重点项目建设提速增效，" * 6 + "全年目标如期完成。"
ROWS = 40


def zh_markdown() -> str:
    rows = "\n".join(
        f"| 指标R{i:02d}首 {'重点项目投资完成情况' * 3}R{i:02d}尾 | 2023年 | {i}.5 | +{i}.4% |"
        for i in range(ROWS)
    )
    return (
        "# 槐荫区经济运行简报\n\n"
        "## 一、经济运行\n\n"
        f"{PARAGRAPH_ZH}\n\n{PARAGRAPH_ZH}\n\n"
        "### （一）工业\n\n"
        f"{PARAGRAPH_ZH}\n\n"
        "#### 1. 医药\n\n"
        f"{PARAGRAPH_ZH}\n\n"
        "## 二、项目建设\n\n"
        "| 指标 | 时期 | 数值 | 同比 |\n| --- | --- | ---: | ---: |\n" + rows + "\n"
    )


@functools.cache
def zh_pdf() -> Pdf:
    return to_pdf(render(zh_markdown(), "zh").data, "layout.zh")


PARAGRAPH_EN = (
    "The district kept its projects moving: investment in key projects rose by a fifth, "
    "and the year's targets were met. "
) * 4


@functools.cache
def en_pdf() -> Pdf:
    markdown = (
        "# Huaiyin District Briefing\n\n## Economy heading one\n\n"
        f"{PARAGRAPH_EN}\n\n### Industry heading two\n\n{PARAGRAPH_EN}\n\n"
        "#### Medicine heading three\n\n"
        f'{PARAGRAPH_EN} The "Nine Actions" programme.\n'
    )
    return to_pdf(render(markdown, "en").data, "layout.en")


def test_zh_page_is_a4_with_gb_t_9704_margins() -> None:
    pdf = zh_pdf()
    assert pdf.size == pytest.approx((595.3, 841.9), abs=0.5)
    body = [line for line in pdf.lines if line.page == 1 and line.squeezed.startswith("全区")]
    assert body
    left = min(line.x_min for line in body)
    right = max(line.x_max for line in body)
    # the first line of a paragraph is indented two characters; the others start at 28 mm
    assert left == pytest.approx(28 * MM, abs=1.5)
    assert right == pytest.approx(pdf.size[0] - 26 * MM, abs=2.5)  # justified to 26 mm
    page_one = [line for line in pdf.lines if line.page == 1]
    top = min(line.y_min for line in page_one)
    assert top >= 37 * MM - 8  # nothing above the text block: no header on the first page
    assert top <= 37 * MM + 8
    text_bottom = pdf.size[1] - 35 * MM
    numbers = [line for line in page_one if line.squeezed == "—1—"]
    assert len(numbers) == 1 and numbers[0].y_min > text_bottom  # "— 1 —" below the block
    assert numbers[0].x_max == pytest.approx(pdf.size[0] - 26 * MM - 14, abs=4)  # right, 1 char in
    assert all(line.y_max <= text_bottom + 2 for line in page_one if line is not numbers[0])


def test_zh_body_is_16_pt_on_a_fixed_28_95_pt_pitch_indented_two_characters() -> None:
    pdf = zh_pdf()
    body = [line for line in pdf.lines if line.page == 1 and "项目" in line.text]
    pitches = [b.y_min - a.y_min for a, b in itertools.pairwise(body)]
    within = [p for p in pitches if p < 40]  # lines of one paragraph, not across paragraphs
    assert len(within) >= 4
    assert all(p == pytest.approx(28.95, abs=0.3) for p in within), within
    first = next(line for line in body if line.squeezed.startswith("全区坚持"))
    assert first.x_min - 28 * MM == pytest.approx(2 * 16, abs=1.5)  # two 16 pt characters
    # the last line of a paragraph is not stretched: 16 pt per CJK character
    last = next(line for line in body if line.squeezed.endswith("全年目标如期完成。"))
    glyphs = len(last.squeezed)
    assert (last.x_max - last.x_min) / glyphs == pytest.approx(16, abs=0.6)


def test_zh_title_and_heading_sizes_and_fonts() -> None:
    pdf = zh_pdf()
    (title,) = pdf.find("槐荫区经济运行简报")
    assert (title.x_max - title.x_min) / len(title.squeezed) == pytest.approx(22, abs=0.6)
    centre = (title.x_min + title.x_max) / 2
    assert centre == pytest.approx((28 * MM + pdf.size[0] - 26 * MM) / 2, abs=2)
    for heading in ("一、经济运行", "（一）工业", "1.医药"):
        (line,) = [line for line in pdf.lines if line.squeezed == heading]
        assert line.x_min - 28 * MM == pytest.approx(32, abs=2), heading  # at the indent
    fonts = "\n".join(pdf.fonts)
    assert re.search(r"NotoSerifCJK\S*-Bold", fonts)  # 方正小标宋简体's stand-in
    assert "NotoSansCJK" in fonts  # 黑体's (Heading 1)
    if "UKai" in subprocess.run(["fc-list"], capture_output=True, text=True).stdout:
        assert "UKai" in fonts  # 楷体's (Heading 2)


def test_no_table_row_is_split_across_pages() -> None:
    pdf = zh_pdf()
    assert len(pdf.pages) >= 3  # the table runs over a page break
    for i in range(ROWS):
        starts = [n for n, text in enumerate(pdf.pages) if f"R{i:02d}首" in text]
        ends = [n for n, text in enumerate(pdf.pages) if f"R{i:02d}尾" in text]
        assert starts and starts == ends, f"row {i} is split: pages {starts} and {ends}"
    repeated = [n for n, text in enumerate(pdf.pages) if "指标" in text and "同比" in text]
    assert len(repeated) >= 2  # the header row repeats on the next page
    assert "表1" in pdf.pages[repeated[0]].replace(" ", "")


def test_en_page_sizes_and_graded_headings() -> None:
    pdf = en_pdf()
    assert pdf.size == pytest.approx((595.3, 841.9), abs=0.5)  # A4 by default
    heights = {
        name: max(line.y_max - line.y_min for line in pdf.find(start))
        for name, start in (
            ("title", "Huaiyin"), ("h1", "Economy"), ("h2", "Industry"),
            ("h3", "Medicine"), ("body", "The district kept"),
        )
    }  # fmt: skip
    assert heights["title"] > heights["h1"] > heights["h2"] > heights["h3"] > heights["body"]
    body = pdf.find("The district kept")[0]
    assert body.x_min == pytest.approx(1800 / 20, abs=1.5)  # 3.17 cm left margin
    text = "".join(pdf.pages)
    assert "\u201cNineActions\u201d" in text and '"Nine' not in text  # curly quotes
