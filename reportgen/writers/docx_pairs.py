"""Side-by-side rows for the bilingual edition: ``<!-- pair -->`` blocks → table rows.

The bilingual edition (:mod:`reportgen.editions.bilingual`) writes each pair of blocks
between three markers::

    <!-- pair zh en -->
    (the lead language's Markdown)
    <!-- cell -->
    (the other language's Markdown)
    <!-- /pair -->

:class:`PairRows` lets the block walk write both halves as usual, then moves what
they produced into one row of a borderless two-column table with fixed, equal
columns; consecutive pairs become consecutive rows of one table. ``<!-- stack zh en -->`` …
``<!-- /stack -->`` (a heading pair) keeps both halves as full-width paragraphs, one after
the other, the second in its own language's styles: headings then keep with what
follows as any heading does (a table row cannot in LibreOffice). A row may break
across pages (``w:cantSplit`` is not set) and both cells continue on the next page,
so the two languages stay level row by row. The page setup is the document's (the
lead language's reference document). Paragraphs of the language that is not the
document's are set in that language's built-in styles, copied into the document
under the names ``<style> (<lang>)`` with their inherited properties resolved (so
``Body Text (en)`` in a Chinese document is Calibri 11 pt, not 仿宋 三号).
"""

from __future__ import annotations

import copy
import functools
import re
import zipfile

from lxml import etree

from reportgen.errors import TemplateError
from reportgen.writers.docx_context import DocxContext
from reportgen.writers.docx_reference import reference_path
from reportgen.writers.docx_xml import PPR_ORDER, RPR_ORDER, el, ensure_child, q, sub, val

_PAIR = re.compile(
    r"<!--\s*((?:pair|stack)\s+(zh|en)\s+(zh|en)|cell|/pair|/stack)\s*-->", re.IGNORECASE
)
_EMU_PER_TWIP = 635
_GAP = 227  # twips between the columns (4 mm): half in each cell's inner margin


