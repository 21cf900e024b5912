"""Wrong input to a filter is an explicit error naming the problem, never an empty string."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.facts.model import Noun
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.parse import parse_rendered

EN = Formatter("en")


@pytest.mark.parametrize(
    "name",
    [
        "amount",
        "unit_label",
        "change",
        "gap",
        "rank",
        "period",
        "status",
        "date",
        "number",
        "round",
        "noun",
    ],
)
def test_none_is_an_explicit_error(name: str) -> None:
    with pytest.raises(ValueError, match=f"the '{name}' filter got None"):
        EN.filters()[name](None)


def test_wrong_types_and_styles() -> None:
    with pytest.raises(ValueError, match="needs Amount, got int"):
        EN.amount(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="style must be 'prose' or 'table', got 'bold'"):
        EN.amount("5亿元", "bold")
    with pytest.raises(ValueError, match="needs int, got bool"):
        EN.rank(True)
    with pytest.raises(ValueError, match="a rank is a whole number from 1"):
        EN.rank(0)
    with pytest.raises(ValueError, match="round to 0 or more decimal places"):
        EN.round(Decimal("1.5"), -1)


def test_item_needs_a_count_and_a_plural() -> None:
    park = Noun(zh="体育公园", en="sports park")
    with pytest.raises(ValueError, match="not a count"):
        EN.amount("5亿元", item=park)
    with pytest.raises(ValueError, match="'sports park' has no en_plural"):
        EN.amount("15个", item=park)
    with pytest.raises(ValueError, match="has no en text"):
        EN.amount("15个", item=Noun(zh="体育公园"))


def test_parse_rendered_refuses_what_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="has no unit: pass the column's unit_label"):
        parse_rendered("36.55 billion", "en")
    with pytest.raises(ValueError, match="cannot read 'lots of yuan'"):
        parse_rendered("lots of yuan", "en")
    with pytest.raises(ValueError, match="cannot read '很多元'"):
        parse_rendered("很多元", "zh")
