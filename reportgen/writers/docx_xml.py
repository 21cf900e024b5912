"""WordprocessingML helpers for the DOCX writer: qualified names, element builders, child order.

The writer builds body XML with lxml directly (``etree.SubElement``) instead of
python-docx's proxy objects: a 5,000-row table is thousands of times more cells than a
paragraph, and the proxies cost several times more per element. Elements made here
live in python-docx's own documents, so python-docx reads them back as usual.

>>> p = el("w:p")
>>> r = sub(sub(p, "w:r"), "w:t")
>>> r.text = "hi"
>>> etree.tostring(p).decode().count("<w:t>hi</w:t>")
1
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
}
_NSMAP = {"w": NS["w"], "r": NS["r"]}


_T, _TAB, _SPACE = (
    "{%s}t" % NS["w"],  # noqa: UP031
    "{%s}tab" % NS["w"],  # noqa: UP031
    "{%s}space" % NS["xml"],  # noqa: UP031
)


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_QNAMES: dict[str, str] = {}

# Schema order of the children we touch (ECMA-376 part 1, CT_RPr / CT_PPr / CT_Settings).
RPR_ORDER = _names(
    "w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline"
    " w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color"
    " w:spacing w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd"
    " w:fitText w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath"
)
PPR_ORDER = _names(
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr"
    " w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap"
    " w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd"
    " w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap"
    " w:jc w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId"
    " w:cnfStyle w:rPr w:sectPr w:pPrChange"
)
STYLE_ORDER = _names(
    "w:name w:aliases w:basedOn w:next w:link w:autoRedefine w:hidden w:uiPriority"
    " w:semiHidden w:unhideWhenUsed w:qFormat w:locked w:personal w:personalCompose"
    " w:personalReply w:rsid w:pPr w:rPr w:tblPr w:trPr w:tcPr w:tblStylePr"
)
SETTINGS_ORDER = _names(
    "w:writeProtection w:view w:zoom w:removePersonalInformation w:removeDateAndTime"
    " w:doNotDisplayPageBoundaries w:displayBackgroundShape w:printPostScriptOverText"
    " w:printFractionalCharacterWidth w:printFormsData w:embedTrueTypeFonts"
    " w:embedSystemFonts w:saveSubsetFonts w:saveFormsData w:mirrorMargins"
    " w:alignBordersAndEdges w:bordersDoNotSurroundHeader w:bordersDoNotSurroundFooter"
    " w:gutterAtTop w:hideSpellingErrors w:hideGrammaticalErrors w:activeWritingStyle"
    " w:proofState w:formsDesign w:attachedTemplate w:linkStyles w:stylePaneFormatFilter"
    " w:stylePaneSortMethod w:documentType w:mailMerge w:revisionView w:trackRevisions"
    " w:doNotTrackMoves w:doNotTrackFormatting w:documentProtection w:autoFormatOverride"
    " w:styleLockTheme w:styleLockQFSet w:defaultTabStop w:autoHyphenation"
    " w:consecutiveHyphenLimit w:hyphenationZone w:doNotHyphenateCaps w:showEnvelope"
    " w:summaryLength w:clickAndTypeStyle w:defaultTableStyle w:evenAndOddHeaders"
    " w:bookFoldRevPrinting w:bookFoldPrinting w:bookFoldPrintingSheets"
    " w:drawingGridHorizontalSpacing w:drawingGridVerticalSpacing"
    " w:displayHorizontalDrawingGridEvery w:displayVerticalDrawingGridEvery"
    " w:doNotUseMarginsForDrawingGridOrigin w:drawingGridHorizontalOrigin"
    " w:drawingGridVerticalOrigin w:doNotShadeFormData w:noPunctuationKerning"
    " w:characterSpacingControl w:printTwoOnOne w:strictFirstAndLastChars"
    " w:noLineBreaksAfter w:noLineBreaksBefore w:savePreviewPicture"
    " w:doNotValidateAgainstSchema w:saveInvalidXml w:ignoreMixedContent"
    " w:alwaysShowPlaceholderText w:doNotDemarcateInvalidXml w:saveXmlDataOnly"
    " w:useXSLTWhenSaving w:saveThroughXslt w:showXMLTags w:alwaysMergeEmptyNamespace"
    " w:updateFields w:hdrShapeDefaults w:footnotePr w:endnotePr w:compat w:docVars"
    " w:rsids m:mathPr w:attachedSchema w:themeFontLang w:clrSchemeMapping"
    " w:doNotIncludeSubdocsInStats w:doNotAutoCompressPictures w:forceUpgrade w:captions"
    " w:readModeInkLockDown w:smartTagType sl:schemaLibrary w:shapeDefaults"
    " w:doNotEmbedSmartTags w:decimalSymbol w:listSeparator"
)


def escape(text: str) -> str:
    """``text`` as XML character data (``xml.sax.saxutils`` costs ~18 ms to import).

    >>> escape('a < b & "c" > d')
    'a &lt; b &amp; "c" &gt; d'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(value: str) -> str:
    """``value`` as a double-quoted XML attribute value.

    >>> quoteattr('say "hi" & go')
    '"say &quot;hi&quot; &amp; go"'
    """
    return '"' + escape(value).replace('"', "&quot;") + '"'


