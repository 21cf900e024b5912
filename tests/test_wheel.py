"""The built wheel ships the dataset and templates: validate works from a fresh install."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from reportgen.facts import load_facts

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("uv") is None, reason="uv is not installed"),
]


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=180,
        check=False,
    )  # fmt: skip


def checked(proc: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert proc.returncode == 0, f"{proc.args}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> tuple[Path, Path]:
    """(the wheel, the venv's bin folder) of a fresh install outside the source tree."""
    tmp = tmp_path_factory.mktemp("wheel")
    checked(run("uv", "build", "--wheel", "--out-dir", tmp / "dist", cwd=repo))
    [wheel] = (tmp / "dist").glob("reportgen-*.whl")
    checked(run("uv", "venv", "--quiet", tmp / "venv", cwd=tmp))
    python = tmp / "venv" / "bin" / "python"
    checked(run("uv", "pip", "install", "--quiet", "--python", python, wheel, cwd=tmp))
    return wheel, tmp / "venv" / "bin"


def test_the_wheel_bundles_data_and_templates(installed: tuple[Path, Path], repo: Path) -> None:
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "reportgen/_bundled/data/huaiyin.yaml" in names
    templates = [
        p.relative_to(repo).as_posix() for p in (repo / "templates").rglob("*") if p.is_file()
    ]
    assert templates, "the repository has templates to ship"
    assert {f"reportgen/_bundled/{t}" for t in templates} <= names
    assert not any(n.startswith(("tests/", "data/", "templates/")) for n in names)


def test_validate_from_the_installed_wheel(
    installed: tuple[Path, Path], tmp_path: Path, dataset: Path
) -> None:
    _, bin_dir = installed
    proc = checked(run(bin_dir / "reportgen", "validate", cwd=tmp_path))
    assert proc.stderr == ""
    [line] = proc.stdout.splitlines()
    path, _, summary = line.partition(": ")
    assert Path(path).is_relative_to(bin_dir.parent)  # the bundled copy, not the checkout
    assert Path(path).as_posix().endswith("site-packages/reportgen/_bundled/data/huaiyin.yaml")
    figures = len(load_facts(dataset).figures)
    assert summary.startswith(f"ok: {figures} figures (")
    assert summary.endswith(", 5 sources")


def test_installed_resources_point_into_the_install(
    installed: tuple[Path, Path], tmp_path: Path, repo: Path, dataset: Path
) -> None:
    _, bin_dir = installed
    code = (
        "import reportgen.resources as r; "
        "print(r.__file__); print(r.data_dir()); print(r.templates_dir())"
    )
    proc = checked(run(bin_dir / "python", "-c", code, cwd=tmp_path))
    module, data, templates = (Path(p) for p in proc.stdout.splitlines())
    for path in (module, data, templates):
        assert path.is_relative_to(bin_dir.parent)
    assert (data / "huaiyin.yaml").read_bytes() == dataset.read_bytes()
    shipped = sorted(p.relative_to(templates) for p in templates.rglob("*") if p.is_file())
    source = sorted(
        p.relative_to(repo / "templates") for p in (repo / "templates").rglob("*") if p.is_file()
    )
    assert shipped == source


def test_installed_validate_reports_bad_files(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _, bin_dir = installed
    (tmp_path / "bad.yaml").write_text("district: [\n", encoding="utf-8")
    proc = run(bin_dir / "reportgen", "validate", "bad.yaml", "missing.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "bad.yaml:2:1: not valid YAML: a '[' or '{' is never closed before the end of the file",
        "missing.yaml: no such file",
    ]
