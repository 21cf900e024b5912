"""The pipeline: facts → view(lang) → rendered Markdown → written files."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.charts import ChartCollector
from reportgen.errors import OptionError, OutputError
from reportgen.facts.model import DistrictFacts
from reportgen.i18n.formatter import Formatter
from reportgen.render.environment import make_environment, render_template
from reportgen.render.images import check_images
from reportgen.render.view import make_view
from reportgen.writers.atomic import write_bytes_atomic
from reportgen.writers.markdown import assets_dir_name, write_assets

LANGUAGES = ("en", "zh")
FORMATS = ("md", "docx")
#: The section templates of the default briefing, in order (``--sections`` picks from these).
SECTIONS = (
    "summary", "overview", "projects", "innovation", "consumption",
    "livelihood", "business", "outlook", "sources",
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

    @property
    def stem(self) -> str:
        """The output file stem, ``<district-id>.<lang>``."""
        return f"{self.district_id}.{self.lang}"

    def write(
        self,
        out_dir: str | Path,
        formats: Sequence[str] = ("md",),
        *,
        reference_doc: Path | None = None,
    ) -> list[Path]:
        """Write the report in each format into ``out_dir``; return the paths written.

        Every document is produced in memory first and each file is replaced
        atomically, so a failure leaves the earlier files as they were.
        """
        return write_reports([self], out_dir, formats, reference_doc=reference_doc)

    def docx_bytes(self, base_dir: Path, reference_doc: Path | None = None) -> bytes:
        """The DOCX document; its pictures are read from ``base_dir``."""
        from reportgen.writers.docx import DocxMeta, render_docx

        meta = DocxMeta(
            lang=self.lang,
            title=self.title,
            subject=self.subject,
            header_text=self.title,
            created=self.created,
            toc_title="目录" if self.lang.startswith("zh") else "Contents",
        )
        return render_docx(self.markdown, meta, base_dir=base_dir, reference_doc=reference_doc)


def write_reports(
    reports: Sequence[Report],
    out_dir: str | Path,
    formats: Sequence[str] = ("md",),
    *,
    reference_doc: Path | None = None,
) -> list[Path]:
    """Write every report in every format into ``out_dir``, all or nothing.

    Every file is produced in memory first (a DOCX from a staging folder that holds
    its assets) and nothing is written until all are ready and none is blocked, so a
    failure in one language or format leaves ``out_dir`` as it was. Each file is
    then replaced atomically. Returns the paths written.
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise OptionError(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}")
    files: list[tuple[str, bytes]] = []
    with tempfile.TemporaryDirectory(prefix="reportgen-") as staging:
        for report in reports:
            assets = sorted(report.assets.items())
            files += assets
            if "docx" in formats:
                write_assets(Path(staging), dict(assets))  # the DOCX writer embeds them from disk
                docx = report.docx_bytes(Path(staging), reference_doc)
                files.append((f"{report.stem}.docx", docx))
            if "md" in formats:
                files.append((f"{report.stem}.md", report.markdown.encode("utf-8")))
    out = Path(out_dir)
    for relative, _ in files:
        _check_target(out, relative)
    out = _prepare_out_dir(out)
    written: list[Path] = []
    for relative, data in files:
        path = out / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"cannot create {path.parent}: {error.strerror}") from None
        write_bytes_atomic(path, data)
        written.append(path)
    return written


def _check_target(out: Path, relative: str) -> None:
    """Refuse a file whose path is taken by a folder, or runs through a file, in ``out``."""
    path = out / relative
    if path.is_dir():
        raise OutputError(f"cannot write {path}: a folder of that name is in the way")
    for parent in path.relative_to(out).parents:
        if (out / parent).exists() and not (out / parent).is_dir():
            raise OutputError(f"cannot write {path}: {out / parent} is a file, not a folder")


def _prepare_out_dir(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {out}: {error.strerror}") from None
    return out


def build(
    facts: DistrictFacts,
    lang: str = "en",
    *,
    templates: str | Path | None = None,
    sections: Sequence[str] | None = None,
    fallback: str | None = None,
    charts: bool = True,
) -> Report:
    """Render the briefing for ``facts`` in ``lang`` and return it (nothing is written)."""
    if lang not in LANGUAGES:
        raise OptionError(f"unknown language '{lang}'; choose from {', '.join(LANGUAGES)}")
    chosen = check_sections(sections)
    context = make_view(facts, lang, fallback)
    formatter = _formatter(lang, facts)
    env = make_environment(
        lang, None if templates is None else Path(templates), formatter.filters(), TESTS
    )
    context |= {"sections_enabled": chosen, "charts_enabled": charts}
    stem = f"{facts.district.id}.{lang}"
    collector = ChartCollector(lang, formatter, assets_dir_name(stem), enabled=charts)
    env.globals.update(_helpers(context), chart=collector)  # globals reach imported macros
    markdown = render_template(env, context)
    markdown, pictures = check_images(  # only charts and pictures inside the template folders
        markdown, getattr(env.loader, "searchpath", []), collector.paths(), assets_dir_name(stem)
    )
    assets = collector.render_assets() | pictures
    title, subject = _title(markdown), _subject(context)
    date = context["data_date"]
    created = dt.datetime(date.year, date.month or 1, date.day or 1, tzinfo=dt.UTC)
    return Report(facts.district.id, lang, markdown, title, subject, created, assets)


def _formatter(lang: str, facts: DistrictFacts) -> Formatter:
    return Formatter(lang, city=facts.district.city)


def check_sections(sections: Sequence[str] | None) -> list[str]:
    """The chosen section templates in briefing order (all when None); unknown ones refused."""
    if sections is None:
        return list(SECTIONS)
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        raise OptionError(
            f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}"
        )
    return [s for s in SECTIONS if s in sections]


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
