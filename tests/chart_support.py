"""Ids shared by the chart tests (their fixtures, facts and views, are in conftest.py)."""

from __future__ import annotations

#: The key-project programme figures the data tags "programme", in data order.
PROGRAMME = [
    "key-projects-2023-initial-count",
    "key-projects-2023-initial-investment",
    "key-projects-2023-count",
    "key-projects-2023-investment",
    "key-projects-2024-count",
    "key-projects-2024-investment",
]
