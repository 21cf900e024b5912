"""The pipeline: facts → view(lang) → rendered Markdown → written files."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.arguments import choice_arg, flag_arg, names_arg, path_arg
from reportgen.charts import CHART_FORMATS, ChartCollector
from reportgen.errors import OptionError, OutputError
from reportgen.facts.mapping import revalidate
from reportgen.facts.model import DistrictFacts
from reportgen.i18n.formatter import Formatter
from reportgen.narrative.context import narrative_context
from reportgen.render.environment import make_environment, render_template
from reportgen.render.images import check_images
from reportgen.render.sections import canonical_section, section_template
from reportgen.render.view import make_view
from reportgen.writers.fileset import FileSet, recover
from reportgen.writers.markdown import assets_dir_name, write_assets

LANGUAGES = ("en", "zh")
FORMATS = ("md", "docx")
#: The section templates of the default briefing, in order (``--sections`` picks from these).
SECTIONS = (
    "summary", "overview", "projects", "innovation", "consumption",
    "livelihood", "business_environment", "outlook", "annex", "sources",
)  # fmt: skip


@dataclass(frozen=True)
class Report:
    """One rendered briefing: the Markdown text and the assets it links to."""

    district_id: str
    lang: str
    markdown: str
    title: str
    subject: str
    created: dt.datetime
    assets: dict[str, bytes] = field(default_factory=dict)
    #: The fact file's ``meta:`` (DOCX masthead and closing block); ``meta=`` adds to it.
    meta: dict[str, str] = field(default_factory=dict)
    #: Image path → chart spec: the charts a DOCX shows as native Word charts.
    charts: Mapping[str, Any] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        """The output file stem, ``<district-id>.<lang>``."""
        return f"{self.district_id}.{self.lang}"

    def write(
        self,
        out_dir: str | Path,
        formats: Sequence[str] = ("md",),
        *,
        reference_doc: str | Path | None = None,
        toc: bool = False,
        meta: Mapping[str, str] | None = None,
        keep_assets: bool = False,
    ) -> list[Path]:
        """Write the report in each format into ``out_dir``; return the paths written.

        All or nothing: see :func:`write_reports`. ``toc`` and ``meta`` are for DOCX.
        """
        return write_reports(
            [self], out_dir, formats, reference_doc=reference_doc, toc=toc, meta=meta,
            keep_assets=keep_assets,
        )  # fmt: skip

    def docx_bytes(
        self,
        base_dir: str | Path | None = None,
        reference_doc: str | Path | None = None,
        *,
        toc: bool = False,
        meta: Mapping[str, str] | None = None,
    ) -> bytes:
        """The DOCX document, with the charts this report holds (or, given ``base_dir``, the
        pictures in that folder). ``toc`` adds a table of contents; ``meta`` fills the
        masthead and closing block (see docs/docx.md)."""
        from reportgen.writers.docx import DocxMeta, render_docx

        docx_meta = DocxMeta(
            lang=self.lang,
            title=self.title,
            subject=self.subject,
            header_text=self.title,
            created=self.created,
            toc_title="目录" if self.lang.startswith("zh") else "Contents",
            info={**self.meta, **(meta or {})},
        )
        reference = None if reference_doc is None else path_arg(reference_doc, "reference_doc")
        if base_dir is None:  # the charts this report holds, from a private folder
            with tempfile.TemporaryDirectory(prefix="reportgen-docx-") as folder:
                write_assets(Path(folder), self.assets)
                return render_docx(
                    self.markdown, docx_meta, base_dir=Path(folder), reference_doc=reference,
                    toc=toc, charts=self.charts,
                )  # fmt: skip
        base = path_arg(base_dir, "base_dir", "a folder path")
        return render_docx(
            self.markdown, docx_meta, base_dir=base, reference_doc=reference, toc=toc,
            charts=self.charts,
        )  # fmt: skip


def write_reports(
    reports: Sequence[Report],
    out_dir: str | Path,
    formats: Sequence[str] = ("md",),
    *,
    reference_doc: str | Path | None = None,
    toc: bool = False,
    meta: Mapping[str, str] | None = None,
    keep_assets: bool = False,
) -> list[Path]:
    """Write every report in every format into ``out_dir``, all or nothing.

    The charts are written beside a Markdown document (it links to them); a DOCX embeds
    them, so a DOCX-only build writes them only with ``keep_assets``.

    Every file (a DOCX rendered from its staged charts) is staged in a hidden folder
    inside ``out_dir`` and checked; only then is each renamed over its target. A failure
    anywhere, a rename included, leaves ``out_dir`` as it was; a build killed between
    renames is rolled back by the next one (see :mod:`reportgen.writers.fileset`).
    Targets must lie inside ``out_dir`` and never be symbolic links. Returns the paths.
    """
    chosen = check_formats(formats)
    out = path_arg(out_dir, "out_dir", "a folder path")
    reference = None if reference_doc is None else path_arg(reference_doc, "reference_doc")
    if not all(isinstance(report, Report) for report in reports):
        raise OptionError("write_reports() takes Report objects from reportgen.build()")
    made = _prepare_out_dir(out)
    try:
        recover(out)
        with FileSet(out) as files:
            for report in reports:
                keep = "md" in chosen or keep_assets
                for relative, data in sorted(report.assets.items()) if keep else ():
                    files.stage(relative, data)
                if "docx" in chosen:
                    base = files.new_dir if keep else None
                    docx = report.docx_bytes(base, reference, toc=toc, meta=meta)
                    files.stage(f"{report.stem}.docx", docx)
                if "md" in chosen:
                    files.stage(f"{report.stem}.md", report.markdown.encode("utf-8"))
            return files.commit()
    except BaseException:
        for folder in made:  # the output folders this call created, deepest first
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def check_formats(formats: object) -> tuple[str, ...]:
    """The output formats, checked: a list of known names, never a bare string."""
    chosen = names_arg(formats, "formats", "formats (md, docx)")
    for fmt in chosen:
        if fmt not in FORMATS:
            raise OptionError(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}")
    return chosen


def _prepare_out_dir(out: Path) -> list[Path]:
    """Make ``out`` if needed; return the folders made, deepest first."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file, not a folder")
    missing = [p for p in (out, *out.parents) if not p.exists()]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {out}: {error.strerror}") from None
    return missing


