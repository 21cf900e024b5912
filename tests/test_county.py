"""The made-up county example (examples/county.yaml): every kind of fact a county's own
sources need, built in both languages and both formats, with county wording, no raw ids,
no empty headings, every value exact, and the doubtful figure never stated."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

import reportgen
from reportgen.facts.amounts import Amount
from reportgen.facts.model import (
    DistrictFacts,
    Figure,
    PlaceKind,
    SourceKind,
    Status,
)
from reportgen.facts.periods import PeriodKind
from reportgen.facts.units import Dimension
from reportgen.i18n.formatter import Formatter

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FACTS = EXAMPLES / "county.yaml"
SOURCES = EXAMPLES / "county-sources"
LANGS = ("en", "zh")


@cache
def facts() -> DistrictFacts:
    return reportgen.load_facts(FACTS, SOURCES)


@cache
def markdown(lang: str) -> str:
    return reportgen.build(facts(), lang=lang, charts=False).markdown


@cache
def docx_text(lang: str) -> str:
    import docx

    report = reportgen.build(facts(), lang=lang, charts=False)
    document = docx.Document(io.BytesIO(report.docx_bytes(Path("."))))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(texts)


def trusted() -> list[Figure]:
    return [f for f in facts().figures if f.doubtful is None]


def test_the_example_validates_against_its_own_sources() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportgen", "validate", str(FACTS), "--sources", str(SOURCES)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "every quote found" in proc.stdout


def test_the_example_is_labelled_made_up() -> None:
    assert "MADE-UP" in FACTS.read_text(encoding="utf-8").splitlines()[0]
    for path in SOURCES.glob("*.txt"):
        assert "虚构示例" in path.read_text(encoding="utf-8").splitlines()[0], path


def test_the_example_uses_every_new_kind() -> None:
    f = facts()
    assert f.district.kind is PlaceKind.COUNTY
    assert {s.kind for s in f.sources} == set(SourceKind)
    assert any(s.author for s in f.sources) and any(s.speaker for s in f.sources)
    assert set(f.topics) == {"cold-chain", "rural-roads"}
    amounts = [x.amount for x in f.figures if x.amount is not None]
    changes = [x.yoy.amount for x in f.figures if x.yoy is not None]
    dimensions = {a.unit.dimension for a in amounts}
    assert {Dimension.PERMILLE, Dimension.NUMBER, Dimension.MONEY_PER_PERSON} <= dimensions
    assert any(a.value < 0 and a.unit.code == "%" for a in amounts)
    assert any(a.value < 0 and a.unit.code == "个百分点" for a in amounts)
    assert any(a.upper is not None for a in amounts)
    assert {c.unit.dimension for c in changes} >= {
        Dimension.PERCENT,
        Dimension.PERCENTAGE_POINTS,
        Dimension.PEOPLE,
        Dimension.PERMILLE,
    }
    assert Status.PRELIMINARY in {x.status for x in f.figures}
    kinds = {x.period.kind for x in f.figures}
    assert {PeriodKind.UNCLEAR, PeriodKind.UNKNOWN} <= kinds
    assert [x.id for x in f.figures if x.doubtful is not None] == ["road-maintenance-funds"]


@pytest.mark.parametrize("lang", LANGS)
def test_county_wording(lang: str) -> None:
    text = markdown(lang)
    if lang == "zh":
        assert "全县" in text and "全区" not in text
        assert text.startswith("# 云州市青禾县")
        assert "1份政府工作报告、1份统计公报、1篇新闻报道、1份新闻发布稿和1部年鉴" in text
        assert "新闻报道，" not in text.split("\n\n")[1]  # the title block names every kind
    else:
        assert "the county" in text.lower()
        assert not re.search(r"\bdistricts?\b", text, re.IGNORECASE)
        assert (
            "one government work report, one statistical bulletin, one news report, "
            "one press release and one yearbook" in text
        )


def reader_text(text: str) -> str:
    """The text without footnote markers, image targets and HTML comments."""
    text = re.sub(r"\[\^[^\]]+\]:?", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"<!--.*?-->", "", text)


@pytest.mark.parametrize("lang", LANGS)
def test_no_raw_ids_reach_a_reader(lang: str) -> None:
    shown = reader_text(markdown(lang))
    ids = {x.id for x in facts().figures} | {x.topic for x in facts().figures if x.topic}
    ids |= {"work_report", "press_release", "county_city", "business_environment"}
    for name in ids:
        if "-" in name or "_" in name:  # ids that are not words (economy is both)
            assert name not in shown, name
    if lang == "zh":
        assert not re.search(r"[A-Za-z]{2,}", shown), re.findall(r"[A-Za-z]{2,}", shown)


@pytest.mark.parametrize("lang", LANGS)
def test_no_empty_headings(lang: str) -> None:
    lines = [line for line in markdown(lang).splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if match := re.match(r"(#+) ", line):
            following = lines[i + 1] if i + 1 < len(lines) else ""
            level = len(match[1])
            nested = re.match(r"(#+) ", following)
            assert following, f"{line!r} ends the document"
            assert not nested or len(nested[1]) > level, f"{line!r} is empty"


def renderings(fmt: Formatter, a: Amount, f: Figure) -> set[str]:
    """The exact texts a value may be shown as in this language (prose or table)."""
    item = f.item if a is f.amount else None
    return {fmt.amount(a, "prose", item), fmt.amount(a, "table", item), fmt.amount(a)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", ["md", "docx"])
def test_every_value_is_shown_exactly(lang: str, form: str) -> None:
    text = markdown(lang) if form == "md" else docx_text(lang)
    fmt = Formatter(lang, city=facts().district.city)
    for f in trusted():
        for a in [x for x in (f.amount, f.yoy.amount if f.yoy else None) if x is not None]:
            shown = renderings(fmt, a, f)
            assert any(s in text for s in shown), f"{f.id}: none of {shown} in the {lang} {form}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", ["md", "docx"])
def test_the_doubtful_figure_is_never_stated(lang: str, form: str) -> None:
    text = markdown(lang) if form == "md" else docx_text(lang)
    doubtful = facts().figures[[f.id for f in facts().figures].index("road-maintenance-funds")]
    assert doubtful.amount is not None
    assert Formatter(lang).amount(doubtful.amount) not in text
    assert (doubtful.measure.get(lang) or "") not in text


# Each value as prose or as a table cell shows it (the plan decides which): exact either way.
ENGLISH_FORMS = [
    ("1,464.19 million",),  # 146419万元: the largest scale with at most three decimals
    ("16.672 billion",),  # 166.72亿元
    ("down 3,530 people", "−3,530 people"),  # an absolute change
    ("up 0.9 percentage points", "+0.9 pp"),  # a change in points
    ("−44.6 percent", "−44.6%"),  # a negative level
    ("−1.96 percentage points", "−1.96 pp"),
    ("6.12 per thousand", "6.12‰"),  # ‰
    ("102.87",),  # a ratio
    ("101.2",),  # an index
    ("46,200",),  # 4.62万元/人
    ("1–2",),  # a range
    ("period unclear",),
    ("2023 preliminary",),
]
CHINESE_FORMS = [
    ("146419万元",),
    ("166.72亿元",),
    ("同比减少3530人", "−3530人"),
    ("同比提高0.9个百分点", "+0.9个百分点"),
    ("−44.6%",),
    ("−1.96个百分点",),
    ("6.12‰",),
    ("102.87",),
    ("101.2",),
    ("4.62万元/人",),
    ("1—2个",),
    ("时期不明确",),
    ("2023年初步核算",),
    ("报告人：县长林晓峰",),
    ("青禾县统计局：《",),
]


@pytest.mark.parametrize(
    ("lang", "forms"),
    [("en", f) for f in ENGLISH_FORMS] + [("zh", f) for f in CHINESE_FORMS],
    ids=[f[0] for f in ENGLISH_FORMS + CHINESE_FORMS],
)
def test_exact_forms(lang: str, forms: tuple[str, ...]) -> None:
    text = markdown(lang)
    assert any(form in text for form in forms), forms


def test_per_capita_and_distances_name_their_unit_in_english() -> None:
    text = markdown("en")
    assert "46,200 yuan per person" in text or "(RMB per person)" in text
    assert "2,315 kilometers" in text or "(km)" in text


def test_the_example_builds_as_files_in_both_formats(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(FACTS), "--lang", "all",
         "--format", "all", "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    names = {p.name for p in tmp_path.iterdir() if p.is_file()}
    assert names == {f"qinghe.{lang}.{fmt}" for lang in LANGS for fmt in ("md", "docx")}
