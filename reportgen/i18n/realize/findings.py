"""Findings in words: an analyst's sentence with each placeholder filled from its figure.

The words are the author's (a user's phrase overrides do not apply to them); every number
is the figure's, through the Formatter, as the generic prose says it:

- ``{id}``: the amount (``183个`` / "183 key projects", with the item noun when the
  figure has one); a figure with no amount: its growth rate (``22.4%``);
- ``{id:bare}``: a count (or head count, or visits) without its measure word or noun
  (``183`` / "183"); the same as ``{id}`` for money and other amounts;
- ``{id:yoy}``: the change as prose (``同比增长6.4%`` / "up 6.4 percent year on year");
- ``{id:rank}``, ``{id:vs_city}``: ``位列全市第四`` / "ranking fourth in Jinan",
  ``高于全市13.9个百分点`` / "13.9 percentage points above the citywide rate";
- ``{id:period}``: the period (``2023年上半年`` / "in the first half of 2023").

The grammar finishes the sentence (curly quotes, full-width brackets, a capital) and
ends it with ``。`` / ``.`` when the author did not. The paragraph's citation names the
figures' sources, the finding's own and its covered records'.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportgen.facts.placeholders import segments
from reportgen.facts.units import Dimension
from reportgen.i18n.realize.clauses import value
from reportgen.i18n.realize.words import Words
from reportgen.narrative.plan import Finding
from reportgen.render.view import FigureView, SourceView

#: Amounts whose unit is a thing counted: ``bare`` leaves the measure word out.
_COUNTED = frozenset({Dimension.COUNT, Dimension.PEOPLE, Dimension.VISITS})
#: The lists whose records a finding may cover, in the context.
_COVERED = ("statements", "events", "policies", "people")


def realize_finding(w: Words, s: Finding) -> str:
    """The finding ``s`` in ``w``'s language, placeholders filled, ended."""
    view = finding_view(w.context, s.id)
    own = Words(w.lang, w.fmt, w.context, {})  # the author's words: no user overrides
    figures = w.context["figure"]
    text = "".join(
        segment if isinstance(segment, str) else part(own, figures[segment.figure], segment.part)
        for segment in segments(view.text)
    )
    return _end(w, text)


def finding_view(context: Any, finding_id: str) -> Any:
    """The finding's view in the context (KeyError when it has none)."""
    for view in context.get("findings", ()):
        if view.id == finding_id:
            return view
    raise KeyError(finding_id)


def part(w: Words, f: FigureView, name: str) -> str:
    """One placeholder's text (see the module text); the loader has checked that the
    figure has the part."""
    if name == "":
        return value(w, f)
    if name == "bare":
        return bare(w, f)
    if name == "yoy" and f.yoy is not None:
        return w.fmt.change(f.yoy)
    if name == "rank" and f.rank is not None:
        return w.fmt.rank(f.rank)
    if name == "vs_city" and f.vs_city is not None:
        return w.fmt.gap(f.vs_city)
    if name == "period":
        return w.at(f.period, f.status)
    raise ValueError(f"figure {f.id!r} has no part {name!r}")


def bare(w: Words, f: FigureView) -> str:
    """A count without its measure word: ``183`` / "183", ``6.1万余`` / "more than 61,000"."""
    amount = f.amount
    if amount is None or amount.unit.dimension not in _COUNTED:
        return value(w, f)
    if w.zh:
        return w.fmt.amount(replace(amount, unit=replace(amount.unit, base="")))
    return w.fmt.amount(amount, "table")


def finding_sources(w: Words, s: Finding) -> list[SourceView]:
    """The finding's own sources and its covered records' (its figures' are cited as
    every sentence's figures are)."""
    found = list(finding_view(w.context, s.id).sources)
    for key in _COVERED:
        views = {v.id: v for v in w.context.get(key, [])}
        found += [source for c in s.covers if c in views for source in views[c].sources]
    return found


def _end(w: Words, text: str) -> str:
    text = text.strip()
    if w.zh:
        return text if text.endswith(("。", "！", "？", "”", "；")) else text + "。"
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."
