"""Markdown the DOCX writer cannot map is an error naming the node and its line."""

from __future__ import annotations

import pytest
from test_docx_support import render

from reportgen.errors import OptionError, TemplateError

NESTED_4 = "- a\n  - b\n    - c\n      - d\n"


@pytest.mark.parametrize(
    ("markdown", "node", "line"),
    [
        ("# T\n\nIntro.\n\n```python\nx = 1\n```\n", "fence", 5),
        ("Text.\n\n    indented code\n", "code_block", 3),
        ("Text.\n\n<div>raw</div>\n", "html_block", 3),
        ("Text.\n\n<!-- a note -->\n", "html_block", 3),
        ("Text with <b>raw</b> HTML.\n", "html_inline", 1),
        ("First.\n\n***\n", "hr", 3),
        ("Some `code` here.\n", "code_inline", 1),
        ("## A\n\n##### Too deep\n", "heading", 3),
        ("See ![chart](images/auto-sales.png) inline.\n", "image", 1),
        ("Intro.\n\n" + NESTED_4, "bullet_list", 6),
        ("> - a list in a quote\n", "bullet_list", 1),
        ("- item\n\n  > a quote in a list\n", "blockquote", 3),
        ("Text.[^1]\n\n[^1]: A note with a note.[^2]\n[^2]: Inner.\n", "footnote_ref", 3),
        ("| a |\n| - |\n| `x` |\n", "code_inline", 3),
    ],
)
def test_unsupported_node_is_a_template_error(markdown: str, node: str, line: int) -> None:
    with pytest.raises(TemplateError) as caught:
        render(markdown)
    message = str(caught.value)
    assert f"Markdown node '{node}' at line {line} is not supported in DOCX" in message


def test_a_second_title_is_an_error() -> None:
    with pytest.raises(TemplateError, match=r"second level-1 heading at line 5.*line 1"):
        render("# One\n\nText.\n\n# Two\n")


def test_a_second_toc_is_an_error() -> None:
    with pytest.raises(TemplateError, match="second <!-- toc --> at line 3"):
        render("<!-- toc -->\n\n<!-- toc -->\n")


def test_missing_image_names_the_file_and_line() -> None:
    message = r"image images/none\.png at line 3 is not a file of the document's assets"
    with pytest.raises(TemplateError, match=message):
        render("# T\n\n![x](images/none.png)\n")


def test_remote_image_is_an_error() -> None:
    with pytest.raises(TemplateError, match="is a URL"):
        render("![x](https://example.org/x.png)\n")


def test_not_an_image_is_an_error(tmp_path: object) -> None:
    from test_docx_support import base_dir

    (base_dir() / "notes.png").write_text("not really a picture")
    with pytest.raises(TemplateError, match=r"notes\.png at line 1 is not a PNG"):
        render("![x](notes.png)\n")


def test_unknown_language_is_an_option_error() -> None:
    from test_docx_support import base_dir, meta

    from reportgen.writers.docx import render_docx

    wrong = meta("en").__class__(**{**meta("en").__dict__, "lang": "fr"})
    with pytest.raises(OptionError, match="'fr' is not supported"):
        render_docx("# T\n", wrong, base_dir=base_dir())
