"""The examples run as documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import reportgen

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run_example(name: str, out: Path) -> str:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / name), str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_library_usage(tmp_path: Path) -> None:
    out = run_example("library_usage.py", tmp_path)
    assert "Huaiyin District: " in out
    assert (tmp_path / "huaiyin.en.md").is_file() and (tmp_path / "huaiyin.zh.md").is_file()


def test_batch_builds_every_district(tmp_path: Path) -> None:
    out = run_example("batch.py", tmp_path)
    written = sorted(p.name for p in tmp_path.glob("*.md"))
    assert len(written) == 4, out
    assert "huaiyin.zh.md" in written


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_minimal_example_builds(lang: str) -> None:
    facts = reportgen.load_facts(EXAMPLES / "minimal.yaml")
    assert reportgen.build(facts, lang=lang).markdown.startswith("# ")
