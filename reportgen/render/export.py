"""``reportgen templates export``: copy the default templates out as a starting point."""

from __future__ import annotations

import shutil
from pathlib import Path

from reportgen.errors import OptionError, OutputError
from reportgen.resources import templates_dir


def export_templates(target: Path, langs: tuple[str, ...]) -> list[Path]:
    """Copy ``templates/<lang>/`` into ``target``; never overwrite a file."""
    source = templates_dir()
    folders = list(langs)
    for lang in langs:
        if not (source / lang).is_dir():
            raise OptionError(f"no default templates for language '{lang}'")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is a file, not a folder")
    planned = [
        (path, target / path.relative_to(source))
        for folder in folders
        if (source / folder).is_dir()
        for path in sorted((source / folder).rglob("*.j2"))
    ]
    clashes = [str(dest) for _, dest in planned if dest.exists()]
    if clashes:
        raise OutputError(f"would overwrite {', '.join(clashes)}; export into an empty folder")
    for path, dest in planned:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    return [dest for _, dest in planned]
