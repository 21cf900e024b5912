"""Key messages: the lead paragraph and the 3–6 key points, chosen by a written rule.

The rule (also in docs/narrative.md):

1. **Lead**: the district's positioning, development approach, the year's theme and
   the verdict on it (statements of those kinds about the district), then the
   headline growth series of the economy that also states the level (regional GDP).
2. **Key points**, in this order, one point each — one unit, so one sentence — at
   most six:
   a. up to three further headline growth series of the overview (growth rates
      tagged ``headline``), those with a city rank first;
   b. the key-project programme (the first unit of figures tagged ``programme``);
   c. innovation: the first headline unit of the innovation section;
   d. consumption, then livelihood: their first headline unit, while fewer than six.
   A point with no figures is skipped. Next year's targets are not a key point: the
   outlook opens with them, after the next year's theme.

Everything a key message states is left out of the sections (each figure once).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.narrative.units import Unit

MAX_POINTS = 6
MAX_GROWTH_POINTS = 3


@dataclass(frozen=True)
class Messages:
    """The units chosen for the lead and for each key point."""

    lead: Unit | None
    points: tuple[tuple[Unit, ...], ...]

    @property
    def used(self) -> frozenset[str]:
        """Ids of every figure the key messages state."""
        units = ([self.lead] if self.lead else []) + [u for p in self.points for u in p]
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


def choose(units: Sequence[Unit]) -> Messages:
    """The lead's unit and the key points' units (see the module text)."""
    growth = [u for u in units if _growth(u) and len(u.figures) > 1]
    # the lead's series is the one that also states the level (regional GDP)
    levels = [u for u in growth if any(f.amount is not None for f in u.figures)]
    lead = (levels or growth)[0] if growth else None
    growth = [u for u in growth if u is not lead]
    others = sorted(growth, key=lambda u: not any(f.rank for f in u.figures))
    points: list[tuple[Unit, ...]] = [(u,) for u in others[:MAX_GROWTH_POINTS]]
    taken = {id(u) for p in points for u in p} | {id(lead)}

    def pick(test: object) -> None:
        chosen = tuple(u for u in units if id(u) not in taken and test(u))[:1]  # type: ignore[operator]
        if chosen and len(points) < MAX_POINTS:
            points.append(chosen)
            taken.update(id(u) for u in chosen)

    pick(lambda u: any("programme" in f.tags for f in u.figures))
    pick(lambda u: u.first.section.value == "innovation" and _headline(u))
    for section in ("consumption", "livelihood"):
        pick(lambda u, s=section: u.first.section.value == s and _headline(u))
    return Messages(lead, tuple(points))
