"""reportgen: bilingual district briefings from sourced, exact facts.

The public API: :func:`load_facts` and the error hierarchy (``build`` and
``Report`` arrive with the build pipeline).
"""

from reportgen.errors import DataError, OptionError, OutputError, ReportgenError, TemplateError
from reportgen.facts import DistrictFacts, load_facts

__all__ = [
    "DataError",
    "DistrictFacts",
    "OptionError",
    "OutputError",
    "ReportgenError",
    "TemplateError",
    "load_facts",
]
