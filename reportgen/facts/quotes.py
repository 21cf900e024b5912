"""Quote checks: every quote is verbatim in its article, and states its figure's numbers."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import TypeVar

from reportgen.facts.amounts import Amount
from reportgen.facts.model import Figure, Source
from reportgen.facts.yamlpos import Path

T = TypeVar("T")
Indexed = list[tuple[int, T]]

_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Remove all white space: articles break lines mid-sentence.

    >>> squeeze("省级\\n\\n“创新型中小企业” 认定")
    '省级“创新型中小企业”认定'
    """
    return _SPACE.sub("", text)


def nearest_passage(quote: str, text: str) -> str:
    """The passage of ``text`` most like ``quote`` (for 'did you mean' messages).

    >>> nearest_passage("生产总值365.6亿元", "……全区生产总值实现365.5亿元,同比增长6.4%")
    '生产总值实现365.5'
    """
    quote, text = squeeze(quote), squeeze(text)
    width = len(quote)
    best, best_ratio = "", -1.0
    step = max(1, width // 4)
    for start in range(0, max(1, len(text) - width + 1), step):
        window = text[start : start + width]
        ratio = difflib.SequenceMatcher(None, quote, window, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = window, ratio
    return best


def check_quotes(
    sources: Indexed[Source], figures: Indexed[Figure], sources_dir: FsPath
) -> list[tuple[Path, str]]:
    """Every quote must appear verbatim (white space aside) in its source's file."""
    texts: dict[str, str] = {}
    problems: list[tuple[Path, str]] = []
    for index, source in sources:
        if source.file is None:
            continue
        path = sources_dir / source.file
        try:
            texts[source.id] = squeeze(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            problems.append((("sources", index, "file"), f"cannot read the article {path}"))
    for index, figure in figures:
        for c, citation in enumerate(figure.sources):
            text = texts.get(citation.source)
            if text is not None and squeeze(citation.quote) not in text:
                near = nearest_passage(citation.quote, text)
                problems.append(
                    (
                        ("figures", index, "sources", c, "quote"),
                        f"quote not found in its source; nearest passage: '{near}'",
                    )
                )
    return problems


def numbers_as_written(figure: Figure) -> list[tuple[str, str]]:
    """(field, number text) for each number the figure states."""
    found: list[tuple[str, str]] = []
    if figure.amount is not None:
        found.append(("amount", _written(figure.amount)))
    if figure.yoy is not None:
        found.append(("yoy", _written(figure.yoy.amount)))
    if figure.vs_city is not None:
        found.append(("vs_city", _written(figure.vs_city.amount)))
    return found


def _written(amount: Amount) -> str:
    return amount.numeral or format(amount.value, "f")


def check_numbers_in_quotes(figures: Indexed[Figure]) -> Iterator[tuple[Path, str]]:
    """Each number a figure states must appear in at least one of its quotes."""
    for index, figure in figures:
        quotes = [squeeze(c.quote) for c in figure.sources]
        for field, number in numbers_as_written(figure):
            if not any(_contains_number(q, number) for q in quotes):
                yield ("figures", index, field), f"the number {number} is not in the figure's quote"


def _contains_number(quote: str, number: str) -> bool:
    """True when ``number`` appears in ``quote`` not as part of a longer number."""
    pattern = rf"(?<![0-9.]){re.escape(number)}(?![0-9]|\.[0-9])"
    return re.search(pattern, quote) is not None
