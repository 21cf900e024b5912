"""Words around a number: the measure's name, the figure's status and its section.

These are general rules of Chinese statistical writing: the measure is the noun
phrase before the number (规模以上工业增加值同比增长22.4%) or, for a count, the noun
after it (11个国际合作项目); 预计 marks an estimate, 目标/力争/确保 a target,
计划/将/拟/年内 a plan; the section follows from the words of the measure.

>>> measure_before("今年1—5月份累计完成产值", "")
'产值'
>>> measure_before("的人才专项资金和目标额度", "")
'目标额度'
>>> measure_before("临床手术机器人培训中心等", "")
''
>>> measure_after("个国际合作项目落户")
'国际合作项目'
>>> status_of("主要预期目标是地区生产总值增长6.5%左右")
'target'
>>> guess_section("规模以上工业增加值")
'overview'
"""

from __future__ import annotations

import re
from collections import Counter

from reportgen.extract.timing import remove_period_words

#: Words a measure never starts with: connectors, subjects, time words.
_LEAD = re.compile(
    r"^(?:其中|同时|此外|另外|与此同时|其间|期间|数据显示|初步核算|我们|将|要|力争|确保|争取|预计|"
    r"共|总共|累计|全年|全区|全市|全县|全省|"
    r"我区|本区|该区|我县|本县|我市|本市|实现|完成|已|已经|有|拥有|为|对|在|向|"
    r"的|了|和|及|与|并|且|还|也|都|均)+"
)
#: Words a measure never ends with: verbs that introduce the number, markers.
_TRAIL = re.compile(
    r"(?:实现|完成|达到|达|为|是|共|共计|合计|总计|累计|已|已经|有|拥有|约|近|超|超过|突破|"
    r"同比|比上年|较上年|分别|了|的|增长|增速|增幅|保持|继续|均|全年|控制在|保持在|稳定在)+$"
)
#: What may follow a counted noun without being part of it.
_AFTER_STOP = re.compile(
    r"(?:落户|落地|建成|开工|完工|签约|投用|投入|入驻|实现|完成|达到|加快|"
    r"全部|正在|已经|进行|开展|参与|参加|提供|建设|改造|提升|的|和|及|等|，|。).*$"
)
#: Verbs after which the measure's own name begins (企业实现销售额 → 销售额).
_INTRODUCING = re.compile(r"(实现|完成|达到|拥有|共有)")
_DISTRICT = re.compile(r"(?=([\u4e00-\u9fff]{2,3}?[区县市]))")
_NOT_IN_PLACE_NAME = set("年月日的了在和与及全各该本我区县市省")
_GENERIC_PLACES = {
    "全区", "城区", "园区", "社区", "片区", "街区", "景区", "辖区", "该区", "本区", "我区",
    "全市", "全县", "省市区", "开发区", "示范区", "商务区", "集聚区", "功能区", "核心区",
    "中心城区", "主城区", "居住区", "省会城市", "中心城市",
}  # fmt: skip

_STATUS = (
    ("estimate", re.compile(r"预计|预估|初步测算|初步统计")),
    ("target", re.compile(r"目标|力争|确保|争取|预期")),
    ("plan", re.compile(r"计划|(?<!即)将(?!近)|拟|规划|年内|年底前|明年|下半年|谋划")),
)
_PAST = re.compile(r"已经|已|累计|完成了|实现了|去年|上年")

_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("overview", ("生产总值", "GDP", "一般公共预算", "工业增加值", "固定资产投资", "社会消费品零售",
                  "进出口", "财政收入", "税收", "经济")),
    ("investment", ("招商", "签约", "引进", "落地项目", "外资", "到位资金")),
    ("projects", ("项目", "开工", "竣工", "完工", "在建", "投资", "续建", "建筑面积")),
    ("innovation", ("高新技术", "专精特新", "研发", "孵化", "科技", "创新", "人才", "专利",
                    "博士", "硕士", "瞪羚", "独角兽", "单项冠军")),
    ("consumption", ("消费", "零售", "销售", "展会", "游客", "旅游", "酒店", "汽车", "景区",
                     "商业", "客流", "接待")),
    ("livelihood", ("就业", "民生", "养老", "教育", "学校", "医疗", "住房", "小区", "公园",
                    "体育", "电梯", "绿道", "社保", "保险", "居民", "可支配收入", "人口", "出生",
                    "失业")),
    ("business_environment", ("政务", "审批", "营商", "服务事项", "许可", "帮办", "市场主体",
                              "减税", "扶持资金", "通办")),
    ("governance", ("党建", "网格", "村", "治理", "党组织", "社区工作者")),
    ("industry", ("工业", "产业", "企业", "产值", "营业收入", "制造", "物流", "金融", "基金")),
)  # fmt: skip


def measure_before(text: str, district: str) -> str:
    """The measure named by the words before a number, cleaned of connectors and verbs."""
    text = text.rsplit("等", 1)[-1] if "等" in text else text  # …等11个: the list is examples
    if text.startswith("的"):  # 2000万元的人才专项资金和目标额度10亿元: the last of a list
        text = re.split(r"和|及|以及", text)[-1]
    text = remove_period_words(text)
    if district:
        text = text.replace(district, "")
    tail = _INTRODUCING.split(text)[-1]
    if tail != text and _chinese(tail) >= 2:
        text = tail
    previous = None
    while previous != text:
        previous = text
        text = _TRAIL.sub("", _LEAD.sub("", text)).strip()
    return text if _chinese(text) >= 2 else ""


def _chinese(text: str) -> int:
    """How many Chinese characters ``text`` has."""
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def measure_after(text: str) -> str:
    """The counted noun after a number's unit (个国际合作项目落户 → 国际合作项目)."""
    text = re.sub(r"^[^\u4e00-\u9fff“]*", "", text[1:] if text[:1] in "个家项" else text)
    text = re.sub(r"^[（(][^）)]*[）)]", "", text)
    text = _AFTER_STOP.sub("", text.removeprefix("的"))
    return text if _chinese(text) >= 2 else ""


def status_of(before: str, inherited: str = "actual") -> str:
    """The status the words before a number give it (``actual`` when none)."""
    for status, pattern in _STATUS:
        if pattern.search(before):
            return status
    return "actual" if _PAST.search(before) else inherited


def guess_section(*texts: str) -> str:
    """The section whose words appear first in ``texts`` (the measure, then its sentence)."""
    for text in texts:
        for section, words in _SECTIONS:
            if any(word in text for word in words):
                return section
    return "overview"


def guess_district(text: str) -> str:
    """The place the article is about: the district, county or city it names most."""
    names = (m for m in _DISTRICT.findall(text) if m not in _GENERIC_PLACES)
    counts = Counter(m for m in names if not _NOT_IN_PLACE_NAME.intersection(m[:-1]))
    return counts.most_common(1)[0][0] if counts else ""
