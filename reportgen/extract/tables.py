"""Figures from the tables of a statistical bulletin, written as text rows.

A row is a label and one or more bare numbers separated by white space
(``男性  78823  50.71``). Each number's unit comes from its column: a unit in the
column's name (``绝对数（万元）``, ``比重(%)``), else the table's ``单位：人、%`` line,
else a column named as a share (比重, 占比) is in %. A column of growth
(比上年增长, 增速) is the row's year-on-year change. The period is read from the
table's title (``2023年末人口数及其构成`` → as of 2023-12).

>>> rows = '''表1  2023年末人口数及其构成
... 单位：人、%
... 指标  年末数  比重
... 男性  78823  50.71'''
>>> [(f.measure, f.amount, f.period) for f in table_figures(rows, None)]
[('男性', '78823人', 'as of 2023-12'), ('男性比重', '50.71%', 'as of 2023-12')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen.extract.figures import DraftFigure
from reportgen.extract.timing import Clock
from reportgen.extract.wording import guess_section
from reportgen.facts.periods import PartialDate
from reportgen.facts.units import UnknownUnitError, lookup_unit

_NUM = r"[-−]?[0-9]+(?:\.[0-9]+)?"
_ROW = re.compile(rf"^(?P<label>[^\s0-9][^\t]*?[^\s0-9])\s+(?P<cells>{_NUM}(?:\s+{_NUM})*)\s*$")
_UNIT_LINE = re.compile(r"^单位\s*[：:]\s*(?P<units>.+)$")
_IN_BRACKETS = re.compile(r"[（(]([^）)]+)[）)]")
_CHANGE_COLUMN = re.compile(r"增长|增速|增幅|比上年|同比|增减")
_SHARE_COLUMN = re.compile(r"比重|占比|百分比|构成")


@dataclass
class _Table:
    """What is known of the current table: its title's period, units and column names."""

    title: str = ""
    units: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


def table_figures(text: str, date: PartialDate | None) -> list[DraftFigure]:
    """Figures from every table row of ``text`` whose cells' units can be told."""
    clock = Clock.for_article(text, date)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    table = _Table()
    figures: list[DraftFigure] = []
    for number, line in enumerate(lines):
        row = _ROW.match(line)
        if row is None or re.search(r"[。，；]", line):
            _read_heading(line, table)
            continue
        figures += _row_figures(number, line, row, table, clock)
    return figures


def _read_heading(line: str, table: _Table) -> None:
    """Update the table state from a line that is not a row."""
    if unit := _UNIT_LINE.match(line):
        table.units = [u.strip() for u in re.split(r"[、，,/；;\s]+", unit["units"]) if u.strip()]
    elif len(line.split()) >= 2 and not re.search(r"[。，；]", line):
        if line.startswith("表") or re.match(r"^\d{4}年", line):
            table.title, table.units, table.columns = line, [], []
        else:
            table.columns = line.split()
    elif len(line) <= 40 and not re.search(r"[。，；]", line):
        table.title, table.units, table.columns = line, [], []


def _row_figures(
    number: int, line: str, row: re.Match[str], table: _Table, clock: Clock
) -> list[DraftFigure]:
    cells = row["cells"].split()
    columns, units = _numeric_columns(table, len(cells)), table.units
    if len(units) > len(cells):
        units = units[: len(cells)]
    phrases = clock.phrases(table.title)
    period = str(phrases[0].period) if phrases else "unknown"
    label = row["label"].strip()
    figures: list[DraftFigure] = []
    main: DraftFigure | None = None
    for index, cell in enumerate(cells):
        column = columns[index] if columns else ""
        unit = _unit(column, index, len(cells), units)
        if unit is None:
            continue
        value = cell.replace("−", "-")
        if _CHANGE_COLUMN.search(column) and unit == "%":
            signed = value if value.startswith("-") else "+" + value
            if main is not None and main.yoy is None:
                main.yoy = signed + "%"
                continue
            figure = _figure(label, number, line, period)
            figure.yoy = signed + "%"
        else:
            if value.startswith("-"):
                continue  # a negative level is a change or a balance: left for the user
            measure = label if main is None else label + _bare(column)
            figure = _figure(measure, number, line, period)
            figure.amount = value + unit
            main = main or figure
        figures.append(figure)
    return figures


def _numeric_columns(table: _Table, count: int) -> list[str]:
    """The names of the numeric columns: the header less its label column, left-aligned."""
    names = table.columns[1:] if len(table.columns) > count else table.columns
    return names[:count] if len(names) >= count else []


def _figure(measure: str, number: int, line: str, period: str) -> DraftFigure:
    figure = DraftFigure(measure, number, 0, len(line), period=period, quote=line)
    figure.section = guess_section(measure)
    return figure


def _bare(column: str) -> str:
    """A column's name without its unit: 比重(%) → 比重."""
    return _IN_BRACKETS.sub("", column).strip()


def _unit(column: str, index: int, count: int, units: list[str]) -> str | None:
    """The unit of a column, or None when it cannot be told (the cell is then left out)."""
    candidates = [m.group(1) for m in _IN_BRACKETS.finditer(column)]
    if len(units) == count:
        candidates.append(units[index])
    elif len(units) == 1:
        candidates.append(units[0])
    if not candidates and (_SHARE_COLUMN.search(column) or _CHANGE_COLUMN.search(column)):
        candidates.append("%")
    for candidate in candidates:
        try:
            return lookup_unit(candidate.strip()).code or None
        except UnknownUnitError:
            continue
    return None
