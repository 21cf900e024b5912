"""The Jinja2 environment: sandboxed, strict, user templates first.

- ``ImmutableSandboxedEnvironment``: templates cannot reach Python internals
  (``__class__``, ``__globals__`` …, also through ``|attr``) or mutate the data;
  ``range`` yields at most 100,000 numbers in one briefing and ``*``/``**`` cannot
  build a runaway string or number, so a template cannot loop or grow without end.
- ``StrictUndefined``: a typo is an error with template name and line.
- Autoescape with a Markdown ``finalize``: every string a template outputs is
  escaped for Markdown unless it is ``Markup`` (macro output, template text), so
  data can never inject markup or template code.
- Search path: the user's ``<dir>/<lang>/``, then ``<dir>/``, then the packaged
  ``templates/<lang>/``. Overriding a section is copying one file.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NoReturn

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment
from markupsafe import Markup

from reportgen.errors import OptionError, Problem, TemplateError
from reportgen.render.escape import escape_markdown
from reportgen.resources import templates_dir

ROOT_TEMPLATE = "report.md.j2"
#: The most numbers ``range`` yields in one briefing, all calls together (Jinja's own
#: sandbox caps one call at the same number, not a loop of calls).
RANGE_BUDGET = MAX_RANGE
#: The longest string or list ``*`` may build, and the most bits ``**`` may produce.
MAX_PRODUCT = 100_000


def _range_budget() -> Callable[..., range]:
    """``range`` for templates: every call draws on one budget per briefing."""
    left = RANGE_BUDGET

    def budget_range(*args: int) -> range:
        nonlocal left
        numbers = range(*args)
        try:
            count = len(numbers)
        except OverflowError:
            count = RANGE_BUDGET + 1
        if count > left:
            raise SecurityError(
                f"range() may yield at most {RANGE_BUDGET:,} numbers in one briefing"
            )
        left -= count
        return numbers

    return budget_range


class _Loader(jinja2.FileSystemLoader):
    """The file loader, with a template that is not UTF-8 located in its own file."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
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


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with bounded ``range``, ``*`` and ``**``, and unsafe
    attributes refused at once (``|attr('__class__')`` too), not turned into undefined."""

    intercepted_binops = frozenset(["*", "**"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.reset_budget()

    def reset_budget(self) -> None:
        """Give ``range`` its full budget again (once per render)."""
        self.globals["range"] = _range_budget()

    def unsafe_undefined(self, obj: Any, attribute: str) -> NoReturn:
        name = type(obj).__name__
        raise SecurityError(f"access to attribute {attribute!r} of {name!r} object is unsafe.")

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "*":
            for items, times in ((left, right), (right, left)):
                if (
                    isinstance(items, (str, list, tuple))
                    and isinstance(times, int)
                    and len(items) * times > MAX_PRODUCT
                ):
                    size = len(items) * times
                    raise SecurityError(f"'*' would build {size:,} items; at most {MAX_PRODUCT:,}")
        if (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and right > 0
            and abs(left).bit_length() * right > MAX_PRODUCT
        ):
            raise SecurityError(f"'{left} ** {right}' is too large a number for a template")
        return super().call_binop(context, operator, left, right)


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by name and source
    checksum, so a batch compiles each template once (an edited file compiles anew)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill ``bucket`` from the store when its template was compiled before."""
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep a freshly compiled template."""
        self._store[bucket.key] = bucket.bytecode_to_string()


#: One cache for every environment: they all share the same settings, so the same code.
_BYTECODE_CACHE = _MemoryBytecodeCache()


def _finalize(value: object) -> object:
    """Escape every non-Markup value for Markdown before it is written out."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise TemplateError("a template printed None; use a default or test with 'is none'")
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
    env.tests.update(tests or {})
    return env


def render_template(
    env: jinja2.Environment, context: Mapping[str, Any], name: str = ROOT_TEMPLATE
) -> str:
    """Render ``name``; any template problem becomes a located :class:`TemplateError`."""
    if isinstance(env, Sandbox):
        env.reset_budget()
    try:
        return env.get_template(name).render(context)
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