def q(tag: str) -> str:
    """Clark notation for a prefixed name: ``q("w:p")`` → ``{…/main}p``."""
    name = _QNAMES.get(tag)
    if name is None:
        prefix, local = tag.split(":")
        name = _QNAMES[tag] = "{%s}%s" % (NS.get(prefix, prefix), local)  # noqa: UP031
    return name


def _attrs(attrs: Mapping[str, str] | None) -> dict[str, str]:
    return {q(k): v for k, v in attrs.items()} if attrs else {}


def el(tag: str, attrs: Mapping[str, str] | None = None) -> etree._Element:
    """A new element ``tag`` (prefixed name) with prefixed attribute names."""
    return etree.Element(q(tag), _attrs(attrs), nsmap=_NSMAP)


def sub(parent: etree._Element, tag: str, attrs: Mapping[str, str] | None = None) -> etree._Element:
    """Append a new child ``tag`` to ``parent`` and return it."""
    return etree.SubElement(parent, q(tag), _attrs(attrs))


def val(parent: etree._Element, tag: str, value: str) -> etree._Element:
    """Append ``<tag w:val="value"/>`` to ``parent``."""
    return etree.SubElement(parent, q(tag), {q("w:val"): value})


def ensure_child(parent: etree._Element, tag: str, order: Sequence[str]) -> etree._Element:
    """The child ``tag`` of ``parent``, created at its schema position if missing.

    >>> ppr = el("w:pPr"); _ = sub(ppr, "w:jc")
    >>> _ = ensure_child(ppr, "w:ind", PPR_ORDER)
    >>> [etree.QName(c).localname for c in ppr]
    ['ind', 'jc']
    """
    found = parent.find(q(tag))
    if found is not None:
        return found
    child = etree.Element(q(tag))
    later = {q(t) for t in order[order.index(tag) + 1 :]} if tag in order else set()
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def set_attrs(element: etree._Element, attrs: Mapping[str, str]) -> None:
    """Set prefixed attributes on ``element``."""
    for key, value in attrs.items():
        element.set(q(key), value)


def remove_attrs(element: etree._Element, names: Sequence[str]) -> None:
    """Remove the prefixed attributes ``names`` from ``element`` where present."""
    for name in names:
        if q(name) in element.attrib:
            del element.attrib[q(name)]


def text_run(parent: etree._Element, text: str) -> etree._Element:
    """Append ``<w:r><w:t>text</w:t></w:r>`` (whitespace kept) to ``parent``."""
    run = sub(parent, "w:r")
    add_text(run, text)
    return run


def add_text(run: etree._Element, text: str) -> None:
    """Append ``text`` to ``run`` as ``w:t`` elements, with tabs as ``w:tab``."""
    if "\t" in text:
        for index, piece in enumerate(text.split("\t")):
            if index:
                etree.SubElement(run, _TAB)
            if piece:
                add_text(run, piece)
        return
    t = etree.SubElement(run, _T)
    t.text = text
    if text[0] in " \u3000" or text[-1] in " \u3000":
        t.set(_SPACE, "preserve")
