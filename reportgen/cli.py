"""The ``reportgen`` command: parse options, call the API, print results.

User errors print ``file:line:col: message`` lines on stderr and exit 2.
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import click

from reportgen.batch import BuildJob, JobResult
from reportgen.build import SECTIONS
from reportgen.cli_init import project_facts
from reportgen.cli_output import (
    CONTEXT,
    StdinFacts,
    complete_values,
    detail,
    level,
    print_document,
    progress_line,
    remove_stale_charts,
    say,
    show_help_without_command,
    stdout_folder,
    timed,
    verbosity_options,
)
from reportgen.errors import OptionError, ReportgenError

#: Commands imported only when they run (or help lists them): name → (module, attribute).
_LAZY = {"glossary": ("reportgen.i18n.glossary_cli", "glossary")}


class _Group(click.Group):
    """A click group that turns :class:`ReportgenError` into exit status 2, no traceback,
    and prints warnings as ``warning: …`` lines."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = super().list_commands(ctx)
        return sorted({*names, *(_LAZY if self.name == "main" else ())})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if self.name == "main" and cmd_name in _LAZY and cmd_name not in self.commands:
            import importlib

            module, attribute = _LAZY[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attribute))
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = _show_warning
            try:
                return super().invoke(ctx)
            except ReportgenError as error:
                _print_error(error)
                ctx.exit(error.exit_code)
            except click.UsageError as error:  # one line, naming the option, not click's usage
                click.echo(f"Error: {error.format_message()}", err=True)
                ctx.exit(error.exit_code)


def _show_warning(message: Warning | str, *_: object, **__: object) -> None:
    if level() >= 0:  # -q: errors only
        click.echo(f"warning: {message}", err=True)


def _print_error(error: ReportgenError) -> None:
    for line in error.lines():
        click.echo(line if error.problems else f"error: {line}", err=True)


@click.group(cls=_Group, invoke_without_command=True, context_settings=CONTEXT)
@click.version_option(package_name="reportgen")
@verbosity_options
@click.pass_context
def main(ctx: click.Context) -> None:
    """Bilingual district briefings from sourced facts.

    Start with `reportgen init DIR`, or draft facts from an article with `reportgen
    extract`. Shell completion: see docs/cli.md.
    """
    show_help_without_command(ctx)


@main.command()
@verbosity_options
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--sources",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of source article texts: check every quote verbatim.",
)
def validate(files: tuple[Path, ...], sources: Path | None) -> None:
    """Check fact FILES (default: facts.yaml here, else the packaged dataset); exit 2
    listing every problem."""
    from reportgen.errors import DataError, Problem
    from reportgen.facts import load_facts
    from reportgen.resources import default_facts_path

    if sources is not None and not sources.is_dir():
        raise click.BadParameter(f"{sources} is not a folder", param_hint="--sources")
    problems: list[Problem] = []
    for path in files or (project_facts(default_facts_path()),):
        try:
            facts = load_facts(path, sources_dir=sources)
        except DataError as error:
            problems.extend(error.problems)
            continue
        _warn_missing_texts(facts)
        by_section = Counter(f.section.value for f in facts.figures)
        summary = ", ".join(f"{name} {count}" for name, count in sorted(by_section.items()))
        say(
            f"{path}: ok: {len(facts.figures)} figures ({summary}), "
            f"{len(facts.entities)} entities, {len(facts.sources)} sources"
            + (", every quote found" if sources else "")
        )
    if problems:
        raise DataError(f"{len(problems)} problem(s)", problems)


def _warn_missing_texts(facts: Any) -> None:
    """Warn of every text (an entity's name, a measure …) that a briefing in each
    language shows and the data lacks: such a build stops there without a fallback."""
    from reportgen.errors import DataError, DataWarning
    from reportgen.render.view import make_view

    for lang in ("en", "zh"):
        try:
            make_view(facts, lang)
        except DataError as error:
            for problem in error.problems:
                warnings.warn(DataWarning(str(problem)), stacklevel=1)


def _split(value: str, choices: tuple[str, ...], option: str) -> tuple[str, ...]:
    if value == "all":
        return choices
    if value not in choices:
        raise OptionError(f"{option} {value}: choose from {', '.join(choices)} or all")
    return (value,)


