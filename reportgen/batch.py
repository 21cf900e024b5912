"""Build several fact files, in worker processes when asked: one briefing set per file."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportgen.build import write_reports
from reportgen.errors import OptionError, ReportgenError
from reportgen.facts.loader import load_facts


@dataclass(frozen=True)
class BuildJob:
    """Everything needed to build one fact file (picklable for worker processes)."""

    data: Path
    langs: tuple[str, ...]
    formats: tuple[str, ...]
    out: Path
    templates: Path | None = None
    sections: tuple[str, ...] | None = None
    fallback: str | None = None
    charts: bool = True
    reference_doc: Path | None = None
    citations: str = "footnotes"
    toc: bool = False  # DOCX: a table of contents
    meta: tuple[tuple[str, str], ...] = ()  # DOCX: masthead and closing block (--meta)
    keep_assets: bool = False  # DOCX alone: also write the charts beside it
    provenance: bool = False  # the provenance appendix (reportgen.editions)
    bilingual_layout: str = "stacked"  # Markdown of a zh+en / en+zh edition
    chart_format: str = "native"  # native DOCX charts and SVG, or matplotlib PNGs


@dataclass(frozen=True)
class JobResult:
    """The files one job wrote, or the user error that stopped it."""

    data: Path
    written: tuple[Path, ...] = ()
    error: ReportgenError | None = None


def run_job(job: BuildJob) -> JobResult:
    """Load, build every language and write every format, all or nothing (a failure
    writes no file); user errors are returned."""
    from reportgen.editions.build import build_edition  # imported when a job runs

    try:
        facts = load_facts(job.data)
        reports = [
            build_edition(  # a language, or a bilingual edition (zh+en), with --provenance
                facts,
                lang,
                provenance=job.provenance,
                layout=job.bilingual_layout,
                templates=job.templates,
                sections=job.sections,
                fallback=job.fallback,
                charts=job.charts,
                citations=job.citations,
                chart_format=job.chart_format,
            )
            for lang in job.langs
        ]
        written = write_reports(
            reports, job.out, job.formats, reference_doc=job.reference_doc, toc=job.toc,
            meta=dict(job.meta), keep_assets=job.keep_assets,
        )  # fmt: skip
        return JobResult(job.data, tuple(written))
    except ReportgenError as error:
        return JobResult(job.data, error=error)


def check_distinct_districts(jobs: Sequence[BuildJob]) -> None:
    """Refuse, before anything is built, two fact files that describe one district into one
    output folder: the second set of briefings would replace the first.

    A file that cannot be loaded is left for its job to report.
    """
    seen: dict[tuple[Path, str], Path] = {}
    for job in jobs:
        try:
            with warnings.catch_warnings():  # the job itself warns, once
                warnings.simplefilter("ignore")
                district = load_facts(job.data).district.id
        except ReportgenError:
            continue
        key = (job.out, district)
        if key in seen:
            raise OptionError(
                f"{seen[key]} and {job.data} both describe district '{district}'; their "
                f"briefings would overwrite each other in {job.out}"
            )
        seen[key] = job.data


def run_jobs(
    jobs: Sequence[BuildJob], workers: int = 1, progress: Callable[[JobResult], None] | None = None
) -> list[JobResult]:
    """Run the jobs (in ``workers`` processes when more than one), in order.

    Two jobs for one district and output folder are refused first (OptionError).
    """
    if len(jobs) > 1:
        check_distinct_districts(jobs)
    results: list[JobResult] = []
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            results.append(run_job(job))
            if progress:
                progress(results[-1])
        return results
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only for workers

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(run_job, jobs):
            results.append(result)
            if progress:
                progress(result)
    return results
