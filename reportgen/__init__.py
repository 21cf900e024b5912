"""reportgen: bilingual district briefings from sourced, exact facts.

The public API::

    facts = reportgen.load_facts("data/huaiyin.yaml")
    report = reportgen.build(facts, lang="en")
    report.markdown            # the rendered briefing
    report.write("out", ["md", "docx"])

User errors are :class:`ReportgenError` subclasses.
"""

from reportgen.build import Report, build
from reportgen.errors import DataError, OptionError, OutputError, ReportgenError, TemplateError
from reportgen.facts import DistrictFacts, load_facts

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
