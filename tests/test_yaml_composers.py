"""The libyaml composer and the ruamel.yaml composer read every file alike (issue 14 §2).

read_yaml composes with libyaml and falls back to ruamel.yaml only to word an error, so
the two must give identical data, identical positions for every path and the same cleaned
paths on every document libyaml accepts, and libyaml must hand every document ruamel.yaml
refuses back to it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.facts.yaml_libyaml import Fallback, compose_libyaml
from reportgen.facts.yaml_ruamel import compose_ruamel
from reportgen.facts.yamlpos import MAX_DEPTH, YamlProblem, _remove_raw_controls, read_yaml

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    [
        ROOT / "data" / "huaiyin.yaml",
        ROOT / "data" / "topics.yaml",
        ROOT / "data" / "glossary.yaml",
        *(ROOT / "examples").glob("*.yaml"),
        *(ROOT / "reportgen" / "starter").glob("*.yaml"),
        *(ROOT / "tests" / "bad_inputs").glob("*/data.yaml"),
        *(ROOT / "tests" / "bad_data").glob("*.yaml"),
    ]
)


def _both(text: str) -> tuple[object, object]:
    """What each composer makes of ``text``: (data, positions, cleaned) or the problem."""
    cleaned_text, removed = _remove_raw_controls(text)
    try:
        fast: object = compose_libyaml(cleaned_text, removed)
    except Fallback:
        fast = Fallback
    try:
        reference: object = compose_ruamel(cleaned_text, removed)
    except YamlProblem as problem:
        reference = (problem.message, problem.position)
    return fast, reference


def _same(fast: object, reference: object) -> None:
    if fast is Fallback:  # the reference words it; read_yaml gives the reference's result
        return
    assert not isinstance(reference, tuple), f"libyaml accepted what ruamel refuses: {reference}"
    assert fast.data == reference.data  # type: ignore[attr-defined]
    assert fast.positions == reference.positions  # type: ignore[attr-defined]
    assert fast.cleaned == reference.cleaned  # type: ignore[attr-defined]


def test_the_huaiyin_file_is_read_alike_by_libyaml() -> None:
    text = (ROOT / "data" / "huaiyin.yaml").read_text(encoding="utf-8")
    fast, reference = _both(text)
    assert fast is not Fallback
    _same(fast, reference)
    assert len(reference.positions) > 4000  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_and_case_is_read_alike(path: Path) -> None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: refused before any YAML is read")
    for variant in (text, "\ufeff" + text.replace("\n", "\r\n")):  # and with a BOM and CRLF
        fast, reference = _both(variant)
        if not isinstance(reference, tuple):  # what the reference accepts, libyaml reads
            assert fast is not Fallback
        _same(fast, reference)


SCALARS = (
    "1.0", "1.50", "-2.5e3", "1e5", ".5", "+.5", "1_000", "0x1F", "0o17", "017", "0b101",
    "12", "-3", "+4", "yes", "no", "on", "off", "y", "n", "true", "False", "TRUE", "~",
    "null", "Null", "2023-07-15", "2023-7-5 1:02:03", "2023-07-15T10:00:00Z", "1:30",
    "0x", "0o", "08", "1.2.3", ".", "-x", "+", "1.", "-.5", "6.1万余户", "约836万平方米",
    "'1.0'", '"yes"', "'~'", "\"a\\x07b\"", "|\n    block\n    text\n", ">-\n    folded\n",
    "\"\\u2028\"", "a\x07b", "x\x7fy",
)  # fmt: skip


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_resolve_alike(scalar: str) -> None:
    flow = "1" if "\n" in scalar else scalar  # a block scalar cannot stand in [ ]
    fast, reference = _both(f"key: {scalar}\nlist:\n- {scalar}\n- [{flow}, {flow}]\n")
    assert fast is not Fallback
    _same(fast, reference)


REFUSED = (
    "a: 1\na: 2\n",
    "a: &x 1\nb: *x\n",
    "a: &x 1\nb: 2\n",
    "&k a: 1\n",
    "a:\n  <<: {b: 1}\n",
    "? [a]\n: 1\n",
    "a: !!python/object:os.system x\n",
    "a: !custom x\n",
    "a: !!str x\n",
    "!!str a: x\n",
    "a: .nan\n",
    "a: -.inf\n",
    "a: =\n",
    "a: <<\n",
    "a: 1\n---\nb: 2\n",
    "a: 'x\n",
    "%YAML 1.1\n---\na: yes\n",
    "",
    "# only a comment\n",
    "a: " + "x" * 100_001 + "\n",
    "k" * 101 + ": 1\n",
    "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2),
    "a:\n\tb: 1\n",
)


@pytest.mark.parametrize("text", REFUSED, ids=range(len(REFUSED)))
def test_refusals_go_back_to_the_reference_composer(text: str) -> None:
    fast, reference = _both(text)
    assert fast is Fallback
    try:
        result: object = read_yaml(text)
    except YamlProblem as problem:
        result = (problem.message, problem.position)
    if isinstance(reference, tuple):
        assert result == reference
    else:  # accepted by the reference composer: a %YAML 1.1 directive, an explicit !!str
        assert result.data == reference.data  # type: ignore[attr-defined]
        assert result.positions == reference.positions  # type: ignore[attr-defined]


def test_empty_values_are_read_by_the_reference_composer() -> None:
    text = "key:\nlist:\n-\n- {a: , b: }\n"
    assert _both(text)[0] is Fallback  # libyaml places an empty value elsewhere
    doc = read_yaml(text)
    assert doc.data == {"key": None, "list": [None, {"a": None, "b": None}]}
    assert doc.positions[("key",)] == (2, 1)


def test_deepest_nesting_allowed_is_read_by_libyaml() -> None:
    text = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    fast, reference = _both(text)
    assert fast is not Fallback
    _same(fast, reference)
