"""Load a fact file: YAML with positions → validated :class:`DistrictFacts`.

Every problem is collected and reported at once as ``file:line:col: message``.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from reportgen.errors import DataError, DataWarning, Problem
from reportgen.facts.findings import finding_problems
from reportgen.facts.hints import unknown_key_hint
from reportgen.facts.model import (
    District,
    DistrictFacts,
    Entity,
    Figure,
    Meta,
    Origin,
    Source,
)
from reportgen.facts.qualitative import QUALITATIVE, cited
from reportgen.facts.quotes import check_numbers_in_quotes, check_quotes
from reportgen.facts.topics import read_topics, unnamed_topics
from reportgen.facts.yamlpos import (
    FileTooLarge,
    Located,
    NotRegularFile,
    Path,
    YamlProblem,
    read_bounded,
    read_yaml,
)

_M = TypeVar("_M", bound=BaseModel)
MAX_FILE_BYTES = 20 * 1024 * 1024
_SINGULAR = {"figures": "figure", "sources": "source", "entities": "entity"} | {
    name: singular for name, (_, singular) in QUALITATIVE.items()
}
#: Lists a fact file may leave out; the others must be non-empty.
_OPTIONAL = {"entities", *QUALITATIVE}
#: Lists whose ids share one namespace: every kind of fact.
_FACT_KINDS = ("figures", *QUALITATIVE)
ABOUT_SPLIT = "about was split into owner, examples and place (see CHANGELOG)"


def load_facts(
    path: str | os.PathLike[str] | Mapping[str, Any], sources_dir: str | FsPath | None = None
) -> DistrictFacts:
    """Read and validate a fact file; raise :class:`DataError` listing every problem.

    ``path`` may also be a mapping of the file's content (facts made in Python): it
    passes the same checks, and problems are located by path (``<mapping>:figures[3]``).
    With ``sources_dir``, every quote is also checked verbatim against its article.
    """
    from reportgen.arguments import path_arg
    from reportgen.facts.mapping import load_mapping, mark_validated

    folder = None if sources_dir is None else path_arg(sources_dir, "sources_dir")
    if isinstance(path, Mapping):
        return load_mapping(path, folder)
    path = path_arg(path, "load_facts() takes a fact file's path or a mapping; path")
    located = _read(path)
    facts, problems = validate_data(located, folder)
    if problems:
        raise DataError(
            f"{path}: {len(problems)} problem(s)",
            [
                Problem(str(path), *_where(located, p), _subject(located.data, p) + m)
                for p, m in problems
            ],
        )
    assert facts is not None
    for cleaned in located.cleaned:
        where = ":".join(str(n) for n in _where(located, cleaned) if n is not None)
        subject = _subject(located.data, cleaned).removesuffix(": ")
        warnings.warn(
            DataWarning(f"{path}:{where}: {subject}: removed characters that XML forbids"),
            stacklevel=2,
        )
    facts._origin = Origin(str(path), located)
    mark_validated(facts)
    return facts


def problem_at(facts: DistrictFacts, path: Path, message: str) -> Problem:
    """A problem located at ``path`` of the file ``facts`` was loaded from (if known)."""
    origin = facts._origin
    if origin is None:
        return Problem("<facts>", None, None, message)
    subject = _subject(origin.located.data, path)
    return Problem(origin.file, *_where(origin.located, path), subject + message)


def _where(located: Located, path: Path) -> tuple[int | None, int | None]:
    position = located.position(path)
    return position if position is not None else (None, None)


def _read(path: FsPath) -> Located:
    def fail(message: str, line: int | None = None, column: int | None = None) -> DataError:
        return DataError(message, [Problem(str(path), line, column, message)])

    try:  # stat first, then a bounded read: a FIFO or /dev/zero is refused, never read
        raw = read_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise fail("no such file") from None
    except NotRegularFile as error:
        raise fail(f"{error.reason}, not a fact file") from None
    except FileTooLarge:
        message = f"is larger than {MAX_FILE_BYTES // 2**20} MiB; is it really a fact file?"
        raise fail(message) from None
    except OSError as error:
        raise fail(f"cannot read: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise fail(f"not UTF-8 text (byte {error.start}); save the file as UTF-8", line) from None
    if "\x00" in text:
        raise fail("contains NUL bytes: this is a binary file, not YAML", 1)
    try:
        located = read_yaml(text)
    except YamlProblem as problem:
        where = problem.position or (None, None)
        raise fail(problem.message, *where) from None
    if not isinstance(located.data, dict):
        raise fail("expected a mapping with district, sources, entities and figures", 1, 1)
    return located


def validate_data(
    located: Located, sources_dir: FsPath | None = None
) -> tuple[DistrictFacts | None, list[tuple[Path, str]]]:
    """Validate plain data record by record; return the facts (if valid) and every problem.

    Records are validated one at a time, so cross-record checks (duplicate ids,
    dangling references) still run on the valid ones when others are broken.
    """
    data: dict[str, Any] = located.data
    problems: list[tuple[Path, str]] = [
        ((key,), unknown_key_hint(DistrictFacts, (key,)))
        for key in data
        if key not in DistrictFacts.model_fields
    ]
    district = _one(District, data.get("district"), ("district",), problems)
    groups: dict[str, list[tuple[int, Any]]] = {}
    for name, model in _GROUPS.items():
        items = data.get(name, [] if name in _OPTIONAL else None)
        if not isinstance(items, list) or (not items and name not in _OPTIONAL):
            problems.append(((name,), f"expected a non-empty list of {name}"))
            items = []
        groups[name] = [
            (i, record)
            for i, item in enumerate(items)
            if (record := _one(model, item, (name, i), problems)) is not None
        ]
    problems += _cross_checks(groups, data)
    problems += finding_problems(groups, data)  # every number in a finding is a figure
    topics, topic_problems = read_topics(data.get("topics"))
    problems += topic_problems + unnamed_topics(groups, topics)
    problems += check_numbers_in_quotes(groups["figures"])
    if sources_dir is not None:
        others = cited({name: groups[name] for name in QUALITATIVE})
        problems += check_quotes(groups["sources"], groups["figures"], sources_dir, others)
    meta = _one(Meta, data.get("meta", {}), ("meta",), problems)  # the DOCX masthead
    if problems or district is None or meta is None:
        return None, problems
    records = {name: tuple(record for _, record in group) for name, group in groups.items()}
    return DistrictFacts(district=district, topics=topics, meta=meta, **records), []


_GROUPS: dict[str, type[BaseModel]] = {"sources": Source, "entities": Entity, "figures": Figure}
_GROUPS.update((name, model) for name, (model, _) in QUALITATIVE.items())


def _one(model: type[_M], raw: Any, path: Path, problems: list[tuple[Path, str]]) -> _M | None:
    """Validate one record; on failure add its problems (with full paths) and return None."""
    if raw is None:
        problems.append((path, "is required"))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        for e in error.errors():
            where = (*path, *e["loc"])
            message = _message(e)
            if e["type"] == "extra_forbidden":  # a misspelt key: say which one was meant
                message = unknown_key_hint(model, tuple(e["loc"]))
            problems.append((where, _about_message(where, message)))
        return None


def _about_message(path: Path, message: str) -> str:
    """The message for an old figure's ``about``: say what replaced it."""
    if len(path) == 3 and path[0] == "figures" and path[2] == "about":
        return ABOUT_SPLIT
    return message


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "string_pattern_mismatch":
        return f"must be lowercase letters, digits and hyphens, got {error['input']!r}"
    if kind == "model_type":
        return f"expected a mapping, got {type(error['input']).__name__}"
    if kind in {"tuple_type", "list_type"}:
        return f"expected a list, got {error['input']!r}"
    if kind == "too_short" and error.get("ctx", {}).get("min_length") == 1:
        return "expected a non-empty list"
    message = error["msg"].removeprefix("Value error, ")
    return message[0].lower() + message[1:] if message else kind


