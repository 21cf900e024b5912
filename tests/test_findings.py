"""Findings: an analyst's sentence in both languages, every number a figure's placeholder.

A small fact file states the key-project programme in one finding (figures cited to s1,
the finding's own words to s2, the milestone it covers to s3). Its Chinese and English
sentences reach the Markdown and the DOCX with the figures as the formatter writes them;
each figure is said once; the paragraph's mark names s1, s2 and s3; the covered event
is not told again; key-message slots prefer a tagged finding; a lead finding replaces
the generic GDP sentence. The load checks are in ``test_findings_checks.py``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner

import reportgen
from reportgen.cli import main
from reportgen.narrative.plan import DocumentPlan, Finding, Paragraph, Qualitative, Series
from reportgen.narrative.planner import make_plan

FACTS = """\
district:
  id: testville
  name: {zh: 测试区, en: Testville District}
  city: {zh: 样例市, en: Sample City}
sources:
  - {id: s1, title: {zh: 项目报道, en: Projects report}, date: "2024-01"}
  - {id: s2, title: {zh: 年度回顾, en: Year in review}, date: "2024-01"}
  - {id: s3, title: {zh: 医院报道, en: Hospital report}, date: "2023-12"}
  - {id: s4, title: {zh: 经济报道, en: Economy report}, date: "2023-07"}
entities:
  - {id: hospital, kind: project, name: {zh: 第五医院, en: the Fifth Hospital}}
figures:
  - id: gdp-h1
    section: overview
    measure: {zh: 地区生产总值, en: regional GDP}
    amount: 365.5亿元
    period: 2023-H1
    yoy: +6.4%
    rank: 4
    tags: [headline]
    sources: [{source: s4, quote: 全区生产总值实现365.5亿元，同比增长6.4%，位列全市第四}]
  - id: gdp-2023
    section: overview
    measure: {zh: 地区生产总值, en: regional GDP}
    period: "2023"
    status: estimate
    yoy: +6.2%左右
    tags: [headline]
    sources: [{source: s2, quote: 预计地区生产总值增长6.2%左右}]
  - id: kp-jan
    section: projects
    topic: key-projects
    measure: {zh: 重点项目, en: key projects}
    amount: 183个
    item: {zh: 重点项目, en: key project, en_plural: key projects}
    period: as of 2023-01
    status: plan
    tags: [programme]
    sources: [{source: s1, quote: 抓好总投资2974亿元的183个重点项目建设}]
  - id: kp-jan-investment
    section: projects
    topic: key-projects
    measure: {zh: 重点项目总投资, en: planned total investment of key projects}
    amount: 2974亿元
    period: as of 2023-01
    status: plan
    tags: [programme]
    sources: [{source: s1, quote: 抓好总投资2974亿元的183个重点项目建设}]
  - id: kp-2023
    section: projects
    topic: key-projects
    measure: {zh: 省市区重点项目, en: key projects}
    amount: 216个
    item: {zh: 重点项目, en: key project, en_plural: key projects}
    period: "2023"
    status: plan
    tags: [programme]
    sources: [{source: s1, quote: 精心谋划216个省市区重点项目}]
  - id: kp-started
    section: projects
    topic: key-projects
    measure: {zh: 开工在建重点项目, en: key projects started or under construction}
    amount: 135个
    item: {zh: 重点项目, en: key project, en_plural: key projects}
    period: "2023"
    yoy: +12.5%
    sources: [{source: s1, quote: 开工在建重点项目135个，同比增长12.5%}]
  - id: industrial-projects-2024
    section: projects
    topic: key-projects
    measure: {zh: 重大产业项目, en: major industrial projects}
    amount: 113个
    period: "2024"
    status: plan
    tags: [programme]
    sources: [{source: s2, quote: 实施重大产业项目113个}]
  - id: signed-projects
    section: investment
    measure: {zh: 签约落地项目, en: projects signed and landed}
    amount: 145个
    period: "2023"
    tags: [investment]
    sources: [{source: s2, quote: 签约落地项目145个}]
events:
  - id: hospital-started
    section: projects
    topic: key-projects
    subjects: [hospital]
    stage: started
    period: "2023"
    sources: [{source: s3, quote: 第五医院开工建设}]
findings:
  - id: key-projects-2023
    section: projects
    topic: key-projects
    period: "2023"
    tags: [programme]
    covers: [hospital-started]
    text:
      zh: "2023年，全区重点项目由年初安排的{kp-jan}（总投资{kp-jan-investment}）调整为\\
        省市区重点项目{kp-2023}，其中开工在建{kp-started}，{kp-started:yoy}，第五医院开工建设，\\
        数量和投资量均创历史新高。"
      en: "In 2023 the district's key-project list grew from {kp-jan:bare} projects \\
        (total investment {kp-jan-investment}) announced in January to {kp-2023}, of which \\
        {kp-started:bare} were started or under construction, {kp-started:yoy}, the Fifth \\
        Hospital among them, a record in both number and investment."
    sources: [{source: s2, quote: 数量和投资量均创历史新高}]
