"""``reportgen validate``: the packaged dataset, files, --sources, exit statuses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reportgen.cli import main
from reportgen.facts import load_facts
from reportgen.resources import default_facts_path

MINIMAL_SUMMARY = (
    "ok: 8 figures (business_environment 1, consumption 1, industry 1, innovation 1, "
    "livelihood 2, overview 1, projects 1), 3 entities, 3 sources"
)


def validate(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["validate", *map(str, args)])


def expected_summary(path: Path) -> str:
    """The summary line, computed independently of the command from the loaded facts."""
    facts = load_facts(path)
    sections = sorted(Counter(f.section.value for f in facts.figures).items())
    by_section = ", ".join(f"{name} {count}" for name, count in sections)
    return (
        f"ok: {len(facts.figures)} figures ({by_section}), "
        f"{len(facts.entities)} entities, {len(facts.sources)} sources"
    )


def test_packaged_dataset_by_default(dataset: Path) -> None:
    assert default_facts_path() == dataset
    result = validate()
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == f"{dataset}: {expected_summary(dataset)}\n"


def test_minimal_example_validates(minimal_example: Path) -> None:
    result = validate(minimal_example)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{minimal_example}: {MINIMAL_SUMMARY}\n"
    assert expected_summary(minimal_example) == MINIMAL_SUMMARY


def test_minimal_example_covers_the_format(minimal_example: Path) -> None:
    facts = load_facts(minimal_example)
    assert len(facts.sources) == 3 and all(s.file is None for s in facts.sources)
    periods = {f.period.kind.value for f in facts.figures}
    assert periods == {"year", "half", "months", "as_of", "unknown"}
    dimensions = {f.amount.unit.dimension.value for f in facts.figures if f.amount}
    assert {"money", "percent", "count", "area"} <= dimensions
    assert any(f.status.value == "target" for f in facts.figures)
    assert any(f.yoy for f in facts.figures) and any(f.vs_city for f in facts.figures)
    assert any(f.rank for f in facts.figures)
    assert any(f.amount is None for f in facts.figures)  # a yoy alone
    assert all(facts.figures_about(e.id) for e in facts.entities)


def test_several_files_each_get_a_line(
    minimal_example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(minimal_example.parent)
    result = validate("minimal.yaml", "minimal.yaml")
    assert result.exit_code == 0
    assert result.stdout == f"minimal.yaml: {MINIMAL_SUMMARY}\n" * 2


def test_sources_folder_that_does_not_exist(minimal_example: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = validate("--sources", missing, minimal_example)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for --sources: {missing} is not a folder"
    )
    assert "Traceback" not in result.output


def test_sources_that_is_a_file(minimal_example: Path) -> None:
    result = validate("--sources", minimal_example, minimal_example)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '--sources': Directory '{minimal_example}' is a file."
    )


def test_sources_without_files_to_check(minimal_example: Path, tmp_path: Path) -> None:
    # The example's sources name no files: no quote was checked, so none is "found".
    result = validate("--sources", tmp_path, minimal_example)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1].endswith(
        "sources: quotes of s1, s2, s3 not checked: no article to compare them with"
    )
    assert "every quote found" not in result.output


def test_nonexistent_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = validate("missing.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "missing.yaml: no such file\n"


def test_directory_instead_of_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "facts").mkdir()
    result = validate("facts")
    assert (result.exit_code, result.stderr) == (2, "facts: is a directory, not a fact file\n")


def python_m_validate(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-m", "reportgen", "validate", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip


def test_python_dash_m(minimal_example: Path, tmp_path: Path) -> None:
    proc = python_m_validate(minimal_example, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == f"{minimal_example}: {MINIMAL_SUMMARY}\n"
    missing = python_m_validate("missing.yaml", cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == "missing.yaml: no such file\n"
