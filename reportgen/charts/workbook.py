"""The workbook embedded behind a native chart, so "Edit Data" in Word opens its figures.

A minimal SpreadsheetML package (workbook, one sheet named ``Sheet1``, inline strings,
the one default cell style Excel expects) written by hand: the values are the same
exact decimal text as the chart's cache (:func:`reportgen.charts.chartxml.plain`),
never a float's digits. Columns: the bar's label, then one column per bar style
headed by its legend name — the ranges the chart part refers to. The ZIP is
reproducible (fixed timestamps, fixed member order).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportgen.writers.docx_zip import zip_members

from .chartxml import Table, column

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = (
    _DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    f'{_DECL}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
    f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'{_DECL}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'{_DECL}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
    f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
    f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
)
STYLES = (
    f'{_DECL}<styleSheet xmlns="{_MAIN}"><fonts count="1"><font><sz val="11"/>'
    '<name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/>'
    '</fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border>'
    '<left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _text_cell(ref: str, text: str) -> str:
    if not text:
        return ""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def sheet_rows(table: Table, category: str) -> list[list[tuple[str, str]]]:
    """The sheet's rows: per cell ``("s", text)`` or ``("n", decimal text)``; "" is empty."""
    rows = [[("s", category)] + [("s", name) for name in table.names]]
    for i, label in enumerate(table.labels):
        rows.append([("s", label)] + [("n", values[i] or "") for values in table.values])
    return rows


def sheet_xml(table: Table, category: str) -> str:
    """The worksheet part: the category columns and one value column per bar style."""
    lines = []
    for r, row in enumerate(sheet_rows(table, category), start=1):
        cells = []
        for c, (kind, text) in enumerate(row):
            ref = f"{column(c)}{r}"
            if kind == "s":
                cells.append(_text_cell(ref, text))
            elif text:
                cells.append(f'<c r="{ref}"><v>{text}</v></c>')
        lines.append(f'<row r="{r}">{"".join(cells)}</row>')
    return f'{_DECL}<worksheet xmlns="{_MAIN}"><sheetData>{"".join(lines)}</sheetData></worksheet>'


def workbook_bytes(table: Table, category: str) -> bytes:
    """The .xlsx package for ``table`` (``category`` heads the label column)."""
    return zip_members(
        [
            ("[Content_Types].xml", CONTENT_TYPES.encode()),
            ("_rels/.rels", PACKAGE_RELS.encode()),
            ("xl/workbook.xml", WORKBOOK.encode()),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.encode()),
            ("xl/styles.xml", STYLES.encode()),
            ("xl/worksheets/sheet1.xml", sheet_xml(table, category).encode("utf-8")),
        ]
    )
