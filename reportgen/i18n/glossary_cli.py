"""``reportgen glossary``: the term base on the command line.

``reportgen glossary check [FILE]`` checks a fact file's names (default: the
packaged dataset) against data/glossary.yaml: exit 1 listing every problem as
``file:line:col: …``, 0 with a summary. ``reportgen glossary show TERM`` prints a term.
The lead's ``cli.py`` adds the group: ``main.add_command(glossary)``.
"""

from __future__ import annotations

from pathlib import Path

import click

from reportgen.errors import ReportgenError
from reportgen.i18n.glossary import Glossary, load_glossary
from reportgen.i18n.glossary_check import check_file
from reportgen.resources import data_dir, default_facts_path

_GLOSSARY = click.option(
    "--glossary",
    "glossary_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Term base to check against (default: the packaged data/glossary.yaml).",
)


def default_glossary_path() -> Path:
    """The packaged term base."""
    return data_dir() / "glossary.yaml"


@click.group()
def glossary() -> None:
    """The term base: Chinese names and their English renderings."""


@glossary.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@_GLOSSARY
@click.pass_context
def check(ctx: click.Context, file: Path | None, glossary_path: Path | None) -> None:
    """Check the names in FILE (default: the packaged dataset) against the term base.

    Reports a name whose English differs from the term base, a Chinese name
    rendered two ways, and a name without English; exit 1 when any is found.
    """
    try:
        terms = _load(glossary_path)
        result = check_file(file or default_facts_path(), terms)
    except ReportgenError as error:
        for line in error.lines():
            click.echo(line, err=True)
        ctx.exit(error.exit_code)
    for problem in result.problems:
        click.echo(str(problem))
    if result.problems:
        click.echo(f"{len(result.problems)} problem(s) with names in {result.file}", err=True)
        ctx.exit(1)
    click.echo(result.summary(terms))


@glossary.command()
@click.argument("term")
@_GLOSSARY
@click.pass_context
def show(ctx: click.Context, term: str, glossary_path: Path | None) -> None:
    """Print the term base's entry for the Chinese TERM (exit 1 when there is none)."""
    try:
        found = _load(glossary_path).lookup(term)
    except ReportgenError as error:
        for line in error.lines():
            click.echo(line, err=True)
        ctx.exit(error.exit_code)
    if found is None:
        click.echo(f"'{term}' is not in the term base", err=True)
        ctx.exit(1)
    click.echo(f"{found.zh} → {found.en} ({found.kind}, {found.basis})")
    lines = [
        ("also written", " / ".join(found.zh_variants)),
        ("also accepted", " / ".join(found.en_variants)),
        ("note", found.note),
        ("source", found.source),
    ]
    for label, text in lines:
        if text:
            click.echo(f"  {label}: {text}")


def _load(path: Path | None) -> Glossary:
    return load_glossary(path or default_glossary_path())
