"""Quote checks: every quote is verbatim in its article, and agrees with its figure.

Articles are read only from inside the ``--sources`` folder (their real paths, symlinks
resolved), only when they are regular files, and only up to :data:`MAX_ARTICLE_CHARS`
characters. Quotes and articles are compared after Unicode NFC normalization, white
space aside. A source whose quotes cannot be checked (no ``file``, or a file that
cannot be read) is a problem, so ``validate --sources`` never reports a quote as found
that it did not check.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path as FsPath
from typing import TypeVar

from reportgen.facts.model import Citation, Figure, Source
from reportgen.facts.nearest import closest_window
from reportgen.facts.quote_agreement import check_figure
from reportgen.facts.yamlpos import FileTooLarge, NotRegularFile, Path, read_bounded

__all__ = ["check_numbers_in_quotes", "check_quotes", "nearest_passage", "squeeze"]

T = TypeVar("T")
Indexed = list[tuple[int, T]]

#: The longest article read, in characters (a long news article has about 10,000).
MAX_ARTICLE_CHARS = 1_000_000
#: The largest article file read, in bytes: UTF-8 takes at most 4 bytes a character.
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS

_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """NFC-normalize and remove all white space: articles break lines mid-sentence.

    >>> squeeze("省级\\n\\n“创新型中小企业” 认定")
    '省级“创新型中小企业”认定'
    >>> squeeze("Cafe\\u0301") == "Caf\\u00e9"
    True
    """
    return _SPACE.sub("", unicodedata.normalize("NFC", text))


def nearest_passage(quote: str, text: str) -> str:
    """The passage of ``text`` most like ``quote`` (for 'did you mean' messages).

    >>> nearest_passage("生产总值365.6亿元", "……全区生产总值实现365.5亿元,同比增长6.4%")
    '生产总值实现365.5'
    """
    return closest_window(squeeze(quote), squeeze(text))


def check_quotes(
    sources: Indexed[Source],
    figures: Indexed[Figure],
    sources_dir: FsPath,
    others: Iterable[tuple[Path, Citation]] = (),
) -> list[tuple[Path, str]]:
    """Every quote must appear verbatim (white space aside) in its source's file.

    ``others`` are the (path, citation) pairs of other cited records (statements,
    events …): their quotes are checked verbatim the same way.
    """
    every = [(("figures", i, "sources", c), q) for i, f in figures for c, q in enumerate(f.sources)]
    citations = [*every, *others]
    cited = {citation.source for _, citation in citations}
    texts: dict[str, str] = {}
    problems: list[tuple[Path, str]] = []
    unchecked: list[str] = []
    for index, source in sources:
        if source.file is None:
            if source.id in cited:
                message = "has no file, so its quotes cannot be checked: name its article (file: …)"
                problems.append((("sources", index), message))
                unchecked.append(source.id)
            continue
        text, problem = read_article(sources_dir, source.file)
        if problem is not None:
            problems.append((("sources", index, "file"), problem))
            unchecked += [source.id] if source.id in cited else []
        else:
            texts[source.id] = squeeze(text)
    for path, citation in citations:
        article = texts.get(citation.source)
        if article is not None and (quote := squeeze(citation.quote)) not in article:
            near = closest_window(quote, article)
            message = f"quote not found in its source; nearest passage: '{near}'"
            problems.append(((*path, "quote"), message))
    if unchecked:
        message = f"quotes of {', '.join(unchecked)} not checked: no article to compare them with"
        problems.append((("sources",), message))
    return problems


def read_article(sources_dir: FsPath, name: str) -> tuple[str, str | None]:
    """The text of the article ``name`` in ``sources_dir``, or why it is not read.

    The article's real path (symlinks resolved) must lie inside the folder's; it must
    be a regular file of at most :data:`MAX_ARTICLE_BYTES` bytes and
    :data:`MAX_ARTICLE_CHARS` characters of UTF-8.
    """
    shown = sources_dir / name
    folder = FsPath(os.path.realpath(sources_dir))
    real = FsPath(os.path.realpath(shown))
    if not real.is_relative_to(folder):
        return "", f"{name!r} is outside the --sources folder {sources_dir}"
    cannot = f"cannot read the article {shown}"
    try:
        raw = read_bounded(real, MAX_ARTICLE_BYTES)
    except FileNotFoundError:
        return "", cannot
    except NotRegularFile as refused:
        return "", f"{cannot}: {refused.reason}, not a file"
    except FileTooLarge as refused:
        return (
            "",
            f"{cannot}: {refused.reason}; an article has at most {MAX_ARTICLE_CHARS:,} characters",
        )
    except OSError as error:
        return "", f"{cannot}: {error.strerror}"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return "", f"{cannot}: not UTF-8 text (byte {error.start})"
    if len(text) > MAX_ARTICLE_CHARS:
        return "", f"{cannot}: has {len(text):,} characters; at most {MAX_ARTICLE_CHARS:,}"
    return text, None


def check_numbers_in_quotes(figures: Indexed[Figure]) -> Iterator[tuple[Path, str]]:
    """Each number a figure states must be in one of its quotes and agree with it there:
    the scale word, the unit, the qualifier, and a change's direction."""
    for index, figure in figures:
        for field, message in check_figure(figure):
            yield ("figures", index, field), message
