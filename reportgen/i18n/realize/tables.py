"""Tables: Table 1 (main indicators, periods as columns newest first) and the annex
(figures by section, the events the body does not tell, the policies).

Cells come from the formatter in table style ("%" and signed changes); a row names
one indicator once; a column empty in every row is left out; every row is sourced
(a source column with the numbers of the source list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from markupsafe import Markup

from reportgen.facts.amounts import Change, Direction
from reportgen.facts.periods import PartialDate, Period
from reportgen.i18n.realize.citations import numbers
from reportgen.i18n.realize.sentences import events
from reportgen.i18n.realize.words import Words, as_of_kind
from reportgen.narrative.plan import AnnexPart, Table
from reportgen.render.escape import escape_markdown
from reportgen.render.view import FigureView

_STATUS_RANK = {"plan": 0, "target": 0, "actual": 1, "preliminary": 1, "estimate": 2}
#: Dimensions whose English table cell names its own unit (%, pp, ‰), needs none (a ratio),
#: or whose measure names what it counts; every other unit goes in the label: "(km)".
_SELF_NAMED = ("percent", "percentage_points", "permille", "number", "count")

EMPTY = "\u2014"  # an empty cell: the em dash an unknown period prints ("period.unknown.table")


def period_cell(w: Words, period: Period, status: str | None) -> str:
    """A period as a table cell: as of December it is the year's end, as the prose says
    it ('2023年末' / 'end-2023', not '截至2023年12月' / 'as of Dec 2023'); otherwise the
    formatter's table form (review 3, D4)."""
    if status is None and as_of_kind(period) == "year_end" and period.as_of is not None:
        return w.p("cell.year_end", year=w.fmt.date(PartialDate(period.as_of.year)))
    return str(w.fmt.period(period, "table", status))


def label(w: Words, f: FigureView, owner: bool = True) -> str:
    """The indicator's name in a table: its owner first when the measure lacks it, and in
    English the unit the cells leave out ('Regional GDP (RMB)', 'Floor area (m²)')."""
    text = f.measure
    if owner and f.owner is not None and f.owner.name not in text:
        text = w.p("label.owner", owner=f.owner.name, measure=text)
    if f.amount is not None and f.amount.unit.dimension.value not in _SELF_NAMED and not w.zh:
        text = w.p("label.unit", label=text, unit=w.fmt.unit_label(f.amount))
    return w.grammar.finish(text)


def _cell_phrase(w: Words, name: str) -> str:
    return w.phrases[f"cell.{name}"]


def amount_cell(w: Words, f: FigureView) -> str:
    """A figure's amount in a table: digits for a number the source wrote in Chinese
    numerals (五个 → 5个; the quote keeps the source's words), and in Chinese the counted
    noun when it is one character, a unit of its own (11个月, not 11个)."""
    amount = f.amount
    if amount is None:
        return ""
    if amount.numeral:
        amount = replace(amount, numeral="")
    # only after the bare classifier 个 (11个 → 11个月; 249.81万亿项 keeps its own unit)
    short = f.item is not None and len(f.item.zh or "") == 1 and w.zh and amount.unit.base == "个"
    item = f.item if short else None
    return w.fmt.amount(amount, "table", item)  # type: ignore[arg-type]  # a NounView reads alike


def gap_cell(w: Words, gap: Change) -> str:
    """The gap to the citywide figure in words: "高于全市13.9个百分点" / "13.9 pp above city"."""
    name = "gap.up" if gap.direction is Direction.UP else "gap.down"
    return _cell_phrase(w, name).format(amount=w.fmt.amount(gap.amount, "table"))


def cell(w: Words, f: FigureView, change: bool = True, gap: bool = True, rank: bool = True) -> str:
    """A figure's value and change in one cell; its gap to the city and its rank in brackets:
    "+15.1%（高于全市13.9个百分点，第3）" / "+15.1% (13.9 pp above city; 3rd)". The flags
    say which of change, gap and rank the cell shows (a table may give them columns)."""
    parts = [amount_cell(w, f)] if f.amount is not None else []
    if change and f.yoy is not None:
        parts.append(w.fmt.change(f.yoy, "table"))
    text = w.p("cell.join").join(parts)
    notes = [gap_cell(w, f.vs_city)] if gap and f.vs_city is not None else []
    if rank and f.rank is not None:
        if not notes and text:
            return w.p("cell.rank", value=text, rank=w.fmt.rank(f.rank, "table"))
        notes.append(w.fmt.rank(f.rank, "table"))
    if not notes:
        return text
    joined = _cell_phrase(w, "notes.join").join(notes)
    return _cell_phrase(w, "notes").format(value=text, notes=joined) if text else joined


def _column_key(f: FigureView) -> tuple[str, str]:
    return (str(f.period), f.status)


def main_table(
    w: Words, table: Table, number: int
) -> tuple[tuple[str, ...], list[list[str]], list[str]]:
    """Header, rows and figure ids of Table 1."""
    figures = {i: w.context["figure"][i] for row in table.rows for i in row}
    columns: dict[tuple[str, str], FigureView] = {}
    for f in figures.values():
        columns.setdefault(_column_key(f), f)
    ordered = sorted(
        columns.values(), key=lambda f: (f.period.sort_key, _STATUS_RANK[f.status]), reverse=True
    )
    header = [w.p("col.indicator")]
    header += [
        period_cell(w, f.period, f.status if f.status != "actual" else None) for f in ordered
    ]
    header.append(w.p("col.source"))
    rows = []
    for row in table.rows:
        members = [figures[i] for i in row]
        by_column = {_column_key(f): f for f in members}
        cells = [label(w, members[0])]
        cells += [
            cell(w, by_column[_column_key(c)]) if _column_key(c) in by_column else EMPTY
            for c in ordered
        ]
        cells.append(numbers(w, [s for f in members for s in f.sources]))
        rows.append(cells)
    return tuple(header), rows, [i for row in table.rows for i in row]


