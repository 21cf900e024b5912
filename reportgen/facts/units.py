"""The unit registry: every unit code a figure may use, with dimension and scale.

A unit code is a base unit with an optional Chinese scale prefix (万, 亿, 万亿):
``亿元`` is the base ``元`` scaled by 10^8. Values never leave ``Decimal``.

>>> UNITS["亿元"].scale
Decimal('100000000')
>>> UNITS["万平方米"].dimension.value
'area'
>>> lookup_unit("万户").base
'户'
>>> lookup_unit("万元/人").dimension.value, lookup_unit("‰").dimension.value
('money_per_person', 'permille')
>>> lookup_unit("") is NO_UNIT
True
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Dimension(StrEnum):
    """What a unit measures; two figures compare only within one dimension."""

    MONEY = "money"
    AREA = "area"
    LENGTH = "length"
    PEOPLE = "people"
    VISITS = "visits"
    PERSON_YEARS = "person_years"
    PERCENT = "percent"
    PERCENTAGE_POINTS = "percentage_points"
    PERMILLE = "permille"
    MONEY_PER_PERSON = "money_per_person"
    COUNT = "count"
    NUMBER = "number"  # a unitless ratio or index: sex ratio 102.87, CPI 101.2


@dataclass(frozen=True)
class Unit:
    """A unit code such as ``亿元``: its base unit, dimension and power-of-ten scale."""

    code: str
    base: str
    prefix: str
    dimension: Dimension
    exponent: int

    @property
    def scale(self) -> Decimal:
        """The factor from this unit to its base unit, exactly."""
        return Decimal(10) ** self.exponent

    @property
    def is_count(self) -> bool:
        """True for measure-word counts (个, 家, 栋 …)."""
        return self.dimension is Dimension.COUNT


#: Scale prefixes written before a base unit, with their powers of ten.
PREFIXES: dict[str, int] = {"": 0, "万": 4, "亿": 8, "万亿": 12}

#: Base units that take no prefix (a percentage is never "万%").
_UNSCALED: dict[str, Dimension] = {
    "%": Dimension.PERCENT,
    "个百分点": Dimension.PERCENTAGE_POINTS,
    "‰": Dimension.PERMILLE,
    "平方公里": Dimension.AREA,
    "公里": Dimension.LENGTH,
    "人年": Dimension.PERSON_YEARS,
}

#: Base units that take the 万/亿 prefixes.
_SCALABLE: dict[str, Dimension] = {
    "元": Dimension.MONEY,
    "平方米": Dimension.AREA,
    "人": Dimension.PEOPLE,
    "人次": Dimension.VISITS,
    "元/人": Dimension.MONEY_PER_PERSON,
}

#: Dimensions whose level may be negative (a contribution rate of −44.6%, a pull on
#: growth of −1.96 个百分点, a loss); a count, an area or a number of people never is.
SIGNED_DIMENSIONS: frozenset[Dimension] = frozenset(
    {
        Dimension.MONEY,
        Dimension.PERCENT,
        Dimension.PERCENTAGE_POINTS,
        Dimension.PERMILLE,
        Dimension.NUMBER,
    }
)

#: Dimensions that are rates: a change of a rate in 个百分点 is a change in points.
RATE_DIMENSIONS: frozenset[Dimension] = frozenset({Dimension.PERCENT, Dimension.PERMILLE})

#: Measure words for counted things (the noun counted is named by the figure).
MEASURE_WORDS: tuple[str, ...] = (
    "个", "家", "家次", "项", "场", "处", "部", "户", "栋", "间", "趟", "所",
    "件", "名", "辆", "套", "座", "条", "次", "批", "台", "份", "张", "类",
)  # fmt: skip


def _build_registry() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for base, dimension in _UNSCALED.items():
        units[base] = Unit(base, base, "", dimension, 0)
    scalable = dict(_SCALABLE)
    scalable.update(dict.fromkeys(MEASURE_WORDS, Dimension.COUNT))
    for base, dimension in scalable.items():
        for prefix, exponent in PREFIXES.items():
            code = prefix + base
            units[code] = Unit(code, base, prefix, dimension, exponent)
    return units


#: Every known unit code.
UNITS: dict[str, Unit] = _build_registry()

#: A unitless ratio or index (sex ratio 102.87, CPI 101.2): written as a bare number.
#: Not in :data:`UNITS`, so that no text is read as an amount for lack of a unit.
NO_UNIT = Unit("", "", "", Dimension.NUMBER, 0)

#: Base unit codes, longest first (for parsing text such as ``6.1万余户``).
BASES_LONGEST_FIRST: tuple[str, ...] = tuple(
    sorted({u.base for u in UNITS.values()}, key=len, reverse=True)
)


class UnknownUnitError(ValueError):
    """A unit code that the registry does not know."""


def lookup_unit(code: str) -> Unit:
    """Return the unit for ``code`` or raise :class:`UnknownUnitError` listing the known bases.

    >>> lookup_unit("亿元").exponent
    8
    >>> lookup_unit("亿美元")
    Traceback (most recent call last):
    ...
    reportgen.facts.units.UnknownUnitError: unknown unit '亿美元'; known units: ...
    """
    if code == "":
        return NO_UNIT
    try:
        return UNITS[code]
    except KeyError:
        bases = ", ".join(sorted({u.base for u in UNITS.values()}))
        message = f"unknown unit '{code}'; known units: {bases} (元, 平方米, 人, 人次, 元/人 "
        message += "and the measure words also take 万/亿/万亿; a ratio or index is a bare number)"
        raise UnknownUnitError(message) from None
