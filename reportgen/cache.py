"""On-disk caches for repeat runs: composed fact files and compiled templates.

Both live in the user's cache folder (``platformdirs.user_cache_dir("reportgen")``), or
in ``$REPORTGEN_CACHE_DIR``; that variable set to ``off`` (or empty) turns them off, and
so does ``reportgen --no-cache`` for one command (:func:`set_enabled`).

- **Fact files**: the plain data, positions and cleaned paths that composing the YAML
  gave, as JSON, under the SHA-256 of the file's bytes, the package version and the
  composer's fingerprint. Validation (pydantic, the quote checks) runs again on every
  load, so a cached entry can never carry facts the model would refuse, and the
  positions keep every later error located.
- **Templates**: Jinja2's compiled code, under the template's name, file and source
  checksum, beside the in-memory cache of :mod:`reportgen.render.environment`.

Nothing read from the cache is trusted before it is checked. Every entry carries an
HMAC-SHA256 under a random key of the user's own (``key``, mode 0600, in the cache
folder; a key file another user owns or could read is not used, and then neither is the
cache); an entry whose tag does not verify, that cannot be decoded or that was written
for another version is ignored and written again. Compiled templates (marshal, and
Jinja's pickled checksum) are unmarshalled only after their tag verifies; facts are
JSON, never pickle. Writes go to a temporary file renamed into place. A cache that
cannot be written (read-only or full disk) is silently skipped: it only saves time.
docs/security.md, "Caches", has the threat model.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportgen.facts.yamlpos import Located

ENV = "REPORTGEN_CACHE_DIR"
#: Bumped when the layout of an entry changes.
FORMAT = 1
_KEY_BYTES = 32
_TAG_BYTES = 32
_DECIMAL = "\x00"  # a Decimal is stored as this + its text; no value string holds NUL
_state: dict[str, Any] = {"enabled": True}


def set_enabled(enabled: bool) -> None:
    """Turn the caches on or off for this process (``--no-cache`` turns them off), and
    off for the worker processes it starts too."""
    _state["enabled"] = enabled
    _state.pop("folder", None)
    if not enabled:
        os.environ[ENV] = "off"


def cache_folder() -> Path | None:
    """The cache folder, or None when the caches are off or cannot be used safely."""
    if "folder" not in _state:
        _state["folder"] = _find_folder()
    folder: Path | None = _state["folder"]
    return folder


def _find_folder() -> Path | None:
    if not _state["enabled"]:
        return None
    chosen = os.environ.get(ENV)
    if chosen is not None and chosen.strip().lower() in {"", "off"}:
        return None
    if chosen is None:
        from platformdirs import user_cache_dir

        chosen = user_cache_dir("reportgen", appauthor=False)
    folder = Path(chosen)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _state["key"] = _key(folder / "key")
    except OSError:
        return None
    return folder if _state["key"] is not None else None


def _key(path: Path) -> bytes | None:
    """The user's HMAC key, made on first use; None when the key file is not the user's
    own or others could read it (then the cache is not used)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    except FileExistsError:
        pass
    else:
        import secrets

        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secrets.token_bytes(_KEY_BYTES))
    descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW)
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        key = handle.read(_KEY_BYTES + 1)
    getuid = getattr(os, "getuid", None)
    if getuid is not None and (status.st_uid != getuid() or status.st_mode & 0o077):
        return None
    return key if len(key) == _KEY_BYTES else None


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@functools.cache
def _fingerprint(*modules: str) -> str:
    """The package version and the size and time of the source files whose output is
    cached, so an upgrade or an edited composer never meets an old entry."""
    parts = [_version()]
    parts += [str(FORMAT), sys.version.split()[0]]
    package = Path(__file__).parent
    for module in modules:
        status = (package / module).stat()
        parts.append(f"{module}:{status.st_size}:{status.st_mtime_ns}")
    return "|".join(parts)


def _version() -> str:
    """reportgen's installed version, from its dist-info folder's name (importing
    importlib.metadata would cost more than a cache hit saves)."""
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("reportgen-") and name.endswith(".dist-info"):
                return name.removeprefix("reportgen-").removesuffix(".dist-info")
    return "source"  # pragma: no cover - a source tree on sys.path, not installed


