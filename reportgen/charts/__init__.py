"""Charts in the briefings, declared in templates: ``{{ chart(kind, figures, title) }}``.

Importing this package does not import matplotlib: only the optional ``png`` chart
format does, when a chart is drawn (see :mod:`reportgen.charts.collector`). How to
place charts: docs/charts.md.
"""

from reportgen.charts.collector import CHART_FORMATS, ChartCollector
from reportgen.charts.kinds import KINDS
from reportgen.charts.spec import ChartSpec, ChartWarning

__all__ = ["CHART_FORMATS", "KINDS", "ChartCollector", "ChartSpec", "ChartWarning"]
