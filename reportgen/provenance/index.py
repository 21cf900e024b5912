"""Where each fact appears: a per-fact index of the plan's blocks in one language.

Built from :func:`~reportgen.editions.realized.plan_blocks`, so it says exactly what the
briefing states where: ``lead``, key point 2, paragraph 3 of the overview, Table 1,
annex table 4. Used by the provenance appendix and ``reportgen trace``.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.editions.realized import Block

#: Every fact kind's word in each language, for the appendix and ``trace``.
PLACE_WORDS = {
    "zh": {"paragraph": "第{n}段", "bullet": "要点{n}", "lead": "导语", "table": "表{n}",
           "annex": "附表{n}"},
    "en": {"paragraph": "paragraph {n}", "bullet": "key point {n}", "lead": "lead paragraph",
           "table": "Table {n}", "annex": "Annex table {n}"},
}  # fmt: skip


@dataclass(frozen=True)
class Occurrence:
    """One block of one language's briefing that states the fact."""

    block: str  # block id: overview-p3
    section: str  # section key
    kind: str  # paragraph | bullet | table | annex
    number: int  # paragraph, key point or table number (annex tables count on from 1)

    def place(self, lang: str) -> str:
        """Where, in words: 第3段 / paragraph 3, 附表4 / Annex table 4."""
        words = PLACE_WORDS[lang]
        key = "lead" if self.block == "lead" else self.kind
        return words[key].format(n=self.number)


def fact_index(blocks: list[Block]) -> dict[str, list[Occurrence]]:
    """Fact id → the blocks stating it, in document order."""
    index: dict[str, list[Occurrence]] = {}
    for block in blocks:
        for fact in block.facts:
            index.setdefault(fact, []).append(
                Occurrence(block.id, block.section, block.kind, block.number)
            )
    return index


def used_facts(blocks: list[Block]) -> list[str]:
    """Every fact id the briefing states (body and tables), in document order, once."""
    return list(dict.fromkeys(f for b in blocks for f in b.facts))
