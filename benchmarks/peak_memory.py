"""Peak memory building 100 and then 1,000 documents in one process: it must stay flat.

    uv run python benchmarks/peak_memory.py [--batches 100,1000] [--window 10] [--json]

Documents are the generated districts' briefings (``districts.py``), en and zh, built
and written as DOCX with charts off, as ``reportgen build A.yaml B.yaml … --lang all
--format docx --no-charts`` does in one process; the districts are used in turn (a
batch of 1,000 documents goes round 200 districts two and a half times). Two
districts are built first, untimed and unmeasured (imports and first-use caches).

Two measurements per batch:

- ``resource.getrusage`` peak resident set (maxrss) before and after the batch, and
  the resident set at its end (``/proc/self/statm``): a leak shows as growth over the
  1,000 documents;
- ``tracemalloc`` over the first and the last ``--window`` documents of each batch
  (tracing makes Python ~3x slower, so only these are traced): the largest peak of
  traced memory while one document was built, and what the window's documents left
  allocated after a full collection (retained).

``run_all.py`` runs this in a fresh process, before its in-process benchmarks: on
Linux a child's maxrss starts from its parent's resident set at the fork (it is kept
across exec), so the 5,000-row table must not have grown the parent first. The
resident set before and after each batch is shown too; it is not inherited.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from benchlib import machine, table, verdict
from districts import SEED, generate

LANGS = ("en", "zh")
MB = 1024 * 1024


@dataclass
class MemoryBatch:
    """One batch: its documents, time, resident set and traced memory (bytes)."""

    documents: int
    seconds: float
    maxrss_before: int
    maxrss_after: int
    rss_before: int
    rss_after: int
    traced_peak_first: int  # the largest one-document peak in the first window
    traced_peak_last: int  # … in the last window
    retained_first: int  # left allocated by the first window's documents
    retained_last: int

    @property
    def traced_peak(self) -> int:
        """The larger of the two windows' peaks."""
        return max(self.traced_peak_first, self.traced_peak_last)


def _maxrss() -> int:
    """The process's peak resident set so far, in bytes (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _rss() -> int:
    """The process's resident set now, in bytes (0 where /proc is missing)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _documents(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """(district, language) for ever: the districts in turn, en then zh each."""
    for path in itertools.cycle(paths):
        for lang in LANGS:
            yield path, lang


class Builder:
    """Builds documents one at a time, loading each district's facts once per visit."""

    def __init__(self, paths: list[Path], out: Path) -> None:
        self.queue = _documents(paths)
        self.out = out
        self.facts: object = None
        self.current: Path | None = None

    def next(self) -> None:
        """Build and write the next document."""
        from reportgen.build import build
        from reportgen.facts import load_facts

        path, lang = next(self.queue)
        if path != self.current or lang == LANGS[0]:
            self.facts, self.current = load_facts(path), path
        build(self.facts, lang, charts=False).write(self.out, ["docx"])  # type: ignore[arg-type]


def _traced_window(builder: Builder, count: int) -> tuple[int, int]:
    """Build ``count`` documents under tracemalloc: (largest one-document peak, retained)."""
    gc.collect()
    tracemalloc.start()
    peak = 0
    try:
        for _ in range(count):
            tracemalloc.reset_peak()
            builder.next()
            peak = max(peak, tracemalloc.get_traced_memory()[1])
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return peak, retained


def measure_batch(builder: Builder, documents: int, window: int) -> MemoryBatch:
    """Build ``documents`` documents, the first and last ``window`` of them traced."""
    window = max(1, min(window, documents // 2))
    gc.collect()
    before, rss_before = _maxrss(), _rss()
    start = time.perf_counter()
    peak_first, retained_first = _traced_window(builder, window)
    for _ in range(documents - 2 * window):
        builder.next()
    peak_last, retained_last = _traced_window(builder, window)
    seconds = time.perf_counter() - start
    gc.collect()
    return MemoryBatch(
        documents, seconds, before, _maxrss(), rss_before, _rss(), peak_first, peak_last,
        retained_first, retained_last,
    )  # fmt: skip


def measure_memory(
    paths: list[Path], out: Path, batches: tuple[int, ...] = (100, 1000), window: int = 10
) -> list[MemoryBatch]:
    """Warm up on two districts, then build each batch in turn in this process."""
    builder = Builder(paths, out)
    for _ in range(2 * len(LANGS)):
        builder.next()
    builder.queue = _documents(paths)  # the batches start from the first district
    return [measure_batch(builder, count, window) for count in batches]


def flat(batches: list[MemoryBatch]) -> bool:
    """Flat: the last batch's traced peak within 10 % (+1 MB) of the first batch's, and
    the peak resident set grown by less than 10 MB over the last batch."""
    first, last = batches[0], batches[-1]
    peak_ok = last.traced_peak <= first.traced_peak * 1.1 + MB
    return peak_ok and last.maxrss_after - last.maxrss_before < 10 * MB


def memory_table(batches: list[MemoryBatch]) -> list[str]:
    """Both measurements per batch, in MB."""
    rows = []
    for index, batch in enumerate(batches):
        rows.append((
            f"{'then ' if index else ''}{batch.documents:,} documents",
            f"{batch.seconds:.1f}",
            f"{batch.traced_peak_first / MB:.1f} / {batch.traced_peak_last / MB:.1f}",
            f"{batch.retained_first / 1024:.0f} / {batch.retained_last / 1024:.0f}",
            f"{batch.maxrss_before / MB:.1f} → {batch.maxrss_after / MB:.1f}",
            f"{(batch.maxrss_after - batch.maxrss_before) / MB:+.1f}",
            f"{batch.rss_before / MB:.1f} → {batch.rss_after / MB:.1f}",
        ))  # fmt: skip
    lines = table(
        ("one process, DOCX, charts off", "seconds",
         "tracemalloc peak per document, first / last window (MB)",
         "retained by a window, first / last (KB)", "maxrss before → after (MB)",
         "maxrss growth (MB)", "RSS before → after (MB)"),
        "lrrrrrr",
        rows,
    )  # fmt: skip
    first, last = batches[0], batches[-1]
    lines.append("")
    lines.append(
        f"Flat: {verdict(flat(batches))} (traced peak {first.traced_peak / MB:.1f} MB → "
        f"{last.traced_peak / MB:.1f} MB; maxrss "
        f"{(last.maxrss_after - last.maxrss_before) / MB:+.1f} MB over the last "
        f"{last.documents:,} documents)."
    )
    return lines


def main() -> int:
    """Run the batches; print the table, or the numbers as JSON (``--json``)."""
    parser = argparse.ArgumentParser(description="peak memory over many documents")
    parser.add_argument("--batches", default="100,1000", help="documents per batch, in turn")
    parser.add_argument("--window", type=int, default=10, help="documents traced at each end")
    parser.add_argument("--districts", type=Path, help="folder of generated fact files")
    parser.add_argument("--count", type=int, default=200, help="districts to generate")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    sizes = tuple(int(n) for n in args.batches.split(","))
    with tempfile.TemporaryDirectory(prefix="memory-bench-") as folder:
        work = Path(folder)
        if args.districts:
            paths = sorted(args.districts.glob("*.yaml"), key=lambda p: p.stem.rsplit("-")[-1])
        else:
            paths = generate(work / "districts", args.count, SEED)
        batches = measure_memory(paths, work / "out", sizes, args.window)
    if args.json:
        print(json.dumps([asdict(batch) for batch in batches]))
    else:
        print("\n".join([*machine(), "", *memory_table(batches)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
