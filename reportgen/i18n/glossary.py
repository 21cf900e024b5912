"""The term base (data/glossary.yaml) and the check that the data names things by it.

A term is a Chinese name with its English rendering, a kind and a basis
(official, common or proposed). ``check_names`` reads a fact file with
positions and reports, with ``file:line:col``:

(a) a name whose Chinese is a term but whose English is not the term's;
(b) one Chinese name rendered two ways in the file (for names not in the term base;
    item nouns are compared with item nouns, names and measures with each other,
    since a measure describes a figure while an item names what it counts);
(c) a name without English (or a counted item without ``en_plural``).

Names are the district, city and province, entity names, figure measures and
item nouns. Chinese is compared after NFKC and quote normalisation; English
ignoring case, quotes, articles and a regular plural.

>>> same_english("the Yellow River", "Yellow river"), same_english("key project", "key projects")
(True, True)
>>> normal_zh("树兰（济南）国际医院") == normal_zh("树兰(济南)国际医院")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reportgen.errors import DataError, Problem
from reportgen.facts.yamlpos import Located, YamlProblem, read_yaml
from reportgen.facts.yamlpos import Path as YamlPath

_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "‘": "'", "’": "'"})
_ARTICLES = re.compile(r"\b(?:the|a|an)\b")


def normal_zh(text: str) -> str:
    """Chinese for comparison: NFKC (full-width brackets), straight quotes, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_QUOTES))


def normal_en(text: str) -> str:
    """English for comparison: NFKC, straight quotes, case-folded, no articles."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_ARTICLES.sub(" ", text).split()).strip(" .,")


def _plural(text: str) -> str:
    if re.search(r"[^aeiou]y$", text):
        return text[:-1] + "ies"
    return text + ("es" if re.search(r"(?:s|x|z|ch|sh)$", text) else "s")


def same_english(a: str, b: str) -> bool:
    """The same English name, up to case, quotes, articles and a regular plural."""
    x, y = normal_en(a), normal_en(b)
    return x == y or _plural(x) == y or _plural(y) == x


class Term(BaseModel):
    """One entry of the term base."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    kind: Literal["org", "company", "place", "programme", "term", "title"]
    basis: Literal["official", "common", "proposed"]
    zh_variants: tuple[str, ...] = ()  # other Chinese forms of the same name
    en_variants: tuple[str, ...] = ()  # other accepted English forms (short names, glosses)
    source: str | None = None
    note: str | None = None

    def accepts(self, forms: tuple[str, ...]) -> bool:
        """Whether one of the English ``forms`` is this term's English or a variant."""
        return any(same_english(f, e) for f in forms for e in (self.en, *self.en_variants))


@dataclass(frozen=True)
class Glossary:
    """The term base, indexed by normalised Chinese."""

    terms: tuple[Term, ...]
    file: str = "<glossary>"

    def lookup(self, zh: str) -> Term | None:
        """The term for a Chinese name (or one of its variants), or None."""
        return self._index.get(normal_zh(zh))

    @cached_property
    def _index(self) -> dict[str, Term]:
        return {normal_zh(z): t for t in self.terms for z in (t.zh, *t.zh_variants)}


def read_located(path: Path) -> Located:
    """A YAML file with positions; an unreadable file is a :class:`DataError` with its line."""

    def fail(message: str, where: tuple[int, int] | None = None) -> DataError:
        line, column = where or (None, None)
        return DataError(f"{path}: {message}", [Problem(str(path), line, column, message)])

    try:
        return read_yaml(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise fail("no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"cannot read: {error}") from None
    except YamlProblem as problem:
        raise fail(problem.message, problem.position) from None


def load_glossary(path: Path) -> Glossary:
    """Read and validate a term base; :class:`DataError` lists every problem with its line.

    A file is read once per process while it is unchanged (it is large and YAML is slow).
    """
    try:
        stat = path.stat()
    except OSError:
        return _load(path, 0, 0)
    return _load(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> Glossary:
    located = read_located(path)
    problems: list[Problem] = []
    terms = list(_terms(path, located, problems))
    seen: dict[str, int] = {}
    for index, term in terms:
        for zh in (term.zh, *term.zh_variants):
            if (first := seen.setdefault(normal_zh(zh), index)) != index:
                message = f"'{zh}' is already a term (entry {first + 1})"
                problems.append(_at(path, located, (index, "zh"), message))
    if problems:
        raise DataError(f"{path}: {len(problems)} problem(s)", problems)
    return Glossary(tuple(term for _, term in terms), str(path))


def _terms(path: Path, located: Located, problems: list[Problem]) -> Iterator[tuple[int, Term]]:
    if not isinstance(located.data, list):
        problems.append(Problem(str(path), 1, 1, "expected a list of terms (- zh: …, en: …)"))
        return
    for index, raw in enumerate(located.data):
        try:
            yield index, Term.model_validate(raw)
        except ValidationError as error:
            for e in error.errors():
                field = ".".join(str(p) for p in e["loc"])
                message = f"term {index + 1} {field}: {e['msg']}"
                problems.append(_at(path, located, (index, *e["loc"]), message))


def _at(path: Path, located: Located, where: YamlPath, message: str) -> Problem:
    line, column = located.position(where) or (None, None)
    return Problem(str(path), line, column, message)


@dataclass(frozen=True)
class Name:
    """A name found in a fact file: its Chinese, its English forms and where it is."""

    what: str
    path: YamlPath
    zh: str | None
    forms: tuple[str, ...]  # en (and en_plural for an item)
    is_item: bool = False
    needs_plural: bool = False


def names_in(data: dict[str, Any]) -> Iterator[Name]:
    """Every name in raw fact-file data: district, city, province, entities, measures, items,
    people (name and title) and policies."""
    district = data.get("district") or {}
    for key in ("name", "city", "province"):
        yield from _name(f"district {key}", ("district", key), district.get(key))
    for i, entity in enumerate(_records(data, "entities")):
        what = f"entity '{entity.get('id')}' name"
        yield from _name(what, ("entities", i, "name"), entity.get("name"))
    for i, figure in enumerate(_records(data, "figures")):
        label = f"figure '{figure.get('id')}'"
        yield from _name(f"{label} measure", ("figures", i, "measure"), figure.get("measure"))
        yield from _name(f"{label} item", ("figures", i, "item"), figure.get("item"), plural=True)
    for i, person in enumerate(_records(data, "people")):
        label = f"person '{person.get('id')}'"
        yield from _name(f"{label} name", ("people", i, "name"), person.get("name"))
        yield from _name(f"{label} title", ("people", i, "title"), person.get("title"))
    for i, policy in enumerate(_records(data, "policies")):
        what = f"policy '{policy.get('id')}' name"
        yield from _name(what, ("policies", i, "name"), policy.get("name"))


def _records(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    records = data.get(key)
    return [r if isinstance(r, dict) else {} for r in records] if isinstance(records, list) else []


def _name(what: str, path: YamlPath, text: object, plural: bool = False) -> Iterator[Name]:
    if not isinstance(text, dict):
        return
    zh, en, en_plural = text.get("zh"), text.get("en"), text.get("en_plural")
    forms = tuple(str(f) for f in (en, en_plural if plural else None) if isinstance(f, str))
    zh_text = zh if isinstance(zh, str) else None
    yield Name(what, path, zh_text, forms, plural, plural and en_plural is None)
