"""English phrases (style: /work/shared/reference/english-conventions.md).

Numbers, plural and ordinal categories, compact words (million, billion,
trillion), month names and date intervals come from CLDR through Babel; dates
use en_GB for the day-month-year order the dataset's English uses (17 January 2024).

>>> TABLE.units["栋"].prose["other"]
'buildings'
"""

from __future__ import annotations

from reportgen.facts.amounts import Qualifier
from reportgen.facts.model import PlaceKind, SourceKind, Status
from reportgen.i18n.phrases import AmountSystem, PhraseTable, PlaceWords, UnitWords, forms


def _count(one: str, other: str) -> UnitWords:
    """A measure word: dropped in English, the counted noun pluralised (rule 11)."""
    return UnitWords(forms(one, other), header=other)


UNITS: dict[str, UnitWords] = {
    "元": UnitWords(forms("yuan"), header="RMB"),
    "平方米": UnitWords(forms("square meter", "square meters"), header="m²"),
    "平方公里": UnitWords(forms("square kilometer", "square kilometers"), header="km²"),
    "公里": UnitWords(forms("kilometer", "kilometers"), header="km"),
    "人": UnitWords(forms("person", "people"), header="people"),
    "人次": UnitWords(forms("visit", "visits"), header="visits"),
    "人年": UnitWords(forms("person-year", "person-years"), header="person-years"),
    "%": UnitWords(forms("percent"), header="%", cell="%"),
    "个百分点": UnitWords(forms("percentage point", "percentage points"), header="pp", cell=" pp"),
    "‰": UnitWords(forms("per thousand"), header="‰", cell="‰"),
    "元/人": UnitWords(forms("yuan per person"), header="RMB per person"),
    # Default nouns per measure word; a figure's `item` overrides them.
    "个": _count("item", "items"),
    "家": _count("enterprise", "enterprises"),
    "家次": _count("enterprise visit", "enterprise visits"),
    "项": _count("item", "items"),
    "场": _count("event", "events"),
    "处": _count("site", "sites"),
    "部": _count("unit", "units"),
    "户": _count("household", "households"),
    "栋": _count("building", "buildings"),
    "间": _count("room", "rooms"),
    "趟": _count("train", "trains"),
    "所": _count("institution", "institutions"),
    "件": _count("case", "cases"),
    "名": _count("individual", "individuals"),
    "辆": _count("vehicle", "vehicles"),
    "套": _count("unit", "units"),
    "座": _count("facility", "facilities"),
    "条": _count("line", "lines"),
    "次": _count("time", "times"),
    "批": _count("batch", "batches"),
    "台": _count("unit", "units"),
    "份": _count("copy", "copies"),
    "张": _count("sheet", "sheets"),
    "类": _count("category", "categories"),
}

PATTERNS: dict[str, str] = {
    "amount": "{number} {unit}",
    "amount.table": "{number}{unit}",
    "qualified": "{qualifier} {amount}",
    "change.actual.up": "up {amount} year on year",
    "change.actual.down": "down {amount} year on year",
    "change.estimate.up": "estimated growth of {amount}",
    "change.estimate.down": "an estimated decline of {amount}",
    "change.target.up": "a target of {amount} growth",
    "change.target.down": "a reduction target of {amount}",
    "change.plan.up": "planned growth of {amount}",
    "change.plan.down": "a planned reduction of {amount}",
    "change.table": "{amount}",
    # A change in points of a rate, or an absolute change in the figure's own unit.
    "change.estimate.up.points": "an estimated rise of {amount}",
    "change.estimate.down.points": "an estimated fall of {amount}",
    "change.target.up.points": "a target rise of {amount}",
    "change.target.down.points": "a target fall of {amount}",
    "change.plan.up.points": "a planned rise of {amount}",
    "change.plan.down.points": "a planned fall of {amount}",
    "change.estimate.up.absolute": "an estimated increase of {amount}",
    "change.estimate.down.absolute": "an estimated decrease of {amount}",
    "change.target.up.absolute": "a target increase of {amount}",
    "change.target.down.absolute": "a target decrease of {amount}",
    "change.plan.up.absolute": "a planned increase of {amount}",
    "change.plan.down.absolute": "a planned decrease of {amount}",
    "range": "{low}–{high}",
    "gap.up": "{amount} above the citywide rate",
    "gap.down": "{amount} below the citywide rate",
    "gap.table": "{amount}",
    "rank": "ranking {ordinal} in {city}",
    "rank.nocity": "ranking {ordinal} in the city",
    "rank.table": "{ordinal_digits}",
    "period.year": "{year}",
    "period.half": "the {half} half of {year}",
    "period.half.table": "H{n} {year}",
    "period.as_of": "as of {date}",
    "period.unknown": "",
    "period.unknown.table": "—",
    "period.unclear": "",
    "period.unclear.table": "period unclear",
    "period.status": "{period} {status}",
}

