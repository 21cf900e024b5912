"""Referring expressions (review 2, B24): a name said in full once, then its short form
or the abbreviation the text defined; whole names only, never a list item, never a
name inside a longer one, and the district's name never cut out of another name."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportgen.i18n.realize.refer import abbreviations, district_openings, shorten_all

PARK_EN = "Shandong Digital Finance Industrial Park"
PARK_ZH = "山东数字金融产业园"


def test_a_name_inside_a_later_sentence_is_shortened() -> None:
    out = shorten_all(
        "en",
        [f"Enterprises settled in the {PARK_EN} reached 93.", f"Funds in the {PARK_EN} grew."],
        [PARK_EN],
    )
    assert out[1] == "Funds in the park grew."


def test_a_name_after_a_lead_in_is_shortened_in_both_languages() -> None:
    en = shorten_all("en", [f"The {PARK_EN} opened.", f"In 2023, the {PARK_EN} grew."], [PARK_EN])
    assert en[1] == "In 2023, the park grew."
    zh = shorten_all("zh", [f"{PARK_ZH}开园。", f"2023年，{PARK_ZH}入驻企业达93家。"], [PARK_ZH])
    assert zh[1] == "2023年，园区入驻企业达93家。"


def test_a_name_in_a_list_or_inside_a_longer_name_is_kept() -> None:
    base = "Shandong Sci-Tech Innovation (Huaiyin) Base"
    listed = f"Incubators arrived (the A Incubator, the {base} and the B Base)."
    assert shorten_all("en", [f"The {base} incubates firms.", listed], [base])[1] == listed
    zh = ["山东科创（槐荫）基地孵化企业。", "甲孵化器、山东科创（槐荫）基地、乙基地相继落户。"]
    assert shorten_all("zh", zh, ["山东科创（槐荫）基地"])[1] == zh[1]
    longer = "济南国际医学中心精准医学孵化器"
    zh = ["济南国际医学中心开工。", f"{longer}启用。"]
    assert shorten_all("zh", zh, ["济南国际医学中心", longer])[1] == zh[1]


def test_two_names_with_one_short_form_keep_their_names() -> None:
    other = "Xinghu Science and Innovation Park"
    sentences = [f"The {PARK_EN} and the {other} opened.", f"Funds in the {PARK_EN} grew."]
    assert shorten_all("en", sentences, [PARK_EN, other])[1] == sentences[1]


def test_an_abbreviation_the_text_defines_is_used_from_then_on() -> None:
    name = "Jinan International Medical Center"
    defined: dict[str, str] = {}
    said = [f"Huaiyin backs the {name} (JIMC; formally …).", f"As of May 2023, the {name} had 11."]
    first = shorten_all("en", said, [name], defined)
    assert first[1] == "As of May 2023, JIMC had 11."
    later = shorten_all("en", [f"The {name} had 54 projects."], [name], defined)
    assert later == ["JIMC had 54 projects."]  # in a later paragraph too
    zh: dict[str, str] = {}
    shorten_all(
        "zh", ["坚持济南国际医学科学中心（以下简称“医学中心”）定位。"], ["济南国际医学科学中心"], zh
    )
    assert shorten_all(
        "zh", ["济南国际医学科学中心开工项目54个。"], ["济南国际医学科学中心"], zh
    ) == ["医学中心开工项目54个。"]


def test_abbreviations_are_found_only_right_after_the_name() -> None:
    assert abbreviations("en", "the Center (JIMC) and", ["the Center"]) == {"Center": "JIMC"}
    assert abbreviations("en", "the Center, JIMC (an acronym)", ["Center"]) == {}


# --- the district's name, whole (the property-test edge case) ------------------------------------

words = st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(district=words, rest=st.lists(words, min_size=1, max_size=3))
@example(district="Huaiyin", rest=["Economic", "Development", "Zone"])
def test_a_longer_name_that_opens_with_the_districts_is_never_cut(
    district: str, rest: list[str]
) -> None:
    name = " ".join([district, *rest])
    sentences = ["The district grew.", f"{name} had 12 projects signed."]
    out = district_openings(sentences, [f"{district} District", district], "the district", (), True)
    assert out[1] == sentences[1]
    own = district_openings(
        ["x", f"{district} is building a system."], [district], "the district", (), True
    )
    assert own[1] == "The district is building a system."


def test_a_name_without_letters_is_no_short_form_and_cjk_continues_a_name() -> None:
    """Found by the property build: a district named '&  区数创数业' gave the short form
    '&', and a measure '&业' became 'The district业'."""
    from reportgen.i18n.realize import _district_names
    from reportgen.i18n.realize.refer import district_openings

    assert _district_names({"name": "&  区数创数业"}, "en") == ["&  区数创数业"]
    assert _district_names({"name": "Huaiyin District"}, "en") == ["Huaiyin District", "Huaiyin"]
    assert district_openings(["x.", "Huaiyin业 grew."], ["Huaiyin"], "the district") == [
        "x.",
        "Huaiyin业 grew.",
    ]
