"""Link targets in DOCX: ``<a id="name"></a>`` in a paragraph → a Word bookmark.

The provenance appendix (:mod:`reportgen.provenance.appendix`) starts each block's
entries with an empty HTML anchor; ``[↗](#name)`` in the body already becomes an
internal hyperlink (``w:hyperlink/@w:anchor``), and this makes its target. Only this
exact empty-anchor form is accepted (any other raw HTML stays an error); the closing
``</a>`` is consumed with it. Names are letters, digits and ``_`` (Word's rule), at
most 40 characters.
"""

from __future__ import annotations

import re

from lxml import etree

from reportgen.writers.docx_context import DocxContext
from reportgen.writers.docx_xml import el

_OPEN = re.compile(r'<a id="([A-Za-z][A-Za-z0-9_]{0,39})">')


def anchor_name(html: str) -> str | None:
    """The bookmark name of an ``<a id="name">`` tag, or None for any other HTML.

    >>> anchor_name('<a id="prov_lead">'), anchor_name("<b>")
    ('prov_lead', None)
    """
    found = _OPEN.fullmatch(html.strip())
    return None if found is None else found.group(1)


def is_anchor_close(html: str) -> bool:
    """Whether ``html`` is the ``</a>`` closing an anchor."""
    return html.strip().lower() == "</a>"


def bookmark(target: etree._Element, name: str, ctx: DocxContext) -> None:
    """Append an empty bookmark named ``name`` to ``target`` (a paragraph)."""
    number = str(ctx.next_bookmark_id())
    target.append(el("w:bookmarkStart", {"w:id": number, "w:name": name}))
    target.append(el("w:bookmarkEnd", {"w:id": number}))
