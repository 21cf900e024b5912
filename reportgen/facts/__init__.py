"""Facts: the model, the unit registry, amounts and periods, and the loader."""

from reportgen.facts.amounts import Amount, Change, Direction, Qualifier, parse_amount, parse_change
from reportgen.facts.loader import load_facts
from reportgen.facts.model import (
    Citation,
    District,
    DistrictFacts,
    Entity,
    EntityKind,
    Figure,
    Noun,
    Section,
    Source,
    Status,
    Text,
)
from reportgen.facts.periods import PartialDate, Period, PeriodKind, parse_period
from reportgen.facts.units import UNITS, Dimension, Unit, lookup_unit

__all__ = [
    "UNITS", "Amount", "Change", "Citation", "Dimension", "Direction", "District",
    "DistrictFacts", "Entity", "EntityKind", "Figure", "Noun", "PartialDate", "Period",
    "PeriodKind", "Qualifier", "Section", "Source", "Status", "Text", "Unit", "load_facts",
    "lookup_unit", "parse_amount", "parse_change", "parse_period",
]  # fmt: skip
