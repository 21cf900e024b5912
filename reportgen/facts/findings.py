"""The load checks of findings: every number in an analyst's sentence is a sourced figure.

A finding (:class:`~reportgen.facts.qualitative.Finding`) is checked across records, each
problem located at the offending text (``findings[i].text.zh``) or list item:

1. every placeholder names an existing figure and a part that figure has;
2. zh and en both name the same figures, in any order (parts may differ);
3. a figure is in at most one finding, and a doubtful figure or one tagged ``annex`` (the
   annex only) in none;
4. every part a figure has (amount, yoy, rank, vs_city) is said in each language;
5. a number typed outside placeholders is a year (1900–2100) or, in Chinese, a number of
   a quote of the finding's own sources, its figures' or its covered records'; in
   English, a number of the Chinese text outside placeholders;
6. ``covers`` names statements, events, policies or people, each covered once.

Section, topic, period and tags are checked like a figure's (the model, the topic table).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from reportgen.facts.model import Figure
from reportgen.facts.placeholders import Placeholder, literal, placeholders
from reportgen.facts.qualitative import Finding
from reportgen.facts.yamlpos import Path

#: The lists whose records a finding may cover.
COVERABLE = ("statements", "events", "policies", "people")
#: Every other list with ids, for the message when ``covers`` names one of them.
_OTHER_KINDS = {"figures": "a figure", "findings": "a finding", "entities": "an entity",
                "sources": "a source"}  # fmt: skip
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_PART_WORDS = {"amount": "amount", "yoy": "yoy change", "rank": "city rank",
               "vs_city": "gap to the city"}  # fmt: skip

Groups = Mapping[str, Iterable[tuple[int, Any]]]


def numbers(text: str) -> list[str]:
    """The runs of digits of ``text`` (full-width digits read as ASCII), decimals whole.

    >>> numbers("2023年，183个，2.2万家；１２个")
    ['2023', '183', '2.2', '12']
    """
    return _NUMBER.findall(unicodedata.normalize("NFKC", text))


def is_year(number: str) -> bool:
    """Whether a run of digits reads as a year (1900–2100)."""
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100


def finding_problems(groups: Groups, data: Mapping[str, Any]) -> list[tuple[Path, str]]:
    """Every problem of the valid findings in ``groups`` (checks 1–6 of the module text);
    ``data`` is the file's plain content, for the ids written in records that failed."""
    findings: list[tuple[int, Finding]] = list(groups.get("findings", ()))
    if not findings:
        return []
    figures: dict[str, Figure] = {f.id: f for _, f in groups.get("figures", ())}
    written = {name: _written_ids(data.get(name)) for name in (*COVERABLE, *_OTHER_KINDS)}
    records = {r.id: r for name in COVERABLE for _, r in groups.get(name, ())}
    found: list[tuple[Path, str]] = []
    stated: dict[str, str] = {}  # figure id → the finding that states it
    covered: dict[str, str] = {}  # record id → the finding that covers it
    for index, finding in findings:
        at: Path = ("findings", index)
        found += [((*at, "text", lang), m) for lang, m in finding.text_problems()]
        for lang in ("zh", "en"):
            text = getattr(finding.text, lang)
            where: Path = (*at, "text", lang)
            found += [(where, m) for m in _placeholder_problems(text, figures, written)]
            found += [(where, m) for m in _incomplete(text, figures)]
        found += [((*at, "text", "zh"), m) for m in _shared(finding, figures, stated)]
        quotes = _quote_numbers(finding, figures, records)
        found += [((*at, "text", "zh"), m) for m in _typed_zh(finding, quotes)]
        found += [((*at, "text", "en"), m) for m in _typed_en(finding)]
        found += [((*at, "covers", j), m) for j, m in _covers(finding, written, covered)]
    return found


def _written_ids(items: Any) -> set[str]:
    """The ids written in a list of records, valid or not."""
    if not isinstance(items, list):
        return set()
    return {r["id"] for r in items if isinstance(r, dict) and isinstance(r.get("id"), str)}