def build(
    facts: DistrictFacts,
    lang: str = "en",
    *,
    templates: str | Path | None = None,
    sections: Sequence[str] | None = None,
    fallback: str | None = None,
    charts: bool = True,
    citations: str = "footnotes",
    chart_format: str = "native",
) -> Report:
    """Render the briefing for ``facts`` in ``lang`` and return it; nothing is written
    (:meth:`Report.write` writes it, :meth:`Report.docx_bytes` gives the DOCX).

    Parameters:

    - ``facts``: the facts, from :func:`reportgen.load_facts`. Facts it did not return as
      they are (made with ``model_copy`` or ``model_construct``) are validated again as a
      fact file would be.
    - ``lang``: ``"en"`` or ``"zh"``, the language of the briefing.
    - ``templates``: a folder of your own templates, searched before the defaults
      (``<folder>/<lang>/`` first, then ``<folder>/``); ``None`` for the defaults only.
      A ``<name>.md.j2`` the defaults lack is a section of your own.
    - ``sections``: the sections to include, by name (``reportgen templates list``:
      ``overview``, ``business_environment`` …), in briefing order whatever the order
      given; ``None`` for all. A data section shown inside another names that one
      (``industry`` → ``overview``); the old name ``business`` still works, with a warning.
    - ``fallback``: a language to use where a text is missing in ``lang`` (``"zh"`` for an
      English briefing of a file without English names); ``None`` makes a missing text
      an error that names its place in the file.
    - ``charts``: draw the charts the templates declare; ``False`` leaves them out, and
      no chart is drawn.
    - ``chart_format``: ``"native"`` (SVG files beside the Markdown in ``Report.assets``,
      native Word charts in the DOCX) or ``"png"`` (matplotlib pictures in both; needs
      the ``png`` extra: ``pip install reportgen[png]``). See docs/charts.md.
    - ``citations``: how sentences cite their sources: ``"footnotes"``, ``"endnotes"``
      (``[1, 3]``) or ``"none"`` (see docs/narrative.md).

    User errors (bad data, a bad template, a bad argument) raise
    :class:`~reportgen.errors.ReportgenError` subclasses that name the place.
    """
    if not isinstance(facts, DistrictFacts):
        raise OptionError(
            f"build() takes DistrictFacts, got {type(facts).__name__}; "
            "read a fact file with reportgen.load_facts(path) first"
        )
    lang = choice_arg(lang, "language", LANGUAGES)
    folder = None if templates is None else path_arg(templates, "templates", "a folder path")
    chosen = check_sections(sections, user_sections(folder, lang))
    if fallback is not None:
        fallback = choice_arg(fallback, "fallback language", LANGUAGES)
    charts = flag_arg(charts, "charts")
    chart_format = choice_arg(chart_format, "chart format", CHART_FORMATS)
    if chart_format == "png" and charts:
        _check_png_extra()
    facts = revalidate(facts)
    context = make_view(facts, lang, fallback)
    formatter = _formatter(lang, facts)
    context |= narrative_context(facts, context, formatter, folder, citations)
    env = make_environment(lang, folder, formatter.filters(), TESTS)
    enabled = [section_template(s) for s in chosen]  # the file stems to include
    context |= {"sections_enabled": enabled, "charts_enabled": charts}
    stem = f"{facts.district.id}.{lang}"
    collector = ChartCollector(
        lang, formatter, assets_dir_name(stem), enabled=charts, chart_format=chart_format
    )
    env.globals.update(_helpers(context), chart=collector)  # globals reach imported macros
    markdown = render_template(env, context)
    markdown, pictures = check_images(  # only charts and pictures inside the template folders
        markdown, getattr(env.loader, "searchpath", []), collector.paths(), assets_dir_name(stem)
    )
    assets = collector.render_assets() | pictures
    title, subject = _title(markdown), _subject(context)
    date = context["data_date"]
    created = dt.datetime(date.year, date.month or 1, date.day or 1, tzinfo=dt.UTC)
    info = facts.meta.model_dump(exclude_none=True)
    return Report(
        facts.district.id, lang, markdown, title, subject, created, assets, info,
        collector.charts(),
    )  # fmt: skip


