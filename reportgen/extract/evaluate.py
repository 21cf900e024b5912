"""Measure the drafter against a hand-built fact file and its articles.

For every source with a ``file``, the article is drafted with the source's id and
date; each hand-built figure is then matched one to one with a drafted figure of
the same article that states the same value in the same unit (the amount, or the
year-on-year change for a change-only figure), preferring the draft whose quote
overlaps the figure's most. Reported:

- *value recall*: hand-built figures whose value and unit were found;
- *full recall*: of those, also the same yoy, vs_city and period;
- *precision*: drafted figures that match a hand-built one.

Run: ``uv run python -m reportgen.extract.evaluate data/huaiyin.yaml ../shared/seeds``.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.extract import extract
from reportgen.extract.figures import DraftFigure
from reportgen.facts.amounts import Amount, parse_amount, parse_change
from reportgen.facts.model import Figure
from reportgen.facts.yamlpos import read_yaml


@dataclass
class Score:
    """Counts of one measurement."""

    gold: int = 0
    drafted: int = 0
    values: int = 0
    full: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def value_recall(self) -> float:
        """Hand-built figures whose value was found, as a share."""
        return self.values / self.gold if self.gold else 0.0

    @property
    def full_recall(self) -> float:
        """Hand-built figures found with value, unit, change and period, as a share."""
        return self.full / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        """Drafted figures that match a hand-built one, as a share."""
        return self.values / self.drafted if self.drafted else 0.0


def _key(amount: Amount | None) -> tuple[str, str] | None:
    return None if amount is None else (format(amount.value.normalize(), "f"), amount.unit.code)


def _gold_key(figure: Figure) -> tuple[str, tuple[str, str] | None]:
    if figure.amount is not None:
        return "amount", _key(figure.amount)
    assert figure.yoy is not None
    return "yoy", _key(figure.yoy.amount)


def _draft_key(draft: DraftFigure, kind: str) -> tuple[str, str] | None:
    text = draft.amount if kind == "amount" else draft.yoy
    if text is None:
        return None
    try:
        return _key(parse_amount(text) if kind == "amount" else parse_change(text).amount)
    except ValueError:
        return None


def _same(draft: DraftFigure, figure: Figure) -> bool:
    """Same yoy, vs_city and period (value and unit already match)."""

    def change(text: str | None) -> str | None:
        return (
            None
            if text is None
            else str(parse_change(text).direction) + str(_key(parse_change(text).amount))
        )

    gold_yoy = (
        None if figure.yoy is None else str(figure.yoy.direction) + str(_key(figure.yoy.amount))
    )
    gold_gap = (
        None
        if figure.vs_city is None
        else (str(figure.vs_city.direction) + str(_key(figure.vs_city.amount)))
    )
    return (
        change(draft.yoy) == gold_yoy
        and change(draft.vs_city) == gold_gap
        and draft.period == str(figure.period)
    )


def _overlap(a: str, b: str) -> int:
    match = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match()
    return match.size


def evaluate(facts_file: Path, seeds: Path) -> Score:
    """Draft every article of ``facts_file`` found in ``seeds`` and score the drafts."""
    data = read_yaml(facts_file.read_text(encoding="utf-8")).data
    score = Score()
    drafts: dict[str, list[DraftFigure]] = {}
    for source in data["sources"]:
        path = seeds / str(source.get("file", ""))
        if source.get("file") and path.is_file():
            draft = extract(path.read_text(encoding="utf-8"), str(source["date"]), source["id"])
            drafts[source["id"]] = list(draft.figures)
            score.drafted += len(draft.figures)
    figures = [Figure.model_validate(_figure_only(raw)) for raw in data["figures"]]
    unused = {sid: list(found) for sid, found in drafts.items()}
    for figure in figures:
        cited = [c for c in figure.sources if c.source in drafts]
        if not cited:
            continue
        score.gold += 1
        kind, key = _gold_key(figure)
        candidates = [d for c in cited for d in unused[c.source] if _draft_key(d, kind) == key]
        if not candidates:
            score.missed.append(f"{figure.id}: {figure.amount or figure.yoy}")
            continue
        quote = cited[0].quote
        best = max(candidates, key=lambda d: (_overlap(d.quote, quote), _same(d, figure)))
        for c in cited:
            if best in unused[c.source]:
                unused[c.source].remove(best)
        score.values += 1
        if _same(best, figure):
            score.full += 1
        else:
            score.wrong.append(f"{figure.id}: {best.yoy} {best.vs_city} {best.period} vs "
                               f"{figure.yoy} {figure.vs_city} {figure.period}")  # fmt: skip
    score.extra = [f"{f.amount or f.yoy} | {f.quote}" for found in unused.values() for f in found]
    return score


_FIGURE_KEYS = {"id", "section", "topic", "measure", "amount", "period", "status", "yoy",
                "vs_city", "rank", "sources"}  # fmt: skip


def _figure_only(raw: dict[str, object]) -> dict[str, object]:
    """A hand-built figure with only the fields measured (the format grows elsewhere)."""
    return {k: v for k, v in raw.items() if k in _FIGURE_KEYS}


def report(score: Score) -> Iterable[str]:
    """The lines printed by ``python -m reportgen.extract.evaluate``."""
    yield f"hand-built figures: {score.gold}; drafted: {score.drafted}"
    yield f"value recall: {score.values}/{score.gold} = {score.value_recall:.1%}"
    yield f"full recall (value, unit, change, period): {score.full}/{score.gold} = " \
          f"{score.full_recall:.1%}"  # fmt: skip
    yield f"precision: {score.values}/{score.drafted} = {score.precision:.1%}"


def main(argv: list[str]) -> int:
    """Print the scores; ``-v`` lists the figures missed and those found differently."""
    facts_file, seeds = Path(argv[0]), Path(argv[1])
    score = evaluate(facts_file, seeds)
    for line in report(score):
        print(line)
    if "-v" in argv:
        print("missed:", *score.missed, sep="\n  ")
        print("found differently:", *score.wrong, sep="\n  ")
        print("drafted, not in the hand-built file:", *score.extra, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
