"""Templates see plain read-only data and may call only what the documentation lists.

A shared template is code from someone else. Before this was fixed, a template reached
the pydantic models behind the view and called their methods: ``parse_raw(...,
proto='pickle')`` ran a shell command and ``parse_file('/etc/passwd')`` printed a file.
Each attempt here is a located error (exit 2) with no side effect, and a walk over every
object a template can reach finds no callable other than the documented helpers and the
methods of built-in value types Jinja's sandbox allows.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import pytest
from markupsafe import Markup
from pydantic import BaseModel
from template_case import build_in_process, make_case, out_files

import reportgen
from reportgen.resources import default_facts_path

build_module = importlib.import_module("reportgen.build")  # the module, not the function

PICKLE = "cos\\nsystem\\n(S'touch {marker}'\\ntR."
WHERE = "templates/en/summary.md.j2:3: "


def _item(expression: str) -> str:
    return "{{ figure['parks-2023'].item" + expression + " }}"


ESCAPES = {
    "parse_raw_pickle": _item(
        '.parse_raw("' + PICKLE + "\".encode(), proto='pickle', allow_pickle=True)"
    ),
    "parse_file": _item(".parse_file('/etc/passwd')"),
    "parse_file_getitem": "{{ figure['parks-2023'].item['parse_file']('/etc/passwd') }}",
    "parse_file_attr_filter": "{{ (figure['parks-2023'].item|attr('parse_file'))('/etc/passwd') }}",
    "model_copy": _item(".model_copy(update={'en': 'x'})"),
    "model_dump": _item(".model_dump()"),
    "model_validate_json": _item(".model_validate_json('{}')"),
    "schema_json": _item(".schema_json()"),
    "dunder_class": _item(".__class__"),
    "mro": "{{ figure['parks-2023'].amount.unit.__class__.mro() }}",
    "value_method": "{{ figure['parks-2023'].period._key() }}",
    "dataclass_fields": "{{ figure['parks-2023'].__dataclass_fields__ }}",
    "chart_collector_internals": "{{ chart.texts }}",
    "chart_collector_method": "{{ chart.render_assets() }}",
    "entity_view_replace": "{{ entities['acme'].__replace__(name='x') }}",
    "loop_internals": "{% for f in figures %}{{ loop._iterator }}{% endfor %}",
}


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_escape_is_a_located_error_without_side_effect(name: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    line = ESCAPES[name].replace("{marker}", str(marker))
    result = build_in_process(make_case(tmp_path, line))
    assert result.code == 2, result.stdout + result.stderr
    assert len(result.lines) == 1 and result.lines[0].startswith(WHERE), result.lines
    assert "Traceback" not in result.stderr
    assert "root:" not in result.stderr + result.stdout
    assert not marker.exists()
    assert "pickle" not in result.stderr  # refused before pydantic was reached
    assert out_files(result.folder) == []


def test_documented_fields_still_work(tmp_path: Path) -> None:
    line = (
        "{{ figure['parks-2023'].item.en }} {{ figure['parks-2023'].item.en_plural }} "
        "{{ figure['parks-2023'].period.end_year }} {{ figure['parks-2023'].period.kind.value }} "
        "{{ figure['parks-2023'].amount.unit.dimension.value }} {{ figure['parks-2023'].cite }} "
        "{{ figure['parks-2023'].amount | amount('prose', figure['parks-2023'].item) }} "
        "{{ figure['parks-2023'].item | noun(1) }} {{ data_date.year }} "
        "{{ 'a,b'.split(',') | join('+') }} {{ district.items() | list | length > 3 }}"
    )
    result = build_in_process(make_case(tmp_path, line))
    assert result.code == 0, result.stderr
    text = (tmp_path / "case" / "out" / "testville.en.md").read_text(encoding="utf-8")
    assert "pocket park pocket parks 2023 year count [^s1]" in text
    assert "pocket park 2023 a+b True" in text


# --- everything a template can reach ------------------------------------------------------

#: The helpers and globals docs/templates.md lists (Jinja's own and the project's).
DOCUMENTED_GLOBALS = {
    "range", "dict", "lipsum", "cycler", "joiner", "namespace", "chart", "by_topic",
    "counterpart",
}  # fmt: skip
#: Built-in value types whose methods Jinja's sandbox allows (mutators are refused).
BUILTIN_VALUE_TYPES = (str, int, float, bool, Decimal, tuple, list, dict, frozenset, Markup)
MAX_OBJECTS = 200_000


def _capture(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[jinja2.Environment, dict[str, Any]]:
    """The environment and context of the default Huaiyin build in ``lang``."""
    seen: dict[str, Any] = {}
    real = build_module.render_template

    def spy(env: jinja2.Environment, context: dict[str, Any], *args: Any) -> str:
        seen["env"], seen["context"] = env, context
        return real(env, context, *args)

    monkeypatch.setattr(build_module, "render_template", spy)
    reportgen.build(reportgen.load_facts(default_facts_path()), lang=lang, charts=False)
    return seen["env"], seen["context"]


def _children(env: Any, obj: Any) -> Iterator[tuple[str, Any]]:
    """What a template reaches from ``obj`` in one step: items, and allowed attributes."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield f"[{key!r}]", key
            yield f"[{key!r}]", value
    elif isinstance(obj, (list, tuple, frozenset)):
        for index, value in enumerate(obj):
            yield f"[{index}]", value
    if callable(obj) and not isinstance(obj, type):
        return  # a function's or method's own attributes are refused (checked below)
    for name in dir(obj):
        try:
            value = getattr(obj, name)
        except Exception:
            continue
        if env.is_safe_attribute(obj, name, value):
            yield f".{name}", value


