"""Hints for the mistakes a first-time author makes: a misspelt key, YAML syntax in
plain words.

>>> from reportgen.facts.model import Figure
>>> unknown_key_hint(Figure, ("measur",))
"is not a known field; did you mean 'measure'?"
>>> unknown_key_hint(Figure, ("sources", 0, "qoute"))
"is not a known field; did you mean 'quote'?"
>>> unknown_key_hint(Figure, ("colour",))
'is not a known field; known fields: id, section, topic, measure, amount, …'
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel

#: How many known fields a message lists when nothing is close.
_LISTED = 5


def unknown_key_hint(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    """The message for an unknown key at ``loc`` within ``model``: the closest known field,
    or the first few known fields."""
    known = _fields_at(model, loc[:-1])
    key = str(loc[-1])
    if not known:
        return "is not a known field"
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if not close:
        close = [k for k in known if k.lower() == key.lower() or key.startswith(k)]
    if close:
        return f"is not a known field; did you mean '{close[0]}'?"
    listed = ", ".join(known[:_LISTED]) + (", …" if len(known) > _LISTED else "")
    return f"is not a known field; known fields: {listed}"


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the model found by following ``loc`` from ``model``."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            current = _item_type(current)
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(step)
            current = None if field is None else _model_in(field.annotation)
        else:
            current = None
        if current is None:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """The model or sequence type inside ``X | None`` and ``Annotated[X, …]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _model_in(options[0]) if len(options) == 1 else None
    return annotation


def _item_type(annotation: Any) -> Any:
    """The item type of ``tuple[X, ...]`` or ``list[X]``."""
    if typing.get_origin(annotation) in (tuple, list):
        return _model_in(typing.get_args(annotation)[0])
    return None
