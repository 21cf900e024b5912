"""Per-language grammar the realizer needs: lists, clause runs, capitals, punctuation.

>>> EN.join(["a", "b", "c"]), ZH.join(["甲", "乙", "丙"])
('a, b and c', '甲、乙、丙')
>>> EN.clauses(["x of 1", "y of 2, up 3 percent"]), ZH.clauses(["甲1", "乙2"])
('x of 1; and y of 2, up 3 percent', '甲1；乙2')
>>> EN.finish('the "342" system'), ZH.finish("树兰(济南)国际医院")
('The “342” system', '树兰（济南）国际医院')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_DOUBLE = re.compile(r'"')
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_OPEN_SINGLE = re.compile(r"(?<![\w’])'(?=\w)")


_CJK = r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]"
_OPEN_PAREN = re.compile(rf"(?<={_CJK})\(|\((?={_CJK})")
_CLOSE_PAREN = re.compile(rf"(?<={_CJK})\)|\)(?={_CJK})")


def full_width_brackets(text: str) -> str:
    """ASCII brackets beside Chinese characters → full-width: 树兰(济南)医院 → 树兰（济南）医院.
    Brackets among Latin text ('[link](x)') are left as written."""
    return _CLOSE_PAREN.sub("）", _OPEN_PAREN.sub("（", text))


def curly(text: str) -> str:
    """Straight quotes → curly ones (“…”, ‘…’, ’ for apostrophes)."""
    parts = _DOUBLE.split(text)
    out = parts[0]
    for i, part in enumerate(parts[1:]):
        out += ("“" if i % 2 == 0 else "”") + part
    out = _APOSTROPHE.sub("’", out)
    out = _OPEN_SINGLE.sub("‘", out)
    return out.replace("'", "’")


@dataclass(frozen=True)
class Grammar:
    """How one language joins and finishes what the phrase patterns produce."""

    lang: str
    space: str  # between sentences

    def join(self, items: Sequence[str]) -> str:
        """A list: 'a, b and c' / '甲、乙、丙'."""
        items = [i for i in items if i]
        if self.lang == "zh":
            return "、".join(items)
        if len(items) <= 2:
            return " and ".join(items)
        return ", ".join(items[:-1]) + " and " + items[-1]

    def clauses(self, items: Sequence[str]) -> str:
        """A run of clauses: '；' in Chinese; in English commas, or semicolons when a
        clause has a comma of its own."""
        items = [i for i in items if i]
        if self.lang == "zh":
            return "；".join(items)
        if len(items) == 1:
            return items[0]
        if any("," in i for i in items):
            return "; ".join(items[:-1]) + "; and " + items[-1]
        return self.join(items)

    def steps(self, items: Sequence[str], trend: bool, joiner: str) -> str:
        """The values of a series: 'a to b and c' with a trend; 'a, b and c' without."""
        if self.lang == "zh":
            return "，".join(items)
        if trend and len(items) > 1:
            return items[0] + joiner + self.join(list(items[1:]))
        return self.join(list(items))

    def finish(self, sentence: str) -> str:
        """Capital first letter and curly quotes (English); full-width brackets (Chinese)."""
        if self.lang == "zh":
            return full_width_brackets(sentence)
        sentence = curly(sentence)
        for i, ch in enumerate(sentence):
            if ch.isalpha():
                return sentence[:i] + ch.upper() + sentence[i + 1 :]
            if ch not in "“‘(":
                break
        return sentence


EN = Grammar("en", " ")
ZH = Grammar("zh", "")


def grammar_for(lang: str) -> Grammar:
    """The grammar of ``lang`` (Chinese rules for any zh variant)."""
    return ZH if lang.startswith("zh") else EN
