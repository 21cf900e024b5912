"""Where the packaged dataset and default templates live.

In a source checkout they are the top-level ``data/`` and ``templates/``
folders; in an installed wheel they are bundled under ``reportgen/_bundled/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _resource(name: str) -> Path:
    bundled = _PACKAGE / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / name


def data_dir() -> Path:
    """The folder holding the packaged dataset and glossary."""
    return _resource("data")


def templates_dir() -> Path:
    """The folder holding the default templates (one sub-folder per language)."""
    return _resource("templates")


def default_facts_path() -> Path:
    """The packaged Huaiyin District fact file."""
    return data_dir() / "huaiyin.yaml"
