"""The Formatter: one language's formatting, exposed to templates as Jinja filters.

>>> en, zh = Formatter("en", city=Text(zh="济南市", en="Jinan")), Formatter("zh")
>>> en.amount("166.72亿元"), zh.amount("166.72亿元")
('16.672 billion yuan', '166.72亿元')
>>> sorted(en.filters())[:8]
['amount', 'change', 'date', 'gap', 'noun', 'number', 'one_scale', 'period']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from reportgen.facts.amounts import Amount, Change, parse_amount, parse_change
from reportgen.facts.model import Noun, PlaceKind, SourceKind, Status, Text
from reportgen.facts.periods import PartialDate, Period, parse_partial_date, parse_period
from reportgen.i18n import dates, figures, scale
from reportgen.i18n.numfmt import format_exact, round_half_up
from reportgen.i18n.phrases import phrases_for

T = TypeVar("T")


class Formatter:
    """Formats facts in one language; every method returns text and never rounds unasked.

    ``lang`` is a language with a phrase table ("en", "zh", "zh_Hant"); ``city``
    is the district's city, named in English ranks ("ranking third in Jinan").
    Values may be model objects or their data-file strings ("365.5亿元").
    ``None`` raises ``ValueError``: test optional fields in the template.
    """

    def __init__(self, lang: str, *, city: Text | None = None) -> None:
        self.lang = lang
        self.phrases = phrases_for(lang)
        self.city = None if city is None else city.get(self.phrases.text_field)

    def filters(self) -> dict[str, Callable[..., str]]:
        """Filter name → bound method, for ``jinja2.Environment.filters.update``."""
        names = ["amount", "unit_label", "change", "gap", "rank", "period", "status"]
        names += ["date", "number", "round", "noun", "one_scale", "source_kinds", "place"]
        return {name: getattr(self, name) for name in names}

    def amount(
        self,
        a: Amount | str | None,
        style: str = "prose",
        item: Noun | None = None,
        places: int | None = None,
    ) -> str:
        """An amount, exactly; ``item`` names what a count counts; ``places`` rounds half-up.

        >>> en, zh = Formatter("en"), Formatter("zh")
        >>> en.amount("7000余万元"), zh.amount("7000余万元")
        ('more than 70 million yuan', '7000余万元')
        >>> en.amount("365.5亿元", "table"), zh.amount("365.5亿元", "table")
        ('36.55 billion', '365.5亿元')
        >>> home = Noun(zh="住宅楼", en="residential building", en_plural="residential buildings")
        >>> en.amount("121栋", item=home)
        '121 residential buildings'
        >>> zh.amount("121栋", item=home)
        '121栋住宅楼'
        >>> en.amount("166.72亿元", places=1), zh.amount("166.72亿元", places=1)
        ('16.7 billion yuan', '166.7亿元')
        """
        value = _need(a, Amount, "amount", parse_amount)
        return figures.render_amount(self.phrases, value, _style(style), item, places)

    def unit_label(self, a: Amount | str | None, item: Noun | None = None) -> str:
        """The unit for a table header (cells in table style leave it out).

        >>> Formatter("en").unit_label("365.5亿元"), Formatter("zh").unit_label("365.5亿元")
        ('RMB', '亿元')
        >>> Formatter("en").unit_label("836万平方米"), Formatter("en").unit_label("121栋")
        ('m²', 'buildings')
        """
        return figures.unit_label(self.phrases, _need(a, Amount, "unit_label", parse_amount), item)

    def change(
        self, c: Change | str | None, style: str = "prose", status: Status | str | None = None
    ) -> str:
        """A year-on-year change, phrased by status in prose; signed in tables.

        >>> en, zh = Formatter("en"), Formatter("zh")
        >>> en.change("+6.4%"), zh.change("+6.4%")
        ('up 6.4 percent year on year', '同比增长6.4%')
        >>> en.change("-3.2%", "table"), zh.change("-3.2%", "table")
        ('−3.2%', '−3.2%')
        >>> en.change("+6.2%左右", status="estimate"), zh.change("+6.2%左右", status="estimate")
        ('estimated growth of around 6.2 percent', '预计增长6.2%左右')
        >>> en.change("+6.5%左右", status="target"), zh.change("+6.5%左右", status="target")
        ('a target of around 6.5 percent growth', '增长6.5%左右')
        """
        value = _need(c, Change, "change", parse_change)
        state = None if status is None else Status(status)
        return figures.render_change(self.phrases, value, _style(style), state)

    def gap(self, c: Change | str | None, style: str = "prose") -> str:
        """The gap to the citywide figure in percentage points.

        >>> en, zh = Formatter("en"), Formatter("zh")
        >>> en.gap("+13.9个百分点"), zh.gap("+13.9个百分点")
        ('13.9 percentage points above the citywide rate', '高于全市13.9个百分点')
        >>> en.gap("-1个百分点"), zh.gap("-1个百分点")
        ('1 percentage point below the citywide rate', '低于全市1个百分点')
        >>> en.gap("+13.9个百分点", "table"), zh.gap("+13.9个百分点", "table")
        ('+13.9 pp', '+13.9个百分点')
        """
        value = _need(c, Change, "gap", parse_change)
        return figures.render_gap(self.phrases, value, _style(style))

    def rank(self, n: int | None, style: str = "prose") -> str:
        """A rank within the city.

        >>> en, zh = Formatter("en", city=Text(zh="济南市", en="Jinan")), Formatter("zh")
        >>> en.rank(3), zh.rank(3)
        ('ranking third in Jinan', '位列全市第三')
        >>> en.rank(3, "table"), zh.rank(3, "table"), en.rank(12), zh.rank(12)
        ('3rd', '第3', 'ranking 12th in Jinan', '位列全市第12')
        """
        value = _need(n, int, "rank")
        return figures.render_rank(self.phrases, value, _style(style), self.city)

    def period(
        self, p: Period | str | None, style: str = "prose", status: Status | str | None = None
    ) -> str:
        """The period a figure covers ("" when unknown in prose, "—" in tables).

        >>> en, zh = Formatter("en"), Formatter("zh")
        >>> en.period("2023-H1"), zh.period("2023-H1"), en.period("2023-H1", "table")
        ('the first half of 2023', '2023年上半年', 'H1 2023')
        >>> en.period("2023-01/2023-11"), zh.period("2023-01/2023-11")
        ('January–November 2023', '2023年1—11月')
        >>> en.period("as of 2023-11"), zh.period("as of 2023-11")
        ('as of November 2023', '截至2023年11月')
        >>> en.period("2024", status="target"), zh.period("2024", status="target")
        ('2024 target', '2024年目标')
        """
        value = _need(p, Period, "period", parse_period)
        state = None if status is None else Status(status)
        return dates.render_period(self.phrases, value, _style(style), state)

    def status(self, s: Status | str | None) -> str:
        """A short status label; "" for an actual result.

        >>> [Formatter("en").status(s) for s in ("actual", "estimate", "target", "plan")]
        ['', 'estimate', 'target', 'plan']
        >>> [Formatter("zh").status(s) for s in ("actual", "estimate", "target", "plan")]
        ['', '预计', '目标', '计划']
        """
        return self.phrases.status_labels[Status(_need(s, str, "status"))]

    def date(self, d: PartialDate | str | None) -> str:
        """A date known to the year, month or day.

        >>> en, zh = Formatter("en"), Formatter("zh")
        >>> en.date("2024-01"), zh.date("2024-01"), en.date("2024-01-17"), zh.date("2024-01-17")
        ('January 2024', '2024年1月', '17 January 2024', '2024年1月17日')
        >>> en.date("2023"), zh.date("2023")
        ('2023', '2023年')
        """
        value = _need(d, PartialDate, "date", parse_partial_date)
        return dates.render_date(self.phrases, value)

    def number(self, d: Decimal | int | None) -> str:
        """A number with the locale's grouping and exactly its digits.

        >>> Formatter("en").number(Decimal("17300")), Formatter("zh").number(Decimal("1696.7"))
        ('17,300', '1,696.7')
        """
        return format_exact(_number(d, "number"), self.phrases.locale)

    def round(self, d: Decimal | int | None, places: int = 0) -> str:
        """Round half-up (四舍五入) to ``places`` decimals: the only rounding there is.

        >>> Formatter("en").round(Decimal("2.25"), 1), Formatter("zh").round(Decimal("1234.5"))
        ('2.3', '1,235')
        """
        return format_exact(round_half_up(_number(d, "round"), places), self.phrases.locale)

    def noun(self, item: Noun | None, n: Decimal | int = 2) -> str:
        """The item noun in the form the count ``n`` needs (CLDR plural rules).

        >>> park = Noun(zh="体育公园", en="sports park", en_plural="sports parks")
        >>> en, zh = Formatter("en"), Formatter("zh")
        >>> en.noun(park, 1), en.noun(park, 15), en.noun(park, Decimal("1.0")), zh.noun(park, 15)
        ('sports park', 'sports parks', 'sports parks', '体育公园')
        """
        # a template passes the view of a noun (NounView): same fields, same ``get``
        known = item is not None and hasattr(item, "en_plural")
        noun = item if known and item is not None else _need(item, Noun, "noun")
        return figures.render_noun(self.phrases, noun, _number(n, "noun"))

    def one_scale(self, amounts: Sequence[Amount | str | None], style: str = "table") -> list[str]:
        """Amounts of one unit in one scale, converted exactly (a table row or column).

        >>> en, zh = Formatter("en"), Formatter("zh")
        >>> en.one_scale(["55.44亿元", "554400万元"]), zh.one_scale(["55.44亿元", "554400万元"])
        (['5.544 billion', '5.544 billion'], ['55.44亿元', '55.44亿元'])
        >>> en.one_scale(["146419万元", "166.72亿元"], "prose")
        ['1,464.19 million yuan', '16,672 million yuan']
        """
        values = [_need(a, Amount, "one_scale", parse_amount) for a in amounts]
        return scale.amounts_in_one_scale(self.phrases, values, _style(style))

    #: The same, by the name the narrative layer uses.
    amounts_in_one_scale = one_scale

    def source_kinds(self, sources: Iterable[Any]) -> str:
        """How many sources of each kind, in prose ("two news reports and one statistical
        bulletin"); each source is a kind or has a ``kind``, in the order first seen.

        >>> en, zh = Formatter("en"), Formatter("zh")
        >>> en.source_kinds(["news", "news", "bulletin"]), zh.source_kinds(["news", "bulletin"])
        ('two news reports and one statistical bulletin', '1篇新闻报道和1份统计公报')
        >>> en.source_kinds(["work_report", "news", "yearbook"])
        'one government work report, one news report and one yearbook'
        """
        kinds = [SourceKind(getattr(s, "kind", s)) for s in sources]
        return figures.render_source_kinds(self.phrases, kinds)

    def place(self, kind: PlaceKind | str | None, form: str = "ref") -> str:
        """How the language names a kind of place: ``ref`` (全县 / the county), ``noun``
        (县 / county) or ``wide`` (全县 / countywide).

        >>> en, zh = Formatter("en"), Formatter("zh")
        >>> en.place("county"), zh.place("county"), en.place("banner", "noun"), zh.place("district")
        ('the county', '全县', 'banner', '全区')
        """
        words = self.phrases.places[PlaceKind(_need(kind, str, "place"))]
        if form not in ("ref", "noun", "wide"):
            raise ValueError(f"form must be 'ref', 'noun' or 'wide', got {form!r}")
        return str(getattr(words, form))


def _need(value: Any, kind: type[T], name: str, parse: Callable[[str], T] | None = None) -> T:
    """The argument as ``kind``, parsed from text when allowed; a clear error otherwise."""
    if value is None:
        raise ValueError(
            f"the '{name}' filter got None: the field is not set; test it first, "
            f"e.g. {{% if figure.yoy %}}…{{% endif %}}"
        )
    if isinstance(value, kind) and not isinstance(value, bool):
        return value
    if parse is not None and isinstance(value, str):
        return parse(value)
    raise ValueError(f"the '{name}' filter needs {kind.__name__}, got {type(value).__name__}")


def _number(value: Decimal | int | None, name: str) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return _need(value, Decimal, name)


def _style(style: str) -> str:
    if style not in figures.STYLES:
        raise ValueError(f"style must be 'prose' or 'table', got {style!r}")
    return style
