"""``reportgen init``: a small working project to start from.

The project holds a fact file with one example of each kind of fact (figures, and
the qualitative kinds the model knows), a made-up article in ``sources/`` that every
quote comes from, the fact file's JSON Schema for editors, and a three-line README.
``reportgen build`` inside it builds the briefing at once.
"""

from __future__ import annotations

import errno
import json
import os
from importlib import resources
from pathlib import Path

import click

from reportgen.errors import OptionError, OutputError

#: The fact file a project keeps; ``build`` and ``validate`` use it when given no file.
PROJECT_FACTS = "facts.yaml"
#: The folder of the articles a project's quotes come from.
PROJECT_SOURCES = "sources"


@click.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Write into a folder that is not empty.")
def init(directory: Path, force: bool) -> None:
    """Start a project in DIRECTORY (default: here): a fact file, a sources folder with an
    article, a schema for editors and a README; then `reportgen build` works there."""
    for path in write_project(directory, force):
        click.echo(str(path))


def project_files() -> dict[str, str]:
    """The project's files by relative path, as text."""
    from reportgen.facts.model import DistrictFacts

    starter = resources.files("reportgen") / "starter"
    facts = (starter / "facts.yaml").read_text(encoding="utf-8")
    kinds = {"statements", "events", "people", "policies"}
    if kinds <= set(DistrictFacts.model_fields):  # the qualitative kinds, where the model has them
        facts += (starter / "qualitative.yaml").read_text(encoding="utf-8")
    from reportgen.facts.schema import fact_file_schema

    return {
        "README.md": (starter / "README.md").read_text(encoding="utf-8"),
        PROJECT_FACTS: facts,
        "facts.schema.json": json.dumps(fact_file_schema(), ensure_ascii=False, indent=2) + "\n",
        f"{PROJECT_SOURCES}/article.txt": (starter / "sources" / "article.txt").read_text(
            encoding="utf-8"
        ),
    }


def write_project(directory: Path, force: bool = False) -> list[Path]:
    """Write the project into ``directory``; refuse a folder that is not empty (unless
    ``force``) and never write through a symbolic link. Returns the paths written."""
    if directory.is_symlink():
        raise OptionError(f"{directory} is a symbolic link; give the folder itself")
    if directory.exists() and not directory.is_dir():
        raise OptionError(f"{directory} is a file, not a folder")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise OptionError(f"{directory} is not empty; use --force to write the project into it")
    files = project_files()
    for relative in files:
        _check_no_link(directory, relative)
    written: list[Path] = []
    for relative, text in files.items():
        path = directory / relative
        _make_folder(path.parent)
        _write_new(path, text.encode("utf-8"))
        written.append(path)
    return written


def _check_no_link(directory: Path, relative: str) -> None:
    """Refuse a target, or a folder on its way, that is a symbolic link."""
    path = directory
    for part in Path(relative).parts:
        path = path / part
        if path.is_symlink():
            raise OptionError(f"{path} is a symbolic link; not written through")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {folder}: {error.strerror}") from None
    if folder.is_symlink() or not folder.is_dir():
        raise OptionError(f"{folder} is not a folder of its own; not written into")


def _write_new(path: Path, data: bytes) -> None:
    """Write ``path`` without following a symbolic link put in its place."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OptionError(f"{path} is a symbolic link; not written through") from None
        raise OutputError(f"cannot write {path}: {error.strerror}") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def project_facts(default: Path) -> Path:
    """The fact file a command uses when given none: ``facts.yaml`` in the current folder
    (a project made by ``init``), else ``default`` (the packaged dataset)."""
    here = Path(PROJECT_FACTS)
    return here if here.is_file() else default
