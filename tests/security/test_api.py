"""The library API: wrong arguments are clear ReportgenErrors, never crashes deep inside.

Facts made in Python (a mapping given to ``load_facts``, or a ``model_copy`` of loaded
facts) pass the same checks as a fact file, so no build can fail on facts a file would
have been refused for. Concurrent builds draw the same chart bytes as one at a time.
"""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import Any

import pytest

import reportgen
from reportgen import DataError, OptionError
from reportgen.facts.mapping import fields_of
from reportgen.facts.yamlpos import read_yaml

FACTS = """\
district:
  id: testville
  name: {zh: 测试区, en: Testville District}
  city: {zh: 样例市, en: Sample City}
sources:
  - id: s1
    title: {zh: 标题, en: A title}
    date: "2023-07"
  - id: s2
    title: {zh: 另一标题, en: Another title}
    date: "2023-08"
figures:
  - id: gdp
    section: overview
    measure: {zh: 地区生产总值, en: regional GDP}
    amount: 365.5亿元
    period: 2023-H1
    yoy: +6.4%
    sources:
      - source: s1
        quote: 全区生产总值实现365.5亿元,同比增长6.4%
  - id: parks
    section: livelihood
    measure: {zh: 新建口袋公园, en: pocket parks built}
    amount: 18座
    period: "2023"
    sources:
      - source: s2
        quote: 全年新建口袋公园18座
"""


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.yaml"
    path.write_text(FACTS, encoding="utf-8")
    return path


@pytest.fixture
def facts(data_file: Path) -> reportgen.DistrictFacts:
    return reportgen.load_facts(data_file)


def mapping() -> dict[str, Any]:
    return copy.deepcopy(read_yaml(FACTS).data)


# --- load_facts with a mapping ---------------------------------------------------------------


def test_a_mapping_loads_like_the_file(facts: reportgen.DistrictFacts) -> None:
    loaded = reportgen.load_facts(mapping())
    assert fields_of(loaded) == fields_of(facts)
    built = reportgen.build(loaded, lang="en", charts=False).markdown
    assert built == reportgen.build(facts, lang="en", charts=False).markdown


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["figures"][1]["sources"][0].update(source="s9"),
         "<mapping>:figures[1].sources[0].source: figure 'parks' sources[0].source: "
         "unknown source 's9'"),
        (lambda d: d["figures"][1].update(id="gdp"),
         "<mapping>:figures[1].id: figure 'gdp' id: duplicate id 'gdp' (also figures[0])"),
        (lambda d: d["figures"][1].update(section="nowhere"),
         "<mapping>:figures[1].section: figure 'parks' section:"),
        (lambda d: d["figures"][0].update(amount="999亿元"),
         "<mapping>:figures[0].amount: figure 'gdp' amount:"),
        (lambda d: d.update(figures=[]),
         "<mapping>:figures: figures: expected a non-empty list of figures"),
    ],
)  # fmt: skip
def test_a_mapping_gets_every_cross_record_check(change: Any, expected: str) -> None:
    data = mapping()
    change(data)
    with pytest.raises(DataError) as caught:
        reportgen.load_facts(data)
    assert any(line.startswith(expected) for line in caught.value.lines()), caught.value.lines()


def test_load_facts_refuses_other_types() -> None:
    with pytest.raises(OptionError, match=r"load_facts.*path.*mapping.*int"):
        reportgen.load_facts(123)  # type: ignore[arg-type]


# --- build() re-validates what it did not load ------------------------------------------------


def test_facts_copied_with_empty_figures_are_a_data_error(facts: reportgen.DistrictFacts) -> None:
    empty = facts.model_copy(update={"figures": (), "sources": ()})
    with pytest.raises(DataError) as caught:
        reportgen.build(empty, lang="en")
    assert caught.value.lines() == [
        "<facts>:sources: sources: expected a non-empty list of sources",
        "<facts>:figures: figures: expected a non-empty list of figures",
    ]


