"""The bilingual edition: pairs by construction, identical figures in every pair, the
three layouts (stacked Markdown, HTML table, DOCX rows) and the CLI."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import reportgen
from reportgen.cli import main
from reportgen.editions.bilingual import BilingualReport, compose, html_table
from reportgen.editions.build import build_edition, parse_langs
from reportgen.editions.pairs import Pair
from reportgen.editions.realized import LanguageBuild
from reportgen.errors import OptionError
from reportgen.facts.model import Figure
from reportgen.facts.units import Dimension
from reportgen.i18n.parse import find_amounts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CITE = re.compile(r"\[\^[^\]\s]+\]")
BARE = re.compile(r"(?<![\w.,+−-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?: (million|billion))?(?![\w%])")
SCALE = {None: 1, "million": 10**6, "billion": 10**9}
Value = tuple[Decimal, Dimension]


def values_in(text: str, lang: str, nouns: list[str]) -> set[Value]:
    """The amounts a reader finds in ``text`` (reportgen.i18n.parse), exact, in base units;
    in English also bare numbers (counts: 'numbered 216')."""
    text = CITE.sub("", text)
    found = {(abs(f.value), f.dimension) for f in find_amounts(text, lang, nouns=nouns,
                                                               numerals=lang == "zh")}  # fmt: skip
    if lang == "en":
        for m in BARE.finditer(text):
            number = Decimal((m[1] + (m[2] or "")).replace(",", "")) * SCALE[m[3]]
            found.add((number, Dimension.COUNT))
    return found


def expected(figure: Figure) -> set[Value]:
    want: set[Value] = set()
    if figure.amount is not None:
        want.add((abs(figure.amount.base_value), figure.amount.unit.dimension))
    if figure.yoy is not None:
        want.add((abs(figure.yoy.amount.base_value), Dimension.PERCENT))
    if figure.vs_city is not None:
        want.add((abs(figure.vs_city.amount.base_value), Dimension.PERCENTAGE_POINTS))
    return want


def unmatched(want: set[Value], found: set[Value]) -> set[Value]:
    return {v for v in want if v not in found and (v[0], Dimension.COUNT) not in found}


def pair_problems(report: BilingualReport, facts: reportgen.DistrictFacts) -> list[str]:
    """Every value of every figure a pair states, read back from both of its texts."""
    lead, other = report.lang.split("+")
    nouns = sorted({n for f in facts.figures if f.item for n in (f.item.en, f.item.en_plural)
                    if n}, key=len, reverse=True)  # fmt: skip
    by_id = {f.id: f for f in facts.figures}
    problems = []
    for pair in (p for p in report.pairs if p.kind == "text"):  # tables: test_parity.py
        for fid in (f for f in pair.facts if f in by_id):
            want = expected(by_id[fid])
            for lang, text in ((lead, pair.lead), (other, pair.other)):
                if missing := unmatched(want, values_in(text, lang, nouns)):
                    problems.append(f"{pair.key} {lang}: {fid} {sorted(missing)}")
    return problems


def test_every_pair_carries_the_same_figures(
    zh_en: BilingualReport, facts: reportgen.DistrictFacts
) -> None:
    stated = [p for p in zh_en.pairs if p.kind == "text" and p.facts]
    assert len(stated) > 20
    assert pair_problems(zh_en, facts) == []


def test_a_changed_value_in_one_language_is_caught(
    zh_en: BilingualReport, facts: reportgen.DistrictFacts
) -> None:
    pairs = list(zh_en.pairs)
    at = next(i for i, p in enumerate(pairs) if "36.55 billion" in p.other)
    p = pairs[at]
    pairs[at] = Pair(p.key, p.kind, p.lead, p.other.replace("36.55 billion", "36.56 billion"),
                     p.facts)  # fmt: skip
    broken = BilingualReport(**{**zh_en.__dict__, "pairs": tuple(pairs)})
    assert any("gdp-2023h1" in problem for problem in pair_problems(broken, facts))


def test_pairs_follow_the_plan_one_block_each(
    zh_en: BilingualReport, builds: dict[str, LanguageBuild]
) -> None:
    zh, en = builds["zh"].blocks, builds["en"].blocks
    assert [b.id for b in zh] == [b.id for b in en]
    assert [b.facts for b in zh] == [b.facts for b in en]  # the same plan, so the same facts
    ids = {b.id for b in zh}
    block_pairs = [p for p in zh_en.pairs if p.key in ids]
    assert sorted(p.key for p in block_pairs) == sorted(b.id for b in zh)  # each block once
    zh_by, en_by = {b.id: b for b in zh}, {b.id: b for b in en}
    printed = [builds["zh"].report.markdown.find(zh_by[p.key].markdown) for p in block_pairs]
    assert printed == sorted(printed) and min(printed) > 0  # in the order they are printed
    for pair in block_pairs:
        assert zh_by[pair.key].markdown in pair.lead and en_by[pair.key].markdown in pair.other


def test_headings_are_paired(zh_en: BilingualReport) -> None:
    headings = [(p.lead, p.other) for p in zh_en.pairs if p.kind == "heading"]
    assert ("## 一、经济运行", "## Economic overview") in headings
    assert ("## 内容摘要", "## Key points") in headings
    assert all(a.startswith("## ") and b.startswith("## ") for a, b in headings)


def test_the_first_language_leads(en_zh: BilingualReport, zh_en: BilingualReport) -> None:
    assert en_zh.stem == "huaiyin.en+zh" and zh_en.stem == "huaiyin.zh+en"
    assert en_zh.markdown.startswith("# Huaiyin District")
    assert zh_en.markdown.startswith("# 济南市槐荫区")
    gdp = "36.55 billion yuan"
    assert en_zh.markdown.index(gdp) < en_zh.markdown.index("365.5亿元")
    assert zh_en.markdown.index("365.5亿元") < zh_en.markdown.index(gdp)


def test_stacked_markdown_separates_each_pair(zh_en: BilingualReport) -> None:
    text = zh_en.markdown
    for pair in (p for p in zh_en.pairs if p.kind == "text" and p.key == "overview-p1"):
        block = f"{pair.lead}\n\n{pair.other}\n\n---"
        assert block in text
    assert text.count("\n---\n") == sum(p.kind == "text" for p in zh_en.pairs)


def test_footnotes_are_defined_once_in_both_languages(zh_en: BilingualReport) -> None:
    notes = re.findall(r"^\[\^([\w.]+)\]: (.*)$", zh_en.markdown, re.M)
    used = set(re.findall(r"\[\^([\w.]+)\](?!:)", zh_en.markdown))
    assert len(notes) == len({n for n, _ in notes}) > 0  # each defined once
    assert used <= {n for n, _ in notes}  # both languages' marks resolve to them
    assert all(re.search(r"来源.* / Sources? ", text) for _, text in notes)


def test_html_table_layout_has_one_row_per_side_by_side_pair(zh_en: BilingualReport) -> None:
    text = html_table(zh_en.pairs)
    side = [p for p in zh_en.pairs if p.kind in ("text", "heading")]
    assert text.count("<tr ") == len(side)
    assert text.count("<table>") == text.count("</table>")
    assert '<tr id="pair-overview-p1">' in text


def docx_xml(report: BilingualReport) -> etree._Element:
    data = report.docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def texts(cell: etree._Element) -> str:
    return "".join(t.text or "" for t in cell.iter(f"{W}t"))


def opening(markdown: str) -> str:
    """The first words of a block as Word shows them (marks, escapes and bullets gone)."""
    plain = re.sub(r"\[\^[^\]]+\]|\\|\*\*|^- |^\d+\. ", "", markdown)
    return plain[:8].replace('"', "")


def test_docx_one_row_per_pair_lead_on_the_left(zh_en: BilingualReport) -> None:
    root = docx_xml(zh_en)
    rows = [
        row
        for table in root.iter(f"{W}tbl")
        if table.find(f"{W}tblPr/{W}tblBorders/{W}insideV[@{W}val='nil']") is not None
        for row in table.findall(f"{W}tr")
    ]
    side = [p for p in zh_en.pairs if p.kind == "text"]  # headings: stacked, full width
    assert len(rows) == len(side)
    for row, pair in zip(rows, side, strict=True):
        left, right = row.findall(f"{W}tc")
        assert opening(pair.lead) in texts(left), pair.key
        assert opening(pair.other) in texts(right), pair.key
        styles = {s.get(f"{W}val") for s in right.iter(f"{W}pStyle")}
        assert all(s.endswith("EN") for s in styles), styles  # the English styles
        assert not list(right.iter(f"{W}footnoteReference"))  # the notes are the lead's


def test_docx_heading_pairs_are_stacked_in_their_own_styles(zh_en: BilingualReport) -> None:
    root = docx_xml(zh_en)
    body = root.find(f"{W}body")
    assert body is not None
    paragraphs = [p for p in body if p.tag == f"{W}p"]  # full width, outside the rows
    styles = [p.find(f"{W}pPr/{W}pStyle") for p in paragraphs]
    names = [s.get(f"{W}val") if s is not None else "" for s in styles]
    at = next(i for i, p in enumerate(paragraphs) if texts(p) == "Economic overview")
    assert names[at] == "heading1EN" and "经济运行" in texts(paragraphs[at - 1])


def test_docx_en_lead_sets_chinese_in_chinese_styles(en_zh: BilingualReport) -> None:
    data = en_zh.docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = archive.read("word/styles.xml").decode()
        document = archive.read("word/document.xml").decode()
    assert 'w:name w:val="Body Text (zh)"' in styles
    body = re.search(r'w:styleId="BodyTextZH".*?</w:style>', styles, re.S)
    assert body is not None and "仿宋_GB2312" in body.group(0)
    assert 'w:pStyle w:val="BodyTextZH"' in document


def test_parse_langs() -> None:
    assert parse_langs("all") == ("en", "zh")
    assert parse_langs("zh,en,zh+en") == ("zh", "en", "zh+en")
    with pytest.raises(OptionError, match="choose from en, zh or all"):
        parse_langs("zh+fr")


def test_cli_builds_all_three(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", "--lang", "zh,en,zh+en", "--format", "all", "--no-charts",
               "--out", str(tmp_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "huaiyin.en.docx", "huaiyin.en.md", "huaiyin.zh+en.docx", "huaiyin.zh+en.md",
        "huaiyin.zh.docx", "huaiyin.zh.md",
    ]  # fmt: skip


def test_cli_table_layout_and_bad_layout(tmp_path: Path) -> None:
    run = CliRunner().invoke
    ok = run(main, ["build", "--lang", "en+zh", "--bilingual-layout", "table", "--no-charts",
                    "--out", str(tmp_path)])  # fmt: skip
    assert ok.exit_code == 0, ok.stderr
    assert "<table>" in (tmp_path / "huaiyin.en+zh.md").read_text(encoding="utf-8")
    bad = run(main, ["build", "--lang", "zh+en", "--bilingual-layout", "grid"])
    assert bad.exit_code == 2 and "--bilingual-layout grid" in bad.stderr


def test_charts_go_to_the_editions_own_folder(facts: reportgen.DistrictFacts) -> None:
    report = build_edition(facts, "zh+en")
    assert report.assets and all(k.startswith("huaiyin.zh+en.assets/") for k in report.assets)
    assert {k.split("/")[1][:3] for k in report.assets} == {"zh-", "en-"}
    for key in report.assets:
        assert f"]({key}" in report.markdown


def test_blocks_pair_by_id_whatever_order_each_template_prints_them(
    builds: dict[str, LanguageBuild],
) -> None:
    """The Chinese summary prints the lead before the key points, the English one after
    them: each block still pairs with its own realization, in the lead's order."""
    zh, en = builds["zh"], builds["en"]
    for lead, other in ((zh, en), (en, zh)):
        report = compose(lead, other)
        order = [p.key for p in report.pairs if p.key == "lead" or p.key.startswith("point-")]
        printed = sorted(order, key=lambda k: lead.report.markdown.find(
            next(b.markdown for b in lead.blocks if b.id == k)))  # fmt: skip
        assert order == printed


def test_compose_refuses_a_block_printed_in_one_language_only(
    builds: dict[str, LanguageBuild],
) -> None:
    en = builds["en"]
    dropped = en.report.markdown.replace(en.blocks[-1].markdown, "")
    report = dataclasses.replace(en.report, markdown=dropped)
    with pytest.raises(reportgen.errors.TemplateError, match="in one language only"):
        compose(builds["zh"], dataclasses.replace(en, report=report))


def test_compose_refuses_different_sections(builds: dict[str, LanguageBuild]) -> None:
    en = builds["en"]
    extra = dataclasses.replace(en.report, markdown=en.report.markdown + "\n## Extra\n\nText.\n")
    with pytest.raises(reportgen.errors.TemplateError, match="same sections"):
        compose(builds["zh"], dataclasses.replace(en, report=extra))
