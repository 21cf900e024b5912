"""Simplified Chinese phrases: amounts keep the source's own form (365.5亿元, 6.1万余户).

>>> TABLE.patterns["gap.up"]
'高于全市{amount}'
"""

from __future__ import annotations

from reportgen.facts.amounts import Qualifier
from reportgen.facts.model import Status
from reportgen.i18n.phrases import AmountSystem, PhraseTable

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
        Status.ESTIMATE: "预计",
        Status.TARGET: "目标",
        Status.PLAN: "计划",
    },
    ordinal_words=dict(enumerate("一二三四五六七八九十", start=1)),
    halves={1: "上", 2: "下"},
    month_skeletons={"prose": "yMMMM", "table": "yMMMM"},
)
