"""The ``reportgen`` command: parse options, call the API, print results.

User errors print ``file:line:col: message`` lines on stderr and exit 2.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import click

from reportgen.errors import ReportgenError


class _Group(click.Group):
    """A click group that turns :class:`ReportgenError` into exit status 2, no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ReportgenError as error:
            for line in error.lines():
                click.echo(f"error: {line}" if not error.problems else line, err=True)
            ctx.exit(error.exit_code)


@click.group(cls=_Group)
@click.version_option(package_name="reportgen")
def main() -> None:
    """Bilingual district briefings from sourced facts."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--sources",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of source article texts: check every quote verbatim.",
)
def validate(files: tuple[Path, ...], sources: Path | None) -> None:
    """Check fact FILES (default: the packaged dataset); exit 2 listing every problem."""
    from reportgen.errors import DataError, Problem
    from reportgen.facts import load_facts
    from reportgen.resources import default_facts_path

    if sources is not None and not sources.is_dir():
        raise click.BadParameter(f"{sources} is not a folder", param_hint="--sources")
    problems: list[Problem] = []
    for path in files or (default_facts_path(),):
        try:
            facts = load_facts(path, sources_dir=sources)
        except DataError as error:
            problems.extend(error.problems)
            continue
        by_section = Counter(f.section.value for f in facts.figures)
        summary = ", ".join(f"{name} {count}" for name, count in sorted(by_section.items()))
        click.echo(
            f"{path}: ok: {len(facts.figures)} figures ({summary}), "
            f"{len(facts.entities)} entities, {len(facts.sources)} sources"
            + (", every quote found" if sources else "")
        )
    if problems:
        raise DataError(f"{len(problems)} problem(s)", problems)
