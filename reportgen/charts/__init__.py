"""Charts in the briefings, declared in templates: ``{{ chart(kind, figures, title) }}``.

Importing this package does not import matplotlib: that happens only when a chart
is made (see :mod:`reportgen.charts.collector`). How to place charts: docs/charts.md.
"""

from reportgen.charts.collector import ChartCollector
from reportgen.charts.kinds import KINDS
from reportgen.charts.spec import ChartSpec, ChartWarning

__all__ = ["KINDS", "ChartCollector", "ChartSpec", "ChartWarning"]
