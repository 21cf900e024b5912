"""What the DOCX writer's parts share while walking one Markdown tree, and its errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.parts.document import DocumentPart
from markdown_it.tree import SyntaxTreeNode

from reportgen.errors import TemplateError
from reportgen.writers.docx_footnotes import Footnotes
from reportgen.writers.docx_numbering import Numbering
from reportgen.writers.docx_styles import StyleBook


@dataclass
class DocxContext:
    """The document being written: its styles, parts, and what the walk has collected."""

    styles: StyleBook
    document_part: DocumentPart
    numbering: Numbering
    footnotes: Footnotes
    notes: dict[int, SyntaxTreeNode]  # footnote definitions by markdown-it footnote id
    base_dir: Path
    text_width: int  # EMU
    text_height: int  # EMU
    lang: str = "en"
    table_size: int = 20  # half-points of table text (the Compact style)
    small_table_size: int = 17  # half-points of a wide table's text (Compact Small)
    emphasis_font: str = "KaiTi"  # East Asian font of emphasis (楷体)
    strong_font: str = "SimHei"  # East Asian font of strong emphasis in zh (黑体)
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, text, bookmark)
    shape_ids: int = 0
    bookmark_ids: int = 0
    tables: int = 0  # data tables captioned so far
    section_title: str = ""  # the text of the latest heading (for table captions)
    charts: Mapping[str, Any] = field(default_factory=dict)  # image path → ChartSpec (native)

    def next_shape_id(self) -> int:
        """A new id for a drawing (``wp:docPr/@id``), unique in the document."""
        self.shape_ids += 1
        return self.shape_ids

    def next_bookmark_id(self) -> int:
        """A new id for a bookmark (``w:bookmarkStart/@w:id``), unique in the document."""
        self.bookmark_ids += 1
        return self.bookmark_ids


def line_of(node: SyntaxTreeNode | None) -> int:
    """The 1-based Markdown line of ``node`` (or of its nearest ancestor with a position)."""
    while node is not None:
        if node.map:
            return node.map[0] + 1
        node = node.parent
    return 0


def unsupported(node: SyntaxTreeNode, detail: str = "") -> TemplateError:
    """The error for a Markdown node the DOCX writer cannot map (never silently dropped).

    >>> from markdown_it import MarkdownIt
    >>> tree = SyntaxTreeNode(MarkdownIt("commonmark").parse("text\\n\\n    code\\n"))
    >>> str(unsupported(tree.children[1]))
    "DOCX writer: Markdown node 'code_block' at line 3 is not supported in DOCX"
    """
    where = f"Markdown node '{node.type}' at line {line_of(node)}"
    return TemplateError(f"DOCX writer: {where} is not supported in DOCX{detail}")
