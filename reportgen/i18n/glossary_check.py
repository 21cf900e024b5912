"""Check a fact file's names against the term base and against each other.

>>> from reportgen.facts.yamlpos import read_yaml
>>> data = read_yaml('''
... district: {name: {zh: 槐荫区, en: Huaiyin District}, city: {zh: 济南市, en: Jinan City}}
... entities:
...   - {id: a, name: {zh: 山东天岳}}
... figures:
...   - {id: x, measure: {zh: 产值, en: output value}}
...   - {id: y, measure: {zh: 产值, en: output}}
... ''')
>>> terms = (Term(zh="济南市", en="Jinan", kind="place", basis="official"),)
>>> for p in find_problems(data, Glossary(terms), "f.yaml"): print(p)
f.yaml:2:71: district city: '济南市' is 'Jinan City' here, but the term base says 'Jinan' (official)
f.yaml:4:19: entity 'a' name: '山东天岳' has no English name
f.yaml:7:35: figure 'y' measure: '产值' is 'output' here, but 'output value' on line 6
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import DataError, Problem
from reportgen.facts.yamlpos import Located
from reportgen.i18n.glossary import (
    Glossary,
    Name,
    Term,
    names_in,
    normal_zh,
    read_located,
    same_english,
)

__all__ = ["CheckResult", "Term", "check_file", "find_problems"]


@dataclass(frozen=True)
class CheckResult:
    """What a check found, and what it looked at."""

    file: str
    problems: list[Problem]
    names: int
    in_term_base: int

    def summary(self, glossary: Glossary) -> str:
        """One line for a clean check."""
        return (
            f"{self.file}: ok: {self.names} names, {self.in_term_base} of them in the term base "
            f"({len(glossary.terms)} terms); each Chinese name has one English rendering"
        )


def check_file(path: Path, glossary: Glossary) -> CheckResult:
    """Read a fact file (with positions) and check its names; unreadable → DataError."""
    located = read_located(path)
    if not isinstance(located.data, dict):
        raise DataError("not a fact file", [Problem(str(path), 1, 1, "expected a mapping")])
    names = list(names_in(located.data))
    known = sum(1 for n in names if n.zh and glossary.lookup(n.zh))
    return CheckResult(str(path), find_problems(located, glossary, str(path)), len(names), known)


def find_problems(located: Located, glossary: Glossary, file: str) -> list[Problem]:
    """Every problem with the names in ``located``, in file order."""
    problems: list[Problem] = []
    first: dict[str, Name] = {}  # first rendering of each Chinese name (or item) not a term
    for name in names_in(located.data):
        if name.zh is None:
            continue
        message = _check(name, glossary.lookup(name.zh), first, located)
        if message is not None:
            line, column = located.position((*name.path, "en")) or (None, None)
            problems.append(Problem(file, line, column, f"{name.what}: {message}"))
    return problems


def _check(name: Name, term: Term | None, first: dict[str, Name], located: Located) -> str | None:
    assert name.zh is not None
    if not name.forms:
        return f"'{name.zh}' has no English name"
    ref = first.setdefault(("item" if name.is_item else "name") + normal_zh(name.zh), name)
    if name.needs_plural:
        return f"'{name.zh}' has no en_plural (needed for counts other than 1)"
    if term is not None:
        return None if term.accepts(name.forms) else _against_term(name, term)
    if ref is name or _same(name, ref):
        return None
    return _against_first(name, ref, located)


def _same(a: Name, b: Name) -> bool:
    return any(same_english(x, y) for x in a.forms for y in b.forms)


def _against_term(name: Name, term: Term) -> str:
    here = f"'{name.zh}' is '{name.forms[0]}' here"
    return f"{here}, but the term base says '{term.en}' ({term.basis})"


def _against_first(name: Name, ref: Name, located: Located) -> str:
    line = (located.position((*ref.path, "en")) or (0, 0))[0]
    return f"'{name.zh}' is '{name.forms[0]}' here, but '{ref.forms[0]}' on line {line}"
