"""Linear at any size (issue 14 §4): the Huaiyin briefing at 1x, 10x and 100x its figures.

    uv run python benchmarks/scale.py [--scales 1,10,100] [--lang en] [--check]

The fact file at scale *k* is ``data/huaiyin.yaml`` with every figure written *k* times
(copies get ids ending ``-x2``, ``-x3`` …; they keep their sources, quotes and
numbers, so every copy cites the same five articles and passes the same checks).
Each scale runs in a fresh process that times every stage on its own: reading and
validating the file, rendering the Markdown (view, narrative plan, templates), writing
the Markdown, writing the DOCX (charts on). The check: the 100x run may cost at most
12x the 10x run (issue 14: "linear"), in total and per stage; ``--check`` makes the
exit status say so.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchlib import HUAIYIN, child_env, machine, table

#: The most the run at the largest scale may cost over the run at the next one, per 10x.
LINEAR_LIMIT = 12.0
STAGES = ("load", "render", "markdown", "docx")


def scaled_facts(scale: int, target: Path, source: Path = HUAIYIN) -> Path:
    """Write the fact file with every figure of ``source`` written ``scale`` times."""
    import yaml

    from reportgen.facts.yamlpos import read_yaml

    data: dict[str, Any] = read_yaml(source.read_text(encoding="utf-8")).data
    figures = data["figures"]
    copies = [dict(f, id=f"{f['id']}-x{k}") for k in range(2, scale + 1) for f in figures]
    data["figures"] = figures + copies

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:  # the copies share their parts
            return True

    def decimal(dumper: yaml.SafeDumper, value: Decimal) -> Any:
        return dumper.represent_scalar("tag:yaml.org,2002:float", str(value))

    Dumper.add_representer(Decimal, decimal)
    text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=4096)
    target.write_text(text, encoding="utf-8")
    return target


def measure_in_process(facts_file: Path, out: Path, lang: str) -> dict[str, float]:
    """Time each stage of one build in this process (run as the child of :func:`measure`)."""
    start = time.perf_counter()
    import reportgen
    import reportgen.writers.docx  # imports are not a stage: each stage times its own work
    from reportgen.facts import load_facts

    times = {"imports": time.perf_counter() - start}
    start = time.perf_counter()
    facts = load_facts(facts_file)
    times["load"] = time.perf_counter() - start
    start = time.perf_counter()
    report = reportgen.build(facts, lang=lang)
    times["render"] = time.perf_counter() - start
    for stage, formats in (("markdown", ["md"]), ("docx", ["docx"])):
        start = time.perf_counter()
        report.write(out / stage, formats)
        times[stage] = time.perf_counter() - start
    times["figures"] = len(facts.figures)
    times["characters"] = len(report.markdown)
    return times


def measure(scale: int, work: Path, lang: str = "en") -> dict[str, float]:
    """Build the briefing at ``scale`` in a fresh process; each stage's seconds."""
    facts_file = scaled_facts(scale, work / f"huaiyin-x{scale}.yaml")
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import scale; "
        "from pathlib import Path; "
        "print(json.dumps(scale.measure_in_process(Path(sys.argv[2]), Path(sys.argv[3]), "
        "sys.argv[4])))"
    )
    here = str(Path(__file__).resolve().parent)
    out = work / f"out-x{scale}"
    result = subprocess.run(
        [sys.executable, "-c", code, here, str(facts_file), str(out), lang],
        env=child_env(REPORTGEN_CACHE_DIR="off"),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"scale {scale} failed:\n{result.stderr[-3000:]}")
    times: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    times["total"] = sum(times[s] for s in STAGES)
    return times


def linear(runs: dict[int, dict[str, float]]) -> list[tuple[str, float, bool]]:
    """For the two largest scales: each stage's ratio, and whether it is within the limit
    (the limit grows with the scale ratio: 12x for 10x the figures)."""
    small, large = sorted(runs)[-2:]
    limit = LINEAR_LIMIT * (large / small) / 10
    found = []
    for stage in (*STAGES, "total"):
        ratio = runs[large][stage] / max(runs[small][stage], 1e-9)
        found.append((stage, ratio, ratio <= limit))
    return found


def report(runs: dict[int, dict[str, float]]) -> list[str]:
    """The table of seconds per stage and scale, and the linearity check."""
    rows = [
        [f"{scale}x", int(t["figures"]), f"{int(t['characters']):,}"]
        + [f"{t[s]:.2f}" for s in (*STAGES, "total")]
        for scale, t in sorted(runs.items())
    ]
    lines = table(["scale", "figures", "Markdown chars", *STAGES, "total (s)"], "lrrrrrrr", rows)
    small, large = sorted(runs)[-2:]
    lines += ["", f"{large}x vs {small}x (linear: at most {LINEAR_LIMIT:g}x per 10x):", ""]
    lines += table(
        ["stage", "ratio", "linear"],
        "lrl",
        [[stage, f"{ratio:.2f}", "yes" if ok else "NO"] for stage, ratio, ok in linear(runs)],
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--check", action="store_true", help="exit 1 when not linear")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    runs: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="reportgen-scale-") as folder:
        for scale in scales:
            runs[scale] = measure(scale, Path(folder), args.lang)
            print(f"{scale}x: {runs[scale]['total']:.2f} s", file=sys.stderr)
    print("\n".join([*machine(), "", *report(runs)]))
    ok = all(ok for _, _, ok in linear(runs)) if len(runs) > 1 else True
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