"""

ZH_SENTENCE = (
    "2023年，全区重点项目由年初安排的183个（总投资2974亿元）调整为省市区重点项目216个，"
    "其中开工在建135个，同比增长12.5%，第五医院开工建设，数量和投资量均创历史新高。"
)
EN_SENTENCE = (
    "In 2023 the district’s key-project list grew from 183 projects (total investment "
    "297.4 billion yuan) announced in January to 216 key projects, of which 135 were started "
    "or under construction, up 12.5 percent year on year, the Fifth Hospital among them, a "
    "record in both number and investment."
)
#: The key-project finding's figures as each language prints them.
PRINTED = {
    "zh": ["183个", "2974亿元", "216个", "135个", "12.5%"],
    "en": ["183 projects", "297.4 billion yuan", "216 key projects", "135 were", "12.5 percent"],
}
FINDING = "key-projects-2023"
FIGURES = ("kp-jan", "kp-jan-investment", "kp-2023", "kp-started")


def load(text: str, tmp_path: Path, name: str = "facts.yaml") -> reportgen.DistrictFacts:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return reportgen.load_facts(path)


@pytest.fixture
def facts(tmp_path: Path) -> reportgen.DistrictFacts:
    return load(FACTS, tmp_path)


def paragraphs(plan: DocumentPlan) -> list[Paragraph]:
    """The lead, the key points and every section paragraph of a plan."""
    return [plan.lead, *plan.key_points, *(p for s in plan.sections for p in s.paragraphs)]


def test_the_finding_builds_in_both_languages_md_and_docx(tmp_path: Path) -> None:
    data = tmp_path / "facts.yaml"
    data.write_text(FACTS, encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", str(data), "--out", str(out), "--lang", "all", "--format", "all"]
    result = CliRunner().invoke(main, [*args, "--no-charts"])
    assert result.exit_code == 0, result.output
    for lang, sentence in (("zh", ZH_SENTENCE), ("en", EN_SENTENCE)):
        markdown = (out / f"testville.{lang}.md").read_text(encoding="utf-8")
        assert sentence in markdown
        document = docx.Document(io.BytesIO((out / f"testville.{lang}.docx").read_bytes()))
        assert any(sentence in p.text for p in document.paragraphs)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_figure_of_the_finding_is_said_once(facts: reportgen.DistrictFacts, lang: str) -> None:
    markdown = reportgen.build(facts, lang, charts=False).markdown
    body = markdown.split("## 资料来源" if lang == "zh" else "## Sources")[0]
    for printed in PRINTED[lang]:
        assert body.count(printed) == 1, printed  # body and annex: once
    plan = make_plan(facts)
    stating = [p for p in paragraphs(plan) if set(FIGURES) & set(_figures(p))]
    assert len(stating) == 1 and stating[0].sentences == (
        Finding(FINDING, FIGURES, ("hospital-started",)),
    )
    annexed = {f for part in plan.annex for f in part.figures}
    assert not annexed & set(FIGURES)
    assert set(FIGURES) <= plan.body_figures


def _figures(p: Paragraph) -> list[str]:
    return [f for s in p.sentences if isinstance(s, Finding | Series) for f in s.figures]


@pytest.mark.parametrize(
    ("lang", "style", "mark"),
    [("zh", "footnotes", "[^s1.s2.s3]"), ("en", "footnotes", "[^s1.s2.s3]"),
     ("zh", "endnotes", "〔1、2、3〕"), ("en", "endnotes", " [1, 2, 3]")],
)  # fmt: skip
def test_the_mark_names_the_figures_own_and_covered_sources(
    facts: reportgen.DistrictFacts, lang: str, style: str, mark: str
) -> None:
    markdown = reportgen.build(facts, lang, charts=False, citations=style).markdown
    sentence = ZH_SENTENCE if lang == "zh" else EN_SENTENCE
    line = next(line for line in markdown.splitlines() if sentence in line)
    assert line.endswith(sentence + mark)


def test_the_covered_event_is_not_told_again(facts: reportgen.DistrictFacts) -> None:
    told = [s for p in paragraphs(make_plan(facts)) for s in p.sentences]
    assert Qualitative("event", ("hospital-started",)) not in told
    uncovered = FACTS.replace("    covers: [hospital-started]\n", "")
    facts = reportgen.load_facts(_mapping(uncovered))
    told = [s for p in paragraphs(make_plan(facts)) for s in p.sentences]
    assert Qualitative("event", ("hospital-started",)) in told


def _mapping(text: str) -> dict[str, Any]:
    from reportgen.facts.yamlpos import read_yaml

    data: dict[str, Any] = read_yaml(text).data
    return data


def test_a_finding_tagged_programme_takes_the_programme_slot(
    facts: reportgen.DistrictFacts,
) -> None:
    points = make_plan(facts).key_points
    firsts = [p.sentences[0] for p in points]
    assert Finding(FINDING, FIGURES, ("hospital-started",)) in firsts
    at = firsts.index(Finding(FINDING, FIGURES, ("hospital-started",)))
    # the investment slot follows the programme's: the figures tagged investment
    assert "signed-projects" in _said(firsts[at + 1])
    # the programme figure the finding does not state is no key point
    assert all("industrial-projects-2024" not in _said(s) for s in firsts)
    untagged = FACTS.replace("    tags: [programme]\n    covers:", "    covers:")
    plan = make_plan(reportgen.load_facts(_mapping(untagged)))
    firsts = [p.sentences[0] for p in plan.key_points]
    assert not any(isinstance(s, Finding) for s in firsts)  # told in its section instead
    assert any("industrial-projects-2024" in _said(s) for s in firsts)
    section = plan.section("projects")
    assert section is not None
    assert any(isinstance(s, Finding) for p in section.paragraphs for s in p.sentences)


def _said(sentence: object) -> tuple[str, ...]:
    return tuple(getattr(sentence, "figures", ()))


LEAD = """\
  - id: gdp-lead
    section: overview
    tags: [lead]
    text:
      zh: "{gdp-h1:period}，全区地区生产总值{gdp-h1}，{gdp-h1:yoy}，{gdp-h1:rank}。"
      en: "Regional GDP came to {gdp-h1} {gdp-h1:period}, {gdp-h1:yoy}, {gdp-h1:rank}."
