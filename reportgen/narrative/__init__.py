"""The narrative layer's plan: what the briefing says, in what order, in no language.

``make_plan(facts)`` gives a :class:`DocumentPlan`; ``reportgen.i18n.realize`` turns it
into one language's paragraphs and tables. See docs/narrative.md.
"""

from reportgen.narrative.plan import DocumentPlan, Paragraph, SectionPlan
from reportgen.narrative.planner import make_plan

__all__ = ["DocumentPlan", "Paragraph", "SectionPlan", "make_plan"]
