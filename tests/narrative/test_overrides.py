"""A user's phrases.<lang>.yaml: applied when valid, refused with located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import reportgen
from reportgen.errors import TemplateError
from reportgen.i18n.realize.overrides import MAX_BYTES, load_overrides
from reportgen.resources import default_facts_path


def write(tmp_path: Path, text: str, name: str = "phrases.zh.yaml") -> Path:
    (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def test_a_valid_override_rewords_the_chinese_briefing(tmp_path: Path) -> None:
    write(tmp_path, 'target.exceeded: "{measure}{steps}，超额完成{period}（{target}）。"\n')
    facts = reportgen.load_facts(default_facts_path())
    markdown = reportgen.build(facts, lang="zh", templates=tmp_path, charts=False).markdown
    assert "超额完成2023年目标（90家）" in markdown and "超过2023年目标" not in markdown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('nonsense.phrase: "x"\n', ":1:18: unknown phrase 'nonsense.phrase'"),
        ('series.rate: "{measure}{oops}"\n', ":1:14: 'series.rate' uses unknown field(s) oops"),
        ('series.rate: "{measure.__class__}"\n', "uses unknown field(s) measure.__class__"),
        ('series.rate: "{measure:>99999}"\n', "may not carry a format spec"),
        ('series.rate: "{measure"\n', "is not a valid pattern"),
        ("series.rate: [1, 2]\n", "must be a text"),
        ("- a\n- b\n", "expected a mapping"),
        ("a: &x 1\nb: *x\n", "phrases.zh.yaml"),
        ('series.rate: "' + "x" * 600 + '"\n', "at most 500"),
    ],
)
def test_bad_overrides_are_located(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path, text)
    with pytest.raises(TemplateError) as caught:
        load_overrides(tmp_path, "zh")
    shown = str(caught.value) + " ".join(str(p) for p in caught.value.problems)
    assert message in shown


def test_an_oversized_file_is_not_read(tmp_path: Path) -> None:
    write(tmp_path, "# " + "x" * MAX_BYTES + "\n")
    with pytest.raises(TemplateError, match="larger than"):
        load_overrides(tmp_path, "zh")


def test_no_file_no_overrides(tmp_path: Path) -> None:
    assert load_overrides(tmp_path, "en") == {}
    assert load_overrides(None, "en") == {}
