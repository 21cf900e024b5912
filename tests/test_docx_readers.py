"""Other readers see every word and figure: pandoc (DOCX → Markdown) and LibreOffice (→ PDF)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin
from test_docx_support import TITLES, fixture, fixture_markdown, need_tools

TOKENS = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?|[\u4e00-\u9fff]+")
FIGURES = re.compile(r"\d+(?:\.\d+)?")


def visible_text(markdown: str, *, subtitles: bool = True) -> str:
    """The text a reader should see: every text node, image titles, not alt texts or URLs.

    ``subtitles=False`` leaves out all but the last subtitle paragraph: pandoc's DOCX
    reader turns each Subtitle paragraph into the ``subtitle`` metadata field, so the
    last one wins.
    """
    parser = MarkdownIt("commonmark").enable("table").use(footnote_plugin)
    tree = SyntaxTreeNode(parser.parse(markdown))
    if not subtitles:
        front = []
        for block in tree.children[1:]:
            if block.type == "heading":
                break
            if block.type == "paragraph":
                front.append(block)
        for block in front[:-1]:
            tree.children.remove(block)
    pieces = []
    for node in tree.walk():
        if node.type == "text" and not (node.parent and node.parent.type == "image"):
            pieces.append(node.content)
        elif node.type == "image":
            pieces.append(str(node.attrs.get("title", "")))
    return "\n".join(pieces)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pandoc_text(path: Path) -> str:
    pypandoc = pytest.importorskip(
        "pypandoc", reason="pypandoc-binary (a dev dependency) is needed"
    )
    try:
        pypandoc.get_pandoc_version()
    except OSError:
        pytest.skip("pandoc is not available")
    options = ["--standalone", "--wrap=none"]  # standalone: the title block too
    text: str = pypandoc.convert_file(str(path), "markdown", format="docx", extra_args=options)
    return text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pandoc_reads_every_word_and_figure(lang: str) -> None:
    text = squeeze(pandoc_text(fixture(lang).path))
    expected = TOKENS.findall(visible_text(fixture_markdown(lang), subtitles=False))
    assert len(expected) > 100
    missing = [token for token in expected if token not in text]
    assert not missing, f"pandoc's text of the DOCX lacks {missing}"


def test_libreoffice_pdf_holds_the_chinese_title_and_every_figure(tmp_path: Path) -> None:
    need_tools("soffice", "pdftotext")  # skips without them; fails under CI=true
    source = tmp_path / "briefing.zh.docx"
    source.write_bytes(fixture("zh").data)
    profile = (tmp_path / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "briefing.zh.pdf"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert TITLES["zh"] in squeeze(text)
    figures = FIGURES.findall(visible_text(fixture_markdown("zh")))
    assert {"365.5", "166.72", "13.31", "3140", "222.76", "33.8"} <= set(figures)
    found = set(FIGURES.findall(text))
    missing = sorted(set(figures) - found)
    assert not missing, f"the PDF lacks {missing}"
    assert "槐荫区·发展简报" in squeeze(text)  # the page header
