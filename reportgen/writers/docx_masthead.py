"""The optional masthead (报头) and closing block (版记) of a briefing, from metadata.

Both are off unless metadata asks for them (``reportgen build --meta key=value`` or
``DocxMeta.info``):

=============  ==============================================  =====================
key            what                                            example
=============  ==============================================  =====================
``briefing``   the briefing's name: turns the masthead on      槐荫区经济运行简报
``issue``      issue number (digits become 第N期 / No. N)      3
``office``     issuing office, left under the name             槐荫区发展和改革局
``date``       date of issue, right on the same line           2024年1月15日
``to``         报送 / To: turns the closing block on           区委、区政府
``cc``         抄送 / Copy to:                                 各街道办事处
``printed_by`` 印发机关 (the closing block's last line)        槐荫区发展和改革局
``printed_on`` 印发日期, right on that line                     2024年1月15日
=============  ==============================================  =====================

The masthead is the name in red (Masthead style), the issue number, and the office and
date above a red rule (Masthead Info, Masthead Rule). The closing block is one ruled
line each in the Distribution style.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from reportgen.errors import OptionError
from reportgen.writers.docx_styles import StyleBook
from reportgen.writers.docx_xml import el, sub, text_run, val

MASTHEAD_KEYS = ("briefing", "issue", "office", "date")
CLOSING_KEYS = ("to", "cc", "printed_by", "printed_on")
KEYS = MASTHEAD_KEYS + CLOSING_KEYS
_LABELS = {
    "zh": {"to": "报送：", "cc": "抄送：", "printed": "印发"},
    "en": {"to": "To: ", "cc": "Copy to: ", "printed": "Issued "},
}


def check_info(info: Mapping[str, str]) -> None:
    """Refuse metadata keys the masthead and closing block do not know.

    >>> check_info({"briefing": "x"})
    >>> check_info({"title": "x"})
    Traceback (most recent call last):
    ...
    reportgen.errors.OptionError: unknown --meta key 'title'; choose from briefing, issue, \
office, date, to, cc, printed_by, printed_on
    """
    for key in info:
        if key not in KEYS:
            raise OptionError(f"unknown --meta key '{key}'; choose from {', '.join(KEYS)}")


def _paragraph(styles: StyleBook, style: str, *texts: str, jc: str = "") -> etree._Element:
    p = el("w:p")
    ppr = sub(p, "w:pPr")
    val(ppr, "w:pStyle", styles.id(style))
    if jc:
        val(ppr, "w:jc", jc)
    for index, text in enumerate(texts):
        if index:
            sub(sub(p, "w:r"), "w:tab")
        if text:
            text_run(p, text)
    return p


def _issue(issue: str, lang: str) -> str:
    if issue.isdigit():
        return f"第{issue}期" if lang == "zh" else f"No. {issue}"
    return issue


def masthead_elements(
    styles: StyleBook, info: Mapping[str, str], lang: str
) -> list[etree._Element]:
    """The masthead paragraphs, or none without ``briefing``."""
    check_info(info)
    if not info.get("briefing"):
        return []
    out = [_paragraph(styles, "Masthead", info["briefing"])]
    if info.get("issue"):
        out.append(_paragraph(styles, "Masthead Info", _issue(info["issue"], lang), jc="center"))
    out.append(_paragraph(styles, "Masthead Rule", info.get("office", ""), info.get("date", "")))
    return out


def closing_elements(styles: StyleBook, info: Mapping[str, str], lang: str) -> list[etree._Element]:
    """The closing block's ruled lines (报送, 抄送, 印发), or none without any of them."""
    labels = _LABELS[lang]
    out = [
        _paragraph(styles, "Distribution", labels[key] + info[key])
        for key in ("to", "cc")
        if info.get(key)
    ]
    by, on = info.get("printed_by", ""), info.get("printed_on", "")
    if by or on:
        when = f"{on}{labels['printed']}" if lang == "zh" else f"{labels['printed']}{on}"
        out.append(_paragraph(styles, "Distribution", by, when.strip() if on else ""))
    if out:  # the last line is ruled below too
        borders = el("w:pBdr")
        for side in ("top", "bottom"):
            sub(borders, f"w:{side}", {"w:val": "single", "w:sz": "4", "w:space": "1",
                                       "w:color": "000000"})  # fmt: skip
        out[-1][0].insert(1, borders)
    return out
