"""A template folder cannot reach files outside it through a symbolic link.

Before this was fixed, ``leak.md.j2 -> /etc/passwd`` inside a template folder was
included and printed. Every template's real path must lie inside the template folders;
one that leaves them is a located error at the line that includes it, naming it.
"""

from __future__ import annotations

import os
from pathlib import Path

from template_case import build_in_process, make_case, out_files

SECRET = "the secret outside the template folders"


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "private" / "secret.md.j2"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n", encoding="utf-8")
    return secret


def test_an_included_link_to_an_outside_file_is_refused(tmp_path: Path) -> None:
    folder = make_case(tmp_path, "{% include 'leak.md.j2' %}")
    os.symlink(_outside(tmp_path), folder / "templates" / "en" / "leak.md.j2")
    result = build_in_process(folder)
    assert result.code == 2
    assert result.lines == [
        "templates/en/summary.md.j2:3: template 'leak.md.j2' is a link to a file outside "
        "the template folders; copy the file into the folder instead"
    ]
    assert SECRET not in result.stdout + result.stderr
    assert out_files(folder) == []


def test_a_link_to_etc_passwd_is_refused(tmp_path: Path) -> None:
    folder = make_case(tmp_path, "{% include 'leak.md.j2' %}")
    os.symlink("/etc/passwd", folder / "templates" / "en" / "leak.md.j2")
    result = build_in_process(folder)
    assert result.code == 2
    assert result.lines[0].startswith("templates/en/summary.md.j2:3: template 'leak.md.j2'")
    assert "root:" not in result.stdout + result.stderr


def test_an_overriding_template_that_is_an_outside_link_is_refused(tmp_path: Path) -> None:
    folder = make_case(tmp_path, "")
    target = folder / "templates" / "en" / "outlook.md.j2"
    os.symlink(_outside(tmp_path), target)
    result = build_in_process(folder)
    assert result.code == 2
    assert len(result.lines) == 1
    assert (
        "template 'outlook.md.j2' is a link to a file outside the template folders"
        in (result.lines[0])
    )
    assert SECRET not in result.stdout + result.stderr


def test_a_linked_folder_inside_reaching_out_is_refused(tmp_path: Path) -> None:
    folder = make_case(tmp_path, "{% include 'parts/secret.md.j2' %}")
    _outside(tmp_path)
    os.symlink(tmp_path / "private", folder / "templates" / "en" / "parts")
    result = build_in_process(folder)
    assert result.code == 2
    assert result.lines[0].startswith("templates/en/summary.md.j2:3: template 'parts/secret.md.j2'")
    assert SECRET not in result.stdout + result.stderr


def test_a_link_inside_the_folders_is_fine(tmp_path: Path) -> None:
    folder = make_case(tmp_path, "{% include 'alias.md.j2' %}", {"en/shared.md.j2": "Shared text."})
    os.symlink("shared.md.j2", folder / "templates" / "en" / "alias.md.j2")
    result = build_in_process(folder)
    assert result.code == 0, result.stderr
    assert "Shared text." in (folder / "out" / "testville.en.md").read_text(encoding="utf-8")


def test_a_linked_template_folder_is_fine(tmp_path: Path) -> None:
    """The folder given to --templates may itself be a link: its files are inside it."""
    folder = make_case(tmp_path, "Linked folder.")
    os.rename(folder / "templates", tmp_path / "real-templates")
    os.symlink(tmp_path / "real-templates", folder / "templates")
    result = build_in_process(folder)
    assert result.code == 0, result.stderr
    assert "Linked folder." in (folder / "out" / "testville.en.md").read_text(encoding="utf-8")
