"""Provenance: where each fact of a briefing comes from and where it appears.

:mod:`records` (a fact's value, quotes, sources and note in one language),
:mod:`index` (the blocks of the plan that state each fact), :mod:`appendix` (the
``--provenance`` appendix and the links to it). See docs/provenance.md.
"""