#: Ordinals spelled out for ranks 1–10 (Babel has no spellout); digits beyond ("11th").
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth",
            6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}  # fmt: skip

#: Counts spelled out in prose for 1–9 ("two news reports"); digits beyond.
CARDINALS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five",
             6: "six", 7: "seven", 8: "eight", 9: "nine"}  # fmt: skip

TABLE = PhraseTable(
    locale="en",
    date_locale="en_GB",
    text_field="en",
    amounts=AmountSystem.MAGNITUDE,
    magnitudes=(6, 9, 12),
    units=UNITS,
    patterns=PATTERNS,
    qualifiers={
        Qualifier.ABOUT: "around",
        Qualifier.OVER: "over",
        Qualifier.MORE_THAN: "more than",
        Qualifier.NEARLY: "nearly",
        Qualifier.AT_LEAST: "over",  # english-conventions.md §3; docs/formatting.md
        Qualifier.UP_TO: "less than",
    },
    status_labels={
        Status.ACTUAL: "",
        Status.PRELIMINARY: "preliminary",
        Status.ESTIMATE: "estimate",
        Status.TARGET: "target",
        Status.PLAN: "plan",
    },
    ordinal_words=ORDINALS,
    ordinal_suffixes={"one": "st", "two": "nd", "few": "rd", "other": "th"},
    halves={1: "first", 2: "second"},
    month_skeletons={"prose": "yMMMM", "table": "yMMM"},
    # CLDR 42+ puts thin spaces around the interval dash; English style closes it up.
    interval_fixes={"\u2009–\u2009": "–", " – ": "–"},
    places={
        PlaceKind.DISTRICT: PlaceWords("district", "the district", "districtwide"),
        PlaceKind.COUNTY: PlaceWords("county", "the county", "countywide"),
        PlaceKind.COUNTY_CITY: PlaceWords("city", "the city", "citywide"),
        PlaceKind.BANNER: PlaceWords("banner", "the banner", "bannerwide"),
        PlaceKind.AUTONOMOUS_COUNTY: PlaceWords("county", "the county", "countywide"),
        PlaceKind.AUTONOMOUS_BANNER: PlaceWords("banner", "the banner", "bannerwide"),
        PlaceKind.FORESTRY_DISTRICT: PlaceWords(
            "forestry district", "the forestry district", "districtwide"
        ),
        PlaceKind.SPECIAL_DISTRICT: PlaceWords(
            "special district", "the special district", "districtwide"
        ),
    },
    source_kinds={
        SourceKind.NEWS: forms("news report", "news reports"),
        SourceKind.WORK_REPORT: forms("government work report", "government work reports"),
        SourceKind.BULLETIN: forms("statistical bulletin", "statistical bulletins"),
        SourceKind.PRESS_RELEASE: forms("press release", "press releases"),
        SourceKind.YEARBOOK: forms("yearbook", "yearbooks"),
    },
    source_counts=dict.fromkeys(SourceKind, "{n} {noun}"),
    cardinal_words=CARDINALS,
)
