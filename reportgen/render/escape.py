"""Markdown escaping for data strings, so data is always shown literally.

A name such as ``A*B | [C] <D> {{ 7*7 }}`` must appear as written in the
rendered Markdown, inside prose or a table cell, and never become emphasis, a
table column, a link, raw HTML or a template expression.
"""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that can
# start inline markup, a table cell, an entity or raw HTML in the middle of a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|&!~])")
# At the start of a line, these open a block (heading, list, quote, rule) when a space follows.
_LINE_START = re.compile(r"^(#{1,6}|[+\-*=>]|\d{1,9}[.)])(?=\s|$)")
_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def escape_markdown(text: str) -> str:
    """Escape ``text`` so that Markdown shows it literally, on one line.

    >>> escape_markdown("A*B | [C] <D>")
    'A\\\\*B \\\\| \\\\[C\\\\] \\\\<D\\\\>'
    >>> escape_markdown("1. first")
    '1\\\\. first'
    >>> escape_markdown("36.55 billion"), escape_markdown("+6.4%")
    ('36.55 billion', '+6.4%')
    >>> escape_markdown("R&D {{ 7*7 }}")
    'R\\\\&D {{ 7\\\\*7 }}'
    >>> escape_markdown("两行\\n文字")
    '两行 文字'
    """
    text = _BREAKS.sub(" ", text)
    text = _INLINE.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        token = match.group(1)
        text = token[:-1] + "\\" + token[-1] + text[len(token) :]
    return text