def _placeholder_problems(
    text: str, figures: Mapping[str, Figure], written: Mapping[str, set[str]]
) -> Iterator[str]:
    """Check 1: each placeholder names a figure written in the file, and a part it has."""
    for p in placeholders(text):
        if p.figure not in written["figures"]:
            close = difflib.get_close_matches(p.figure, sorted(written["figures"]), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            yield f"{p} names no figure: unknown figure '{p.figure}'{hint}"
            continue
        figure = figures.get(p.figure)
        if figure is not None and (missing := _lacks(figure, p)) is not None:
            yield f"{p}: figure '{p.figure}' has no {missing}"


def _lacks(figure: Figure, p: Placeholder) -> str | None:
    """What the figure lacks that the placeholder asks for (None: it has it)."""
    if p.part == "yoy" and figure.yoy is None:
        return "yoy change"
    if p.part == "rank" and figure.rank is None:
        return "rank"
    if p.part == "vs_city" and figure.vs_city is None:
        return "gap to the city (vs_city)"
    if p.part == "period" and not figure.period.stated:
        return "stated period"
    return None


def _parts(figure: Figure) -> set[str]:
    """The parts a figure has, each of which a finding must say."""
    has = {"amount"} if figure.amount is not None else set()
    has |= {"yoy"} if figure.yoy is not None else set()
    has |= {"rank"} if figure.rank is not None else set()
    return has | ({"vs_city"} if figure.vs_city is not None else set())


def _said(figure: Figure, parts: Iterable[str]) -> set[str]:
    """The parts the placeholders say: '' and 'bare' say the amount (or, for a figure
    with no amount, the growth rate)."""
    said = set()
    for part in parts:
        if part in ("", "bare"):
            said.add("amount" if figure.amount is not None else "yoy")
        elif part in _PART_WORDS:
            said.add(part)
    return said


def _incomplete(text: str, figures: Mapping[str, Figure]) -> Iterator[str]:
    """Check 4: every part a figure has is said (the period may be left to the words)."""
    by_figure: dict[str, list[str]] = {}
    for p in placeholders(text):
        by_figure.setdefault(p.figure, []).append(p.part)
    for figure_id, parts in by_figure.items():
        figure = figures.get(figure_id)
        if figure is None:
            continue
        for missing in sorted(_parts(figure) - _said(figure, parts)):
            part = "" if missing == "amount" else f":{missing}"
            yield (
                f"says figure '{figure_id}' without its {_PART_WORDS[missing]}: a finding "
                f"states every part of its figures; add {{{figure_id}{part}}}"
            )


def _shared(finding: Finding, figures: Mapping[str, Figure], stated: dict[str, str]) -> list[str]:
    """Check 3: a figure in one finding only; a doubtful or ``annex``-tagged figure in none."""
    found = []
    for figure_id in finding.figures:
        figure = figures.get(figure_id)
        if figure is not None and figure.doubtful is not None:
            found.append(f"figure '{figure_id}' is doubtful: a doubtful figure is never stated")
        if figure is not None and "annex" in figure.tags:
            found.append(
                f"figure '{figure_id}' is tagged annex: a finding states it in the body; "
                "drop the tag or the placeholder"
            )
        if figure_id in stated:
            found.append(
                f"figure '{figure_id}' is already stated by finding '{stated[figure_id]}': "
                "a figure is said in one finding only"
            )
        stated.setdefault(figure_id, finding.id)
    return found


def _quote_numbers(
    finding: Finding, figures: Mapping[str, Figure], records: Mapping[str, Any]
) -> set[str]:
    """The numbers of every quote a Chinese finding may repeat (check 5)."""
    cited = list(finding.sources)
    cited += [c for f in finding.figures if f in figures for c in figures[f].sources]
    cited += [c for r in finding.covers if r in records for c in records[r].sources]
    return {n for c in cited for n in numbers(c.quote)}


def _typed_zh(finding: Finding, quoted: set[str]) -> Iterator[str]:
    for n in dict.fromkeys(numbers(literal(finding.text.zh))):
        if not is_year(n) and n not in quoted:
            yield (
                f"the number {n} is typed, and no quote of the finding, its figures or its "
                "covered records states it: write a figure's number as {figure-id}"
            )


def _typed_en(finding: Finding) -> Iterator[str]:
    chinese = set(numbers(literal(finding.text.zh)))
    for n in dict.fromkeys(numbers(literal(finding.text.en))):
        if not is_year(n) and n not in chinese:
            yield (
                f"the number {n} is typed, and the Chinese text does not type it: write a "
                "figure's number as {figure-id}"
            )


def _covers(
    finding: Finding, written: Mapping[str, set[str]], covered: dict[str, str]
) -> Iterator[tuple[int, str]]:
    """Check 6: covered ids are statements, events, policies or people, covered once."""
    for j, record_id in enumerate(finding.covers):
        if not any(record_id in written[name] for name in COVERABLE):
            kind = next((k for n, k in _OTHER_KINDS.items() if record_id in written[n]), None)
            what = f"'{record_id}' is {kind}" if kind else f"unknown record '{record_id}'"
            yield j, f"{what}: a finding covers statements, events, policies or people"
        elif record_id in covered:
            yield j, f"'{record_id}' is already covered by finding '{covered[record_id]}'"
        covered.setdefault(record_id, finding.id)
