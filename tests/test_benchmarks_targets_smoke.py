"""The benchmarks of issue 14 run and write what they time, at a tiny size, untimed.

benchmarks/scale.py (1x, 10x, 100x the figures) and benchmarks/targets.py (the table
of issue 14) are timed only when run by hand; these tests prove they still run against
the current code. No time is compared here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

pytest.importorskip("pypandoc", reason="pypandoc-binary (a dev dependency) brings pandoc")


@pytest.fixture(scope="module", autouse=True)
def benchmarks_on_path() -> Iterator[None]:
    """The benchmark modules import each other by name, as when run as scripts."""
    sys.path.insert(0, str(BENCHMARKS))
    yield
    sys.path.remove(str(BENCHMARKS))


def test_scaled_facts_hold_every_figure_k_times(tmp_path: Path) -> None:
    import scale

    from reportgen.facts import load_facts

    one = load_facts(scale.scaled_facts(1, tmp_path / "x1.yaml"))
    three = load_facts(scale.scaled_facts(3, tmp_path / "x3.yaml"))
    assert len(three.figures) == 3 * len(one.figures)
    assert len({f.id for f in three.figures}) == len(three.figures)
    assert three.figures[len(one.figures)].amount == one.figures[0].amount


def test_scale_runs_each_stage_and_checks_linearity(tmp_path: Path) -> None:
    import scale

    runs = {k: scale.measure(k, tmp_path) for k in (1, 2)}
    assert set(scale.STAGES) <= set(runs[2])
    assert runs[2]["figures"] == 2 * runs[1]["figures"]
    assert (tmp_path / "out-x2" / "docx").is_dir()
    assert [stage for stage, _, _ in scale.linear(runs)] == [*scale.STAGES, "total"]
    assert "2x vs 1x" in "\n".join(scale.report(runs))


def test_targets_table(tmp_path: Path) -> None:
    import targets

    result = targets.measure_targets(tmp_path, repeat=1, districts=2, small=1, scales=(1, 2))
    assert len(result.targets) == 7
    assert all(t.value > 0 for t in result.targets)
    assert result.batch["large_count"] == 2 and result.batch["pandoc_count"] == 2
    text = "\n".join(targets.report(result))
    assert "repeat run" in text and "peak memory" in text


def test_run_all_has_the_targets_first() -> None:
    import run_all

    settings, _ = run_all.parse([])
    assert settings.sections[0] == "targets" and settings.scales == (10, 100)
    quick, _ = run_all.parse(["--quick"])
    assert quick.target_districts < settings.target_districts
