"""The fact model: immutable records, unknown fields forbidden, compact fields parsed exactly."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from reportgen.facts.amounts import Direction, Qualifier
from reportgen.facts.model import (
    Citation,
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
from reportgen.facts.periods import PartialDate, PeriodKind


def figure(**fields: Any) -> dict[str, Any]:
    """A valid figure mapping with ``fields`` replaced (None removes a field)."""
    data: dict[str, Any] = {
        "id": "gdp",
        "section": "overview",
        "measure": {"zh": "地区生产总值", "en": "regional GDP"},
        "amount": "365.5亿元",
        "period": "2023-H1",
        "sources": [{"source": "s1", "quote": "全区生产总值实现365.5亿元"}],
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def errors(model: type[Any], data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(tuple(e["loc"]), e["msg"]) for e in caught.value.errors()]


def test_figure_fields_are_parsed_exactly() -> None:
    f = Figure.model_validate(
        figure(
            yoy="+6.4%",
            vs_city="-1.5个百分点",
            rank=3,
            owner="a",
            examples=["b", "c"],
            place="d",
            tags=["headline"],
        )
    )
    assert f.amount is not None
    assert (f.amount.value, f.amount.unit.code) == (Decimal("365.5"), "亿元")
    assert type(f.amount.value) is Decimal
    assert f.period.kind is PeriodKind.HALF
    assert f.yoy is not None and f.yoy.direction is Direction.UP
    assert f.yoy.amount.value == Decimal("6.4")
    assert f.vs_city is not None and f.vs_city.direction is Direction.DOWN
    assert (f.section, f.status, f.rank) == (Section.OVERVIEW, Status.ACTUAL, 3)
    assert (f.owner, f.examples, f.place, f.tags) == ("a", ("b", "c"), "d", ("headline",))
    assert f.sources == (Citation(source="s1", quote="全区生产总值实现365.5亿元"),)
    assert f.problems() == []


def test_a_year_written_as_int_is_a_period() -> None:
    assert str(Figure.model_validate(figure(period=2023)).period) == "2023"


def test_records_are_frozen() -> None:
    f = Figure.model_validate(figure())
    with pytest.raises(ValidationError, match="frozen"):
        f.rank = 2  # type: ignore[misc]


def test_unknown_fields_are_errors() -> None:
    assert errors(Figure, figure(ammount="1亿元")) == [
        (("ammount",), "Extra inputs are not permitted")
    ]
    assert errors(Text, {"zh": "甲", "fr": "A"}) == [(("fr",), "Extra inputs are not permitted")]


def test_amounts_must_be_written_as_text() -> None:
    assert errors(Figure, figure(amount=Decimal("46.6"))) == [
        (("amount",), "Value error, expected an amount written as text, got 46.6")
    ]
    assert errors(Figure, figure(amount=True)) == [
        (("amount",), "Value error, expected an amount written as text, got True")
    ]
    assert errors(Figure, figure(period=["2023"])) == [
        (("period",), "Value error, expected a period written as text, got a list")
    ]
    assert errors(Figure, figure(yoy={"value": 6.4})) == [
        (("yoy",), "Value error, expected a signed change written as text, got a mapping")
    ]


def test_slugs_and_ranges() -> None:
    [(loc, msg)] = errors(Figure, figure(id="GDP_2023"))
    assert loc == ("id",) and msg.startswith("String should match pattern")
    [(loc, msg)] = errors(Figure, figure(rank=0))
    assert loc == ("rank",) and msg == "Input should be greater than or equal to 1"
    [(loc, msg)] = errors(Figure, figure(rank=101))
    assert loc == ("rank",) and msg == "Input should be less than or equal to 100"
    for not_an_int in (True, "3", Decimal("3.0")):
        [(loc, msg)] = errors(Figure, figure(rank=not_an_int))
        assert loc == ("rank",) and msg == "Input should be a valid integer"
    [(loc, msg)] = errors(Figure, figure(sources=[]))
    assert loc == ("sources",) and msg.startswith("Tuple should have at least 1 item")
    [(loc, msg)] = errors(Citation, {"source": "s1", "quote": "x"})
    assert loc == ("quote",) and msg == "String should have at least 2 characters"


def test_text_languages() -> None:
    text = Text(zh="槐荫区")
    assert (text.get("zh"), text.get("en"), text.get("fr")) == ("槐荫区", None, None)
    assert errors(Text, {"zh": ""}) == [(("zh",), "String should have at least 1 character")]
    noun = Noun.model_validate({"zh": "体育公园", "en": "sports park", "en_plural": "sports parks"})
    assert noun.en_plural == "sports parks"


PROBLEMS = [
    (
        {"amount": None},
        [("amount", "a figure needs an amount, a yoy change, or both")],
    ),
    (
        {"yoy": "+13.9个百分点"},
        [
            (
                "yoy",
                "a change in 个百分点 is the change of a rate; this amount (365.5亿元) "
                "is not a percentage",
            )
        ],
    ),
    (
        {"vs_city": "+1.5%"},
        [("vs_city", "the gap to the city is in 个百分点: '+13.9个百分点'")],
    ),
    (
        {"item": {"zh": "体育公园", "en": "sports park"}},
        [("item", "'item' names what a count counts; this amount is not a count")],
    ),
    (
        {"amount": None, "yoy": "+6.4%", "item": {"zh": "企业"}},
        [("item", "'item' names what a count counts; this amount is not a count")],
    ),
    (
        {"amount": "5亿元", "yoy": "+3万人", "vs_city": "-2%", "item": {"zh": "个"}},
        [
            (
                "yoy",
                "a year-on-year change is a percentage ('+6.4%'), points of a rate "
                "('+0.9个百分点') or an amount in the figure's own unit ('-3530人')",
            ),
            ("vs_city", "the gap to the city is in 个百分点: '+13.9个百分点'"),
            ("item", "'item' names what a count counts; this amount is not a count"),
        ],
    ),
    ({"amount": None, "yoy": "+6.4%"}, []),
    ({"amount": "300多家", "item": {"zh": "企业", "en": "enterprise"}}, []),
    ({"amount": "6.1万余户", "item": {"zh": "家庭", "en": "household"}}, []),
    ({"vs_city": "+13.9个百分点", "yoy": "-3.2%"}, []),
]


@pytest.mark.parametrize(("fields", "expected"), PROBLEMS)
def test_figure_consistency_problems(
    fields: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    data = figure()
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    assert Figure.model_validate(data).problems() == expected


def test_district_facts_lookups() -> None:
    facts = DistrictFacts.model_validate(
        {
            "district": {"id": "x", "name": {"zh": "甲区"}, "city": {"zh": "乙市"}},
            "sources": [{"id": "s1", "title": {"zh": "标题"}, "date": "2023-07"}],
            "entities": [
                {"id": "acme", "kind": "enterprise", "name": {"en": "Acme"}},
                {"id": "park", "kind": "park", "name": {"en": "A park"}},
            ],
            "figures": [
                figure(id="a", owner="acme"),
                figure(id="b"),
                figure(id="c", examples=["acme"], place="park"),
            ],
        }
    )
    assert facts.source("s1").date == PartialDate(2023, 7)
    assert facts.entity("park").kind is EntityKind.PARK
    assert [f.id for f in facts.figures_about("acme")] == ["a", "c"]
    assert [f.id for f in facts.figures_about("park")] == ["c"]
    with pytest.raises(KeyError):
        facts.source("s9")
    with pytest.raises(KeyError):
        facts.entity("nobody")


def test_serialised_fields_are_written_forms() -> None:
    source = Source.model_validate({"id": "s1", "title": {"zh": "标题"}, "date": "2023-07-15"})
    assert source.model_dump(mode="json")["date"] == "2023-07-15"
    dumped = Figure.model_validate(figure(amount="约836万平方米", period="as of 2023-11"))
    assert dumped.model_dump(mode="json")["amount"] == "约836万平方米"
    assert dumped.model_dump(mode="json")["period"] == "as of 2023-11"


def test_entity_kinds_and_sections_are_the_documented_ones() -> None:
    assert [k.value for k in EntityKind] == [
        *["project", "enterprise", "institution", "venue", "programme", "platform"],
        *["park", "event", "place", "policy", "organisation"],
    ]
    assert [s.value for s in Section] == [
        *["overview", "industry", "projects", "investment", "innovation", "consumption"],
        *["livelihood", "business_environment", "governance", "outlook"],
    ]
    assert [s.value for s in Status] == ["actual", "preliminary", "estimate", "target", "plan"]
    assert Entity.model_validate({"id": "e", "kind": "venue", "name": {}}).name == Text()


def test_qualifier_survives_the_model() -> None:
    f = Figure.model_validate(figure(amount="超500亿元"))
    assert f.amount is not None and f.amount.qualifier is Qualifier.OVER
