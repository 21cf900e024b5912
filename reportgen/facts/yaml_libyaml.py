"""Composing YAML with libyaml (PyYAML's C parser): the fast path of ``read_yaml``.

libyaml's events become plain data directly, each value's (line, column) taken from its
event's start mark, and plain scalars resolved by the YAML 1.2 rules exactly as
ruamel.yaml's safe loader resolves them (``1.0`` is a decimal, ``yes`` and ``on`` are
texts, ``0x1F`` an int, ``2023-07-15`` a text). Only the ordinary is accepted here:
anything that :mod:`reportgen.facts.yaml_ruamel` would refuse or could not read (a
syntax error, an anchor or alias, a tag or directive, a duplicate key, a nesting, text
or key beyond the bounds, a non-finite number, an empty file, a second document) raises
:class:`Fallback`, and the caller reads the text again with ruamel.yaml, which words and
places the message as it always has.

>>> doc = compose_libyaml("a:\\n  b: 1.50\\n  c: [yes, 0x1F, ~]\\n", [])
>>> doc.data, doc.positions[("a", "c", 1)]
({'a': {'b': Decimal('1.50'), 'c': ['yes', 31, None]}}, (3, 12))
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from reportgen.facts.yamlpos import (
    _TAGS_ALLOWED,
    _XML_FORBIDDEN,
    MAX_DEPTH,
    MAX_KEY,
    MAX_TEXT,
    Located,
    NotFinite,
    Path,
    scalar_value,
)


class Fallback(Exception):
    """The document needs the reference composer (to be refused in today's words)."""


# ruamel.yaml's implicit resolvers for YAML 1.2 (ruamel/yaml/resolver.py), in its order:
# the kind, the pattern, and the first characters it is tried for.
_RESOLVERS: list[tuple[str, str, str]] = [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("float", r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"^(?: ~ |null|Null|NULL | )$", "~nN\0"),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
]  # fmt: skip
_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _pattern, _firsts in _RESOLVERS:
    for _first in _firsts:
        _BY_FIRST.setdefault("" if _first == "\0" else _first, []).append(
            (_kind, re.compile(_pattern, re.X))
        )


def resolve_plain(value: str) -> str:
    """The YAML 1.2 kind of a plain (unquoted, untagged) scalar, as ruamel.yaml resolves it.

    >>> [resolve_plain(v) for v in ["1.0", "12", "yes", "true", "", "2023-07-15", "017"]]
    ['float', 'int', 'str', 'bool', 'null', 'timestamp', 'int']
    """
    for kind, pattern in _BY_FIRST.get(value[:1], ()):
        if pattern.match(value):
            return kind
    return "str"


def compose_libyaml(text: str, removed: list[int]) -> Located:
    """``text`` (raw controls already removed, at offsets ``removed``) as plain data with
    positions, or :class:`Fallback` when the reference composer must read it."""
    located = Located(None)
    try:
        located.data = _Events(text, removed, located).document()
    except yaml.YAMLError:
        raise Fallback from None
    return located


class _Events:
    """libyaml's event stream → plain Python, recording positions as it goes."""

    def __init__(self, text: str, removed: list[int], located: Located) -> None:
        self.next = CParser(text).get_event
        self.removed = removed
        self.positions = located.positions
        self.cleaned = located.cleaned

    def document(self) -> Any:
        self.next()  # the stream starts
        start = self.next()
        if type(start) is StreamEndEvent or start.version is not None or start.tags:
            raise Fallback  # empty, or a %YAML / %TAG directive
        data = self.value(self.next(), (), 0)
        self.next()  # the document ends
        if type(self.next()) is not StreamEndEvent:
            raise Fallback  # a second document
        return data

    def value(self, event: Any, path: Path, depth: int) -> Any:
        kind = type(event)
        if depth > MAX_DEPTH or event.anchor is not None or getattr(event, "tag", None):
            raise Fallback  # deep, an anchor or alias, or a tag
        mark = event.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        if kind is ScalarEvent:
            return self.scalar(event, path)
        if kind is MappingStartEvent:
            return self.mapping(path, depth)
        if kind is SequenceStartEvent:
            items: list[Any] = []
            while type(item := self.next()) is not SequenceEndEvent:
                items.append(self.value(item, (*path, len(items)), depth + 1))
            return items
        raise Fallback  # an alias

    def mapping(self, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while type(key := self.next()) is not MappingEndEvent:
            if type(key) is not ScalarEvent or key.anchor is not None or key.tag is not None:
                raise Fallback
            name = key.value
            if not name or len(name) > MAX_KEY or name in result:
                raise Fallback  # empty, long or duplicate
            if name == "<<" and key.implicit[0]:
                raise Fallback  # a merge key
            result[name] = self.value(self.next(), (*path, name), depth + 1)
        return result

    def scalar(self, event: Any, path: Path) -> Any:
        raw: str = event.value
        if len(raw) > MAX_TEXT or (not raw and event.implicit[0]):
            raise Fallback  # too long, or an empty value (libyaml places it elsewhere)
        kind = resolve_plain(raw) if event.implicit[0] else "str"
        if kind not in _TAGS_ALLOWED:
            raise Fallback  # '=' (value) or '<<' (merge) as a value
        try:
            value = scalar_value(raw, kind)
        except NotFinite:
            raise Fallback from None
        if isinstance(value, str) and _XML_FORBIDDEN.search(value):
            self.cleaned.append(path)
            value = _XML_FORBIDDEN.sub("", value)
        elif self.removed and self._removed_within(event):
            self.cleaned.append(path)
        return value

    def _removed_within(self, event: Any) -> bool:
        """Whether a raw control character was removed from the text of ``event``."""
        start, end = event.start_mark.index, event.end_mark.index
        i = bisect.bisect_left(self.removed, start)
        return i < len(self.removed) and self.removed[i] <= end
