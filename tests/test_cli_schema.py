"""`reportgen schema`: the fact file's JSON Schema, every field described."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import main
from reportgen.facts.schema import undescribed


def test_schema_is_json_with_every_field_described() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert undescribed(schema) == []
    figure = schema["$defs"]["Figure"]
    assert figure["additionalProperties"] is False  # an unknown key is marked in the editor
    assert set(figure["required"]) >= {"id", "section", "measure", "period", "sources"}
    assert "365.5亿元" in figure["properties"]["amount"]["description"]
    assert figure["properties"]["period"]["type"] == ["string", "integer"]
    assert set(schema["properties"]) >= {"district", "sources", "entities", "figures"}
    assert "overview" in schema["$defs"]["Section"]["enum"]
    event_tags = schema["$defs"]["Event"]["properties"]["tags"]
    assert event_tags["type"] == "array" and "annex" in event_tags["description"]
    assert "tags" not in schema["$defs"]["Event"].get("required", [])


def test_schema_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "facts.schema.json"
    result = CliRunner().invoke(main, ["schema", "--out", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "reportgen fact file"


def test_schema_does_not_write_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("keep", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path / "link.json")])
    assert result.exit_code == 2 and "not a plain file" in result.stderr
    assert (tmp_path / "real.json").read_text(encoding="utf-8") == "keep"


def test_the_docs_show_the_editor_header() -> None:
    text = (Path(__file__).parents[1] / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=facts.schema.json" in text
