"""Generated fact files build in both languages, and every figure shows its exact value.

Hypothesis writes small fact files (1–6 figures) with figures of every unit, status,
qualifier marker in each valid position and period kind, and names that mix scripts
and carry Markdown, Jinja and XML special characters. Each builds in English and
Chinese; on the lines that cite a figure (every figure has its own source, so its
footnote reference ``[^sN]`` marks them) the formatting layer's reader finds the
figure's amount, change and gap with the same exact value (value × scale) and
dimension. For a subset the DOCX is written too and read back with python-docx.

Hypothesis draws what it likes; a deterministic sweep beside it builds every unit code,
every marker in each of its places, every period kind, status and section.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import reportgen
from reportgen.facts.amounts import (
    INNER_MARKERS,
    PREFIX_MARKERS,
    SUFFIX_MARKERS,
    Amount,
    parse_amount,
)
from reportgen.facts.model import DistrictFacts, Figure, Section, Status, Text
from reportgen.facts.periods import PeriodKind
from reportgen.facts.units import UNITS, Dimension
from reportgen.i18n.parse import find_amounts, parse_rendered
from reportgen.i18n.realize.grammar import curly
from reportgen.narrative.series import find_series
from reportgen.render.environment import capfirst
from reportgen.render.escape import escape_markdown

HAS_DOCX = importlib.util.find_spec("reportgen.writers.docx") is not None
EXAMPLES = 200
DOCX_EXAMPLES = 50
SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
}

# --- names: scripts mixed, special characters of Markdown, Jinja and XML --------------------

#: Characters the Markdown escaping backslashes: every name carries one, so the escaped
#: name holds a backslash and can never be mistaken for part of a rendered amount.
ESCAPED = list("*_|[]<>&`!~\\")
SPECIAL = [*ESCAPED, "{{", "}}", "{%", "%}", "#", "{#", "'", '"', "-", "1.", "+"]
CJK = "测试区园公司产业创新槐荫济南数字经济中心项目"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
piece = st.one_of(
    st.text(alphabet=CJK, min_size=1, max_size=4),
    st.text(alphabet=LATIN, min_size=1, max_size=6),
    st.text(alphabet="0123456789", min_size=1, max_size=3),
    st.sampled_from(SPECIAL),
    st.just(" "),
)


@st.composite
def names(draw: st.DrawFn) -> str:
    """A name of 2–8 pieces with at least one escaped special character, no edge spaces."""
    parts = draw(st.lists(piece, min_size=1, max_size=7))
    parts.insert(draw(st.integers(0, len(parts))), draw(st.sampled_from(ESCAPED)))
    name = "".join(parts).strip()
    assume(name and not name.isspace())
    return name


# --- amounts as the sources write them --------------------------------------------------------

#: Chinese numerals the amount grammar reads exactly (两千 = 2000 …).
NUMERALS = ["两千", "十五", "三百", "一千三百", "百", "五十", "两万"]


@st.composite
def written_numbers(draw: st.DrawFn, exponent: int = 0) -> str:
    """A number as written, small enough that × 10^exponent stays a real figure (≤ 10^16)."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(NUMERALS))
    whole = draw(st.integers(0, min(99_999, 10 ** (16 - exponent) - 1)))
    places = draw(st.integers(0, 2))
    if places == 0:
        return str(whole)
    fraction = draw(st.integers(1, 10**places - 1))
    return f"{whole}.{fraction:0{places}d}".rstrip("0")


@st.composite
def amounts(draw: st.DrawFn, codes: list[str] | None = None) -> str:
    """An amount text with an optional qualifier marker in one of its valid places."""
    code = draw(st.sampled_from(codes or sorted(UNITS)))
    unit = UNITS[code]
    number = draw(written_numbers(unit.exponent))
    if "万" in number and (unit.exponent or "万" + unit.base not in UNITS):
        number = "两千"  # 两万 before 万元 or % would be read as 两 and the unit 万万元, 万%
    place = draw(st.sampled_from(["none", "before", "after_number", "after_prefix", "after"]))
    prefix, base = unit.prefix, unit.base
    if place == "before":
        return draw(st.sampled_from(sorted(PREFIX_MARKERS))) + number + code
    if place == "after_number":
        return number + draw(st.sampled_from(sorted(INNER_MARKERS))) + code
    if place == "after_prefix" and prefix:
        return number + prefix + draw(st.sampled_from(sorted(INNER_MARKERS))) + base
    if place == "after":
        return number + code + draw(st.sampled_from(sorted(SUFFIX_MARKERS)))
    return number + code


