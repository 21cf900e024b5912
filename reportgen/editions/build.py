"""The build's entry for every edition: one language, a bilingual pair, with provenance.

``build_edition(facts, "zh")`` is :func:`reportgen.build`; ``"zh+en"`` / ``"en+zh"``
the bilingual edition (:mod:`reportgen.editions.bilingual`); ``provenance=True`` adds
the provenance appendix (:mod:`reportgen.provenance.appendix`) to the document and links
each citation mark to it — in a bilingual edition, the lead language's appendix, linked
from the lead column.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from reportgen.build import LANGUAGES, Report, build
from reportgen.editions.bilingual import EDITIONS, LAYOUTS, BilingualReport, compose
from reportgen.editions.realized import LanguageBuild, realize_language
from reportgen.errors import OptionError
from reportgen.facts.model import DistrictFacts
from reportgen.provenance.appendix import appendix, link_citations


def parse_langs(value: str) -> tuple[str, ...]:
    """``--lang``: ``en``, ``zh``, ``all`` (= zh and en), ``zh+en``, ``en+zh``, or several
    comma-separated (``zh,en,zh+en``: all three documents)."""
    chosen: list[str] = []
    for name in (n.strip() for n in value.split(",")):
        if name == "all":
            chosen += LANGUAGES
        elif name in (*LANGUAGES, *EDITIONS):
            chosen.append(name)
        else:
            raise OptionError(
                f"--lang {value}: choose from {', '.join(LANGUAGES)} or all, a bilingual"
                f" edition {' or '.join(EDITIONS)}, or several separated by commas (zh,en,zh+en)"
            )
    return tuple(dict.fromkeys(chosen))


def build_edition(
    facts: DistrictFacts,
    lang: str,
    *,
    provenance: bool = False,
    layout: str = "stacked",
    **options: Any,
) -> Report:
    """The document for ``lang`` (a language or a bilingual edition); ``options`` are
    :func:`reportgen.build`'s."""
    if lang not in EDITIONS:
        if not provenance:
            return build(facts, lang, **options)
        return with_provenance(realize_language(facts, lang, **options), facts)
    check_layout(layout)
    first, second = lang.split("+")
    a = realize_language(facts, first, **options)
    b = realize_language(facts, second, **options)
    report = compose(a, b, layout)
    if not provenance:
        return report
    return _bilingual_provenance(report, a, facts)


def with_provenance(built: LanguageBuild, facts: DistrictFacts) -> Report:
    """``built``'s report with its citation marks linked to the appendix at its end."""
    extra = appendix(built, facts)
    body = link_citations(built.report.markdown, built.blocks)
    return dataclasses.replace(built.report, markdown=body.rstrip("\n") + "\n\n" + extra.markdown)


def _bilingual_provenance(
    report: BilingualReport, lead: LanguageBuild, facts: DistrictFacts
) -> BilingualReport:
    extra = appendix(lead, facts).markdown
    md = link_citations(report.markdown, lead.blocks).rstrip("\n") + "\n\n" + extra
    docx = link_citations(report.docx_markdown, lead.blocks).rstrip("\n") + "\n\n" + extra
    return dataclasses.replace(report, markdown=md, docx_markdown=docx)


def check_layout(layout: str) -> str:
    """``--bilingual-layout``: ``stacked`` or ``table``."""
    if layout not in LAYOUTS:
        raise OptionError(f"--bilingual-layout {layout}: choose from {', '.join(LAYOUTS)}")
    return layout
