"""``reportgen glossary check`` and ``show`` (the group the lead adds to the main command)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reportgen.i18n.glossary_cli import glossary

GOOD = """\
district:
  name: {zh: 槐荫区, en: Huaiyin District}
  city: {zh: 济南市, en: Jinan}
figures:
  - {id: x, measure: {zh: 产值, en: output value}}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(glossary, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_clean_file_exits_0_with_a_summary(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(GOOD, encoding="utf-8")
    code, out, _ = run("check", str(tmp_path / "f.yaml"))
    assert code == 0
    assert (
        out
        == f"{tmp_path}/f.yaml: ok: 3 names, 3 of them in the term base (" + out.split("(", 1)[1]
    )
    assert "each Chinese name has one English rendering" in out


def test_problems_exit_1_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(GOOD.replace("en: Jinan", "en: Jinan City"), "utf-8")
    code, out, err = run("check", str(tmp_path / "f.yaml"))
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path}/f.yaml:3:23: district city: '济南市' is 'Jinan City' here, "
        "but the term base says 'Jinan' (official)"
    ]
    assert err == f"1 problem(s) with names in {tmp_path}/f.yaml\n"


def test_an_unreadable_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "missing.yaml"))
    assert (code, err) == (2, f"{tmp_path}/missing.yaml: no such file\n")


def test_another_term_base(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "g.yaml").write_text(
        "- {zh: 产值, en: output, kind: term, basis: proposed}\n", "utf-8"
    )
    code, out, _ = run("check", str(tmp_path / "f.yaml"), "--glossary", str(tmp_path / "g.yaml"))
    assert code == 1
    assert "'产值' is 'output value' here, but the term base says 'output' (proposed)" in out


def test_the_default_is_the_packaged_dataset() -> None:
    code, out, err = run("check")
    assert code in (0, 1)  # 1 until the reported data fixes land (tests/test_glossary.py)
    assert "huaiyin.yaml" in out + err


def test_show() -> None:
    code, out, _ = run("show", "规上工业增加值")
    assert code == 0
    assert out.splitlines()[:3] == [
        "规模以上工业增加值 → value added of industrial enterprises above designated size "
        "(term, official)",
        "  also written: 规上工业增加值",
        "  also accepted: industrial value added",
    ]
    assert run("show", "不存在")[0] == 1
