"""The load checks of findings (1–7 of the spec): each a located error ``file:line:col``
at the offending text or list item, every problem at once, exit 2 from ``reportgen
validate`` and ``reportgen build`` with no traceback; and a property: for generated valid
figures, a finding's rendered text holds the formatter's rendering of every part."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportgen
from reportgen.cli import main
from reportgen.facts.amounts import parse_amount
from reportgen.i18n.formatter import Formatter
from reportgen.narrative.context import narrative_context
from reportgen.narrative.plan import Finding
from reportgen.render.view import make_view

HEAD = """\
district:
  id: testville
  name: {zh: 测试区, en: Testville District}
  city: {zh: 样例市, en: Sample City}
sources:
  - {id: s1, title: {zh: 标题, en: A title}, date: "2023-07"}
figures:
  - id: gdp
    section: overview
    measure: {zh: 地区生产总值, en: regional GDP}
    amount: 365.5亿元
    period: 2023-H1
    yoy: +6.4%
    sources: [{source: s1, quote: 全区生产总值实现365.5亿元，同比增长6.4%}]
  - id: firms
    section: innovation
    measure: {zh: 高新技术企业, en: high-tech enterprises}
    amount: 348家
    period: as of 2023-12
    sources: [{source: s1, quote: 高新技术企业348家}]
  - id: visits
    section: consumption
    measure: {zh: 游客, en: visits}
    amount: 3639万人次
    period: "2023"
    doubtful: {zh: 原文有误, en: misprinted}
    sources: [{source: s1, quote: 接待游客3639万人次}]
statements:
  - id: gate
    kind: positioning
    section: overview
    text: {zh: 齐鲁门户, en: Gateway to Qilu}
    sources: [{source: s1, quote: 齐鲁门户}]
