"""Templates users can own: overrides, export, the sandbox, and located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import reportgen
from reportgen.errors import OptionError, TemplateError
from reportgen.render.export import export_templates
from reportgen.resources import default_facts_path, templates_dir

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def facts() -> reportgen.DistrictFacts:
    return reportgen.load_facts(default_facts_path())


def override(tmp_path: Path, name: str, text: str, lang: str = "en") -> Path:
    folder = tmp_path / "tpl" / lang
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "tpl"


def test_both_languages_have_the_same_template_files() -> None:
    en = sorted(p.name for p in (templates_dir() / "en").glob("*.j2"))
    zh = sorted(p.name for p in (templates_dir() / "zh").glob("*.j2"))
    assert en == zh
    assert "report.md.j2" in en


def test_overriding_one_section_changes_only_that_section(
    facts: reportgen.DistrictFacts,
) -> None:
    default = reportgen.build(facts, lang="en").markdown
    custom = reportgen.build(facts, lang="en", templates=EXAMPLES / "custom_templates").markdown
    assert "## What the district is aiming for" in custom
    assert "## What the district is aiming for" not in default
    assert "## Outlook" in default and "## Outlook" not in custom
    before_outlook = default.split("## Outlook")[0]
    assert custom.startswith(before_outlook)


def test_sections_option_selects_sections(facts: reportgen.DistrictFacts) -> None:
    text = reportgen.build(facts, lang="en", sections=["overview"]).markdown
    assert "## Economic overview" in text
    assert "## Executive summary" not in text and "## Sources" not in text
    assert "[^a4]: Source 4" in text  # footnotes are always defined
    with pytest.raises(OptionError, match="unknown section"):
        reportgen.build(facts, lang="en", sections=["nonsense"])


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ district.nmae }}", "has no attribute 'nmae'"),
        ("{{ ''.__class__.__mro__ }}", "__class__"),
        ("{{ cycler.__init__.__globals__ }}", "__init__"),
        ("{{ self._TemplateReference__context }}", "_TemplateReference__context"),
        ("{% for x in %}", "Expected an expression"),
        ('{% include "../../etc/passwd" %}', "not found"),
        ("{% macro r(n) %}{{ r(n) }}{% endmacro %}{{ r(1) }}", "recurse"),
    ],
)
def test_template_errors_are_located(
    facts: reportgen.DistrictFacts, tmp_path: Path, source: str, message: str
) -> None:
    folder = override(tmp_path, "summary.md.j2", "line one\n" + source + "\n")
    with pytest.raises(TemplateError) as caught:
        reportgen.build(facts, lang="en", templates=folder)
    (line,) = caught.value.lines()
    assert message in line
    assert "summary.md.j2" in line or "report.md.j2" in line


def test_undefined_variable_names_template_and_line(
    facts: reportgen.DistrictFacts, tmp_path: Path
) -> None:
    folder = override(tmp_path, "outlook.md.j2", "## Outlook\n\n{{ no_such_thing }}\n")
    with pytest.raises(TemplateError) as caught:
        reportgen.build(facts, lang="en", templates=folder)
    (line,) = caught.value.lines()
    assert line.endswith("outlook.md.j2:3: 'no_such_thing' is undefined")


def test_missing_templates_folder_is_an_option_error(facts: reportgen.DistrictFacts) -> None:
    with pytest.raises(OptionError, match="no such folder"):
        reportgen.build(facts, lang="en", templates="/nonexistent/templates")


def test_export_copies_the_defaults_and_refuses_to_overwrite(tmp_path: Path) -> None:
    written = export_templates(tmp_path / "mine", ("en",))
    names = {p.name for p in written}
    assert "report.md.j2" in names and "outlook.md.j2" in names
    assert all(p.parent == tmp_path / "mine" / "en" for p in written)
    assert (tmp_path / "mine" / "en" / "report.md.j2").read_text() == (
        templates_dir() / "en" / "report.md.j2"
    ).read_text()
    with pytest.raises(reportgen.OutputError, match="would overwrite"):
        export_templates(tmp_path / "mine", ("en",))


def test_exported_templates_build_the_same_briefing(
    facts: reportgen.DistrictFacts, tmp_path: Path
) -> None:
    export_templates(tmp_path / "mine", ("en", "zh"))
    for lang in ("en", "zh"):
        own = reportgen.build(facts, lang=lang, templates=tmp_path / "mine").markdown
        assert own == reportgen.build(facts, lang=lang).markdown
