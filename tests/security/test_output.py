"""Output never loses or mixes the user's files.

A set of briefings (each language and format, and the charts) replaces the earlier set
as a whole or not at all: when a write fails midway (a file-size limit, an immutable
file, a full disk), when the process is killed between renames (the next run puts the
set back together), when two fact files name the same district, when a target is a
symbolic link or lies outside the output folder.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import reportgen
from reportgen.build import Report, write_reports
from reportgen.cli import main
from reportgen.errors import OptionError, OutputError
from reportgen.render.export import export_templates


def _png() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()
FACTS = """\
district:
  id: {id}
  name: {{zh: 测试区, en: Testville District}}
  city: {{zh: 样例市, en: Sample City}}
sources:
  - id: s1
    title: {{zh: 标题, en: A title}}
    date: "2023-07"
figures:
  - id: gdp
    section: overview
    measure: {{zh: 地区生产总值, en: regional GDP}}
    amount: 365.5亿元
    period: 2023-H1
    yoy: +6.4%
    sources:
      - source: s1
        quote: 全区生产总值实现365.5亿元,同比增长6.4%
"""


def report(lang: str, text: str, chart: bytes = PNG) -> Report:
    """A small briefing with one chart, as ``build`` would return it."""
    stem = f"testville.{lang}"
    markdown = f"# {text}\n\n![A chart]({stem}.assets/chart-1.png)\n\nBody {text}.\n"
    created = dt.datetime(2023, 7, 1, tzinfo=dt.UTC)
    assets = {f"{stem}.assets/chart-1.png": chart}
    return Report("testville", lang, markdown, text, "Testville", created, assets)


def new_set() -> list[Report]:
    return [report("en", "New en"), report("zh", "New zh")]


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under ``root``, hidden ones included."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture
def earlier(tmp_path: Path) -> Path:
    """An output folder holding an earlier, complete set."""
    out = tmp_path / "out"
    write_reports([report("en", "Old en", b"old"), report("zh", "Old zh", b"old")], out, ["md"])
    return out


def hidden(out: Path) -> list[str]:
    return [p.name for p in out.rglob(".*")]


# --- all or nothing --------------------------------------------------------------------------


def test_an_immutable_file_midway_leaves_the_earlier_set(earlier: Path) -> None:
    """zh.md cannot be replaced (chattr +i stops root too): en must not be replaced either."""
    target = earlier / "testville.zh.md"
    if subprocess.run(["chattr", "+i", str(target)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not supported here; the fake os.replace test covers this path")
    try:
        before = snapshot(earlier)
        with pytest.raises(OutputError, match=r"testville\.zh\.md"):
            write_reports(new_set(), earlier, ["md", "docx"])
        assert snapshot(earlier) == before
        assert hidden(earlier) == []
    finally:
        subprocess.run(["chattr", "-i", str(target)], check=True)


@pytest.mark.parametrize("failing_call", [1, 2, 3, 5])
def test_a_rename_that_fails_midway_is_rolled_back(
    earlier: Path, failing_call: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (or any error) on the n-th rename: the earlier set comes back whole."""
    real_replace = os.replace
    calls = {"n": 0}

    def replace(src: object, dst: object) -> None:
        if ".reportgen-staging-" in str(src) and not str(dst).endswith(".json"):
            calls["n"] += 1
            if calls["n"] == failing_call:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(src, dst)  # type: ignore[arg-type]

    before = snapshot(earlier)
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError, match="No space left on device"):
        write_reports(new_set(), earlier, ["md", "docx"])
    monkeypatch.undo()
    assert calls["n"] >= failing_call
    assert snapshot(earlier) == before
    assert hidden(earlier) == []


