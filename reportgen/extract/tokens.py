"""Find the statistical pieces of a clause: amounts, changes, gaps to the city, ranks.

Amounts are read by the loader's own reader (:func:`~reportgen.facts.amounts.parse_amount`,
so a draft amount always loads): a number (Arabic or Chinese), an optional 万/亿, a
known unit and the qualifier the source wrote (约, 近, 超, 余, 以上, 左右 …).

>>> [(t.kind, t.text) for t in find_tokens("179家限上汽车销售企业实现销售额166.72亿元")]
[('amount', '179家'), ('amount', '166.72亿元')]
>>> [(t.kind, t.value) for t in find_tokens("1-11月固定资产投资完成增幅15.1%")]
[('change', '+15.1%')]
>>> [(t.kind, t.value) for t in find_tokens("高于全市13.9个百分点")]
[('gap', '+13.9个百分点')]
>>> [(t.kind, t.rank) for t in find_tokens("位列全市第三")]
[('rank', 3)]
>>> [t.value for t in find_tokens("省市级专精特新企业172家（次）、近两千元、一批项目")]
['172家次', '近两千元']
>>> [t.value for t in find_tokens("上半年签约198户、打造1—2个、最近3年")]
['198户', '1—2个']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from reportgen.facts.amounts import INNER_MARKERS, PREFIX_MARKERS, Amount, parse_amount
from reportgen.facts.numerals import parse_number
from reportgen.facts.units import BASES_LONGEST_FIRST, UNITS

_CN_NUM = "零〇一二两三四五六七八九十百千万亿"
_NUMBER = rf"[0-9]+(?:\.[0-9]+)?|[{_CN_NUM}]+"
_PRE = "|".join(sorted(PREFIX_MARKERS, key=len, reverse=True))
_INNER = "".join(INNER_MARKERS)
_BASES = "|".join(re.escape(b) for b in BASES_LONGEST_FIRST if b)


_DASHES = "—–~～\\-"
_RANGE = rf"(?:{_NUMBER})(?:(?:[{_DASHES}]|至)(?:{_NUMBER}))?"
#: Characters before 约, 近 or 超 that make them part of a word (签约, 附近, 赶超), not a qualifier.
_WORD_BEFORE_MARKER = {"约": "签节制预合公邀条契履违守践婉", "近": "最附靠临邻贴亲", "超": "赶高"}


def _amount_regex(bases: str) -> str:
    """An amount as written, with a unit from ``bases``; never after a digit, 第 or “."""
    return (
        rf"(?:{_PRE})?(?<![0-9.第“‘「『《{_CN_NUM}])(?:{_RANGE})"
        rf"[{_INNER}]?(?:万亿|万|亿)?[{_INNER}]?(?:{bases})(?:以上|左右|多)?"
    )


_AMOUNT = re.compile(rf"(?P<amount>{_amount_regex(_BASES)})(?P<alt>[（(][^）)\s]{{1,2}}[）)])?")
_RATE = _amount_regex(r"%|‰|个百分点")
_UP_VERBS = "增长|增加|提高|上升|提升|增速|增幅|增长率|增"
_DOWN_VERBS = "下降|减少|降低|回落|下滑|降幅|下降率|降"
_CHANGE = re.compile(
    r"(?:同比|比上年同期|比上年|较上年同期|较上年|比去年同期|比去年|较去年同期|较去年|环比)?"
    rf"(?P<each>分别)?(?P<verb>{_UP_VERBS}|{_DOWN_VERBS})(?:了|为|达到|达)?(?P<amount>{_RATE})"
)
#: An absolute change against last year (比上年末减少0.36万人, 比上年增加87家), or against
#: another base (比年初增加98.2亿元: kept as a note of the figure).
_ABSOLUTE = re.compile(
    r"(?:比|较)(?P<base>上年|去年|上月|年初|上季度|上季)(?:末|底|同期)?"
    r"(?P<verb>增加|增长|提高|多|减少|下降|降低|少)了?"
    rf"(?P<amount>{_amount_regex(_BASES)})"
)
_GAP = re.compile(
    r"(?P<verb>高于|高出|快于|领先|超出|低于|慢于|落后于|落后)(?P<scope>全市|全省|全国)"
    rf"(?:平均水平|平均值|平均)?(?P<amount>{_amount_regex('个百分点')})"
)
_RANK = re.compile(
    r"(?:位列|位居|居于|居|列|排名|排在|排|名列|位于)(?P<scope>全市|全省|全国)(?:各区县|区县)?"
    r"(?:排名)?第(?P<n>[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:位|名)?"
)
_DOWN = re.compile(_DOWN_VERBS)
_GAP_DOWN = ("低于", "慢于", "落后于", "落后")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")


@dataclass(frozen=True)
class Token:
    """One piece found in a clause; ``value`` is the text to write in the fact file."""

    kind: str  # amount | change | gap | rank | note
    start: int
    end: int
    text: str
    value: str = ""
    amount: Amount | None = None
    scope: str = "全市"
    rank: int | None = None
    each: bool = False  # 分别增长: the first of several changes, one per measure listed


def normalise(text: str) -> str:
    """Full-width digits and ％ as ASCII, one character for one (offsets stay valid)."""
    return text.translate(_FULL_WIDTH)


def find_tokens(clause: str) -> list[Token]:
    """The amounts, changes, gaps and ranks of ``clause``, in the order written."""
    text = normalise(clause)
    tokens: list[Token] = []
    for match in _CHANGE.finditer(text):
        sign = "-" if _DOWN.fullmatch(match["verb"]) else "+"
        if (amount := _read(match["amount"])) is not None and amount.value >= 0:
            token = _token("change", match, sign + match["amount"], amount)
            tokens.append(replace(token, each=bool(match["each"])))
    for match in _ABSOLUTE.finditer(text):
        if any(t.start < match.end() and match.start() < t.end for t in tokens):
            continue
        sign = "-" if match["verb"] in ("减少", "下降", "降低", "少") else "+"
        kind = "change" if match["base"] in ("上年", "去年") else "note"
        if (amount := _read(match["amount"])) is not None:
            tokens.append(_token(kind, match, sign + match["amount"], amount))
    for match in _GAP.finditer(text):
        sign = "-" if match["verb"] in _GAP_DOWN else "+"
        if (amount := _read(match["amount"])) is not None:
            tokens.append(_token("gap", match, sign + match["amount"], amount, match["scope"]))
    for match in _RANK.finditer(text):
        rank = int(parse_number(match["n"]))
        tokens.append(Token("rank", match.start(), match.end(), match.group(), str(rank),
                            scope=match["scope"], rank=rank))  # fmt: skip
    taken = [(t.start, t.end) for t in tokens]
    for match in _AMOUNT.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if re.search(rf"[0-9][{_DASHES}]$", text[: match.start()]):
            continue  # the end of a range this reader could not read
        if (found := _amount_token(match, text)) is not None:
            tokens.append(found)
    return sorted(tokens, key=lambda t: t.start)


def _token(
    kind: str, match: re.Match[str], value: str, amount: Amount, scope: str = "全市"
) -> Token:
    return Token(kind, match.start(), match.end(), match.group(), value, amount, scope)


def _amount_token(match: re.Match[str], text: str) -> Token | None:
    """An amount token, or None for a numeral that is a word (一批, 一个) or unreadable."""
    written, start = match["amount"], match.start()
    marker = written[:1]
    if start and text[start - 1] in _WORD_BEFORE_MARKER.get(marker, ""):
        written, start = written[1:], start + 1  # 签约198户: 约 belongs to 签约
    amount = _read(written)
    if amount is None or (amount.numeral == "一" and amount.qualifier.value == "exact"):
        return None
    alt = match["alt"]
    if alt and amount.unit.code + alt[1:-1] in UNITS:  # 172家（次） is 172家次
        value = written.removesuffix(amount.unit.base) + amount.unit.base + alt[1:-1]
        if (with_alt := _read(value)) is not None:
            return Token("amount", start, match.end(), text[start : match.end()], value, with_alt)
    return Token("amount", start, start + len(written), written, written, amount)


def _read(text: str) -> Amount | None:
    """``text`` read by the loader's amount reader, or None when it is not an amount."""
    try:
        amount = parse_amount(text)
    except ValueError:
        return None
    return amount if amount.value > Decimal(0) else None
