"""Every example in docs/formatting.md is a test: each `| call | zh | en |` row, both languages."""

from __future__ import annotations

import doctest
import re
from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.facts.model import Noun, Text
from reportgen.i18n import parse
from reportgen.i18n.formatter import Formatter

DOC = Path(__file__).resolve().parents[1] / "docs" / "formatting.md"
JINAN = Text(zh="济南市", en="Jinan")
NAMES = {
    "HOME": Noun(zh="住宅楼", en="residential building", en_plural="residential buildings"),
    "PARK": Noun(zh="体育公园", en="sports park", en_plural="sports parks"),
    "VENUE": Noun(zh="体育场馆", en="sports venue", en_plural="sports venues"),
    "Decimal": Decimal,
}


def rows() -> list[tuple[str, str, str]]:
    """(call, zh, en) for every row of the tables headed `| call | zh | en |`."""
    found, inside = [], False
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.strip() == "| call | zh | en |":
            inside = True
        elif not line.startswith("|"):
            inside = False
        elif inside and not line.startswith("| ---"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            call, zh, en = (c.replace("(empty)", "") for c in cells)
            found.append((call.strip("`"), zh, en))
    return found


def test_the_doc_has_examples() -> None:
    assert len(rows()) > 90


@pytest.mark.parametrize(("call", "zh", "en"), rows())
def test_row(call: str, zh: str, en: str) -> None:
    for lang, expected in (("zh", zh), ("en", en)):
        formatter = Formatter(lang, city=JINAN)
        assert eval(f"f.{call}", {"f": formatter, **NAMES}) == expected, (lang, call)


def test_the_python_examples() -> None:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(>>> .*?)```", text, re.DOTALL)
    assert blocks
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for number, block in enumerate(blocks):
        test = doctest.DocTestParser().get_doctest(
            block, {"parse_rendered": parse.parse_rendered}, f"block {number}", str(DOC), 0
        )
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