def test_a_file_size_limit_leaves_the_earlier_set(earlier: Path, tmp_path: Path) -> None:
    """RLIMIT_FSIZE in a child process: the DOCX cannot be written in full."""
    before = snapshot(earlier)
    script = textwrap.dedent(
        f"""
        import resource, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_output import new_set
        from reportgen.build import write_reports
        from reportgen.errors import OutputError
        resource.setrlimit(resource.RLIMIT_FSIZE, (4000, 4000))
        try:
            write_reports(new_set(), {str(earlier)!r}, ["md", "docx"])
        except OutputError as error:
            print(error)
            sys.exit(2)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 2, proc.stderr
    assert "File too large" in proc.stdout
    assert snapshot(earlier) == before
    assert hidden(earlier) == []


def test_a_success_replaces_every_file_and_leaves_nothing_hidden(earlier: Path) -> None:
    written = write_reports(new_set(), earlier, ["md", "docx"])
    assert sorted(p.name for p in written) == [
        "chart-1.png", "chart-1.png", "testville.en.docx", "testville.en.md",
        "testville.zh.docx", "testville.zh.md",
    ]  # fmt: skip
    assert (earlier / "testville.zh.md").read_text(encoding="utf-8").startswith("# New zh")
    assert (earlier / "testville.en.assets" / "chart-1.png").read_bytes() == PNG
    assert hidden(earlier) == []


def test_nothing_is_staged_under_tmpdir(
    earlier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spare = tmp_path / "tmpdir"
    spare.mkdir()
    monkeypatch.setenv("TMPDIR", str(spare))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    made: list[str] = []
    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp(*args: object, **kwargs: object) -> str:
        name = real_mkdtemp(*args, **kwargs)  # type: ignore[call-overload]
        made.append(name)
        return str(name)

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    write_reports(new_set(), earlier, ["md", "docx"])
    assert [m for m in made if not m.startswith(str(earlier))] == []
    assert list(spare.iterdir()) == []


# --- killed between renames ------------------------------------------------------------------

KILLER = """
import os, signal, sys
sys.path.insert(0, {tests!r})
from test_output import new_set
from reportgen.build import write_reports
real_replace = os.replace
count = 0
def replace(src, dst):
    global count
    real_replace(src, dst)
    if ".reportgen-staging-" in str(src) and not str(dst).endswith(".json"):
        count += 1
        if count == {after}:
            os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
write_reports(new_set(), {out!r}, ["md", "docx"])
"""


@pytest.mark.parametrize("after", [1, 3])
def test_kill_between_renames_is_repaired_by_the_next_run(
    earlier: Path, tmp_path: Path, after: int
) -> None:
    before = snapshot(earlier)
    script = KILLER.format(tests=str(Path(__file__).parent), out=str(earlier), after=after)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300)
    assert proc.returncode == -9, proc.stderr
    torn = snapshot(earlier)
    assert torn != before and hidden(earlier)  # a half-replaced set, a journal, staged files
    # The next run, even one that then fails on its own input, first restores the set.
    (tmp_path / "bad.yaml").write_text("district: [", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "bad.yaml"), "--out", str(earlier)])
    assert result.exit_code == 2
    assert snapshot(earlier) == before
    assert hidden(earlier) == []


def test_leftovers_of_an_interrupted_build_are_cleaned(earlier: Path) -> None:
    """A staging folder of a process that no longer runs is removed by the next write."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    leftover = earlier / f".reportgen-staging-{dead.stdout.strip()}-abcdef"
    (leftover / "new").mkdir(parents=True)
    (leftover / "new" / "testville.en.md").write_text("half", encoding="utf-8")
    write_reports(new_set(), earlier, ["md"])
    assert hidden(earlier) == []


# --- the same district twice, targets outside, symlinks ---------------------------------------


def test_two_fact_files_with_one_district_id_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.yaml").write_text(FACTS.format(id="testville"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(FACTS.format(id="testville"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "a.yaml", "b.yaml", "--no-charts"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: a.yaml and b.yaml both describe district 'testville'; their briefings would "
        "overwrite each other in out"
    ]
    assert not (tmp_path / "out").exists()


def test_a_district_id_changed_after_loading_cannot_escape(tmp_path: Path) -> None:
    facts = reportgen.load_facts(_facts_file(tmp_path))
    bad = facts.model_copy(
        update={"district": facts.district.model_copy(update={"id": "../escape"})}
    )
    with pytest.raises(reportgen.DataError) as caught:
        reportgen.build(bad, lang="en", charts=False)
    assert caught.value.lines() == [
        "<facts>:district.id: district id: must be lowercase letters, digits and hyphens, "
        "got '../escape'"
    ]
    good = reportgen.build(facts, lang="en", charts=False)
    sneaky = Report("../escape", "en", good.markdown, good.title, good.subject, good.created)
    with pytest.raises(OutputError, match="outside"):
        sneaky.write(tmp_path / "out", ["md"])
    assert not (tmp_path / "escape.en.md").exists()


def test_an_output_symlink_is_not_written_through(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside.md"
    (out / "testville.en.md").symlink_to(outside)
    with pytest.raises(OutputError, match="symbolic link"):
        write_reports([report("en", "New en")], out, ["md"])
    assert not outside.exists()


def test_templates_export_refuses_a_dangling_symlink(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    (target / "en").mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    (target / "en" / "report.md.j2").symlink_to(outside)
    with pytest.raises(OutputError, match=r"report\.md\.j2.*symbolic link"):
        export_templates(target, ("en",))
    assert not outside.exists()
    assert [p.name for p in (target / "en").iterdir()] == ["report.md.j2"]


def test_templates_export_refuses_a_symlinked_folder(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (target / "en").symlink_to(elsewhere)
    with pytest.raises(OutputError, match="symbolic link"):
        export_templates(target, ("en",))
    assert list(elsewhere.iterdir()) == []


def _facts_file(tmp_path: Path, district: str = "testville") -> Path:
    path = tmp_path / f"{district}.yaml"
    path.write_text(FACTS.format(id=district), encoding="utf-8")
    return path


def test_unknown_format_is_an_option_error(tmp_path: Path) -> None:
    with pytest.raises(OptionError):
        write_reports(new_set(), tmp_path / "out", ["pdf"])
