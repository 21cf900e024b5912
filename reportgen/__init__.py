"""reportgen: bilingual district briefings from sourced, exact facts.

The public API::

    facts = reportgen.load_facts("data/huaiyin.yaml")
    report = reportgen.build(facts, lang="en")
    report.markdown            # the rendered briefing
    report.write("out", ["md", "docx"])

User errors are :class:`ReportgenError` subclasses. The pipeline is imported on
first use (PEP 562), so importing one part of the package (a writer, the
errors) does not pay for the rest.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from reportgen.errors import DataError, OptionError, OutputError, ReportgenError, TemplateError

if TYPE_CHECKING:
    from reportgen.build import Report, build
    from reportgen.facts import DistrictFacts, load_facts

_LAZY = {
    "Report": "reportgen.build",
    "build": "reportgen.build",
    "DistrictFacts": "reportgen.facts",
    "load_facts": "reportgen.facts",
}

__all__ = [
    "DataError",
    "DistrictFacts",
    "OptionError",
    "OutputError",
    "Report",
    "ReportgenError",
    "TemplateError",
    "build",
    "load_facts",
]


def __getattr__(name: str) -> Any:
    """Import the pipeline's public names on first use."""
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")
