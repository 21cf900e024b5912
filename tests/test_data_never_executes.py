"""Data never executes: text in a fact file that looks like template code, HTML, XML or
Markdown is shown exactly as written, in both languages and both formats.

A name written ``{{ 7*7 }}`` appears as ``{{ 7*7 }}`` — in the title, in prose, in
Table 1, in the annex, in the source list — and ``49`` appears nowhere (an editor's
note is never shown at all). The Markdown is read as a reader sees it
(markdown-it's text nodes), the DOCX as Word shows it (every ``w:t`` of every part).
"""

from __future__ import annotations

import importlib.util
import io
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

import reportgen

HAS_DOCX = importlib.util.find_spec("reportgen.writers.docx") is not None

#: A name that would print 49, run code, open a tag, a table cell, a link or emphasis.
HOSTILE = (
    "{{ 7*7 }} {% if true %}yes{% endif %} {# c #} ${7*7} <b>&amp;</b> ]]> *x* | [z](u) `c` #1"
)
#: The same kind of name, one per field, so each place can be told apart (capitalised:
#: a bullet or table cell upper-cases a name's first letter).
NAMES = {
    field: HOSTILE.replace("{{ 7*7 }}", f"{{{{ 7*7 }}}} {field.capitalize()}")
    for field in ("district", "city", "measure", "bullet", "noun", "note", "title", "entity")
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def both(text: str) -> dict[str, str]:
    return {"zh": text, "en": text}


FACTS = {
    "district": {"id": "test", "name": both(NAMES["district"]), "city": both(NAMES["city"])},
    "sources": [{"id": "s1", "title": both(NAMES["title"]), "date": "2023-07"}],
    "entities": [{"id": "e1", "kind": "enterprise", "name": both(NAMES["entity"])}],
    "figures": [
        {
            "id": "gdp", "section": "overview", "measure": both(NAMES["measure"]),
            "amount": "365.5亿元", "period": "2023-H1", "yoy": "+6.4%", "tags": ["headline"],
            "owner": "e1",
            "sources": [{"source": "s1", "quote": "全区生产总值实现365.5亿元，同比增长6.4%"}],
        },
        {  # the same measure in a section's text (Table 1 rows are not read out again)
            "id": "output", "section": "industry", "measure": both(NAMES["measure"] + "产值"),
            "amount": "35.1亿元", "period": "2023-H1", "yoy": "+50.2%", "owner": "e1",
            "sources": [{"source": "s1", "quote": "产值35.1亿元，同比增长50.2%"}],
        },
        {
            "id": "parks", "section": "livelihood", "measure": both(NAMES["bullet"]),
            "amount": "18座", "period": "2023", "note": both(NAMES["note"]),
            "item": {"zh": NAMES["noun"], "en": NAMES["noun"], "en_plural": NAMES["noun"]},
            "sources": [{"source": "s1", "quote": "新建口袋公园18座"}],
        },
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> reportgen.DistrictFacts:
    path = tmp_path_factory.mktemp("facts") / "facts.yaml"
    path.write_text(json.dumps(FACTS, ensure_ascii=False), encoding="utf-8")
    return reportgen.load_facts(path)


def inline_text(token: Token) -> str:
    """The text a reader sees in an inline token (code spans, text; footnote refs dropped)."""
    return "".join(
        child.content for child in token.children or [] if child.type in ("text", "code_inline")
    )


def blocks(markdown: str) -> dict[str, list[str]]:
    """The visible text of headings, table cells, list items and paragraphs."""
    parser = MarkdownIt("commonmark").enable("table").use(footnote_plugin)
    found: dict[str, list[str]] = {"heading": [], "cell": [], "item": [], "paragraph": []}
    stack: list[str] = []
    for token in parser.parse(markdown):
        if token.nesting == 1:
            stack.append(token.type)
        elif token.nesting == -1:
            stack.pop()
        elif token.type == "inline":
            if "heading_open" in stack:
                found["heading"].append(inline_text(token))
            elif "td_open" in stack:
                found["cell"].append(inline_text(token))
            elif "list_item_open" in stack:
                found["item"].append(inline_text(token))
            else:
                found["paragraph"].append(inline_text(token))
    return found


def seen(texts: list[str], field: str) -> bool:
    """Whether the name of ``field`` is shown in full in one of ``texts``."""
    return any(NAMES[field] in text for text in texts)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_shows_data_as_written(facts: reportgen.DistrictFacts, lang: str) -> None:
    markdown = reportgen.build(facts, lang=lang, charts=False).markdown
    shown = blocks(markdown)
    assert seen(shown["heading"], "district")
    assert seen(shown["cell"], "measure")  # Table 1, the main indicators
    assert seen(shown["paragraph"], "measure")  # the overview's text (the industry figure)
    assert seen(shown["paragraph"], "entity")  # the owner, the sentence's subject
    assert seen(shown["cell"], "bullet")  # the annex row of the livelihood figure
    assert not seen([t for texts in shown.values() for t in texts], "note")  # never shown
    assert seen(shown["item"] + shown["paragraph"], "title")  # the numbered list of sources
    assert "49" not in markdown
    assert "<b>" not in markdown  # escaped, so never raw HTML
    block = "{% if true %}yes{% endif %}"  # the block shows as written, never as "yes"
    assert markdown.count("yes") == markdown.count(block) > 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_keeps_its_columns(facts: reportgen.DistrictFacts, lang: str) -> None:
    """The name's ``|`` does not split the overview row into more cells."""
    markdown = reportgen.build(facts, lang=lang, charts=False).markdown
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    widths = table_widths(tokens)
    assert len(widths) == 2  # Table 1 and the annex, each row as wide as its header
    assert all(len(set(row)) == 1 for row in widths)


def table_widths(tokens: list[Token]) -> list[list[int]]:
    """Per table, the number of cells of each row, header first."""
    tables: list[list[int]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
    return tables


def docx_texts(data: bytes) -> dict[str, list[str]]:
    """Every paragraph's text in each part of the package, as Word shows it."""
    texts: dict[str, list[str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                texts[name] = [
                    "".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")
                ]
    return texts


@pytest.mark.skipif(not HAS_DOCX, reason="the DOCX writer is not there yet")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_shows_data_as_written(
    facts: reportgen.DistrictFacts, lang: str, tmp_path: Path
) -> None:
    import docx

    report = reportgen.build(facts, lang=lang, charts=False)
    (path,) = report.write(tmp_path, ["docx"])
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert seen(paragraphs, "district")  # the title
    assert seen(cells, "measure")  # the overview table
    assert seen(paragraphs, "measure")  # the overview's text (the industry figure)
    assert seen(cells, "bullet")  # the annex row of the livelihood figure
    assert not seen(paragraphs + cells, "note")  # an editor's note is never shown
    assert seen(paragraphs, "title")  # the numbered list of sources
    parts = docx_texts(path.read_bytes())
    assert any(text.strip() for text in parts["word/footnotes.xml"])  # footnotes are read too
    every_text = "\n".join(text for part in parts.values() for text in part)
    assert "49" not in every_text


def test_the_checks_can_fail() -> None:
    """A briefing in which the template ran the data would not pass."""
    executed = "# 49 District\n\n| a | b |\n| --- | --- |\n| 49 | yes |\n"
    shown = blocks(executed)
    assert not seen(shown["heading"], "district") and not seen(shown["cell"], "measure")
    assert "49" in executed
