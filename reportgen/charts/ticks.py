"""A value axis a reader can read: round steps, printed by the formatter, in one unit.

Columns compared by height need a scale beside them (review 2, N17): the axis of a
panel gets three to six round marks (1, 2, 2.5 or 5 times a power of ten, in the unit the
panel's values are written in: 0, 1000, 2000, 3000 亿元; 0, 100, 200, 300 billion
yuan), every mark an exact ``Decimal``. The marks are printed by the formatter in one
scale (``one_scale``), their common unit ("亿元", "billion") moved to the axis title.
The scale (``10**scale`` base units per axis unit) lets a native chart store its values
in the axis unit, so Word's own axis numbers read 1000, not 100000000000.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from reportgen.facts.amounts import Amount

from .spec import Tick

_NUMBER = re.compile(r"^([−+-]?[0-9][0-9.,\u00a0\u202f]*)(.*)$", re.S)
_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
#: Units that stay on each mark ("10%"), never moved to a title.
_ON_THE_MARK = ("%", "‰")


def step_for(high: Decimal, marks: int = 4) -> Decimal:
    """A round step that reaches ``high`` (> 0) in about ``marks`` steps.

    >>> step_for(Decimal(3150)), step_for(Decimal(216)), step_for(Decimal("0.8"))
    (Decimal('1000'), Decimal('100'), Decimal('0.2'))
    """
    raw = high / marks
    power = Decimal(1).scaleb(raw.adjusted())
    step = next(s * power for s in _STEPS if s * power >= raw)
    return step.quantize(Decimal(1)) if step == step.to_integral_value() else step.normalize()


def axis_ticks(
    amounts: Sequence[Amount], filters: Mapping[str, Callable[..., str]]
) -> tuple[tuple[Tick, ...], int, str]:
    """The marks of an axis showing ``amounts`` (one unit base), the axis unit's power of
    ten in base units, and the unit's words for the axis title; ``((), 0, "")`` when the
    marks cannot be printed in one scale."""
    first = amounts[0]
    values = [v * a.unit.scale / first.unit.scale for a in amounts for v in a.values]
    high, low = max([Decimal(0), *values]), min([Decimal(0), *values])
    if high <= 0 and low >= 0:
        return (), 0, ""
    step = step_for(max(high, -low))
    start = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    marks = []
    mark = start
    while mark < high + step:  # one mark above the highest bar: drawers skip what is off the axis
        marks.append(Amount(mark.normalize() if mark else Decimal(0), first.unit))
        mark += step
    table = filters["one_scale"](marks, "table")
    prose = filters["one_scale"](marks, "prose")
    split = [_NUMBER.match(str(t)) for t in table]
    if any(m is None for m in split):
        return (), 0, ""
    suffixes = {m.group(2).strip() for m in split if m is not None}
    if len(suffixes) != 1:
        return (), 0, ""
    suffix = suffixes.pop()
    keep = suffix in _ON_THE_MARK
    ticks = tuple(
        Tick(a.base_value, str(t) if keep else m.group(1).strip())
        for a, t, m in zip(marks, table, split, strict=True)
        if m is not None
    )
    scale = _scale(ticks) if not keep else None
    if scale is None:
        return ticks, 0, ""
    title = "" if not suffix else _unit_words(str(prose[-1]))
    return ticks, scale, title


def bare_number(text: str, value: Decimal, scale: int) -> str | None:
    """``text``'s number alone when ``text`` is a number then its unit and that number is
    ``value`` in the axis unit (``10**scale`` base units); None when it says more (a
    qualifier, "over 2.2 million", "约3000亿元") or another scale.

    >>> bare_number("297.4 billion", Decimal("2.974E+11"), 9), bare_number("216个", Decimal(216), 0)
    ('297.4', '216')
    >>> bare_number("over 2.2 million", Decimal(2200000), 6), bare_number("2974亿元", Decimal(1), 8)
    (None, None)
    """
    match = _NUMBER.match(text)
    if match is None:
        return None
    number = match.group(1).strip()
    digits = re.sub(r"[^0-9.]", "", number)
    if not digits or digits.count(".") > 1:
        return None
    shown = Decimal(digits).copy_sign(Decimal(-1) if number[0] in "−-" else Decimal(1))
    return number if shown == value.scaleb(-scale) else None


def _unit_words(text: str) -> str:
    """A printed amount without its number: "billion yuan" of "300 billion yuan"."""
    match = _NUMBER.match(text)
    return "" if match is None else match.group(2).strip()


def _scale(ticks: Sequence[Tick]) -> int | None:
    """The power of ten between a mark's value and its printed number (None: not one)."""
    for tick in ticks:
        shown = Decimal(re.sub(r"[^0-9.]", "", tick.text) or "0")
        if shown and tick.value:
            ratio = (abs(tick.value) / shown).normalize()
            exponent = ratio.adjusted()
            return exponent if ratio == Decimal(1).scaleb(exponent) else None
    return 0
