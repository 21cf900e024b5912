"""Every figure, both languages: each figure of the dataset is found in its section of the
English and of the Chinese briefing, with the same exact value, dimension and period.

The briefings are read back as a reader would: list items and table rows are
parsed, their amounts read with the formatting layer's parser (value × scale in
the base unit), and matched against the dataset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest

import reportgen
from reportgen.facts.model import Figure
from reportgen.facts.units import Dimension
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.parse import find_amounts, parse_rendered
from reportgen.resources import default_facts_path

# The briefing section (## heading) each data section belongs to in the default templates.
SECTION_HEADINGS = {
    "en": {
        "overview": "Economic overview", "industry": "Economic overview",
        "projects": "Projects and investment", "investment": "Projects and investment",
        "innovation": "Innovation, talent and digital transformation",
        "consumption": "Consumption, tourism and exhibitions",
        "livelihood": "Livelihood and the urban environment",
        "business_environment": "Business environment and governance",
        "governance": "Business environment and governance", "outlook": "Outlook",
    },
    "zh": {
        "overview": "经济运行概况", "industry": "经济运行概况",
        "projects": "项目建设与招商引资", "investment": "项目建设与招商引资",
        "innovation": "科技创新、人才与数字化转型", "consumption": "消费、文旅与会展",
        "livelihood": "民生保障与城市品质", "business_environment": "营商环境与基层治理",
        "governance": "营商环境与基层治理", "outlook": "发展目标",
    },
}  # fmt: skip
BULLET = {
    "en": re.compile(r"^- \*\*(?P<measure>.+?)\*\* \((?P<when>[^)]*)\): (?P<rest>.*)$"),
    "zh": re.compile(r"^- \*\*(?P<measure>.+?)\*\*（(?P<when>[^）]*)）：(?P<rest>.*)$"),
}
NOTE = {"en": " *Note:", "zh": "*注："}
CITE = re.compile(r"\[\^([a-z0-9-]+)\]")
CELL_SPLIT = re.compile(r"(?<!\\)\|")
TRAILING_WHEN = re.compile(r"[（(]([^()（）]*)[)）](?:\[\^[a-z0-9-]+\])*\s*$")

Value = tuple[Decimal, Dimension]


@dataclass
class Record:
    """One list item or table row of a briefing, as a reader sees it."""

    section: str
    when: str
    values: list[Value]
    cites: set[str]


def amounts(text: str, lang: str, nouns: list[str]) -> list[Value]:
    found = find_amounts(text, lang, nouns=nouns, numerals=(lang == "zh"))
    return [(abs(f.value), f.dimension) for f in found]


def cell_value(cell: str, lang: str, label: str | None, nouns: list[str]) -> list[Value]:
    cell = cell.strip()
    if cell in ("", "–"):
        return []
    if lang == "zh" or label is None:
        found = amounts(cell, lang, nouns)
        if found or lang == "zh":
            return found
    value, dimension = parse_rendered(cell, lang, unit_label=label)
    return [(abs(value), dimension)]


def read_records(markdown: str, lang: str, nouns: list[str]) -> list[Record]:
    records: list[Record] = []
    section = ""
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        is_header = index + 1 < len(lines) and lines[index + 1].startswith("| ---")
        if line.startswith("## "):
            section = line[3:].strip()
        elif match := BULLET[lang].match(line):
            rest = match["rest"].split(NOTE[lang])[0]
            records.append(
                Record(section, match["when"], amounts(rest, lang, nouns), set(CITE.findall(line)))
            )
        elif line.startswith("| ") and not line.startswith("| ---") and not is_header:
            records.append(read_row(section, line, lang, nouns))
    return records


def read_row(section: str, line: str, lang: str, nouns: list[str]) -> Record:
    cells = [c.strip() for c in CELL_SPLIT.split(line.strip().strip("|"))]
    cites = set(CITE.findall(line))
    if len(cells) == 6:  # indicator | period | value | yoy | vs city | rank
        label_match = re.search(r"\(([^()]*)\)(?:\[\^|$)", cells[0])
        label = label_match[1] if label_match and lang == "en" else None
        if label is None and lang == "en" and re.fullmatch(r"[^\d]*[\d,.]+", cells[2]):
            label = "items"  # a bare count: the row's measure names what is counted
        values = cell_value(cells[2], lang, label, nouns) + cell_value(cells[3], lang, None, nouns)
        return Record(section, cells[1], values, cites)
    target = cells[1]  # outlook: indicator | target (when) | latest result (when)
    when = TRAILING_WHEN.search(target)
    return Record(section, when[1] if when else "", amounts(target, lang, nouns), cites)


def expected_values(figure: Figure) -> list[Value]:
    values: list[Value] = []
    if figure.amount is not None:
        values.append((figure.amount.base_value, figure.amount.unit.dimension))
    if figure.yoy is not None:
        values.append((figure.yoy.amount.base_value, Dimension.PERCENT))
    return values


@pytest.fixture(scope="module")
def facts() -> reportgen.DistrictFacts:
    return reportgen.load_facts(default_facts_path())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_figure_is_in_its_section_with_exact_value_and_period(
    facts: reportgen.DistrictFacts, lang: str
) -> None:
    markdown = reportgen.build(facts, lang=lang, charts=False).markdown
    nouns = sorted(
        {n for f in facts.figures if f.item for n in (f.item.en, f.item.en_plural) if n},
        key=len, reverse=True,
    )  # fmt: skip
    records = read_records(markdown, lang, nouns)
    formatter = Formatter(lang, city=facts.district.city)
    missing: list[str] = []
    for figure in facts.figures:
        heading = SECTION_HEADINGS[lang][figure.section.value]
        period = (
            formatter.period(figure.period, "table")
            if figure.period.kind.value != "unknown"
            else ""
        )
        cites = {c.source for c in figure.sources}
        want = expected_values(figure)
        found = [
            r for r in records
            if r.section == heading and cites <= r.cites and r.when.startswith(period)
            and all(v in r.values for v in want)
        ]  # fmt: skip
        if not found:
            missing.append(f"{figure.id}: {want} ({period}) not found under '{heading}'")
    assert not missing, f"{len(missing)} figure(s) missing in {lang}:\n" + "\n".join(missing)


def test_the_reader_catches_a_wrong_value(facts: reportgen.DistrictFacts) -> None:
    """The extraction can fail: a briefing whose GDP was altered no longer matches."""
    markdown = reportgen.build(facts, lang="en", charts=False).markdown
    altered = markdown.replace("36.55 billion", "36.56 billion")
    records = read_records(altered, "en", [])
    gdp = (Decimal("36550000000"), Dimension.MONEY)
    assert not any(gdp in r.values for r in records if r.section == "Economic overview")
    assert any(gdp in r.values for r in read_records(markdown, "en", []))