def _entry(kind: str, name: str) -> tuple[Path, bytes] | None:
    folder = cache_folder()
    if folder is None:
        return None
    key: bytes = _state["key"]
    return folder / kind / name, key


def _tag(key: bytes, name: str, payload: bytes) -> bytes:
    return hmac.new(key, name.encode() + b"\0" + payload, hashlib.sha256).digest()


def _load(kind: str, name: str) -> bytes | None:
    """The verified payload of an entry, or None (missing, tampered, unreadable)."""
    entry = _entry(kind, name)
    if entry is None:
        return None
    path, key = entry
    try:
        with open(path, "rb") as handle:
            stored = handle.read()
    except OSError:
        return None
    tag, payload = stored[:_TAG_BYTES], stored[_TAG_BYTES:]
    if not hmac.compare_digest(tag, _tag(key, name, payload)):
        return None
    return payload


def _store(kind: str, name: str, payload: bytes) -> None:
    """Write an entry atomically; a cache that cannot be written is skipped."""
    entry = _entry(kind, name)
    if entry is None:
        return
    path, key = entry
    import tempfile

    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(_tag(key, name, payload) + payload)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return


# --- fact files -------------------------------------------------------------------------


def _facts_name(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + _fingerprint("facts/yamlpos.py", "facts/yaml_libyaml.py").encode())
    return digest.hexdigest() + ".json"


def load_located(text: str) -> Located | None:
    """What composing the YAML ``text`` gave in an earlier run, or None."""
    if cache_folder() is None:
        return None
    payload = _load("facts", _facts_name(text))
    if payload is None:
        return None
    from reportgen.facts.yamlpos import Located

    try:
        stored = json.loads(payload)
        if stored["format"] != FORMAT:
            return None
        located = Located(None, {}, [tuple(path) for path in stored["cleaned"]])
        numbers = iter(stored["positions"])
        located.data = _rebuild(stored["data"], (), located.positions, numbers)
        if next(numbers, None) is not None:
            return None
        return located
    except (ValueError, KeyError, TypeError, StopIteration):
        return None


def store_located(text: str, located: Located) -> None:
    """Keep what composing the YAML ``text`` gave. Positions are stored in the order of a
    walk through the data (each value before what it holds), two numbers each."""
    if cache_folder() is None:
        return
    order = list(_walk(located.data, ()))
    if order != list(located.positions):  # pragma: no cover - every composer records so
        return
    numbers = [n for path in order for n in located.positions[path]]
    stored = {
        "format": FORMAT,
        "data": located.data,
        "positions": numbers,
        "cleaned": [list(path) for path in located.cleaned],
    }
    payload = json.dumps(stored, ensure_ascii=False, default=_encode, separators=(",", ":"))
    _store("facts", _facts_name(text), payload.encode())


def _walk(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    """Every path in ``value``, each before the paths inside it."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _encode(value: object) -> str:
    if isinstance(value, Decimal):
        return _DECIMAL + str(value)
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _rebuild(
    value: Any,
    path: tuple[str | int, ...],
    positions: dict[tuple[str | int, ...], tuple[int, int]],
    numbers: Iterator[int],
) -> Any:
    """JSON data with its decimals made ``Decimal`` again and its positions restored."""
    positions[path] = (next(numbers), next(numbers))
    if isinstance(value, str):
        return Decimal(value[1:]) if value.startswith(_DECIMAL) else value
    if isinstance(value, dict):
        return {
            key: _rebuild(item, (*path, key), positions, numbers) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_rebuild(item, (*path, i), positions, numbers) for i, item in enumerate(value)]
    return value


# --- compiled templates -----------------------------------------------------------------


def _template_name(key: str, checksum: str) -> str:
    text = f"{key}|{checksum}|{_fingerprint('render/environment.py')}"
    return hashlib.sha256(text.encode()).hexdigest() + ".bin"


def load_template(key: str, checksum: str) -> bytes | None:
    """Jinja2's bytecode string for a template compiled in an earlier run, or None."""
    if cache_folder() is None:
        return None
    return _load("templates", _template_name(key, checksum))


def store_template(key: str, checksum: str, code: bytes) -> None:
    """Keep a freshly compiled template's bytecode string for later runs."""
    if cache_folder() is None:
        return
    _store("templates", _template_name(key, checksum), code)
