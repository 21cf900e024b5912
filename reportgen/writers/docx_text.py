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


_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_OPEN_SINGLE = re.compile(r"(?<![\w\u2019])'(?=\w)")


def curl_quotes(text: str) -> str:
    """English text with straight quotes made curly, as the realizer curls its prose
    (:func:`reportgen.i18n.realize.grammar.curly`), so names read the same in both.

    Double quotes pair up in order (“…”); a single quote between letters is an
    apostrophe, one before a word opens (‘), any other closes (’).

    >>> curl_quotes("the \\"Nine Actions\\" and the district's '342' system")
    'the “Nine Actions” and the district’s ‘342’ system'
    """
    if '"' not in text and "'" not in text:
        return text
    parts = text.split('"')
    out = parts[0]
    for index, part in enumerate(parts[1:]):
        out += ("\u201c" if index % 2 == 0 else "\u201d") + part
    out = _OPEN_SINGLE.sub("\u2018", _APOSTROPHE.sub("\u2019", out))
    return out.replace("'", "\u2019")


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
