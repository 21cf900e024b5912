"""``reportgen trace``: sources, quote, note and every place a fact appears."""

from __future__ import annotations

import json

from click.testing import CliRunner

from reportgen.cli import main
from reportgen.editions.realized import LanguageBuild
from reportgen.provenance.index import fact_index


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_trace_json_matches_the_plan(builds: dict[str, LanguageBuild]) -> None:
    code, out, err = run("trace", "gdp-2023h1", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["id"] == "gdp-2023h1" and data["kind"] == "figure"
    zh, en = data["languages"]["zh"], data["languages"]["en"]
    assert zh["value"].startswith("365.5亿元") and en["value"].startswith("36.55 billion")
    assert zh["sources"][0]["quote"] == en["sources"][0]["quote"]
    assert "365.5亿元" in zh["sources"][0]["quote"]
    assert zh["sources"][0]["file"].endswith(".txt")
    for lang, entry in data["languages"].items():
        want = [o.block for o in fact_index(builds[lang].blocks)["gdp-2023h1"]]
        assert [p["block"] for p in entry["appears"]] == want
        assert "lead" in want
    assert {p["place"] for p in zh["appears"]} >= {"导语"}
    assert {p["place"] for p in en["appears"]} >= {"lead paragraph"}


def test_trace_text_names_section_and_paragraph() -> None:
    code, out, err = run("trace", "jier-output-2023-01-05")
    assert code == 0, err
    assert "quote: " in out and "000_7eca172f3bc782b9.txt" in out
    assert "appears: 经济运行, 第" in out or "appears: 经济运行, 附表" in out
    assert "appears: Economic overview, paragraph" in out or "Annex" in out


def test_trace_a_doubtful_figure_appears_nowhere() -> None:
    code, out, err = run("trace", "livelihood-special-funds-2023")
    assert code == 0, err
    assert out.count("appears: nowhere in the briefing") == 2
    assert "doubtful, never stated" in out


def test_trace_a_qualitative_fact() -> None:
    code, out, err = run("trace", "positioning", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "statement"
    assert data["languages"]["zh"]["appears"][0]["block"] == "lead"


def test_trace_unknown_id_says_what_was_meant() -> None:
    code, out, err = run("trace", "gdp-2023")
    assert code == 2 and out == ""
    assert "no fact 'gdp-2023'" in err and "did you mean 'gdp-2023h1'" in err
    assert "Traceback" not in err
