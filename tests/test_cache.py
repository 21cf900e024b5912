"""The on-disk caches (issue 14 §3): composed fact files and compiled templates.

An entry is used only when its HMAC verifies under the user's own key; a corrupt, stale
or tampered entry is ignored and written again, and the positions a cached file carries
keep later errors located.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportgen import cache
from reportgen.facts.loader import load_facts, problem_at
from reportgen.facts.yamlpos import CACHE_FROM, _compose, read_yaml

ROOT = Path(__file__).resolve().parents[1]
HUAIYIN = ROOT / "data" / "huaiyin.yaml"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of this test's own."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    cache.set_enabled(True)
    yield tmp_path / "cache"
    cache.set_enabled(True)


def _entries(folder: Path, kind: str) -> list[Path]:
    return sorted((folder / kind).glob("*")) if (folder / kind).is_dir() else []


def test_a_cached_file_reads_as_composed(folder: Path) -> None:
    text = HUAIYIN.read_text(encoding="utf-8")
    first = read_yaml(text)
    (entry,) = _entries(folder, "facts")
    assert cache.load_located(text) is not None
    second = read_yaml(text)
    composed = _compose(text)
    for located in (first, second):
        assert located.data == composed.data
        assert located.positions == composed.positions
        assert located.cleaned == composed.cleaned
        assert repr(located.data) == repr(composed.data)  # Decimal('1.50') is not Decimal('1.5')
    assert (folder / "key").stat().st_mode & 0o777 == 0o600
    assert entry.stat().st_mode & 0o077 == 0


def test_cached_decimals_stay_decimals_and_cleaned_paths_stay(folder: Path) -> None:
    text = "a: 1.50\nb: '1.50'\nc: x\x07y\nd: 5.\n" + "#" * CACHE_FROM
    first, second = read_yaml(text), read_yaml(text)
    assert second.data == first.data == {"a": first.data["a"], "b": "1.50", "c": "xy", "d": 5}
    assert [type(v).__name__ for v in second.data.values()] == ["Decimal", "str", "str", "Decimal"]
    assert second.cleaned == [("c",)]
    assert len(_entries(folder, "facts")) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:32] + b[32:].replace(b"2023", b"2024", 1),  # tampered facts
        lambda b: bytes([b[0] ^ 1]) + b[1:],  # tampered tag
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b"",  # empty
        lambda b: os.urandom(200),  # garbage
    ],
)
def test_a_damaged_entry_is_ignored_and_rewritten(folder: Path, damage: object) -> None:
    text = HUAIYIN.read_text(encoding="utf-8")
    read_yaml(text)
    (entry,) = _entries(folder, "facts")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))  # type: ignore[operator]
    assert cache.load_located(text) is None
    located = read_yaml(text)
    assert located.data == _compose(text).data
    assert entry.read_bytes() == good  # written again


def test_an_entry_of_another_format_is_ignored(folder: Path) -> None:
    text = HUAIYIN.read_text(encoding="utf-8")
    read_yaml(text)
    (entry,) = _entries(folder, "facts")
    name = entry.name
    stored = json.loads(entry.read_bytes()[32:])
    stored["format"] = cache.FORMAT - 1
    payload = json.dumps(stored).encode()
    entry.write_bytes(cache._tag(cache._state["key"], name, payload) + payload)  # a valid tag
    assert cache.load_located(text) is None


def test_an_entry_for_another_file_is_not_used(folder: Path) -> None:
    text = HUAIYIN.read_text(encoding="utf-8")
    other = text.replace("槐荫区", "历下区", 1)
    read_yaml(other)
    (entry,) = _entries(folder, "facts")
    target = folder / "facts" / cache._facts_name(text)
    entry.rename(target)  # moved under the first file's name: its tag names the other
    assert cache.load_located(text) is None
    assert read_yaml(text).data == _compose(text).data


@pytest.mark.parametrize("value", ["off", "OFF", "", " "])
def test_the_variable_turns_the_cache_off(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, value)
    cache.set_enabled(True)
    assert cache.cache_folder() is None
    read_yaml(HUAIYIN.read_text(encoding="utf-8"))
    cache.set_enabled(True)


def test_no_cache_writes_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, str(folder))  # restored after the test
    cache.set_enabled(False)
    assert os.environ[cache.ENV] == "off"  # worker processes inherit it
    read_yaml(HUAIYIN.read_text(encoding="utf-8"))
    assert not folder.exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_key_others_can_read_turns_the_cache_off(folder: Path) -> None:
    assert cache.cache_folder() == folder
    (folder / "key").chmod(0o644)
    cache.set_enabled(True)
    assert cache.cache_folder() is None


def test_small_texts_are_not_cached(folder: Path) -> None:
    read_yaml("a: 1\n")
    assert _entries(folder, "facts") == []


def test_later_errors_stay_located_after_a_cached_load(folder: Path) -> None:
    first = load_facts(HUAIYIN)
    second = load_facts(HUAIYIN)  # from the cache
    text = HUAIYIN.read_text(encoding="utf-8")
    assert (folder / "facts" / cache._facts_name(text)).is_file()
    path = ("figures", 3, "amount")
    assert problem_at(second, path, "x") == problem_at(first, path, "x")
    assert problem_at(second, path, "x").line is not None
    assert second == first


def test_compiled_templates_are_kept_and_checked(folder: Path) -> None:
    code = b"compiled"
    cache.store_template("name|file", "checksum", code)
    assert cache.load_template("name|file", "checksum") == code
    assert cache.load_template("name|file", "edited") is None  # another source
    (entry,) = _entries(folder, "templates")
    entry.write_bytes(entry.read_bytes()[:-1] + b"X")
    assert cache.load_template("name|file", "checksum") is None


def test_a_build_fills_the_template_cache(folder: Path) -> None:
    import reportgen
    from reportgen.render import environment

    facts = load_facts(ROOT / "examples" / "minimal.yaml")
    environment._BYTECODE_CACHE._store.clear()
    first = reportgen.build(facts, lang="en").markdown
    stored = _entries(folder, "templates")
    assert stored
    environment._BYTECODE_CACHE._store.clear()  # as in a new process: read from disk
    assert reportgen.build(facts, lang="en").markdown == first
    assert _entries(folder, "templates") == stored