def changes(code: str) -> st.SearchStrategy[str]:
    return st.builds(lambda sign, a: sign + a, st.sampled_from("+-"), amounts([code]))


# --- periods ------------------------------------------------------------------------------------

years = st.integers(2015, 2026)
periods = st.one_of(
    years.map(str),
    st.builds(lambda y, h: f"{y}-H{h}", years, st.integers(1, 2)),
    st.builds(
        lambda y, a, b: f"{y}-{min(a, b):02d}/{y}-{max(a, b):02d}",
        years,
        st.integers(1, 12),
        st.integers(1, 12),
    ),
    st.builds(lambda y, m: f"as of {y}-{m:02d}", years, st.integers(1, 12)),
    st.builds(
        lambda y, m, d: f"as of {y}-{m:02d}-{d:02d}", years, st.integers(1, 12), st.integers(1, 28)
    ),
    st.just("unknown"),
)


# --- fact files ---------------------------------------------------------------------------------


def _number_as_written(text: str) -> str:
    amount = parse_amount(text.lstrip("+-"))
    return amount.numeral or format(amount.value, "f")


@st.composite
def figures(draw: st.DrawFn, index: int) -> dict[str, Any]:
    has_amount, has_yoy = draw(st.sampled_from([(True, False), (False, True), (True, True)]))
    figure: dict[str, Any] = {
        "id": f"f{index}",
        "section": draw(st.sampled_from([s.value for s in Section])),
        "measure": {"zh": draw(names()), "en": draw(names())},
        "period": draw(periods),
        "status": draw(st.sampled_from([s.value for s in Status])),
    }
    if draw(st.booleans()):
        figure["topic"] = draw(st.sampled_from(["economy", "key-projects", "other"]))
    stated: list[str] = []
    if has_amount:
        figure["amount"] = draw(amounts())
        stated.append(figure["amount"])
        if unit_of(figure["amount"]).is_count and draw(st.booleans()):
            figure["item"] = {"zh": draw(names()), "en": draw(names()), "en_plural": draw(names())}
    if has_yoy:
        figure["yoy"] = draw(changes("%"))
        stated.append(figure["yoy"])
    if draw(st.booleans()):
        figure["vs_city"] = draw(changes("个百分点"))
        stated.append(figure["vs_city"])
    if draw(st.booleans()):
        figure["rank"] = draw(st.integers(1, 100))
    figure["tags"] = draw(st.lists(st.sampled_from(["headline", "programme"]), unique=True))
    quote = "，".join(f"{draw(names())}：{text}" for text in stated) + "。"
    figure["sources"] = [{"source": f"s{index}", "quote": quote}]
    return figure


def unit_of(text: str) -> Any:
    return parse_amount(text).unit


@st.composite
def fact_files(draw: st.DrawFn) -> str:
    """A fact file (as JSON, which is YAML) with 1–6 figures, one source per figure."""
    count = draw(st.integers(1, 6))
    facts: dict[str, Any] = {
        "district": {
            "id": "gen",
            "name": {"zh": draw(names()), "en": draw(names())},
            "city": {"zh": draw(names()), "en": draw(names())},
        },
        "sources": [
            {
                "id": f"s{i}",
                "title": {"zh": draw(names()), "en": draw(names())},
                "date": f"2023-{i:02d}",
            }
            for i in range(1, count + 1)
        ],
        "entities": [
            {"id": "e1", "kind": "enterprise", "name": {"zh": draw(names()), "en": draw(names())}}
        ],
        "figures": [draw(figures(i)) for i in range(1, count + 1)],
    }
    if all(f["period"] == "unknown" for f in facts["figures"]):
        # One dated figure: see test_a_briefing_whose_periods_are_all_unknown_builds.
        facts["figures"][0]["period"] = str(draw(years))
    for figure in facts["figures"]:
        if draw(st.booleans()):
            figure["owner"] = "e1"
    return json.dumps(facts, ensure_ascii=False, indent=1)


# --- reading the briefings back -----------------------------------------------------------------

Value = tuple[Decimal, Dimension]
#: Stands for an item noun in English text, so the reader knows it as a unit word.
NOUN = "itemnoun"


@dataclass
class Document:
    """A briefing as blocks: running text, and table rows (cells)."""

    texts: list[str]
    rows: list[list[str]]


