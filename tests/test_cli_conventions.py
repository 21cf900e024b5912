"""CLI conventions (issue 16 §3): help, -h, -q/-v, a progress line, facts from stdin,
one document to stdout, stale charts removed, no PNGs beside a DOCX alone, completion."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import reportgen
from reportgen.cli import main
from reportgen.cli_output import progress_line

REPO = Path(__file__).resolve().parents[1]
MINIMAL = REPO / "examples" / "minimal.yaml"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin, prog_name="reportgen")
    return result.exit_code, result.stdout, result.stderr


def test_no_command_shows_help_and_exits_0() -> None:
    code, out, _ = run()
    assert code == 0
    assert out.startswith("Usage: reportgen") and "build" in out and "extract" in out


@pytest.mark.parametrize("args", [["-h"], ["build", "-h"], ["templates", "list", "-h"]])
def test_short_help(args: list[str]) -> None:
    code, out, _ = run(*args)
    assert code == 0 and out.startswith("Usage: reportgen")


def test_quiet_and_verbose(tmp_path: Path) -> None:
    code, out, err = run("build", str(MINIMAL), "--no-charts", "--out", str(tmp_path), "-q")
    assert (code, out, err) == (0, "", "")
    assert (tmp_path / "xinghu.en.md").is_file()
    code, out, err = run("-v", "build", str(MINIMAL), "--no-charts", "--out", str(tmp_path))
    assert code == 0 and out.strip().endswith("xinghu.en.md")
    assert "built 1 fact file(s), --jobs 1, in " in err


def test_build_reads_facts_from_stdin(tmp_path: Path) -> None:
    code, out, err = run("build", "-", "--no-charts", "--out", str(tmp_path),
                         stdin=MINIMAL.read_bytes())  # fmt: skip
    assert code == 0, err
    assert out.strip() == str(tmp_path / "xinghu.en.md")
    code, out, err = run("build", "-", "--out", str(tmp_path / "bad"), stdin=b"district: [\n")
    assert code == 2 and err.startswith("<stdin>:") and "Traceback" not in err
    assert not (tmp_path / "bad").exists()
    code, _, err = run("build", "-", "-", stdin=b"")
    assert code == 2 and "- (standard input) can be given once" in err


def test_stdin_is_size_bounded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("reportgen.facts.loader.MAX_FILE_BYTES", 1000)
    code, _, err = run("build", "-", "--out", str(tmp_path), stdin=b"#" * 5000)
    assert code == 2 and "<stdin>: is larger than 1,000 bytes" in err


def test_out_dash_prints_one_markdown_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("build", str(MINIMAL), "--lang", "zh", "--out", "-")
    assert code == 0, err
    assert out.startswith("# ") and "星湖区" in out and "![" not in out
    assert list(tmp_path.iterdir()) == []
    for args in (["--lang", "all"], ["--format", "docx"], [str(MINIMAL)]):
        code, out, err = run("build", str(MINIMAL), "--out", "-", *args)
        assert (code, out) == (2, "") and "--out - prints one Markdown document" in err


def test_no_charts_removes_the_charts_an_earlier_build_left(tmp_path: Path) -> None:
    assert run("build", str(MINIMAL), "--out", str(tmp_path))[0] == 0
    assets = tmp_path / "xinghu.en.assets"
    assert sorted(p.name for p in assets.iterdir())  # charts were drawn
    (tmp_path / "keep.png").write_bytes(b"mine")
    # a DOCX-only build without charts leaves the Markdown's charts alone
    assert (
        run("build", str(MINIMAL), "--format", "docx", "--no-charts", "--out", str(tmp_path))[0]
        == 0
    )
    assert any(assets.iterdir())
    code, _, err = run("-v", "build", str(MINIMAL), "--no-charts", "--out", str(tmp_path))
    assert code == 0 and "an earlier build's chart" in err
    assert not assets.exists()
    assert "](xinghu.en.assets/" not in (tmp_path / "xinghu.en.md").read_text(encoding="utf-8")
    assert (tmp_path / "keep.png").read_bytes() == b"mine"


def _media(docx: Path) -> list[str]:
    return _media_bytes(docx.read_bytes())


def test_a_docx_alone_leaves_no_chart_files_unless_asked(tmp_path: Path) -> None:
    code, _, err = run("build", str(MINIMAL), "--format", "docx", "--out", str(tmp_path / "a"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["xinghu.en.docx"]
    assert _media(tmp_path / "a" / "xinghu.en.docx")  # the charts are inside
    code, _, err = run("build", str(MINIMAL), "--format", "docx", "--keep-assets",
                         "--out", str(tmp_path / "b"))  # fmt: skip
    assert code == 0, err
    assert (tmp_path / "b" / "xinghu.en.assets").is_dir()


def test_library_docx_uses_the_charts_the_report_holds(tmp_path: Path) -> None:
    report = reportgen.build(reportgen.load_facts(MINIMAL), "en")
    assert report.assets
    media = _media_bytes(report.docx_bytes())
    assert len(media) == len(report.assets)
    assert report.write(tmp_path, ["docx"]) == [tmp_path / "xinghu.en.docx"]


def _media_bytes(data: bytes) -> list[str]:
    """The charts inside a DOCX: pictures, or native Word charts."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    return [
        n
        for n in names
        if n.startswith("word/media/") or re.fullmatch(r"word/charts/chart\d+\.xml", n)
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [("reportgen build --lang ", {"en", "zh", "all"}), ("reportgen build --format d", {"docx"})],
)
def test_completion_of_lang_and_format(words: str, expected: set[str]) -> None:
    env = {"_REPORTGEN_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}  # fmt: skip
    result = CliRunner().invoke(main, [], env=env, prog_name="reportgen")
    values = {line.split(",", 1)[1] for line in result.stdout.splitlines()}
    assert expected <= values and all(
        v.startswith(words.split()[-1]) or words.endswith(" ") for v in values
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal_only() -> None:
    terminal = _Terminal()
    with progress_line("building a.yaml", terminal, delay=0.0, interval=0.01):
        for _ in range(200_000):  # long enough for the line to show; no clock is asserted
            if "building a.yaml" in terminal.getvalue():
                break
    assert "building a.yaml" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[K")  # cleared when done
    pipe = io.StringIO()
    with progress_line("building", pipe, delay=0.0):
        pass
    assert pipe.getvalue() == ""


def test_sections_use_the_data_names(tmp_path: Path) -> None:
    code, _, err = run("build", "--sections", "overview,business_environment", "--no-charts",
                       "--out", str(tmp_path / "new"))  # fmt: skip
    assert code == 0 and err == ""
    code, _, err = run("build", "--sections", "overview,business", "--no-charts",
                       "--out", str(tmp_path / "old"))  # fmt: skip
    assert code == 0
    assert err.count("section 'business' is now called 'business_environment'") == 1
    new = (tmp_path / "new" / "huaiyin.en.md").read_text(encoding="utf-8")
    assert new == (tmp_path / "old" / "huaiyin.en.md").read_text(encoding="utf-8")
    assert "Business environment" in new
    code, _, err = run("build", "--sections", "governance,industry", "--no-charts",
                       "--out", str(tmp_path / "data"))  # fmt: skip
    assert (code, err) == (0, "")  # the data's names for the sections that show them
    assert (tmp_path / "data" / "huaiyin.en.md").read_text(encoding="utf-8") == new


def test_completion_script_as_documented() -> None:
    env = {"_REPORTGEN_COMPLETE": "bash_source"}
    result = CliRunner().invoke(main, [], env=env, prog_name="reportgen")
    assert "_REPORTGEN_COMPLETE=bash_complete" in result.stdout
    docs = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert 'eval "$(_REPORTGEN_COMPLETE=bash_source reportgen)"' in docs


def test_readme_tour_shows_init_extract_and_schema() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A short tour", 1)[1].split("\n## ", 1)[0]
    for command in ("reportgen init ", "reportgen extract ", "reportgen schema "):
        assert sum(command in line for line in tour.splitlines()) == 1, command
