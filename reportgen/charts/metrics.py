"""Text widths without a font file: estimates good enough to lay out a chart.

The SVG and the native charts leave drawing the text to the reader (a browser, Word,
LibreOffice), so the layout cannot measure it exactly; it estimates instead. Latin
text uses the advance widths of Helvetica/Arial (the metrics every sans-serif
fallback imitates), CJK characters are one em wide, anything else is taken as wide
as a digit. Layouts leave a margin for the error.
"""

from __future__ import annotations

import unicodedata

# Advance widths of Helvetica for U+0020..U+007E, in thousandths of an em.
_ASCII = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
_OTHER = {"–": 556, "—": 1000, "‰": 1000, "−": 584, "·": 278, "’": 222, "‘": 222}


def char_width(char: str) -> int:
    """The width of one character in thousandths of an em.

    >>> char_width("i"), char_width("W"), char_width("年"), char_width("，")
    (222, 944, 1000, 1000)
    """
    code = ord(char)
    if 0x20 <= code <= 0x7E:
        return _ASCII[code - 0x20]
    if char in _OTHER:
        return _OTHER[char]
    return 1000 if unicodedata.east_asian_width(char) in "WF" else 556


def text_width(text: str, size: float) -> float:
    """The width of the widest line of ``text`` at font ``size`` (in the size's unit).

    >>> text_width("2023年", 10)
    32.24
    >>> text_width("ab\\nabcd", 10) == text_width("abcd", 10)
    True
    """
    lines = text.split("\n") if text else [""]
    return max(sum(char_width(c) for c in line) for line in lines) * size / 1000


def fit_limits(ends: list[tuple[float, float]], span: float) -> tuple[float, float]:
    """Value limits so that each bar end plus the room its label needs fits in ``span``.

    ``ends`` are (value, room) pairs, the room in the unit of ``span``.

    >>> fit_limits([(10.0, 0.0)], 100.0)
    (0.0, 10.0)
    >>> lo, hi = fit_limits([(10.0, 50.0)], 100.0)
    >>> lo, round(hi, 6)
    (0.0, 20.0)
    """
    lo = min([0.0] + [end for end, _ in ends])
    hi = max([0.0] + [end for end, _ in ends])
    if hi == lo:
        hi = lo + 1.0
    before = after = 0.0
    for _ in range(12):
        scale = (span - before - after) / (hi - lo)
        after = max([0.0] + [need - (hi - end) * scale for end, need in ends if end >= 0])
        before = max([0.0] + [need - (end - lo) * scale for end, need in ends if end < 0])
        after, before = min(after, span * 0.6), min(before, span * 0.6)
    scale = (span - before - after) / (hi - lo)
    return lo - before / scale, hi + after / scale
