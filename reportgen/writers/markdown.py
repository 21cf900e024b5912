"""The Markdown writer: the rendered text, and its assets in a folder beside it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reportgen.writers.atomic import write_bytes_atomic, write_text_atomic


def assets_dir_name(stem: str) -> str:
    """The assets folder for a document stem: ``huaiyin.en`` → ``huaiyin.en.assets``.

    >>> assets_dir_name("huaiyin.en")
    'huaiyin.en.assets'
    """
    return f"{stem}.assets"


def write_assets(out_dir: Path, assets: Mapping[str, bytes]) -> list[Path]:
    """Write each asset (relative path → bytes) under ``out_dir``, atomically."""
    written: list[Path] = []
    for relative, data in sorted(assets.items()):
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
        written.append(path)
    return written


def write_markdown(path: Path, markdown: str) -> Path:
    """Write the Markdown text atomically (UTF-8, LF) and return its path."""
    write_text_atomic(path, markdown)
    return path
