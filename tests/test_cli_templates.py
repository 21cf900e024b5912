"""`reportgen templates list`: sections, their files, and what a user folder overrides."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_default_sections_in_order() -> None:
    code, out, err = run("templates", "list")
    assert code == 0, err
    rows = [line.split() for line in out.splitlines() if line.startswith("  ") and line.split()]
    sections = [r[0] for r in rows if r[0].isidentifier()]
    assert sections[:3] == ["summary", "overview", "projects"] and sections[-1] == "sources"
    assert ["overview", "overview.md.j2", "default"] in [r[:3] for r in rows]
    assert "(also shows: governance)" in out.split("business_environment", 1)[1].split("\n")[0]
    assert any(r[-2:] == ["report.md.j2", "default"] for r in rows)


def test_user_folder_overrides_and_adds(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "outlook.md.j2").write_text("## Outlook\n", encoding="utf-8")
    (tmp_path / "en" / "tourism.md.j2").write_text("## Tourism\n", encoding="utf-8")
    code, out, err = run("templates", "list", "--templates", str(tmp_path))
    assert code == 0, err
    lines = {
        line.split()[0]: line
        for line in out.splitlines()
        if line.startswith("  ") and line.split()[0].isidentifier()
    }
    assert "overrides the default" in lines["outlook"] and str(tmp_path / "en") in lines["outlook"]
    assert "(yours)" in lines["tourism"]
    assert lines["overview"].split()[2] == "default"


def test_bad_options() -> None:
    code, _, err = run("templates", "list", "--lang", "fr")
    assert code == 2 and "--lang fr: choose from en, zh" in err
    code, _, err = run("templates", "list", "--templates", "/nonexistent")
    assert code == 2 and "no such folder" in err
