"""Key messages: the lead paragraph and the 3–6 key points, chosen by a written rule.

The rule (also in docs/narrative.md):

1. **Lead**: the district's positioning, development approach, the year's theme and
   the verdict on it (statements of those kinds about the district), then the
   findings tagged ``lead`` (an analyst's sentences, in data order), then the
   headline growth series of the economy that also states the level (regional GDP) —
   unless a lead finding states such a figure (a headline growth rate of the overview
   with its level): then the finding replaces that generic sentence, whose figures (if
   any are left) are told in their section.
2. **Key points**, in this order, one point each — one unit, so one sentence — at
   most six:
   a. up to three further headline growth series of the overview (growth rates
      tagged ``headline``), those with a city rank first;
   b. the key-project programme: the first finding tagged ``programme``, else the
      first unit of figures tagged ``programme``;
   c. investment attraction: the first finding tagged ``investment``, else the first
      unit of figures tagged ``investment``;
   d. innovation: the first finding of the innovation section tagged ``headline``,
      else the section's first headline unit;
   e. consumption, then livelihood: likewise, while fewer than six.
   A point with no figures is skipped. A finding fills a slot only by its tag (an
   untagged finding is told in its section). Next year's targets are not a key
   point: the outlook opens with them, after the next year's theme.

Everything a key message states is left out of the sections (each figure once, a
finding once). A figure tagged ``annex`` is never a key message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportgen.narrative.select import annexed
from reportgen.narrative.units import Unit

MAX_POINTS = 6
MAX_GROWTH_POINTS = 3


@dataclass(frozen=True)
class Messages:
    """The units chosen for the lead and for each key point."""

    lead: Unit | None
    points: tuple[tuple[Unit, ...], ...]
    lead_findings: tuple[Unit, ...] = ()  # findings tagged ``lead``, said after the statements

    @property
    def used(self) -> frozenset[str]:
        """Ids of every figure the key messages state."""
        units = [*self.lead_findings, *([self.lead] if self.lead else [])]
        units += [u for p in self.points for u in p]
        return frozenset(f.id for u in units for f in u.figures)


def _headline(unit: Unit) -> bool:
    return any("headline" in f.tags for f in unit.figures)


def _growth(unit: Unit) -> bool:
    return (
        unit.first.section.value == "overview"
        and _headline(unit)
        and all(f.yoy is not None for f in unit.figures)
        and all(f.status.value in ("actual", "estimate") for f in unit.figures)
    )


def _states_level_growth(unit: Unit) -> bool:
    """Whether a unit states a headline growth rate of the overview with its level (the
    generic lead's regional GDP)."""
    return any(
        f.section.value == "overview"
        and "headline" in f.tags
        and f.yoy is not None
        and f.amount is not None
        for f in unit.figures
    )


def choose(units: Sequence[Unit]) -> Messages:
    """The lead's units and the key points' units (see the module text)."""
    units = [u for u in units if not annexed(u)]
    findings = [u for u in units if u.finding is not None]
    plain = [u for u in units if u.finding is None]
    leads = tuple(u for u in findings if "lead" in u.tags)
    growth = [u for u in plain if _growth(u) and len(u.figures) > 1]
    # the lead's series is the one that also states the level (regional GDP)
    levels = [u for u in growth if any(f.amount is not None for f in u.figures)]
    lead = (levels or growth)[0] if growth else None
    generic = lead
    if any(_states_level_growth(u) for u in leads):
        lead = None  # a lead finding says the GDP sentence in the analyst's words
    growth = [u for u in growth if u is not generic]  # a replaced one is told in its section
    others = sorted(growth, key=lambda u: not any(f.rank for f in u.figures))
    points: list[tuple[Unit, ...]] = [(u,) for u in others[:MAX_GROWTH_POINTS]]
    taken = {id(u) for p in points for u in p} | {id(lead)} | {id(u) for u in leads}

    def pick(tag: str, section: str | None, test: Callable[[Unit], bool]) -> None:
        """The slot's finding (tagged ``tag``, of ``section`` when given), else the first
        figure unit passing ``test``."""
        mine = [u for u in findings if id(u) not in taken and tag in u.tags]
        mine = [u for u in mine if section is None or u.data_section == section]
        chosen = mine[:1] or [u for u in plain if id(u) not in taken and test(u)][:1]
        if chosen and len(points) < MAX_POINTS:
            points.append((chosen[0],))
            taken.add(id(chosen[0]))

    pick("programme", None, lambda u: any("programme" in f.tags for f in u.figures))
    pick("investment", None, lambda u: any("investment" in f.tags for f in u.figures))
    for section in ("innovation", "consumption", "livelihood"):
        pick("headline", section, _headline_of(section))
    return Messages(lead, tuple(points), leads)


def _headline_of(section: str) -> Callable[[Unit], bool]:
    """The test of a section's headline unit (its first figure of ``section``)."""
    return lambda u: u.first.section.value == section and _headline(u)
