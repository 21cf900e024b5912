"""``reportgen templates export``: copy the default templates out as a starting point.

Nothing is overwritten and nothing is written through a symbolic link: a target that
exists (a dangling link included), or a folder on the way that is a link, is refused
before any file is written, and each file is created with ``O_EXCL | O_NOFOLLOW``.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportgen.errors import OptionError, OutputError
from reportgen.resources import templates_dir


def export_templates(target: Path, langs: tuple[str, ...]) -> list[Path]:
    """Copy ``templates/<lang>/`` into ``target``; never overwrite a file or follow a link."""
    source = templates_dir()
    for lang in langs:
        if not (source / lang).is_dir():
            raise OptionError(f"no default templates for language '{lang}'")
    if target.is_symlink():
        raise OutputError(f"{target} is a symbolic link; export into a real folder")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is a file, not a folder")
    planned = [
        (path, target / path.relative_to(source))
        for lang in langs
        for path in sorted((source / lang).rglob("*.j2"))
    ]
    for _, dest in planned:
        _check_dest(target, dest)
    clashes = [str(dest) for _, dest in planned if os.path.lexists(dest)]
    if clashes:
        raise OutputError(f"would overwrite {', '.join(clashes)}; export into an empty folder")
    for path, dest in planned:
        _copy(path, dest)
    return [dest for _, dest in planned]


def _check_dest(target: Path, dest: Path) -> None:
    """Refuse a destination that is a link, or lies behind a link or a file, in ``target``."""
    relative = dest.relative_to(target)
    for depth in range(1, len(relative.parts) + 1):
        path = target.joinpath(*relative.parts[:depth])
        if path.is_symlink():
            raise OutputError(f"{dest}: {path} is a symbolic link; export writes through no links")
        if depth < len(relative.parts) and path.exists() and not path.is_dir():
            raise OutputError(f"{dest}: {path} is a file, not a folder")


def _copy(path: Path, dest: Path) -> None:
    """Create ``dest`` (never an existing file, never through a link) with ``path``'s text."""
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        handle = os.open(dest, flags, 0o644)
        with os.fdopen(handle, "wb") as stream:
            stream.write(path.read_bytes())
    except FileExistsError:
        raise OutputError(
            f"{dest}: appeared while exporting; export into an empty folder"
        ) from None
    except OSError as error:
        raise OutputError(f"{dest}: cannot write: {error.strerror}") from None
