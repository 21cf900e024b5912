"""A figure agrees with its own quote: value, scale word, unit, qualifier and direction.

A number a figure states (its amount, its year-on-year change, its gap to the city)
must be in one of its quotes, and some mention of it there must agree in every part:
the scale word (8500万元 is not 8500元), the unit or measure word (1.2万人 is not
1.2万名), the qualifier with its marker (约836万平方米 is not 近836万平方米), and for a
change the direction the quote's words give (同比下降2.1% is not +2.1%). A part the
quote leaves unsaid (千亿级: no unit) cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportgen.facts.amounts import (
    INNER_MARKERS,
    PREFIX_MARKERS,
    SUFFIX_MARKERS,
    Amount,
    Change,
    Direction,
    MarkerPosition,
)
from reportgen.facts.model import Figure
from reportgen.facts.quote_numbers import Mention, read_mentions

_MEANING = {"exact": "exact", "about": "about", "over": "over", "more_than": "more than",
            "nearly": "nearly", "at_least": "at least", "up_to": "up to"}  # fmt: skip


def number_as_written(amount: Amount) -> str:
    """The number of an amount as the data writes it: ``836``, ``两千``, ``1—2``."""
    if amount.numeral:
        return amount.numeral
    upper: Decimal | None = getattr(amount, "upper", None)
    number = format(abs(amount.value), "f")
    if upper is not None:
        number += str(getattr(amount, "separator", "")) + format(upper, "f")
    return number


def disagreements(amount: Amount, direction: Direction | None, mention: Mention) -> list[str]:
    """Each part in which a figure's amount (or change, with its ``direction``)
    disagrees with a mention of the same number: scale, unit, qualifier, direction, sign."""
    sign = "" if direction is None else ("+" if direction is Direction.UP else "-")
    says = f"{sign}{amount}"
    found: list[str] = []
    prefix = amount.unit.prefix
    if mention.scale != prefix:
        found.append(
            f"the scale word differs: the quote says {mention.text} ({mention.scale or 'none'}), "
            f"the figure says {says} ({prefix or 'none'})"
        )
    base = amount.unit.base
    if mention.base is not None and mention.base != base:
        found.append(
            f"the unit differs: the quote says {mention.text} ({mention.base}), "
            f"the figure says {says} ({base or 'none'})"
        )
    if (mention.marker, mention.position) != (amount.marker, amount.position):
        quoted = _qualifier(mention.marker, _marker_meaning(mention.marker, mention.position))
        stated = _qualifier(amount.marker, amount.qualifier.value)
        found.append(
            f"the qualifier differs: the quote says {mention.text} ({quoted}), "
            f"the figure says {says} ({stated})"
        )
    if direction is not None and mention.direction not in (None, direction):
        found.append(
            f"the direction differs: the quote says {mention.direction_text} "
            f"({_rise_or_fall(mention.direction)}), the figure says {says} "
            f"({_rise_or_fall(direction)})"
        )
    if direction is None and mention.negative != (amount.value < 0):
        found.append(f"the sign differs: the quote says {mention.text}, the figure says {says}")
    return found


def _marker_meaning(marker: str, position: MarkerPosition) -> str:
    if not marker:
        return "exact"
    table = {MarkerPosition.BEFORE: PREFIX_MARKERS, MarkerPosition.AFTER: SUFFIX_MARKERS}
    return table.get(position, INNER_MARKERS)[marker].value


def _qualifier(marker: str, meaning: str) -> str:
    return f"{marker}: {_MEANING.get(meaning, meaning)}" if marker else "none: exact"


def _rise_or_fall(direction: Direction | None) -> str:
    return "a rise" if direction is Direction.UP else "a fall"


def check_figure(figure: Figure) -> Iterator[tuple[str, str]]:
    """(field, message) for each part of the figure's numbers its quotes contradict.

    A number must appear in one of the quotes; a mention of it must then agree in
    every part. A field with a problem of its own (a yoy that is no percentage) is
    left to that problem's message. When no mention agrees fully, the one closest to
    agreeing names the parts that differ.
    """
    mentions = [m for citation in figure.sources for m in read_mentions(citation.quote)]
    stated: list[tuple[str, Amount, Direction | None]] = []
    if figure.amount is not None:
        stated.append(("amount", figure.amount, None))
    for field in ("yoy", "vs_city"):
        change: Change | None = getattr(figure, field)
        if change is not None:
            stated.append((field, change.amount, change.direction))
    flawed = {field for field, _ in figure.problems()}  # reported already: not again here
    for field, amount, direction in stated:
        if field in flawed:
            continue
        number = number_as_written(amount)
        same = [m for m in mentions if m.number == number]
        if not same:
            yield field, f"the number {number} is not in the figure's quote"
            continue
        found = [disagreements(amount, direction, m) for m in same]
        if all(found):
            yield from ((field, message) for message in min(found, key=len))
