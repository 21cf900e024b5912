"""Every kind of bad fact file is reported as exact ``file:line:col: message`` lines, exit 2."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main

#: One YAML file per kind of error, each beside its expected output (see its README).
BAD_DATA = Path(__file__).resolve().parent / "bad_data"
CASES = sorted(p.stem for p in BAD_DATA.glob("*.yaml"))


def args_of(case: str) -> list[str]:
    """Extra arguments from a ``# args: …`` comment line in the case file."""
    text = (BAD_DATA / f"{case}.yaml").read_bytes().decode("utf-8", errors="replace")
    match = re.search(r"^# args: (.*)$", text, flags=re.MULTILINE)
    return match[1].split() if match else []


def expected_lines(case: str) -> list[str]:
    return (BAD_DATA / f"{case}.expected").read_text(encoding="utf-8").splitlines()


def test_the_cases_are_complete() -> None:
    assert len(CASES) >= 15
    expected = sorted(p.stem for p in BAD_DATA.glob("*.expected"))
    assert expected == CASES, "every NAME.yaml needs a NAME.expected and back"


@pytest.mark.parametrize("case", CASES)
def test_bad_data_is_reported_exactly(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD_DATA)
    result = CliRunner().invoke(main, ["validate", *args_of(case), f"{case}.yaml"])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # a user error, not a crash
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines == expected_lines(case)
    assert all(line.startswith(f"{case}.yaml") for line in lines)


def test_several_problems_are_reported_at_once() -> None:
    lines = expected_lines("several_problems")
    # Record-level problems in three sources, entities and figures …
    assert any("source 's1' date:" in line for line in lines)
    assert any("entity 'acme' colour: is not a known field" in line for line in lines)
    assert any("figure 'gdp-2023h1' amount: cannot read '365.5亿美元'" in line for line in lines)
    assert any("figure 'households' yoy: a change needs a sign" in line for line in lines)
    # … and the cross-record checks still ran on the valid records beside them …
    assert any("duplicate id 'parks' (also figures[2])" in line for line in lines)
    assert any("unknown source 's3'; known sources: s1" in line for line in lines)
    assert any("unknown entity 'globex'" in line for line in lines)
    assert any("the number 12 is not in the figure's quote" in line for line in lines)
    # … without blaming the valid figures that cite the broken source s1.
    assert not any("unknown source 's1'" in line for line in lines)
    assert len(lines) == 9


def test_one_case_as_a_real_process() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, "-m", "reportgen", "validate", "several_problems.yaml"],
        cwd=BAD_DATA, capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == expected_lines("several_problems")
    assert "Traceback" not in proc.stderr


def test_good_and_bad_files_together(
    monkeypatch: pytest.MonkeyPatch, minimal_example: Path
) -> None:
    monkeypatch.chdir(BAD_DATA)
    minimal = str(minimal_example)
    result = CliRunner().invoke(main, ["validate", minimal, "bad_amount.yaml", "nan.yaml"])
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{minimal}: ok: 8 figures")
    assert result.stderr.splitlines() == expected_lines("bad_amount") + expected_lines("nan")
