"""The fact model: a district, its sources, named things and sourced figures.

Every model is immutable and forbids unknown fields, so a typo in a data file is
an error, not a silently ignored key. Amounts, changes, periods and dates are
written as compact strings in the data file and parsed exactly here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    StrictInt,
    field_validator,
)

from reportgen.facts.amounts import Amount, Change, implausible, parse_amount, parse_change
from reportgen.facts.periods import PartialDate, Period, parse_partial_date, parse_period
from reportgen.facts.units import RATE_DIMENSIONS, Dimension
from reportgen.facts.yamlpos import Located, Path

#: The longest prose text (a name, a title, a note), in characters.
MAX_TEXT = 2000
#: The longest amount, change, period or date as written.
MAX_SHORT_TEXT = 100


def _from_text(parse: Any, what: str, *, numbers: bool = True) -> Any:
    """A pydantic validator that parses a scalar with ``parse`` (str or int only)."""

    def validate(value: object) -> object:
        if isinstance(value, (Amount, Change, Period, PartialDate)):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and not numbers:
            raise ValueError(_UNQUOTED.format(value))
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ValueError(f"expected {what} written as text, got {_describe(value)}")
        if isinstance(value, str) and len(value) > MAX_SHORT_TEXT:
            raise ValueError(f"expected {what}, got a text of {len(value):,} characters")
        return parse(str(value))

    return PlainValidator(validate)


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Decimal):  # an unquoted decimal: 46.6, not Decimal('46.6')
        return str(value)
    return repr(value)


#: An unquoted whole number is a unit left out, not a ratio: a ratio or index is quoted.
_UNQUOTED = (
    "cannot read '{}' as an amount: expected a number, an optional 万/亿 and a known unit, "
    "with an optional qualifier (约, 近, 超, 余, 以上, 左右 …), e.g. '365.5亿元', '6.1万余户', "
    "'6.5%左右'; a ratio or index without a unit is written in quotes: \"102.87\""
)
AmountText = Annotated[
    Amount, _from_text(parse_amount, "an amount", numbers=False), PlainSerializer(str)
]
ChangeText = Annotated[Change, _from_text(parse_change, "a signed change")]
PeriodText = Annotated[Period, _from_text(parse_period, "a period"), PlainSerializer(str)]
DateText = Annotated[PartialDate, _from_text(parse_partial_date, "a date"), PlainSerializer(str)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]


class Frozen(BaseModel):
    """Base of every model: immutable, unknown fields forbidden."""

    model_config = ConfigDict(extra="forbid", frozen=True)


#: Characters that show nothing: zero-width spaces and joiners, the BOM, the soft hyphen.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


class Text(Frozen):
    """A prose field in Chinese and English; a language may be missing until it is built."""

    zh: str | None = Field(
        default=None, min_length=1, max_length=MAX_TEXT, description="The text in Chinese."
    )
    en: str | None = Field(
        default=None, min_length=1, max_length=MAX_TEXT, description="The text in English."
    )

    @field_validator("zh", "en")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        """Refuse a text of white space (and invisible format characters) only."""
        if value is not None and all(c.isspace() or c in _INVISIBLE for c in value):
            raise ValueError("is blank (white space only): write the text, or leave it out")
        return value

    def get(self, lang: str) -> str | None:
        """The text in ``lang`` ('zh' or 'en'), or None when it is missing."""
        value = getattr(self, lang, None)
        return value if isinstance(value, str) else None


class Noun(Text):
    """What a count counts (``体育公园`` / ``sports park``), with an English plural."""

    en_plural: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TEXT,
        description="The English plural, for counts other than one (sports parks).",
    )


class Section(StrEnum):
    """The briefing section a figure belongs to."""

    OVERVIEW = "overview"
    INDUSTRY = "industry"
    PROJECTS = "projects"
    INVESTMENT = "investment"
    INNOVATION = "innovation"
    CONSUMPTION = "consumption"
    LIVELIHOOD = "livelihood"
    BUSINESS_ENVIRONMENT = "business_environment"
    GOVERNANCE = "governance"
    OUTLOOK = "outlook"


class Status(StrEnum):
    """Whether a figure is a result or an intention."""

    ACTUAL = "actual"
    PRELIMINARY = "preliminary"  # 初步核算: a result, preliminarily calculated
    ESTIMATE = "estimate"
    TARGET = "target"
    PLAN = "plan"


class EntityKind(StrEnum):
    """The kinds of named things a briefing mentions."""

    PROJECT = "project"
    ENTERPRISE = "enterprise"
    INSTITUTION = "institution"
    VENUE = "venue"
    PROGRAMME = "programme"
    PLATFORM = "platform"
    PARK = "park"
    EVENT = "event"
    PLACE = "place"
    POLICY = "policy"
    ORGANISATION = "organisation"


class PlaceKind(StrEnum):
    """What kind of county-level place the facts describe (区, 县, 县级市, 旗 …)."""

    DISTRICT = "district"  # 区, 市辖区
    COUNTY = "county"  # 县
    COUNTY_CITY = "county_city"  # 县级市
    BANNER = "banner"  # 旗
    AUTONOMOUS_COUNTY = "autonomous_county"  # 自治县
    AUTONOMOUS_BANNER = "autonomous_banner"  # 自治旗
    FORESTRY_DISTRICT = "forestry_district"  # 林区
    SPECIAL_DISTRICT = "special_district"  # 特区


class District(Frozen):
    """The place the facts describe (a district, county, county-level city …), and its city."""

    id: Slug = Field(description="Short id, used in output file names: huaiyin.en.md.")
    kind: PlaceKind = Field(
        default=PlaceKind.DISTRICT, description="The kind of place: district, county …"
    )
    name: Text = Field(description="The place's name: {zh: 槐荫区, en: Huaiyin District}.")
    city: Text = Field(description="The city the place belongs to.")
    province: Text | None = Field(default=None, description="The province (optional).")


class SourceKind(StrEnum):
    """What kind of document a source is."""

    NEWS = "news"  # a news article or report
    WORK_REPORT = "work_report"  # a government work report (政府工作报告)
    BULLETIN = "bulletin"  # a statistical bulletin or communiqué (统计公报)
    PRESS_RELEASE = "press_release"  # a press release or press conference (新闻发布)
    YEARBOOK = "yearbook"  # a statistical or local yearbook (年鉴)


class Source(Frozen):
    """One source article."""

    id: Slug = Field(description="Short id that figures cite: a1, s2 …")
    kind: SourceKind = Field(default=SourceKind.NEWS, description="news, work_report, bulletin …")
    title: Text = Field(description="The article's title.")
    date: DateText = Field(description="As precise as known: '2023', '2023-07' or '2023-07-15'.")
    reporter: Text | None = Field(default=None, description="The reporter (optional).")
    author: Text | None = Field(
        default=None, description="Who wrote it, when not a reporter (a statistics bureau)."
    )
    speaker: Text | None = Field(
        default=None, description="Who delivered it (a work report: the head of government)."
    )
    occasion: Text | None = Field(default=None, description="The occasion: a session, a review …")
    publisher: Text | None = Field(default=None, description="The newspaper or site (optional).")
    file: str | None = Field(
        default=None, max_length=1000, description="the article's text file, for quote checks"
    )
    note: Text | None = Field(default=None, description="How the date was inferred, defects …")
    data_period: PeriodText | None = Field(
        default=None,
        description="The period the article's figures cover, when it gives one: '2023-01/2023-05'.",
    )


class Entity(Frozen):
    """A named thing: a project, an enterprise, an institution, a venue, a programme …"""

    id: Slug = Field(description="Short id that figures and events refer to.")
    kind: EntityKind = Field(description="project, enterprise, institution, venue, park …")
    name: Text = Field(description="Its name in both languages.")
    description: Text | None = Field(default=None, description="What it is, in a phrase.")


class Citation(Frozen):
    """Where a figure is stated: a source id and the verbatim quote."""

    source: Slug = Field(description="The id of the source that states it.")
    quote: str = Field(
        min_length=2,
        max_length=MAX_TEXT,
        description="The words of the source, verbatim (checked by validate --sources).",
    )


class Figure(Frozen):
    """One sourced figure: what it measures, how much, when, and how it compares."""

    id: Slug = Field(description="Short id, unique in the file: gdp-2023h1.")
    section: Section = Field(description="The briefing section it belongs to.")
    topic: Slug | None = Field(default=None, description="A grouping inside the section.")
    measure: Text = Field(description="What it measures: {zh: 地区生产总值, en: regional GDP}.")
    amount: AmountText | None = Field(
        default=None, description="As the source writes it: 365.5亿元, 约836万平方米, 6.5%左右."
    )
    item: Noun | None = Field(default=None, description="What a count counts, with en_plural.")
    period: PeriodText = Field(
        description="2023, 2023-H1, 2023-01/2023-05, 'as of 2023-11' or unknown."
    )
    status: Status = Field(
        default=Status.ACTUAL, description="actual, preliminary, estimate, target or plan."
    )
    yoy: ChangeText | None = Field(default=None, description="Year-on-year change, signed: +6.4%.")
    vs_city: ChangeText | None = Field(
        default=None, description="Gap to the citywide figure, signed: +13.9个百分点."
    )
    rank: StrictInt | None = Field(  # strict: `rank: true` is no 1
        default=None, ge=1, le=100, description="Rank within the city (位列全市第三: 3)."
    )
    owner: Slug | None = Field(
        default=None, description="The entity the figure belongs to (its output value)."
    )
    examples: tuple[Slug, ...] = Field(
        default=(), description="Entities named as members of the counted set."
    )
    place: Slug | None = Field(default=None, description="The entity where it happens.")
    tags: tuple[Slug, ...] = Field(
        default=(), description="Labels: headline, programme … (templates select on them); annex."
    )
    sources: tuple[Citation, ...] = Field(
        min_length=1, description="Where it is stated: source ids and verbatim quotes."
    )
    note: Text | None = Field(default=None, description="An editor's note (not in the briefing).")
    #: Why the figure as the source prints it is evidently wrong (近两千元 for 近两千万元):
    #: kept in the data, never stated as fact in a briefing.
    doubtful: Text | None = Field(
        default=None, description="Why the source's figure is evidently wrong (never stated)."
    )

    def problems(self) -> list[tuple[str, str]]:
        """Field-level consistency problems as (field, message) pairs."""
        found: list[tuple[str, str]] = []
        if self.amount is None and self.yoy is None:
            found.append(("amount", "a figure needs an amount, a yoy change, or both"))
        if self.yoy is not None and (problem := self._yoy_problem(self.yoy)) is not None:
            found.append(("yoy", problem))
        gap = self.vs_city
        if gap is not None and gap.amount.unit.dimension is not Dimension.PERCENTAGE_POINTS:
            found.append(("vs_city", "the gap to the city is in 个百分点: '+13.9个百分点'"))
        if self.item is not None and (self.amount is None or not self.amount.unit.is_count):
            found.append(("item", "'item' names what a count counts; this amount is not a count"))
        stated = [("amount", self.amount), ("yoy", self.yoy), ("vs_city", self.vs_city)]
        for field, value in stated:
            amount = value.amount if isinstance(value, Change) else value
            if amount is not None and (problem := implausible(amount)) is not None:
                found.append((field, problem))
        return found

    def _yoy_problem(self, yoy: Change) -> str | None:
        """Why ``yoy`` cannot be this figure's change: a percentage, points of a rate, or an
        absolute change in the amount's own dimension (population down 3530人)."""
        dimension = yoy.amount.unit.dimension
        level = None if self.amount is None else self.amount.unit.dimension
        if dimension is Dimension.PERCENT:
            return None
        if dimension is Dimension.PERCENTAGE_POINTS:
            if level is None or level in RATE_DIMENSIONS or level is Dimension.PERCENTAGE_POINTS:
                return None
            return (
                f"a change in 个百分点 is the change of a rate; this amount ({self.amount}) "
                "is not a percentage"
            )
        if level is None or dimension is level:
            return None
        return (
            "a year-on-year change is a percentage ('+6.4%'), points of a rate "
            "('+0.9个百分点') or an amount in the figure's own unit ('-3530人')"
        )

    def entity_refs(self) -> list[tuple[Path, str]]:
        """(path within the record, entity id) for each entity it names."""
        refs: list[tuple[Path, str]] = []
        if self.owner is not None:
            refs.append((("owner",), self.owner))
        refs += [(("examples", i), e) for i, e in enumerate(self.examples)]
        if self.place is not None:
            refs.append((("place",), self.place))
        return refs


