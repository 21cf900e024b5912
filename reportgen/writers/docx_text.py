"""Text hygiene and CJK-aware spacing for the DOCX writer.

XML 1.0 forbids most C0 control characters, U+FFFE, U+FFFF and lone surrogates. A
DOCX holding one is unreadable, so the writer removes them and warns, naming where
they were; it never crashes on them.

>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     clean_text("a\\x01b", "Markdown line 3")
'ab'
>>> str(caught[0].message)
'Markdown line 3: removed 1 character(s) that XML does not allow (U+0001)'
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class DocxWarning(UserWarning):
    """A problem the DOCX writer repaired on its own (for example a forbidden character)."""


def clean_text(text: str, where: str | Callable[[], str]) -> str:
    """``text`` without the characters XML forbids; warns once naming ``where`` if any.

    ``where`` may be a function, called only when there is something to report.
    """
    if _FORBIDDEN.search(text) is None:
        return text
    if callable(where):
        where = where()
    found = _FORBIDDEN.findall(text)
    codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))
    message = f"{where}: removed {len(found)} character(s) that XML does not allow ({codes})"
    warnings.warn(DocxWarning(message), stacklevel=3)
    return _FORBIDDEN.sub("", text)


def source_line(source: str, first_line: int) -> int:
    """The line of the first forbidden character in ``source``, which starts at ``first_line``.

    >>> source_line("fine\\nbad\\x01", 3)
    4
    """
    found = _FORBIDDEN.search(source)
    return first_line + (source[: found.start()].count("\n") if found else 0)


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph, kana, hangul or full-width punctuation.

    >>> is_cjk("中"), is_cjk("。"), is_cjk("a"), is_cjk("1")
    (True, True, False, False)
    """
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, punctuation, kana, CJK ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF  # extension ideographs
    )


def soft_break(before: str, after: str) -> str:
    """The text a Markdown soft line break becomes between ``before`` and ``after``.

    A space, as in HTML, except between two CJK characters, where a space would be a
    typographic error (the line break is only a line break in the source).

    >>> soft_break("增长", "固定"), soft_break("growth.", "Fixed"), soft_break("。", "Fixed")
    ('', ' ', ' ')
    """
    if before and after and is_cjk(before[-1]) and is_cjk(after[0]):
        return ""
    return " "


_OPENING_AFTER = set(" \t\n\u00a0\u3000([{\u201c\u2018\u2014\u2013-/")


def curl_quotes(text: str, before: str = "") -> str:
    """English text with straight quotes made curly; ``before`` is the character before it.

    A quote opens at the start, after a space, an opening bracket or a dash, and closes
    otherwise; a single quote after a letter is an apostrophe.

    >>> curl_quotes('the "Nine Actions" and the district\\'s \\'342\\' system')
    'the “Nine Actions” and the district’s ‘342’ system'
    >>> curl_quotes('"', "(")
    '“'
    """
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    previous = before[-1:] if before else ""
    for char in text:
        if char in "\"'":
            opening = previous == "" or previous in _OPENING_AFTER
            pair = "\u201c\u201d" if char == '"' else "\u2018\u2019"
            char = pair[0] if opening else pair[1]
        out.append(char)
        previous = char
    return "".join(out)


def cjk_chunks(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into runs of CJK and of other characters: (is CJK, text).

    >>> cjk_chunks("the 槐荫区 district")
    [(False, 'the '), (True, '槐荫区'), (False, ' district')]
    """
    chunks: list[tuple[bool, str]] = []
    for char in text:
        wide = is_cjk(char)
        if chunks and chunks[-1][0] == wide:
            chunks[-1] = (wide, chunks[-1][1] + char)
        else:
            chunks.append((wide, char))
    return chunks
