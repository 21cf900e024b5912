"""Loading a fact file: safe YAML with positions, every problem located and reported at once."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.errors import DataError, DataWarning, Problem
from reportgen.facts import loader
from reportgen.facts.loader import load_facts, problem_at
from reportgen.facts.quotes import check_numbers_in_quotes, nearest_passage, squeeze
from reportgen.facts.yamlpos import MAX_DEPTH, YamlProblem, read_yaml

WriteFacts = Callable[..., Path]


def problems(path: Path, sources: Path | None = None) -> list[str]:
    """The problem lines for a file, with the file name cut to its base name."""
    with pytest.raises(DataError) as caught:
        load_facts(path, sources_dir=sources)
    return [line.replace(str(path), path.name) for line in caught.value.lines()]


def test_load_a_valid_file(write_facts: WriteFacts, minimal_yaml: str) -> None:
    facts = load_facts(write_facts(minimal_yaml))
    assert facts.district.id == "testville"
    [figure] = facts.figures
    assert figure.amount is not None and figure.amount.base_value == Decimal("36550000000")
    assert facts.figures_about("acme") == (figure,)


def test_bom_and_crlf_are_accepted(write_facts: WriteFacts, minimal_yaml: str) -> None:
    plain = load_facts(write_facts(minimal_yaml))
    windows = "\ufeff" + minimal_yaml.replace("\n", "\r\n")
    assert load_facts(write_facts(windows.encode("utf-8"))) == plain


def test_every_problem_is_reported_with_its_position(
    write_facts: WriteFacts, minimal_yaml: str
) -> None:
    text = (
        minimal_yaml.replace("amount: 365.5亿元", "amount: 365.6亿元")
        .replace("period: 2023-H1", "period: 2023-Q1")
        .replace("owner: acme", "owner: acme\n    examples: [nobody]")
        .replace('date: "2023-07"', 'date: "2023-02-30"')
    )
    # The figure with the bad period is left out of the number check; the rest still runs.
    assert problems(write_facts(text)) == [
        "facts.yaml:8:11: source 's1' date: '2023-02-30' is not a date: 2023-02 has 28 days",
        "facts.yaml:18:13: figure 'gdp' period: '2023-Q1' is not a period: write 2023, 2023-H1, "
        "2023-01/2023-05, 'as of 2023-11' or unknown",
    ]


def test_cross_record_checks_run_beside_broken_records(
    write_facts: WriteFacts, minimal_yaml: str
) -> None:
    second = """\
  - id: gdp
    section: overview
    measure: {zh: 又一个}
    amount: 365.5亿元
    period: 2023
    place: nobody
    sources:
      - source: s9
        quote: 365.5亿元
  - id: broken
    section: economy
    measure: {zh: 坏}
    amount: 1亿元
    period: 2023
    sources:
      - source: s1
        quote: 1亿元
