"""Images in a rendered briefing: its own charts, or files inside the template folders.

A template is code from someone else; a picture it names is embedded into the DOCX and
linked from the Markdown. So after rendering, before anything is written, every image
in the Markdown is checked the same way for every format:

- a chart this briefing drew (``<stem>.assets/chart-1-growth.png``) is kept;
- a relative path that names a regular file inside a template folder (links resolved,
  so the real path must lie inside it too), e.g. a logo beside the template, is copied
  into the briefing's assets folder and the link points there;
- anything else (an absolute path, ``../..``, a URL, a missing file, a link leading out)
  is one and the same error, naming the template line, whether the file exists or not,
  so a template cannot probe the machine's files.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from urllib.parse import unquote

from markdown_it import MarkdownIt

from reportgen.errors import Problem, TemplateError

#: The largest picture a template folder may contribute.
MAX_IMAGE_BYTES = 10_000_000
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_PARSER = MarkdownIt("commonmark").enable("table")


def check_images(
    markdown: str,
    folders: Sequence[str | Path],
    charts: Collection[str],
    asset_dir: str,
) -> tuple[str, dict[str, bytes]]:
    """The Markdown with template images linked into ``asset_dir``, and those images'
    bytes by relative path; :class:`TemplateError` for an image from anywhere else."""
    assets: dict[str, bytes] = {}
    for src in dict.fromkeys(_images(markdown)):
        path = unquote(src)
        if path in charts:
            continue
        found = _inside(path, folders)
        if found is None:
            raise _refused(src, path, folders)
        file, relative = found
        target = f"{asset_dir}/{relative}"
        if target in charts:
            raise _located(path, folders, f"image '{path}' has the name of a chart; rename it")
        assets[target] = _read(file, path, folders)
        link = f"<{target}>" if re.search(r"[\s()<>]", target) else target
        markdown = markdown.replace(f"]({src}", f"]({link}").replace(f"](<{src}>", f"]({link}")
    return markdown, assets


def _images(markdown: str) -> Iterator[str]:
    """The ``src`` of every image, as the Markdown writes it."""
    for token in _PARSER.parse(markdown):
        for child in token.children or []:
            if child.type == "image":
                yield str(child.attrs.get("src", ""))


def _inside(path: str, folders: Sequence[str | Path]) -> tuple[Path, str] | None:
    """The file and its path relative to the template folder that holds it, or None."""
    if not path or _SCHEME.match(path) or Path(path).is_absolute() or "\\" in path:
        return None
    roots = [Path(folder).resolve() for folder in folders]
    for root in roots:
        real = (root / path).resolve()
        holder = next((r for r in (root, *roots) if real.is_relative_to(r)), None)
        if holder is not None and real.is_file():  # outside: the same answer, file or not
            return real, real.relative_to(holder).as_posix()
    return None


def _read(file: Path, path: str, folders: Sequence[str | Path]) -> bytes:
    """The picture's bytes: a regular file of bounded size, read with a bound."""
    info = file.stat()
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_IMAGE_BYTES:
        message = f"image '{path}' is not a picture file of at most {MAX_IMAGE_BYTES:,} bytes"
        raise _located(path, folders, message)
    with file.open("rb") as handle:
        return handle.read(MAX_IMAGE_BYTES + 1)[:MAX_IMAGE_BYTES]


def _refused(src: str, path: str, folders: Sequence[str | Path]) -> TemplateError:
    message = (
        f"image '{path}' is neither a chart of this briefing nor a file inside the template folders"
    )
    return _located((path, src), folders, message)


def _located(
    needles: str | tuple[str, ...], folders: Sequence[str | Path], message: str
) -> TemplateError:
    """The error at the first template line that writes a needle (else the folder)."""
    if isinstance(needles, str):
        needles = (needles,)
    for folder in folders:
        for template in sorted(Path(folder).rglob("*.j2")):
            if not template.is_file() or template.is_symlink():
                continue
            try:
                lines = template.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            for number, line in enumerate(lines, start=1):
                if any(f"]({n}" in line or f"](<{n}>" in line for n in needles):
                    where = str(Path(folder) / template.relative_to(folder))
                    return TemplateError(message, [Problem(where, number, None, message)])
    where = str(folders[0]) if folders else "templates"
    return TemplateError(message, [Problem(where, None, None, message)])