#: An annex column of changes, gaps or ranks filled in fewer than this share of its rows
#: is dropped, its values shown in the value cell (review 2, C11: one 同比 in 18 rows).
SPARSE = 0.25


def annex_table(w: Words, part: AnnexPart) -> tuple[tuple[str, ...], list[list[str]]]:
    """Header and rows of one annex table: empty columns dropped, and a column of changes,
    gaps or ranks that few rows fill (:data:`SPARSE`) folded into the value cell."""
    city = w.context["district"]["city"]
    figures = [w.context["figure"][i] for i in part.figures]
    filled = {
        "change": sum(f.yoy is not None for f in figures),
        "gap": sum(f.vs_city is not None for f in figures),
        "rank": sum(f.rank is not None for f in figures),
    }
    own = {k: n > 0 and n >= SPARSE * len(figures) for k, n in filled.items()}
    columns: list[tuple[str, Callable[[FigureView], str]]] = [
        (w.p("col.indicator"), lambda f: label(w, f)),
        (w.p("col.period"), lambda f: period_cell(w, f.period, _status(f))),
        (
            w.p("col.value"),
            lambda f: _named(w, f, cell(w, f, not own["change"], not own["gap"], not own["rank"])),
        ),
        (w.p("col.change"), lambda f: w.fmt.change(f.yoy, "table") if f.yoy is not None else ""),
        (w.p("col.gap", city=city), lambda f: w.fmt.gap(f.vs_city, "table") if f.vs_city else ""),
        (w.p("col.rank"), lambda f: w.fmt.rank(f.rank, "table") if f.rank is not None else ""),
        (w.p("col.source"), lambda f: numbers(w, f.sources)),
    ]
    shown = [True, True, True, own["change"], own["gap"], own["rank"], True]
    grid = [[get(f) if show else "" for (_, get), show in zip(columns, shown, strict=True)]
            for f in figures]  # fmt: skip
    keep = [j for j in range(len(columns)) if any(row[j] for row in grid)]
    header = tuple(columns[j][0] for j in keep)
    return header, [[row[j] or EMPTY for j in keep] for row in grid]


def policy_table(w: Words, ids: Sequence[str]) -> tuple[tuple[str, ...], list[list[str]]]:
    """Header and rows of the annex's list of policies and programmes (name, gist, source)."""
    views = {v.id: v for v in w.context.get("policies", [])}
    rows = [
        [
            w.grammar.finish(views[i].name),
            w.grammar.finish(views[i].gist or ""),
            numbers(w, views[i].sources),
        ]
        for i in ids
        if i in views
    ]
    header = [w.p("col.policy"), w.p("col.gist"), w.p("col.source")]
    keep = [j for j in range(3) if any(r[j] for r in rows)]
    return tuple(header[j] for j in keep), [[r[j] or EMPTY for j in keep] for r in rows]


def _named(w: Words, f: FigureView, value: str) -> str:
    """An annex value with the firms, projects or venues the figure names as examples, so
    a name the body leaves out is still in the document ('15家（福深兴安、超达电子等）')."""
    if not f.examples or value == EMPTY:
        return value
    names = w.grammar.join([w.grammar.the(e.name) for e in f.examples])
    return w.p("cell.examples", value=value, names=names)


def event_table(w: Words, ids: Sequence[str]) -> tuple[tuple[str, ...], list[list[str]]]:
    """Header and rows of the annex's list of events the body does not tell (what happened,
    when, source): the event's own text, or the sentence its stage makes."""
    views = {v.id: v for v in w.context.get("events", [])}
    rows = []
    for i in ids:
        if i not in views:
            continue
        e = views[i]
        status = e.status if e.status != "actual" else None
        period = period_cell(w, e.period, status) if e.period is not None else ""
        text = w.grammar.finish(events(w, [e]))
        rows.append([text, period, numbers(w, e.sources)])
    header = [w.p("col.event"), w.p("col.period"), w.p("col.source")]
    keep = [j for j in range(3) if any(r[j] for r in rows)]
    return tuple(header[j] for j in keep), [[r[j] or EMPTY for j in keep] for r in rows]


def _status(f: FigureView) -> str | None:
    return f.status if f.status != "actual" else None


def markdown(
    caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], numeric: bool = True
) -> Markup:
    """A captioned Markdown table, every cell escaped; value columns right-aligned."""
    middle = "---:" if numeric else "---"
    align = ["---"] + [middle] * (len(header) - 2) + ["---"]
    lines = [f"**{escape_markdown(caption)}**", ""]
    lines.append("| " + " | ".join(escape_markdown(h) for h in header) + " |")
    lines.append("| " + " | ".join(align[: len(header)]) + " |")
    lines += ["| " + " | ".join(escape_markdown(c) for c in row) + " |" for row in rows]
    return Markup("\n".join(lines))
