"""Several amounts in one scale, for a table row or column where readers compare.

Prose keeps each amount's own form (Chinese: the source's 7000余万元; English: the
largest scale at which the exact value needs at most three decimals). A row of a
table is read across, so its amounts share one scale in both languages, converted
exactly: 55.44亿元 beside 554400万元 is written 55.44亿元 beside 55.44亿元, and in
English 5.544 billion beside 5.544 billion.

>>> from reportgen.facts.amounts import parse_amount
>>> from reportgen.i18n.phrases import phrases_for
>>> row = [parse_amount(a) for a in ("55.44亿元", "554400万元", "2370万元")]
>>> amounts_in_one_scale(phrases_for("zh"), row)
['55.44亿元', '55.44亿元', '0.237亿元']
>>> amounts_in_one_scale(phrases_for("en"), row)  # 0.0237 billion would need 4 decimals
['5,544 million', '5,544 million', '23.7 million']
>>> amounts_in_one_scale(phrases_for("zh"), [parse_amount("7000余万元"), parse_amount("1.4亿元")])
['0.7亿余元', '1.4亿元']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from reportgen.facts.amounts import Amount, MarkerPosition
from reportgen.facts.units import PREFIXES, UNITS
from reportgen.i18n.figures import render_amount
from reportgen.i18n.numfmt import exact_scale, shift_exact
from reportgen.i18n.phrases import AmountSystem, PhraseTable

#: Chinese scale prefixes by power of ten (万 = 4, 亿 = 8, 万亿 = 12).
_PREFIX_BY_EXPONENT = {exponent: prefix for prefix, exponent in PREFIXES.items()}


def amounts_in_one_scale(
    t: PhraseTable, amounts: Sequence[Amount], style: str = "table"
) -> list[str]:
    """Each amount in ``t``'s language, all in one scale, exactly; qualifiers kept.

    English: the largest of million/billion/trillion at which every value needs at most
    three decimals (else the numbers in full). Chinese: the largest 万/亿 prefix at which
    every value needs at most three decimals, the amounts converted to it exactly (one
    already in that prefix keeps the source's form). All amounts must share a unit base.
    """
    if not amounts:
        return []
    bases = {a.unit.base for a in amounts}
    if len(bases) > 1:
        raise ValueError(f"one scale needs amounts of one unit; got {', '.join(sorted(bases))}")
    if t.amounts is AmountSystem.AS_WRITTEN:
        exponent = _chinese_exponent(amounts)
        return [render_amount(t, _in_prefix(a, exponent), style) for a in amounts]
    values = _base_values(amounts)
    size = exact_scale(values, t.magnitudes)
    return [render_amount(t, a, style, size=size) for a in amounts]


def _chinese_exponent(amounts: Sequence[Amount]) -> int:
    """The largest prefix the unit takes at which every value shows in three decimals."""
    base = amounts[0].unit.base
    allowed = tuple(e for p, e in PREFIXES.items() if e and p + base in UNITS)
    values = _base_values(amounts)
    return exact_scale(values, allowed)


def _base_values(amounts: Sequence[Amount]) -> list[Decimal]:
    """Every value in its unit's base, the decimal point moved (no digits added)."""
    return [v.scaleb(a.unit.exponent) for a in amounts for v in a.values]


def _in_prefix(a: Amount, exponent: int) -> Amount:
    """``a`` with its unit's prefix changed to 10^exponent, the value moved exactly."""
    if a.unit.exponent == exponent:
        return a
    unit = UNITS[_PREFIX_BY_EXPONENT[exponent] + a.unit.base]
    shift = a.unit.exponent - exponent
    upper = None if a.upper is None else shift_exact(a.upper, shift)
    position = a.position
    if position in _INNER and unit.prefix:  # 7000余万元 → 0.7亿余元, not 0.7余亿元
        position = MarkerPosition.AFTER_PREFIX
    elif position in _INNER:  # 0.7万余元 → 7000余元
        position = MarkerPosition.AFTER_NUMBER
    value = shift_exact(a.value, shift)
    return replace(a, value=value, unit=unit, upper=upper, numeral="", position=position)


_INNER = (MarkerPosition.AFTER_NUMBER, MarkerPosition.AFTER_PREFIX)
