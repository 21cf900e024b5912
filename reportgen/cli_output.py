"""What the command line prints and reads besides files: verbosity, a progress line,
facts from standard input, a briefing to standard output, stale charts removed."""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from reportgen.errors import DataError, OptionError, Problem, ReportgenError

#: Where the verbosity is kept in the root context's ``meta``.
_LEVEL = "reportgen.verbosity"
#: How ``-`` is named in messages.
STDIN_NAME = "<stdin>"
#: Shown when a single build takes longer than this many seconds.
PROGRESS_DELAY = 1.0
#: Options every command takes: ``-h`` as well as ``--help``.
CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


def _set_level(value: int) -> Callable[[click.Context, click.Parameter, Any], None]:
    def callback(ctx: click.Context, _: click.Parameter, given: Any) -> None:
        if given:
            ctx.find_root().meta[_LEVEL] = value * (given if isinstance(given, int) else 1)

    return callback


def verbosity_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``-q/--quiet`` (errors only), ``-v/--verbose`` (what is done, with timings) and
    ``--no-cache`` (reportgen/cache.py)."""
    quiet = click.option(
        "-q", "--quiet", is_flag=True, expose_value=False, callback=_set_level(-1),
        help="Print errors only.",
    )  # fmt: skip
    verbose = click.option(
        "-v", "--verbose", count=True, expose_value=False, callback=_set_level(1),
        help="Also say what is done, with timings.",
    )  # fmt: skip
    no_cache = click.option(
        "--no-cache", is_flag=True, expose_value=False, callback=_no_cache,
        help="Neither read nor write the caches in the user cache folder.",
    )  # fmt: skip
    return quiet(verbose(no_cache(command)))


def _no_cache(_ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        from reportgen.cache import set_enabled

        set_enabled(False)


def level() -> int:
    """-1 quiet, 0 normal, 1 or more verbose (outside a command: normal)."""
    ctx = click.get_current_context(silent=True)
    return 0 if ctx is None else int(ctx.find_root().meta.get(_LEVEL, 0))


def say(message: str) -> None:
    """Print a result line (a file written) unless quiet."""
    if level() >= 0:
        click.echo(message)


def detail(message: str) -> None:
    """Print a line of detail on stderr when verbose."""
    if level() > 0:
        click.echo(message, err=True)


def show_help_without_command(ctx: click.Context) -> None:
    """``reportgen`` alone prints its help and exits 0."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
        ctx.exit(0)


def complete_values(*values: str) -> Callable[..., list[str]]:
    """Shell completion of an option's values (``--lang`` → en, zh, all)."""

    def complete(_ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete)]

    return complete


@contextmanager
def progress_line(
    label: str,
    stream: TextIO | None = None,
    delay: float = PROGRESS_DELAY,
    interval: float = 0.2,
) -> Iterator[None]:
    """Show ``label`` with a spinner on a terminal when the work takes more than ``delay``
    seconds; the line is cleared when it is done. Nothing on a pipe or when quiet."""
    out = stream or sys.stderr
    if level() < 0 or not out.isatty():
        yield
        return
    done = threading.Event()
    shown = threading.Event()

    def spin() -> None:
        if done.wait(delay):
            return
        started = time.monotonic() - delay
        for frame in _frames():
            shown.set()
            out.write(f"\r{frame} {label} {time.monotonic() - started:4.1f} s")
            out.flush()
            if done.wait(interval):
                return

    thread = threading.Thread(target=spin, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        if shown.is_set():
            out.write("\r\033[K")
            out.flush()


@contextmanager
def timed(what: str) -> Iterator[None]:
    """Say, when verbose, how long ``what`` took."""
    started = time.perf_counter()
    yield
    detail(f"{what} in {time.perf_counter() - started:.2f} s")


def _frames() -> Iterator[str]:
    while True:
        yield from "|/-\\"


class StdinFacts:
    """Facts given as ``-``: read from standard input (size-bounded) into a private
    temporary file, and errors named ``<stdin>`` rather than that file."""

    def __init__(self, max_bytes: int | None = None) -> None:
        from reportgen.facts.loader import MAX_FILE_BYTES

        self.max_bytes: int = MAX_FILE_BYTES if max_bytes is None else max_bytes
        self.folder: Path | None = None

    def paths(self, data: Sequence[Path]) -> tuple[Path, ...]:
        """``data`` with ``-`` replaced by the file holding standard input."""
        if sum(str(p) == "-" for p in data) > 1:
            raise OptionError("- (standard input) can be given once")
        return tuple(self._read() if str(p) == "-" else p for p in data)

    def _read(self) -> Path:
        raw = sys.stdin.buffer.read(self.max_bytes + 1)
        if len(raw) > self.max_bytes:
            size = (
                f"{self.max_bytes // 2**20} MiB"
                if self.max_bytes >= 2**20
                else f"{self.max_bytes:,} bytes"
            )
            message = f"is larger than {size}; is it really a fact file?"
            raise DataError(message, [Problem(STDIN_NAME, None, None, message)])
        self.folder = Path(tempfile.mkdtemp(prefix="reportgen-stdin-"))
        path = self.folder / "stdin.yaml"
        path.write_bytes(raw)
        return path

    def relabel(self, error: ReportgenError) -> ReportgenError:
        """The error with the temporary file named ``<stdin>``."""
        if self.folder is None:
            return error
        name = str(self.folder / "stdin.yaml")
        problems = [
            Problem(STDIN_NAME if p.file == name else p.file, p.line, p.column, p.message)
            for p in error.problems
        ]
        message = str(error.args[0]) if error.args else ""
        return type(error)(message.replace(name, STDIN_NAME), problems)

    def close(self) -> None:
        """Remove the temporary file."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def stdout_folder(langs: Sequence[str], formats: Sequence[str], data: Sequence[Path]) -> Path:
    """A private folder to build the one Markdown document that ``--out -`` prints."""
    if len(langs) != 1 or tuple(formats) != ("md",) or len(data) > 1:
        raise OptionError(
            "--out - prints one Markdown document: give one fact file, one --lang and --format md"
        )
    return Path(tempfile.mkdtemp(prefix="reportgen-out-"))


def print_document(written: Sequence[Path]) -> None:
    """Print the Markdown document that a ``--out -`` build wrote."""
    for path in written:
        if path.suffix == ".md":
            click.echo(path.read_text(encoding="utf-8"), nl=False)


#: The files a chart is drawn as (SVG for Markdown, PNG for DOCX or with the matplotlib backend).
_CHART_SUFFIXES = {".svg", ".png"}


def remove_stale_charts(written: Sequence[Path]) -> list[Path]:
    """After a build without charts, remove the chart images an earlier build left in the
    ``<stem>.assets/`` folder of each Markdown document written now (its links to them are
    gone); the folder goes too when that leaves it empty. Links are removed, never followed.
    """
    removed: list[Path] = []
    for document in written:
        if document.suffix != ".md":
            continue
        assets = document.with_name(document.name.removesuffix(".md") + ".assets")
        if assets.is_symlink() or not assets.is_dir():
            continue
        for chart in sorted(p for p in assets.glob("chart-*") if p.suffix in _CHART_SUFFIXES):
            if chart.is_file() or chart.is_symlink():
                chart.unlink()
                removed.append(chart)
        if removed and not any(assets.iterdir()):
            assets.rmdir()
    return removed
