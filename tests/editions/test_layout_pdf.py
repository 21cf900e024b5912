"""The bilingual DOCX as LibreOffice lays it out: each pair starts level on one page.

The ``zh+en`` edition (no charts) is converted with ``soffice --headless`` and read with
``pdftotext -bbox-layout``. For every paragraph and key point of the plan, the first
line of the Chinese text (left column) and the first line of the English text (right
column) must be on the same page at the same height (a row's cells start together).
Skips where LibreOffice or poppler is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from reportgen.editions.bilingual import BilingualReport

XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    page: int
    text: str  # without white space
    x: float
    y: float


def lines_of(pdf: Path) -> tuple[float, list[Line]]:
    """The page width and every line of the PDF, in reading order per page."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(xml)
    found: list[Line] = []
    width = 0.0
    for n, page in enumerate(root.iter(f"{XHTML}page")):
        width = float(page.get("width", "0"))
        for line in page.iter(f"{XHTML}line"):
            words = [w.text or "" for w in line.iter(f"{XHTML}word")]
            text = re.sub(r"^[•▪–]", "", re.sub(r"\s+", "", "".join(words)))  # list bullets
            x, y = float(line.get("xMin", "0")), float(line.get("yMin", "0"))
            found.append(Line(n, text, x, y))
    return width, found


def opening(markdown: str, size: int) -> str:
    plain = re.sub(r"\[\^[^\]]+\]|\\|\*\*|^- ", "", markdown)
    return re.sub(r"\s+", "", plain)[:size].replace('"', "")


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs LibreOffice"
)
def test_every_pair_starts_level_on_one_page(zh_en: BilingualReport, tmp_path: Path) -> None:
    docx = tmp_path / "edition.docx"
    docx.write_bytes(zh_en.docx_bytes())
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        capture_output=True, check=True, timeout=600,
    )  # fmt: skip
    width, lines = lines_of(tmp_path / "edition.pdf")
    left = [ln for ln in lines if ln.x < width / 2 - 20]
    right = [ln for ln in lines if ln.x > width / 2 - 20]
    pairs = [p for p in zh_en.pairs if p.kind == "text" and p.facts]
    assert len(pairs) > 20
    at_left = at_right = 0
    checked = 0
    for pair in pairs:
        zh, en = opening(pair.lead, 8), opening(pair.other, 12)
        a = next(i for i in range(at_left, len(left)) if left[i].text.startswith(zh))
        b = next(i for i in range(at_right, len(right)) if right[i].text.startswith(en))
        assert left[a].page == right[b].page, pair.key
        assert abs(left[a].y - right[b].y) < 12, (pair.key, left[a], right[b])
        at_left, at_right, checked = a + 1, b + 1, checked + 1
    assert checked == len(pairs)
