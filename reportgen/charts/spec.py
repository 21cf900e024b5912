"""What a chart shows, as plain data: panels of labelled bars with their printed values.

A :class:`ChartSpec` holds only text that the formatting layer produced (labels,
values as printed, notes) and, beside each printed value, a ``float`` used for one
thing only: where the bar ends on the page. Drawing (:mod:`reportgen.charts.draw`)
never formats a number; the spec never imports matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    """One bar: its label, its printed value, and where it ends (pixels only)."""

    label: str
    text: str  # the exact value as the formatter printed it
    position: float  # signed; only ever used to place the bar's end on the page
    style: BarStyle = BarStyle.ACTUAL
    note: str = ""  # e.g. the city rank and the gap to the citywide figure
    keep: str = ""  # the end of the label that is never broken across lines (its period)
    spoken: str = ""  # the value as running text says it ("297.4 billion yuan"), for alt text


@dataclass(frozen=True)
class Group:
    """Bars drawn together under one heading (the heading may be empty)."""

    heading: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Panel:
    """One set of axes: values of one kind (one dimension) that may be compared."""

    title: str
    axis_label: str  # the unit, when the printed values do not carry it
    groups: tuple[Group, ...]

    @property
    def bars(self) -> tuple[Bar, ...]:
        """Every bar of the panel, in order."""
        return tuple(bar for group in self.groups for bar in group.bars)


@dataclass(frozen=True)
class ChartSpec:
    """A numbered chart: where its picture goes, what it says, and how it is laid out."""

    number: int
    kind: str
    lang: str
    title: str
    path: str  # relative to the document: <asset_dir>/chart-<n>-<kind>.png
    vertical: bool  # columns (categories along the bottom) instead of horizontal bars
    panels: tuple[Panel, ...]
    fonts: tuple[str, ...] = ()  # font families, first choice first

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


_ZH = {"item": "{label}：{value}", "join": "；", "note_join": "，", "heading": "{heading}，{label}"}
WORDS: dict[str, Words] = {
    "en": Words(
        caption="Figure {n}. {title}",
        item="{label}: {value}",
        join="; ",
        note_join="; ",
        heading="{heading}, {label}",
        unit="{value} {unit}",
    ),
    "zh": Words(caption="图{n} {title}", unit="{value}{unit}", **_ZH),
    "zh_Hant": Words(caption="圖{n} {title}", unit="{value}{unit}", **_ZH),
}


def words_for(lang: str) -> Words:
    """The chart words for ``lang`` (other Chinese variants use the Simplified words).

    >>> words_for("zh_Hant").caption, words_for("zh_SG").caption
    ('圖{n} {title}', '图{n} {title}')
    """
    if lang in WORDS:
        return WORDS[lang]
    return WORDS["zh"] if lang.startswith("zh") else WORDS["en"]
