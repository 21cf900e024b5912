"""Phrase tables: everything about a language that CLDR does not cover, in one place.

Each language is one module in this folder (``en.py``, ``zh.py``, ``zh_Hant.py``)
defining ``TABLE``, a :class:`PhraseTable`. Numbers, plural and ordinal
categories, month names and date intervals come from Babel (CLDR); the table
holds only words and patterns: qualifiers, units and measure-word nouns,
change, gap and rank phrasing, period patterns and status labels.

>>> phrases_for("en").qualifiers[Qualifier.AT_LEAST]
'over'
>>> phrases_for("zh").patterns["change.actual.up"]
'同比增长{amount}'
>>> phrases_for("fr")
Traceback (most recent call last):
...
ValueError: no phrase table for language 'fr'; known: en, zh, zh_Hant
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from reportgen.facts.amounts import Qualifier
from reportgen.facts.model import PlaceKind, SourceKind, Status

__all__ = [
    "AmountSystem",
    "Forms",
    "PhraseTable",
    "PlaceWords",
    "UnitWords",
    "forms",
    "known_languages",
    "phrases_for",
    "register_phrases",
]

#: Plural forms keyed by CLDR plural category ("one", "few", "other" …); "other" is required.
Forms = Mapping[str, str]


def forms(one: str, other: str | None = None) -> Forms:
    """English-style forms: ``forms("building", "buildings")``; one form if invariant."""
    return MappingProxyType({"one": one, "other": one if other is None else other})


class AmountSystem(StrEnum):
    """How a language writes an amount."""

    #: Exact value in the base unit, named by CLDR compact words from 10^6 up (36.55 billion).
    MAGNITUDE = "magnitude"
    #: The source's own Chinese form (365.5亿元, 6.1万余户), through ``convert``.
    AS_WRITTEN = "as_written"


@dataclass(frozen=True)
class UnitWords:
    """How a base unit reads: in prose (by plural form), in a table header and in a cell."""

    prose: Forms
    header: str
    cell: str = ""  # appended to the number in a table cell ("%", " pp"); "" = header only


@dataclass(frozen=True)
class PlaceWords:
    """How a language names a kind of place: the noun, the phrase for the whole place
    (全县 / "the county"), and that phrase as an attribute (全县 / "countywide")."""

    noun: str
    ref: str
    wide: str


@dataclass(frozen=True)
class PhraseTable:
    """The words and patterns of one language. Patterns use ``str.format`` fields."""

    locale: str  # Babel locale for numbers, plural and ordinal rules
    text_field: str  # the field of a bilingual Text holding this language ("en", "zh")
    amounts: AmountSystem
    patterns: Mapping[str, str]
    qualifiers: Mapping[Qualifier, str]
    status_labels: Mapping[Status, str]
    date_locale: str = ""  # Babel locale for dates; defaults to ``locale``
    units: Mapping[str, UnitWords] = field(default_factory=dict)  # base unit → words
    magnitudes: tuple[int, ...] = ()  # powers of ten named by CLDR compact long patterns
    ordinal_words: Mapping[int, str] = field(default_factory=dict)  # 3 → "third" / "三"
    ordinal_suffixes: Mapping[str, str] = field(default_factory=dict)  # CLDR ordinal → "rd"
    halves: Mapping[int, str] = field(default_factory=dict)  # 1 → "first" / "上"
    month_skeletons: Mapping[str, str] = field(default_factory=dict)  # style → CLDR skeleton
    interval_fixes: Mapping[str, str] = field(default_factory=dict)  # CLDR output touch-ups
    convert: Mapping[str, str] = field(default_factory=dict)  # source characters → this script
    places: Mapping[PlaceKind, PlaceWords] = field(default_factory=dict)  # 县 → 全县, the county
    source_kinds: Mapping[SourceKind, Forms] = field(default_factory=dict)  # by count
    source_counts: Mapping[SourceKind, str] = field(default_factory=dict)  # "{n}篇{noun}"
    cardinal_words: Mapping[int, str] = field(default_factory=dict)  # 2 → "two" (prose counts)
    list_joins: tuple[str, str] = (", ", " and ")  # between items, before the last
    minus: str = "\u2212"
    plus: str = "+"

    def pattern(self, name: str, style: str = "prose") -> str:
        """The pattern ``name``, preferring its ``name.table`` variant in table style."""
        if style == "table" and f"{name}.table" in self.patterns:
            return self.patterns[f"{name}.table"]
        try:
            return self.patterns[name]
        except KeyError:
            raise ValueError(
                f"the phrase table for {self.locale} has no pattern '{name}'"
            ) from None

    @property
    def dates(self) -> str:
        """The Babel locale used for dates."""
        return self.date_locale or self.locale


_TABLES: dict[str, PhraseTable] = {}


def register_phrases(lang: str, table: PhraseTable) -> None:
    """Add (or replace) the phrase table for ``lang``: another language is one table."""
    _TABLES[lang] = table


def known_languages() -> list[str]:
    """Languages with a phrase table: the modules in this folder and any registered."""
    modules = {m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")}
    return sorted(modules | set(_TABLES))


def phrases_for(lang: str) -> PhraseTable:
    """The phrase table for ``lang`` (loaded once); ``ValueError`` names the known ones."""
    if lang in _TABLES:
        return _TABLES[lang]
    if lang.isidentifier() and lang in known_languages():
        module = importlib.import_module(f"{__name__}.{lang}")
        table = module.TABLE
        assert isinstance(table, PhraseTable)
        _TABLES[lang] = table
        return table
    known = ", ".join(known_languages())
    raise ValueError(f"no phrase table for language '{lang}'; known: {known}")
