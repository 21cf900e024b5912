"""`reportgen init`: a small project where `reportgen build` works at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.facts import load_facts


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_init_then_build_and_validate_inside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "proj"
    code, out, err = run("init", str(project))
    assert code == 0, err
    written = {Path(line).relative_to(project).as_posix() for line in out.split()}
    assert written == {"README.md", "facts.yaml", "facts.schema.json", "sources/article.txt"}
    readme = (project / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(readme) == 3 and "reportgen build" in readme[2]
    facts_text = (project / "facts.yaml").read_text(encoding="utf-8")
    assert facts_text.startswith("# yaml-language-server: $schema=facts.schema.json\n")
    monkeypatch.chdir(project)
    code, out, err = run("validate", "--sources", "sources")  # facts.yaml here is the default
    assert code == 0, err
    assert out.startswith("facts.yaml: ok: 5 figures") and "every quote found" in out
    code, out, err = run("build", "--lang", "all", "--no-charts")
    assert code == 0, err
    assert out.split() == ["out/xinghu.en.md", "out/xinghu.zh.md"]
    english = (project / "out" / "xinghu.en.md").read_text(encoding="utf-8")
    assert "18.26 billion" in english and "Xinghu District" in english  # Table 1
    assert "365.5" not in english  # not the packaged Huaiyin dataset


def test_init_has_one_example_of_each_kind(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "p"))[0] == 0
    facts = load_facts(tmp_path / "p" / "facts.yaml", sources_dir=tmp_path / "p" / "sources")
    figures = {f.id: f for f in facts.figures}
    assert figures["gdp-2023h1"].vs_city is not None and figures["gdp-2023h1"].rank == 2
    assert figures["industrial-value-added-2023h1"].amount is None  # a change alone
    assert figures["key-projects-started-2023h1"].item is not None  # a count
    assert figures["new-market-entities-target-2023"].status.value == "target"
    assert [len(facts.statements), len(facts.events), len(facts.people), len(facts.policies)] == [
        1, 1, 1, 1,
    ]  # fmt: skip


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = run("init", str(tmp_path))
    assert (code, out) == (2, "")
    assert "is not empty; use --force" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    code, _, err = run("init", str(tmp_path), "--force")
    assert code == 0, err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "facts.yaml").is_file()


def test_init_never_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    project = tmp_path / "p"
    project.mkdir()
    (project / "README.md").symlink_to(outside)
    code, _, err = run("init", str(project), "--force")
    assert code == 2 and "is a symbolic link; not written through" in err
    assert outside.read_text(encoding="utf-8") == "keep"
    assert not (project / "facts.yaml").exists()  # refused before anything was written
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "link")
    code, _, err = run("init", str(tmp_path / "link"))
    assert code == 2 and "is a symbolic link" in err
    assert not any((tmp_path / "real").iterdir())


def test_init_into_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, _, err = run("init", str(tmp_path / "f"))
    assert code == 2 and "is a file, not a folder" in err
