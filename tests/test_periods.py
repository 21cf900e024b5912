"""Periods a figure covers, and partial dates."""

from __future__ import annotations

import pytest

from reportgen.facts.periods import (
    PartialDate,
    Period,
    PeriodKind,
    parse_partial_date,
    parse_period,
)

K = PeriodKind

PERIODS = [
    ("2023", Period(K.YEAR, year=2023), 2023),
    ("2023-H1", Period(K.HALF, year=2023, half=1), 2023),
    ("2024-H2", Period(K.HALF, year=2024, half=2), 2024),
    ("2023-01/2023-05", Period(K.MONTHS, year=2023, months=(1, 5)), 2023),
    ("2023-01/2023-12", Period(K.MONTHS, year=2023, months=(1, 12)), 2023),
    ("2023-07/2023-07", Period(K.MONTHS, year=2023, months=(7, 7)), 2023),
    ("as of 2023-11", Period(K.AS_OF, as_of=PartialDate(2023, 11)), 2023),
    ("as of 2023-11-30", Period(K.AS_OF, as_of=PartialDate(2023, 11, 30)), 2023),
    ("as of 2022", Period(K.AS_OF, as_of=PartialDate(2022)), 2022),
    ("unknown", Period(K.UNKNOWN), None),
]


@pytest.mark.parametrize(("text", "period", "end_year"), PERIODS, ids=[p[0] for p in PERIODS])
def test_parse_period(text: str, period: Period, end_year: int | None) -> None:
    parsed = parse_period(text)
    assert parsed == period
    assert str(parsed) == text
    assert parsed.end_year == end_year


def test_a_year_may_be_an_int_as_yaml_reads_it() -> None:
    assert parse_period(2023) == Period(K.YEAR, year=2023)
    assert parse_period(" 2023-H1 ") == Period(K.HALF, year=2023, half=1)


NOT_A_PERIOD = (
    "'{}' is not a period: write 2023, 2023-H1, 2023-01/2023-05, 'as of 2023-11' or unknown"
)
BAD_PERIODS = {
    "2023-Q1": NOT_A_PERIOD.format("2023-Q1"),
    "2023-H3": NOT_A_PERIOD.format("2023-H3"),
    "23": NOT_A_PERIOD.format("23"),
    "2023-1/2023-5": NOT_A_PERIOD.format("2023-1/2023-5"),
    "2023-01—2023-05": NOT_A_PERIOD.format("2023-01—2023-05"),
    "as of": NOT_A_PERIOD.format("as of"),
    "As of 2023-11": NOT_A_PERIOD.format("As of 2023-11"),
    "": NOT_A_PERIOD.format(""),
    "Unknown": NOT_A_PERIOD.format("Unknown"),
    "2023-05/2023-01": "'2023-05/2023-01': a month range must run forward within one year",
    "2022-11/2023-02": "'2022-11/2023-02': a month range must run forward within one year",
    "2023-00/2023-05": "'2023-00/2023-05': a month range must run forward within one year",
    "2023-01/2023-13": "'2023-01/2023-13': a month range must run forward within one year",
    "as of 2023-13": "'2023-13' is not a date: month 13 is not 1–12",
    "as of 2023-11-31": "'2023-11-31' is not a date: 2023-11 has 30 days",
    "as of November 2023": "'November 2023' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
}


@pytest.mark.parametrize(("text", "message"), BAD_PERIODS.items(), ids=list(BAD_PERIODS))
def test_bad_periods(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_period(text)
    assert str(caught.value) == message


DATES = [
    ("2023", PartialDate(2023)),
    ("2023-07", PartialDate(2023, 7)),
    ("2023-07-15", PartialDate(2023, 7, 15)),
    ("2024-02-29", PartialDate(2024, 2, 29)),
    ("2023-12-31", PartialDate(2023, 12, 31)),
]


@pytest.mark.parametrize(("text", "date"), DATES, ids=[d[0] for d in DATES])
def test_parse_partial_date(text: str, date: PartialDate) -> None:
    parsed = parse_partial_date(text)
    assert parsed == date
    assert str(parsed) == text
    assert (parsed.year, parsed.month, parsed.day) == (date.year, date.month, date.day)


def test_partial_dates_sort_by_precision_after_value() -> None:
    dates = [PartialDate(2024, 1), PartialDate(2023), PartialDate(2023, 7, 15)]
    dates.append(PartialDate(2023, 7))
    assert sorted(dates) == [
        PartialDate(2023),
        PartialDate(2023, 7),
        PartialDate(2023, 7, 15),
        PartialDate(2024, 1),
    ]


BAD_DATES = {
    "2023-13": "'2023-13' is not a date: month 13 is not 1–12",
    "2023-00": "'2023-00' is not a date: month 0 is not 1–12",
    "2023-02-29": "'2023-02-29' is not a date: 2023-02 has 28 days",
    "2023-04-31": "'2023-04-31' is not a date: 2023-04 has 30 days",
    "2023-01-00": "'2023-01-00' is not a date: 2023-01 has 31 days",
    "2023-01-32": "'2023-01-32' is not a date: 2023-01 has 31 days",
    "2023/07": "'2023/07' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
    "2023-7": "'2023-7' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
    "23-07": "'23-07' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
    "2023年7月": "'2023年7月' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
    "": "'' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
}


@pytest.mark.parametrize(("text", "message"), BAD_DATES.items(), ids=list(BAD_DATES))
def test_bad_dates(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_partial_date(text)
    assert str(caught.value) == message