def _check_png_extra() -> None:
    """PNG charts need matplotlib, the optional ``png`` extra: say how to get it."""
    import importlib.util

    if importlib.util.find_spec("matplotlib") is None:
        raise OptionError(
            "chart format png needs matplotlib, which is not installed; install the png "
            "extra (pip install 'reportgen[png]', or uv sync --extra png) or use the "
            "default native charts"
        )


def _formatter(lang: str, facts: DistrictFacts) -> Formatter:
    return Formatter(lang, city=facts.district.city)


def user_sections(folder: Path | None, lang: str | None = None) -> list[str]:
    """Sections of a user's own: ``<name>.md.j2`` in the template folder (or its ``<lang>/``)
    that the default briefing lacks; names starting with ``_`` are helpers, not sections."""
    if folder is None:
        return []
    found: set[str] = set()
    for where in [folder] + ([folder / lang] if lang else []):
        if where.is_dir():
            found |= {p.name.removesuffix(".md.j2") for p in where.glob("*.md.j2")}
    skip = {"report", "title", "footnotes", *SECTIONS, *map(section_template, SECTIONS)}
    return sorted(n for n in found if not n.startswith("_") and n.isidentifier() and n not in skip)


def check_sections(sections: Sequence[str] | None, extra: Sequence[str] = ()) -> list[str]:
    """The chosen section templates in briefing order (all when None); unknown ones refused.
    ``extra`` are a user's own sections (:func:`user_sections`): they come before the annex."""
    known = [*SECTIONS[:-2], *extra, *SECTIONS[-2:]]
    if sections is None:
        return known
    names = [canonical_section(n) for n in names_arg(sections, "sections", "section names")]
    unknown = [s for s in names if s not in known]
    if unknown:
        raise OptionError(
            f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(known)}"
        )
    return [s for s in known if s in names]


def _title(markdown: str) -> str:
    match = re.search(r"^# (.+)$", markdown, re.MULTILINE)
    return re.sub(r"\\(.)", r"\1", match.group(1)).strip() if match else ""


def _subject(context: dict[str, Any]) -> str:
    """The document subject: the district and its city, as each language names them."""
    district = context["district"]
    if context["lang"].startswith("zh"):
        return f"{district['city']}{district['name']}"
    return f"{district['name']}, {district['city']}"


def _tagged(value: Sequence[str], tag: str) -> bool:
    """Jinja test: ``figures | selectattr("tags", "tagged", "headline")``."""
    return tag in value


TESTS: dict[str, Callable[..., bool]] = {"tagged": _tagged}


def _helpers(context: dict[str, Any]) -> dict[str, Any]:
    from reportgen.render.grouping import template_helpers

    return template_helpers(context)
