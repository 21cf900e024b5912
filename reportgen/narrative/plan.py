"""The document plan: what the briefing says, in what order, grouped how — in no language.

A plan refers to facts by id only. Realization (``reportgen.i18n.realize``) turns it
into words in one language; the same plan gives every language, which is what makes
paragraph-level parity between the Chinese and English briefings checkable.

>>> Group(("gdp-2023h1",), owner=None).figures
('gdp-2023h1',)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Trend(StrEnum):
    """The direction a comparable series moved in, or none worth a word."""

    UP = "up"
    DOWN = "down"


class Verdict(StrEnum):
    """How an outcome compares with the target for the same measure and period."""

    MET = "met"
    EXCEEDED = "exceeded"
    SHORT = "short"


@dataclass(frozen=True)
class Group:
    """Figures sharing subject, period and status: one sentence, the period said once."""

    figures: tuple[str, ...]
    owner: str | None = None  # entity id of the subject; None: the district


@dataclass(frozen=True)
class Series:
    """One measure of one subject across periods, oldest first.

    ``rate`` series are growth rates (comparable across cumulative periods of a year);
    level series compare only like periods. ``trend`` is set only when the values are
    comparable and every step moves the same way, whatever the qualifiers allow.
    """

    figures: tuple[str, ...]
    rate: bool
    trend: Trend | None = None


@dataclass(frozen=True)
class TargetOutcome:
    """A target and the later outcomes of the same measure for the same period."""

    target: str
    outcomes: tuple[str, ...]  # oldest first; the verdict is the last one's
    verdict: Verdict


@dataclass(frozen=True)
class Qualitative:
    """Qualitative facts said in one sentence: statements, events (of one stage), policies."""

    kind: str  # "statement" | "event" | "policies" | "people" | "said" (a statement, its speakers)
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Finding:
    """An analyst's sentence from the data (``findings:``): its words are the author's,
    its numbers the figures it names (in placeholder order); ``covers`` are the
    statements, events, policies or people it tells, which are not told again."""

    id: str
    figures: tuple[str, ...]
    covers: tuple[str, ...] = ()


Sentence = Group | Series | TargetOutcome | Qualitative | Finding


@dataclass(frozen=True)
class Paragraph:
    """Sentences about one topic, in chronological order; ``bullets`` for a genuine list."""

    sentences: tuple[Sentence, ...]
    topic: str | None = None
    bullets: bool = False


@dataclass(frozen=True)
class Table:
    """Indicators as rows (each a series of figure ids), periods as columns newest first."""

    key: str  # "main-indicators"
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SectionPlan:
    """One briefing section: its paragraphs and any comparison table."""

    key: str
    paragraphs: tuple[Paragraph, ...]
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class AnnexPart:
    """The figures of one briefing section that the body leaves out."""

    key: str
    figures: tuple[str, ...]


@dataclass(frozen=True)
class DocumentPlan:
    """The whole briefing: lead, key points, sections, and the indicator annex."""

    lead: Paragraph
    key_points: tuple[Paragraph, ...]
    sections: tuple[SectionPlan, ...]
    annex: tuple[AnnexPart, ...]
    body_figures: frozenset[str] = field(default_factory=frozenset)
    policies: tuple[str, ...] = ()  # every policy, listed in the annex by name
    events: tuple[str, ...] = ()  # the events the body does not tell, listed in the annex

    def section(self, key: str) -> SectionPlan | None:
        """The section plan named ``key`` (None when the plan has none)."""
        return next((s for s in self.sections if s.key == key), None)


def sentence_figures(sentence: Sentence) -> tuple[str, ...]:
    """The figure ids a sentence states, in the order it states them."""
    if isinstance(sentence, TargetOutcome):
        return (*sentence.outcomes, sentence.target)
    if isinstance(sentence, (Group, Series, Finding)):
        return sentence.figures
    return ()
