"""Whole-document golden files: the packaged briefings, byte for byte.

Regenerate after a reviewed change with ``uv run pytest tests/test_golden.py --update-golden``
and read the diff (``git diff tests/golden``) before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import reportgen
from reportgen.resources import default_facts_path

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def facts() -> reportgen.DistrictFacts:
    return reportgen.load_facts(default_facts_path())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_briefing_matches_golden(
    facts: reportgen.DistrictFacts, lang: str, request: pytest.FixtureRequest
) -> None:
    report = reportgen.build(facts, lang=lang)
    golden = GOLDEN / f"huaiyin.{lang}.md"
    if request.config.getoption("--update-golden"):
        golden.write_text(report.markdown, encoding="utf-8", newline="\n")
    expected = golden.read_text(encoding="utf-8")
    assert report.markdown == expected, (
        f"{golden.name} differs; if the change is intended, rerun with --update-golden "
        "and review the diff"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_build_is_reproducible(facts: reportgen.DistrictFacts, lang: str) -> None:
    first = reportgen.build(facts, lang=lang)
    second = reportgen.build(reportgen.load_facts(default_facts_path()), lang=lang)
    assert first.markdown == second.markdown
    assert first.assets == second.assets
