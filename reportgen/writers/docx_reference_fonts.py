"""The reference documents' font table and theme.

The font table tells a reader that lacks a font what it is like, so it substitutes
sensibly: each Chinese font carries its other names (``w:altName``: 宋体 / SimSun,
仿宋_GB2312 / 仿宋 / FangSong …), the GB2312 character set (``w:charset w:val="86"``,
hexadecimal 0x86), and its family and pitch. The _GB2312 fonts and 方正小标宋简体 are
installed on the readers' Windows machines, not everywhere: their alternative names
are the fonts Windows ships (仿宋, 楷体) and, for 方正小标宋简体, 黑体.

The theme names the body fonts (``minorFont``: Latin and East Asian) that the
document defaults and Normal use through ``w:asciiTheme="minorHAnsi"`` and
``w:eastAsiaTheme="minorEastAsia"``, and the heading fonts (``majorFont``).
"""

from __future__ import annotations

from reportgen.writers.docx_genre import FANGSONG, HEITI, KAITI, SONGTI, XIAOBIAOSONG, genre

_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'

# name: (alternative name, panose, charset, family, pitch)
FONTS: dict[str, tuple[str, str, str, str, str]] = {
    "Times New Roman": ("", "02020603050405020304", "00", "roman", "variable"),
    "Calibri": ("", "020F0502020204030204", "00", "swiss", "variable"),
    "Cambria": ("", "02040503050406030204", "00", "roman", "variable"),
    "Arial": ("", "020B0604020202020204", "00", "swiss", "variable"),
    SONGTI: ("SimSun", "02010600030101010101", "86", "auto", "variable"),
    "SimSun": (SONGTI, "02010600030101010101", "86", "auto", "variable"),
    HEITI: ("SimHei", "02010609060101010101", "86", "modern", "fixed"),
    "SimHei": (HEITI, "02010609060101010101", "86", "modern", "fixed"),
    "仿宋": ("FangSong", "02010609060101010101", "86", "modern", "fixed"),
    "FangSong": ("仿宋", "02010609060101010101", "86", "modern", "fixed"),
    FANGSONG: ("仿宋", "02010609030101010101", "86", "modern", "fixed"),
    "楷体": ("KaiTi", "02010609060101010101", "86", "modern", "fixed"),
    "KaiTi": ("楷体", "02010609060101010101", "86", "modern", "fixed"),
    KAITI: ("楷体", "02010609030101010101", "86", "modern", "fixed"),
    XIAOBIAOSONG: (HEITI, "02000000000000000000", "86", "script", "variable"),
}


def font_table_xml() -> str:
    """fontTable.xml: every font the built-in styles name, with alternatives and charset."""
    entries = []
    for name, (alt, panose, charset, family, pitch) in FONTS.items():
        alt_xml = f'<w:altName w:val="{alt}"/>' if alt else ""
        entries.append(
            f'<w:font w:name="{name}">{alt_xml}<w:panose1 w:val="{panose}"/>'
            f'<w:charset w:val="{charset}"/><w:family w:val="{family}"/>'
            f'<w:pitch w:val="{pitch}"/></w:font>'
        )
    return f"{_DECL}<w:fonts {_W}>{''.join(entries)}</w:fonts>"


def _font_set(tag: str, latin: str, east_asia: str) -> str:
    return (
        f'<a:{tag}><a:latin typeface="{latin}"/><a:ea typeface="{east_asia}"/>'
        f'<a:cs typeface=""/><a:font script="Hans" typeface="{east_asia}"/></a:{tag}>'
    )


def _colours() -> str:
    accents = ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47")
    items = "".join(f'<a:accent{i}><a:srgbClr val="{c}"/></a:accent{i}>' for i, c in
                    enumerate(accents, start=1))  # fmt: skip
    return (
        '<a:clrScheme name="reportgen"><a:dk1><a:sysClr val="windowText" lastClr="000000"/>'
        '</a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2>'
        '<a:srgbClr val="1F3864"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>'
        f'{items}<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink>'
        '<a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>'
    )


def _formats() -> str:
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{fill}</a:ln>'
    return (
        f'<a:fmtScheme name="reportgen"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst><a:effectStyleLst>"
        f"{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme>"
    )


def theme_xml(lang: str = "en") -> str:
    """theme1.xml: colours, the body (minor) and heading (major) fonts of ``lang``."""
    g = genre(lang)
    latin, east, _, _ = g.headings[0]
    fonts = (
        '<a:fontScheme name="reportgen">'
        + _font_set("majorFont", latin, east)
        + _font_set("minorFont", g.body_latin, g.body_east_asia)
        + "</a:fontScheme>"
    )
    return (
        f'{_DECL}<a:theme {_A} name="reportgen"><a:themeElements>{_colours()}{fonts}'
        f"{_formats()}</a:themeElements></a:theme>"
    )
