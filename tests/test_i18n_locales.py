"""Another language costs one table: Traditional Chinese from phrases/zh_Hant.py alone.

Numbers, dates and date intervals come from CLDR's zh_Hant data through Babel;
nothing else in the package knows the language exists.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import reportgen.i18n
from reportgen.facts.model import Noun
from reportgen.i18n import phrases
from reportgen.i18n.formatter import Formatter
from reportgen.i18n.parse import parse_rendered
from reportgen.i18n.phrases import known_languages, phrases_for, register_phrases

HANT = Formatter("zh_Hant")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("365.5亿元", "365.5億元"),
        ("7000余万元", "7000餘萬元"),
        ("6.1万余户", "6.1萬餘戶"),
        ("1.73万人以上", "1.73萬人以上"),
        ("近两千元", "近兩千元"),
        ("约836万平方米", "約836萬平方米"),
        ("121栋", "121棟"),
        ("46.6%", "46.6%"),
    ],
)
def test_amounts(written: str, expected: str) -> None:
    assert HANT.amount(written) == expected
    assert parse_rendered(expected, "zh_Hant") == parse_rendered(written, "zh")


@pytest.mark.parametrize(
    ("method", "args", "expected"),
    [
        ("change", ("+6.4%",), "同比增長6.4%"),
        ("change", ("-3.2%",), "同比下降3.2%"),
        ("change", ("-3.2%", "table"), "\u22123.2%"),
        ("change", ("+6.2%左右", "prose", "estimate"), "預計增長6.2%左右"),
        ("gap", ("+13.9个百分点",), "高於全市13.9個百分點"),
        ("rank", (3,), "位列全市第三"),
        ("rank", (3, "table"), "第3"),
        ("period", ("2023-H1",), "2023年上半年"),
        ("period", ("2023-01/2023-05",), "2023年1月至5月"),
        ("period", ("as of 2023-11",), "截至2023年11月"),
        ("period", ("2024", "prose", "target"), "2024年目標"),
        ("date", ("2024-01-17",), "2024年1月17日"),
        ("status", ("plan",), "計劃"),
    ],
)
def test_phrases(method: str, args: tuple[object, ...], expected: str) -> None:
    assert getattr(HANT, method)(*args) == expected


def test_nouns_are_converted_from_the_chinese_text() -> None:
    item = Noun(zh="产业园区", en="industrial park", en_plural="industrial parks")
    assert HANT.amount("3个", item=item) == "3個產業園區"


def _code_strings(path: Path) -> list[str]:
    """Every string and name in a module's code (docstrings and comments aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [] if id(node) in docstrings else [node.value]
        elif isinstance(node, ast.Name):
            found.append(node.id)
    return found


def test_no_code_outside_its_table_names_the_language() -> None:
    package = Path(reportgen.i18n.__file__).parent
    mentions = [
        p.relative_to(package).as_posix()
        for p in sorted(package.rglob("*.py"))
        if any("Hant" in s or "hant" in s for s in _code_strings(p))
    ]
    assert mentions == ["phrases/zh_Hant.py"]


def test_a_registered_table_is_a_new_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phrases, "_TABLES", {})  # forget the registration afterwards
    register_phrases("en_test", phrases_for("en"))
    assert "en_test" in known_languages()
    assert Formatter("en_test").amount("365.5亿元") == "36.55 billion yuan"


def test_an_unknown_language_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="no phrase table for language 'fr'; known: en, "):
        Formatter("fr")
