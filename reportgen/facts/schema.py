"""The JSON Schema of a fact file, from the pydantic model, for editors.

With the schema beside a fact file and this first line in it::

    # yaml-language-server: $schema=facts.schema.json

VS Code (with the YAML extension) and other editors that use yaml-language-server
complete keys, show each field's description and mark unknown keys and wrong
types as you type. The schema is a help for editing, not the check:
``reportgen validate`` is (amounts, periods and quotes are read there exactly).

>>> schema = fact_file_schema()
>>> schema["$defs"]["Figure"]["properties"]["yoy"]["description"]
'Year-on-year change, signed: +6.4%.'
"""

from __future__ import annotations

from typing import Any

#: The JSON Schema dialect written.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Descriptions for fields the model leaves undescribed (by model, then field).
_FALLBACK: dict[str, dict[str, str]] = {
    "Statement": {
        "id": "Short id, unique across every kind of fact.",
        "kind": "positioning, approach, industrial_system, theme, goal or assessment.",
        "section": "The briefing section it belongs to.",
        "topic": "A grouping inside the section.",
        "text": "The content as a phrase: the slogan or name itself.",
        "sentence": "A complete sentence, when a phrase cannot say it.",
        "period": "The period it is about (same syntax as a figure's).",
        "subject": "Whose statement: an entity id (default: the district).",
        "sources": "Where it is stated: source ids and verbatim quotes.",
        "note": "An editor's note (not in the briefing).",
    },
    "Event": {
        "id": "Short id, unique across every kind of fact.",
        "section": "The briefing section it belongs to.",
        "topic": "A grouping inside the section.",
        "subjects": "The entity ids that reached the stage.",
        "stage": "started, topped_out, completed, opened, signed, launched … or other.",
        "status": "actual, or plan/target for a milestone the source schedules.",
        "period": "When: 2023-06/2023-06, 2023-H1 … (optional).",
        "text": "A complete sentence, when the stage word cannot say it.",
        "sources": "Where it is stated: source ids and verbatim quotes.",
        "note": "An editor's note (not in the briefing).",
    },
    "Person": {
        "id": "Short id, unique across every kind of fact.",
        "name": "The person's name in both languages.",
        "title": "The title the source gives.",
        "period": "When the title was held (optional).",
        "sources": "Where it is stated: source ids and verbatim quotes.",
        "note": "An editor's note (not in the briefing).",
    },
    "Policy": {
        "id": "Short id, unique across every kind of fact.",
        "kind": "policy, programme, action, campaign or plan.",
        "section": "The briefing section it belongs to.",
        "topic": "A grouping inside the section.",
        "name": "The policy's name in both languages.",
        "gist": "What it does, in a short clause.",
        "period": "When it applies (optional).",
        "sources": "Where it is stated: source ids and verbatim quotes.",
        "note": "An editor's note (not in the briefing).",
    },
}

#: How a field written as text reads (the model parses these itself).
_TEXT_FIELDS: dict[str, dict[str, Any]] = {
    "amount": {
        "type": ["string", "integer"],
        "examples": ["365.5亿元", "约836万平方米", "6.5%左右"],
    },
    "yoy": {"type": "string", "examples": ["+6.4%", "-3.2%", "+15%以上"]},
    "vs_city": {"type": "string", "examples": ["+13.9个百分点"]},
    "period": {"type": ["string", "integer"], "examples": ["2023", "2023-H1", "as of 2023-11"]},
    "date": {"type": ["string", "integer"], "examples": ["2023", "2023-07", "2023-07-15"]},
}


def fact_file_schema() -> dict[str, Any]:
    """The JSON Schema of a fact file, every field described."""
    from reportgen.facts.model import DistrictFacts

    schema = DistrictFacts.model_json_schema(mode="validation")
    for name, definition in schema.get("$defs", {}).items():
        _describe(name, definition)
    _describe("DistrictFacts", schema)
    schema["title"] = "reportgen fact file"
    return {"$schema": DIALECT, **schema}


def _describe(model: str, definition: dict[str, Any]) -> None:
    """Fill in what pydantic leaves open: text-parsed fields' types and missing descriptions."""
    for field, prop in definition.get("properties", {}).items():
        if field in _TEXT_FIELDS and _is_open(prop):
            _open_to(prop, _TEXT_FIELDS[field])
        if "description" not in prop and (text := _FALLBACK.get(model, {}).get(field)):
            prop["description"] = text


def _is_open(prop: dict[str, Any]) -> bool:
    """A field whose schema says nothing of its type (a value parsed from text)."""
    options = prop.get("anyOf", [prop])
    return any(not {k for k in o if k not in {"title", "description", "default"}} for o in options)


def _open_to(prop: dict[str, Any], typed: dict[str, Any]) -> None:
    if "anyOf" in prop:
        prop["anyOf"] = [typed if not set(o) - {"title"} else o for o in prop["anyOf"]]
    else:
        prop.update(typed)


def undescribed(schema: dict[str, Any]) -> list[str]:
    """``Model.field`` for every property without a description (for the tests)."""
    found = []
    for name, definition in [("DistrictFacts", schema), *schema.get("$defs", {}).items()]:
        for field, prop in definition.get("properties", {}).items():
            if not prop.get("description"):
                found.append(f"{name}.{field}")
    return found
