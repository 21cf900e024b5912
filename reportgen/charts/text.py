"""Line-wrapping for chart labels in English and Chinese (CJK text has no spaces to break at)."""

from __future__ import annotations

import unicodedata

#: Punctuation that must not start a line (it stays with the character before it).
_NO_LINE_START = set("，。、；：？！）》」』”’%·—…,.;:?!)]")


def display_width(text: str) -> int:
    """Width in columns: wide (CJK) characters count 2, others 1.

    >>> display_width("GDP"), display_width("槐荫区"), display_width("2023年")
    (3, 6, 6)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def tokens(line: str) -> list[str]:
    """Break points of one line: words, single wide characters (with the punctuation
    that follows them), and the spaces between.

    >>> tokens("H1 2023")
    ['H1', ' ', '2023']
    >>> tokens("2023年上半年，预计")
    ['2023', '年', '上', '半', '年，', '预', '计']
    """
    found: list[str] = []
    for char in line:
        last = found[-1] if found else ""
        if char in _NO_LINE_START and last and not last.isspace():
            found[-1] += char
        elif char.isspace():
            if last.isspace():
                found[-1] += char
            else:
                found.append(char)
        elif _is_wide(char):
            found.append(char)
        elif last and not last.isspace() and not _is_wide(last[-1]):
            found[-1] += char
        else:
            found.append(char)
    return found


def wrap(text: str, width: int, keep: str = "") -> str:
    """Wrap ``text`` to lines of at most ``width`` columns (longer words stay whole).

    Existing line breaks are kept; ``keep``, a part that ends ``text``, is never broken.

    >>> wrap("value added of industrial enterprises above designated size", 24)
    'value added of\\nindustrial enterprises\\nabove designated size'
    >>> wrap("规模以上工业增加值", 10)
    '规模以上工\\n业增加值'
    >>> wrap("举办各类展会，2023年上半年", 20, keep="2023年上半年")
    '举办各类展会，\\n2023年上半年'
    """
    lines: list[str] = []
    paragraphs = text.split("\n")
    for index, paragraph in enumerate(paragraphs):
        line = ""
        last = index == len(paragraphs) - 1
        if last and keep and paragraph.endswith(keep) and paragraph != keep:
            parts = [*tokens(paragraph[: -len(keep)]), keep]
        else:
            parts = tokens(paragraph)
        for token in parts:
            if token.isspace():
                line += " " if line else ""
                continue
            if line.strip() and display_width(line + token) > width:
                lines.append(line.rstrip())
                line = ""
            line += token
        lines.append(line.rstrip())
    return "\n".join(lines)
