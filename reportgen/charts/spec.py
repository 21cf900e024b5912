"""What a chart shows, as plain data: panels of labelled bars with their printed values.

A :class:`ChartSpec` holds only text that the formatting layer produced (labels,
values as printed, notes) and, beside each printed value, the figure's exact value
(a ``Decimal`` in the unit's base: what a native chart and its workbook store) whose
``float`` is used for one thing only: where the bar ends on the page. Drawing
(:mod:`reportgen.charts.draw`, :mod:`reportgen.charts.svg`,
:mod:`reportgen.charts.chartxml`) never formats a number; the spec imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class ChartWarning(UserWarning):
    """A chart was left out of the document (e.g. no font on this machine can draw its text)."""


class BarStyle(StrEnum):
    """How a bar is drawn, by the status of the figure it shows."""

    ACTUAL = "actual"
    ESTIMATE = "estimate"
    TARGET = "target"  # targets and plans

    @classmethod
    def of(cls, status: str) -> BarStyle:
        """The style for a figure status (``plan`` is drawn like ``target``, a preliminary
        result like an actual one).

        >>> BarStyle.of("plan"), BarStyle.of("estimate"), BarStyle.of("preliminary")
        (<BarStyle.TARGET: 'target'>, <BarStyle.ESTIMATE: 'estimate'>, <BarStyle.ACTUAL: 'actual'>)
        """
        if status == "preliminary":
            return cls.ACTUAL
        return cls.TARGET if status in ("target", "plan") else cls(status)


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its printed value, and its exact value."""

    label: str
    text: str  # the exact value as the formatter printed it
    value: Decimal  # signed, in the unit's base (yuan, %, visits): stored in native charts
    style: BarStyle = BarStyle.ACTUAL
    note: str = ""  # e.g. the city rank and the gap to the citywide figure
    keep: str = ""  # the end of the label that is never broken across lines (its period)
    spoken: str = ""  # the value as running text says it ("297.4 billion yuan"), for alt text
    status: str = ""  # the figure's status (plan, target, actual …): names the legend's entry

    @property
    def position(self) -> float:
        """Where the bar ends: for placing pixels only, never printed."""
        return float(self.value)


@dataclass(frozen=True)
class Group:
    """Bars drawn together under one heading (the heading may be empty)."""

    heading: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Tick:
    """A mark on the value axis: where (in the unit's base, like a bar's value) and its text."""

    value: Decimal
    text: str  # the number as the formatter printed it, in the axis unit ("1000", "100")


@dataclass(frozen=True)
class Panel:
    """One set of axes: values of one kind (one dimension) that may be compared."""

    title: str
    axis_label: str  # the unit, when the printed values do not carry it (or the ticks' unit)
    groups: tuple[Group, ...]
    ticks: tuple[Tick, ...] = ()  # a value axis with numbers (columns), else none
    scale: int = (
        0  # the axis unit is 10**scale base units (亿元: 8): native charts store v/10**scale
    )

    @property
    def bars(self) -> tuple[Bar, ...]:
        """Every bar of the panel, in order."""
        return tuple(bar for group in self.groups for bar in group.bars)

    @property
    def rows(self) -> tuple[str | Bar, ...]:
        """The panel's rows, top to bottom: each group's heading (if any), then its bars."""
        rows: list[str | Bar] = []
        for group in self.groups:
            rows += [group.heading] if group.heading else []
            rows += list(group.bars)
        return tuple(rows)


