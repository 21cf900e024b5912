"""The look of each language's document: page, fonts and sizes, as plain numbers.

Chinese follows GB/T 9704-2012 (the layout of official documents) and common 简报
practice; English is a clean report. These numbers feed the built-in reference
documents (:mod:`reportgen.writers.docx_reference_styles`) and the page furniture
(:mod:`reportgen.writers.docx_fields`); a user's reference document replaces them.

Sizes are in half-points (Word's ``w:sz``), lengths in twips (1/20 pt; 1 mm = 56.7 twips).

>>> GENRES["zh"].text_width, GENRES["zh"].body_size
(8845, 32)
>>> round(GENRES["zh"].line_pitch / 20, 2)
28.95
"""

from __future__ import annotations

from dataclasses import dataclass

# Chinese font names as Chinese Word writes them. The _GB2312 fonts are what government
# offices install; the font table names 仿宋 / 楷体 as their alternatives (Windows' own).
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
SONGTI = "宋体"
XIAOBIAOSONG = "方正小标宋简体"


def mm(value: float) -> int:
    """Twips for ``value`` millimetres.

    >>> mm(37), mm(28)
    (2098, 1587)
    """
    return round(value * 1440 / 25.4)


@dataclass(frozen=True)
class Genre:
    """One language's page and type: what the built-in reference document sets."""

    lang: str
    page: tuple[int, int]  # width, height
    margins: tuple[int, int, int, int]  # top, right, bottom, left
    header: int  # distance of the header from the top edge
    footer: int  # distance of the footer from the bottom edge
    body_latin: str
    body_east_asia: str
    heading_latin: str
    body_size: int
    line_pitch: int  # twips; exact for zh, 0: "auto" (1.15 lines) for en
    title: tuple[str, str, int, bool]  # latin, east asian, size, bold
    headings: tuple[tuple[str, str, int, bool], ...]  # per level: latin, east asian, size, bold
    subtitle: tuple[str, int]  # east asian font, size
    emphasis_east_asia: str  # the font of emphasis and notes
    strong_east_asia: str  # the font of strong emphasis
    caption: tuple[str, int]  # east asian font, size
    table_size: int
    note_size: int
    page_number: tuple[str, int]  # font, size

    @property
    def text_width(self) -> int:
        """Twips between the left and right margins."""
        return self.page[0] - self.margins[1] - self.margins[3]

    @property
    def text_height(self) -> int:
        """Twips between the top and bottom margins."""
        return self.page[1] - self.margins[0] - self.margins[2]

    @property
    def indent(self) -> int:
        """Two body characters, in twips (a Chinese first-line indent)."""
        return self.body_size * 20


A4 = (11906, 16838)

GENRES: dict[str, Genre] = {
    "zh": Genre(
        lang="zh",
        page=A4,
        margins=(mm(37), mm(26), mm(35), mm(28)),
        header=mm(15),
        footer=mm(22),  # the page number's top sits ~7 mm below the text block
        body_latin="Times New Roman",
        body_east_asia=FANGSONG,
        heading_latin="Times New Roman",
        body_size=32,  # 三号
        line_pitch=579,  # 22 lines in the 225 mm text block: 28.95 pt
        title=("Times New Roman", XIAOBIAOSONG, 44, False),  # 二号
        headings=(
            ("Times New Roman", HEITI, 32, False),  # 一、 黑体
            ("Times New Roman", KAITI, 32, False),  # （一） 楷体
            ("Times New Roman", FANGSONG, 32, True),  # 1. 仿宋 bold
        ),
        subtitle=(KAITI, 32),
        emphasis_east_asia=KAITI,
        strong_east_asia=HEITI,
        caption=(HEITI, 28),  # 四号
        table_size=21,  # 五号
        note_size=21,  # 五号: 28 notes of 小四 took two body lines more
        page_number=(SONGTI, 28),  # 四号 宋体
    ),
    "en": Genre(
        lang="en",
        page=A4,
        margins=(1440, 1800, 1440, 1800),
        header=851,
        footer=992,
        body_latin="Calibri",
        body_east_asia="SimSun",
        heading_latin="Cambria",
        body_size=22,  # 11 pt
        line_pitch=0,
        title=("Cambria", "SimHei", 52, True),
        headings=(
            ("Cambria", "SimHei", 36, True),  # 18 pt
            ("Cambria", "SimHei", 28, True),  # 14 pt
            ("Calibri", "SimHei", 24, True),  # 12 pt
        ),
        subtitle=("SimSun", 26),
        emphasis_east_asia="KaiTi",
        strong_east_asia="SimHei",
        caption=("SimHei", 20),
        table_size=20,
        note_size=18,
        page_number=("Calibri", 20),
    ),
}


def genre(lang: str) -> Genre:
    """The genre of ``"zh"`` or ``"en"``."""
    return GENRES[lang]