def markdown_document(markdown: str) -> Document:
    texts, rows = [], []
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        is_header = index + 1 < len(lines) and lines[index + 1].startswith("| ---")
        if line.startswith("| ") and not line.startswith("| ---") and not is_header:
            rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))])
        elif not line.startswith("|"):
            texts.append(line)
    return Document(texts, rows)


def docx_document(data: bytes) -> Document:
    import docx

    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return Document(texts, rows[1:] if rows else [])  # header rows hold no values


def variants(name: str, markdown: bool) -> set[str]:
    """How a name may appear: as written or escaped, first letter as is or upper-cased, with
    curly quotes (English prose) or full-width brackets (Chinese prose)."""
    forms = {name, capfirst(name)}
    forms |= {curly(f) for f in forms} | {f.replace("(", "（").replace(")", "）") for f in forms}
    if markdown:
        forms = {escape_markdown(f) for f in forms} | {escape_markdown("x " + f)[2:] for f in forms}
    return forms


def neutralise(text: str, names: Iterable[str], nouns: Iterable[str], markdown: bool) -> str:
    """Replace names by a separator and item nouns by :data:`NOUN` (longest first)."""
    swaps = [(form, NOUN) for noun in nouns for form in variants(noun, markdown)]
    swaps += [(form, " · ") for name in names for form in variants(name, markdown)]
    for form, replacement in sorted(swaps, key=lambda s: -len(s[0])):  # stable: nouns first
        text = text.replace(form, replacement)
    return text


