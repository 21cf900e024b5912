"""The template global ``chart``: records each chart a template declares, draws them afterwards.

The build makes one collector per document and exposes it to the templates::

    collector = ChartCollector(lang, formatter, f"{stem}.assets", enabled=charts)
    context["chart"] = collector
    markdown = render_template(env, context)
    assets = collector.render_assets()      # {"huaiyin.en.assets/chart-1-growth.svg": b"…"}

A call ``{{ chart("growth", figures, "Title") }}`` checks the figures, numbers the
chart (1, 2, … in call order), and prints the Markdown image that links to its
picture; the caption is the image title ("Figure 1. Title" / "图1 Title"). The
pictures are drawn by :meth:`ChartCollector.render_assets`, the only place that
draws. Two chart formats (:data:`CHART_FORMATS`):

- ``native`` (the default): SVG files for Markdown (:mod:`reportgen.charts.svg`, no
  dependency), and the specs (:meth:`ChartCollector.charts`) for the DOCX writer,
  which makes native Word charts of them. matplotlib is never imported.
- ``png``: PNG pictures drawn with matplotlib (the optional ``png`` extra), in Markdown
  and DOCX alike; only then are the fonts checked and matplotlib imported.

With ``enabled=False`` nothing is recorded and nothing is drawn.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup

from reportgen.errors import TemplateError
from reportgen.render.escape import escape_markdown
from reportgen.render.view import FigureView

from .kinds import KINDS, Texts, make_panels
from .spec import ChartSpec, ChartWarning, words_for

_TITLE_SPECIALS = re.compile(r'([\\"&])')
#: The most ``chart()`` calls one briefing may make (with charts on or off).
MAX_CHARTS = 50
#: How charts are made: native DOCX charts and SVG beside Markdown, or matplotlib PNGs.
CHART_FORMATS = ("native", "png")


class ChartCollector:
    """The ``chart`` global of one document: ``chart(kind, figures, title, **options)``."""

    #: Templates may call it (and read nothing on it), wherever the build puts it.
    template_helper = True

    def __init__(
        self,
        lang: str,
        formatter: Any,
        asset_dir: str,
        enabled: bool = True,
        chart_format: str = "native",
    ) -> None:
        if chart_format not in CHART_FORMATS:
            raise ValueError(f"chart_format must be one of {CHART_FORMATS}, not {chart_format!r}")
        self.chart_format = chart_format
        self.lang = lang
        self.asset_dir = asset_dir.rstrip("/")
        self.enabled = enabled
        self.words = words_for(lang)
        self.texts = Texts(formatter.filters(), self.words)
        self.specs: list[ChartSpec] = []
        self.calls = 0

    def __call__(
        self, kind: str, figures: Sequence[FigureView] | FigureView, title: str, **options: Any
    ) -> Markup:
        """Record a chart of ``kind`` and return the Markdown image for it ("" when disabled).

        The call is checked the same way with charts on or off, so a template that works
        with ``--no-charts`` works without it too.
        """
        self.calls += 1
        if self.calls > MAX_CHARTS:
            raise TemplateError(f"at most {MAX_CHARTS} charts in one briefing (chart() calls)")
        if kind not in KINDS:
            raise TemplateError(f"unknown chart kind '{kind}'; choose from {', '.join(KINDS)}")
        chosen = _figure_list(kind, figures)
        panels = make_panels(kind, chosen, self.texts, options)
        if not self.enabled:
            return Markup("")
        number = len(self.specs) + 1
        title = str(title)
        spec = ChartSpec(
            number=number,
            kind=kind,
            lang=self.lang,
            title=title,
            path=f"{self.asset_dir}/chart-{number}-{kind}.{self._suffix}",
            vertical=KINDS[kind],
            panels=panels,
        )
        if self.chart_format == "native":  # the reader's fonts draw the text
            self.specs.append(spec)
            return Markup(self.image(spec))
        from .fonts import HOW_TO_GET, font_chain

        fonts = font_chain(self.lang)
        missing = fonts.missing(spec.texts())
        if missing:
            shown = "".join(missing[:12]) + ("…" if len(missing) > 12 else "")
            warnings.warn(
                f"chart '{title}' left out: no font here can draw {shown} "
                f"(fonts tried: {', '.join(fonts.families)}); to get the charts, {HOW_TO_GET}",
                ChartWarning,
                stacklevel=2,
            )
            return Markup("")
        spec = dataclasses.replace(spec, fonts=fonts.families)
        self.specs.append(spec)
        return Markup(self.image(spec))

    def image(self, spec: ChartSpec) -> str:
        """The Markdown image of a recorded chart: alt text, relative link and caption title."""
        caption = self.words.caption.format(n=spec.number, title=spec.title)
        target = f"<{spec.path}>" if re.search(r"[\s()<>]", spec.path) else spec.path
        title = _TITLE_SPECIALS.sub(r"\\\1", " ".join(caption.split()))
        return f'![{escape_markdown(self.alt_text(spec))}]({target} "{title}")'

    def alt_text(self, spec: ChartSpec) -> str:
        """A text alternative to the picture: the title, then every bar's label and value."""
        w = self.words
        items = []
        for panel in spec.panels:
            for group in panel.groups:
                for bar in group.bars:
                    label = bar.label
                    for heading in (group.heading, panel.title):
                        label = w.heading.format(heading=heading, label=label) if heading else label
                    value = bar.spoken or bar.text
                    if panel.axis_label and not bar.spoken and panel.axis_label not in value:
                        value = w.unit.format(value=value, unit=panel.axis_label)
                    items.append(w.item.format(label=label, value=value))
        return w.item.format(label=spec.title, value=w.join.join(items))

    def paths(self) -> frozenset[str]:
        """The relative paths of the recorded charts' pictures (the images they print)."""
        return frozenset(spec.path for spec in self.specs)

    @property
    def _suffix(self) -> str:
        return "svg" if self.chart_format == "native" else "png"

    def charts(self) -> dict[str, ChartSpec]:
        """Image path → spec of the charts the DOCX writer makes native (none for ``png``)."""
        if self.chart_format != "native":
            return {}
        return {spec.path: spec for spec in self.specs}

    def render_assets(self) -> dict[str, bytes]:
        """Draw every recorded chart: relative path → SVG bytes, or PNG bytes with the
        ``png`` format (only then is matplotlib imported)."""
        if not self.specs:
            return {}
        if self.chart_format == "native":
            from .svg import svg_bytes

            return {spec.path: svg_bytes(spec, spec.legend(self.words)) for spec in self.specs}
        from .draw import draw_png

        return {spec.path: draw_png(spec) for spec in self.specs}


def _figure_list(kind: str, figures: Sequence[FigureView] | FigureView) -> list[FigureView]:
    """The figures as a list, checked: a template may pass one figure or any iterable."""
    if isinstance(figures, FigureView):
        return [figures]
    if isinstance(figures, str | bytes) or not isinstance(figures, Iterable):
        raise TemplateError(
            f"chart '{kind}': the second argument must be a list of figures, "
            f"not {type(figures).__name__}"
        )
    chosen = list(figures)
    wrong = [type(f).__name__ for f in chosen if not isinstance(f, FigureView)]
    if wrong:
        raise TemplateError(
            f"chart '{kind}': expected figures, got {', '.join(sorted(set(wrong)))}"
        )
    if not chosen:
        raise TemplateError(
            f"chart '{kind}': no figures to draw; guard the call with {{% if … %}} when the "
            "selection may be empty"
        )
    return chosen
