"""The bounds on what one template render may build: sizes checked before the work is done.

Every bound is a located template error naming it (docs/security.md lists them):

- any string, list or byte string a template produces: at most :data:`MAX_STRING`
  characters or items (checked *before* building where the size is known in advance:
  ``center``, ``indent``, ``format``/``%``, ``replace``, ``join``, ``batch`` …);
- a render's whole output: at most :data:`MAX_OUTPUT` characters;
- loop iterations and calls together: at most :data:`MAX_STEPS` per render;
- ``range()``: at most :data:`RANGE_BUDGET` numbers per render; ``*`` at most
  :data:`MAX_PRODUCT` items; ``lipsum`` at most :data:`MAX_LIPSUM_PARAGRAPHS` paragraphs
  of at most :data:`MAX_LIPSUM_WORDS` words.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterable
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import MAX_RANGE
from jinja2.utils import generate_lorem_ipsum

#: The most characters (or items) in any one string, list or byte string a template makes.
MAX_STRING = 1_000_000
#: The most characters one render may output.
MAX_OUTPUT = 20_000_000
#: The most loop iterations and calls one render may make, all loops and calls together.
MAX_STEPS = 1_000_000
#: The most numbers ``range`` yields in one render, all calls together.
RANGE_BUDGET = MAX_RANGE
#: The longest string or list ``*`` may build, and the most bits ``**`` may produce.
MAX_PRODUCT = 100_000
MAX_LIPSUM_PARAGRAPHS = 100
MAX_LIPSUM_WORDS = 1_000

_SIZED = (str, bytes, bytearray, list, tuple, dict, set, frozenset)


def too_big(size: int, what: str = "a string or list") -> SecurityError:
    """The error for a value of ``size`` characters or items."""
    return SecurityError(
        f"{what} of {size:,} characters or items; at most {MAX_STRING:,} in one value"
    )


def check_size(size: int, what: str = "a string or list") -> None:
    """Refuse a value that would hold more than :data:`MAX_STRING` characters or items."""
    if size > MAX_STRING:
        raise too_big(size, what)


def checked(value: Any) -> Any:
    """``value``, refused when it is a string or collection beyond the bound."""
    if isinstance(value, _SIZED):
        check_size(len(value))
    return value


def printed_size(value: Any, limit: int = MAX_STRING) -> int:
    """About how many characters ``str(value)`` has, counted without building it; the
    count stops soon after passing ``limit`` (a list of one long string 100,000 times)."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, list | tuple | set | frozenset | dict):
        total = 2
        items = value.items() if isinstance(value, dict) else value
        for item in items:
            total += printed_size(item, limit - total) + 2
            if total > limit:
                break
        return total
    return len(str(value))


def check_printed(value: Any) -> None:
    """Refuse printing or joining a value whose text would pass the bound."""
    if not isinstance(value, str):
        check_size(printed_size(value), "a printed value")
    else:
        check_size(len(value))


# --- sizes known before the work ----------------------------------------------------------

_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def check_printf(fmt: object, args: Any) -> None:
    """``fmt % args``: refuse a width or precision beyond the bound (``%999999999d``)."""
    if not isinstance(fmt, str):
        return
    for match in _PRINTF.finditer(fmt):
        for number in match.groups():
            if number == "*":
                values = args if isinstance(args, tuple) else (args,)
                for value in values:
                    if isinstance(value, int):
                        check_size(abs(value), "a field width")
            elif number:
                check_size(int(number), "a field width")


def check_format(fmt: str, args: Iterable[Any], kwargs: dict[str, Any]) -> None:
    """``fmt.format(...)``: refuse a width or precision beyond the bound."""
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # str.format raises the same error itself
    for _, _, spec, _ in fields:
        if not spec:
            continue
        for number in re.findall(r"\d+", spec):
            check_size(int(number), "a field width")
        if "{" in spec:  # a nested field: its width comes from the arguments
            for value in [*args, *kwargs.values()]:
                if isinstance(value, int):
                    check_size(abs(value), "a field width")


def replaced_size(text: str, old: str, new: str, count: int | None = -1) -> int:
    """The length of ``text.replace(old, new, count)``, without building it."""
    found = len(text) + 1 if old == "" else text.count(old)
    if count is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


