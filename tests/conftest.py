"""Shared fixtures: where the repository, the packaged dataset and the source articles are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import reportgen
from reportgen.render.view import make_view
from reportgen.resources import default_facts_path

REPO = Path(__file__).resolve().parents[1]
#: The five source articles, beside the repository (not shipped with it).
SEEDS = REPO.parent / "shared" / "seeds"
#: The packaged Huaiyin dataset.
DATASET = REPO / "data" / "huaiyin.yaml"
#: The small complete example of the format.
MINIMAL = REPO / "examples" / "minimal.yaml"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: takes tens of seconds (builds and installs the wheel); runs in CI"
    )


@pytest.fixture(scope="session")
def repo() -> Path:
    """The repository's top folder."""
    return REPO


@pytest.fixture(scope="session")
def dataset() -> Path:
    """The packaged Huaiyin fact file (in the checkout)."""
    return DATASET


@pytest.fixture(scope="session")
def minimal_example() -> Path:
    """``examples/minimal.yaml``."""
    return MINIMAL


@pytest.fixture
def seeds() -> Path:
    """The folder of source articles; the test is skipped when it is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"the source articles are not here: {SEEDS} is missing")
    return SEEDS


MINIMAL_YAML = """\
district:
  id: testville
  name: {zh: 测试区, en: Testville District}
  city: {zh: 样例市, en: Sample City}
sources:
  - id: s1
    title: {zh: 标题, en: A title}
    date: "2023-07"
entities:
  - id: acme
    kind: enterprise
    name: {zh: 甲公司, en: Acme}
figures:
  - id: gdp
    section: overview
    measure: {zh: 地区生产总值, en: regional GDP}
    amount: 365.5亿元
    period: 2023-H1
    yoy: +6.4%
    owner: acme
    sources:
      - source: s1
        quote: 全区生产总值实现365.5亿元,同比增长6.4%
"""


@pytest.fixture
def minimal_yaml() -> str:
    """A tiny valid fact file (one source, one entity, one figure) as text."""
    return MINIMAL_YAML


@pytest.fixture
def write_facts(tmp_path: Path) -> Callable[..., Path]:
    """Write fact-file text (or bytes) to a temporary ``facts.yaml`` and return its path."""

    def write(content: str | bytes, name: str = "facts.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="module")
def facts() -> reportgen.DistrictFacts:
    """The packaged Huaiyin dataset (a test module may define its own ``facts``)."""
    return reportgen.load_facts(default_facts_path())


@pytest.fixture(scope="module")
def views(facts: reportgen.DistrictFacts) -> dict[str, dict[str, Any]]:
    """The en and zh template contexts of ``facts``."""
    return {lang: make_view(facts, lang) for lang in ("en", "zh")}
