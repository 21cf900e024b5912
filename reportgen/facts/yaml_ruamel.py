"""Composing YAML with ruamel.yaml's pure-Python safe parser: the reference composer.

:func:`reportgen.facts.yamlpos.read_yaml` reads a document with libyaml
(:mod:`reportgen.facts.yaml_libyaml`) and comes here only when that path meets
something out of the ordinary, so that every refusal and syntax error is worded,
and placed, exactly as it always was. ruamel.yaml is imported only then.
"""

from __future__ import annotations

import bisect
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from reportgen.facts.yamlpos import (
    _TAGS_ALLOWED,
    _XML_FORBIDDEN,
    _YAML_TAG,
    MAX_DEPTH,
    MAX_KEY,
    MAX_TEXT,
    Located,
    NotFinite,
    Path,
    Position,
    YamlProblem,
    _line_column,
    scalar_value,
)


def compose_ruamel(text: str, removed: list[int]) -> Located:
    """``text`` (raw controls already removed, at offsets ``removed``) as plain data with
    positions, or :class:`YamlProblem` for the first thing refused or unreadable."""
    yaml = YAML(typ="safe", pure=True)
    yaml.max_depth = MAX_DEPTH + 1  # the composer counts the root as 1
    try:
        node = yaml.compose(text)
    except MaxDepthExceededError as error:
        mark = error.problem_mark
        where = (mark.line + 1, mark.column + 1) if mark is not None else None
        raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", where) from None
    except ReaderError as error:  # pragma: no cover - every character it refuses is removed
        where = _line_column(text, error.position)
        raise YamlProblem(f"character U+{error.character:04X} cannot be read", where) from None
    except MarkedYAMLError as error:  # in plain words, on the line where the problem starts
        from reportgen.facts.hints import plain_yaml_error

        raise YamlProblem(*plain_yaml_error(error)) from None
    except YAMLError as error:
        raise YamlProblem(f"not valid YAML: {error}", None) from None
    except RecursionError:
        raise YamlProblem("the YAML is nested too deeply", None) from None
    if node is None:
        raise YamlProblem("the file is empty: expected a mapping with district, sources, …", None)
    located = Located(None)
    located.data = _Converter(located, removed).convert(node, (), 0)
    return located


def _position(node: Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Converter:
    """Node tree → plain Python, recording positions and refusing unsafe constructs."""

    def __init__(self, located: Located, removed: list[int]) -> None:
        self.positions = located.positions
        self.cleaned = located.cleaned
        self.removed = removed
        self.seen: set[int] = set()

    def convert(self, node: Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", _position(node))
        if node.anchor is not None or id(node) in self.seen:
            # Refused at the anchor (&), so an unused anchor is refused too.
            raise YamlProblem("anchors and aliases (&, *) are not allowed", _position(node))
        self.seen.add(id(node))
        self.positions[path] = _position(node)
        tag = str(node.tag)
        if not (tag.startswith(_YAML_TAG) and tag[len(_YAML_TAG) :] in _TAGS_ALLOWED):
            raise YamlProblem(f"the YAML tag '{tag}' is not allowed", _position(node))
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if len(node.value) > MAX_TEXT:
            message = f"a text of {len(node.value):,} characters; at most {MAX_TEXT:,} are allowed"
            raise YamlProblem(message, _position(node))
        try:
            value = scalar_value(str(node.value), tag[len(_YAML_TAG) :])
        except NotFinite as error:
            raise YamlProblem(str(error), _position(node)) from None
        if isinstance(value, str) and _XML_FORBIDDEN.search(value):
            self.cleaned.append(path)
            value = _XML_FORBIDDEN.sub("", value)
        elif self._removed_within(node):
            self.cleaned.append(path)
        return value

    def _removed_within(self, node: Node) -> bool:
        """Whether a raw control character was removed from the text of ``node``."""
        start, end = node.start_mark.index, node.end_mark.index
        i = bisect.bisect_left(self.removed, start)
        return i < len(self.removed) and self.removed[i] <= end

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or str(key_node.tag) == _YAML_TAG + "merge":
                raise YamlProblem("keys must be plain names", _position(key_node))
            if key_node.anchor is not None:
                raise YamlProblem("anchors and aliases (&, *) are not allowed", _position(key_node))
            key = str(key_node.value)
            if len(key) > MAX_KEY:
                raise YamlProblem(f"a key of {len(key):,} characters; keys are field names",
                                  _position(key_node))  # fmt: skip
            if key in result:
                raise YamlProblem(f"duplicate key '{key}'", _position(key_node))
            result[key] = self.convert(value_node, (*path, key), depth + 1)
        return result
