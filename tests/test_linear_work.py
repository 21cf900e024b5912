"""Work grows linearly with the document (issue 14 §4), counted, never timed.

A footnote cited N times used to be rescanned with markdown-it's N back-links for every
reference (N² node visits); its definition is now written from nodes without them.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from markdown_it.tree import SyntaxTreeNode

from reportgen.writers.docx import render_docx
from reportgen.writers.docx_package import DocxMeta

META = DocxMeta("en", "T", "S", "H", datetime.datetime(2024, 1, 1))


def _markdown(references: int) -> str:
    body = "\n\n".join(f"Paragraph {i} cites a source.[^a]" for i in range(references))
    return f"# Title\n\n{body}\n\n[^a]: The source, *with emphasis* and a [link](https://example.org).\n"


def _node_visits(references: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times the writer reads a syntax-tree node's type for the document."""
    count = [0]
    original = SyntaxTreeNode.type

    def counted(node: SyntaxTreeNode) -> str:
        count[0] += 1
        return str(original.fget(node))  # type: ignore[attr-defined]

    with monkeypatch.context() as patch:
        patch.setattr(SyntaxTreeNode, "type", property(counted))
        data = render_docx(_markdown(references), META, base_dir=Path("."))
    assert data.count(b"word/footnotes.xml") >= 1
    return count[0]


def test_a_footnote_cited_often_costs_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _node_visits(200, monkeypatch), _node_visits(800, monkeypatch)
    assert large <= 4.4 * small  # 4x the references: 16x if quadratic


def test_each_reference_gets_the_whole_definition(tmp_path: Path) -> None:
    import io
    import zipfile

    data = render_docx(_markdown(30), META, base_dir=tmp_path)
    notes = zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml").decode()
    assert notes.count("with emphasis") == 30
    assert notes.count("The source,") == 30
