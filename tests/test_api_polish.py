"""The library API (issue 16 §4): errors show their problems, values print as people write
them, build() documents every parameter."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import reportgen
from reportgen.facts.amounts import parse_amount, parse_change

REPO = Path(__file__).resolve().parents[1]


def test_data_error_shows_its_problems() -> None:
    with pytest.raises(reportgen.DataError) as caught:
        reportgen.load_facts(REPO / "tests" / "bad_data" / "unknown_field.yaml")
    shown = str(caught.value)
    first, *rest = shown.splitlines()
    assert first.endswith("1 problem(s)")
    assert rest == [f"  {caught.value.problems[0]}"]
    assert "ranc: is not a known field" in rest[0]


def test_an_error_without_problems_is_its_message() -> None:
    assert (
        str(reportgen.OptionError("--lang fr: choose from en, zh"))
        == "--lang fr: choose from en, zh"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("+5.8%", "+5.8%"),
        ("-3.2%", "-3.2%"),
        ("+13.9个百分点", "+13.9个百分点"),
        ("+15%以上", "+15%以上"),
    ],
)
def test_changes_print_as_written(text: str, shown: str) -> None:
    change = parse_change(text)
    assert (str(change), repr(change), f"{change}") == (shown, f"Change('{shown}')", shown)


@pytest.mark.parametrize(
    "text", ["365.5亿元", "约836万平方米", "6.1万余户", "近两千元", "6.5%左右"]
)
def test_amounts_print_as_written(text: str) -> None:
    amount = parse_amount(text)
    assert (str(amount), repr(amount)) == (text, f"Amount('{text}')")


def test_figures_of_a_loaded_file_print_their_values() -> None:
    facts = reportgen.load_facts(REPO / "examples" / "minimal.yaml")
    gdp = next(f for f in facts.figures if f.id == "gdp-2023h1")
    assert (str(gdp.amount), str(gdp.yoy), str(gdp.vs_city)) == (
        "365.5亿元",
        "+6.4%",
        "+1.2个百分点",
    )
    assert "Change('+6.4%')" in repr(gdp)


def test_build_documents_every_parameter() -> None:
    doc = inspect.getdoc(reportgen.build) or ""
    for name in inspect.signature(reportgen.build).parameters:
        assert f"``{name}``" in doc, f"build() does not document {name}"
