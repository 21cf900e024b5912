"""Short forms after first mention: a named place's full name once per paragraph.

When a sentence names a park, centre, zone, base, hospital, group or company that an
earlier sentence of the same paragraph already named, the name becomes its kind's
short form: 山东国际会展中心 → 该中心, "the Shandong International Convention and
Exhibition Center" → "the center". A name the text abbreviates (济南国际医学科学中心
（以下简称“医学中心”）, "Jinan International Medical Center (JIMC; …)") is said by its
abbreviation from then on, in every later paragraph. Only whole names are replaced:
never a name inside a longer one (济南国际医学中心精准医学孵化器, "Huaiyin Economic
Development Zone" for the district "Huaiyin"), never an item of a list, and in Chinese
only a name that opens a sentence or a clause.

>>> shorten_all("zh", ["山东国际会展中心举办展会61场。", "山东国际会展中心距济南西站不到3公里。"],
...             ["山东国际会展中心"])
['山东国际会展中心举办展会61场。', '该中心距济南西站不到3公里。']
>>> shorten_all("en", ["The Digital Finance Park has 93 firms.",
...                    "Funds in the Digital Finance Park grew."], ["the Digital Finance Park"])
['The Digital Finance Park has 93 firms.', 'Funds in the park grew.']
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping, Sequence

#: Chinese name endings → the short form that refers back to the named thing.
ZH_SHORT = (
    ("产业园", "园区"),
    ("开发区", "开发区"),
    ("中心", "该中心"),
    ("基地", "该基地"),
    ("医院", "该医院"),
    ("集团", "该集团"),
    ("公司", "该公司"),
    ("园", "园区"),
)
#: English name endings → the short form.
EN_SHORT = (
    ("Park", "the park"),
    ("Zone", "the zone"),
    ("Center", "the center"),
    ("Centre", "the centre"),
    ("Base", "the base"),
    ("Hospital", "the hospital"),
    ("Group", "the group"),
)
#: Names shorter than this are left alone (a short name is short enough).
MIN_ZH, MIN_EN_WORDS = 6, 3
#: Where a Chinese name may be shortened: a sentence's or a clause's start.
_ZH_CLAUSE_START = ("", "，", "；", "：")


def short_form(lang: str, name: str) -> str | None:
    """The short form of ``name`` in ``lang``, or None when it has none."""
    if lang.startswith("zh"):
        if len(name) < MIN_ZH:
            return None
        return next((short for end, short in ZH_SHORT if name.endswith(end)), None)
    bare = name.removeprefix("the ").removeprefix("The ")
    if len(bare.split()) < MIN_EN_WORDS:
        return None
    return next((short for end, short in EN_SHORT if bare.endswith(end)), None)


def abbreviations(lang: str, text: str, names: Sequence[str]) -> dict[str, str]:
    """Abbreviations the text defines for ``names``: 'X（以下简称“Y”）' / 'X (Y; …)' or 'X (Y)'.

    >>> abbreviations("zh", "坚持济南国际医学科学中心（以下简称“医学中心”）定位",
    ...               ["济南国际医学科学中心"])
    {'济南国际医学科学中心': '医学中心'}
    >>> abbreviations("en", "the Jinan International Medical Center (JIMC; formally …)",
    ...               ["Jinan International Medical Center"])
    {'Jinan International Medical Center': 'JIMC'}
    """
    found = {}
    for name in names:
        bare = name.removeprefix("the ")
        if lang.startswith("zh"):
            pattern = re.escape(bare) + r"[（(]以下简称[“\"]([^”\"]{1,12})[”\"][）)]"
        else:
            pattern = re.escape(bare) + r" \(([A-Z][A-Za-z&-]{1,11})[;)]"
        match = re.search(pattern, text)
        if match is not None:
            found[bare] = match[1]
    return found


#: A Chinese sentence's period lead-in: 2023年上半年， 截至2023年5月， 2023年末， 2023年1—5月，
_ZH_LEAD = re.compile(
    r"^(?P<as_of>截至)?(?P<year>\d{4}年)(?P<part>上半年|下半年|\d+—\d+月|\d+月|末)?，"
)


#: A period named inside a sentence (全年, 2023年末, 截至…, 5月): the frame changed there.
_ZH_PERIOD_WORD = re.compile(r"全年|\d{4}年|截至|\d+月|上半年|下半年|年末|年底")


def periods_once(lang: str, sentences: Sequence[str]) -> list[str]:
    """A paragraph's Chinese period lead-ins said once: a sentence in the same period as
    the sentence before it drops its lead-in (the time frame holds until it changes),
    and a part of a year already named in the paragraph drops the year (上半年，截至5月，).

    >>> periods_once("zh", ["2023年上半年，甲达1个。", "2023年上半年，乙达2个。",
    ...                     "截至2023年5月，丙为3亿元。", "截至2023年5月，丁为4亿元，全年5亿元。",
    ...                     "截至2023年5月，戊为6亿元。"])  # doctest: +NORMALIZE_WHITESPACE
    ['2023年上半年，甲达1个。', '乙达2个。', '截至5月，丙为3亿元。',
     '丁为4亿元，全年5亿元。', '截至5月，戊为6亿元。']
    """
    if not lang.startswith("zh"):
        return list(sentences)
    out: list[str] = []
    before = ""  # the previous sentence's lead-in as written
    for i, sentence in enumerate(sentences):
        match = _ZH_LEAD.match(sentence)
        if match is None:
            out.append(sentence)
            before = ""
            continue
        lead, rest = match[0], sentence[match.end() :]
        if lead == before and not _ZH_PERIOD_WORD.search(sentences[i - 1][len(lead) :]):
            out.append(rest)
        elif match["part"] and match["year"] in "".join(sentences[:i]):
            out.append(
                (match["as_of"] or "")
                + ("年末" if match["part"] == "末" else match["part"])
                + "，"
                + rest
            )
        else:
            out.append(sentence)
        before = lead
    return out


def district_openings(
    sentences: Sequence[str],
    district: Sequence[str],
    short: str,
    longer: Sequence[str] = (),
    skip_first: bool = False,
) -> list[str]:
    """Sentences that open with the district's name ('槐荫区着力构建…', 'Huaiyin is
    building …') after the paragraph's first sentence (``skip_first``) refer to it
    by the place kind (全区 / "The district"): the name is said once per paragraph. Only
    the whole name: a longer name that starts with it (槐荫区人民政府, 槐荫区委, "Huaiyin
    Economic Development Zone") is kept.

    >>> district_openings(["槐荫区着力构建体系。", "槐荫区人民政府区长表示。"], ["槐荫区"], "全区",
    ...                   ["槐荫区人民政府区长"])
    ['全区着力构建体系。', '槐荫区人民政府区长表示。']
    >>> district_openings(["Huaiyin is building a system.",
    ...                    "Huaiyin Economic Development Zone grew."],
    ...                   ["Huaiyin District", "Huaiyin"], "the district")
    ['The district is building a system.', 'Huaiyin Economic Development Zone grew.']
    """
    names = sorted((n for n in district if n), key=len, reverse=True)
    out = []
    for i, sentence in enumerate(sentences):
        name = next((n for n in names if sentence.startswith(n)), None)
        kept = any(sentence.startswith(n) for n in longer if name and len(n) > len(name))
        if name and not kept and not (skip_first and i == 0):
            rest = sentence[len(name) :]
            if _continues_name(rest, name):
                out.append(sentence)  # 'Huaiyinese', 'Huaiyin Economic …': not the name
                continue
            sentence = short[:1].upper() + short[1:] + rest
        out.append(sentence)
    return out


def _continues_name(rest: str, name: str = "") -> bool:
    """Whether the text after a name goes on with more of a name: a Latin letter at once
    ('Huaiyinese'); after a Latin name, a letter or digit of any script ('Huaiyin业');
    or a capitalised word ('Huaiyin Economic Development Zone'). A Chinese name runs
    into its sentence without a space (槐荫区着力…), so a Chinese character goes on only
    after a Latin name."""
    first = rest[:1]
    if first.isascii() and first.isalpha():
        return True
    if first.isalnum() and name and name[-1].isascii():
        return True
    return bool(re.match(r" [A-Z(（]", rest))


def shorten_all(
    lang: str,
    sentences: Sequence[str],
    names: Sequence[str],
    defined: MutableMapping[str, str] | None = None,
) -> list[str]:
    """The paragraph's sentences with repeated names shortened (module text). ``defined``
    holds the abbreviations defined so far in the document and gains this paragraph's."""
    zh = lang.startswith("zh")
    defined = {} if defined is None else defined
    bare_names = [n.removeprefix("the ") for n in names]
    forms = sorted(
        ((n, s) for n in bare_names if (s := short_form(lang, n))), key=lambda item: -len(item[0])
    )
    out: list[str] = []
    for sentence in sentences:
        new = abbreviations(lang, sentence, bare_names)
        for name, abbr in defined.items():
            sentence = _replace(zh, sentence, name, abbr, bare_names)
        earlier = "".join(out)
        for name, short in forms:
            if name in defined or name not in earlier or name in new:
                continue
            rivals = [n for n, s in forms if s == short and n != name and n in earlier + sentence]
            if not rivals:  # 'the park' is ambiguous once two parks are named
                sentence = _replace(zh, sentence, name, short, bare_names)
        defined.update(new)
        out.append(sentence)
    return out


def _replace(zh: bool, sentence: str, name: str, short: str, names: Sequence[str]) -> str:
    """``sentence`` with each whole, unlisted occurrence of ``name`` (with its article, in
    English) said as ``short``; a longer name that contains it is left alone."""
    longer = [n for n in names if name in n and n != name]
    out, start = "", 0
    while (at := sentence.find(name, start)) >= 0:
        end = at + len(name)
        before, after = sentence[:at], sentence[end:]
        inside = any(_within(sentence, at, name, n) for n in longer)
        if inside or not _whole(zh, before, after) or _listed(zh, before, after):
            out += sentence[start:end]
            start = end
            continue
        article = None if zh else re.search(r"(?:^|(?<=\s))[Tt]he $", before)
        cut = at - (len(article[0]) if article else 0)
        text = short[:1].upper() + short[1:] if not zh and cut == 0 else short
        out += sentence[start:cut] + text
        start = end
    return out + sentence[start:]


def _within(sentence: str, at: int, name: str, longer: str) -> bool:
    """Whether the occurrence of ``name`` at ``at`` is part of ``longer`` there."""
    offset = longer.find(name)
    return at >= offset and sentence.startswith(longer, at - offset)


def _whole(zh: bool, before: str, after: str) -> bool:
    """A whole name: in Chinese at a sentence's or clause's start; in English not inside
    a word nor followed by more of a name."""
    if zh:
        return before[-1:] in _ZH_CLAUSE_START
    if before[-1:].isalnum() or _continues_name(after):
        return False
    return not after[:1].isalnum()


def _listed(zh: bool, before: str, after: str) -> bool:
    """Whether the name is an item of a list ('…、A、…', '(A, the B and C)'); a comma
    before it alone is a lead-in's ('As of May 2023, the …'), not a list's."""
    if zh:
        return before.endswith("、") or after.startswith(("、", "和", "与"))
    bare = re.sub(r"(?:[Tt]he )$", "", before)
    if bare.endswith((" and ", " or ", "(")) or after.startswith((" and ", " or ")):
        return True
    return after.startswith((", the ", ", a ")) or (
        bare.endswith(", ") and after.startswith((", ", ")"))
    )
