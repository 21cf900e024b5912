"""The Jinja2 environment: sandboxed, strict, user templates first.

- :class:`~reportgen.render.sandbox.Sandbox`: templates read only the data's fields and
  call only the documented helpers and built-in value methods; loops, calls, strings
  and the output are bounded (:mod:`reportgen.render.limits`).
- Template files are read only from inside the template folders: a link whose real
  path leaves them is refused.
- ``StrictUndefined``: a typo is an error with template name and line.
- Autoescape with a Markdown ``finalize``: every string a template outputs is
  escaped for Markdown unless it is ``Markup`` (macro output, template text), so
  data can never inject markup or template code.
- Search path: the user's ``<dir>/<lang>/``, then ``<dir>/``, then the packaged
  ``templates/<lang>/``. Overriding a section is copying one file.
"""

from __future__ import annotations

import traceback
import types
from collections.abc import Callable, Generator, Mapping
from pathlib import Path
from typing import Any, cast

import jinja2
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from reportgen import cache
from reportgen.errors import OptionError, Problem, TemplateError
from reportgen.render.escape import escape_markdown
from reportgen.render.limits import MAX_OUTPUT, MAX_PRODUCT, RANGE_BUDGET, bounded_filter
from reportgen.render.limits import check_printed as _check_printed
from reportgen.render.sandbox import Sandbox
from reportgen.resources import templates_dir

__all__ = [
    "MAX_OUTPUT", "MAX_PRODUCT", "RANGE_BUDGET", "ROOT_TEMPLATE", "Sandbox", "capfirst",
    "make_environment", "render_template", "search_path",
]  # fmt: skip

ROOT_TEMPLATE = "report.md.j2"