@main.command()
@verbosity_options
@click.argument("data", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--lang", "lang", default="en", show_default=True,
    help="en, zh, all (zh and en), a bilingual edition zh+en or en+zh (the first leads),"
    " or several: zh,en,zh+en.",
    shell_complete=complete_values("en", "zh", "all", "zh+en", "en+zh"),
)  # fmt: skip
@click.option(
    "--format", "fmt", default="md", show_default=True, help="md, docx or all.",
    shell_complete=complete_values("md", "docx", "all"),
)  # fmt: skip
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for <district-id>.<lang>.md/.docx and the charts beside them; - prints the"
    " one Markdown document (one --lang, --format md, no charts).",
)
@click.option("--templates", type=click.Path(path_type=Path), help="Your template folder.")
@click.option(
    "--sections",
    help=f"Comma-separated sections to include (default: all): {', '.join(SECTIONS)}.",
)
@click.option("--reference-doc", type=click.Path(path_type=Path), help="DOCX of house styles.")
@click.option("--fallback", help="Use this language where a text is missing.")
@click.option(
    "--no-charts",
    is_flag=True,
    help="Leave the charts out (and remove those an earlier build left beside the .md).",
)
@click.option(
    "--chart-format",
    default="native",
    show_default=True,
    help="native: native Word charts in the DOCX and SVG files beside the Markdown; png:"
    " matplotlib pictures in both (needs the png extra: pip install 'reportgen[png]').",
    shell_complete=complete_values("native", "png"),
)
@click.option(
    "--keep-assets",
    is_flag=True,
    help="With --format docx alone, also write the charts' image files (the DOCX embeds them).",
)
@click.option(
    "--citations",
    default="footnotes",
    show_default=True,
    help="How sentences cite their sources: footnotes, endnotes ([1, 3]) or none.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes when building several DATA files (1: measured the fastest on a"
    " busy 2-CPU machine for 1-40 files, docs/performance.md).",
)
@click.option("--toc", is_flag=True, help="DOCX: add a table of contents (off by default).")
@click.option(
    "--provenance",
    is_flag=True,
    help="Add the provenance appendix (every fact's quote, source and note), linked from"
    " each citation mark.",
)
@click.option(
    "--bilingual-layout",
    default="stacked",
    show_default=True,
    help="Markdown of a zh+en / en+zh edition: stacked (one language after the other) or"
    " table (an HTML table, side by side).",
    shell_complete=complete_values("stacked", "table"),
)
@click.option(
    "--meta",
    "meta_items",
    multiple=True,
    metavar="KEY=VALUE",
    help="DOCX masthead and closing block, e.g. --meta briefing=槐荫区经济运行简报 --meta issue=3"
    " (keys: briefing, issue, office, date, to, cc, printed_by, printed_on).",
)
def build(
    data: tuple[Path, ...],
    lang: str,
    fmt: str,
    out: Path,
    templates: Path | None,
    sections: str | None,
    reference_doc: Path | None,
    fallback: str | None,
    no_charts: bool,
    chart_format: str,
    keep_assets: bool,
    citations: str,
    jobs: int,
    toc: bool,
    provenance: bool,
    bilingual_layout: str,
    meta_items: tuple[str, ...],
) -> None:
    """Build briefings from DATA fact files (default: facts.yaml here, else the packaged
    Huaiyin dataset); - reads one fact file from standard input."""
    from reportgen.build import FORMATS
    from reportgen.editions.build import check_layout, parse_langs
    from reportgen.resources import default_facts_path

    langs = parse_langs(lang)  # zh, en, zh+en, en+zh (reportgen.editions)
    check_layout(bilingual_layout)
    formats = _split(fmt, FORMATS, "--format")
    to_stdout = str(out) == "-"
    if to_stdout:  # one Markdown document, built in a private folder, then printed
        out, no_charts = stdout_folder(langs, formats, data), True
        click.get_current_context().call_on_close(lambda: shutil.rmtree(out, True))
    stdin = StdinFacts()
    click.get_current_context().call_on_close(stdin.close)
    data = stdin.paths(data)
    chosen = _sections(sections, templates, langs)
    from reportgen.narrative.context import check_citations

    try:
        check_citations(citations)
    except OptionError:
        raise OptionError(
            f"--citations {citations}: choose from footnotes, endnotes or none"
        ) from None
    _check_build_options(out, templates, reference_doc, fallback)
    meta = _meta(meta_items)
    from reportgen.writers.fileset import recover

    recover(out)  # a build killed while writing left a half-replaced set: restore it first
    if reference_doc is not None and "docx" in formats:
        from reportgen.writers.docx_package import open_reference

        open_reference(reference_doc)  # a text file or a zip that is not a .docx: say so now
    batch = [
        BuildJob(path, langs, formats, out, templates, chosen, fallback, not no_charts,
                 reference_doc, citations, toc=toc, meta=meta, keep_assets=keep_assets,
                 provenance=provenance, bilingual_layout=bilingual_layout,
                 chart_format=chart_format)
        for path in data or (project_facts(default_facts_path()),)
    ]  # fmt: skip
    errors: list[ReportgenError] = []
    for result in _run_with_progress(batch, jobs):
        if to_stdout:
            print_document(result.written)
        for path in () if to_stdout else result.written:
            say(str(path))
        for chart in remove_stale_charts(result.written) if no_charts else ():
            detail(f"removed {chart} (an earlier build's chart)")
        if result.error is not None:
            errors.append(stdin.relabel(result.error))
    for error in errors[:-1]:
        _print_error(error)
    if errors:
        raise errors[-1]


