"""Per-language grammar the realizer needs: lists, clause runs, capitals, punctuation.

>>> EN.join(["a", "b", "c"]), ZH.join(["甲", "乙", "丙"])
('a, b and c', '甲、乙、丙')
>>> EN.clauses(["x of 1", "y of 2, up 3 percent"]), ZH.clauses(["甲1", "乙2"])
('x of 1 and y of 2, up 3 percent', '甲1；乙2')
>>> ZH.join(["“科创十条”", "“智汇槐荫”人才政策", "人才贷"])
'“科创十条”“智汇槐荫”人才政策、人才贷'
>>> EN.finish('the "342" system'), ZH.finish("树兰(济南)国际医院")
('The “342” system', '树兰（济南）国际医院')
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

_OPENING_DOUBLE = re.compile(r'(?:(?<=^)|(?<=[\s(\[{“‘—–-]))"')
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
    """Straight quotes → curly ones (“…”, ‘…’, ’ for apostrophes), each by its own context:
    a quote at the start or after a space or an opening bracket opens, any other closes,
    so a name with an unbalanced quote cannot turn the rest of a sentence around.

    >>> curly('the "342" system'), curly('A" then "b"')
    ('the “342” system', 'A” then “b”')
    """
    out = _OPENING_DOUBLE.sub("“", text).replace('"', "”")
    out = _APOSTROPHE.sub("’", out)
    out = _OPEN_SINGLE.sub("‘", out)
    return out.replace("'", "’")


#: English nouns read without an article ('GDP grew', 'investment came to').
MASS_NOUNS = frozenset(
    {"gdp", "investment", "revenue", "output", "sales", "turnover", "spending"}
    | {"consumption", "employment", "income", "trade", "attendance"}
)
_HEAD_END = re.compile(r"\s(?:of|in|at|for|to|from|under|per|by|near|with|on)\s|\s?\(")
#: Head nouns after which a capitalised name takes 'the' ('the Shandong International
#: Convention and Exhibition Center', 'the Jinan Huaiyin Economic Development Zone').
#: Names ending otherwise — brands, firms, roads, squares, stations, districts,
#: universities named without 'of' — are left as written ('Wanda Plaza', 'SICC').
INSTITUTION_HEADS = frozenset(
    {"center", "centre", "zone", "park", "base", "hospital", "group", "branch", "laboratory"}
    | {"institute", "academy", "committee", "bureau", "office", "commission", "association"}
    | {"alliance", "federation", "council", "museum", "theater", "theatre", "library"}
    | {"gallery", "festival", "fair", "expo", "exhibition", "show", "forum", "conference"}
    | {"summit", "marathon", "belt", "hub", "complex", "project", "platform", "program"}
    | {"programme", "incubator", "corridor", "cluster", "campus", "area", "system"}
    | {"government"}
)
_COMPANY_END = re.compile(r"(?:\bCo\.|\bLtd\.?|\bInc\.?|\bCorp\.?|\bCompany|\bLimited|\bLLC)$")
_BRACKETS = re.compile(r"\s*[(（][^()（）]*[)）]")


def takes_article(name: str) -> bool:
    """Whether an English proper name reads with 'the' before it: a name 'X of Y', a
    name whose head is a common noun ('JIMC rental housing pilot project') or one of
    :data:`INSTITUTION_HEADS`; not an acronym, a firm's legal name or another name.

    >>> [takes_article(n) for n in ("Shandong International Convention and Exhibition Center",
    ...     "Sci-Tech Innovation Industrial Park (Phase II)", "International School of Optometry",
    ...     "JIMC rental housing pilot project", "4th China International Tourism Fair")]
    [True, True, True, True, True]
    >>> [takes_article(n) for n in ("SICC", "Wanda Plaza", "Liguan Microelectronics",
    ...     "China Construction (Jinan) Investment Co., Ltd.", "Shandong First Medical University",
    ...     "Jinan West Railway Station", "Huaiyin District")]
    [False, False, False, False, False, False, False]
    """
    bare = _BRACKETS.sub("", name).strip().rstrip(".,;")
    if not bare or " " not in bare or _COMPANY_END.search(name.strip()):
        return False  # an acronym or one word ('SICC', 'Joyoung'), or a firm's legal name
    if " of " in bare:
        return bare.split(" of ", 1)[0].split()[-1][:1].isupper()
    head = bare.split(",")[-1].split()[-1]
    return head[:1].islower() or head.lower() in INSTITUTION_HEADS


#: Words that end a noun phrase (function words, verbs of being) rather than continue it.
_STOP = (
    "and|or|but|of|in|on|at|to|for|by|with|from|as|than|the|a|an|its|their|is|are|was"
    "|were|be|been|has|have|had|that|which|who|since|after|before|while|will|would"
)
#: Up to two words continuing a noun phrase after a glossed term: no function word, no
#: participle or adverb ('… enterprise recognized by …' stops before 'recognized').
_NOUN_AFTER = re.compile(rf"(?:[ ](?!(?:{_STOP})\b)(?![\w-]+(?:ed|ing|ly)\b)[A-Za-z][\w-]*){{1,2}}")


@dataclass(frozen=True)
class Grammar:
    """How one language joins and finishes what the phrase patterns produce."""

    lang: str
    space: str  # between sentences

    def join(self, items: Sequence[str]) -> str:
        """A list: 'a, b and c' / '甲、乙、丙'."""
        items = [i for i in items if i]
        if self.lang == "zh":  # no 、 between quoted items (GB/T 15834): “甲”“乙”
            out = items[0] if items else ""
            for before, item in itertools.pairwise(items):
                quoted = before.endswith(("”", "》")) and item.startswith(("“", "《"))
                out += ("" if quoted else "、") + item
            return out
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
        if any(", " in i for i in items):  # a comma of its own, not one in '30,000'
            if len(items) == 2:  # 'x, up 5 percent, and y': a comma closes the aside
                return items[0] + (", and " if ", " in items[0] else " and ") + items[1]
            return "; ".join(items[:-1]) + "; and " + items[-1]
        return self.join(items)

    def steps(self, items: Sequence[str], trend: bool, joiner: str) -> str:
        """The values of a series: 'a to b and c' with a trend; 'a, b and c' without."""
        if self.lang == "zh":
            return "，".join(items)
        if trend and len(items) > 1:
            return items[0] + joiner + self.join(list(items[1:]))
        return self.join(list(items))

    def the(self, name: str, mass_ok: bool = False) -> str:
        """'the' before a common-noun name in English ('the northern extension of Qilu
        Avenue') and before a proper name that needs one (:func:`takes_article`: 'the
        Jinan Huaiyin Economic Development Zone'); a Chinese name, a name that has an
        article, another proper name ('SICC', 'Wanda Plaza') and — with ``mass_ok`` — a
        mass noun ('investment', 'regional GDP') are left."""
        if self.lang == "zh" or name.startswith(("the ", "a ", "an ", "The ")):
            return name
        if not name[:1].islower():
            return "the " + name if takes_article(name) else name
        if mass_ok and " of " not in name:
            head = _HEAD_END.split(name, maxsplit=1)[0].split()
            if head and head[-1].lower() in MASS_NOUNS:
                return name
        return "the " + name

    def a(self, name: str) -> str:
        """'a'/'an' before a singular countable English noun phrase ('an approval rate of
        …'); plural, mass and proper names and Chinese are left as they are."""
        if self.lang == "zh" or not name[:1].islower() or name.startswith(("the ", "a ", "an ")):
            return name
        head = _HEAD_END.split(name, maxsplit=1)[0].split()
        last = head[-1].lower() if head else ""
        if not last or last in MASS_NOUNS or (last.endswith("s") and not last.endswith("ss")):
            return name
        return ("an " if name[0] in "aeio" else "a ") + name

    def gloss(self, text: str, term: str, gloss: str) -> str:
        """``text`` with ``gloss`` after the first ``term`` — after the noun phrase the term
        opens, not inside it: 'a national-level “little giant” enterprise (…)', not
        'a “little giant” (…) enterprise'.

        >>> EN.gloss("a “little giant” enterprise, a champion", "“little giant”", "(g)")
        'a “little giant” enterprise (g), a champion'
        >>> EN.gloss("“little giant” firms rated A", "“little giant”", "(g)")
        '“little giant” firms (g) rated A'
        >>> EN.gloss("a “little giant” and a champion", "“little giant”", "(g)")
        'a “little giant” (g) and a champion'
        """
        start = text.find(term)
        if start < 0:
            return text
        end = start + len(term)
        head = _NOUN_AFTER.match(text, end)
        if head is not None:
            end = head.end()
        return f"{text[:end]} {gloss}{text[end:]}"

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
