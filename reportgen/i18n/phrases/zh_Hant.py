"""Traditional Chinese phrases: the whole cost of a third language is this one table.

Amounts keep the source's form with its characters converted (6.1萬餘戶);
numbers, dates and date intervals come from CLDR's zh_Hant data through Babel
(2023年1月至5月). Names and nouns come from the ``zh`` text, converted the same
way, until the data carries Traditional text.

>>> TABLE.convert["万"]
'萬'
"""

from __future__ import annotations

from reportgen.facts.amounts import Qualifier
from reportgen.facts.model import PlaceKind, SourceKind, Status
from reportgen.i18n.phrases import AmountSystem, PhraseTable, PlaceWords, forms

# Units, markers and the commonest characters of nouns; not a full converter.
_SIMPLIFIED = "万亿余两个栋间处项场辆条张类户点将过约术业产区园体馆学医养务发设车楼电"
_TRADITIONAL = "萬億餘兩個棟間處項場輛條張類戶點將過約術業產區園體館學醫養務發設車樓電"

PATTERNS: dict[str, str] = {
    "change.actual.up": "同比增長{amount}",
    "change.actual.down": "同比下降{amount}",
    "change.estimate.up": "預計增長{amount}",
    "change.estimate.down": "預計下降{amount}",
    "change.target.up": "增長{amount}",
    "change.target.down": "下降{amount}",
    "change.plan.up": "計劃增長{amount}",
    "change.plan.down": "計劃下降{amount}",
    "change.table": "{amount}",
    "change.actual.up.points": "同比提高{amount}",
    "change.actual.down.points": "同比下降{amount}",
    "change.estimate.up.points": "預計提高{amount}",
    "change.target.up.points": "提高{amount}",
    "change.plan.up.points": "計劃提高{amount}",
    "change.actual.up.absolute": "同比增加{amount}",
    "change.actual.down.absolute": "同比減少{amount}",
    "change.estimate.up.absolute": "預計增加{amount}",
    "change.estimate.down.absolute": "預計減少{amount}",
    "change.target.up.absolute": "增加{amount}",
    "change.target.down.absolute": "減少{amount}",
    "change.plan.up.absolute": "計劃增加{amount}",
    "change.plan.down.absolute": "計劃減少{amount}",
    "range": "{low}{separator}{high}",
    "gap.up": "高於全市{amount}",
    "gap.down": "低於全市{amount}",
    "gap.table": "{amount}",
    "rank": "位列全市第{ordinal}",
    "rank.nocity": "位列全市第{ordinal}",
    "rank.table": "第{number}",
    "period.year": "{year}",
    "period.half": "{year}{half}半年",
    "period.as_of": "截至{date}",
    "period.unknown": "",
    "period.unknown.table": "—",
    "period.unclear": "",
    "period.unclear.table": "時期不明確",
    "period.status": "{period}{status}",
}

TABLE = PhraseTable(
    locale="zh_Hant",
    text_field="zh",
    amounts=AmountSystem.AS_WRITTEN,
    patterns=PATTERNS,
    qualifiers={
        Qualifier.ABOUT: "約",
        Qualifier.OVER: "超",
        Qualifier.MORE_THAN: "餘",
        Qualifier.NEARLY: "近",
        Qualifier.AT_LEAST: "以上",
        Qualifier.UP_TO: "不到",
    },
    status_labels={
        Status.ACTUAL: "",
        Status.PRELIMINARY: "初步核算",
        Status.ESTIMATE: "預計",
        Status.TARGET: "目標",
        Status.PLAN: "計劃",
    },
    ordinal_words=dict(enumerate("一二三四五六七八九十", start=1)),
    halves={1: "上", 2: "下"},
    month_skeletons={"prose": "yMMMM", "table": "yMMMM"},
    places={
        PlaceKind.DISTRICT: PlaceWords("區", "全區", "全區"),
        PlaceKind.COUNTY: PlaceWords("縣", "全縣", "全縣"),
        PlaceKind.COUNTY_CITY: PlaceWords("市", "全市", "全市"),
        PlaceKind.BANNER: PlaceWords("旗", "全旗", "全旗"),
        PlaceKind.AUTONOMOUS_COUNTY: PlaceWords("縣", "全縣", "全縣"),
        PlaceKind.AUTONOMOUS_BANNER: PlaceWords("旗", "全旗", "全旗"),
        PlaceKind.FORESTRY_DISTRICT: PlaceWords("林區", "全區", "全區"),
        PlaceKind.SPECIAL_DISTRICT: PlaceWords("特區", "全區", "全區"),
    },
    source_kinds={
        SourceKind.NEWS: forms("新聞報道"),
        SourceKind.WORK_REPORT: forms("政府工作報告"),
        SourceKind.BULLETIN: forms("統計公報"),
        SourceKind.PRESS_RELEASE: forms("新聞發佈稿"),
        SourceKind.YEARBOOK: forms("年鑑"),
    },
    source_counts={
        SourceKind.NEWS: "{n}篇{noun}",
        SourceKind.WORK_REPORT: "{n}份{noun}",
        SourceKind.BULLETIN: "{n}份{noun}",
        SourceKind.PRESS_RELEASE: "{n}份{noun}",
        SourceKind.YEARBOOK: "{n}部{noun}",
    },
    list_joins=("、", "和"),
    convert=dict(zip(_SIMPLIFIED, _TRADITIONAL, strict=True)),
)