class _Loader(jinja2.FileSystemLoader):
    """The file loader: a template whose real path (links resolved) leaves the template
    folders is refused, and one that is not UTF-8 is located in its own file."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        for folder in self.searchpath:
            path = Path(folder, *jinja2.loaders.split_template_path(template))
            if path.is_symlink() or path.is_file():
                self._check_inside(template, path)
                break
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as error:
            filename = next(
                (
                    str(Path(f) / template)
                    for f in self.searchpath
                    if (Path(f) / template).is_file()
                ),
                template,
            )
            line = error.object[: error.start].count(b"\n") + 1
            message = f"not UTF-8 text (byte {error.start}); save the template as UTF-8"
            raise jinja2.TemplateSyntaxError(message, line, template, filename) from None

    def _check_inside(self, template: str, path: Path) -> None:
        """Refuse ``path`` when its real path lies outside every template folder."""
        real = path.resolve()
        if not any(real.is_relative_to(Path(f).resolve()) for f in self.searchpath):
            raise TemplateError(
                f"template '{template}' is a link to a file outside the template folders; "
                "copy the file into the folder instead"
            )


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by name and source
    checksum, so a batch compiles each template once (an edited file compiles anew);
    behind it the on-disk cache of reportgen/cache.py keeps them for later runs."""

    def __init__(self) -> None:
        #: name → (source checksum, code object): no unmarshalling per briefing
        self._store: dict[str, tuple[str, types.CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill ``bucket`` from the store when its template was compiled before."""
        found = self._store.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]
            return
        data = cache.load_template(bucket.key, bucket.checksum)
        if data is not None:
            bucket.bytecode_from_string(data)
            if bucket.code is not None:
                self._store[bucket.key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep a freshly compiled template."""
        assert bucket.code is not None
        self._store[bucket.key] = (bucket.checksum, bucket.code)
        cache.store_template(bucket.key, bucket.checksum, bucket.bytecode_to_string())


#: One cache for every environment: they all share the same settings, so the same code.
_BYTECODE_CACHE = _MemoryBytecodeCache()


def _finalize(value: object) -> object:
    """Escape every non-Markup value for Markdown before it is written out."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise TemplateError("a template printed None; use a default or test with 'is none'")
    _check_printed(value)
    return Markup(escape_markdown(str(value)))


def capfirst(text: str) -> str:
    """Upper-case the first letter only (Jinja's ``capitalize`` lowers the rest);
    leading quotes and digits are left as they are.

    >>> capfirst("regional GDP"), capfirst('"model" villages'), capfirst("地区生产总值")
    ('Regional GDP', '"Model" villages', '地区生产总值')
    """
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def search_path(lang: str, user_dir: Path | None) -> list[Path]:
    """The folders searched for templates, first match wins."""
    folders: list[Path] = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise OptionError(f"--templates {user_dir}: no such folder")
        folders += [user_dir / lang, user_dir]
    folders.append(templates_dir() / lang)
    return [f for f in folders if f.is_dir()]


def make_environment(
    lang: str,
    user_dir: Path | None,
    filters: Mapping[str, Callable[..., Any]],
    tests: Mapping[str, Callable[..., bool]] | None = None,
) -> Sandbox:
    """The sandboxed environment for ``lang`` with the formatting filters installed."""
    env = Sandbox(
        loader=_Loader([str(p) for p in search_path(lang, user_dir)]),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.loopcontrols"],
        bytecode_cache=_BYTECODE_CACHE,
    )
    env.filters["capfirst"] = capfirst
    env.filters.update(filters)
    env.filters.update({name: bounded_filter(name, f) for name, f in env.filters.items()})
    env.tests.update(tests or {})
    return env


def render_template(
    env: jinja2.Environment, context: Mapping[str, Any], name: str = ROOT_TEMPLATE
) -> str:
    """Render ``name``; any template problem becomes a located :class:`TemplateError`."""
    if isinstance(env, Sandbox):
        env.reset_budget()
    try:
        return _render_bounded(env.get_template(name), context)
    except jinja2.TemplateSyntaxError as error:
        source = error.filename or error.name or name
        raise _error(source, error.lineno, error.message or "syntax error") from None
    except jinja2.TemplateNotFound as error:
        folders = ", ".join(str(p) for p in getattr(env.loader, "searchpath", []))
        message = f"template '{error.name}' not found in {folders}"
        raise _error(*_template_frame(error, name), message) from None
    except TemplateError as error:
        raise _error(*_template_frame(error, name), str(error)) from None
    except (jinja2.UndefinedError, SecurityError, TypeError, ValueError) as error:
        raise _error(*_template_frame(error, name), _describe(error)) from None
    except (ArithmeticError, LookupError) as error:  # 1/0, range(10**100), '%(x)s'|format
        message = f"{type(error).__name__}: {error}"
        raise _error(*_template_frame(error, name), message) from None
    except RecursionError as error:
        raise _error(*_template_frame(error, name), "templates recurse too deeply") from None
    except MemoryError as error:  # a bound this module does not foresee: still no traceback
        message = "the template ran out of memory building a value"
        raise _error(*_template_frame(error, name), message) from None


def _render_bounded(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """``template.render(context)``, refused once the output passes :data:`MAX_OUTPUT`
    characters; the error is raised inside the template, at the line writing."""
    env = template.environment
    parts: list[str] = []
    total = 0
    try:
        events = cast(
            Generator[str, None, None],
            template.root_render_func(template.new_context(dict(context))),
        )
        for part in events:
            total += len(part)
            if total > MAX_OUTPUT:
                limit = f"a briefing may hold at most {MAX_OUTPUT:,} characters of output"
                _innermost(events).throw(SecurityError(limit))
            parts.append(part)
    except Exception:
        env.handle_exception()
    return str(env.concat(parts))


def _innermost(events: Generator[str, None, None]) -> Generator[str, None, None]:
    """The template generator that produced the latest output: through blocks
    (``yield from``) and includes (Jinja's ``for event in gen: yield event``), so an
    error thrown into it names the template and line that wrote."""
    while True:
        frame = getattr(events, "gi_frame", None)
        inner = getattr(events, "gi_yieldfrom", None) or (
            frame.f_locals.get("gen") if frame is not None else None
        )
        if not isinstance(inner, types.GeneratorType) or inner.gi_frame is None:
            return events
        events = inner


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
