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
import re
import types
import typing
import unicodedata
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


def plain_yaml_error(error: Any) -> tuple[str, tuple[int, int] | None]:
    """A YAML syntax error (ruamel's ``MarkedYAMLError``) in plain words, placed on the line
    where the problem starts: an unclosed quote where the quote opens, a tab where it is.

    >>> from ruamel.yaml import YAML
    >>> def check(text):
    ...     try:
    ...         YAML(typ="safe", pure=True).compose(text)
    ...     except Exception as error:
    ...         return plain_yaml_error(error)
    >>> check('a:\\n  b: "abc\\n  c: 1\\n')
    ('not valid YAML: a quoted text starts here but its closing quote (") is missing', (2, 6))
    >>> check("a:\\n\\tb: 1\\n")
    ('not valid YAML: a tab character: YAML indents with spaces only', (2, 1))
    >>> check("a:\\n  b: 1\\n c: 2\\n")
    ('not valid YAML: bad indentation: this line is not indented like the lines above it (the \
block from line 1)', (3, 2))
    """
    message, where = _plain(error)
    return f"not valid YAML: {message}", where


def _plain(error: Any) -> tuple[str, tuple[int, int] | None]:
    problem = str(getattr(error, "problem", "") or "")
    context = str(getattr(error, "context", "") or "")
    at = _mark(getattr(error, "problem_mark", None))
    opened = _mark(getattr(error, "context_mark", None))
    if "quoted scalar" in context:
        quote = "'" if _quote_char(error) == "'" else '"'
        return f"a quoted text starts here but its closing quote ({quote}) is missing", opened
    if "another document" in problem:
        return "a second document starts here ('---'): a fact file is one YAML document", at
    if "'\\t'" in problem or "\t" in problem:
        return "a tab character: YAML indents with spaces only", at
    if problem.startswith("expected <block end>") or "did not find expected key" in problem:
        block = f" (the block from line {opened[0]})" if opened else ""
        return f"bad indentation: this line is not indented like the lines above it{block}", at
    if "mapping values are not allowed" in problem:
        return (
            "a ':' that YAML cannot read here: a text containing ': ' must be in quotes; "
            "or this line is indented more than the keys above it, or the line above lacks its ':'"
        ), at
    if "flow mapping" in context or "flow sequence" in context:
        bracket = "{" if "mapping" in context else "["
        quotes = "a text in it containing ': ' or ',' needs quotes"
        return f"a '{bracket}' opened here is not closed where expected ({quotes})", opened or at
    if "flow" in context:
        return "a '[' or '{' is never closed before the end of the file", at
    return problem or context or "cannot be read", at or opened


def _mark(mark: Any) -> tuple[int, int] | None:
    return None if mark is None else (int(mark.line) + 1, int(mark.column) + 1)


def _quote_char(error: Any) -> str:
    """The quote that opened the unclosed text, read from the error's buffer."""
    mark = getattr(error, "context_mark", None)
    buffer = getattr(mark, "buffer", None)
    index = getattr(mark, "pointer", None)
    if isinstance(buffer, str) and isinstance(index, int) and index < len(buffer):
        return buffer[index]
    return '"'


def amount_form_hint(written: str) -> str | None:
    """What form an amount that is nearly right should take, or None.

    >>> amount_form_hint("8,500万元")
    "write the number without thousands separators: '8500万元'"
    >>> amount_form_hint("8500 万元")
    "write the amount without spaces: '8500万元'"
    >>> amount_form_hint("８５００万元")
    "write the digits as 0-9: '8500万元'"
    >>> amount_form_hint("8500万元") is None
    True
    """
    if re.search(r"[0-9][,，][0-9]{3}", written):
        fixed = re.sub(r"(?<=[0-9])[,，](?=[0-9]{3})", "", written)
        return f"write the number without thousands separators: '{fixed.replace(' ', '')}'"
    if re.search(r"\s", written):
        joined = "".join(written.split())
        return f"write the amount without spaces: '{joined}'"
    if re.search("[０-９．％]", written):
        return f"write the digits as 0-9: '{unicodedata.normalize('NFKC', written)}'"
    return None
