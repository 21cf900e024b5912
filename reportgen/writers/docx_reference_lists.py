"""The reference documents' list definitions: bullets, numbers and numbered headings.

Three abstract definitions, found by name so that a user's reference document can
restyle them: "reportgen bullets", "reportgen numbers" and "reportgen headings". The
heading list carries the section numbers of a Chinese briefing as Word numbering —
一、 (``chineseCounting``), （一）, 1., （1） — so the writer can strip the literal
prefixes the Markdown shows and Word renumbers the sections when a user moves one.
"""

from __future__ import annotations

from reportgen.writers.docx_genre import Genre, genre
from reportgen.writers.docx_reference_styles import BULLETS_NAME, HEADINGS_NAME, NUMBERS_NAME

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: Heading list levels: (number format, level text). Level 0 is Heading 1.
HEADING_LEVELS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
)


def _ind(g: Genre, ilvl: int, *, hanging: bool) -> str:
    if g.lang == "zh":  # the mark sits at the body's two-character indent
        return f'<w:ind w:left="0" w:firstLine="{g.indent * (ilvl + 1)}"/>'
    left = 360 * (ilvl + 1)
    return f'<w:ind w:left="{left}" w:hanging="360"/>' if hanging else f'<w:ind w:left="{left}"/>'


def _level(ilvl: int, fmt: str, text: str, ppr: str, *, suffix: str = "tab", rpr: str = "") -> str:
    suff = "" if suffix == "tab" else f'<w:suff w:val="{suffix}"/>'
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{suff}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr>{ppr}</w:pPr>{rpr}</w:lvl>'
    )


def _bullets(g: Genre) -> str:
    rpr = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:hint="default"/></w:rPr>'
    suffix = "space" if g.lang == "zh" else "tab"
    return "".join(
        _level(i, "bullet", "•–▪"[i % 3], _ind(g, i, hanging=True), suffix=suffix, rpr=rpr)
        for i in range(9)
    )


def _numbers(g: Genre) -> str:
    suffix = "nothing" if g.lang == "zh" else "tab"
    return "".join(
        _level(i, "decimal", f"%{i + 1}.", _ind(g, i, hanging=True), suffix=suffix)
        for i in range(9)
    )


def _headings(g: Genre) -> str:
    indent = f'<w:ind w:left="0" w:firstLine="{g.indent}"/>' if g.lang == "zh" else ""
    levels = [
        _level(i, fmt, text, indent, suffix="nothing")
        for i, (fmt, text) in enumerate(HEADING_LEVELS)
    ]
    levels += [_level(i, "none", "", indent, suffix="nothing") for i in range(4, 9)]
    return "".join(levels)


def _abstract(abstract_id: int, name: str, levels: str, kind: str) -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="{kind}"/>'
        f'<w:name w:val="{name}"/>{levels}</w:abstractNum>'
    )


def numbering_xml(lang: str = "en") -> str:
    """numbering.xml: the three definitions, and one list of each for the samples."""
    g = genre(lang)
    body = (
        _abstract(0, BULLETS_NAME, _bullets(g), "hybridMultilevel")
        + _abstract(1, NUMBERS_NAME, _numbers(g), "hybridMultilevel")
        + _abstract(2, HEADINGS_NAME, _headings(g), "multilevel")
        + "".join(f'<w:num w:numId="{n + 1}"><w:abstractNumId w:val="{n}"/></w:num>'
                  for n in range(3))
    )  # fmt: skip
    return f"{_DECL}<w:numbering {_W}>{body}</w:numbering>"
