"""``reportgen trace FACT-ID [DATA] [--json]``: where a fact comes from and where it appears."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("fact_id", metavar="FACT-ID")
@click.argument("data", required=False, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--templates", type=click.Path(path_type=Path), help="Your template folder.")
def trace(fact_id: str, data: Path | None, as_json: bool, templates: Path | None) -> None:
    """Where FACT-ID comes from (sources, verbatim quotes, editor's note) and where it
    appears (section, paragraph or table) in each language's briefing built from DATA
    (default: facts.yaml here, else the packaged Huaiyin dataset)."""
    from reportgen.cli_init import project_facts
    from reportgen.facts.loader import load_facts
    from reportgen.provenance import trace as tracing
    from reportgen.resources import default_facts_path

    path = data or project_facts(default_facts_path())
    traces = tracing.trace(load_facts(path), fact_id, where=str(path), templates=templates)
    if as_json:
        click.echo(json.dumps(tracing.as_json(traces), ensure_ascii=False, indent=2))
    else:
        click.echo(tracing.as_text(traces), nl=False)
