"""One cold ``reportgen build DATA --lang LANG --format docx`` done step by step, timed.

    python benchmarks/cold_probe.py DATA OUT [--lang en] [--no-charts]

Run by ``cold_cli.py`` in a fresh process (never imported by it). It does what the
CLI does for that command, in the same order, and prints the seconds each step took
as one JSON object:

- ``import_pipeline``: ``reportgen.cli`` and the pipeline modules it reaches on the
  way to a build (pydantic models, Jinja2, Babel, the formatter);
- ``import_docx``: the DOCX writer (python-docx, markdown-it-py), imported lazily by
  the CLI when the first DOCX is written;
- ``import_charts``: the chart writers (native DOCX charts, SVG) imported when the
  first chart is made (with charts only);
- ``load``: reading and validating the fact file;
- ``render``: ``build()`` without the font lookup and the drawing below (the view,
  the templates, the first use of Babel's locale data); ``compile``: of that, the
  time Jinja2 spent compiling templates;
- ``fonts``: the charts' font lookup (``reportgen.charts.fonts.font_chain``);
- ``draw``: drawing chart files (``ChartCollector.render_assets``: none for a DOCX-only
  build, whose native charts are written with the DOCX);
- ``docx``: ``Report.write(out, ["docx"])``: the DOCX rendered and written, with its
  pictures.

The font lookup, the drawing and the compiling are timed by wrapping those functions; if a
refactor renames them the phase is reported as 0 and counted in ``render``.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

START = time.perf_counter()

PIPELINE = (
    "reportgen", "reportgen.cli", "reportgen.batch", "reportgen.build", "reportgen.facts",
    "reportgen.i18n.formatter", "reportgen.render.grouping",
)  # fmt: skip
DOCX = ("reportgen.writers.docx",)
#: The chart writers (issue 14 §1: native DOCX charts and SVG; matplotlib only for
#: ``--chart-format png``, never imported by this build).
CHARTS = ("reportgen.charts.chartxml", "reportgen.charts.workbook", "reportgen.charts.svg")


def _import(names: tuple[str, ...]) -> float:
    start = time.perf_counter()
    for name in names:
        with contextlib.suppress(ImportError):  # a module a refactor removed
            importlib.import_module(name)
    return time.perf_counter() - start


def _timed(owner: Any, name: str, spent: dict[str, float], key: str) -> None:
    """Wrap ``owner.name`` so that the seconds spent in it add up in ``spent[key]``."""
    original: Callable[..., Any] | None = getattr(owner, name, None)
    if original is None:
        return

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[key] += time.perf_counter() - start

    setattr(owner, name, wrapper)


def main() -> int:
    """Build one document step by step and print the phases as JSON."""
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
    charts = "--no-charts" not in sys.argv
    phases: dict[str, float] = {"import_pipeline": _import(PIPELINE)}
    phases["import_docx"] = _import(DOCX)
    phases["import_charts"] = _import(CHARTS) if charts else 0.0

    from reportgen.build import build
    from reportgen.facts import load_facts

    spent = {"fonts": 0.0, "draw": 0.0}
    if charts:
        import reportgen.charts.collector as collector
        import reportgen.charts.fonts as fonts

        _timed(fonts, "font_chain", spent, "fonts")
        _timed(collector.ChartCollector, "render_assets", spent, "draw")
    import jinja2

    compiled = {"compile": 0.0}
    _timed(jinja2.Environment, "compile", compiled, "compile")

    start = time.perf_counter()
    facts = load_facts(data)
    phases["load"] = time.perf_counter() - start

    start = time.perf_counter()
    report = build(facts, lang, charts=charts)
    phases["render"] = time.perf_counter() - start - spent["fonts"] - spent["draw"]
    phases |= spent | compiled

    start = time.perf_counter()
    written = report.write(out, ["docx"])
    phases["docx"] = time.perf_counter() - start
    phases["total_in_process"] = time.perf_counter() - START
    phases["documents"] = float(sum(1 for path in written if path.suffix == ".docx"))
    print(json.dumps(phases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
