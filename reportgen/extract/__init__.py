"""Draft a fact file from a Chinese article: deterministic, no network, no model.

Every statistical statement becomes a draft figure: its amount read by the loader's
own number reader, its change, gap to the city and rank, its qualifier and status,
its period resolved against the article's date, a measure name and a section
guessed from the words around it, and a quote cut verbatim from the article at
clause boundaries. English is taken from the term base where the name is known and
left as a ``# TODO`` otherwise.

>>> draft = extract("全区生产总值实现365.5亿元，同比增长6.4%。", date="2023-07")
>>> [(f.measure, f.amount, f.yoy, f.period) for f in draft.figures]
[('生产总值', '365.5亿元', '+6.4%', 'as of 2023-07')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reportgen.extract.figures import DraftFigure, draft_figures
from reportgen.extract.tables import table_figures
from reportgen.extract.timing import Clock
from reportgen.extract.wording import guess_district
from reportgen.extract.yamlout import figure_yaml, header_yaml
from reportgen.facts.periods import PartialDate, parse_partial_date

if TYPE_CHECKING:
    from reportgen.i18n.glossary import Glossary

#: The largest article read, in characters (a long statistical bulletin is ~100,000).
MAX_ARTICLE = 2_000_000


@dataclass(frozen=True)
class Draft:
    """A drafted fact file: what was read from one article."""

    source_id: str
    file_name: str
    title: str
    date: str
    district: str
    figures: tuple[DraftFigure, ...]

    def to_yaml(self, english: Callable[[str], str | None] | None = None) -> str:
        """The draft as a fact file (YAML with ``# TODO`` comments)."""
        english = english or term_base_english
        lines = header_yaml(
            self.file_name, self.source_id, self.title, self.date, self.district, english
        )
        for index, figure in enumerate(self.figures, 1):
            lines += figure_yaml(figure, index, self.source_id, english)
        if not self.figures:
            lines[-1] = "figures: []  # TODO: no statistic was found; add at least one figure"
        return "\n".join(lines) + "\n"


def extract(
    text: str, date: str | None = None, source_id: str = "s1", file_name: str = "article.txt"
) -> Draft:
    """Draft figures from an article's ``text``; ``date`` is YYYY, YYYY-MM or YYYY-MM-DD.

    Without a date, the latest year the article names is assumed (and marked TODO).
    """
    if len(text) > MAX_ARTICLE:
        raise ValueError(f"the article has {len(text):,} characters; at most {MAX_ARTICLE:,}")
    parsed = parse_partial_date(date) if date else None
    district = guess_district(text)
    figures = draft_figures(text, parsed, district) + table_figures(text, parsed)
    figures.sort(key=lambda f: (f.line, f.quote_start))
    shown = date or str(Clock.for_article(text, None).date)
    return Draft(source_id, file_name, _title(text), shown, district, tuple(figures))


def _title(text: str) -> str:
    """The article's title: its first Markdown heading, or its first short line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("# "):
            return line[2:].strip()
    for line in lines[:10]:
        if len(line) <= 80 and not re.search(r"[。！？]|^(?:记者|文/|来源|编辑|通讯员)", line):
            return line.lstrip("#").strip()
    return ""


def term_base_english(zh: str) -> str | None:
    """The English of a Chinese name in the packaged term base, or None."""
    term = _glossary().lookup(zh)
    return None if term is None else term.en


@lru_cache(maxsize=1)
def _glossary() -> Glossary:
    from reportgen.i18n.glossary import load_glossary
    from reportgen.resources import data_dir

    return load_glossary(data_dir() / "glossary.yaml")


__all__ = ["Draft", "DraftFigure", "PartialDate", "extract"]