class PairRows:
    """The state of the pair markers while one document is walked."""

    def __init__(self, ctx: DocxContext) -> None:
        self._ctx = ctx
        self._start: int | None = None
        self._split: int | None = None
        self._langs: tuple[str, str] = (ctx.lang, ctx.lang)
        self._table: etree._Element | None = None
        self._styles: dict[tuple[str, str], str] = {}
        self._stack = False

    def marker(self, html: str, out: list[etree._Element]) -> bool:
        """Handle ``html`` if it is a pair marker (True), else leave it (False)."""
        found = _PAIR.fullmatch(html.strip())
        if found is None:
            return False
        word = found.group(1).split()[0].lower()
        if word in ("pair", "stack"):
            if self._start is not None:
                raise TemplateError("DOCX writer: <!-- pair --> inside a pair")
            self._start, self._split = len(out), None
            self._langs = (found.group(2).lower(), found.group(3).lower())
            self._stack = word == "stack"
        elif word == "cell":
            if self._start is None or self._split is not None:
                raise TemplateError("DOCX writer: <!-- cell --> outside a pair or twice in one")
            self._split = len(out)
        else:
            if self._start is None or self._split is None:
                raise TemplateError("DOCX writer: <!-- /pair --> without <!-- pair --> and cell")
            self._close(out, self._start, self._split)
            self._start = self._split = None
        return True

    def _close(self, out: list[etree._Element], start: int, split: int) -> None:
        cells = (out[start:split], out[split:])
        for lang, content in zip(self._langs, cells, strict=True):
            if lang != self._ctx.lang:
                for p in (x for c in content for x in c.iter(q("w:p"))):
                    self._restyle(p, lang)
        if self._stack:  # one after the other, full width (a heading pair)
            return
        del out[start:]
        if self._table is None or not out or out[-1] is not self._table:
            self._table = self._new_table()
            out.append(self._table)
        self._table.append(self._row(cells))

    def _width(self) -> int:
        return self._ctx.text_width // _EMU_PER_TWIP

    def _new_table(self) -> etree._Element:
        table = el("w:tbl")
        pr = sub(table, "w:tblPr")
        sub(pr, "w:tblW", {"w:w": str(self._width()), "w:type": "dxa"})
        borders = sub(pr, "w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            sub(borders, f"w:{side}", {"w:val": "nil"})
        sub(pr, "w:tblLayout", {"w:type": "fixed"})
        margins = sub(pr, "w:tblCellMar")
        for side, width in (("top", 0), ("left", 0), ("bottom", 60), ("right", 0)):
            sub(margins, f"w:{side}", {"w:w": str(width), "w:type": "dxa"})
        sub(pr, "w:tblLook", {"w:val": "0000"})
        grid = sub(table, "w:tblGrid")
        for _ in range(2):
            sub(grid, "w:gridCol", {"w:w": str(self._width() // 2)})
        return table

    def _row(self, cells: tuple[list[etree._Element], ...]) -> etree._Element:
        row = el("w:tr")
        for n, content in enumerate(cells):
            cell = sub(row, "w:tc")
            pr = sub(cell, "w:tcPr")
            sub(pr, "w:tcW", {"w:w": str(self._width() // 2), "w:type": "dxa"})
            mar = sub(pr, "w:tcMar")
            inner = "right" if n == 0 else "left"
            sub(mar, f"w:{inner}", {"w:w": str(_GAP // 2), "w:type": "dxa"})
            for element in content:
                cell.append(element)
            if not content or content[-1].tag != q("w:p"):  # a cell ends with a paragraph
                cell.append(el("w:p"))
        return row

    def _restyle(self, p: etree._Element, lang: str) -> None:
        """Give ``p`` the style of the same name from ``lang``'s built-in reference."""
        style = p.find(f"{q('w:pPr')}/{q('w:pStyle')}")
        if style is None:
            return
        name = _style_name(self._ctx.styles.root, style.get(q("w:val"), ""))
        if name is None:
            return
        key = (name, lang)
        if key not in self._styles:
            self._styles[key] = self._adopt(name, lang)
        if self._styles[key]:
            style.set(q("w:val"), self._styles[key])
        ppr = style.getparent()
        source = _flattened(lang, name)
        indent = None if source is None else source.find(f"{q('w:pPr')}/{q('w:ind')}")
        if ppr is not None and ppr.find(q("w:numPr")) is not None and indent is not None:
            # the document's list numbering indents for its own language: the item's
            # language's indent, set on the paragraph, wins over it
            ensure_child(ppr, "w:ind", PPR_ORDER).attrib.update(dict(indent.attrib))

    def _adopt(self, name: str, lang: str) -> str:
        """Copy ``name`` from ``lang``'s reference as ``name (lang)``; '' if it has none."""
        source = _flattened(lang, name)
        if source is None:
            return ""
        style_id = re.sub(r"\W", "", f"{name}{lang.upper()}")
        style = copy.deepcopy(source)
        style.set(q("w:styleId"), style_id)
        style.find(q("w:name")).set(q("w:val"), f"{name} ({lang})")  # type: ignore[union-attr]
        self._ctx.styles.root.append(style)
        return style_id


def _style_name(root: etree._Element, style_id: str) -> str | None:
    for style in root.iterchildren(q("w:style")):
        if style.get(q("w:styleId")) == style_id:
            name = style.find(q("w:name"))
            return None if name is None else name.get(q("w:val"))
    return None


@functools.cache
def _foreign_styles(lang: str) -> etree._Element:
    with zipfile.ZipFile(reference_path(lang)) as archive:
        return etree.fromstring(archive.read("word/styles.xml"))


@functools.cache
def _flattened(lang: str, name: str) -> etree._Element | None:
    """Paragraph style ``name`` of ``lang``'s reference, every inherited property (the
    document defaults included) written into it and its basedOn/next/link removed."""
    root = _foreign_styles(lang)
    by_id = {s.get(q("w:styleId")): s for s in root.iterchildren(q("w:style"))}
    by_name = {
        (s.find(q("w:name")).get(q("w:val")) or "").lower(): s  # type: ignore[union-attr]
        for s in root.iterchildren(q("w:style"))
        if s.find(q("w:name")) is not None and s.get(q("w:type")) == "paragraph"
    }
    style = by_name.get(name.lower())
    if style is None:
        return None
    chain = []
    current: etree._Element | None = style
    while current is not None and current not in chain:
        chain.append(current)
        based = current.find(q("w:basedOn"))
        current = None if based is None else by_id.get(based.get(q("w:val")))
    ppr, rpr = el("w:pPr"), el("w:rPr")
    defaults = root.find(q("w:docDefaults"))
    layers = [] if defaults is None else [defaults.find(f".//{q('w:pPr')}"), None]
    merged_r = [] if defaults is None else [defaults.find(f".//{q('w:rPr')}")]
    for layer in reversed(chain):
        layers.append(layer.find(q("w:pPr")))
        merged_r.append(layer.find(q("w:rPr")))
    for source in layers:
        _merge(ppr, source, PPR_ORDER)
    for source in merged_r:
        _merge(rpr, source, RPR_ORDER)
    for fonts in rpr.iter(q("w:rFonts")):  # theme fonts would win over the named ones
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            if q(f"w:{attr}") in fonts.attrib:
                del fonts.attrib[q(f"w:{attr}")]
    out = el("w:style", {"w:type": "paragraph", "w:styleId": "x"})
    val(out, "w:name", name)
    out.append(ppr)
    out.append(rpr)
    return out


def _merge(target: etree._Element, source: etree._Element | None, order: tuple[str, ...]) -> None:
    """Copy ``source``'s children into ``target``, replacing same-named ones, in schema order."""
    if source is None:
        return
    for child in source:
        if not isinstance(child.tag, str) or child.tag == q("w:rPr"):
            continue
        old = target.find(child.tag)
        new = copy.deepcopy(child)
        if old is not None:
            if not len(child) and not len(old):  # w:spacing, w:ind …: attributes add up
                for name, value in old.attrib.items():
                    if name not in new.attrib:
                        new.set(name, value)
            target.remove(old)
        ranks = {q(t): i for i, t in enumerate(order)}
        rank = ranks.get(child.tag, len(order))
        at = next((i for i, c in enumerate(target) if ranks.get(c.tag, len(order)) > rank), None)
        if at is None:
            target.append(new)
        else:
            target.insert(at, new)
