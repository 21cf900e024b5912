"""Safe YAML reading that keeps every value's line and column.

The document is composed into nodes (nothing is constructed, so no tag can run
code) and converted to plain Python by hand: mappings, lists, strings, ints,
``Decimal`` for decimal numbers (never float), booleans and null. Anchors and
aliases, explicit tags, duplicate keys, runaway nesting and texts longer than any
fact file needs are refused. Control characters that YAML cannot read or XML
forbids are removed, and the values they stood in are reported as cleaned.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path as FsPath
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

Path = tuple[str | int, ...]
Position = tuple[int, int]

MAX_DEPTH = 40
#: The longest text (scalar) read, in characters: far beyond any real name, note or quote,
#: small enough that a runaway value is refused before it reaches a message or a document.
MAX_TEXT = 100_000
#: The longest key: keys are field names.
MAX_KEY = 100
# Characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/F).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Written raw, these and the other controls YAML cannot read (DEL, C1 but NEL) are removed.
_RAW_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
_YAML_TAG = "tag:yaml.org,2002:"
_TAGS_ALLOWED = {"str", "int", "float", "bool", "null", "timestamp", "map", "seq"}


class YamlProblem(Exception):
    """A located problem found while reading YAML."""

    def __init__(self, message: str, position: Position | None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass
class Located:
    """Plain data read from YAML, the (line, column) of every value by path, and the
    paths of strings from which characters that XML forbids were removed."""

    data: Any
    positions: dict[Path, Position] = field(default_factory=dict)
    cleaned: list[Path] = field(default_factory=list)

    def position(self, path: Path) -> Position | None:
        """The position of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return None


class FileRefused(Exception):
    """A file that is not read: not a regular file, or larger than the bound."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotRegularFile(FileRefused):
    """A directory, FIFO, device or socket where a file was expected."""


class FileTooLarge(FileRefused):
    """A regular file larger than the bound on what is read."""


def _kind(mode: int) -> str | None:
    """What a non-regular file is (``is a FIFO (named pipe)``), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is not a regular file"


def read_bounded(path: FsPath, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them.

    The file is checked before it is read: ``stat`` first (a FIFO is never opened, so
    it cannot hang the reader; a device such as /dev/zero is never read), then it is
    opened without blocking and checked again on the open handle (a file swapped in
    between is caught), then at most ``max_bytes + 1`` bytes are read. Raises
    :class:`NotRegularFile` or :class:`FileTooLarge` (``reason`` says which), or
    ``OSError`` (no such file, no permission).
    """
    kind = _kind(os.stat(path).st_mode)
    if kind is not None:
        raise NotRegularFile(kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        kind = _kind(status.st_mode)
        if kind is not None:
            raise NotRegularFile(kind)
        if status.st_size > max_bytes:
            raise FileTooLarge(f"is larger than {max_bytes:,} bytes")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew after fstat
        raise FileTooLarge(f"is larger than {max_bytes:,} bytes")
    return data


def read_yaml(text: str) -> Located:
    """Read one YAML document into plain data with positions (1-based).

    >>> doc = read_yaml("a:\\n  b: 1.50\\n")
    >>> doc.data, doc.positions[("a", "b")]
    ({'a': {'b': Decimal('1.50')}}, (2, 6))

    Control characters written raw are removed too, and their values reported:

    >>> doc = read_yaml("a: x\\x07y\\nb: z\\n")
    >>> doc.data, doc.cleaned
    ({'a': 'xy', 'b': 'z'}, [('a',)])
    """
    text, removed = _remove_raw_controls(text)
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


def _remove_raw_controls(text: str) -> tuple[str, list[int]]:
    """``text`` without the control characters YAML cannot read or XML forbids, and the
    offsets (in the returned text) where characters were removed."""
    if not _RAW_FORBIDDEN.search(text):
        return text, []
    removed: list[int] = []
    parts: list[str] = []
    kept = start = 0
    for match in _RAW_FORBIDDEN.finditer(text):
        parts.append(text[start : match.start()])
        kept += match.start() - start
        removed.append(kept)
        start = match.end()
    parts.append(text[start:])
    return "".join(parts), removed


def _line_column(text: str, offset: int) -> Position:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


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
        value = _scalar(node, tag[len(_YAML_TAG) :])
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


def _scalar(node: ScalarNode, kind: str) -> Any:
    raw = str(node.value)
    if kind == "null":
        return None
    if kind == "bool":
        return raw.lower() in {"true", "yes", "on"}
    if kind == "int":
        try:
            return int(raw.replace("_", ""), 0)
        except ValueError:
            return raw
    if kind == "float":
        try:
            value = Decimal(raw.replace("_", ""))
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite():
            raise YamlProblem(f"'{raw}' is not a finite number", _position(node))
        return value
    return raw