# The qualitative kinds build on the models above (Frozen, Text, Citation …).
from reportgen.facts.qualitative import Event, Finding, Person, Policy, Statement  # noqa: E402


@dataclass(frozen=True)
class Origin:
    """Where loaded facts came from: the file and every value's position."""

    file: str
    located: Located


class Meta(Frozen):
    """The DOCX masthead (报头) and closing block (版记); all optional, off when empty."""

    briefing: str | None = Field(default=None, description="Briefing name: turns the masthead on.")
    issue: str | None = Field(default=None, description="Issue number ('3' shows 第3期 / No. 3).")
    office: str | None = Field(default=None, description="Issuing office, under the name.")
    date: str | None = Field(default=None, description="Date of issue, as it is to be shown.")
    to: str | None = Field(default=None, description="报送: who the briefing goes to.")
    cc: str | None = Field(default=None, description="抄送: who gets a copy.")
    printed_by: str | None = Field(default=None, description="印发: the office that issues it.")
    printed_on: str | None = Field(default=None, description="印发 date.")


class DistrictFacts(Frozen):
    """Everything known about one district: the root of a fact file."""

    _origin: Origin | None = PrivateAttr(default=None)
    district: District = Field(description="The place the facts describe.")
    sources: tuple[Source, ...] = Field(min_length=1, description="The articles quoted.")
    entities: tuple[Entity, ...] = Field(default=(), description="Named projects, firms, places …")
    figures: tuple[Figure, ...] = Field(min_length=1, description="The sourced figures.")
    #: Display names of topic ids (beside the packaged table of common topics).
    topics: dict[Slug, Text] = Field(default_factory=dict, description="Names of topic ids.")
    statements: tuple[Statement, ...] = Field(
        default=(), description="Positioning, approach, theme, goals in words."
    )
    events: tuple[Event, ...] = Field(default=(), description="Milestones: started, opened …")
    people: tuple[Person, ...] = Field(default=(), description="People named, with titles.")
    policies: tuple[Policy, ...] = Field(default=(), description="Policies and programmes.")
    findings: tuple[Finding, ...] = Field(
        default=(), description="An analyst's sentences, every number a figure's placeholder."
    )
    meta: Meta = Field(default_factory=Meta, description="DOCX masthead and closing block.")

    def source(self, source_id: str) -> Source:
        """The source with this id (KeyError when unknown)."""
        return {s.id: s for s in self.sources}[source_id]

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError when unknown)."""
        return {e.id: e for e in self.entities}[entity_id]

    def figures_about(self, entity_id: str) -> tuple[Figure, ...]:
        """The figures linked to an entity as owner, example or place."""
        return tuple(f for f in self.figures if entity_id in {e for _, e in f.entity_refs()})