@dataclass(frozen=True)
class ChartSpec:
    """A numbered chart: where its picture goes, what it says, and how it is laid out."""

    number: int
    kind: str
    lang: str
    title: str
    path: str  # relative to the document: <asset_dir>/chart-<n>-<kind>.svg (or .png)
    vertical: bool  # columns (categories along the bottom) instead of horizontal bars
    panels: tuple[Panel, ...]
    fonts: tuple[str, ...] = ()  # font families, first choice first

    @property
    def styles(self) -> tuple[BarStyle, ...]:
        """The bar styles the chart uses, in :class:`BarStyle` order (one legend entry each)."""
        used = {bar.style for panel in self.panels for bar in panel.bars}
        return tuple(style for style in BarStyle if style in used)

    def legend(self, words: Words) -> tuple[str, str, str]:
        """The legend's names of actual, estimated and target bars: the third says "plan"
        when every hatched-amber bar is a plan, "target" when every one is a target."""
        statuses = {b.status for p in self.panels for b in p.bars if b.style is BarStyle.TARGET}
        actual, estimate, either = words.legend
        if statuses == {"plan"}:
            return actual, estimate, words.targets[1]
        if statuses == {"target"}:
            return actual, estimate, words.targets[0]
        return actual, estimate, either

    def texts(self) -> list[str]:
        """Every string drawn on the picture (to check that the fonts have its glyphs)."""
        found: list[str] = []
        for panel in self.panels:
            found += [panel.title, panel.axis_label]
            for group in panel.groups:
                found.append(group.heading)
                found += [t for bar in group.bars for t in (bar.label, bar.text, bar.note)]
        return [t for t in found if t]


@dataclass(frozen=True)
class Words:
    """The few words a chart needs that are not figures: caption and list punctuation."""

    caption: str  # "Figure {n}. {title}" — the picture's title, shown as its caption
    item: str  # one value in the alternative text: "{label}: {value}"
    join: str  # between values in the alternative text
    note_join: str  # between the parts of a bar's note (rank, gap)
    heading: str  # a heading with a label: "Regional GDP, H1 2023"
    unit: str  # a printed value with the panel's unit, in the alternative text
    legend: tuple[str, str, str]  # the legend's names of actual, estimated and target bars
    category: str  # the workbook's heading of the category column
    targets: tuple[str, str]  # the legend's name when all are targets, when all are plans
    early: str  # a plan as of January of {year}: that year's first list ("|": where it may break)
    revised: str  # the year's plan when an early list of that year is shown too
    scoped: str  # a year's plan measuring more than the early list: {year}, {scope} (what it adds)
    planned: str  # a year's plan otherwise
    outcome: str  # a result beside the plans: {period}, {what} (its measure less its item)
    titled: str  # a panel's title with its axis unit: "{title} ({unit})"


_ZH = {
    "item": "{label}：{value}",
    "join": "；",
    "note_join": "，",
    "heading": "{heading}，{label}",
    "outcome": "{period}{what}",
    "titled": "{title}（{unit}）",
}
WORDS: dict[str, Words] = {
    "en": Words(
        caption="Figure {n}. {title}",
        item="{label}: {value}",
        join="; ",
        note_join="; ",
        heading="{heading}, {label}",
        unit="{value} {unit}",
        legend=("Result", "Estimate", "Target or plan"),
        category="Item",
        targets=("Target", "Plan"),
        early="Early {year} |list",
        revised="{year} |revised list",
        scoped="{year} {scope} |list",
        planned="{year} |plan",
        outcome="{What}, {period}",
        titled="{title} ({unit})",
    ),
    "zh": Words(
        caption="图{n} {title}",
        unit="{value}{unit}",
        legend=("实际", "预计", "目标或计划"),
        category="项目",
        targets=("目标", "计划"),
        early="{year}年初|安排",
        revised="{year}年|调整后",
        scoped="{year}年{scope}|清单",
        planned="{year}年|安排",
        **_ZH,
    ),
    "zh_Hant": Words(
        caption="圖{n} {title}",
        unit="{value}{unit}",
        legend=("實際", "預計", "目標或計劃"),
        category="項目",
        targets=("目標", "計劃"),
        early="{year}年初|安排",
        revised="{year}年|調整後",
        scoped="{year}年{scope}|清單",
        planned="{year}年|安排",
        **_ZH,
    ),
}


def words_for(lang: str) -> Words:
    """The chart words for ``lang`` (other Chinese variants use the Simplified words).

    >>> words_for("zh_Hant").caption, words_for("zh_SG").caption
    ('圖{n} {title}', '图{n} {title}')
    """
    if lang in WORDS:
        return WORDS[lang]
    return WORDS["zh"] if lang.startswith("zh") else WORDS["en"]
