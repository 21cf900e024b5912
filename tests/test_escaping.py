"""Data never executes and never becomes markup: names are shown literally."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import reportgen
from reportgen.render.escape import escape_markdown

HOSTILE = "A*B_C | [link](x) <b>bold</b> {{ 7*7 }} {% if 1 %}x{% endif %} & 1. #"

FACTS = """\
district:
  id: test
  name: {zh: "试验区", en: "Test District"}
  city: {zh: "某市", en: "Some City"}
sources:
  - {id: s1, title: {zh: "标题", en: "Title"}, date: "2023-05"}
figures:
  - id: f1
    section: overview
    measure: {zh: 'NAME', en: 'NAME'}
    amount: 365.5亿元
    period: 2023-H1
    yoy: +6.4%
    tags: [headline]
    sources: [{source: s1, quote: "生产总值365.5亿元，增长6.4%"}]
  - id: f2
    section: livelihood
    topic: sports
    measure: {zh: '体育场地', en: 'sports venues'}
    amount: 15个
    item: {zh: 'NAME', en: 'NAME', en_plural: 'NAME'}
    period: "2023"
    status: plan
    sources: [{source: s1, quote: "建设15个体育场地"}]
"""


@pytest.fixture
def facts(tmp_path: Path) -> reportgen.DistrictFacts:
    path = tmp_path / "facts.yaml"
    path.write_text(FACTS.replace("NAME", HOSTILE.replace("'", "''")), encoding="utf-8")
    return reportgen.load_facts(path)


def plain_text(markdown: str) -> str:
    """The text a reader sees: every inline text node of the parsed Markdown."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return "".join(
        child.content
        for token in tokens
        if token.children
        for child in token.children
        if child.type in ("text", "code_inline")
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_names_appear_literally(facts: reportgen.DistrictFacts, lang: str) -> None:
    markdown = reportgen.build(facts, lang=lang).markdown
    assert "49" not in markdown.replace("2023", "")  # {{ 7*7 }} never evaluated
    shown = plain_text(markdown)
    assert HOSTILE in shown  # in prose (sentences)
    table = [line for line in markdown.splitlines() if line.startswith("| ")]
    header, rule, row = table[:3]  # Table 1: the overview figure's row
    cells = plain_text(header + "\n" + rule + "\n" + row + "\n")
    assert HOSTILE in cells
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    assert not [t for t in tokens if t.type == "html_block" and "<b>" in t.content]


def test_table_row_keeps_its_columns(facts: reportgen.DistrictFacts) -> None:
    markdown = reportgen.build(facts, lang="en").markdown
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    widths: list[list[int]] = []  # per table, the cells of each row (header first)
    for token in tokens:
        if token.type == "table_open":
            widths.append([])
        elif token.type == "tr_open":
            widths[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            widths[-1][-1] += 1
    assert widths and all(len(set(rows)) == 1 for rows in widths)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", "a\\|b"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("2023. year", "2023\\. year"),
        ("x\ny", "x y"),
        ("{{ 7*7 }}", "{{ 7\\*7 }}"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected
