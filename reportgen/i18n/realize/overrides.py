"""A user's phrase overrides: ``phrases.<lang>.yaml`` in the template folder.

Plain data — a mapping of phrase name to pattern — read with the safe YAML reader
(no tags, no aliases), bounded in size, and checked: every name must be a phrase the
language has, every value a string of at most ``MAX_PATTERN`` characters, using only
the ``{fields}`` of the packaged pattern. Every problem is reported at once as
``file:line:col: what is wrong`` (a :class:`TemplateError`, exit 2).

Example (``my-templates/phrases.en.yaml``)::

    target.exceeded: "{Measure} reached {steps}, beating the {period} of {target}."
"""

from __future__ import annotations

import string
from pathlib import Path

from reportgen.errors import Problem, TemplateError
from reportgen.facts.yamlpos import FileRefused, YamlProblem, read_bounded, read_yaml
from reportgen.i18n.realize.words import default_phrases

#: The largest overrides file read, in bytes.
MAX_BYTES = 64_000
#: The longest pattern, in characters.
MAX_PATTERN = 500


def overrides_path(templates: Path | None, lang: str) -> Path | None:
    """``<templates>/<lang>/phrases.<lang>.yaml`` or ``<templates>/phrases.<lang>.yaml``."""
    if templates is None:
        return None
    for candidate in (
        templates / lang / f"phrases.{lang}.yaml",
        templates / f"phrases.{lang}.yaml",
    ):
        if candidate.is_file() or candidate.is_symlink():
            return candidate
    return None


def fields(pattern: str) -> set[str]:
    """The ``{fields}`` a pattern uses (``ValueError`` for a malformed one, or for a
    format spec or conversion such as ``{measure:>999999}``, which could build huge text)."""
    found = set()
    for _, name, spec, conversion in string.Formatter().parse(pattern):
        if name is None:
            continue
        if spec or conversion:
            raise ValueError(f"'{{{name}}}' may not carry a format spec or conversion")
        found.add(name)
    return found


def _allowed(pattern: str) -> set[str]:
    """A packaged pattern's fields, each also with or without its capital."""
    names = fields(pattern)
    return names | {n.lower() for n in names} | {n[:1].upper() + n[1:] for n in names}


def load_overrides(templates: Path | None, lang: str) -> dict[str, str]:
    """The user's overrides for ``lang`` ({} when there is no file); located errors."""
    path = overrides_path(templates, lang)
    if path is None:
        return {}
    try:
        text = read_bounded(path, MAX_BYTES).decode("utf-8")
        located = read_yaml(text)
    except FileRefused as error:
        raise TemplateError(f"{path}: {error.reason}") from None
    except UnicodeDecodeError:
        raise TemplateError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except OSError as error:
        raise TemplateError(f"{path}: {error.strerror}") from None
    except YamlProblem as error:
        line, col = error.position or (None, None)
        problem = Problem(str(path), line, col, error.message)
        raise TemplateError(str(problem), [problem]) from None
    if not isinstance(located.data, dict):
        raise TemplateError(f"{path}: expected a mapping of phrase names to patterns")
    known = default_phrases(lang)
    problems: list[Problem] = []
    result: dict[str, str] = {}
    for name, value in located.data.items():
        line, col = located.position((name,)) or (None, None)

        def bad(message: str, line: int | None = line, col: int | None = col) -> None:
            problems.append(Problem(str(path), line, col, message))

        if name not in known:
            bad(f"unknown phrase '{name}'; see docs/templates.md for the phrase names")
        elif not isinstance(value, str):
            bad(f"'{name}' must be a text (a pattern), not {type(value).__name__}")
        elif len(value) > MAX_PATTERN:
            bad(f"'{name}' is {len(value):,} characters long; at most {MAX_PATTERN}")
        else:
            try:
                extra = fields(value) - _allowed(known[name])
            except ValueError as error:
                bad(f"'{name}' is not a valid pattern: {error}")
                continue
            if extra:
                allowed = ", ".join(sorted(fields(known[name]))) or "none"  # as packaged
                bad(
                    f"'{name}' uses unknown field(s) {', '.join(sorted(extra))}; allowed: {allowed}"
                )
            else:
                result[name] = value
    if problems:
        raise TemplateError(f"{len(problems)} problem(s) in {path}", problems)
    return result
