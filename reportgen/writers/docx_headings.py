"""Section numbers of a Chinese briefing: literal prefixes in the Markdown → Word numbering.

The document plan numbers the sections and the Markdown shows the numbers
(``## 一、经济运行``, ``### （一）工业``, ``#### 1. 医药``), so a Markdown reader sees
them. In the DOCX the number becomes Word numbering (the "reportgen headings" list:
一、 （一） 1.), and the literal prefix is stripped so it is not shown twice. A
heading whose prefix is not its level's form stays as written, unnumbered.

>>> split_number("一、经济运行", 0), split_number("（十二）工业", 1)
((1, '经济运行'), (12, '工业'))
>>> split_number("1. 医药", 2), split_number("2023年展望", 2), split_number("经济运行", 0)
((1, '医药'), (None, '2023年展望'), (None, '经济运行'))
"""

from __future__ import annotations

import re

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_HAN = "[零〇一二两三四五六七八九十百]+"
PATTERNS = (
    re.compile(f"({_HAN})、\\s*"),
    re.compile(f"[（(]({_HAN})[）)]\\s*"),
    re.compile("([0-9]{1,3})[.．](?![0-9])\\s*"),
    re.compile("[（(]([0-9]{1,3})[）)]\\s*"),
)


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral below 1000 (一, 十二, 二十, 一百零五), or None.

    >>> [chinese_number(n) for n in ("十", "二十三", "一百零五", "十十")]
    [10, 23, 105, None]
    """
    total, digit = 0, None
    for place, unit in (("百", 100), ("十", 10)):
        if place in text:
            head, _, text = text.partition(place)
            if place in text:
                return None
            value = _digit(head) if head else 1
            if value is None:
                return None
            total += value * unit
    if text:
        digit = _digit(text.lstrip("零〇"))
        if digit is None:
            return None
        total += digit
    return total or None


def _digit(text: str) -> int | None:
    return _DIGITS.get(text) if len(text) == 1 else None


def split_number(text: str, level: int) -> tuple[int | None, str]:
    """The section number a heading at ``level`` (0: ``##``) starts with, and the rest.

    The number is None (and the text unchanged) where the prefix is missing, is not the
    level's form, or nothing follows it.
    """
    if level >= len(PATTERNS):
        return None, text
    match = PATTERNS[level].match(text)
    if match is None or match.end() == len(text):
        return None, text
    raw = match.group(1)
    number = int(raw) if raw.isdigit() else chinese_number(raw)
    if not number:
        return None, text
    return number, text[match.end() :]
