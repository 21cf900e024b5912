"""Write a draft as a fact file: valid YAML in the project's format, with ``# TODO`` notes.

Every string is written double-quoted (JSON escapes are valid YAML), so no
article text can change the document's structure. English is left out where the
term base does not know the name; the file still loads, and a build in English
names each missing text.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from reportgen.extract.figures import DraftFigure


def q(text: str) -> str:
    """``text`` as a double-quoted YAML scalar.

    >>> q('他说：“好”')
    '"他说：“好”"'
    >>> q('a"b')
    '"a\\\\"b"'
    """
    return json.dumps(text, ensure_ascii=False)


def figure_yaml(
    figure: DraftFigure, index: int, source_id: str, english: Callable[[str], str | None]
) -> list[str]:
    """The lines of one figure, indented for the ``figures:`` list."""
    lines = [f"  - id: {source_id}-figure-{index:03d}"]
    lines.append(f"    section: {figure.section}  # guessed from the words; check")
    lines.append(
        _text_line("measure", figure.measure, english(figure.measure) if figure.measure else None)
    )
    if figure.amount is not None:
        lines.append(f"    amount: {q(figure.amount)}")
    period_note = "  # TODO: the text states no period" if _assumed(figure) else ""
    lines.append(f"    period: {q(figure.period)}{period_note}")
    if figure.status != "actual":
        lines.append(f"    status: {figure.status}")
    if figure.yoy is not None:
        lines.append(f"    yoy: {q(figure.yoy)}")
    if figure.vs_city is not None:
        lines.append(f"    vs_city: {q(figure.vs_city)}")
    if figure.rank is not None:
        lines.append(f"    rank: {figure.rank}")
    lines.append("    sources:")
    lines.append(f"      - source: {source_id}")
    lines.append(f"        quote: {q(figure.quote)}")
    lines += [
        f"    # note: {note}" for note in figure.notes if not note.startswith("the text states")
    ]
    return lines


def _assumed(figure: DraftFigure) -> bool:
    return any(note.startswith("the text states no period") for note in figure.notes)


def _text_line(key: str, zh: str, en: str | None) -> str:
    """``key: {zh: …, en: …}`` with a TODO where a language is missing."""
    if not zh:
        return f"    {key}: {{}}  # TODO: name the measure (zh and en)"
    if en is None:
        return f"    {key}: {{zh: {q(zh)}}}  # TODO: en"
    return f"    {key}: {{zh: {q(zh)}, en: {q(en)}}}  # en from the term base"


def header_yaml(
    file_name: str,
    source_id: str,
    title: str,
    date: str,
    district: str,
    english: Callable[[str], str | None],
) -> list[str]:
    """The district and sources parts of the draft, with its header comment."""
    en = english(district) if district else None
    district_line = _text_line("name", district, en).replace("    ", "  ", 1)
    if not district:
        district_line = "  name: {}  # TODO: the district's name (zh and en)"
    return [
        f"# Draft facts from {file_name} by `reportgen extract`: check every figure against",
        "# the article, fill each TODO, delete what is not wanted, then run",
        f"# `reportgen validate DRAFT.yaml --sources DIR` (DIR: the folder of {file_name}).",
        "district:",
        "  id: district  # TODO: a short id: lowercase letters, digits, hyphens",
        district_line,
        "  city: {}  # TODO: the city (zh and en)",
        "",
        "sources:",
        f"  - id: {source_id}",
        f"    file: {q(file_name)}",
        _text_line("title", title, None).replace("TODO: en", "TODO: en (the title in English)"),
        f"    date: {q(date)}" + ("" if date.count("-") else "  # TODO: as precise as known"),
        "",
        "figures:",
    ]
