"""`reportgen extract` from the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import main
from reportgen.facts import load_facts

ARTICLE = "今年1—5月，全区规模以上工业增加值同比增长22.4%，实现产值35.1亿元，同比增长50.2%。\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_prints_a_draft_that_loads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(
        "extract", str(tmp_path / "a.txt"), "--date", "2023-06", "--source-id", "a1"
    )
    assert code == 0, err
    assert 'yoy: "+22.4%"' in out and 'amount: "35.1亿元"' in out
    assert 'period: "2023-01/2023-05"' in out
    assert "- id: a1\n" in out and 'file: "a.txt"' in out
    (tmp_path / "draft.yaml").write_text(out, encoding="utf-8")
    facts = load_facts(tmp_path / "draft.yaml", sources_dir=tmp_path)
    assert len(facts.figures) == 2


def test_extract_user_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "gbk.txt").write_bytes("增长5%".encode("gbk"))
    cases = [
        ([str(tmp_path / "missing.txt")], "missing.txt: no such file"),
        ([str(tmp_path)], "is a folder, not an article"),
        ([str(tmp_path / "gbk.txt")], "gbk.txt:1: not UTF-8 text"),
        (
            [str(tmp_path / "gbk.txt"), "--date", "2023-13"],
            "--date 2023-13: '2023-13' is not a date",
        ),
        ([str(tmp_path / "gbk.txt"), "--source-id", "A 1"], "--source-id A 1: use lowercase"),
    ]
    for args, message in cases:
        code, out, err = run("extract", *args)
        assert (code, out) == (2, ""), args
        assert message in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
