"""Reading the numbers a quote states, to check a figure against its own quote.

Each number in a quote is read as a *mention*: the number as written (Arabic or a
Chinese numeral, read by the loader's own :func:`parse_number`; a range ``1—2``),
the scale word (万/亿), the unit or measure word, the qualifier with its marker and
position (约836万平方米, 7000余万元, 6.5%左右), a sign, and the direction the words
before it give (同比增长 a rise, 同比下降 a fall). :mod:`reportgen.facts.quote_agreement`
compares a figure with these mentions.

Quotes are read after Unicode NFC normalization, with full-width digits as ASCII;
white space is dropped, except between two numbers, where it separates table cells
(``男性 78823 50.71`` is 78823 and 50.71, not 7882350.71).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reportgen.facts.amounts import (
    INNER_MARKERS,
    PREFIX_MARKERS,
    SUFFIX_MARKERS,
    Direction,
    MarkerPosition,
)
from reportgen.facts.numerals import CHINESE_NUMERAL_CHARS, parse_number
from reportgen.facts.units import BASES_LONGEST_FIRST

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％＋－", "0123456789.%+-")
_NUMBER = re.compile(rf"[0-9]+(?:\.[0-9]+)?|[{CHINESE_NUMERAL_CHARS}]+")
_SCALES = ("万亿", "万", "亿")
_RANGE = ("—", "–", "-", "~", "～", "至", "到")
_PREFIXES = sorted(PREFIX_MARKERS, key=len, reverse=True)
_SUFFIXES = sorted(SUFFIX_MARKERS, key=len, reverse=True)
_BASES = tuple(b for b in BASES_LONGEST_FIRST if b)
_BRACKETS = {"（": "）", "(": ")"}
_MINUS = ("-", "\u2212", "负")
#: Words that end in a one-character qualifier marker but are no qualifier (签约198户).
NOT_MARKERS = ("签约", "合约", "节约", "制约", "预约", "履约", "违约", "邀约", "特约", "集约",
               "最近", "附近", "临近", "就近", "靠近", "邻近", "赶超", "高超")  # fmt: skip

#: Words that make the number after them a rise or a fall ("负增长" before "增长").
RISE_WORDS = (
    "增长",
    "提高",
    "上升",
    "增加",
    "提升",
    "上涨",
    "增多",
    "高于",
    "高出",
    "加快",
    "扩大",
)
FALL_WORDS = ("负增长", "下降", "减少", "回落", "降低", "下滑", "下跌", "减小", "低于", "放缓",
              "收窄", "缩小")  # fmt: skip
#: Words that name a growth rate: the number after them is a rise unless it is signed.
RATE_WORDS = ("增速", "增幅", "增长率")
#: After a direction word, these make the number a level (增速回落至3.5%: growth of 3.5%).
LEVEL_MARKS = ("至", "到", "为")
#: Where the words that give a number's direction stop.
_BOUNDARY = set("，,。；;：:、！？!?（）()“”\"' ")
_CONTEXT = 12


@dataclass(frozen=True)
class Mention:
    """One number as a quote states it."""

    text: str  # the whole as written: 约836万平方米
    number: str  # the number as written: 836, 两千, 1—2
    scale: str  # 万, 亿, 万亿 or ''
    base: str | None  # the unit or measure word; None when the quote states none
    marker: str  # the qualifier's marker, or ''
    position: MarkerPosition
    negative: bool  # written with a minus sign (or 负) right before it
    direction: Direction | None  # what the words before it say; None when they say nothing
    direction_text: str  # the words and the number: 同比下降2.1%


def reading_text(quote: str) -> str:
    """The quote as numbers are read from it.

    >>> reading_text("男性 78823 50.71\\n女性　７６，")
    '男性78823 50.71女性76，'
    """
    text = unicodedata.normalize("NFC", quote).translate(_FULL_WIDTH)
    out = ""
    for part in text.split():
        if (
            out
            and out[-1].isascii()
            and out[-1].isdigit()
            and part[0].isascii()
            and part[0].isdigit()
        ):
            out += " "
        out += part
    return out


def read_mentions(quote: str) -> list[Mention]:
    """Every number the quote states, with what stands around it.

    >>> [m.text for m in read_mentions("投资8500万元建设，约836万平方米、6.1万余户、172家（次）")]
    ['8500万元', '约836万平方米', '6.1万余户', '172家（次）']
    >>> m = read_mentions("营业收入同比下降2.1%")[0]
    >>> m.number, m.base, m.direction.value, m.direction_text
    ('2.1', '%', 'down', '同比下降2.1%')
    """
    text = reading_text(quote)
    found: list[Mention] = []
    position, previous_end = 0, 0
    while (match := _NUMBER.search(text, position)) is not None:
        mention, end = _read_at(text, match, previous_end)
        position = max(end, match.end())
        if mention is not None:
            found.append(mention)
            previous_end = end
    return found


def _split_scale(run: str) -> tuple[str, str] | None:
    """A Chinese numeral run as (numeral, trailing 万/亿); None when it is no number."""
    scale = next((s for s in _SCALES if run.endswith(s) and len(run) > len(s)), "")
    numeral = run[: len(run) - len(scale)]
    try:
        parse_number(numeral + scale)
    except ValueError:
        return None
    return numeral, scale


def _number_at(text: str, match: re.Match[str]) -> tuple[str, str, int] | None:
    """(number as written, peeled scale, end) for a number match, with a range's upper end."""
    run = match.group()
    chinese = not run[0].isdigit()
    first = _split_scale(run) if chinese else (run, "")
    if first is None:
        return None
    number, scale = first
    end = match.end()
    if not scale:
        for separator in _RANGE:
            if text.startswith(separator, end):
                upper = _NUMBER.match(text, end + len(separator))
                if upper is not None and (not upper.group()[0].isdigit()) == chinese:
                    second = _split_scale(upper.group()) if chinese else (upper.group(), "")
                    if second is not None:
                        number += separator + second[0]
                        scale, end = second[1], upper.end()
                break
    return number, scale, end


