"""Which verb a figure honestly takes, in each language (review 2: B5, N1, N10, N11).

Chinese — every clause has a predicate:

- 实现 for an output or revenue result over a period, after who achieved it:
  全区实现地区生产总值365.5亿元, 限上汽车销售企业实现销售额166.72亿元, 济南二机床实现产值…
  (完成 for fixed-asset investment: 全区完成固定资产投资…);
- 达 for another actual result (a count, a share, a sum reached): 高新技术企业总数达348家;
- 为 for a size or a level that nothing "reached" (a fund set up, a project's total
  investment), and for a negative or zero value: 工业对经济增长的贡献率为−44.6%;
- nothing after an amount whose marker is a verb already (突破、超、近 …);
- a plan or a target never takes 达 (their patterns say 计划/力争).

English — a count whose measure reads '<things> <participle> …' is said with its agent
('The district held 49 investment promotion events', 'SICC had attracted 23 suppliers
to Huaiyin', 'JIMC was home to 11 projects'); other counts 'number', sums of plural
things 'come to', levels 'stand at', results 'reach'. Never 'totaled'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Chinese measures that name an output or revenue result (实现 …).
ZH_RESULT_HEADS = (
    "地区生产总值", "增加值", "营业收入", "主营业务收入", "预算收入", "税收收入", "产值",
    "销售额", "零售总额", "进出口总额", "成交额", "营业额", "利润总额", "利润",
)  # fmt: skip
#: Chinese investment completed over a period (完成固定资产投资…), not a project's size.
ZH_INVESTMENT = ("固定资产投资", "完成投资")
#: Chinese amount markers that read as verbs: no verb before them (超500亿元, not 达超…).
ZH_VERB_MARKERS = ("突破", "超", "逾", "不到", "不足", "近", "约", "达")
#: Chinese measures that say a sum accumulated (累计…): 达 even as a stock.
ZH_CUMULATIVE = ("累计", "总数", "总量", "累积")

#: English past participles whose subject is the figure's owner or the place: the agent
#: did it ('signed', 'held'). 'approved', 'rated' or 'awarded' are not: someone else did.
AGENT_VERBS = frozenset(
    {"held", "hosted", "signed", "attracted", "introduced", "started", "completed"}
    | {"launched", "built", "opened", "incubated", "cultivated", "offered", "added"}
    | {"created", "trained", "recruited", "landed", "settled", "organized", "staged"}
)
#: Participles of place: '<things> located in the center' → 'was home to <things>'.
PLACE_VERBS = frozenset({"located", "based", "housed"})
_PARTICIPLE = re.compile(
    r"^(?P<nouns>.*[a-z]s) (?P<verb>[a-z]+ed|held|built|won|run)"
    r"(?P<more>(?: and (?:[a-z]+ed|held|built))*)"
    r"(?P<rest>(?: (?:to|in|at|into|from|with|for|across|on)\b(?! by\b).*| \([^()]*\))?)$"
)


@dataclass(frozen=True)
class Agentive:
    """A count's measure split for an active sentence: 'projects signed and landed' →
    ``nouns`` 'projects', ``verb`` 'signed and landed', ``rest`` ''."""

    nouns: str
    verb: str
    rest: str
    place: bool = False  # 'located in …': the subject is where they are

    def say(self, amount: str, stock: bool) -> str:
        """'signed 12 semiconductor projects', 'had attracted 23 suppliers to Huaiyin' (a
        stock, as of a date), 'was home to 11 projects' (where things are)."""
        if self.place:
            return f"was home to {amount} {self.nouns}"
        verb = f"had {self.verb}" if stock else self.verb
        return f"{verb} {amount} {self.nouns}{self.rest}"


def agentive(measure: str, stock: bool) -> Agentive | None:
    """The measure as '<things> <participle> …' when its agent may be the subject.

    >>> agentive("investment promotion events held", False)
    Agentive(nouns='investment promotion events', verb='held', rest='', place=False)
    >>> agentive("upstream and downstream supplier enterprises attracted to Huaiyin", True).rest
    ' to Huaiyin'
    >>> [agentive(m, True) for m in ("districts covered by services", "key projects started "
    ...     "or under construction", "enterprises approved as SMEs", "regional GDP")]
    [None, None, None, None]
    >>> agentive("international cooperation projects located in the center", True).place
    True
    """
    match = _PARTICIPLE.match(measure)
    if match is None:
        return None
    verb = match["verb"]
    more = [v for v in match["more"].split(" and ") if v]
    if verb in PLACE_VERBS and not more and stock and match["rest"].startswith((" in", " at")):
        return Agentive(match["nouns"], verb, "", place=True)
    if verb not in AGENT_VERBS or any(v not in AGENT_VERBS for v in more):
        return None
    return Agentive(match["nouns"], verb + match["more"], match["rest"])


def zh_result(measure: str) -> tuple[str, str, str] | None:
    """A Chinese result measure split into who achieved it (if the measure names them),
    what, and the verb: '限上汽车销售企业销售额' → ('限上汽车销售企业', '销售额', '实现');
    '固定资产投资' → ('', '固定资产投资', '完成'); None when the measure is no result.

    >>> zh_result("限上汽车销售企业销售额"), zh_result("规模以上工业增加值")
    (('限上汽车销售企业', '销售额', '实现'), ('', '规模以上工业增加值', '实现'))
    >>> zh_result("固定资产投资"), zh_result("签约户数"), zh_result("落地项目总投资")
    (('', '固定资产投资', '完成'), None, None)
    """
    if measure.endswith(ZH_INVESTMENT):
        return "", measure, "完成"
    if not measure.endswith(ZH_RESULT_HEADS):
        return None
    at = measure.rfind("企业")
    if at > 0 and measure[at + 2 :].endswith(ZH_RESULT_HEADS) and measure[at + 2 :]:
        return measure[: at + 2], measure[at + 2 :], "实现"
    return "", measure, "实现"


#: Chinese verbs a measure may open with (新增城镇就业, 签约落地项目): it has its predicate.
ZH_VERB_STARTS = (
    "新增", "新开工", "新获批", "举办", "签约", "开工", "完成", "实现", "兑现", "获批", "获评",
    "落户", "吸引", "接待", "引进", "培育", "招引", "建成", "开展", "发放", "办理", "新建",
    "累计", "完工", "竣工", "投产",
)  # fmt: skip
#: Chinese nouns that end a measure named by a verb phrase (签约户数, 开工面积): a noun.
ZH_NOUN_ENDS = ("数", "量", "额", "率", "比重", "占比", "规模", "面积", "资金", "投资", "需求")


def zh_verbal(measure: str) -> bool:
    """Whether a Chinese measure is a verb phrase ('签约落地项目', '累计开工建设重点项目'),
    so its amount needs no verb; '签约户数' or '…的配套企业' are nouns.

    >>> zh_verbal("签约落地项目"), zh_verbal("签约户数"), zh_verbal("吸附落户的上下游配套企业")
    (True, False, False)
    """
    return (
        measure.startswith(ZH_VERB_STARTS)
        and "的" not in measure
        and not (measure.endswith(ZH_NOUN_ENDS))
    )


def zh_verb(amount: str, measure: str, size: bool, negative: bool) -> str:
    """达 or 为 before a Chinese amount (see the module text); '' after a verb-like marker.
    ``size``: a non-count stock (a fund, an investment as of a date), which 达 would
    misread as an amount reached — unless the measure says it accumulated (累计…).

    >>> zh_verb("23家", "配套企业", False, False), zh_verb("1亿元", "产业扶持资金", True, False)
    ('达', '为')
    >>> zh_verb("超500亿元", "总投资", False, False), zh_verb("−44.6%", "贡献率", False, True)
    ('', '为')
    """
    if amount.startswith(ZH_VERB_MARKERS):
        return ""
    if negative or (size and not any(word in measure for word in ZH_CUMULATIVE)):
        return "为"
    return "达"


def en_verb(kind: str, plural: bool) -> str:
    """The English verb of a value: 'numbered' (a count), 'came to' (a sum of plural
    things), 'stood at' (a level as of a date), 'reached' (a result over a period).

    >>> [en_verb(k, p) for k, p in (("count", True), ("stock", False), ("stock", True),
    ...  ("flow", False), ("flow", True))]
    ['numbered', 'stood at', 'came to', 'reached', 'came to']
    """
    if kind == "count":
        return "numbered"
    if plural:
        return "came to"
    return "stood at" if kind == "stock" else "reached"
