"""Every bad input to ``reportgen build`` — data, templates, options — ends in exit 2 with
one clear, located line per problem, no traceback, and nothing in ``--out`` written or
changed. The corpus is ``tests/bad_inputs/``: one folder per case (README.md there).

Each case runs in a copy of its folder whose ``out/`` holds an earlier build; every file
and folder of the copy is compared byte for byte before and after the run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import reportgen
from reportgen.cli import main
from reportgen.resources import templates_dir

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
BASE = CORPUS / "_base.yaml"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.toml").is_file())

#: What ``out/`` holds before every run: an earlier build and a file of the user's.
EARLIER: dict[str, bytes] = {
    "out/testville.en.md": b"# An earlier briefing\n\nKeep me.\n",
    "out/testville.zh.md": "# 早先的简报\n\n保留。\n".encode(),
    "out/testville.en.assets/chart-1-growth.png": b"\x89PNG\r\n\x1a\nan earlier chart",
    "out/notes.txt": b"the user's own notes\n",
}
#: Seconds before a case run as a process counts as hung: a guard, not a speed test
#: (no test asserts how long anything takes; timings belong in benchmarks/).
HANG_GUARD = 600
#: How a line names where the problem is: a file (and line, column), an option, or a path.
LOCATED = [
    re.compile(r"^(?!error:|Error:|warning:)[\w./-]+(:\d+){0,2}: \S"),  # data.yaml:17:13: …
    re.compile(r"^warning: [\w./-]+(:\d+){1,2}: \S"),  # a repaired value, still located
    re.compile(r"^error: --[a-z-]+ \S"),  # error: --lang fr: …
    re.compile(r"^Error: .*'--[a-z-]+'"),  # click: Invalid value for '--jobs': …
    re.compile(r"^error: (reference document|cannot write) [\w./-]+"),
]


@dataclass(frozen=True)
class Case:
    """One case of the corpus, as its ``case.toml`` describes it."""

    name: str
    about: str
    args: list[str]
    exit: int
    stderr: list[str]
    stdout: list[str] = field(default_factory=list)
    runner: str = "cli"
    generate: str | None = None
    same_as_base: bool = False
    chmod: dict[str, int] = field(default_factory=dict)
    skip_as_root: bool = False

    @classmethod
    def load(cls, name: str) -> Case:
        with (CORPUS / name / "case.toml").open("rb") as handle:
            spec: dict[str, Any] = tomllib.load(handle)
        return cls(name=name, **spec)

    @property
    def command(self) -> list[str]:
        """The arguments, with ``--out out`` unless the case names its own ``--out``."""
        return self.args if "--out" in self.args else [*self.args, "--out", "out"]

    def expected_stderr(self) -> list[str]:
        return [line.replace("{templates}", str(templates_dir())) for line in self.stderr]


# --- inputs too big to keep in the repository ------------------------------------------------


def _ten_megabyte_string(base: str) -> str:
    return base.replace("en: Acme}", "en: " + "A" * (10 * 2**20) + "}")


def _deep_nesting(base: str) -> str:
    return base.replace("    tags: [headline]", "    tags: " + "[" * 100_000 + "]" * 100_000)


GENERATORS: dict[str, Callable[[str], str]] = {
    "ten_megabyte_string": _ten_megabyte_string,
    "deep_nesting": _deep_nesting,
}


# --- running a case ---------------------------------------------------------------------------


def prepare(case: Case, tmp_path: Path) -> Path:
    """A copy of the case folder, with the earlier build in ``out/`` and generated inputs."""
    folder = tmp_path / case.name
    shutil.copytree(CORPUS / case.name, folder)
    (folder / "case.toml").unlink()
    for relative, data in EARLIER.items():
        path = folder / relative
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True)
        if not path.exists():
            path.write_bytes(data)
    if case.generate is not None:
        text = GENERATORS[case.generate](BASE.read_text(encoding="utf-8"))
        (folder / "data.yaml").write_text(text, encoding="utf-8")
    return folder


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``root``, hidden ones included."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(root.rglob("*"))
    }


def run(case: Case, folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """Run the case in ``folder``: exit status, stdout, stderr."""
    if case.runner == "process":
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        proc = subprocess.run(
            [sys.executable, "-m", "reportgen", *case.command],
            cwd=folder, capture_output=True, text=True, encoding="utf-8", env=env, check=False,
            timeout=HANG_GUARD,
        )  # fmt: skip
        return proc.returncode, proc.stdout, proc.stderr
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, case.command)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash, not a user error: show its traceback
    return result.exit_code, result.stdout, result.stderr


def is_root() -> bool:
    return getattr(os, "geteuid", lambda: -1)() == 0


# --- the tests --------------------------------------------------------------------------------


def test_the_corpus_is_complete() -> None:
    assert len(CASES) >= 40
    kinds = {name.split("_")[0] for name in CASES}
    assert kinds == {"data", "template", "option"}
    for name in CASES:
        case = Case.load(name)
        assert case.about and case.args[0] == "build", name
        assert case.exit in (0, 2), name
        if case.exit == 2:
            assert case.stderr, f"{name}: no expected message"
        else:  # accepted: the files written, and at most warnings
            assert case.stdout and all(line.startswith("warning: ") for line in case.stderr)
        if case.generate is None and "data.yaml" in case.args:
            assert (CORPUS / name / "data.yaml").is_file(), name
    assert sum(Case.load(name).runner == "process" for name in CASES) >= 5


def _stale_charts(case: Case, written: set[str], before: dict[str, bytes | None]) -> set[str]:
    """The charts of an earlier build that a --no-charts build removes: those beside each
    Markdown document it writes (and their folder, when nothing else is in it)."""
    if "--no-charts" not in case.args:
        return set()
    folders = {w.removesuffix(".md") + ".assets" for w in written if w.endswith(".md")}
    charts = {k for k in before if any(k.startswith(f + "/chart-") for f in folders)}
    emptied = {f for f in folders if f in before and not any(
        k.startswith(f + "/") and k not in charts for k in before
    )}  # fmt: skip
    return charts | (emptied if charts else set())


@pytest.mark.parametrize("name", CASES)
def test_bad_input(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = Case.load(name)
    if case.skip_as_root and is_root():
        pytest.skip("running as root: every folder is writable")
    folder = prepare(case, tmp_path)
    for relative, mode in case.chmod.items():
        (folder / relative).chmod(mode)
    try:
        before = snapshot(folder)
        code, stdout, stderr = run(case, folder, monkeypatch)
        after = snapshot(folder)
    finally:
        for relative in case.chmod:
            (folder / relative).chmod(0o755)

    assert "Traceback" not in stderr
    assert (code, stderr.splitlines()) == (case.exit, case.expected_stderr())
    assert stdout.splitlines() == case.stdout
    for line in stderr.splitlines():
        assert any(p.match(line) for p in LOCATED), f"not located: {line}"
    if case.exit == 2:
        assert after == before, "the run wrote or changed files"
        if not name.startswith("data_"):
            assert len(stderr.splitlines()) == 1
    else:
        written = {line.strip() for line in case.stdout}
        stale = _stale_charts(case, written, before)  # --no-charts removes earlier charts
        assert not stale & set(after), "an earlier chart was left beside a chart-less briefing"
        assert {k: v for k, v in after.items() if k not in written} == {
            k: v for k, v in before.items() if k not in written | stale
        }, "a file other than the outputs changed (or a temporary file was left behind)"
        for relative in written:
            data = (folder / relative).read_bytes()
            assert data != before.get(relative), f"{relative} was not written"
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", data.decode("utf-8"))


def _built(lang: str) -> str:
    facts = reportgen.load_facts(BASE)
    return reportgen.build(facts, lang=lang, charts=False).markdown


@pytest.mark.parametrize("name", [n for n in CASES if Case.load(n).same_as_base])
def test_bom_and_crlf_build_the_same_briefing(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = Case.load(name)
    folder = prepare(case, tmp_path)
    assert run(case, folder, monkeypatch)[0] == 0
    (written,) = case.stdout
    lang = written.split(".")[-2]
    assert (folder / written).read_text(encoding="utf-8") == _built(lang)


def test_control_characters_are_gone_from_the_briefing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = Case.load("data_control_chars_raw")
    folder = prepare(case, tmp_path)
    assert run(case, folder, monkeypatch)[0] == 0
    text = (folder / "out" / "testville.en.md").read_text(encoding="utf-8")
    assert "regionalGDP" in text  # the form feed removed, nothing put in its place
    assert "Pocket parks built" in text


def test_an_object_tag_never_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tag would create ``pwned`` in the working folder; the snapshot test would see it,
    and so does this test, directly."""
    for name in ("data_python_tag", "data_python_tag_top"):
        case = Case.load(name)
        folder = prepare(case, tmp_path)
        assert run(case, folder, monkeypatch)[0] == 2
        assert not (folder / "pwned").exists()


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """The snapshot sees a changed byte, a new hidden file and a new folder."""
    (tmp_path / "a").write_bytes(b"1")
    before = snapshot(tmp_path)
    (tmp_path / "a").write_bytes(b"2")
    assert snapshot(tmp_path) != before
    (tmp_path / "a").write_bytes(b"1")
    (tmp_path / ".a.tmp").write_bytes(b"")
    assert snapshot(tmp_path) != before
    (tmp_path / ".a.tmp").unlink()
    (tmp_path / "d").mkdir()
    assert snapshot(tmp_path) != before
    assert not any(p.match("Traceback (most recent call last):") for p in LOCATED)
    assert not any(p.match("error: something went wrong") for p in LOCATED)


@pytest.mark.parametrize("name", ["option_out_not_writable", "option_out_in_unwritable_folder"])
def test_unwritable_out_even_as_root(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root may write anywhere, so the folders the case locks are made to look locked."""
    case = Case.load(name)
    folder = prepare(case, tmp_path)
    locked = {(folder / relative).resolve() for relative in case.chmod}
    real_access = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if mode & os.W_OK and (Path.cwd() / path).resolve() in locked:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    before = snapshot(folder)
    code, stdout, stderr = run(case, folder, monkeypatch)
    assert (code, stdout, stderr.splitlines()) == (2, "", case.expected_stderr())
    assert snapshot(folder) == before


def test_a_long_district_name_builds_as_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model allows names of 2,000 characters; the DOCX must build, or refuse in one line."""
    folder = tmp_path / "long"
    folder.mkdir()
    text = BASE.read_text(encoding="utf-8")
    (folder / "data.yaml").write_text(
        text.replace("en: Testville District", "en: " + "Testville " * 30), encoding="utf-8"
    )
    case = Case("long", "", ["build", "data.yaml", "--no-charts", "--format", "docx"], 0, [])
    code, _stdout, stderr = run(case, folder, monkeypatch)
    assert code in (0, 2) and "Traceback" not in stderr
