"""Plain read-only values for templates, and the attributes a template may read on them.

Templates are code other people write, so the context holds data only: strings,
numbers, ``Decimal``, tuples, lists and dicts of them, and small frozen dataclass
views. No pydantic model ever reaches a template (its methods read files and unpickle):
:func:`plain` turns any model into a frozen dataclass view, recursively.

:func:`template_attributes` is the allow-list the sandbox applies: on the project's own
frozen dataclasses (the views in ``reportgen.render`` and ``reportgen.narrative``, the
value types in ``reportgen.facts``: ``Amount``, ``Change``, ``Period``, ``Unit`` …), a
template reads the dataclass fields and the properties (``cite``, ``end_year`` …),
never a method; on the project's enums ``value`` and ``name``; on Jinja's own runtime
objects (``loop``, ``cycler``, macros …) what Jinja documents. A new view type is a
frozen dataclass in ``reportgen.render`` or ``reportgen.narrative`` (or a value type in
``reportgen.facts``): its fields and properties are allowed without registration; a
method is never reachable, so logic a template needs is a property or a global.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from functools import cache
from typing import Any

from jinja2.environment import TemplateModule
from jinja2.runtime import BlockReference, LoopContext, Macro
from jinja2.utils import Cycler, Joiner, Namespace
from pydantic import BaseModel

from reportgen.facts.model import Noun

#: The packages whose frozen dataclasses and enums templates may read.
_OWN_PACKAGES = ("reportgen.render.", "reportgen.facts.", "reportgen.narrative.")
#: Any attribute not starting with ``_`` (a namespace's or an imported template's names).
ANY = frozenset({"*"})
#: Jinja's runtime objects: what its documentation lists for each.
_JINJA: dict[type, frozenset[str]] = {
    LoopContext: frozenset(
        [
            "index",
            "index0",
            "revindex",
            "revindex0",
            "first",
            "last",
            "length",
            "depth",
            "depth0",
            "previtem",
            "nextitem",
            "cycle",
            "changed",
        ]
    ),
    Cycler: frozenset({"next", "reset", "current", "items"}),
    Joiner: frozenset(),
    Macro: frozenset({"name", "arguments", "defaults", "catch_kwargs", "catch_varargs", "caller"}),
    BlockReference: frozenset({"super"}),
    Namespace: ANY,
    TemplateModule: ANY,
}


@dataclasses.dataclass(frozen=True)
class NounView:
    """What a count counts, in both languages (``体育公园`` / ``sports park``, plural)."""

    zh: str | None
    en: str | None
    en_plural: str | None

    def get(self, lang: str) -> str | None:
        """The text in ``lang`` (for the formatter; templates read ``zh``/``en`` directly)."""
        value = getattr(self, lang, None)
        return value if isinstance(value, str) else None


#: Hand-written views of models; any other model gets a generated one.
VIEWS: dict[type[BaseModel], type] = {Noun: NounView}


def plain(value: Any) -> Any:
    """``value`` with every pydantic model turned into its frozen dataclass view.

    Lists, tuples and sets become tuples and frozensets, mappings dicts, recursively;
    strings, numbers and the project's value dataclasses stay as they are.

    >>> plain(Noun(zh="公园", en="park", en_plural="parks"))
    NounView(zh='公园', en='park', en_plural='parks')
    """
    if isinstance(value, BaseModel):
        view = VIEWS.get(type(value)) or _generated_view(type(value))
        return view(**{name: plain(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, list | tuple):
        return tuple(plain(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(plain(v) for v in value)
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    return value


@cache
def _generated_view(model: type[BaseModel]) -> type:
    """A frozen dataclass with the model's fields, named ``<Model>View``."""
    fields = [(name, Any) for name in model.model_fields]
    view = dataclasses.make_dataclass(f"{model.__name__}View", fields, frozen=True)
    view.__module__ = __name__  # one of the project's views (see template_attributes)
    return view


_ATTRIBUTES: dict[type, frozenset[str] | None] = {}


def template_attributes(cls: type) -> frozenset[str] | None:
    """The attributes templates may read on instances of ``cls``; None: not the project's
    (the sandbox then decides: built-in value types keep Jinja's rules, others get none)."""
    if cls not in _ATTRIBUTES:
        _ATTRIBUTES[cls] = _attributes(cls)
    return _ATTRIBUTES[cls]


def _attributes(cls: type) -> frozenset[str] | None:
    for base, names in _JINJA.items():
        if issubclass(cls, base):
            return names
    if not cls.__module__.startswith(_OWN_PACKAGES):
        return None
    if issubclass(cls, enum.Enum):
        return frozenset({"value", "name"})
    params = getattr(cls, "__dataclass_params__", None)
    if params is not None and params.frozen:
        fields = set(getattr(cls, "__dataclass_fields__", {}))
        properties = {
            name
            for klass in cls.__mro__
            for name, member in vars(klass).items()
            if isinstance(member, property) and not name.startswith("_")
        }
        return frozenset(fields | properties)
    return frozenset()
