"""Short forms after first mention: a named place's full name once per paragraph.

When a sentence opens with the full name of a park, centre, zone, base, hospital,
group or company that an earlier sentence of the same paragraph already named, the
name becomes its kind's short form: 山东国际会展中心 → 该中心, "the Shandong
International Convention and Exhibition Center" → "the center". Only a name that
opens a sentence is shortened, so a longer name that contains it (济南国际医学中心
精准医学孵化器) is never cut.

>>> shorten_all("zh", ["山东国际会展中心举办展会61场。", "山东国际会展中心距济南西站不到3公里。"],
...             ["山东国际会展中心"])
['山东国际会展中心举办展会61场。', '该中心距济南西站不到3公里。']
>>> shorten_all("en", ["The Digital Finance Park has 93 firms.", "The Digital Finance Park grew."],
...             ["the Digital Finance Park"])
['The Digital Finance Park has 93 firms.', 'The park grew.']
"""

from __future__ import annotations

from collections.abc import Sequence

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


def district_openings(
    sentences: Sequence[str],
    district: Sequence[str],
    short: str,
    longer: Sequence[str] = (),
    skip_first: bool = False,
) -> list[str]:
    """Sentences that open with the district's name ('槐荫区着力构建…', 'Huaiyin is
    building …') after the paragraph's first sentence (``skip_first``) refer to it
    by the place kind (全区 / "The district"): the name is said once per paragraph; a
    longer name that starts with it (槐荫区人民政府, 槐荫区委) is kept.

    >>> district_openings(["槐荫区着力构建体系。", "槐荫区人民政府区长表示。"], ["槐荫区"], "全区",
    ...                   ["槐荫区人民政府区长"])
    ['全区着力构建体系。', '槐荫区人民政府区长表示。']
    >>> district_openings(["Huaiyin is building a system."], ["Huaiyin District", "Huaiyin"],
    ...                   "the district")
    ['The district is building a system.']
    """
    names = sorted((n for n in district if n), key=len, reverse=True)
    out = []
    for i, sentence in enumerate(sentences):
        name = next((n for n in names if sentence.startswith(n)), None)
        kept = any(sentence.startswith(n) for n in longer if name and len(n) > len(name))
        if name and not kept and not (skip_first and i == 0):
            rest = sentence[len(name) :]
            if rest[:1].isalpha() and rest[:1].isascii():
                out.append(sentence)  # 'Huaiyinese': not the name
                continue
            sentence = short[:1].upper() + short[1:] + rest
        out.append(sentence)
    return out


def shorten_all(lang: str, sentences: Sequence[str], names: Sequence[str]) -> list[str]:
    """The paragraph's sentences with repeated opening names shortened (module text)."""
    zh = lang.startswith("zh")
    forms = sorted(
        ((n.removeprefix("the "), s) for n in names if (s := short_form(lang, n))),
        key=lambda item: -len(item[0]),
    )
    out: list[str] = []
    for i, sentence in enumerate(sentences):
        earlier = "".join(out)
        for name, short in forms:
            prefixes = (name,) if zh else (name, "The " + name, "the " + name)
            opening = next((p for p in prefixes if sentence.startswith(p)), None)
            if i and opening and (name in earlier):
                rest = sentence[len(opening) :]
                sentence = (short if zh else short[:1].upper() + short[1:]) + rest
                break
        out.append(sentence)
    return out