def test_facts_copied_with_an_unknown_source_are_a_data_error(
    facts: reportgen.DistrictFacts,
) -> None:
    fewer = facts.model_copy(update={"sources": facts.sources[:1]})
    with pytest.raises(DataError) as caught:
        reportgen.build(fewer, lang="en", charts=False)
    assert any("unknown source 's2'" in line for line in caught.value.lines())
    assert all(line.startswith("<facts>:") for line in caught.value.lines())


def test_loaded_facts_are_not_validated_again(
    facts: reportgen.DistrictFacts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.facts import mapping as module

    calls: list[object] = []
    real = module.load_mapping
    monkeypatch.setattr(module, "load_mapping", lambda *a, **k: calls.append(a) or real(*a, **k))
    reportgen.build(facts, lang="en", charts=False)
    assert calls == []
    reportgen.build(facts.model_copy(), lang="en", charts=False)
    assert len(calls) == 1


# --- wrong argument types ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"templates": 123}, "templates must be a folder path"),
        ({"sections": "overview"}, "sections must be a list of section names, not a string"),
        ({"sections": ["overview", 3]}, "unknown section"),
        ({"fallback": "xx"}, "unknown fallback language 'xx'"),
        ({"lang": 7}, "unknown language"),
        ({"charts": "no"}, "charts must be True or False"),
    ],
)
def test_build_refuses_wrong_arguments(
    facts: reportgen.DistrictFacts, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(OptionError, match=message):
        reportgen.build(facts, **{"lang": "en", **kwargs})


def test_build_refuses_a_path_for_facts(data_file: Path) -> None:
    with pytest.raises(OptionError, match=r"load_facts"):
        reportgen.build(str(data_file))  # type: ignore[arg-type]


def test_templates_may_be_a_str(facts: reportgen.DistrictFacts, tmp_path: Path) -> None:
    (tmp_path / "mine" / "en").mkdir(parents=True)
    (tmp_path / "mine" / "en" / "outlook.md.j2").write_text("## Mine\n", encoding="utf-8")
    text = reportgen.build(facts, lang="en", templates=str(tmp_path / "mine"), charts=False)
    assert "## Mine" in text.markdown


def test_write_refuses_a_bare_string_of_formats(
    facts: reportgen.DistrictFacts, tmp_path: Path
) -> None:
    report = reportgen.build(facts, lang="en", charts=False)
    with pytest.raises(OptionError, match=r"formats must be a list.*not a string"):
        report.write(tmp_path / "out", "md")  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


def test_write_takes_a_str_reference_doc(facts: reportgen.DistrictFacts, tmp_path: Path) -> None:
    from reportgen.writers.docx_reference import REFERENCE_DOCX

    report = reportgen.build(facts, lang="en", charts=False)
    written = report.write(str(tmp_path / "out"), ["docx"], reference_doc=str(REFERENCE_DOCX))
    assert [p.name for p in written] == ["testville.en.docx"]


def test_write_refuses_a_wrong_type_of_out(facts: reportgen.DistrictFacts) -> None:
    report = reportgen.build(facts, lang="en", charts=False)
    with pytest.raises(OptionError, match="out_dir must be a folder path"):
        report.write(42, ["md"])  # type: ignore[arg-type]


# --- threads ----------------------------------------------------------------------------------


def test_sixteen_threads_draw_the_same_charts_as_one(dataset: Path) -> None:
    facts = reportgen.load_facts(dataset)
    langs = ["en", "zh"] * 8
    alone = {lang: reportgen.build(facts, lang=lang).assets for lang in ("en", "zh")}
    assert alone["en"] and alone["zh"]
    results: list[tuple[str, dict[str, bytes]] | BaseException] = []
    barrier = threading.Barrier(len(langs))

    def work(lang: str) -> None:
        barrier.wait()
        try:
            results.append((lang, reportgen.build(facts, lang=lang).assets))
        except BaseException as error:
            results.append(error)

    threads = [threading.Thread(target=work, args=(lang,)) for lang in langs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 16
    for result in results:
        assert not isinstance(result, BaseException), result
        lang, assets = result
        differing = [name for name in assets if assets[name] != alone[lang][name]]
        assert differing == [] and assets.keys() == alone[lang].keys()
