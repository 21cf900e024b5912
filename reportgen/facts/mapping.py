"""Facts made in Python: a mapping given to ``load_facts``, or facts built() did not load.

A mapping passes every check a fact file does (record by record, then the checks
across records: ids, sources, quotes, sections); a problem is located by its path,
``<mapping>:figures[3].amount: …``, since there is no line to name. :func:`revalidate`
runs the same checks on facts that :func:`reportgen.load_facts` did not return as they
are (a ``model_copy`` with changed fields, or ``model_construct``), so no build can
crash on facts a file would have been refused for.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel

from reportgen.errors import DataError, Problem
from reportgen.facts.model import DistrictFacts, Origin
from reportgen.facts.yamlpos import Located, Path

#: Facts known to be valid as they are: the id of each, and a weak reference to it.
_VALIDATED: dict[int, weakref.ref[DistrictFacts]] = {}


def mark_validated(facts: DistrictFacts) -> None:
    """Remember that ``facts`` (this very object) passed every check."""
    key = id(facts)
    _VALIDATED[key] = weakref.ref(facts, lambda _: _VALIDATED.pop(key, None))


def is_validated(facts: DistrictFacts) -> bool:
    """Whether ``facts`` is an object that passed every check (not a copy of one)."""
    ref = _VALIDATED.get(id(facts))
    return ref is not None and ref() is facts


def load_mapping(
    data: Mapping[str, Any], sources_dir: FsPath | None = None, name: str = "<mapping>"
) -> DistrictFacts:
    """Validate plain data as a fact file is validated; DataError lists every problem."""
    from reportgen.facts.loader import _subject, validate_data

    located = Located(data=plain(data))
    facts, problems = validate_data(located, sources_dir)
    if problems:
        raise DataError(
            f"{name}: {len(problems)} problem(s)",
            [
                Problem(
                    f"{name}:{dotted(path)}" if path else name,
                    None,
                    None,
                    _subject(located.data, path) + message,
                )
                for path, message in problems
            ],
        )
    assert facts is not None
    facts._origin = Origin(name, located)
    mark_validated(facts)
    return facts


def revalidate(facts: DistrictFacts) -> DistrictFacts:
    """``facts`` if it passed every check as it is, else the same facts checked anew."""
    if is_validated(facts):
        return facts
    return load_mapping(fields_of(facts), name="<facts>")


def fields_of(model: BaseModel) -> dict[str, Any]:
    """A model as a mapping of its fields, nested models too; other values (amounts,
    periods, enums) as they are, so nothing is lost to a round trip through text.
    Fields left at their defaults are left out, as a fact file leaves them out."""
    found: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if not info.is_required() and value == info.get_default(call_default_factory=True):
            continue
        found[name] = _unmodel(value)
    return found


def _unmodel(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return fields_of(value)
    if isinstance(value, (list, tuple)):
        return [_unmodel(v) for v in value]
    return value


def dotted(path: Path) -> str:
    """``("figures", 3, "amount")`` → ``figures[3].amount``.

    >>> dotted(("figures", 3, "sources", 0, "source"))
    'figures[3].sources[0].source'
    """
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def plain(value: Any) -> Any:
    """Mappings as dicts with str keys and sequences as lists, all the way down."""
    if isinstance(value, Mapping):
        return {k if isinstance(k, str) else repr(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
