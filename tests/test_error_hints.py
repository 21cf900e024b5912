"""Hints for the errors a first-time author meets (issue 16 §2): a misspelt key, YAML syntax
in plain words on the line where the problem starts, an amount in nearly the right form."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main

GOOD = """district:
  id: xinghu
  name: {zh: 星湖区, en: Xinghu District}
  city: {zh: 云州市, en: Yunzhou}
sources:
  - id: s1
    title: {zh: 标题, en: Title}
    date: "2023-07"
figures:
  - id: gdp
    section: overview
    measure: {zh: 地区生产总值, en: regional GDP}
    amount: 8500万元
    period: 2023-H1
    sources:
      - source: s1
        quote: 全区生产总值8500万元
"""


def validate(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "f.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "f.yaml")])
    assert result.exit_code == (0 if text == GOOD else 2), result.stderr
    return [line.replace(str(tmp_path) + "/", "") for line in result.stderr.splitlines()]


def test_the_good_file_is_valid(tmp_path: Path) -> None:
    validate(tmp_path, GOOD)


KEY = "is not a known field; did you mean"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    measure:", "    measur:", f"f.yaml:12:13: figure 'gdp' measur: {KEY} 'measure'?"),
        (
            "        quote:",
            "        qoute:",
            f"f.yaml:17:16: figure 'gdp' sources[0].qoute: {KEY} 'quote'?",
        ),
        ("  city:", "  cty:", f"f.yaml:4:8: district cty: {KEY} 'city'?"),
        ("figures:", "figure:", f"f.yaml:10:3: figure: {KEY} 'figures'?"),
    ],
)
def test_unknown_key_says_which_was_meant(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert expected in validate(tmp_path, GOOD.replace(old, new, 1))


YAML = "not valid YAML:"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('date: "2023-07"', 'date: "2023-07',
         f'f.yaml:8:11: {YAML} a quoted text starts here but its closing quote (") is missing'),
        ("    section: overview", "\tsection: overview",
         f"f.yaml:11:1: {YAML} a tab character: YAML indents with spaces only"),
        ("    section: overview", "   section: overview",
         f"f.yaml:11:4: {YAML} bad indentation: this line is not indented like the lines above "
         "it (the block from line 10)"),
        ("{zh: 星湖区, en: Xinghu District}", "{zh: 星湖区, en: Xinghu: District}",
         f"f.yaml:3:9: {YAML} a '{{' opened here is not closed where expected"),
    ],
)  # fmt: skip
def test_yaml_syntax_in_plain_words(tmp_path: Path, old: str, new: str, expected: str) -> None:
    lines = validate(tmp_path, GOOD.replace(old, new, 1))
    assert len(lines) == 1 and lines[0].startswith(expected)
    assert "<block" not in lines[0] and "token" not in lines[0]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("8,500万元", "write the number without thousands separators: '8500万元'"),
        ("8500 万元", "write the amount without spaces: '8500万元'"),
    ],
)
def test_amount_form_is_said(tmp_path: Path, written: str, expected: str) -> None:
    lines = validate(tmp_path, GOOD.replace("amount: 8500万元", f"amount: {written}"))
    where = "f.yaml:13:13: figure 'gdp' amount:"
    assert f"{where} cannot read '{written}' as an amount: {expected}" in lines
