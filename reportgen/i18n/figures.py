"""Amounts, changes, gaps, ranks and nouns in one language, driven by its phrase table.

These functions take a :class:`PhraseTable`; templates reach them through
:class:`reportgen.i18n.formatter.Formatter`, whose methods carry the examples.

>>> from reportgen.facts.amounts import parse_amount
>>> from reportgen.i18n.phrases import phrases_for
>>> render_amount(phrases_for("en"), parse_amount("6.1万余户"))
'more than 61,000 households'
>>> render_amount(phrases_for("zh"), parse_amount("6.1万余户"))
'6.1万余户'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from reportgen.facts.amounts import (
    Amount,
    Change,
    Direction,
    Qualifier,
    format_amount_as_written,
)
from reportgen.facts.model import Noun, SourceKind, Status
from reportgen.facts.units import Dimension, Unit
from reportgen.i18n.numfmt import (
    compact_word,
    exact_scale,
    format_exact,
    magnitude,
    ordinal_category,
    plural_category,
    round_half_up,
    shift_exact,
)
from reportgen.i18n.phrases import AmountSystem, Forms, PhraseTable, UnitWords, forms

STYLES = ("prose", "table")


def render_amount(
    t: PhraseTable,
    a: Amount,
    style: str = "prose",
    item: Noun | None = None,
    places: int | None = None,
    sign: str = "",
    size: int | None = None,
) -> str:
    """An amount with its qualifier in ``t``'s language (``sign`` goes before the number).

    A negative level is written with the table's minus sign; a range as its two ends.
    English picks the largest scale at which the exact value needs at most three
    decimals (``size`` forces one, for a row of amounts in one scale).
    """
    if item is not None and not a.unit.is_count:
        raise ValueError(f"an item noun names what a count counts; {a} is not a count")
    if a.value < 0:
        a, sign = replace(a, value=-a.value), t.minus
    if t.amounts is AmountSystem.AS_WRITTEN:
        return convert(t, sign + _as_written(t, a, places) + _item_text(t, a, item))
    return _magnitude(t, a, style, item, places, sign, size)


def _magnitude(
    t: PhraseTable,
    a: Amount,
    style: str,
    item: Noun | None,
    places: int | None,
    sign: str,
    size: int | None,
) -> str:
    exponent = a.unit.exponent
    if size is None and places is not None:
        size = magnitude(a.value.scaleb(exponent), t.magnitudes)
    elif size is None:
        size = exact_scale(a.values, t.magnitudes, exponent=exponent)
    mantissas = [shift_exact(v, exponent - size) for v in a.values]
    if places is not None:
        mantissas = [round_half_up(m, places) for m in mantissas]
    numbers = [format_exact(m, t.locale) for m in mantissas]
    number = sign + numbers[0]
    if len(numbers) == 2:
        number = t.pattern("range").format(low=number, high=numbers[1], separator=a.separator)
    if size:
        number = compact_word(size, mantissas[-1], t.locale).replace("{0}", number)
    words = unit_words(t, a.unit)
    if style == "table":
        unit = words.cell
    else:
        names = words.prose if item is None else noun_forms(t, item)
        unit = pick(names, plural_category(mantissas[-1].scaleb(size), t.locale))
    text = t.pattern("amount", style).format(number=number, unit=unit).strip()
    if a.qualifier is Qualifier.EXACT:
        return text
    return t.pattern("qualified", style).format(qualifier=t.qualifiers[a.qualifier], amount=text)


def _as_written(t: PhraseTable, a: Amount, places: int | None) -> str:
    """The source's own form, with the number written by Babel (no grouping) or as its numeral."""
    if places is None and a.numeral:
        return format_amount_as_written(a)  # 两千 stays 两千
    low, *high = (v if places is None else round_half_up(v, places) for v in a.values)
    number = format_exact(low, t.locale, grouping=False)
    upper = format_exact(high[0], t.locale, grouping=False) if high else None
    return format_amount_as_written(a, number=number, upper=upper)


def _item_text(t: PhraseTable, a: Amount, item: Noun | None) -> str:
    """The counted noun after a Chinese amount, unless it is the measure word itself (户)."""
    if item is None:
        return ""
    text = text_of(t, item)
    return "" if convert(t, text) == convert(t, a.unit.base) else text


def convert(t: PhraseTable, text: str) -> str:
    """Source (Simplified) characters → the table's script (identity for zh and en)."""
    return "".join(t.convert.get(ch, ch) for ch in text) if t.convert else text


def text_of(t: PhraseTable, item: Noun) -> str:
    """The noun's text in ``t``'s language; ``ValueError`` when the data lacks it."""
    text = item.get(t.text_field)
    if text is None:
        raise ValueError(f"the item {item.zh or item.en!r} has no {t.text_field} text")
    return convert(t, text)


#: A ratio or index has no unit words.
_NO_WORDS = UnitWords(forms(""), header="")