findings:
"""


def finding(ident: str, zh: str, en: str, extra: str = "") -> str:
    return (
        f"  - id: {ident}\n    section: overview\n{extra}    text:\n"
        f'      zh: "{zh}"\n      en: "{en}"\n'
    )


#: One finding per problem: (the finding's YAML, the line's marker, the message's words).
CASES = [
    # 1. an unknown figure, an unknown part, a part the figure lacks
    (finding("c1a", "全区{gpd}。", "GDP {gpd}."), "全区{gpd}",
     "unknown figure 'gpd'; did you mean 'gdp'?"),
    (finding("c1b", "{firms:size}家。", "{firms:size}."), "{firms:size}家", "unknown part 'size'"),
    (finding("c1c", "{firms}，{firms:rank}。", "{firms}, {firms:rank}."), "{firms}，{firms:rank}",
     "figure 'firms' has no rank"),
    # 2. a language missing; the languages naming different figures
    ("  - id: c2a\n    section: overview\n    text: {zh: \"{gdp:bare}\"}\n", "{gdp:bare}",
     "text.en: is required"),
    (finding("c2b", "{gdp}，{gdp:yoy}，{firms}。", "Output: {gdp}, {gdp:yoy}."),
     "Output: {gdp}", "names the figures gdp; the zh text names gdp, firms"),
    # 3. a figure already in a finding (c1b); a doubtful figure
    (finding("c3a", "企业{firms}。", "{firms} firms."), "企业{firms}",
     "already stated by finding 'c1b'"),
    (finding("c3b", "游客{visits}。", "{visits}."), "游客{visits}", "figure 'visits' is doubtful"),
    # 4. a part of the figure left out (gdp's yoy, in English only)
    (finding("c4", "{gdp}，{gdp:yoy}。", "GDP was {gdp}."), "GDP was {gdp}",
     "without its yoy change"),
    # 5. numbers typed by hand: in Chinese, in no quote; in English, not in the Chinese
    (finding("c5a", "{gdp}，{gdp:yoy}，较上年多27亿元。", "{gdp}, {gdp:yoy}."), "多27亿元",
     "the number 27 is typed"),
    (finding("c5b", "2023年{gdp}，{gdp:yoy}。", "In 2023 {gdp}, {gdp:yoy}, 3.5 points up."),
     "3.5 points", "the number 3.5 is typed"),
    # 6. covers: an unknown record, a figure, a record covered twice
    (finding("c6", "{gdp}，{gdp:yoy}。", "{gdp}, {gdp:yoy}.",
             "    covers: [nothing, firms, gate, gate]\n"), "covers: [nothing",
     "unknown record 'nothing'"),
    # 7. section, topic, period, tags like a figure's
    (finding("c7a", "{gdp}，{gdp:yoy}。", "{gdp}, {gdp:yoy}.", "    topic: no-such-topic\n"),
     "topic: no-such-topic", "topic 'no-such-topic' has no name"),
    (finding("c7b", "{gdp}，{gdp:yoy}。", "{gdp}, {gdp:yoy}.", "    period: 2023-H3\n"),
     "period: 2023-H3", "period"),
    (finding("c7c", "{gdp}，{gdp:yoy}。", "{gdp}, {gdp:yoy}.", "    tags: [Lead]\n"),
     "tags: [Lead]", "lowercase letters"),
    (finding("c7d", "{gdp}，{gdp:yoy}。", "{gdp}, {gdp:yoy}.").replace("overview", "economy"),
     "section: economy", "section"),
]  # fmt: skip
#: Further messages on the lines of c6 (the figure, the record covered twice).
MORE = [("covers: [nothing", "'firms' is a figure"), ("covers: [nothing", "already covered")]


def bad_file(tmp_path: Path) -> tuple[Path, str]:
    text = HEAD + "".join(case for case, _, _ in CASES)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, marker: str) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(lines) == 1, (marker, lines)
    return lines[0]


@pytest.mark.parametrize("command", ["validate", "build"])
def test_every_check_is_a_located_error_all_at_once(tmp_path: Path, command: str) -> None:
    path, text = bad_file(tmp_path)
    args = [command, str(path)] + (["--out", str(tmp_path / "out")] if command == "build" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = result.stderr.splitlines()
    for marker, words in [*((m, w) for _, m, w in CASES), *MORE]:
        where = f"{path}:{line_of(text, marker)}:"
        assert any(e.startswith(where) and words in e for e in errors), (marker, words, errors)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_valid_finding_file_passes(tmp_path: Path) -> None:
    text = HEAD + finding(
        "ok",
        "{gdp:period}，全区生产总值{gdp}，{gdp:yoy}。",
        "GDP was {gdp} {gdp:period}, {gdp:yoy}.",
    )
    path = tmp_path / "ok.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output


# --- the property: placeholders print what the formatter prints --------------------------------

AMOUNTS = [
    "183个",
    "6.1万余户",
    "约741亿元",
    "2974亿元",
    "2.2万家",
    "超220万人次",
    "43场",
    "8300余人",
    "1.2万户以上",
    "6.5%左右",
    "近30亿元",
    "3.03亿元",
    "836万平方米",
]


@st.composite
def figure_sets(draw: st.DrawFn) -> list[dict[str, Any]]:
    """1–4 valid figures of varied units, with or without change, gap and rank."""
    figures = []
    for i in range(draw(st.integers(1, 4))):
        figure: dict[str, Any] = {"id": f"f{i}", "section": "overview", "period": "2023"}
        figure["measure"] = {"zh": f"指标{i}", "en": f"measure {i}"}
        stated = []
        if draw(st.booleans()) or i == 0:
            figure["amount"] = draw(st.sampled_from(AMOUNTS))
            stated.append(figure["amount"])
            if parse_amount(figure["amount"]).unit.is_count and draw(st.booleans()):
                figure["item"] = {"zh": "项目", "en": "project", "en_plural": "projects"}
        if draw(st.booleans()) or "amount" not in figure:
            figure["yoy"] = draw(st.sampled_from(["+", "-"])) + f"{draw(st.integers(1, 999))}.{i}%"
            stated.append(figure["yoy"])
        if draw(st.booleans()):
            figure["vs_city"] = f"+{draw(st.integers(1, 30))}个百分点"
            stated.append(figure["vs_city"])
        if draw(st.booleans()):
            figure["rank"] = draw(st.integers(1, 12))
        figure["sources"] = [{"source": "s1", "quote": "，".join(f"指标：{t}" for t in stated)}]
        figures.append(figure)
    return figures


def parts_of(figure: dict[str, Any]) -> list[str]:
    return ["", *(p for p in ("yoy", "vs_city", "rank") if p in figure)]


def placeholder(figure_id: str, part: str) -> str:
    return "{" + figure_id + (f":{part}" if part else "") + "}"


def rendered(f: Formatter, figure: Any, part: str) -> str:
    """What the formatter prints for a part (the placeholder's contract)."""
    if part == "yoy":
        return f.change(figure.yoy)
    if part == "vs_city":
        return f.gap(figure.vs_city)
    if part == "rank":
        return f.rank(figure.rank)
    if figure.amount is None:
        return f.amount(figure.yoy.amount)
    item = figure.item if f.lang == "en" else None
    return f.amount(figure.amount, "prose", item)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figure_sets())