def _meta(items: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``--meta KEY=VALUE`` options as pairs, keys checked (docs/docx.md lists them)."""
    if not items:  # the DOCX writer (lxml, python-docx) is not imported for nothing
        return ()
    from reportgen.writers.docx_masthead import check_info

    pairs = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise OptionError(f"--meta {item}: write KEY=VALUE")
        pairs.append((key.strip(), value.strip()))
    check_info(dict(pairs))
    return tuple(pairs)


def _run_with_progress(batch: list[BuildJob], jobs: int) -> list[JobResult]:
    """Run the jobs, with a progress bar on a terminal when there are several."""
    from reportgen.batch import run_jobs

    if len(batch) < 2 or not sys.stderr.isatty():
        label = f"building {batch[0].data.name}" if batch else "building"
        with progress_line(label), timed(f"built {len(batch)} fact file(s), --jobs {jobs},"):
            return run_jobs(batch, jobs)
    with click.progressbar(length=len(batch), label="building", file=sys.stderr) as bar:
        return run_jobs(batch, jobs, lambda _: bar.update(1))


def _sections(
    sections: str | None, templates: Path | None = None, langs: tuple[str, ...] = ()
) -> tuple[str, ...] | None:
    """The sections named by ``--sections`` (None: all), checked before anything is built;
    a section of the user's own (a ``<name>.md.j2`` in ``--templates``) is accepted."""
    from reportgen.build import check_sections, user_sections

    if sections is None:
        return None
    chosen = tuple(s.strip() for s in sections.split(",") if s.strip())
    if not chosen:
        raise OptionError(f"--sections {sections!r}: name at least one section")
    try:
        own = sorted({n for lang in langs or (None,) for n in user_sections(templates, lang)})
        chosen = tuple(check_sections(chosen, own))  # in order, old names translated
    except OptionError as error:
        raise OptionError(f"--sections {sections}: {error}") from None
    return chosen


def _check_out(out: Path) -> None:
    """``--out`` is a writable folder, or can be made in the nearest folder that exists."""
    try:
        existing = next(p for p in (out, *out.parents) if p.exists())
    except OSError as error:  # e.g. a parent folder that cannot be searched
        raise OptionError(f"--out {out}: {error.strerror}") from None
    if existing == out:
        if not out.is_dir():
            raise OptionError(f"--out {out} is a file, not a folder")
        if not os.access(out, os.W_OK | os.X_OK):
            raise OptionError(f"--out {out} is not writable")
    elif not existing.is_dir():
        raise OptionError(f"--out {out}: {existing} is a file, not a folder")
    elif not os.access(existing, os.W_OK | os.X_OK):
        raise OptionError(f"--out {out} cannot be created: {existing} is not writable")


def _check_build_options(
    out: Path, templates: Path | None, reference_doc: Path | None, fallback: str | None
) -> None:
    """Refuse bad options before anything is built or written."""
    from reportgen.build import LANGUAGES

    _check_out(out)
    if templates is not None and not templates.is_dir():
        what = "is a file, not a folder" if templates.exists() else "no such folder"
        raise OptionError(f"--templates {templates}: {what}")
    if reference_doc is not None:
        from reportgen.writers.docx_reference_safety import non_regular

        kind = non_regular(reference_doc)
        if kind is not None:
            what = {"is a folder": "is a folder, not a file", "no such file": kind}.get(
                kind, f"{kind}, not a regular file"
            )
            raise OptionError(f"--reference-doc {reference_doc}: {what}")
    if fallback is not None and fallback not in LANGUAGES:
        raise OptionError(f"--fallback {fallback}: choose from {', '.join(LANGUAGES)}")


@main.group("reference-doc")
def reference_doc_group() -> None:
    """Work with the DOCX reference document (house styles)."""


@reference_doc_group.command("export")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--lang", default="zh", show_default=True, help="zh (GB/T 9704 look) or en.")
def export_reference(target: Path, lang: str) -> None:
    """Write the default reference document to TARGET, to edit in Word and pass back
    with --reference-doc."""
    from reportgen.build import LANGUAGES
    from reportgen.writers.atomic import write_bytes_atomic
    from reportgen.writers.docx_reference import reference_path

    if lang not in LANGUAGES:
        raise OptionError(f"--lang {lang}: choose from {', '.join(LANGUAGES)}")
    if target.is_dir():
        raise OptionError(f"{target} is a folder; name the .docx file to write")
    if not target.parent.is_dir():
        raise OptionError(f"{target}: no folder {target.parent}")
    write_bytes_atomic(target, reference_path(lang).read_bytes())
    click.echo(str(target))


@main.group()
def templates() -> None:
    """Work with templates."""


@templates.command("export")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--lang", default="all", show_default=True, help="en, zh or all.")
def export(target: Path, lang: str) -> None:
    """Copy the default templates into TARGET as a starting point for your own."""
    from reportgen.build import LANGUAGES
    from reportgen.render.export import export_templates

    for path in export_templates(target, _split(lang, LANGUAGES, "--lang")):
        click.echo(str(path))


# The commands of other modules (cli_*.py).
from reportgen.cli_extract import extract  # noqa: E402
from reportgen.cli_init import init  # noqa: E402
from reportgen.cli_schema import schema  # noqa: E402
from reportgen.cli_templates import list_templates  # noqa: E402
from reportgen.cli_trace import trace  # noqa: E402

main.add_command(extract)
main.add_command(init)
main.add_command(schema)
main.add_command(trace)
templates.add_command(list_templates)