def _read_at(text: str, match: re.Match[str], previous_end: int) -> tuple[Mention | None, int]:
    """The mention whose number starts at ``match``, and where it ends."""
    read = _number_at(text, match)
    if read is None:
        return None, match.end()
    number, scale, end = read
    start = match.start()
    marker, position = "", MarkerPosition.NONE
    pre = next((p for p in _PREFIXES if text.endswith(p, 0, start)), "")
    if pre and not text.endswith(NOT_MARKERS, 0, start):
        marker, position, start = pre, MarkerPosition.BEFORE, start - len(pre)
    if (
        not (scale or marker)
        and text[end : end + 1] in INNER_MARKERS
        and _unit_follows(text, end + 1)
    ):
        marker, position, end = text[end], MarkerPosition.AFTER_NUMBER, end + 1
    if not scale and (scale := _scale_at(text, end)):
        end += len(scale)
    if scale and text[end : end + 1] in INNER_MARKERS and not marker:
        marker, position, end = text[end], MarkerPosition.AFTER_PREFIX, end + 1
    base, end = _base_and_end(text, end)
    post = next((s for s in _SUFFIXES if text.startswith(s, end)), "")
    if post and not marker and (base is not None or post != "多"):
        marker, position, end = post, MarkerPosition.AFTER, end + len(post)
    negative = text[:start].endswith(_MINUS)
    if negative:
        start -= 1
    direction, direction_start = _direction(text, previous_end, start, negative)
    mention = Mention(
        text=text[start:end], number=number, scale=scale, base=base, marker=marker,
        position=position, negative=negative, direction=direction,
        direction_text=text[direction_start:end],
    )  # fmt: skip
    return mention, end


def _unit_follows(text: str, index: int) -> bool:
    """Whether a scale word or a unit starts at ``index`` (7000余万元, 100多个)."""
    return bool(_scale_at(text, index)) or _base_at(text, index) is not None


def _scale_at(text: str, index: int) -> str:
    return next((s for s in _SCALES if text.startswith(s, index)), "")


def _base_at(text: str, index: int) -> str | None:
    return next((b for b in _BASES if text.startswith(b, index)), None)


def _base_and_end(text: str, index: int) -> tuple[str | None, int]:
    """The unit at ``index`` (家（次） reads as 家次) and where it ends."""
    base = _base_at(text, index)
    if base is None:
        return None, index
    end = index + len(base)
    close = _BRACKETS.get(text[end : end + 1])
    if close is not None:
        inner_end = text.find(close, end + 1, end + 4)
        if inner_end > 0 and base + text[end + 1 : inner_end] in _BASES:
            return base + text[end + 1 : inner_end], inner_end + 1
    return base, end


def _direction(
    text: str, previous_end: int, start: int, negative: bool
) -> tuple[Direction | None, int]:
    """What the words before a number say of its direction, and where they start.

    The words are those after the previous number or punctuation (at most 12
    characters). The nearest direction word decides (负增长 over 增长); a word followed
    by 至/到/为 makes the number a level, which a growth rate (增速回落至3.5%) keeps as a
    rise; a sign before the number decides over the words.
    """
    begin = max(previous_end, start - _CONTEXT)
    for i in range(start - 1, begin - 1, -1):
        if text[i] in _BOUNDARY:
            begin = i + 1
            break
    context = text[begin:start]
    if negative:
        return Direction.DOWN, start
    best: tuple[int, int, str, Direction] | None = None
    for words, direction in ((RISE_WORDS, Direction.UP), (FALL_WORDS, Direction.DOWN)):
        for word in words:
            at = context.rfind(word)
            if at >= 0:
                key = (at + len(word), len(word), word, direction)
                if best is None or key[:2] > best[:2]:
                    best = key
    rate = next((w for w in RATE_WORDS if w in context), None)
    if best is not None:
        word_end, length, word, direction = best
        after = context[word_end:]
        if any(mark in after for mark in LEVEL_MARKS):
            return (Direction.UP, begin + context.find(rate)) if rate else (None, start)
        word_start = begin + word_end - length
        for lead in ("同比", "环比"):
            if text.endswith(lead, begin, word_start):
                word_start -= len(lead)
        return direction, word_start
    if rate is not None:
        return Direction.UP, begin + context.find(rate)
    return None, start