#: A bare number in English prose ("… numbered 61,000"): the count the sentence names.
BARE = re.compile(
    r"(?<![\w.,+−-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?: (million|billion|trillion))?(?![\w%])"
)
SCALE = {None: 1, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def values_in(text: str, lang: str, bare: bool = True) -> set[Value]:
    found = find_amounts(text, lang, nouns=[NOUN], numerals=(lang == "zh"))
    values = {(abs(f.value), f.dimension) for f in found}
    if lang == "en" and bare:
        for m in BARE.finditer(text):
            number = Decimal((m[1] + (m[2] or "")).replace(",", "")) * SCALE[m[3]]
            values.add((number, Dimension.COUNT))
    return values


def values_in_row(cells: list[str], lang: str) -> set[Value]:
    values: set[Value] = set()
    label = re.search(r"\(([^()]*)\)\s*(?:\[\^|$)", cells[0])
    # Table 1 puts a figure's value and change in one cell, joined by "; " / "；", and its
    # gap to the city and rank in a bracket: "+15.1%（高于全市13.9个百分点，第3）"
    parts = []
    for cell in cells[1:]:
        bracket = re.search(r"\s*[（(]([^()（）]*)[)）]$", cell)
        if bracket is not None:
            cell = cell[: bracket.start()]
            notes = re.split(r"; |；|，", bracket.group(1))
            parts += [n for n in notes if not re.fullmatch(r"第\d+|\d+(st|nd|rd|th)", n)]
        parts += re.split(r"; |；", cell)
    for cell in parts:
        found = values_in(cell, lang, bare=False)  # a cell's unit is in the row's label
        if not found and lang == "en" and re.search(r"\d", cell):
            unit = label[1] if label else "items"  # a bare count: the measure names the thing
            try:
                value, dimension = parse_rendered(cell, "en", unit_label=unit)
            except ValueError:  # not an amount: a period, a rank
                continue
            found = {(abs(value), dimension)}
        values |= found
    return values


def expected(figure: Figure) -> set[Value]:
    """The values a briefing shows for ``figure``: its amount, growth and gap to the city."""
    amount = (
        None if figure.amount is None else (figure.amount.base_value, figure.amount.unit.dimension)
    )
    yoy = None if figure.yoy is None else (figure.yoy.amount.base_value, Dimension.PERCENT)
    gap = (
        None
        if figure.vs_city is None
        else (figure.vs_city.amount.base_value, Dimension.PERCENTAGE_POINTS)
    )
    return {v for v in (amount, yoy, gap) if v is not None}


def all_names(facts: DistrictFacts) -> tuple[list[str], list[str]]:
    """Every prose text of the facts (both languages), and the item nouns."""
    texts: list[str] = []
    prose: list[Text | None] = [facts.district.name, facts.district.city]
    for record in [*facts.sources, *facts.entities, *facts.figures]:
        prose += [getattr(record, field, None) for field in ("title", "name", "measure")]
    for text in prose:
        if text is not None:
            texts += [t for t in (text.zh, text.en) if t]
    nouns = [n for f in facts.figures if f.item for n in (f.item.zh, f.item.en, f.item.en_plural)]
    return texts, [n for n in nouns if n]


def check_markdown(facts: DistrictFacts, lang: str, markdown: str) -> None:
    texts, nouns = all_names(facts)
    document = markdown_document(markdown)
    for number, figure in enumerate(facts.figures, start=1):
        cite = f"s{number}"  # a mark names one source ([^s1]) or several ([^s1.s4])
        lines = [t for t in document.texts if cite in cited(t)]
        # a table row names its sources by number in its last column (Table 1, the annex)
        rows = [r for r in document.rows if str(number) in re.split(r"[,、]\s*", r[-1].strip())]
        assert lines or rows, f"{figure.id} is not in the {lang} briefing"
        found: set[Value] = set()
        for line in lines:
            found |= values_in(neutralise(line, texts, nouns, True), lang)
        for row in rows:
            found |= values_in_row([neutralise(c, texts, nouns, True) for c in row], lang)
        missing = {v for v in expected(figure) - found if (v[0], Dimension.COUNT) not in found}
        assert not missing, f"{figure.id}: {sorted(missing)} not found in {lang}: {lines + rows}"
    shown = brackets_folded(reader_text(markdown))
    for figure in facts.figures:
        names = alike_names(facts, figure, lang)
        shown_forms = (brackets_folded(f) in shown for n in names for f in variants(n, False))
        assert any(shown_forms), f"{names} not shown"


def brackets_folded(text: str) -> str:
    """Full-width round brackets as ASCII: Chinese prose turns each bracket beside a Chinese
    character full-width, one by one, so '(__(' after 年 is shown as '（__('."""
    return text.replace("（", "(").replace("）", ")")


def alike_names(facts: DistrictFacts, figure: Figure, lang: str) -> set[str]:
    """The figure's measure in ``lang``, and the names of the other members of its series.

    A series is told under one name (one name per indicator), so a figure may be shown
    under another member's measure. The members are the narrative's series
    (:func:`~reportgen.narrative.series.find_series`): same owner and kind of value, and
    a measure named alike after normalization (owner name, "cumulative", brackets and
    quotes set aside) or a shared ``programme``/``series-…`` tag, joined transitively.
    Only the name is widened: each figure's exact values are still checked by id.
    """
    alike = next((s for s in find_series(facts) if figure in s), [figure])
    return {f.measure.get(lang) or "" for f in alike}


def cited(text: str) -> set[str]:
    """The source ids a text's citation marks name."""
    return {p for mark in re.findall(r"\[\^([a-z0-9.-]+)\]", text) for p in mark.split(".")}


def reader_text(markdown: str) -> str:
    """The text a reader sees: the text of every inline element of the parsed Markdown."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return "\n".join(
        "".join(c.content for c in t.children or [] if c.type in ("text", "code_inline"))
        for t in tokens
        if t.type == "inline"
    )


def check_docx(facts: DistrictFacts, lang: str, data: bytes) -> None:
    texts, nouns = all_names(facts)
    document = docx_document(data)
    found: set[Value] = set()
    for text in document.texts:
        found |= values_in(neutralise(text, texts, nouns, False), lang)
    for row in document.rows:
        found |= values_in_row([neutralise(c, texts, nouns, False) for c in row], lang)
    for figure in facts.figures:
        missing = expected(figure) - found
        assert not missing, f"{figure.id}: {sorted(missing)} not found in the {lang} DOCX"
    shown = brackets_folded("\n".join([*document.texts, *("\t".join(r) for r in document.rows)]))
    for figure in facts.figures:
        names = alike_names(facts, figure, lang)
        forms = (brackets_folded(f) for n in names for f in variants(n, False))
        assert any(form in shown for form in forms), names


def load(text: str, tmp_path: Path) -> DistrictFacts:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing in generated data needs repairing
        return reportgen.load_facts(path)


# --- the properties -------------------------------------------------------------------------------


@settings(max_examples=EXAMPLES, **SETTINGS)  # type: ignore[arg-type]
@given(text=fact_files())
def test_generated_facts_build_in_both_languages_with_every_value(
    text: str, tmp_path: Path
) -> None:
    facts = load(text, tmp_path)
    for lang in ("en", "zh"):
        report = reportgen.build(facts, lang=lang, charts=False)
        check_markdown(facts, lang, report.markdown)


@pytest.mark.skipif(not HAS_DOCX, reason="the DOCX writer is not there yet")
@settings(max_examples=DOCX_EXAMPLES, **SETTINGS)  # type: ignore[arg-type]
@given(text=fact_files())
def test_generated_facts_read_back_from_docx(text: str, tmp_path: Path) -> None:
    facts = load(text, tmp_path)
    for lang in ("en", "zh"):
        report = reportgen.build(facts, lang=lang, charts=False)
        out = tmp_path / "out"
        written = report.write(out, ["md", "docx"])
        assert {p.name for p in written} == {f"gen.{lang}.md", f"gen.{lang}.docx"}
        check_docx(facts, lang, (out / f"gen.{lang}.docx").read_bytes())


# --- the generator covers what it claims, and the reader can fail -------------------------------


#: Every marker in each place it may stand, with the unit it is written with.
MARKED: list[tuple[str, str]] = [
    *((m, "before") for m in PREFIX_MARKERS),
    *((m, "after_number") for m in INNER_MARKERS),
    *((m, "after_prefix") for m in INNER_MARKERS),
    *((m, "after") for m in SUFFIX_MARKERS),
    ("", "none"),
]
PERIODS = [
    "2023", "2022-H1", "2021-02/2021-09", "as of 2023-11", "as of 2020-06-30", "unknown", "unclear",
]  # fmt: skip


def sweep_amount(code: str, i: int) -> str:
    """An amount of unit ``code``, the i-th marker in its place (when the unit allows it)."""
    unit = UNITS[code]
    number = NUMERALS[i % 5] if i % 7 == 3 else f"{(i * 37) % 9000 + 1}.{i % 10}".rstrip(".0")
    marker, place = MARKED[i % len(MARKED)]
    if place == "before":
        return marker + number + code
    if place == "after_number":
        return number + marker + code
    if place == "after_prefix" and unit.prefix:
        return number + unit.prefix + marker + unit.base
    if place == "after":
        return number + code + marker
    return number + code


def sweep_files() -> list[str]:
    """Fact files (six figures each) that together hold every unit, marker and place,
    period kind, status and section."""
    figures = []
    for i, code in enumerate(sorted(UNITS)):
        amount = sweep_amount(code, i)
        yoy = f"{'+-'[i % 2]}{sweep_amount('%', i + 3)}"
        gap = f"{'-+'[i % 2]}{sweep_amount('个百分点', i + 5)}"
        stated = [amount, yoy] + ([gap] if i % 3 == 0 else [])
        figure = {
            "measure": {"zh": f"指标*{i}号", "en": f"indicator_{i}|x"},
            "section": list(Section)[i % len(Section)].value,
            "status": list(Status)[i % len(Status)].value,
            "period": PERIODS[i % len(PERIODS)], "amount": amount, "yoy": yoy,
            "quote": "，".join(f"其{n}：{text}" for n, text in enumerate(stated)),
        }  # fmt: skip
        if i % 3 == 0:
            figure["vs_city"] = gap
        if UNITS[code].is_count and i % 2:
            figure["item"] = {"zh": "东西[", "en": "thing <", "en_plural": "things <"}
        figures.append(figure)
    files = []
    for start in range(0, len(figures), 6):
        batch = figures[start : start + 6]
        facts = json.loads(_one_figure())
        facts["sources"] = [
            {"id": f"s{n}", "title": {"zh": f"题{n}*", "en": f"T{n}*"}, "date": "2023-07"}
            for n in range(1, len(batch) + 1)
        ]
        facts["figures"] = [
            {"id": f"f{n}", **{k: v for k, v in f.items() if k != "quote"},
             "sources": [{"source": f"s{n}", "quote": f["quote"]}]}
            for n, f in enumerate(batch, start=1)
        ]  # fmt: skip
        files.append(json.dumps(facts, ensure_ascii=False))
    return files


def test_every_unit_marker_period_and_status_builds_with_its_values(tmp_path: Path) -> None:
    """The sweep is deterministic: whatever Hypothesis happens to draw, every unit code,
    every qualifier marker in each of its places, every period kind, status and section
    is built in both languages (and as DOCX) and read back with its exact values."""
    units, marked, kinds, statuses, sections = set(), set(), set(), set(), set()
    for number, text in enumerate(sweep_files()):
        folder = tmp_path / str(number)
        folder.mkdir()
        facts = load(text, folder)
        for figure in facts.figures:
            for amount in _amounts_of(figure):
                units.add(amount.unit.code)
                marked.add((amount.marker, amount.position.value))
            kinds.add(figure.period.kind)
            statuses.add(figure.status)
            sections.add(figure.section)
        for lang in ("en", "zh"):
            report = reportgen.build(facts, lang=lang, charts=False)
            check_markdown(facts, lang, report.markdown)
            if HAS_DOCX:
                check_docx(facts, lang, report.docx_bytes(folder))
    assert units == set(UNITS)
    assert marked == set(MARKED)
    assert kinds == set(PeriodKind)
    assert statuses == set(Status) and sections == set(Section)


def _amounts_of(figure: Figure) -> list[Amount]:
    found = [figure.amount] if figure.amount else []
    return found + [c.amount for c in (figure.yoy, figure.vs_city) if c is not None]


def _one_figure(**fields: Any) -> str:
    figure = {
        "id": "f1",
        "section": "livelihood",
        "measure": {"zh": "量*", "en": "M*"},
        "amount": "6.1万余户",
        "period": "2023",
        "yoy": "+6.4%",
        "vs_city": "+1.2个百分点",
        "sources": [{"source": "s1", "quote": "6.1万余户，增长6.4%，高于全市1.2个百分点"}],
    }
    return json.dumps(
        {
            "district": {"id": "gen", "name": {"zh": "区*", "en": "D*"},
                         "city": {"zh": "市*", "en": "C*"}},
            "sources": [{"id": "s1", "title": {"zh": "题*", "en": "T*"}, "date": "2023-07"}],
            "figures": [figure | fields],
        },
        ensure_ascii=False,
    )  # fmt: skip


def test_a_briefing_whose_periods_are_all_unknown_builds(tmp_path: Path) -> None:
    facts = load(_one_figure(period="unknown"), tmp_path)
    for lang in ("en", "zh"):
        check_markdown(facts, lang, reportgen.build(facts, lang=lang, charts=False).markdown)


def test_outlook_shows_every_value_of_a_target(tmp_path: Path) -> None:
    facts = load(_one_figure(section="outlook", status="target", period="2024"), tmp_path)
    markdown = reportgen.build(facts, lang="en", charts=False).markdown
    # a target is said in prose: its amount, growth and gap, none left out
    assert "61,000" in markdown and "6.4 percent" in markdown
    assert "1.2 percentage points" in markdown


def test_the_reader_catches_a_wrong_value(tmp_path: Path) -> None:
    text = _one_figure()
    facts = load(text, tmp_path)
    for lang, right, wrong in [("en", "61,000", "61,001"), ("zh", "6.1万", "6.2万")]:
        markdown = reportgen.build(facts, lang=lang, charts=False).markdown
        check_markdown(facts, lang, markdown)
        assert right in markdown
        with pytest.raises(AssertionError, match="not found"):
            check_markdown(facts, lang, markdown.replace(right, wrong))


@pytest.mark.skipif(not HAS_DOCX, reason="the DOCX writer is not there yet")
def test_the_docx_reader_catches_a_wrong_value(tmp_path: Path) -> None:
    facts = load(_one_figure(), tmp_path)
    report = reportgen.build(facts, lang="en", charts=False)
    data = report.docx_bytes(tmp_path)
    check_docx(facts, "en", data)
    other = facts.model_copy(
        update={
            "figures": (facts.figures[0].model_copy(update={"amount": parse_amount("6.2万余户")}),)
        }
    )
    with pytest.raises(AssertionError, match="not found in the en DOCX"):
        check_docx(other, "en", data)


def test_a_series_joined_by_normalized_measure_is_read_under_its_name(tmp_path: Path) -> None:
    """Found by Hypothesis: 'M*(' is one series with 'M*' (brackets set aside), told under
    'M*'; and '(__(' after 年 is shown '（__(' (one bracket full-width). Both read back."""
    facts = json.loads(_one_figure())
    second = facts["figures"][0] | {"id": "f2", "measure": {"zh": "(__(", "en": "M*("}}
    second["period"] = "2022"
    second["sources"] = [{"source": "s2", "quote": second["sources"][0]["quote"]}]
    facts["figures"].append(second)
    facts["sources"].append({"id": "s2", "title": {"zh": "题2*", "en": "T2*"}, "date": "2023-07"})
    loaded = load(json.dumps(facts, ensure_ascii=False), tmp_path)
    assert alike_names(loaded, loaded.figures[1], "en") == {"M*", "M*("}
    for lang in ("en", "zh"):
        check_markdown(loaded, lang, reportgen.build(loaded, lang=lang, charts=False).markdown)
