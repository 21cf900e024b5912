"""Split an article into lines, sentences and clauses, keeping every piece verbatim.

A *line* is a paragraph (articles put one paragraph on a line) or a table row; a
*sentence* ends at 。！？ (or the line's end); a *segment* at ；; a *clause* at
，、：. Each piece keeps its offset in the line, so a quote cut from clause
boundaries is a verbatim substring of the article.

>>> s = split_sentences("全区生产总值实现365.5亿元，同比增长6.4%；固定资产投资同比增长20.5%。")[0]
>>> [c.text for c in s.clauses]
['全区生产总值实现365.5亿元', '同比增长6.4%', '固定资产投资同比增长20.5%']
>>> [c.segment for c in s.clauses]
[0, 0, 1]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Ends a sentence.
SENTENCE_END = "。！？!?"
#: Ends a segment of a sentence (a list item in an enumeration of results).
SEGMENT_END = "；;"
#: Ends a clause.
CLAUSE_END = "，,、：:"
_SPLIT = re.compile(f"[{SENTENCE_END}{SEGMENT_END}{CLAUSE_END}]|……|…")


@dataclass(frozen=True)
class Clause:
    """A clause: its text and where it stands in its line."""

    text: str
    start: int
    end: int
    segment: int


@dataclass(frozen=True)
class Sentence:
    """A sentence of a line, split into clauses."""

    text: str
    start: int
    clauses: tuple[Clause, ...]


def split_lines(text: str) -> list[str]:
    """The non-blank lines of an article, stripped of surrounding white space.

    >>> split_lines("标题\\n\\n  正文。 \\n")
    ['标题', '正文。']
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


def split_sentences(line: str) -> list[Sentence]:
    """The sentences of one line, each with its clauses (offsets into ``line``)."""
    sentences: list[Sentence] = []
    clauses: list[Clause] = []
    start = clause_start = segment = 0
    for match in _SPLIT.finditer(line):
        mark = match.group()
        _add_clause(clauses, line, clause_start, match.start(), segment)
        clause_start = match.end()
        if mark in SEGMENT_END:
            segment += 1
        if mark in SENTENCE_END:
            sentences.append(Sentence(line[start : match.end()], start, tuple(clauses)))
            clauses, start, segment = [], match.end(), 0
    _add_clause(clauses, line, clause_start, len(line), segment)
    if clauses:
        sentences.append(Sentence(line[start:], start, tuple(clauses)))
    return sentences


def _add_clause(clauses: list[Clause], line: str, start: int, end: int, segment: int) -> None:
    """Add the clause ``line[start:end]`` unless it is empty (white space trimmed)."""
    text = line[start:end]
    stripped = text.strip()
    if not stripped:
        return
    start += len(text) - len(text.lstrip())
    clauses.append(Clause(stripped, start, start + len(stripped), segment))
