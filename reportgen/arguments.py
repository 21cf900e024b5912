"""Checks for the arguments of the public functions: clear OptionErrors, never a crash inside.

A path may be a ``str`` or any ``os.PathLike``; a sequence of names must not be a bare
string (``"md"`` would be read letter by letter); every choice is checked against the
known ones.

>>> path_arg("out", "out_dir")
PosixPath('out')
>>> names_arg(("md",), "formats")
('md',)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from reportgen.errors import OptionError


def path_arg(value: object, name: str, what: str = "a path") -> Path:
    """``value`` as a Path; a str or os.PathLike is accepted, anything else refused."""
    if isinstance(value, (str, os.PathLike)) and not isinstance(value, bytes):
        text = os.fspath(value)
        if isinstance(text, str) and text and "\x00" not in text:
            return Path(text)
    raise OptionError(f"{name} must be {what} (str or pathlib.Path), got {_describe(value)}")


def names_arg(value: object, name: str, what: str = "names") -> tuple[str, ...]:
    """A sequence of strings: a list or tuple, never a bare string."""
    if isinstance(value, (str, bytes)):
        raise OptionError(
            f"{name} must be a list of {what}, not a string: write [{value!r}], not {value!r}"
        )
    if not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
        if isinstance(value, Sequence):
            return tuple(str(v) for v in value)  # the caller names the unknown ones
        raise OptionError(f"{name} must be a list of {what}, got {_describe(value)}")
    return tuple(value)


def choice_arg(value: object, name: str, choices: Sequence[str]) -> str:
    """One of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise OptionError(f"unknown {name} {value!r}; choose from {', '.join(choices)}")
    return value


def flag_arg(value: object, name: str) -> bool:
    """A real bool (``"no"`` would be true)."""
    if not isinstance(value, bool):
        raise OptionError(f"{name} must be True or False, got {_describe(value)}")
    return value


def _describe(value: object) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"
