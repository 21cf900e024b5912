"""`reportgen build` and `reportgen templates export` from the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main

REPO = Path(__file__).resolve().parents[1]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_default_writes_the_english_briefing(tmp_path: Path) -> None:
    code, out, err = run("build", "--lang", "en", "--out", str(tmp_path))
    assert code == 0, err
    assert out.strip() == str(tmp_path / "huaiyin.en.md") or out.strip().endswith("huaiyin.en.md")
    text = (tmp_path / "huaiyin.en.md").read_text(encoding="utf-8")
    assert text.startswith("# Huaiyin District, Jinan")
    assert "36.55 billion yuan" in text


def test_build_both_languages(tmp_path: Path) -> None:
    code, _out, err = run("build", "--lang", "all", "--no-charts", "--out", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "huaiyin.en.md").is_file() and (tmp_path / "huaiyin.zh.md").is_file()
    zh = (tmp_path / "huaiyin.zh.md").read_text(encoding="utf-8")
    assert zh.startswith("# 济南市槐荫区")
    assert "365.5亿元" in zh


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "--lang fr: choose from en, zh or all"),
        (["--format", "pdf"], "--format pdf: choose from md, docx or all"),
        (["--templates", "/nonexistent"], "--templates /nonexistent: no such folder"),
        (["--reference-doc", "/nonexistent.docx"], "--reference-doc /nonexistent.docx"),
        (["--sections", "overview,bogus"], "unknown section(s) bogus"),
    ],
)
def test_bad_options_exit_2_with_one_message(tmp_path: Path, args: list[str], message: str) -> None:
    code, _out, err = run("build", "--out", str(tmp_path / "out"), *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_out_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("keep me")
    code, _, err = run("build", "--out", str(target))
    assert code == 2 and "is a file, not a folder" in err
    assert target.read_text() == "keep me"


def test_bad_data_leaves_earlier_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", "--out", str(out), "--no-charts")[0] == 0
    before = (out / "huaiyin.en.md").read_bytes()
    broken = tmp_path / "huaiyin.yaml"
    text = (REPO / "data" / "huaiyin.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("amount: 365.5亿元", "amount: 365.5亿美元"), encoding="utf-8")
    code, _, err = run("build", str(broken), "--out", str(out))
    assert code == 2
    assert "365.5亿美元" in err and ":" in err.splitlines()[0]
    assert (out / "huaiyin.en.md").read_bytes() == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_several_data_files_with_jobs(tmp_path: Path) -> None:
    minimal = REPO / "examples" / "minimal.yaml"
    code, _out, err = run(
        "build", str(REPO / "data" / "huaiyin.yaml"), str(minimal), "--jobs", "2",
        "--no-charts", "--out", str(tmp_path),
    )  # fmt: skip
    assert code == 0, err
    written = sorted(p.name for p in tmp_path.glob("*.md"))
    assert len(written) == 2 and "huaiyin.en.md" in written


def test_templates_export(tmp_path: Path) -> None:
    code, _out, err = run("templates", "export", str(tmp_path / "t"), "--lang", "zh")
    assert code == 0, err
    assert (tmp_path / "t" / "zh" / "report.md.j2").is_file()
    assert not (tmp_path / "t" / "en").exists()


def test_python_dash_m_runs_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", "--lang", "xx", "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "--lang xx" in proc.stderr
