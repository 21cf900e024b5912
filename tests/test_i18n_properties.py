"""Properties: every rendering reads back to exactly value × scale, in every language.

Random exact values (0 < v < 10^6, 0–6 decimal places, with and without trailing
zeros and in exponent form), every unit of the registry and every qualifier in
every place a Chinese source can write it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import reportgen.i18n
from reportgen.facts.amounts import (
    INNER_MARKERS,
    PREFIX_MARKERS,
    SUFFIX_MARKERS,
    Amount,
    Change,
    Direction,
    MarkerPosition,
    Qualifier,
)
from reportgen.facts.units import UNITS, Unit
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.numfmt import round_half_up
from reportgen.i18n.parse import parse_rendered

LANGS = ("en", "zh", "zh_Hant")
FORMATTERS = {lang: Formatter(lang) for lang in LANGS}
SETTINGS = settings(max_examples=500, deadline=None)


@st.composite
def values(draw: st.DrawFn) -> Decimal:
    """0 < v < 10^6 with 0–6 decimal places, sometimes normalised (1E+3, 1.5)."""
    places = draw(st.integers(0, 6))
    digits = draw(st.integers(1, 10 ** (6 + places) - 1))
    value = Decimal(digits).scaleb(-places)
    return value.normalize() if draw(st.booleans()) else value


def markers(unit: Unit) -> list[tuple[Qualifier, str, MarkerPosition]]:
    """Every (qualifier, marker, position) a source can write with this unit."""
    found = [(Qualifier.EXACT, "", MarkerPosition.NONE)]
    found += [(q, m, MarkerPosition.BEFORE) for m, q in PREFIX_MARKERS.items()]
    found += [(q, m, MarkerPosition.AFTER_NUMBER) for m, q in INNER_MARKERS.items()]
    if unit.prefix:
        found += [(q, m, MarkerPosition.AFTER_PREFIX) for m, q in INNER_MARKERS.items()]
    found += [(q, m, MarkerPosition.AFTER) for m, q in SUFFIX_MARKERS.items()]
    return found


@st.composite
def amounts(draw: st.DrawFn) -> Amount:
    unit = draw(st.sampled_from(sorted(UNITS.values(), key=lambda u: u.code)))
    qualifier, marker, position = draw(st.sampled_from(markers(unit)))
    return Amount(draw(values()), unit, qualifier, marker, position)


@SETTINGS
@given(amounts(), st.sampled_from(LANGS), st.sampled_from(["prose", "table"]))
def test_rendering_reads_back_exactly(a: Amount, lang: str, style: str) -> None:
    f = FORMATTERS[lang]
    text = f.amount(a, style)
    value, dimension = parse_rendered(text, lang, unit_label=f.unit_label(a))
    assert value == a.value * a.unit.scale, text
    assert dimension is a.unit.dimension, text


@SETTINGS
@given(amounts(), st.sampled_from(["prose", "table"]))
def test_english_and_chinese_agree(a: Amount, style: str) -> None:
    en = parse_rendered(
        FORMATTERS["en"].amount(a, style), "en", unit_label=FORMATTERS["en"].unit_label(a)
    )
    assert en == parse_rendered(FORMATTERS["zh"].amount(a, style), "zh")


@SETTINGS
@given(amounts())
def test_english_never_pads_or_rounds(a: Amount) -> None:
    """The English number shows exactly the significant digits the source wrote."""
    text = FORMATTERS["en"].amount(a)
    number = re.search(r"[\d,]+(?:\.\d+)?", text)
    assert number is not None
    shown = number[0].replace(",", "").replace(".", "").strip("0")
    written = format(a.value, "f").replace(".", "").strip("0")
    assert shown == written, text


@SETTINGS
@given(values(), st.sampled_from(["%", "个百分点"]), st.booleans(), st.sampled_from(LANGS))
def test_signed_table_cells_read_back(v: Decimal, unit: str, up: bool, lang: str) -> None:
    change = Change(Direction.UP if up else Direction.DOWN, Amount(v, UNITS[unit]))
    f = FORMATTERS[lang]
    text = f.gap(change, "table") if unit == "个百分点" else f.change(change, "table")
    value, _ = parse_rendered(text, lang)
    assert value == (v if up else -v)


@SETTINGS
@given(values(), st.integers(0, 6))
def test_round_is_half_up(v: Decimal, places: int) -> None:
    rounded = round_half_up(v, places)
    step = Decimal(1).scaleb(-places)
    assert abs(rounded - v) <= step / 2
    if abs(rounded - v) == step / 2:
        assert rounded > v  # ties go up, never to even


def test_no_float_anywhere_in_the_package() -> None:
    package = Path(reportgen.i18n.__file__).parent
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bfloat\s*\(|:\s*float\b|import math", text), path
