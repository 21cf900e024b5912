"""The side-by-side (对照) edition: one plan realized in two languages, pair by pair.

``build_bilingual(facts, "zh+en")`` builds both single-language briefings from the
same facts and options, cuts each into the plan's blocks and the template text between
them (:mod:`~reportgen.editions.segment`), pairs them by block id and section
(:mod:`~reportgen.editions.pairs`)
and writes the pairs out three ways:

- Markdown, ``stacked`` (default): the lead language's block, then the other's, then a
  rule (``---``); headings as one line, ``lead / other``.
- Markdown, ``table``: an HTML table, one row per pair (``--bilingual-layout table``).
- DOCX: the ``<!-- pair -->`` markers of :mod:`reportgen.writers.docx_pairs`, one
  borderless two-column row per pair, in the lead language's page setup; a heading
  pair is ``<!-- stack -->``: the two headings one above the other, full width.

Footnotes are shared: both languages cite the same ``[^a1]``, whose definition gives
the lead language's text, then the other's; in the DOCX only the lead column carries
the marks (Word would otherwise number every note twice), the same sentences in the
other column citing the same sources. Tables and charts appear once per language.
See docs/bilingual.md.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.build import Report
from reportgen.editions.pairs import Pair, pair_sections
from reportgen.editions.realized import LanguageBuild, realize_language
from reportgen.editions.segment import footnotes, sections
from reportgen.errors import OptionError
from reportgen.facts.model import DistrictFacts

EDITIONS = ("zh+en", "en+zh")
_REF = re.compile(r"\[\^[^\]\s]+\](?!:)")
LAYOUTS = ("stacked", "table")


@dataclass(frozen=True)
class BilingualReport(Report):
    """A bilingual edition: ``lang`` is ``zh+en`` or ``en+zh``; ``markdown`` is the
    Markdown file's text and ``docx_markdown`` what the DOCX is rendered from."""

    docx_markdown: str = ""
    pairs: tuple[Pair, ...] = field(default=(), compare=False, repr=False)

    @property
    def lead(self) -> str:
        """The lead language (its page setup, its column on the left)."""
        return self.lang.split("+")[0]

    def docx_bytes(
        self,
        base_dir: str | Path | None = None,
        reference_doc: str | Path | None = None,
        *,
        toc: bool = False,
        meta: Mapping[str, str] | None = None,
    ) -> bytes:
        """The DOCX edition, in the lead language's page setup (see :class:`Report`)."""
        from dataclasses import replace

        single = replace(self, lang=self.lead, markdown=self.docx_markdown)
        return Report.docx_bytes(single, base_dir, reference_doc, toc=toc, meta=meta)


def check_edition(lang: str) -> tuple[str, str]:
    """``("zh", "en")`` for ``zh+en``; an unknown edition is refused."""
    if lang not in EDITIONS:
        raise OptionError(f"unknown bilingual edition {lang!r}; choose from {', '.join(EDITIONS)}")
    first, second = lang.split("+")
    return first, second


