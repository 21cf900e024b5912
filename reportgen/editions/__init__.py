"""Editions built from one plan: the bilingual (对照) edition and the provenance appendix.

See docs/bilingual.md and docs/provenance.md.
"""

from reportgen.editions.bilingual import EDITIONS, BilingualReport, build_bilingual
from reportgen.editions.build import build_edition, parse_langs
from reportgen.editions.realized import Block, LanguageBuild, plan_blocks, realize_language

__all__ = [
    "EDITIONS",
    "BilingualReport",
    "Block",
    "LanguageBuild",
    "build_bilingual",
    "build_edition",
    "parse_langs",
    "plan_blocks",
    "realize_language",
]
