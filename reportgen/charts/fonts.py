"""Fonts for the PNG charts: DejaVu Sans (shipped with matplotlib) and a CJK font on the system.

Only the optional ``png`` chart format uses this module; SVG and native charts name their
fonts and leave drawing to the reader.

reportgen brings no CJK font of its own (see docs/charts.md: a CJK font is 16–20 MB
per weight, more than the whole package, and a machine that writes Chinese
briefings needs one for the DOCX text anyway). Chinese charts use the first of
:data:`CJK_FAMILIES` that matplotlib's font manager finds, or the font named by
the ``REPORTGEN_CJK_FONT`` environment variable (a font file or a family name;
``none`` to use none). Before a chart is placed, every character it will draw is
checked against the fonts' character maps: a chart the fonts cannot draw is left
out with a :class:`~reportgen.charts.spec.ChartWarning`, never drawn with boxes.

matplotlib is imported here only inside functions, when a chart is being made.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

#: The environment variable naming a CJK font file or family ("none": use no CJK font).
ENV_VAR = "REPORTGEN_CJK_FONT"
#: The Latin font: always there, since matplotlib ships it.
LATIN = "DejaVu Sans"
#: CJK families looked for, in order: Simplified Chinese faces first.
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC",
    "Hiragino Sans GB", "SimHei", "Sarasa Gothic SC", "Droid Sans Fallback",
    "Noto Sans CJK JP", "Source Han Sans",
)  # fmt: skip
#: How to get a CJK font, for the warning when there is none.
HOW_TO_GET = (
    "install a CJK font (Debian/Ubuntu: apt install fonts-noto-cjk; Fedora: dnf install "
    "google-noto-sans-cjk-fonts; macOS and Windows have one) or set "
    f"{ENV_VAR}=/path/to/a/font.otf, then build again"
)


@dataclass(frozen=True)
class FontChain:
    """The font families a chart uses, first choice first, and the glyphs they hold."""

    families: tuple[str, ...]
    coverage: frozenset[int]
    cjk: str | None  # the CJK family in the chain, if any

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The characters of ``texts`` that no font of the chain can draw, in order."""
        found: dict[str, None] = {}
        for text in texts:
            for char in text:
                if not char.isspace() and ord(char) not in self.coverage:
                    found[char] = None
        return list(found)


_CHAINS: dict[tuple[str, str], FontChain] = {}


def font_chain(lang: str) -> FontChain:
    """The fonts for a chart in ``lang`` (cached per language and ``REPORTGEN_CJK_FONT``)."""
    setting = os.environ.get(ENV_VAR, "").strip()
    key = (lang, setting)
    if key not in _CHAINS:
        _CHAINS[key] = _make_chain(lang, setting)
    return _CHAINS[key]


def _make_chain(lang: str, setting: str) -> FontChain:
    cjk = find_cjk_family(setting)
    families: tuple[str, ...]
    if lang.startswith("zh") and cjk is not None:
        families = (cjk, LATIN)  # Chinese text, digits and Latin all from the CJK face
    else:
        families = (LATIN,) if cjk is None else (LATIN, cjk)
    coverage: set[int] = set()
    for family in families:
        coverage |= _charmap(family)
    return FontChain(families, frozenset(coverage), cjk)


def find_cjk_family(setting: str = "") -> str | None:
    """The CJK family to use: from ``setting`` (a file or a family), else the first installed."""
    from matplotlib import font_manager

    if setting.lower() == "none":
        return None
    if setting:
        if os.path.isfile(setting):
            font_manager.fontManager.addfont(setting)
            return str(font_manager.FontProperties(fname=setting).get_name())
        return setting if _installed(setting) else None
    found = next((family for family in CJK_FAMILIES if _installed(family)), None)
    if found is None and _add_new_system_fonts():
        found = next((family for family in CJK_FAMILIES if _installed(family)), None)
    return found


#: File names of CJK fonts, to pick out from a rescan of the system's font folders.
_CJK_FILE = re.compile(
    r"cjk|wqy|wenquanyi|sourcehan|droidsansfallback|simhei|msyh|pingfang|notosanssc"
)


def _add_new_system_fonts() -> bool:
    """Add CJK fonts installed since matplotlib cached its font list; True if any were added.

    matplotlib lists the system's fonts once and caches the list, so a font
    installed later (``apt install fonts-noto-cjk``) would otherwise stay unseen.
    """
    from matplotlib import font_manager

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    added = False
    for path in sorted(font_manager.findSystemFonts()):
        if path not in known and _CJK_FILE.search(os.path.basename(path).lower()):
            font_manager.fontManager.addfont(path)
            added = True
    return added


def _installed(family: str) -> bool:
    from matplotlib import font_manager

    return any(entry.name == family for entry in font_manager.fontManager.ttflist)


def _charmap(family: str) -> set[int]:
    """The code points the regular face of ``family`` has glyphs for."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    entries = [e for e in font_manager.fontManager.ttflist if e.name == family]
    if not entries:
        return set()

    def weight(entry: font_manager.FontEntry) -> int:
        value = entry.weight
        return value if isinstance(value, int) else int(font_manager.weight_dict.get(value, 400))

    entry = min(entries, key=lambda e: (abs(weight(e) - 400), e.style != "normal", e.fname))
    face = FT2Font(entry.fname, face_index=getattr(entry, "index", 0))
    return set(face.get_charmap())
