"""``reportgen templates list``: the sections of the briefing and the files that render them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click


@click.command("list")
@click.option("--lang", default="en", show_default=True, help="en or zh.")
@click.option(
    "--templates", type=click.Path(path_type=Path), help="Your template folder, to show overrides."
)
def list_templates(lang: str, templates: Path | None) -> None:
    """List the briefing's sections in order, the template file of each, and whether your
    template folder overrides it; then the other templates (the frame and helpers)."""
    for line in template_listing(lang, templates):
        click.echo(line)


def template_listing(lang: str, user_dir: Path | None) -> Iterator[str]:
    """The lines of ``templates list``: ``section  file  where-from``."""
    from reportgen.build import LANGUAGES, SECTIONS
    from reportgen.errors import OptionError
    from reportgen.render.environment import search_path
    from reportgen.render.sections import GROUPED, section_template
    from reportgen.resources import templates_dir

    if lang not in LANGUAGES:
        raise OptionError(f"--lang {lang}: choose from {', '.join(LANGUAGES)}")
    if user_dir is not None and not user_dir.is_dir():
        what = "is a file, not a folder" if user_dir.exists() else "no such folder"
        raise OptionError(f"--templates {user_dir}: {what}")
    folders = search_path(lang, user_dir)
    defaults = templates_dir() / lang
    known = {section_template(s) for s in SECTIONS}
    own = sorted(
        name
        for folder in folders
        if folder != defaults
        for name in (p.name.removesuffix(".md.j2") for p in folder.glob("*.md.j2"))
        if name not in known and not name.startswith("_") and name not in _FRAME
    )
    yield f"sections ({lang}, in briefing order; --sections takes these names):"
    for section in [*SECTIONS[:-2], *own, *SECTIONS[-2:]]:
        file = f"{section_template(section)}.md.j2"
        also = [data for data, shown in GROUPED.items() if shown == section]
        shows = f"  (also shows: {', '.join(also)})" if also else ""
        yield f"  {section:<22} {file:<24} {_origin(file, folders, defaults)}{shows}"
    yield "other templates (the frame and helpers):"
    frame = sorted(
        {p.name for f in folders for p in f.glob("*.j2")} - _section_files(SECTIONS, own)
    )
    for file in frame:
        yield f"  {'':<22} {file:<24} {_origin(file, folders, defaults)}"


_FRAME = {"report", "title", "footnotes"}


def _section_files(sections: tuple[str, ...], own: list[str]) -> set[str]:
    from reportgen.render.sections import section_template

    return {f"{section_template(s)}.md.j2" for s in [*sections, *own]}


def _origin(file: str, folders: list[Path], defaults: Path) -> str:
    """Where ``file`` comes from: the defaults, or a user folder (overriding or its own)."""
    for folder in folders:
        if (folder / file).is_file():
            if folder == defaults:
                return "default"
            overrides = (defaults / file).is_file()
            return f"{folder / file} ({'overrides the default' if overrides else 'yours'})"
    return "missing"
