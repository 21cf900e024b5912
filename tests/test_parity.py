"""Every figure, both languages: each figure of the dataset reaches the English and the
Chinese briefing — in the body's prose (a paragraph or key point that cites its sources
and names its period) or in a table row (Table 1 or the annex, whose source column
names its sources) — with the same exact value and dimension.

The briefings are read back as a reader would: Markdown paragraphs and table rows,
amounts read with the formatting layer's parser (value × scale in the base unit), and
in English a bare number after "numbered" read as the count it is. A figure whose
``doubtful`` field says the source misprints it is in neither document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest

import reportgen
from reportgen.facts.model import Figure
from reportgen.facts.periods import Period, PeriodKind
from reportgen.facts.units import Dimension
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.parse import find_amounts
from reportgen.i18n.realize.words import as_of_kind
from reportgen.resources import default_facts_path

CITE = re.compile(r"\[\^([a-z0-9.-]+)\]")  # one mark may name several sources: a1.a4
CELL_SPLIT = re.compile(r"(?<!\\)\|")
BARE = re.compile(r"(?<![\w.,+−-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?: (million|billion))?(?![\w%])")
SCALE = {None: 1, "million": 10**6, "billion": 10**9}

Value = tuple[Decimal, Dimension]


@dataclass
class Place:
    """A paragraph or table row of a briefing, as a reader sees it."""

    text: str
    values: set[Value]
    sources: set[str]  # source ids (prose) or numbers (rows)


def read_values(text: str, lang: str, nouns: list[str]) -> set[Value]:
    found = {
        (abs(f.value), f.dimension)
        for f in find_amounts(text, lang, nouns=nouns, numerals=(lang == "zh"))
    }
    if lang == "en":
        for m in BARE.finditer(text):
            number = Decimal((m[1] + (m[2] or "")).replace(",", "")) * SCALE[m[3]]
            found.add((number, Dimension.COUNT))
    return found


def read_places(markdown: str, lang: str, nouns: list[str]) -> tuple[list[Place], list[Place]]:
    """(prose places, table rows) of a briefing; the source list and footnotes left out."""
    prose: list[Place] = []
    rows: list[Place] = []
    end = re.search(r"^## (Sources|资料来源)", markdown, re.M)
    for line in markdown[: end.start() if end else None].splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = [c.strip() for c in CELL_SPLIT.split(line.strip().strip("|"))]
            numbers = set(re.split(r"[,、]\s*", cells[-1]))
            values: set[Value] = set()
            for cell in cells[1:-1]:
                values |= read_values(cell.replace("+", "").replace("−", ""), lang, nouns)
            rows.append(Place(" ".join(cells), values, numbers))
        elif line and not line.startswith(("#", "!", "[^", "**", "<!--")):
            text = CITE.sub("", line)
            cited = {part for mark in CITE.findall(line) for part in mark.split(".")}
            prose.append(Place(text, read_values(text, lang, nouns), cited))
    return prose, rows


def expected_values(figure: Figure) -> set[Value]:
    values: set[Value] = set()
    if figure.amount is not None:
        values.add((figure.amount.base_value, figure.amount.unit.dimension))
    if figure.yoy is not None:
        values.add((figure.yoy.amount.base_value, Dimension.PERCENT))
    if figure.vs_city is not None:
        values.add((figure.vs_city.amount.base_value, Dimension.PERCENTAGE_POINTS))
    return values


def matches(want: set[Value], found: set[Value]) -> bool:
    """Every wanted value is read (a count may also be read as a bare number)."""
    return all(v in found or (v[0], Dimension.COUNT) in found for v in want)


@pytest.fixture(scope="module")
def facts() -> reportgen.DistrictFacts:
    return reportgen.load_facts(default_facts_path())


def period_forms(formatter: Formatter, p: Period, period: str) -> list[str]:
    """The ways prose says a period (reportgen/i18n/realize/words.py, refer.periods_once): as
    the formatter writes it; a stock as of December at the year's end (2023年末, 'the end
    of 2023'); the year left out once a paragraph has said it (上半年, 截至5月, 年末); a
    year after a part of it as the full year (全年, 'the full year')."""
    if not period:
        return [""]
    forms = [period]
    kind = as_of_kind(p)
    year = str(p.as_of.year if p.as_of is not None else p.year)
    if kind == "year_end":
        forms += [f"{year}年末", "年末", f"the end of {year}"]
    if kind == "year":
        forms.append(formatter.period(Period(PeriodKind.YEAR, year=int(year))))
    if p.kind is PeriodKind.YEAR:
        forms += ["全年", "the full year"]
    forms += [f.replace(f"{year}年", "") for f in forms if f.replace(f"{year}年", "")]
    return forms


def missing_figures(facts: reportgen.DistrictFacts, lang: str, markdown: str) -> list[str]:
    nouns = sorted(
        {n for f in facts.figures if f.item for n in (f.item.en, f.item.en_plural) if n},
        key=len, reverse=True,
    )  # fmt: skip
    prose, rows = read_places(markdown, lang, nouns)
    formatter = Formatter(lang, city=facts.district.city)
    numbers = {s.id: str(n) for n, s in enumerate(facts.sources, start=1)}
    missing: list[str] = []
    # a finding's words say when (its {id:period} part is optional): no period is sought
    in_findings = {f for finding in facts.findings for f in finding.figures}
    for figure in facts.figures:
        if figure.doubtful is not None:
            continue
        cites = {c.source for c in figure.sources}
        want = expected_values(figure)
        period = formatter.period(figure.period) if figure.period.stated else ""
        period = "" if figure.id in in_findings else period
        forms = period_forms(formatter, figure.period, period)
        in_prose = [
            p
            for p in prose
            if cites <= p.sources
            and any(form.lower() in p.text.lower() for form in forms)
            and matches(want, p.values)
        ]
        in_rows = [
            r for r in rows if {numbers[c] for c in cites} <= r.sources and matches(want, r.values)
        ]
        if not in_prose and not in_rows:
            missing.append(f"{figure.id}: {sorted(want)} ({period}) not found")
    return missing


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_figure_reaches_the_briefing_with_exact_values(
    facts: reportgen.DistrictFacts, lang: str
) -> None:
    markdown = reportgen.build(facts, lang=lang, charts=False).markdown
    missing = missing_figures(facts, lang, markdown)
    assert not missing, f"{len(missing)} figure(s) missing in {lang}:\n" + "\n".join(missing)


def test_the_doubtful_figure_is_stated_nowhere(facts: reportgen.DistrictFacts) -> None:
    doubtful = [f for f in facts.figures if f.doubtful is not None]
    for lang in ("en", "zh"):
        markdown = reportgen.build(facts, lang=lang, charts=False).markdown
        for f in doubtful:
            assert f.measure.get(lang) not in markdown


@pytest.mark.parametrize(
    ("lang", "right", "wrong"),
    [("en", "36.55 billion", "36.56 billion"), ("zh", "365.5亿元", "365.6亿元")],
)
def test_the_reader_catches_a_wrong_value(
    facts: reportgen.DistrictFacts, lang: str, right: str, wrong: str
) -> None:
    """The reading can fail: a briefing whose GDP was altered no longer matches."""
    markdown = reportgen.build(facts, lang=lang, charts=False).markdown
    assert right in markdown
    missing = missing_figures(facts, lang, markdown.replace(right, wrong))
    assert any(m.startswith("gdp-2023h1") for m in missing)
