"""Simplified Chinese phrases: amounts keep the source's own form (365.5亿元, 6.1万余户).

>>> TABLE.patterns["gap.up"]
'高于全市{amount}'
"""

from __future__ import annotations

from reportgen.facts.amounts import Qualifier
from reportgen.facts.model import PlaceKind, SourceKind, Status
from reportgen.i18n.phrases import AmountSystem, PhraseTable, PlaceWords, forms

PATTERNS: dict[str, str] = {
    "change.actual.up": "同比增长{amount}",
    "change.actual.down": "同比下降{amount}",
    "change.estimate.up": "预计增长{amount}",
    "change.estimate.down": "预计下降{amount}",
    "change.target.up": "增长{amount}",
    "change.target.down": "下降{amount}",
    "change.plan.up": "计划增长{amount}",
    "change.plan.down": "计划下降{amount}",
    "change.table": "{amount}",
    "change.actual.up.points": "同比提高{amount}",
    "change.actual.down.points": "同比下降{amount}",
    "change.estimate.up.points": "预计提高{amount}",
    "change.target.up.points": "提高{amount}",
    "change.plan.up.points": "计划提高{amount}",
    "change.actual.up.absolute": "同比增加{amount}",
    "change.actual.down.absolute": "同比减少{amount}",
    "change.estimate.up.absolute": "预计增加{amount}",
    "change.estimate.down.absolute": "预计减少{amount}",
    "change.target.up.absolute": "增加{amount}",
    "change.target.down.absolute": "减少{amount}",
    "change.plan.up.absolute": "计划增加{amount}",
    "change.plan.down.absolute": "计划减少{amount}",
    "range": "{low}{separator}{high}",
    "gap.up": "高于全市{amount}",
    "gap.down": "低于全市{amount}",
    "gap.table": "{amount}",
    "rank": "位列全市第{ordinal}",
    "rank.nocity": "位列全市第{ordinal}",
    "rank.table": "第{number}",
    "period.year": "{year}",
    "period.half": "{year}{half}半年",
    "period.months": "{year}{start}—{end}月",
    "period.as_of": "截至{date}",
    "period.unknown": "",
    "period.unknown.table": "—",
    "period.unclear": "",
    "period.unclear.table": "时期不明确",
    "period.status": "{period}{status}",
}

TABLE = PhraseTable(
    locale="zh",
    text_field="zh",
    amounts=AmountSystem.AS_WRITTEN,
    patterns=PATTERNS,
    # Chinese keeps the source's own marker (约, 余, 以上 …); these name the meaning.
    qualifiers={
        Qualifier.ABOUT: "约",
        Qualifier.OVER: "超",
        Qualifier.MORE_THAN: "余",
        Qualifier.NEARLY: "近",
        Qualifier.AT_LEAST: "以上",
        Qualifier.UP_TO: "不到",
    },
    status_labels={
        Status.ACTUAL: "",
        Status.PRELIMINARY: "初步核算",
        Status.ESTIMATE: "预计",
        Status.TARGET: "目标",
        Status.PLAN: "计划",
    },
    ordinal_words=dict(enumerate("一二三四五六七八九十", start=1)),
    halves={1: "上", 2: "下"},
    month_skeletons={"prose": "yMMMM", "table": "yMMMM"},
    places={
        PlaceKind.DISTRICT: PlaceWords("区", "全区", "全区"),
        PlaceKind.COUNTY: PlaceWords("县", "全县", "全县"),
        PlaceKind.COUNTY_CITY: PlaceWords("市", "全市", "全市"),
        PlaceKind.BANNER: PlaceWords("旗", "全旗", "全旗"),
        PlaceKind.AUTONOMOUS_COUNTY: PlaceWords("县", "全县", "全县"),
        PlaceKind.AUTONOMOUS_BANNER: PlaceWords("旗", "全旗", "全旗"),
        PlaceKind.FORESTRY_DISTRICT: PlaceWords("林区", "全区", "全区"),
        PlaceKind.SPECIAL_DISTRICT: PlaceWords("特区", "全区", "全区"),
    },
    source_kinds={
        SourceKind.NEWS: forms("新闻报道"),
        SourceKind.WORK_REPORT: forms("政府工作报告"),
        SourceKind.BULLETIN: forms("统计公报"),
        SourceKind.PRESS_RELEASE: forms("新闻发布稿"),
        SourceKind.YEARBOOK: forms("年鉴"),
    },
    source_counts={
        SourceKind.NEWS: "{n}篇{noun}",
        SourceKind.WORK_REPORT: "{n}份{noun}",
        SourceKind.BULLETIN: "{n}份{noun}",
        SourceKind.PRESS_RELEASE: "{n}份{noun}",
        SourceKind.YEARBOOK: "{n}部{noun}",
    },
    list_joins=("、", "和"),
)
