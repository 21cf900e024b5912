"""Series trends: a movement is said only between different, comparable periods."""

from __future__ import annotations

from typing import Any

from reportgen.facts.mapping import load_mapping
from reportgen.narrative.plan import Trend
from reportgen.narrative.series import find_series, trend


def facts(periods: tuple[str, str]) -> Any:
    figures = [
        {"id": f"g{i}", "section": "overview", "measure": {"zh": "产值", "en": "output"},
         "period": period, "yoy": yoy, "sources": [{"source": "s1", "quote": f"增长{yoy[1:]}"}]}
        for i, (period, yoy) in enumerate(zip(periods, ("+6.4%", "+50.2%"), strict=True))
    ]  # fmt: skip
    data = {
        "district": {"id": "t", "name": {"zh": "测试区", "en": "Testville District"},
                     "city": {"zh": "济南市", "en": "Jinan"}},
        "sources": [{"id": "s1", "title": {"zh": "标题", "en": "Title"}, "date": "2023-12"}],
        "figures": figures,
    }  # fmt: skip
    return load_mapping(data)


def test_two_figures_of_one_period_have_no_trend() -> None:
    """Found by the property build: two growth rates of one measure for the same half
    year read '增速有所加快'; nothing moved between them."""
    (series,) = find_series(facts(("2023-H1", "2023-H1")))
    assert trend(series) is None


def test_a_rate_that_rose_between_periods_has_a_trend() -> None:
    (series,) = find_series(facts(("2023-01/2023-05", "2023-H1")))
    assert trend(series) is Trend.UP