def build_bilingual(
    facts: DistrictFacts, lang: str, *, layout: str = "stacked", **options: Any
) -> BilingualReport:
    """The bilingual edition ``lang`` (``zh+en``: Chinese leads); ``options`` are
    :func:`reportgen.build`'s (templates, sections, fallback, charts, citations)."""
    first, second = check_edition(lang)
    if layout not in LAYOUTS:
        raise OptionError(f"unknown bilingual layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    a = realize_language(facts, first, **options)
    b = realize_language(facts, second, **options)
    return compose(a, b, layout)


def compose(a: LanguageBuild, b: LanguageBuild, layout: str = "stacked") -> BilingualReport:
    """The edition of two single-language builds of the same facts (``a`` leads)."""
    pairs = pair_sections(
        sections(a.report.markdown, a.blocks), sections(b.report.markdown, b.blocks)
    )
    notes = _notes(footnotes(a.report.markdown), footnotes(b.report.markdown))
    text = stacked(pairs) if layout == "stacked" else html_table(pairs)
    docx = docx_markdown(pairs, a.lang, b.lang)
    edition = f"{a.lang}+{b.lang}"
    text, docx = text + notes, docx + notes
    moved: dict[str, dict[str, Any]] = {}
    for built in (a, b):
        old = f"{built.report.district_id}.{built.lang}.assets/"
        new = f"{built.report.district_id}.{edition}.assets/{built.lang}-"
        text, docx = (t.replace(f"]({old}", f"]({new}") for t in (text, docx))
        for name, value in _asset_maps(built.report).items():
            moved.setdefault(name, {}).update({k.replace(old, new, 1): v for k, v in value.items()})
    fields = {f.name: getattr(a.report, f.name) for f in dataclasses.fields(Report)}
    return BilingualReport(
        **(fields | moved | {"lang": edition, "markdown": text}),
        docx_markdown=docx,
        pairs=tuple(pairs),
    )


def _asset_maps(report: Report) -> dict[str, Mapping[str, Any]]:
    """The report's mappings keyed by asset path (``assets``; the charts' specs): they
    move into the edition's own folder, ``huaiyin.zh+en.assets/zh-…``, so that building
    ``zh`` and ``zh+en`` together writes no file twice."""
    prefix = f"{report.district_id}.{report.lang}.assets/"
    return {
        f.name: value
        for f in dataclasses.fields(Report)
        if isinstance(value := getattr(report, f.name), Mapping)
        and (f.name == "assets" or value)
        and all(isinstance(k, str) and k.startswith(prefix) for k in value)
    }


def _notes(lead: dict[str, str], other: dict[str, str]) -> str:
    """Shared footnote definitions: the lead language's text / the other's."""
    lines = [f"[^{k}]: {v}" + (f" / {other[k]}" if other.get(k) else "") for k, v in lead.items()]
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def _heading(pair: Pair) -> str:
    level, _, lead = pair.lead.partition(" ")
    other = pair.other.partition(" ")[2]
    return f"{level} {lead} / {other}" if lead and other else pair.lead or pair.other


def stacked(pairs: Sequence[Pair]) -> str:
    """Markdown: each pair as the lead block, the other block and a rule."""
    out: list[str] = []
    for pair in pairs:
        if pair.kind == "title":
            out += [pair.lead, _bold(pair.other.removeprefix("# ").strip())]
        elif pair.kind == "marker":
            out.append(pair.lead)
        elif pair.kind == "heading":
            out.append(_heading(pair))
        elif pair.kind == "wide":
            out += [pair.lead, pair.other]
        else:
            out += [pair.lead, pair.other, "---"]
    return "\n\n".join(x for x in out if x) + "\n"


def _bold(text: str) -> str:
    return f"**{text}**" if text else ""


def html_table(pairs: Sequence[Pair]) -> str:
    """Markdown with an HTML table per run of side-by-side pairs (GitHub renders the
    Markdown inside the cells because of the blank lines around it)."""
    out: list[str] = []
    open_table = False
    for pair in pairs:
        side = pair.kind in ("text", "heading")
        if side and not open_table:
            out.append("<table>")
            open_table = True
        if not side and open_table:
            out.append("</table>")
            open_table = False
        if side:
            out.append(f'<tr id="{_anchor(pair.key)}">\n<td>\n\n{pair.lead}\n\n</td>\n'
                       f"<td>\n\n{pair.other}\n\n</td>\n</tr>")  # fmt: skip
        elif pair.kind == "title":
            out += [pair.lead, _bold(pair.other.removeprefix("# ").strip())]
        elif pair.kind == "marker":
            out.append(pair.lead)
        else:
            out += [pair.lead, pair.other]
    if open_table:
        out.append("</table>")
    return "\n\n".join(x for x in out if x) + "\n"


def _anchor(key: str) -> str:
    return "pair-" + key.replace(":", "-")


def docx_markdown(pairs: Sequence[Pair], lead: str, other: str) -> str:
    """Markdown for the DOCX writer: each side-by-side pair between pair markers."""
    out: list[str] = []
    for pair in pairs:
        if pair.kind == "title":
            out += [pair.lead, pair.other.removeprefix("# ").strip()]
        elif pair.kind == "marker":
            out.append(pair.lead)
        elif pair.kind == "wide":
            out += [pair.lead, pair.other]
        else:
            right = _REF.sub("", pair.other)  # the lead column's footnotes serve both
            how = "stack" if pair.kind == "heading" else "pair"
            out += [f"<!-- {how} {lead} {other} -->", pair.lead, "<!-- cell -->", right,
                    f"<!-- /{how} -->"]  # fmt: skip
    return "\n\n".join(x for x in out if x) + "\n"
