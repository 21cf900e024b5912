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
from reportgen.facts.model import Status
from reportgen.i18n.phrases import AmountSystem, PhraseTable

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
        Status.ESTIMATE: "預計",
        Status.TARGET: "目標",
        Status.PLAN: "計劃",
    },
    ordinal_words=dict(enumerate("一二三四五六七八九十", start=1)),
    halves={1: "上", 2: "下"},
    month_skeletons={"prose": "yMMMM", "table": "yMMMM"},
    convert=dict(zip(_SIMPLIFIED, _TRADITIONAL, strict=True)),
)
