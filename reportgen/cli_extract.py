"""``reportgen extract``: draft a fact file from a Chinese article."""

from __future__ import annotations

import re
from pathlib import Path

import click

from reportgen.errors import DataError, OptionError, Problem

#: The largest article read, in bytes (a long statistical bulletin is well under 1 MB).
MAX_ARTICLE_BYTES = 8 * 1024 * 1024


@click.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option(
    "--date",
    metavar="YYYY[-MM[-DD]]",
    help="The article's date, for 今年, 去年, 目前 … (default: the latest year it names).",
)
@click.option(
    "--source-id",
    default="s1",
    show_default=True,
    help="The id the draft gives the article (lowercase letters, digits, hyphens).",
)
def extract(article: Path, date: str | None, source_id: str) -> None:
    """Draft a fact file from a Chinese ARTICLE (a UTF-8 text file) and print it as YAML.

    Every statistic becomes a draft figure with its quote cut verbatim from the
    article; check each one, fill the TODOs, then `reportgen validate`.
    Deterministic: no network, no model.
    """
    from reportgen.extract import extract as draft_article
    from reportgen.facts.periods import parse_partial_date

    if date is not None:
        try:
            parse_partial_date(date)
        except ValueError as error:
            raise OptionError(f"--date {date}: {error}") from None
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", source_id):
        raise OptionError(f"--source-id {source_id}: use lowercase letters, digits and hyphens")
    text = read_article(article)
    draft = draft_article(text, date, source_id, article.name)
    click.echo(draft.to_yaml(), nl=False)


def read_article(path: Path) -> str:
    """The text of an article; an unreadable file is a located user error."""

    def fail(message: str, line: int | None = None) -> DataError:
        return DataError(f"{path}: {message}", [Problem(str(path), line, None, message)])

    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            raise fail(f"is larger than {MAX_ARTICLE_BYTES // 2**20} MiB; is it an article?")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except IsADirectoryError:
        raise fail("is a folder, not an article") from None
    except OSError as error:
        raise fail(f"cannot read: {error.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise fail(
            f"not UTF-8 text (byte {error.start}); save the article as UTF-8", line
        ) from None
