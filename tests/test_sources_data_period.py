"""A source's data period (``data_period``) is shown in the numbered source list of both
languages (review 2, N18: readers must see that an article's "this year" means Jan–May)."""

from __future__ import annotations

import reportgen
from reportgen.facts.mapping import load_mapping
from reportgen.facts.periods import parse_period
from reportgen.render.view import make_view

SOURCES = [
    {"id": "s1", "title": {"zh": "标题一", "en": "Title one"}, "date": "2023-06",
     "data_period": "2023-01/2023-05"},
    {"id": "s2", "title": {"zh": "标题二", "en": "Title two"}, "date": "2023-07"},
]  # fmt: skip


def facts() -> reportgen.DistrictFacts:
    figure = {
        "id": "gdp",
        "section": "overview",
        "measure": {"zh": "地区生产总值", "en": "regional GDP"},
        "amount": "365.5亿元",
        "period": "2023-H1",
        "sources": [{"source": "s1", "quote": "365.5亿元"}, {"source": "s2", "quote": "365.5亿元"}],
    }
    data = {
        "district": {"id": "t", "name": {"zh": "测试区", "en": "Testville District"},
                     "city": {"zh": "样例市", "en": "Sample City"}},
        "sources": SOURCES,
        "figures": [figure],
    }  # fmt: skip
    return load_mapping(data)


def test_the_model_reads_the_data_period() -> None:
    loaded = facts()
    assert loaded.sources[0].data_period == parse_period("2023-01/2023-05")
    assert loaded.sources[1].data_period is None
    view = make_view(loaded, "en")
    assert view["sources"][0].data_period == parse_period("2023-01/2023-05")


def test_the_source_list_shows_it_in_both_languages() -> None:
    loaded = facts()
    zh = reportgen.build(loaded, lang="zh", charts=False).markdown
    en = reportgen.build(loaded, lang="en", charts=False).markdown
    assert "《标题一》，2023年6月（2023年1—5月数据）。" in zh
    assert "《标题二》，2023年7月。" in zh  # no period given: nothing added
    assert "“Title one”, June 2023 (data for January–May 2023)." in en
    assert "“Title two”, July 2023." in en
