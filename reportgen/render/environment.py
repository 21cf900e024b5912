"""The Jinja2 environment: sandboxed, strict, user templates first.

- ``ImmutableSandboxedEnvironment``: templates cannot reach Python internals
  (``__class__``, ``__globals__`` …) or mutate the data.
- ``StrictUndefined``: a typo is an error with template name and line.
- Autoescape with a Markdown ``finalize``: every string a template outputs is
  escaped for Markdown unless it is ``Markup`` (macro output, template text), so
  data can never inject markup or template code.
- Search path: the user's ``<dir>/<lang>/``, then ``<dir>/``, then the packaged
  ``templates/<lang>/`` and ``templates/common/``. Overriding a section is copying one file.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from reportgen.errors import OptionError, Problem, TemplateError
from reportgen.render.escape import escape_markdown
from reportgen.resources import templates_dir

ROOT_TEMPLATE = "report.md.j2"


def _finalize(value: object) -> object:
    """Escape every non-Markup value for Markdown before it is written out."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise TemplateError("a template printed None; use a default or test with 'is none'")
    return Markup(escape_markdown(str(value)))


def capfirst(text: str) -> str:
    """Upper-case the first character only (Jinja's ``capitalize`` lowers the rest).

    >>> capfirst("regional GDP")
    'Regional GDP'
    """
    return text[:1].upper() + text[1:]


def search_path(lang: str, user_dir: Path | None) -> list[Path]:
    """The folders searched for templates, first match wins."""
    folders: list[Path] = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise OptionError(f"--templates {user_dir}: no such folder")
        folders += [user_dir / lang, user_dir]
    folders += [templates_dir() / lang, templates_dir() / "common"]
    return [f for f in folders if f.is_dir()]


def make_environment(
    lang: str,
    user_dir: Path | None,
    filters: Mapping[str, Callable[..., Any]],
    tests: Mapping[str, Callable[..., bool]] | None = None,
) -> ImmutableSandboxedEnvironment:
    """The sandboxed environment for ``lang`` with the formatting filters installed."""
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(p) for p in search_path(lang, user_dir)]),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.loopcontrols"],
    )
    env.filters["capfirst"] = capfirst
    env.filters.update(filters)
    env.tests.update(tests or {})
    return env


def render_template(
    env: jinja2.Environment, context: Mapping[str, Any], name: str = ROOT_TEMPLATE
) -> str:
    """Render ``name``; any template problem becomes a located :class:`TemplateError`."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as error:
        source = error.filename or error.name or name
        raise _error(source, error.lineno, error.message or "syntax error") from None
    except jinja2.TemplateNotFound as error:
        folders = ", ".join(str(p) for p in getattr(env.loader, "searchpath", []))
        raise _error(name, None, f"template '{error.name}' not found in {folders}") from None
    except TemplateError as error:
        raise _error(*_template_frame(error, name), str(error)) from None
    except (jinja2.UndefinedError, SecurityError, TypeError, ValueError) as error:
        raise _error(*_template_frame(error, name), _describe(error)) from None
    except RecursionError as error:
        raise _error(*_template_frame(error, name), "templates recurse too deeply") from None


def _describe(error: Exception) -> str:
    if isinstance(error, SecurityError):
        return f"not allowed in the template sandbox: {error}"
    return str(error)


def _template_frame(error: BaseException, default: str) -> tuple[str, int | None]:
    """The innermost template file and line in a render traceback (Jinja rewrites them)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2") or frame.filename == "<template>":
            return frame.filename, frame.lineno
    return default, None


def _error(where: str, line: int | None, message: str) -> TemplateError:
    return TemplateError(message, [Problem(where, line, None, message)])
