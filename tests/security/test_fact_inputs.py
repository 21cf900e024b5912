"""Fact files and source articles from many hands: what ``validate`` and ``build`` may read.

A source's ``file`` must resolve (symlinks too) inside the ``--sources`` folder; only
regular files are read, and only up to a size bound; the "nearest passage" search does
bounded work; quotes and articles compare after Unicode NFC normalization.

Cases that hung or ate memory before the fix run in a child process with a timeout and
an address-space limit, so a regression fails instead of hanging or swapping: the timeout
is a bound on a hang, not a measure of speed.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reportgen.cli import main
from reportgen.facts import nearest, quotes

SECRET = "TOP-SECRET-7f3a9c"
QUOTE = "全区生产总值实现365.5亿元,同比增长6.4%"
ARTICLE = f"今年上半年，{QUOTE}。"
#: A hang guard for child processes (seconds): never reached by a working build.
HANG_GUARD = 60
#: The address space a child process may use (bytes): reading /dev/zero whole fails fast.
MEMORY_LIMIT = 2 * 1024**3


def facts_text(file: str | None, quote: str = QUOTE, title_en: str = "A title") -> str:
    """A one-figure fact file whose source names ``file`` (or no file)."""
    file_line = "" if file is None else f"\n    file: {file!r}"
    return f"""\
district:
  id: testville
  name: {{zh: 测试区, en: Testville District}}
  city: {{zh: 样例市, en: Sample City}}
sources:
  - id: s1
    title: {{zh: 标题, en: {title_en}}}
    date: "2023-07"{file_line}
figures:
  - id: gdp
    section: overview
    measure: {{zh: 地区生产总值, en: regional GDP}}
    amount: 365.5亿元
    period: 2023-H1
    yoy: +6.4%
    sources:
      - source: s1
        quote: {quote}
"""


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A --sources folder holding s1.txt, beside a secret file outside it."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "s1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(f"{SECRET} 全区生产总值实现999亿元\n" * 50, "utf-8")
    return folder


def validate(facts: Path, articles: Path) -> Result:
    return CliRunner().invoke(main, ["validate", "--sources", str(articles), str(facts)])


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m reportgen ARGS`` with a hang guard and a memory limit."""

    def limit_memory() -> None:  # pragma: no cover - runs in the child
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "reportgen", *args],
            cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=env,
            timeout=HANG_GUARD, preexec_fn=limit_memory, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(f"reportgen {' '.join(args)} still ran after {HANG_GUARD} s: it hangs")


# --- a source file outside the --sources folder --------------------------------------------


@pytest.mark.parametrize(
    "place",
    ["relative", "absolute", "symlink", "symlinked-folder", "etc-passwd"],
)
def test_source_file_outside_the_folder_is_refused_unread(
    place: str, tmp_path: Path, articles: Path
) -> None:
    secret = tmp_path / "secret.txt"
    names: dict[str, Callable[[], str]] = {
        "relative": lambda: "../secret.txt",
        "absolute": lambda: str(secret),
        "symlink": lambda: _link(articles / "leak.txt", secret),
        "symlinked-folder": lambda: _link(articles / "sub", tmp_path) + "/secret.txt",
        "etc-passwd": lambda: "../../../../../../../../../../etc/passwd",
    }
    file = names[place]()
    facts = tmp_path / "facts.yaml"
    facts.write_text(facts_text(file), encoding="utf-8")
    result = validate(facts, articles)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        f"{facts}:9:11: source 's1' file: {file!r} is outside the --sources folder {articles}",
        f"{facts}:6:3: sources: quotes of s1 not checked: no article to compare them with",
    ]
    assert SECRET not in result.output and "root:" not in result.output


def _link(link: Path, target: Path) -> str:
    link.symlink_to(target)
    return link.name


def test_a_symlink_that_stays_inside_the_folder_is_read(tmp_path: Path, articles: Path) -> None:
    (articles / "copy.txt").symlink_to(articles / "s1.txt")
    facts = tmp_path / "facts.yaml"
    facts.write_text(facts_text("copy.txt"), encoding="utf-8")
    result = validate(facts, articles)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("every quote found\n")


