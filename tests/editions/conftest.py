"""Shared builds for the edition tests: each language built once per session (no charts)."""

from __future__ import annotations

import pytest

import reportgen
from reportgen.editions.bilingual import BilingualReport, compose
from reportgen.editions.realized import LanguageBuild, realize_language
from reportgen.resources import default_facts_path


@pytest.fixture(scope="session")
def facts() -> reportgen.DistrictFacts:
    return reportgen.load_facts(default_facts_path())


@pytest.fixture(scope="session")
def builds(facts: reportgen.DistrictFacts) -> dict[str, LanguageBuild]:
    return {lang: realize_language(facts, lang, charts=False) for lang in ("zh", "en")}


@pytest.fixture(scope="session")
def zh_en(builds: dict[str, LanguageBuild]) -> BilingualReport:
    return compose(builds["zh"], builds["en"])


@pytest.fixture(scope="session")
def en_zh(builds: dict[str, LanguageBuild]) -> BilingualReport:
    return compose(builds["en"], builds["zh"])