def _is_builtin_method(value: Any, parent: Any) -> bool:
    """A method (or static method such as ``str.maketrans``) read from a built-in value."""
    if not isinstance(value, (types.BuiltinMethodType, types.MethodType)):
        return False
    return isinstance(parent, BUILTIN_VALUE_TYPES)


def _walk(env: Any, roots: dict[str, Any]) -> tuple[list[str], int, set[str]]:
    """Every reachable callable that is not allowed; how many objects; their type names."""
    allowed = {id(env.globals[name]) for name in DOCUMENTED_GLOBALS if name in env.globals}
    bad: list[str] = []
    seen: set[int] = set()
    kinds: set[str] = set()
    stack = [(name, value, None, 0) for name, value in roots.items()]
    while stack and len(seen) < MAX_OBJECTS:
        path, obj, parent, depth = stack.pop()
        if id(obj) in seen or obj is None or depth > 12:
            continue
        seen.add(id(obj))
        kinds.add(type(obj).__name__)
        if isinstance(obj, BaseModel):
            bad.append(f"{path}: a pydantic model ({type(obj).__name__})")
        if callable(obj) and id(obj) not in allowed and not _is_builtin_method(obj, parent):
            bad.append(f"{path}: {obj!r}")
            continue
        for step, value in _children(env, obj):
            stack.append((path + step, value, obj, depth + 1))
    return bad, len(seen), kinds


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_callable_is_reachable_but_the_documented(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    env, context = _capture(lang, monkeypatch)
    roots = {**env.globals, **context}
    bad, count, kinds = _walk(env, roots)
    assert bad == []
    assert 2_000 < count < MAX_OBJECTS  # the walk saw the whole context, and ended
    assert {"FigureView", "SourceView", "Amount", "Period", "Unit", "PartialDate"} <= kinds


def test_the_walk_finds_a_pydantic_object(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walker itself can fail: a model put into the context is found."""
    env, context = _capture("en", monkeypatch)
    facts = reportgen.load_facts(default_facts_path())
    bad, _, _ = _walk(env, {**context, "leak": facts.figures[0]})
    assert any(line.startswith("leak") for line in bad)
