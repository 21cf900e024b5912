"""The recipes in docs/templates.md run: each file block is written to a template
folder, the briefing is built with it, and the promised effect is checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import reportgen
from reportgen.resources import default_facts_path
from tests.narrative.support import build

DOC = Path(__file__).resolve().parents[2] / "docs" / "templates.md"
BLOCK = re.compile(
    r"```\w+ file=(?P<file>\S+)\n(?P<body>.*?)```\n+<!-- expect: (?P<expect>.+?) -->", re.S
)


def recipes() -> list[tuple[str, str, str]]:
    return [(m["file"], m["body"], m["expect"]) for m in BLOCK.finditer(DOC.read_text("utf-8"))]


def test_the_doc_has_the_four_recipes() -> None:
    assert len(recipes()) == 4


@pytest.fixture(scope="module")
def facts() -> reportgen.DistrictFacts:
    return reportgen.load_facts(default_facts_path())


@pytest.mark.parametrize(("file", "body", "expect"), recipes(), ids=lambda x: str(x)[:24])
def test_recipe(
    facts: reportgen.DistrictFacts, tmp_path: Path, file: str, body: str, expect: str
) -> None:
    target = tmp_path / file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, "utf-8")
    default = build(facts, "en")
    if file.endswith("watchlist.md.j2"):
        sections = ["summary", "watchlist", "sources"]
        mine = build(facts, "en", templates=tmp_path, sections=sections)
        assert expect in mine.markdown
        assert "## Economic overview" not in mine.markdown
        assert "Regional GDP, the first half of 2023[^a4]" in mine.markdown
        return
    mine = build(facts, "en", templates=tmp_path)
    if expect == "reversed projects":
        paragraphs = [str(p.text) for p in default.narrative.sections["projects"].paragraphs]
        assert len(paragraphs) > 1
        where = [mine.markdown.index(p) for p in paragraphs]
        assert where == sorted(where, reverse=True)
    elif expect == "no talent":
        dropped = [
            p for p in default.narrative.sections["innovation"].paragraphs if p.topic == "talent"
        ]
        assert dropped and str(dropped[0].text) in default.markdown
        assert str(dropped[0].text) not in mine.markdown
    else:
        assert expect in mine.markdown and expect not in default.markdown


def test_the_cli_accepts_a_section_of_ones_own(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from reportgen.cli import main

    (tmp_path / "t" / "en").mkdir(parents=True)
    (tmp_path / "t" / "en" / "watchlist.md.j2").write_text("## Watch list\n", "utf-8")
    args = ["build", "--templates", str(tmp_path / "t"), "--sections", "summary,watchlist"]
    result = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "## Watch list" in (tmp_path / "out" / "huaiyin.en.md").read_text("utf-8")
    bad = CliRunner().invoke(
        main, ["build", "--sections", "watchlist", "--out", str(tmp_path / "o2")]
    )
    assert bad.exit_code == 2 and "unknown section(s) watchlist" in bad.output
