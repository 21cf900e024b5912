"""Build briefings for several districts in one run, in worker processes.

The second "district" is the small example fact file; any number of fact
files works the same way (the CLI equivalent: reportgen build A.yaml B.yaml --jobs 2).

Run: uv run python examples/batch.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportgen.batch import BuildJob, run_jobs
from reportgen.resources import default_facts_path

HERE = Path(__file__).resolve().parent


def main(out_dir: Path) -> int:
    """Build every district in both languages; return 2 if any failed, else 0."""
    files = [default_facts_path(), HERE / "minimal.yaml"]
    jobs = [BuildJob(path, ("en", "zh"), ("md",), out_dir) for path in files]
    status = 0
    for result in run_jobs(jobs, workers=2):
        if result.error is not None:
            status = 2
            print("\n".join(result.error.lines()), file=sys.stderr)
        for path in result.written:
            print(f"wrote {path}")
    return status


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out")))