def test_a_finding_prints_each_part_as_the_formatter_does(figures: list[dict[str, Any]]) -> None:
    parts = [(f["id"], p) for f in figures for p in parts_of(f)]
    zh = "据统计，" + "，".join(placeholder(i, p) for i, p in parts) + "。"
    en = "Figures: " + ", ".join(placeholder(i, p) for i, p in parts) + "."
    data = json.loads(json.dumps({
        "district": {"id": "gen", "name": {"zh": "测试区", "en": "Testville District"},
                     "city": {"zh": "样例市", "en": "Sample City"}},
        "sources": [{"id": "s1", "title": {"zh": "标题", "en": "A title"}, "date": "2024-01"}],
        "figures": figures,
        "findings": [{"id": "all", "section": "overview", "text": {"zh": zh, "en": en}}],
    }))  # fmt: skip
    facts = reportgen.load_facts(data)
    by_id = {f.id: f for f in facts.figures}
    for lang in ("zh", "en"):
        formatter = Formatter(lang, city=facts.district.city)
        context = make_view(facts, lang)
        realized = narrative_context(facts, context, formatter, None, "none")["narrative"]
        texts = [
            s
            for p in (*realized.key_points, *(p for sec in realized.sections.values()
                                              for p in sec.paragraphs))
            for s in p.sentences
            if s.startswith(("据统计", "Figures"))
        ]  # fmt: skip
        assert len(texts) == 1
        for figure_id, part in parts:
            assert rendered(formatter, by_id[figure_id], part) in texts[0], (lang, part)
    assert any(isinstance(s, Finding) for s in _planned(facts))


def _planned(facts: reportgen.DistrictFacts) -> list[object]:
    from reportgen.narrative.planner import make_plan

    plan = make_plan(facts)
    return [s for sec in plan.sections for p in sec.paragraphs for s in p.sentences]


def test_english_may_state_the_figures_in_another_order() -> None:
    """总投资3150亿元的196个重点项目 / 196 key projects with a total investment of 315
    billion yuan: the same figures, each language in its own order."""
    from reportgen.facts.qualitative import Finding

    finding = Finding.model_validate(
        {
            "id": "plan-2024",
            "section": "outlook",
            "text": {
                "zh": "全力推动总投资{kp-inv}的{kp-count}建设。",
                "en": "The district will push ahead with {kp-count} with a total investment "
                "of {kp-inv}.",
            },
        }
    )
    assert finding.text_problems() == []
    assert finding.figures == ("kp-inv", "kp-count")  # the plan follows the Chinese text
