"""The Markdown side of the output: the assets (charts) folder beside the document.

The Markdown text itself is written by :meth:`reportgen.build.Report.write`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reportgen.writers.atomic import write_bytes_atomic


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