"""


GDP_2022 = """\
  - id: gdp-2022
    section: overview
    measure: {zh: 地区生产总值, en: regional GDP}
    amount: 690.2亿元
    period: "2022"
    yoy: +3.1%
    tags: [headline]
    sources: [{source: s4, quote: 2022年地区生产总值690.2亿元，增长3.1%}]
"""


def test_a_lead_finding_replaces_the_generic_gdp_sentence(tmp_path: Path) -> None:
    with_2022 = FACTS.replace("events:\n", GDP_2022 + "events:\n")
    plain = make_plan(load(with_2022, tmp_path, "plain.yaml")).lead.sentences
    assert Series(("gdp-2022", "gdp-h1", "gdp-2023"), rate=True) in plain
    plan = make_plan(load(with_2022 + LEAD, tmp_path, "lead.yaml"))
    assert plan.lead.sentences == (Finding("gdp-lead", ("gdp-h1",)),)
    rest = ("gdp-2022", "gdp-2023")  # the series left: shown in Table 1, not a key point
    assert all(rest not in map(_said, p.sentences) for p in plan.key_points)
    overview = plan.section("overview")
    assert overview is not None
    assert overview.tables[0].rows == (("gdp-2022", "gdp-h1", "gdp-2023"),)  # Table 1 keeps it
    # and the text does not read Table 1's row out again
    assert all(rest not in map(_said, p.sentences) for p in overview.paragraphs)
    facts = load(FACTS + LEAD, tmp_path)
    assert make_plan(facts).lead.sentences == (Finding("gdp-lead", ("gdp-h1",)),)
    zh = reportgen.build(facts, "zh", charts=False).markdown
    en = reportgen.build(facts, "en", charts=False).markdown
    assert "2023年上半年，全区地区生产总值365.5亿元，同比增长6.4%，位列全市第四。[^s4]" in zh
    assert (
        "Regional GDP came to 36.55 billion yuan in the first half of 2023, up 6.4 percent "
        "year on year, ranking fourth in Sample City.[^s4]"
    ) in en
    assert zh.count("365.5亿元") == 2  # the lead and Table 1 (a table, not a sentence)


def test_trace_says_which_finding_states_the_figure(tmp_path: Path) -> None:
    data = tmp_path / "facts.yaml"
    data.write_text(FACTS, encoding="utf-8")
    result = CliRunner().invoke(main, ["trace", "kp-jan-investment", str(data)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "appears:" in line]
    assert len(lines) == 2 and all(line.endswith(f", in finding {FINDING}") for line in lines)
    result = CliRunner().invoke(main, ["trace", FINDING, str(data)])
    assert result.exit_code == 0, result.output
    assert ZH_SENTENCE in result.output and EN_SENTENCE in result.output


def test_the_schema_describes_findings() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    import json

    schema = json.loads(result.stdout)
    assert "findings" in schema["properties"]
    finding = schema["$defs"]["Finding"]
    assert set(finding["required"]) == {"id", "section", "text"}
    assert set(schema["$defs"]["FindingText"]["required"]) == {"zh", "en"}


AHEAD = """\
  - id: next-year
    section: outlook
    tags: [lead]
    text:
      zh: "2024年，全区将实施重大产业项目{industrial-projects-2024}。"
      en: "In 2024 the district plans {industrial-projects-2024}."
"""


def test_a_lead_finding_of_the_outlook_closes_the_lead(tmp_path: Path) -> None:
    """The next year's aim ends the lead, after the year's results (issue 12: next year's
    targets belong to the summary); a lead finding of the overview comes first."""
    plan = make_plan(load(FACTS + LEAD + AHEAD, tmp_path))
    assert plan.lead.sentences == (
        Finding("gdp-lead", ("gdp-h1",)),
        Finding("next-year", ("industrial-projects-2024",)),
    )
    plan = make_plan(load(FACTS + AHEAD, tmp_path, "ahead.yaml"))
    assert plan.lead.sentences[-1] == Finding("next-year", ("industrial-projects-2024",))
    assert len(plan.lead.sentences) > 1  # the year's growth series comes before it
