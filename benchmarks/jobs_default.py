"""How many worker processes pay off: `reportgen build FILES --lang all --format all --jobs N`.

Each run is a fresh CLI process building COUNT generated districts (benchmarks/districts.py)
with --jobs 1 and --jobs 2, charts on and off; the median of REPEAT runs is printed.
Not a test: the result goes to docs/performance.md ("--jobs default").

    uv run python benchmarks/jobs_default.py [--counts 1,3,6,8,10,12] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1,3,6,8,10,12")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",")]
    with tempfile.TemporaryDirectory(prefix="reportgen-jobs-") as tmp:
        folder = Path(tmp)
        subprocess.run([sys.executable, str(HERE / "districts.py"), str(folder / "d"),
                        "--count", str(max(counts))], check=True, capture_output=True)  # fmt: skip
        files = sorted(str(p) for p in (folder / "d").glob("*.yaml"))
        print(f"CPUs {os.cpu_count()}, load {os.getloadavg()}")
        for count in counts:
            for charts in (True, False):
                for jobs in (1, 2):
                    times = [
                        _run(files[:count], jobs, charts, folder / "out")
                        for _ in range(args.repeat)
                    ]
                    label = "charts" if charts else "no-charts"
                    median = statistics.median(times)
                    print(f"{count:>3} files {label:>9} --jobs {jobs}: median "
                          f"{median:6.2f} s  min {min(times):6.2f} s", flush=True)  # fmt: skip
        print(f"load {os.getloadavg()}")
    return 0


def _run(files: list[str], jobs: int, charts: bool, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    command = ["reportgen", "build", *files, "--lang", "all", "--format", "all",
               "--jobs", str(jobs), "--out", str(out)]  # fmt: skip
    if not charts:
        command.append("--no-charts")
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
