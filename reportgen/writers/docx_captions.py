"""Table captions: 表N / Table N above every data table.

A paragraph right before a table that already reads as its caption (``表1 主要指标``,
``附表1 经济运行``, ``Table 1. Main indicators``, ``Table A1. Economy``, bold or not)
becomes the caption; otherwise the writer adds one: the
number as a ``SEQ`` field (Word renumbers it; its cached value is the count) and the
title of the section the table is in. Captions are in the Table Caption style, kept
with the table (``keepNext``). Layout tables (whose rows may split) get none.
"""

from __future__ import annotations

import re

from lxml import etree

from reportgen.writers.docx_context import DocxContext
from reportgen.writers.docx_fields import field_end, field_start
from reportgen.writers.docx_xml import el, q, sub, text_run, val

_CAPTION = re.compile(r"^\s*(附表|表|Table)\s*([A-Z]?)(\d+)")
LABELS = {"zh": ("表", "　"), "en": ("Table", ". ")}


def _text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(q("w:t")))


def table_caption(out: list[etree._Element], ctx: DocxContext, lang: str) -> None:
    """Make the paragraph before a table its caption, or append a new caption to ``out``."""
    previous = out[-1] if out and out[-1].tag == q("w:p") else None
    found = None if previous is None else _CAPTION.match(_text(previous))
    style = ctx.styles.id("Table Caption")
    if previous is not None and found is not None:
        if found.group(1) != "附表" and not found.group(2):  # the main series: 表N, Table N
            ctx.tables = int(found.group(3))
        ppr = previous.find(q("w:pPr"))
        assert ppr is not None
        ppr.find(q("w:pStyle")).set(q("w:val"), style)  # type: ignore[union-attr]
        return
    ctx.tables += 1
    label, separator = LABELS[lang]
    p = el("w:p")
    val(sub(p, "w:pPr"), "w:pStyle", style)
    text_run(p, label + (" " if lang == "en" else ""))
    field_start(p, f" SEQ {label} \\* ARABIC ")
    text_run(p, str(ctx.tables))
    field_end(p)
    if ctx.section_title:
        text_run(p, separator + ctx.section_title)
    out.append(p)
