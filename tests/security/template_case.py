"""Running a one-template override the way a user does: ``reportgen build --templates DIR``.

A case is a folder with ``data.yaml`` (the small Testville fact file) and
``templates/en/summary.md.j2`` holding the line under test on line 3. It runs either
in-process (fast; for cases that cannot exhaust the machine even on an unfixed tree) or
in a child process under an address-space and file-size limit and a generous timeout
(bombs: on an unfixed tree they would eat memory or hang).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import main

REPO = Path(__file__).resolve().parents[2]
BASE = REPO / "tests" / "bad_inputs" / "_base.yaml"
#: The child's address space (bytes) and largest file: an unbounded bomb fails, not the machine.
CHILD_MEMORY = 3_000_000_000
CHILD_FILE_SIZE = 200_000_000
#: A guard only, never an assertion on speed: an unfixed tree hangs on some cases.
CHILD_TIMEOUT = int(os.environ.get("REPORTGEN_TEST_CHILD_TIMEOUT", "300"))


@dataclass(frozen=True)
class Result:
    """What a build printed and returned, and what it left in the case folder."""

    code: int
    stdout: str
    stderr: str
    folder: Path

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def make_case(root: Path, line: str, files: dict[str, str] | None = None) -> Path:
    """A case folder whose ``summary.md.j2`` has ``line`` on line 3 (and other ``files``)."""
    folder = root / "case"
    (folder / "templates" / "en").mkdir(parents=True)
    (folder / "data.yaml").write_bytes(BASE.read_bytes())
    summary = folder / "templates" / "en" / "summary.md.j2"
    summary.write_text(f"## Executive summary\n\n{line}\n", encoding="utf-8")
    for relative, text in (files or {}).items():
        path = folder / "templates" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


ARGS = ["build", "data.yaml", "--templates", "templates", "--out", "out"]


def build_in_process(folder: Path, *extra: str, charts: bool = False) -> Result:
    """``reportgen build`` in this process, in ``folder``."""
    args = [*ARGS, *extra] + ([] if charts else ["--no-charts"])
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(cwd)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr, folder)


def _limits() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))
    resource.setrlimit(resource.RLIMIT_FSIZE, (CHILD_FILE_SIZE, CHILD_FILE_SIZE))


def build_in_child(folder: Path, *extra: str, charts: bool = False) -> Result:
    """``python -m reportgen build`` in a child process with memory and file-size limits."""
    args = [*ARGS, *extra] + ([] if charts else ["--no-charts"])
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # the checkout these tests belong to
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "reportgen", *args],
            cwd=folder, capture_output=True, text=True, encoding="utf-8", errors="replace",
            env=env, check=False, timeout=CHILD_TIMEOUT, preexec_fn=_limits,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return Result(-1, "", f"no end after {CHILD_TIMEOUT} s", folder)
    return Result(proc.returncode, proc.stdout, proc.stderr, folder)


def out_files(folder: Path) -> list[str]:
    """Every file the build wrote into ``out/``."""
    out = folder / "out"
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) if out.exists() else []