def unit_words(t: PhraseTable, unit: Unit) -> UnitWords:
    """The words for a unit's base in ``t``'s language (none for a ratio or index)."""
    if unit.base == "":
        return _NO_WORDS
    try:
        return t.units[unit.base]
    except KeyError:
        raise ValueError(f"the {t.locale} phrase table has no words for '{unit.base}'") from None


def noun_forms(t: PhraseTable, item: Noun) -> Forms:
    """Singular and plural of an item noun (``en`` and ``en_plural``)."""
    one = text_of(t, item)
    other = getattr(item, f"{t.text_field}_plural", None)
    if other is None:
        raise ValueError(f"the item {one!r} has no {t.text_field}_plural for counts other than 1")
    return {"one": one, "other": other}


def pick(names: Forms, category: str) -> str:
    """The form for a CLDR plural category, falling back to ``other``."""
    return names.get(category, names["other"])


def render_noun(t: PhraseTable, item: Noun, n: Decimal | int) -> str:
    """The item's noun in the form the count ``n`` needs."""
    if t.amounts is AmountSystem.AS_WRITTEN:
        return text_of(t, item)
    return pick(noun_forms(t, item), plural_category(Decimal(n), t.locale))


def unit_label(t: PhraseTable, a: Amount, item: Noun | None = None) -> str:
    """A table header's unit: RMB, m², %, the plural noun; Chinese: the unit code as written."""
    if t.amounts is AmountSystem.AS_WRITTEN:
        return convert(t, a.unit.code)
    if item is not None and a.unit.is_count:
        return noun_forms(t, item)["other"]
    return unit_words(t, a.unit).header


def change_kind(c: Change) -> str:
    """'percent' (growth), 'points' (a rate's change) or 'absolute' (in the figure's unit)."""
    dimension = c.amount.unit.dimension
    if dimension is Dimension.PERCENT:
        return "percent"
    if dimension in (Dimension.PERCENTAGE_POINTS, Dimension.PERMILLE):
        return "points"
    return "absolute"


def render_change(t: PhraseTable, c: Change, style: str, status: Status | None) -> str:
    """A year-on-year change; in prose phrased by status (actual, estimate, target, plan)
    and by kind: a percentage, points of a rate, or an absolute amount (people, yuan …)."""
    kind = change_kind(c)
    if style == "table":
        # An absolute change keeps its unit in the cell: the column's header is "year on year".
        cell = "prose" if kind == "absolute" else "table"
        amount = render_amount(t, c.amount, cell, sign=_sign(t, c))
        return t.pattern("change", "table").format(amount=amount)
    state = Status.ACTUAL if status in (None, Status.PRELIMINARY) else status
    name = f"change.{state.value}.{c.direction.value}"
    if f"{name}.{kind}" in t.patterns:
        name = f"{name}.{kind}"
    return t.pattern(name).format(amount=render_amount(t, c.amount))


def _sign(t: PhraseTable, c: Change) -> str:
    return t.plus if c.direction is Direction.UP else t.minus


def render_gap(t: PhraseTable, c: Change, style: str) -> str:
    """A gap to the citywide figure, in percentage points."""
    if style == "table":
        amount = render_amount(t, c.amount, "table", sign=_sign(t, c))
        return t.pattern("gap", "table").format(amount=amount)
    return t.pattern(f"gap.{c.direction.value}").format(amount=render_amount(t, c.amount))


def ordinal_digits(t: PhraseTable, n: int) -> str:
    """Digits with the CLDR ordinal suffix: 3rd, 11th, 22nd (no suffix in Chinese)."""
    suffixes = t.ordinal_suffixes
    category = ordinal_category(n, t.locale)
    return format_exact(n, t.locale) + suffixes.get(category, suffixes.get("other", ""))


def render_rank(t: PhraseTable, n: int, style: str, city: str | None) -> str:
    """A rank within the city: a word for 1–10 in prose, digits beyond and in tables."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"a rank is a whole number from 1, got {n!r}")
    digits = ordinal_digits(t, n)
    fields = {
        "ordinal": t.ordinal_words.get(n, digits),
        "ordinal_digits": digits,
        "number": format_exact(n, t.locale),
        "city": city or "",
    }
    name = "rank" if city or style == "table" else "rank.nocity"
    return t.pattern(name, style).format(**fields)


def render_source_kinds(t: PhraseTable, kinds: Sequence[SourceKind]) -> str:
    """Counts of sources by kind, in the order first seen: "2篇新闻报道和1份统计公报"."""
    counts = Counter(kinds)
    parts = []
    for kind in counts:  # Counter keeps first-seen order
        n = counts[kind]
        noun = convert(t, pick(t.source_kinds[kind], plural_category(Decimal(n), t.locale)))
        number = t.cardinal_words.get(n, format_exact(n, t.locale))
        parts.append(t.source_counts[kind].format(n=number, noun=noun))
    return join_list(t, parts)


def join_list(t: PhraseTable, parts: Sequence[str]) -> str:
    """Items joined the language's way: "a, b and c" / "a、b和c"."""
    between, last = t.list_joins
    if len(parts) <= 1:
        return "".join(parts)
    return between.join(parts[:-1]) + last + parts[-1]