def _written_ids(items: Any) -> set[str]:
    """The ids written in a list of records, valid or not."""
    if not isinstance(items, list):
        return set()
    return {r["id"] for r in items if isinstance(r, dict) and isinstance(r.get("id"), str)}


def _cross_checks(
    groups: dict[str, list[tuple[int, Any]]], data: dict[str, Any]
) -> list[tuple[Path, str]]:
    """Problems that span records: duplicate ids and references that go nowhere.

    References are checked against every id written, so a broken record is reported
    once, not again by each figure that refers to it.
    """
    found: list[tuple[Path, str]] = []
    for name, records in groups.items():
        if name not in _FACT_KINDS:
            found += _duplicates({name: records})
    found += _duplicates({name: groups[name] for name in _FACT_KINDS})
    source_ids = _written_ids(data.get("sources"))
    entity_ids = _written_ids(data.get("entities"))
    known = ", ".join(sorted(source_ids))
    for path, citation in cited(groups):
        if citation.source not in source_ids:
            message = f"unknown source '{citation.source}'; known sources: {known}"
            found.append(((*path, "source"), message))
    for name in _FACT_KINDS:
        for index, record in groups[name]:
            for where, entity_id in record.entity_refs():
                if entity_id not in entity_ids:
                    found.append(((name, index, *where), f"unknown entity '{entity_id}'"))
            found.extend(((name, index, field), message) for field, message in record.problems())
    return found


def _duplicates(groups: dict[str, list[tuple[int, Any]]]) -> list[tuple[Path, str]]:
    """Records whose id is already taken by an earlier record of these lists."""
    found: list[tuple[Path, str]] = []
    seen: dict[str, str] = {}
    for name, records in groups.items():
        for index, record in records:
            if record.id in seen:
                message = f"duplicate id '{record.id}' (also {seen[record.id]})"
                found.append(((name, index, "id"), message))
            seen.setdefault(record.id, f"{name}[{index}]")
    return found


def _subject(data: Any, path: Path) -> str:
    """Name what a path points at: ``figure 'gdp-2023h1' amount: ``."""
    if not path:
        return ""
    head, rest = str(path[0]), list(path[1:])
    subject = head
    if head in _SINGULAR and rest and isinstance(rest[0], int):
        index = int(rest.pop(0))
        subject = f"{_SINGULAR[head]} #{index + 1}"
        records = data.get(head) if isinstance(data, dict) else None
        if isinstance(records, list) and index < len(records):
            record = records[index]
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                subject = f"{_SINGULAR[head]} '{record['id']}'"
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in rest).lstrip(".")
    return f"{subject} {field}: " if field else f"{subject}: "