def joined_size(items: list[Any], separator: str) -> int:
    """The length of ``separator.join(map(str, items))``, counted with an early stop."""
    total = 0
    for item in items:
        total += printed_size(item, MAX_STRING - total) + len(separator)
        if total > MAX_STRING:
            break
    return total


def _int(value: Any) -> int:
    return value if isinstance(value, int) else 0


# --- filters -----------------------------------------------------------------------------

PreCheck = Callable[..., None]


def _center(value: Any, width: Any = 80, *_: Any, **__: Any) -> None:
    check_size(len(str(value)) + _int(width))


def _indent(s: Any, width: Any = 4, *_: Any, **__: Any) -> None:
    text = str(s)
    step = len(width) if isinstance(width, str) else _int(width)
    check_size(len(text) + (text.count("\n") + 1) * step)


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    check_printf(str(value), kwargs or args)


def _replace(s: Any, old: Any, new: Any, count: Any = None) -> None:
    check_size(replaced_size(str(s), str(old), str(new), count))


def _chunks(value: Any, count: Any, *_: Any, **__: Any) -> None:
    check_size(_int(count), "a batch or slice count")


def _join(value: Any, d: Any = "", attribute: Any = None) -> None:
    if attribute is None and isinstance(value, list | tuple):
        check_size(joined_size(list(value), str(d)))


def _wordwrap(s: Any, width: Any = 79, break_long_words: Any = True, wrapstring: Any = None,
              *_: Any, **__: Any) -> None:  # fmt: skip
    check_size(len(str(s)) * (1 + len(str(wrapstring or "\n"))) // max(_int(width), 1))


def _sequences(iterable: Any, attribute: Any = None, start: Any = 0) -> None:
    if isinstance(iterable, list | tuple) and isinstance(start, list | tuple | str):
        check_size(len(start) + sum(len(v) for v in iterable if isinstance(v, _SIZED)))


def _printed(value: Any, *_: Any, **__: Any) -> None:
    check_printed(value)


#: Filters whose result size is known from their arguments: checked before they run.
PRE_CHECKS: dict[str, PreCheck] = {
    "center": _center, "indent": _indent, "format": _format, "replace": _replace,
    "batch": _chunks, "slice": _chunks, "join": _join, "wordwrap": _wordwrap,
    "sum": _sequences, "pprint": _printed, "tojson": _printed, "string": _printed,
}  # fmt: skip


def bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with its result size bounded, and checked beforehand when that is known."""
    pre = PRE_CHECKS.get(name)
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if pre is not None:
            pre(*args[skip:], **kwargs)
        return checked(func(*args, **kwargs))

    return bounded


# --- methods of built-in values ------------------------------------------------------------


def _width(args: tuple[Any, ...], kwargs: dict[str, Any], key: str) -> int:
    return _int(args[0] if args else kwargs.get(key, 0))


def check_method(owner: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Before a template calls ``owner.name(...)`` on a built-in value: refuse a result
    beyond the bound (``'x'.center(10**9)``, ``(1).to_bytes(10**9)``, ``''.join(...)``)."""
    if isinstance(owner, str):
        if name in ("center", "ljust", "rjust", "zfill"):
            check_size(_width(args, kwargs, "width"))
        elif name == "expandtabs":
            tab = _width(args, kwargs, "tabsize") if args or kwargs else 8
            check_size(len(owner) + owner.count("\t") * tab)
        elif name == "replace" and len(args) >= 2:
            count = args[2] if len(args) > 2 else kwargs.get("count", -1)
            check_size(replaced_size(owner, str(args[0]), str(args[1]), count))
        elif name == "join" and args and isinstance(args[0], list | tuple):
            check_size(joined_size(list(args[0]), owner))
    elif isinstance(owner, int) and name == "to_bytes":
        check_size(_width(args, kwargs, "length"))


def bounded_lipsum(
    n: int = 5,
    html: bool = True,
    min: int = 20,
    max: int = 100,
) -> str:
    """Jinja's ``lipsum`` with at most 100 paragraphs of at most 1,000 words."""
    if n > MAX_LIPSUM_PARAGRAPHS or max > MAX_LIPSUM_WORDS or min > MAX_LIPSUM_WORDS:
        raise SecurityError(
            f"lipsum() makes at most {MAX_LIPSUM_PARAGRAPHS} paragraphs of at most "
            f"{MAX_LIPSUM_WORDS:,} words"
        )
    return generate_lorem_ipsum(n, html, min, max)
