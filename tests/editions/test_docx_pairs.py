"""The DOCX writer's pair markers and anchors, on small documents (no dataset needed)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reportgen.errors import TemplateError
from reportgen.writers.docx import DocxMeta, render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render(markdown: str, tmp_path: Path, lang: str = "zh") -> tuple[etree._Element, str]:
    meta = DocxMeta(lang, "标题", "主题", "页眉", dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    data = render_docx(markdown, meta, base_dir=tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
        return root, archive.read("word/styles.xml").decode()


PAIRS = """# 标题

## 概况

<!-- pair zh en -->

第一段。

<!-- cell -->

First paragraph.

<!-- /pair -->

<!-- pair zh en -->

- 要点

<!-- cell -->

- A point

<!-- /pair -->

<!-- stack zh en -->

## 一、经济运行

<!-- cell -->

## Economic overview

<!-- /stack -->

<!-- pair zh en -->

第二段。

<!-- cell -->

Second paragraph.

<!-- /pair -->
"""


def test_pairs_become_rows_and_stacks_stay_full_width(tmp_path: Path) -> None:
    root, styles = render(PAIRS, tmp_path)
    body = root.find(f"{W}body")
    assert body is not None
    tables = body.findall(f"{W}tbl")
    assert [len(t.findall(f"{W}tr")) for t in tables] == [2, 1]  # the stack splits them
    first = tables[0].findall(f"{W}tr")[0].findall(f"{W}tc")
    assert "".join(first[0].itertext()) == "第一段。"
    assert "".join(first[1].itertext()) == "First paragraph."
    right = first[1].find(f".//{W}pStyle")
    assert right is not None and right.get(f"{W}val") == "BodyTextEN"
    assert 'w:name w:val="Body Text (en)"' in styles
    heading = [p for p in body.findall(f"{W}p") if "".join(p.itertext()) == "Economic overview"]
    assert len(heading) == 1  # a full-width paragraph, in the English heading style
    assert "EN" in (heading[0].find(f".//{W}pStyle").get(f"{W}val") or "")  # type: ignore[union-attr]
    borders = tables[0].find(f"{W}tblPr/{W}tblBorders")
    assert borders is not None and all(b.get(f"{W}val") == "nil" for b in borders)


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("<!-- cell -->\n", "outside a pair"),
        ("<!-- pair zh en -->\n\nx\n\n<!-- /pair -->\n", "without"),
        ("<!-- pair zh en -->\n\n<!-- pair zh en -->\n", "inside a pair"),
    ],
)
def test_misplaced_markers_are_errors(markdown: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=message):
        render(markdown, tmp_path)


def test_an_empty_anchor_becomes_a_bookmark_and_links_reach_it(tmp_path: Path) -> None:
    markdown = 'See [↗](#prov_lead).\n\n<a id="prov_lead"></a>**导语**\n'
    root, _ = render(markdown, tmp_path)
    links = [h.get(f"{W}anchor") for h in root.iter(f"{W}hyperlink")]
    names = [b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")]
    assert links == ["prov_lead"] and "prov_lead" in names


def test_other_raw_html_is_still_an_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="raw HTML"):
        render('Text <span id="x">here</span>.\n', tmp_path)