"""
    lines = problems(write_facts(minimal_yaml + second))
    assert lines == [
        "facts.yaml:34:14: figure 'broken' section: input should be 'overview', 'industry', "
        "'projects', 'investment', 'innovation', 'consumption', 'livelihood', "
        "'business_environment', 'governance' or 'outlook'",
        "facts.yaml:24:9: figure 'gdp' id: duplicate id 'gdp' (also figures[0])",
        "facts.yaml:31:17: figure 'gdp' sources[0].source: unknown source 's9'; known sources: s1",
        "facts.yaml:29:12: figure 'gdp' place: unknown entity 'nobody'",
    ]


def test_a_broken_record_is_not_reported_again_by_its_references(
    write_facts: WriteFacts, minimal_yaml: str
) -> None:
    text = minimal_yaml.replace("name: {zh: 甲公司, en: Acme}", "name: 甲公司").replace(
        'date: "2023-07"', "date: July"
    )
    assert problems(write_facts(text)) == [
        "facts.yaml:8:11: source 's1' date: 'July' is not a date: "
        "write YYYY, YYYY-MM or YYYY-MM-DD",
        "facts.yaml:12:11: entity 'acme' name: expected a mapping, got str",
    ]


def test_lists_and_empty_lists(write_facts: WriteFacts, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("owner: acme", "examples: acme").replace(
        "      - source: s1\n        quote: 全区生产总值实现365.5亿元,同比增长6.4%", "        []"
    )
    assert problems(write_facts(text)) == [
        "facts.yaml:20:15: figure 'gdp' examples: expected a list, got 'acme'",
        "facts.yaml:22:9: figure 'gdp' sources: expected a non-empty list",
    ]


def test_top_level_problems(write_facts: WriteFacts) -> None:
    path = write_facts("districts: {}\nsources: []\n")
    assert problems(path) == [
        "facts.yaml:1:12: districts: is not a known field; did you mean 'district'?",
        "facts.yaml:1:1: district: is required",
        "facts.yaml:2:10: sources: expected a non-empty list of sources",
        "facts.yaml:1:1: figures: expected a non-empty list of figures",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "facts.yaml: the file is empty: expected a mapping with district, sources, \u2026"),
        (b"# only a comment\n", "facts.yaml: the file is empty: expected a mapping with "
         "district, sources, \u2026"),
        (b"- a\n- b\n", "facts.yaml:1:1: expected a mapping with district, sources, entities "
         "and figures"),
        (b"just text\n", "facts.yaml:1:1: expected a mapping with district, sources, entities "
         "and figures"),
        ("district: 槐荫区\n".encode("gbk"), "facts.yaml:1: not UTF-8 text (byte 10); save the "
         "file as UTF-8"),
        (b"a: 1\n\x00\n", "facts.yaml:1: contains NUL bytes: this is a binary file, not YAML"),
        (b"a: [1\n", "facts.yaml:1:4: not valid YAML: a '[' opened here is not closed where "
         "expected (a text in it containing ': ' or ',' needs quotes)"),
    ],
)  # fmt: skip
def test_unreadable_files(write_facts: WriteFacts, content: bytes, message: str) -> None:
    assert problems(write_facts(content)) == [message]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_facts(tmp_path / "missing.yaml")
    assert caught.value.lines() == [f"{tmp_path / 'missing.yaml'}: no such file"]
    with pytest.raises(DataError) as caught:
        load_facts(tmp_path)
    assert caught.value.lines() == [f"{tmp_path}: is a directory, not a fact file"]


def test_oversized_file(
    write_facts: WriteFacts, minimal_yaml: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 2**20)
    path = write_facts(minimal_yaml + "#" * 2**20)
    assert problems(path) == ["facts.yaml: is larger than 1 MiB; is it really a fact file?"]


def test_quotes_checked_against_articles(
    write_facts: WriteFacts, minimal_yaml: str, tmp_path: Path
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    text = minimal_yaml.replace('date: "2023-07"', 'date: "2023-07"\n    file: s1.txt')
    path = write_facts(text)
    article = articles / "s1.txt"
    article.write_text("今年上半年，全区生产总值\n实现365.5亿元,同比增长6.4%。", "utf-8")
    assert load_facts(path, sources_dir=articles).figures[0].id == "gdp"
    article.write_text("今年上半年，全区生产总值实现365.4亿元,同比增长6.4%。", "utf-8")
    assert problems(path, articles) == [
        "facts.yaml:24:16: figure 'gdp' sources[0].quote: quote not found in its source; "
        "nearest passage: '全区生产总值实现365.4亿元,同比增长6.4%'",
    ]
    article.unlink()
    assert problems(path, articles) == [
        f"facts.yaml:9:11: source 's1' file: cannot read the article {articles / 's1.txt'}",
        "facts.yaml:6:3: sources: quotes of s1 not checked: no article to compare them with",
    ]


def test_problem_at_locates_a_path_in_loaded_facts(
    write_facts: WriteFacts, minimal_yaml: str
) -> None:
    path = write_facts(minimal_yaml)
    facts = load_facts(path)
    assert problem_at(facts, ("figures", 0, "amount"), "is odd") == Problem(
        str(path), 17, 13, "figure 'gdp' amount: is odd"
    )


def test_characters_xml_forbids_are_removed_with_a_warning(
    write_facts: WriteFacts, minimal_yaml: str
) -> None:
    path = write_facts(minimal_yaml.replace("en: Acme", 'en: "Ac\\x01me"'))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        facts = load_facts(path)
    assert facts.entity("acme").name.en == "Acme"
    assert [str(w.message) for w in caught if w.category is DataWarning] == [
        f"{path}:12:25: entity 'acme' name.en: removed characters that XML forbids"
    ]


# --- the YAML reader ------------------------------------------------------------------------


def test_read_yaml_keeps_numbers_exact_and_positions() -> None:
    doc = read_yaml("a: 1.50\nb: 12\nc: [true, null, 2023-07-15, 0x1F, 1_000]\nd: {e: '6.4'}\n")
    assert doc.data == {
        "a": Decimal("1.50"),
        "b": 12,
        "c": [True, None, "2023-07-15", 31, 1000],
        "d": {"e": "6.4"},
    }
    assert str(doc.data["a"]) == "1.50"
    assert doc.positions[("a",)] == (1, 4)
    assert doc.positions[("c", 2)] == (3, 17)
    assert doc.positions[("d", "e")] == (4, 8)
    assert doc.position(("d", "e", "missing", 3)) == (4, 8)
    assert doc.position(()) == (1, 1)


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ("a: 1\na: 2\n", "duplicate key 'a'", (2, 1)),
        ("a: &x 1\nb: *x\n", "anchors and aliases (&, *) are not allowed", (1, 4)),
        ("a: &x 1\nb: 2\n", "anchors and aliases (&, *) are not allowed", (1, 4)),
        ("&k a: 1\n", "anchors and aliases (&, *) are not allowed", (1, 1)),
        ("a:\n  <<: {b: 1}\n", "keys must be plain names", (2, 3)),
        ("? [a]\n: 1\n", "keys must be plain names", (1, 3)),
        ("a: !!python/object:os.system x\n",
         "the YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed", (1, 4)),
        ("a: !custom x\n", "the YAML tag '!custom' is not allowed", (1, 4)),
        ("a: !!binary aGk=\n", "the YAML tag 'tag:yaml.org,2002:binary' is not allowed", (1, 4)),
        ("a: .nan\n", "'.nan' is not a finite number", (1, 4)),
        ("a: -.inf\n", "'-.inf' is not a finite number", (1, 4)),
        ("a: 1\n---\nb: 2\n", "not valid YAML: a second document starts here ('---'): a fact "
         "file is one YAML document", (2, 1)),
        ("a: 'x\n", "not valid YAML: a quoted text starts here but its closing quote (') is "
         "missing", (1, 4)),  # where the quote opens
        ("[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2),
         f"nested more than {MAX_DEPTH} levels deep", (1, MAX_DEPTH + 2)),
    ],
)  # fmt: skip
def test_read_yaml_refuses(text: str, message: str, position: tuple[int, int]) -> None:
    with pytest.raises(YamlProblem) as caught:
        read_yaml(text)
    assert (caught.value.message, caught.value.position) == (message, position)


def test_read_yaml_empty() -> None:
    with pytest.raises(YamlProblem) as caught:
        read_yaml("")
    assert caught.value.position is None
    assert caught.value.message.startswith("the file is empty")


# --- quotes ---------------------------------------------------------------------------------


def test_squeeze_and_nearest_passage() -> None:
    assert squeeze(" 全区\n生产 总值\t") == "全区生产总值"
    text = "……全区生产总值实现365.5亿元,同比增长6.4%。其中,第三产业增加值实现300亿元"
    assert nearest_passage("生产总值365.6亿元", text) == "生产总值实现365.5"
    assert nearest_passage("第三产业增加值实现301亿元", text) == "第三产业增加值实现300亿元"


@pytest.mark.parametrize(
    ("amount", "quote", "found"),
    [
        ("365.5亿元", "全区生产总值实现365.5亿元", True),
        ("36亿元", "全区生产总值实现365.5亿元", False),  # not part of a longer number
        ("5亿元", "全区生产总值实现365.5亿元", False),
        ("365亿元", "全区生产总值实现365.5亿元", False),
        ("365亿元", "投资365亿元。", True),  # a full stop after the number is not a decimal point
        ("近两千元", "投入专项财政资金近两千元", True),
        ("365.50亿元", "实现365.5亿元", False),  # as written, precision included
    ],
)
def test_numbers_must_be_in_a_quote(amount: str, quote: str, found: bool) -> None:
    from reportgen.facts.model import Figure

    figure = Figure.model_validate(
        {
            "id": "f",
            "section": "overview",
            "measure": {"zh": "量"},
            "amount": amount,
            "period": "2023",
            "sources": [{"source": "s1", "quote": quote}],
        }
    )
    reported = list(check_numbers_in_quotes([(0, figure)]))
    assert (reported == []) is found
    if not found:
        number = format(figure.amount.value, "f") if figure.amount else ""
        assert reported == [
            (("figures", 0, "amount"), f"the number {number} is not in the figure's quote")
        ]
