"""The ``annex`` tag: a figure or an event so tagged is never in the body, and the annex
lists it; the annex's table of events holds every event the body does not tell.

The small file of ``tests/test_findings.py`` (a GDP series, a key-project finding that
covers a hospital's start, a signed-projects figure) is built with tags added.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import reportgen
from reportgen.cli import main
from reportgen.narrative.plan import Qualitative
from reportgen.narrative.planner import make_plan
from reportgen.resources import default_facts_path
from tests.narrative.support import build
from tests.test_findings import FACTS

#: A milestone of the hospital the finding does not cover: told in the body unless tagged.
TOPPED = """\
  - id: hospital-topped
    section: projects
    topic: key-projects
    subjects: [hospital]
    stage: topped_out
    period: 2023-11/2023-11
{tags}    sources: [{{source: s3, quote: 第五医院封顶}}]
"""
#: Where the event goes in FACTS (the end of the events list).
EVENTS_END = "findings:\n"


def load(text: str, tmp_path: Path) -> reportgen.DistrictFacts:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return reportgen.load_facts(path)


def with_event(tags: str) -> str:
    event = TOPPED.format(tags=f"    tags: [{tags}]\n" if tags else "")
    return FACTS.replace(EVENTS_END, event + EVENTS_END, 1)


def annex_tables(facts: reportgen.DistrictFacts, lang: str) -> dict[str, str]:
    """The realized annex tables' Markdown, by key."""
    return {t.key: str(t.markdown) for t in build(facts, lang).narrative.annex}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_tagged_annex_is_in_the_annex_not_the_body(tmp_path: Path, lang: str) -> None:
    # the GDP of H1 leads (headline, rank, in the GDP series) and signed projects fill
    # the investment key point: both would be in the body, tagged annex neither is
    text = FACTS.replace(
        "    tags: [headline]\n    sources: [{source: s4",
        ("    tags: [headline, annex]\n    sources: [{source: s4"),
        1,
    )
    text = text.replace("tags: [investment]", "tags: [investment, annex]", 1)
    assert text.count("annex") == 2
    before, after = load(FACTS, tmp_path), load(text, tmp_path)
    assert {"gdp-h1", "signed-projects"} <= make_plan(before).body_figures
    plan = make_plan(after)
    assert not {"gdp-h1", "signed-projects"} & plan.body_figures
    table_rows = {f for s in plan.sections for t in s.tables for row in t.rows for f in row}
    assert "gdp-h1" not in table_rows
    annexed = {f for part in plan.annex for f in part.figures}
    assert {"gdp-h1", "signed-projects"} <= annexed
    b = build(after, lang)
    printed = {"zh": ("365.5亿元", "145个"), "en": ("36.55 billion", "145")}[lang]
    annex = "\n".join(str(t.markdown) for t in b.narrative.annex)
    assert printed[0] in annex and printed[0] not in b.body
    assert f"| {printed[1]} |" in annex
    if lang == "zh":
        assert "签约落地项目145个" in build(before, lang).body
        assert "145个" not in b.body


def test_a_finding_may_not_state_a_figure_tagged_annex(tmp_path: Path) -> None:
    text = FACTS.replace(
        "    yoy: +12.5%\n    sources:", "    yoy: +12.5%\n    tags: [annex]\n    sources:", 1
    )
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "调整为" in t)
    where = f"{path}:{line}:"
    assert any(
        e.startswith(where) and "figure 'kp-started' is tagged annex" in e
        for e in result.stderr.splitlines()
    ), result.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_event_tagged_annex_is_listed_in_the_annex_not_told(tmp_path: Path, lang: str) -> None:
    name = {"zh": "第五医院", "en": "Fifth Hospital"}[lang]
    untagged = load(with_event(""), tmp_path)
    assert "hospital-topped" not in make_plan(untagged).events
    told = build(untagged, lang)
    assert any(name in p for p in told.prose_paragraphs if "topped" in p or "封顶" in p)
    tagged = load(with_event("annex"), tmp_path)
    plan = make_plan(tagged)
    assert plan.events == ("hospital-topped",)  # the covered start is the finding's
    said = [s for sec in plan.sections for p in sec.paragraphs for s in p.sentences]
    assert not any(isinstance(s, Qualitative) and "hospital-topped" in s.ids for s in said)
    b = build(tagged, lang)
    assert not any("封顶" in p or "topped" in p for p in b.prose_paragraphs)
    events = annex_tables(tagged, lang)["events"]
    header = {"zh": "| 事项 | 时期 | 来源 |", "en": "| Development | Period | Source |"}[lang]
    assert header in events
    period = {"zh": "2023年11月", "en": "Nov 2023"}[lang]
    row = next(r for r in events.splitlines() if name in r)
    assert row.endswith(f"| {period} | 3 |"), row  # s3 is the third source
    caption = {"zh": "来源提及的其他事项", "en": "Other developments named in the sources"}
    assert caption[lang] in events
    assert events in b.markdown  # the annex template prints it


def test_the_default_briefing_loses_no_event() -> None:
    facts = reportgen.load_facts(default_facts_path())
    plan = make_plan(facts)
    said = [s for sec in plan.sections for p in sec.paragraphs for s in p.sentences]
    told = {i for s in said if isinstance(s, Qualitative) and s.kind == "event" for i in s.ids}
    covered = {c for f in facts.findings for c in f.covers}
    listed = set(plan.events)
    ids = {e.id for e in facts.events}
    assert told | (covered & ids) | listed == ids
    assert not listed & (told | covered)
    tagged = {e.id for e in facts.events if "annex" in e.tags}
    assert "taxi-party-alliance-formed" in tagged and tagged <= listed
    for lang, words in (("zh", "出租车行业党建联盟"), ("en", "taxi industry")):
        b = build(facts, lang)
        rows = [r for t in b.narrative.annex if t.key == "events" for r in t.rows]
        assert len(rows) == len(plan.events)
        assert any(words in r[0] for r in rows)
        assert words not in b.body
