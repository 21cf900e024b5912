"""``reportgen schema``: the JSON Schema of a fact file, for editors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from reportgen.errors import OutputError


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the schema to this file instead of printing it.",
)
def schema(out: Path | None) -> None:
    """Print the JSON Schema of a fact file (field descriptions included).

    Save it beside your fact file and make this the file's first line for completion
    and inline errors in VS Code and other editors:

        # yaml-language-server: $schema=facts.schema.json
    """
    from reportgen.facts.schema import fact_file_schema

    text = json.dumps(fact_file_schema(), ensure_ascii=False, indent=2) + "\n"
    if out is None:
        click.echo(text, nl=False)
        return
    from reportgen.writers.atomic import write_bytes_atomic

    if out.is_symlink() or out.is_dir():
        raise OutputError(f"--out {out}: not a plain file; not written")
    try:
        write_bytes_atomic(out, text.encode("utf-8"))
    except OSError as error:
        raise OutputError(f"--out {out}: {error.strerror}") from None
    click.echo(str(out))
