"""Sentence units: the series, target/outcome pairs and single figures of a fact file.

Each figure lands in exactly one unit. A unit knows the briefing section it belongs
to, its topic and when it happened, so the planner can select, group and order units
without looking inside them again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportgen.facts.model import DistrictFacts, Figure, Section, Status
from reportgen.facts.qualitative import Finding as DataFinding
from reportgen.narrative.plan import Finding, Sentence, Series, TargetOutcome
from reportgen.narrative.series import (
    chronological,
    find_series,
    series_kind,
    superseded,
    target_outcome,
    trend,
)

#: Data sections → the briefing section (template) that tells them.
BRIEFING_SECTION: dict[str, str] = {
    Section.OVERVIEW.value: "overview",
    Section.INDUSTRY.value: "overview",
    Section.PROJECTS.value: "projects",
    Section.INVESTMENT.value: "projects",
    Section.INNOVATION.value: "innovation",
    Section.CONSUMPTION.value: "consumption",
    Section.LIVELIHOOD.value: "livelihood",
    Section.BUSINESS_ENVIRONMENT.value: "business",
    Section.GOVERNANCE.value: "business",
    Section.OUTLOOK.value: "outlook",
}
#: Briefing sections in order (the templates of the same names render them).
BRIEFING_SECTIONS = (
    "overview", "projects", "innovation", "consumption", "livelihood", "business", "outlook",
)  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """A series, a target with its outcomes, or one figure (``sentence`` None)."""

    figures: tuple[Figure, ...]
    sentence: Sentence | None
    section: str  # briefing section
    topic: str | None
    superseded: bool = False  # a shorter rate another source's longer one replaces
    table_extra: tuple[str, ...] = ()  # superseded figures shown in this unit's table row
    finding: DataFinding | None = None  # the analyst's sentence this unit is (its sentence)

    @property
    def ids(self) -> tuple[str, ...]:
        """The figure ids, in the order the sentence states them."""
        return tuple(f.id for f in self.figures)

    @property
    def when(self) -> tuple[int, int]:
        """When the unit ends, for chronological order (a finding: its period, else its
        first figure's)."""
        if self.finding is not None:
            return (self.finding.period or self.figures[0].period).sort_key
        return max(f.period.sort_key for f in self.figures)

    @property
    def data_section(self) -> str:
        """The data section it belongs to (a finding's own, else its first figure's)."""
        if self.finding is not None:
            return self.finding.section.value
        return self.first.section.value

    @property
    def tags(self) -> tuple[str, ...]:
        """A finding's key-message tags (a figure unit's are on its figures)."""
        return self.finding.tags if self.finding is not None else ()

    @property
    def first(self) -> Figure:
        """The unit's first figure in data order (its anchor)."""
        return self.figures[0]


def latest_result_year(facts: DistrictFacts) -> int:
    """The latest year with an actual or estimated result (0 when none)."""
    years = [
        f.period.end_year
        for f in facts.figures
        if f.status in (Status.ACTUAL, Status.PRELIMINARY, Status.ESTIMATE)
        and f.period.end_year is not None
    ]
    return max(years, default=0)


def briefing_section(figure: Figure, next_year: int) -> str:
    """Where a figure is told: targets and plans for a later year go to the outlook."""
    year = figure.period.end_year
    if figure.status in (Status.TARGET, Status.PLAN) and year is not None and year >= next_year:
        return "outlook"
    return BRIEFING_SECTION[figure.section.value]


def make_units(facts: DistrictFacts) -> list[Unit]:
    """Every figure in one unit, in data order of each unit's first figure. A finding's
    figures are its unit (the finding says them); a figure tagged ``annex`` is a unit of
    its own; the others form series, target/outcome pairs and single figures."""
    next_year = latest_result_year(facts) + 1
    every = facts.figures
    units = finding_units(facts)
    placed: set[str] = {f for u in units for f in u.ids}
    # a figure tagged ``annex`` is never stated in the body: a unit of its own, in no series
    alone = [f for f in facts.figures if "annex" in f.tags and f.id not in placed]
    units += [_unit((f,), None, next_year) for f in alone]
    placed |= {f.id for f in alone}
    if placed:  # series are drawn from the figures no finding (nor the annex) states
        others = tuple(f for f in facts.figures if f.id not in placed)
        facts = facts.model_copy(update={"figures": others})
    for series in find_series(facts):
        start = len(units)  # this series' units: placed below (all of them would be quadratic)
        members = [f for f in series if f.period.stated]
        paired = target_outcome(members)
        rest = members
        if paired is not None:
            target, outcomes, verdict = paired
            sentence = TargetOutcome(target.id, tuple(o.id for o in outcomes), verdict)
            units.append(_unit((*outcomes, target), sentence, next_year))
            used = {target.id, *(o.id for o in outcomes)}
            rest = [f for f in members if f.id not in used]
        said = [f for f in rest if f.status is not Status.TARGET]
        if series_kind(said) == "rate":
            gone = [f for f in said if superseded(f, said)]
            units += [_unit((f,), None, next_year, superseded=True) for f in gone]
            said = [f for f in said if f not in gone]
        else:
            gone = []
        if len(said) > 1 and series_kind(said) is not None:
            ordered = chronological(said)
            rate = series_kind(ordered) == "rate"
            unit = _unit(
                ordered, Series(tuple(f.id for f in ordered), rate, trend(ordered)), next_year
            )
            units.append(replace(unit, table_extra=tuple(f.id for f in gone)))
        placed |= {f.id for u in units[start:] for f in u.figures}
    units += [_unit((f,), None, next_year) for f in facts.figures if f.id not in placed]
    order = {f.id: i for i, f in enumerate(every)}
    return sorted(units, key=lambda u: min(order[f] for f in (*u.ids, *u.table_extra)))


def finding_units(facts: DistrictFacts) -> list[Unit]:
    """One unit per finding whose figures are all here (a doubtful figure is in none):
    its briefing section and topic are the finding's own."""
    figures = {f.id: f for f in facts.figures}
    units = []
    for finding in getattr(facts, "findings", ()):
        ids = finding.figures
        if not ids or any(i not in figures for i in ids):
            continue
        sentence = Finding(finding.id, ids, finding.covers)
        section = BRIEFING_SECTION[finding.section.value]
        figs = tuple(figures[i] for i in ids)
        units.append(Unit(figs, sentence, section, finding.topic, finding=finding))
    return units


def _unit(
    figures: tuple[Figure, ...] | list[Figure],
    sentence: Sentence | None,
    next_year: int,
    superseded: bool = False,
) -> Unit:
    figures = tuple(figures)
    latest = max(figures, key=lambda f: f.period.sort_key)
    section = briefing_section(latest, next_year)
    return Unit(figures, sentence, section, latest.topic, superseded)
