"""The provenance appendix: every fact the briefing states, where it comes from.

``appendix(build, facts)`` lists, per section and per block of the plan (lead, key
point, paragraph, table, annex table), each figure and qualitative fact the block
states: its label and value as this language prints them, the verbatim Chinese quote,
the source (number, title, outlet, date, file) and the editor's note, then the
doubtful figures the briefing never states, with why. Each block's entries start with
an anchor ``<a id="prov_overview_p3"></a>`` (a bookmark in the DOCX, see
:mod:`reportgen.writers.docx_anchors`); :func:`link_citations` puts a link to it after
every citation mark of the block in the body. See docs/provenance.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.editions.realized import Block, LanguageBuild
from reportgen.editions.segment import locate
from reportgen.facts.model import DistrictFacts
from reportgen.i18n.realize.words import default_phrases
from reportgen.provenance.index import Occurrence
from reportgen.provenance.records import FactRecord, records
from reportgen.render.escape import escape_markdown

WORDS = {
    "zh": {
        "title": "附录　数据来源与原文",
        "intro": "本附录按节、按段列出简报所述的每项数据和事实：本文所印数值、来源原文（逐字）、"
        "来源（序号、标题、媒体、日期、文件）及编者注。正文中每个引注标记后的“↗”链接到所在段的条目。",
        "summary": "内容摘要", "annex": "附表", "policies": "政策与举措",
        "events": "其他事项",
        "quote": "原文", "source": "来源", "note": "编者注", "doubtful": "存疑数据（正文不予采用）",
        "why": "存疑原因", "file": "文件",
    },
    "en": {
        "title": "Appendix: provenance",
        "intro": "Every figure and fact the briefing states, by section and block: its value as "
        "printed here, the verbatim Chinese quote, the source (number, title, outlet, date, "
        "file) and the editor's note. The ↗ link after each citation mark in the text leads "
        "to its block's entries.",
        "summary": "Key points", "annex": "Annex", "policies": "Policies and programmes",
        "events": "Other developments",
        "quote": "Quote", "source": "Source", "note": "Editor's note",
        "doubtful": "Doubtful figures (never stated in the text)", "why": "Why doubtful",
        "file": "file",
    },
}  # fmt: skip

LINK_TEXT = "↗"
_FOOTNOTES = re.compile(r"(?:\[\^[^\]\s]+\])+")
_ENDNOTES = re.compile(r"\[\d+(?:, \d+)*\]|〔\d+(?:、\d+)*〕")


def anchor(block_id: str) -> str:
    """The anchor (and DOCX bookmark name) of a block's entries: ``prov_overview_p3``."""
    return "prov_" + re.sub(r"\W", "_", block_id)


@dataclass(frozen=True)
class Appendix:
    """The appendix's Markdown and the fact ids it lists (for checks)."""

    markdown: str
    listed: tuple[str, ...]
    anchors: tuple[str, ...]


def appendix(build: LanguageBuild, facts: DistrictFacts) -> Appendix:
    """The appendix of ``build``'s briefing (blocks the templates left out are skipped)."""
    lang = "zh" if build.lang.startswith("zh") else "en"
    w = WORDS[lang]
    recs = records(facts, build.context, build.lang)
    shown = [b for b in build.blocks if b.markdown in build.report.markdown]
    out = [f"## {w['title']}", escape_markdown(w["intro"])]
    listed: list[str] = []
    anchors: list[str] = []
    section = None
    for block in shown:
        heading = section_name(block, lang)
        if heading != section:
            out.append(f"### {heading}")
            section = heading
        place = Occurrence(block.id, block.section, block.kind, block.number).place(lang)
        out.append(f'<a id="{anchor(block.id)}"></a>**{escape_markdown(place)}**')
        anchors.append(anchor(block.id))
        out += [_entry(recs[f], w) for f in block.facts if f in recs]
        listed += [f for f in block.facts if f in recs]
    doubtful = [r for r in recs.values() if r.doubtful]
    if doubtful:
        out.append(f"### {w['doubtful']}")
        out += [_entry(r, w) for r in doubtful]
    return Appendix("\n\n".join(out) + "\n", tuple(dict.fromkeys(listed)), tuple(anchors))


def section_name(block: Block, lang: str) -> str:
    """The name of the section a block belongs to, in ``lang`` (annex tables: 附表：…)."""
    w = WORDS[lang]
    if block.kind == "annex":
        lists = ("policies", "events")
        name = w[block.section] if block.section in lists else _phrase(lang, block.section)
        return f"{w['annex']}{'：' if lang == 'zh' else ': '}{name}"
    if block.section == "summary":
        return w["summary"]
    return _phrase(lang, block.section)


def _phrase(lang: str, section: str) -> str:
    return default_phrases(lang).get(f"section.{section}", section)


def _entry(r: FactRecord, w: dict[str, str]) -> str:
    """One fact as a list item: label and value, then quote, source, note and doubt as
    paragraphs of the item."""
    sep = "：" if w is WORDS["zh"] else ": "
    head = f"- **{escape_markdown(r.label)}**"
    if r.value:
        head += f"{sep}{escape_markdown(r.value)}"
    zh = w is WORDS["zh"]
    lines = [head + (f"（{r.id}）" if zh else f" ({r.id})")]
    for q in r.quotes:
        source = ("，" if zh else ", ").join(x for x in (q.title, q.outlet, q.date) if x)
        file = f"{'；' if zh else '; '}{w['file']} {escape_markdown(q.file)}" if q.file else ""
        lines.append(f"{w['quote']}{sep}“{escape_markdown(q.quote)}”")
        lines.append(f"{w['source']} {q.number}{sep}{escape_markdown(source)}{file}")
    if r.note:
        lines.append(f"{w['note']}{sep}{escape_markdown(r.note)}")
    if r.doubtful:
        lines.append(f"{w['why']}{sep}{escape_markdown(r.doubtful)}")
    return "\n\n  ".join(lines)  # one paragraph each: justified text never stretches a line


def link_citations(markdown: str, blocks: list[Block]) -> str:
    """``markdown`` with a link to the block's appendix entries after every citation
    mark of each paragraph and key point (at the end when it has none), and after each
    table. Blocks are found by their exact text (:func:`~reportgen.editions.segment.locate`)."""
    out, cursor = [], 0
    for start, end, block in locate(markdown, blocks):
        out += [markdown[cursor:start], markdown[start:end].replace(block.markdown, _linked(block))]
        cursor = end
    return "".join(out) + markdown[cursor:]


def _linked(block: Block) -> str:
    link = f"[{LINK_TEXT}](#{anchor(block.id)})"
    if block.kind in ("table", "annex"):
        return f"{block.markdown}\n\n{link}"
    text, count = _FOOTNOTES.subn(lambda m: m.group(0) + link, block.markdown)
    if not count:
        text, count = _ENDNOTES.subn(lambda m: m.group(0) + link, block.markdown)
    return text if count else f"{block.markdown}{link}"
