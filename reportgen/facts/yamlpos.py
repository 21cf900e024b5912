"""Safe YAML reading that keeps every value's line and column.

The document is composed into nodes (nothing is constructed, so no tag can run
code) and converted to plain Python by hand: mappings, lists, strings, ints,
``Decimal`` for decimal numbers (never float), booleans and null. Anchors and
aliases, explicit tags, duplicate keys, runaway nesting and texts longer than any
fact file needs are refused. Control characters that YAML cannot read or XML
forbids are removed, and the values they stood in are reported as cleaned.

The document is read with libyaml (:mod:`reportgen.facts.yaml_libyaml`, about ten times
faster); anything out of the ordinary, every refusal and syntax error among it, is read
again with ruamel.yaml (:mod:`reportgen.facts.yaml_ruamel`), which words the message.
Both give the same data and the same positions (tests/test_yaml_composers.py).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path as FsPath
from typing import Any

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
#: Texts at least this long are looked up in the cache (reportgen/cache.py): below it,
#: composing with libyaml costs less than hashing, checking and reading an entry.
CACHE_FROM = 16_384
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
    if len(text) < CACHE_FROM:
        return _compose(text)
    from reportgen import cache

    located = cache.load_located(text)
    if located is None:
        located = _compose(text)
        cache.store_located(text, located)
    return located


def _compose(text: str) -> Located:
    """Compose ``text`` with libyaml, or with ruamel.yaml where libyaml's reading is not
    the reference's (every refusal and syntax error among it)."""
    text, removed = _remove_raw_controls(text)
    try:
        from reportgen.facts.yaml_libyaml import Fallback, compose_libyaml
    except ImportError:  # pragma: no cover - PyYAML without its C extension
        pass
    else:
        try:
            return compose_libyaml(text, removed)
        except Fallback:
            pass
    from reportgen.facts.yaml_ruamel import compose_ruamel

    return compose_ruamel(text, removed)


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


class NotFinite(ValueError):
    """A float scalar that is not a finite number (``.nan``, ``.inf``)."""


def scalar_value(raw: str, kind: str) -> Any:
    """The value of a scalar written ``raw`` whose YAML kind (the tag's suffix) is ``kind``:
    ``Decimal`` for a float, never ``float``; :class:`NotFinite` for ``.nan`` or ``.inf``."""
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
            raise NotFinite(f"'{raw}' is not a finite number")
        return value
    return raw