# --- devices, FIFOs and huge files --------------------------------------------------------


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("kind", "what"),
    [("fifo", "is a FIFO (named pipe)"), ("zero", "is a device"), ("folder", "is a directory")],
)
def test_special_files_as_data_are_refused(tmp_path: Path, kind: str, what: str) -> None:
    data = {
        "fifo": lambda: str(_fifo(tmp_path / "facts.yaml")),
        "zero": lambda: "/dev/zero",
        "folder": lambda: str(tmp_path),
    }[kind]()
    for command in ("validate", "build"):
        proc = (
            run_cli(command, data, "--out", str(tmp_path / "out"), cwd=tmp_path)
            if (command == "build")
            else run_cli(command, data, cwd=tmp_path)
        )
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.splitlines() == [f"{data}: {what}, not a fact file"]
        assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("kind", "what"), [("fifo", "is a FIFO (named pipe)"), ("zero", "is a device")]
)
def test_special_files_as_sources_are_refused(
    tmp_path: Path, articles: Path, kind: str, what: str
) -> None:
    if kind == "fifo":
        folder, file = articles, _fifo(articles / "pipe.txt").name
    else:  # /dev/zero inside the --sources folder /dev
        folder, file = Path("/dev"), "zero"
    facts = tmp_path / "facts.yaml"
    facts.write_text(facts_text(file), encoding="utf-8")
    proc = run_cli("validate", "--sources", str(folder), str(facts), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [
        f"{facts}:9:11: source 's1' file: cannot read the article {folder / file}: "
        f"{what}, not a file",
        f"{facts}:6:3: sources: quotes of s1 not checked: no article to compare them with",
    ]


def test_an_article_over_the_size_bound_is_refused_before_reading(
    tmp_path: Path, articles: Path
) -> None:
    big = articles / "big.txt"
    with big.open("wb") as handle:  # sparse: no disk is spent on it
        handle.truncate(quotes.MAX_ARTICLE_BYTES + 1)
    facts = tmp_path / "facts.yaml"
    facts.write_text(facts_text("big.txt"), encoding="utf-8")
    result = validate(facts, articles)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{facts}:9:11: source 's1' file: cannot read the article {big}: "
        f"is larger than {quotes.MAX_ARTICLE_BYTES:,} bytes; an article has at most "
        f"{quotes.MAX_ARTICLE_CHARS:,} characters"
    )


def test_an_article_over_the_character_bound_is_refused(tmp_path: Path, articles: Path) -> None:
    long = articles / "long.txt"
    long.write_text(ARTICLE + "字" * quotes.MAX_ARTICLE_CHARS, encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(facts_text("long.txt"), encoding="utf-8")
    result = validate(facts, articles)
    assert result.exit_code == 2
    chars = len(ARTICLE) + quotes.MAX_ARTICLE_CHARS
    assert result.stderr.splitlines()[0] == (
        f"{facts}:9:11: source 's1' file: cannot read the article {long}: "
        f"has {chars:,} characters; at most {quotes.MAX_ARTICLE_CHARS:,}"
    )


def test_a_data_file_over_the_size_bound_is_refused_before_reading(tmp_path: Path) -> None:
    from reportgen.facts import loader

    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(loader.MAX_FILE_BYTES + 1)
    result = CliRunner().invoke(main, ["validate", str(big)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{big}: is larger than {loader.MAX_FILE_BYTES // 2**20} MiB; is it really a fact file?"
    ]


# --- the nearest-passage search -----------------------------------------------------------


def _long_article(chars: int) -> str:
    """An article of ``chars`` characters of varied Chinese prose, the quote's passage inside."""
    filler = "全区坚持稳中求进工作总基调，推动经济运行持续向好，项目建设提速增效。"
    middle = "今年上半年，全区生产总值实现365.4亿元,同比增长6.4%。"
    half = (chars - len(middle)) // 2
    text = (filler * (half // len(filler) + 1))[:half]
    return text + middle + (filler * (chars // len(filler) + 1))[: chars - half - len(middle)]


@pytest.mark.parametrize("chars", [10_000, quotes.MAX_ARTICLE_CHARS])
def test_nearest_passage_does_bounded_work(chars: int, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    matcher = nearest.difflib.SequenceMatcher

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls > nearest.MAX_NEAREST_COMPARISONS:
            pytest.fail(f"more than {nearest.MAX_NEAREST_COMPARISONS} comparisons")
        return matcher(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(nearest.difflib, "SequenceMatcher", counting)
    text = _long_article(chars)
    assert len(text) == chars
    assert quotes.nearest_passage(QUOTE, text) == "全区生产总值实现365.4亿元,同比增长6.4%"
    assert 0 < calls <= nearest.MAX_NEAREST_COMPARISONS


def test_quote_not_found_in_an_article_at_the_size_bound(tmp_path: Path, articles: Path) -> None:
    (articles / "long.txt").write_text(_long_article(quotes.MAX_ARTICLE_CHARS), encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(facts_text("long.txt"), encoding="utf-8")
    proc = run_cli("validate", "--sources", str(articles), str(facts), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"{facts}:19:16: figure 'gdp' sources[0].quote: quote not found in its source; "
        "nearest passage: '全区生产总值实现365.4亿元,同比增长6.4%'"
    ]


# --- Unicode normalization ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "article"),
    [
        ("Cafe\u0301：" + QUOTE, "Caf\u00e9：" + QUOTE),  # NFD quote, NFC article
        ("Caf\u00e9：" + QUOTE, "Cafe\u0301：" + QUOTE),  # NFC quote, NFD article
        ("\uf9d0別：" + QUOTE, "\u985e別：" + QUOTE),  # a CJK compatibility ideograph: 類
    ],
)
def test_quotes_and_articles_compare_after_nfc(
    quote: str, article: str, tmp_path: Path, articles: Path
) -> None:
    assert quote != article and unicodedata.normalize("NFC", quote) == unicodedata.normalize(
        "NFC", article
    )
    (articles / "s1.txt").write_text(f"今年{article}。", encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(facts_text("s1.txt", quote=quote), encoding="utf-8")
    result = validate(facts, articles)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("every quote found\n")
