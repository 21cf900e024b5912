"""The provenance appendix: every fact the briefing states is listed with a quote the
validator finds in its article, and every citation link resolves (Markdown and DOCX)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import reportgen
from reportgen.editions.build import build_edition, with_provenance
from reportgen.editions.realized import LanguageBuild
from reportgen.facts.quotes import read_article, squeeze
from reportgen.provenance.appendix import LINK_TEXT, anchor, appendix
from reportgen.provenance.index import used_facts
from reportgen.provenance.records import fact_models

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"  # CI has ../shared beside the repository
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LINK = re.compile(r"\]\(#([\w-]+)\)")
ANCHOR = re.compile(r'<a id="([\w-]+)"></a>')
MARKS = re.compile(r"(?:\[\^[^\]\s]+\])+(?!:)")
QUOTE = re.compile(r"^  (?:原文|Quote)[：:] ?“(.*)”\n\n  (?:来源|Source) (\d+)[：:]", re.M)
ID = re.compile(r"^- \*\*.*?[（(]([a-z0-9][a-z0-9-]*)[）)]$", re.M)


@pytest.fixture(scope="module", params=["zh", "en"])
def edition(
    request: pytest.FixtureRequest,
    builds: dict[str, LanguageBuild],
    facts: reportgen.DistrictFacts,
) -> tuple[LanguageBuild, str]:
    built = builds[request.param]
    return built, with_provenance(built, facts).markdown


def _appendix_text(markdown: str) -> str:
    start = re.search(r"^## (附录|Appendix)", markdown, re.M)
    assert start is not None
    return markdown[start.start() :]


def test_the_appendix_lists_every_fact_the_briefing_states(
    edition: tuple[LanguageBuild, str], facts: reportgen.DistrictFacts
) -> None:
    built, markdown = edition
    used = used_facts([b for b in built.blocks if b.markdown in built.report.markdown])
    listed = set(ID.findall(_appendix_text(markdown)))
    assert len(used) > 200
    assert set(used) - listed == set()
    qualitative = {m.id for kind, m in fact_models(facts) if kind != "figure"}
    assert len(listed & qualitative) > 50  # statements, events, people, policies too


def test_every_quote_is_found_in_its_article(
    edition: tuple[LanguageBuild, str], facts: reportgen.DistrictFacts
) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"no articles at {SEEDS}")
    articles = {}
    for number, source in enumerate(facts.sources, start=1):
        assert source.file is not None
        text, problem = read_article(SEEDS, source.file)
        assert problem is None, problem
        articles[str(number)] = squeeze(text)
    quotes = QUOTE.findall(_appendix_text(edition[1]))
    assert len(quotes) > 250
    missing = [(n, q) for q, n in quotes if squeeze(unescape(q)) not in articles[n]]
    assert missing == []
    assert squeeze("全区生产总值实现365.6亿元") not in articles["4"]  # the check can fail


def unescape(markdown: str) -> str:
    """The text of escaped Markdown (the appendix escapes * _ [ ] …)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_every_citation_link_resolves(edition: tuple[LanguageBuild, str]) -> None:
    markdown = edition[1]
    targets = set(ANCHOR.findall(markdown))
    links = LINK.findall(markdown)
    assert len(links) > 30
    assert set(links) <= targets
    body = markdown[: markdown.index("<a id=")]
    for line in body.splitlines():  # every citation mark is followed by its link
        for mark in MARKS.finditer(line):
            assert line[mark.end() :].startswith(f"[{LINK_TEXT}](#prov_"), line


def test_a_missing_anchor_is_caught(edition: tuple[LanguageBuild, str]) -> None:
    markdown = edition[1].replace(f'<a id="{anchor("lead")}"></a>', "")
    assert not set(LINK.findall(markdown)) <= set(ANCHOR.findall(markdown))


def test_doubtful_figures_are_flagged_not_stated(edition: tuple[LanguageBuild, str]) -> None:
    text = _appendix_text(edition[1])
    part = re.split(r"^### (?:存疑数据|Doubtful figures).*$", text, flags=re.M)
    assert len(part) == 2
    assert "livelihood-special-funds-2023" in part[1]
    assert "livelihood-special-funds-2023" not in part[0]


def test_editors_notes_live_in_the_appendix(edition: tuple[LanguageBuild, str]) -> None:
    built, markdown = edition
    note = built.context["figure"]["industrial-value-added-growth-2023-01-05"].note
    assert note
    head, _, tail = markdown.partition("<a id=")
    assert note not in head
    assert note.replace('"', "") in tail.replace("\\", "").replace('"', "")


def test_docx_links_resolve_to_bookmarks(
    builds: dict[str, LanguageBuild], facts: reportgen.DistrictFacts
) -> None:
    report = with_provenance(builds["zh"], facts)
    with zipfile.ZipFile(io.BytesIO(report.docx_bytes())) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    anchors = [h.get(f"{W}anchor") for h in root.iter(f"{W}hyperlink")]
    names = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    assert len(anchors) > 30
    assert {a for a in anchors if a and a.startswith("prov_")} <= names


def test_bilingual_edition_with_provenance(
    builds: dict[str, LanguageBuild], facts: reportgen.DistrictFacts
) -> None:
    report = build_edition(facts, "zh+en", provenance=True, charts=False)
    assert "## 附录　数据来源与原文" in report.markdown
    assert set(LINK.findall(report.markdown)) <= set(ANCHOR.findall(report.markdown))
    assert set(LINK.findall(report.docx_markdown)) <= set(ANCHOR.findall(report.docx_markdown))


def test_appendix_anchors_are_word_bookmark_names(
    builds: dict[str, LanguageBuild], facts: reportgen.DistrictFacts
) -> None:
    extra = appendix(builds["en"], facts)
    assert extra.anchors and all(re.fullmatch(r"[A-Za-z]\w{0,39}", a) for a in extra.anchors)
