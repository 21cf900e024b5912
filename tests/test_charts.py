"""Charts declared in templates: the Markdown they print, the values they show, their errors."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from chart_support import PROGRAMME
from markupsafe import Markup

import reportgen
from reportgen.charts import ChartCollector
from reportgen.charts.kinds import KINDS
from reportgen.charts.spec import words_for
from reportgen.errors import TemplateError
from reportgen.i18n.formatter import Formatter
from reportgen.render.environment import make_environment, render_template
from reportgen.render.view import FigureView


@pytest.fixture(scope="module")
def make(facts: reportgen.DistrictFacts) -> Callable[..., ChartCollector]:
    def collector(lang: str, enabled: bool = True) -> ChartCollector:
        formatter = Formatter(lang, city=facts.district.city)
        return ChartCollector(lang, formatter, f"huaiyin.{lang}.assets", enabled=enabled)

    return collector


def pick(view: dict[str, Any], *ids: str) -> list[FigureView]:
    return [view["figure"][i] for i in ids]


def headline_growth(view: dict[str, Any]) -> list[FigureView]:
    return [f for f in view["sections"]["overview"] if "headline" in f.tags and f.yoy]


def test_markdown_image_is_numbered_with_caption_title(
    make: Callable[..., ChartCollector], views: dict[str, dict[str, Any]]
) -> None:
    en, zh = make("en"), make("zh")
    first = en("growth", headline_growth(views["en"]), "Growth")
    second = en("columns", pick(views["en"], *PROGRAMME), "Programme", labels="period")
    assert isinstance(first, Markup)
    assert first.startswith("![Growth: ")
    assert "Value added of industrial enterprises above designated size, H1 2023: +13.7%" in first
    assert first.endswith('](huaiyin.en.assets/chart-1-growth.svg "Figure 1. Growth")')
    assert second.endswith('](huaiyin.en.assets/chart-2-columns.svg "Figure 2. Programme")')
    shown = zh("columns", pick(views["zh"], *PROGRAMME), "重点项目", labels="period")
    assert shown.endswith('](huaiyin.zh.assets/chart-1-columns.svg "图1 重点项目")')
    assert [s.path for s in en.specs] == [
        "huaiyin.en.assets/chart-1-growth.svg",
        "huaiyin.en.assets/chart-2-columns.svg",
    ]


def test_alt_text_and_title_are_escaped(
    make: Callable[..., ChartCollector], views: dict[str, dict[str, Any]]
) -> None:
    shown = make("en")("bars", pick(views["en"], "tourism-visits-2023"), 'A "quoted" [title] & *')
    assert shown.startswith('![A "quoted" \\[title\\] \\& \\*: Visits to major')
    assert shown.endswith(' "Figure 1. A \\"quoted\\" [title] \\& *")')


def test_disabled_collector_prints_nothing_and_records_nothing(
    make: Callable[..., ChartCollector], views: dict[str, dict[str, Any]]
) -> None:
    off = make("en", enabled=False)
    assert off("growth", headline_growth(views["en"]), "Growth") == Markup("")
    assert off.specs == [] and off.render_assets() == {}
    with pytest.raises(TemplateError, match="unknown chart kind 'no-such-kind'"):
        off("no-such-kind", [], "checked even when disabled")


def test_programme_values_are_the_formatters_exact_text(
    make: Callable[..., ChartCollector], views: dict[str, dict[str, Any]]
) -> None:
    for lang, count, money in [
        ("en", ["183", "216", "196"], ["297.4 billion", "314 billion", "315 billion"]),
        ("zh", ["183个", "216个", "196个"], ["2974亿元", "3140亿元", "3150亿元"]),
    ]:
        collector = make(lang)
        collector("columns", pick(views[lang], *PROGRAMME), "t", labels="period")
        panels = collector.specs[0].panels
        assert [[b.text for b in p.bars] for p in panels] == [count, money]
        assert [b.position for b in panels[1].bars] == [2974e8, 3140e8, 3150e8]
        assert [str(b.value) for b in panels[1].bars] == [
            "297400000000",
            "314000000000",
            "315000000000",
        ]
    en = make("en")
    en("columns", pick(views["en"], *PROGRAMME), "t", labels="period")
    panels = en.specs[0].panels
    assert [b.label for b in panels[0].bars] == ["as of Jan 2023 plan", "2023 plan", "2024 plan"]
    assert [(p.title, p.axis_label) for p in panels] == [
        ("Key projects", "key projects"),  # the ticks are bare numbers: the unit is the title's
        ("Planned total investment of key projects", "billion yuan"),
    ]
    assert [t.text for t in panels[1].ticks] == ["0", "100", "200", "300", "400"]
    assert [t.value for t in panels[1].ticks][:2] == [0, Decimal("1E+11")]
    assert panels[1].scale == 9  # the axis unit: a billion yuan


def test_the_programme_chart_labels_each_list_by_its_stage_and_adds_the_outcome(
    make: Callable[..., ChartCollector], views: dict[str, dict[str, Any]]
) -> None:
    """Review 2, N17: the bars say what they are (January's list, the year's wider list,
    next year's plan), derived from period, status and measure; review 3, F2: the 216
    provincial, municipal and district key projects measure more than January's 183 key
    projects, so they are labelled by what they add, never "revised"; the 135 projects
    started or under construction stand solid beside the hatched plans, found by
    results= (same counted noun, same owner, the plan's year), though the data tags
    them neither programme nor with the plans' measure."""
    expected = {
        "en": (["Early 2023 list", "2023 provincial, municipal and district list",
                "Started or under construction, 2023", "2024 plan"], "Plan"),
        "zh": (["2023年初安排", "2023年省市区清单", "2023年开工在建", "2024年安排"], "计划"),
    }  # fmt: skip
    for lang, (labels, plan) in expected.items():
        collector = make(lang)
        view = views[lang]
        programme = [f for f in view["figures"] if "programme" in f.tags]
        assert "key-projects-2023-under-construction" not in {f.id for f in programme}
        collector("columns", programme, "t", labels="stage", results=view["figures"])
        spec = collector.specs[0]
        counts, money = spec.panels
        assert [b.label for b in counts.bars] == labels
        assert [b.text for b in counts.bars][2] in ("135", "135个")
        assert [b.style.value for b in counts.bars] == ["target", "target", "actual", "target"]
        assert [b.label for b in money.bars] == [labels[0], labels[1], labels[3]]
        assert spec.legend(words_for(lang))[2] == plan  # every hatched bar is a plan
        assert [(b.keep, b.label.endswith(b.keep)) for b in counts.bars][1][1]
    zh = make("zh")
    zh("columns", pick(views["zh"], *PROGRAMME), "t", labels="stage")  # no results=: no 135
    assert len(zh.specs[0].panels[0].bars) == 3


def test_stage_labels_follow_period_and_status_not_the_data_set() -> None:
    from reportgen.charts.stages import stage_labels
    from reportgen.facts.periods import parse_period

    def fig(fid: str, period: str, status: str, measure: str = "重点项目") -> Any:
        return SimpleNamespace(id=fid, period=parse_period(period), status=status,
                               measure=measure, item=None, owner=None)  # fmt: skip

    words = words_for("zh")
    figures = [fig("a", "as of 2025-01", "plan"), fig("b", "2025", "target"),
               fig("c", "2026", "plan"), fig("d", "as of 2025-06", "plan"),
               fig("e", "2025", "actual", "开工项目")]  # fmt: skip
    periods = {"e": "2025年"}
    labels = {k: v[0] for k, v in stage_labels(figures, periods, words).items()}
    assert labels == {"a": "2025年初安排", "b": "2025年调整后", "c": "2026年安排",
                      "e": "2025年开工项目"}  # fmt: skip
    alone = {k: v[0] for k, v in stage_labels(figures[1:3], periods, words).items()}
    assert alone == {"b": "2025年安排", "c": "2026年安排"}  # no January list: plans
    wider = [figures[0], fig("b", "2025", "plan", "省市区重点项目")]
    assert stage_labels(wider, periods, words)["b"] == ("2025年省市区清单", "清单")
    en = [fig("a", "as of 2025-01", "plan", "key projects"),
          fig("b", "2025", "plan", "provincial, municipal and district key projects"),
          fig("c", "2025", "plan", "key projects")]  # fmt: skip
    labels = {k: v[0] for k, v in stage_labels(en, periods, words_for("en")).items()}
    assert labels == {"a": "Early 2025 list", "b": "2025 provincial, municipal and district list",
                      "c": "2025 revised list"}  # fmt: skip


def test_growth_groups_by_measure_and_notes_rank_and_gap(
    make: Callable[..., ChartCollector], views: dict[str, dict[str, Any]]
) -> None:
    for lang, heading, note in [
        ("en", "Fixed-asset investment", "ranking third in Jinan; 13.9 percentage points above"),
        ("zh", "固定资产投资", "位列全市第三，高于全市13.9个百分点"),
    ]:
        collector = make(lang)
        collector("growth", headline_growth(views[lang]), "t")
        (panel,) = collector.specs[0].panels
        assert len(panel.groups) == 5  # one per measure, alike in both languages
        group = next(g for g in panel.groups if g.heading == heading)
        assert any(bar.note.startswith(note) for bar in group.bars)
        assert panel.axis_label == ""  # "+15.1%" already carries the unit


def test_targets_sit_beside_the_counterpart_the_outlook_table_uses(
    make: Callable[..., ChartCollector], views: dict[str, dict[str, Any]]
) -> None:
    view = views["en"]
    collector = make("en")
    collector("targets", view["sections"]["outlook"], "t", results=view["figures"])
    growth, jobs = collector.specs[0].panels
    gdp = growth.groups[0]
    assert gdp.heading == "Regional GDP"
    assert [(b.label, b.text) for b in gdp.bars] == [
        ("2023 estimate", "around +6.2%"),
        ("2024 target", "around +6.5%"),
    ]
    assert [b.text for b in jobs.bars] == ["more than 8,300", "over 17,300"]
    assert jobs.axis_label == "people"


@pytest.mark.parametrize(
    ("kind", "ids", "options", "message"),
    [
        ("pie", ["gdp-2023h1"], {}, "unknown chart kind 'pie'; choose from growth, bars"),
        ("growth", ["budget-revenue-2023"], {}, "no year-on-year change for budget-revenue-2023"),
        ("bars", ["gdp-growth-2023"], {}, "no amount for gdp-growth-2023"),
        ("targets", ["gdp-2023h1"], {}, "gdp-2023h1 is a result (actual), not a target"),
        ("bars", [], {}, "no figures to draw"),
        ("growth", ["gdp-2023h1"], {"colour": "red"}, "unknown option(s) colour; use panels"),
        ("bars", ["gdp-2023h1"], {"labels": "x"}, "labels must be one of auto, period"),
        ("bars", ["gdp-2023h1"], {"panels": ["a", "b"]}, "panels= needs a list of 1 title(s)"),
    ],
)
def test_figures_a_chart_cannot_draw_are_errors(
    make: Callable[..., ChartCollector],
    views: dict[str, dict[str, Any]],
    kind: str,
    ids: list[str],
    options: dict[str, Any],
    message: str,
) -> None:
    with pytest.raises(TemplateError, match=message.replace("(", r"\(").replace(")", r"\)")):
        make("en")(kind, pick(views["en"], *ids), "t", **options)


def test_a_template_error_names_the_template_and_line(
    make: Callable[..., ChartCollector], views: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    (tmp_path / "report.md.j2").write_text(
        '# Title\n\n{{ chart("growth", sections["overview"], "All overview figures") }}\n',
        encoding="utf-8",
    )
    env = make_environment("en", tmp_path, Formatter("en").filters())
    context = views["en"] | {"chart": make("en")}
    with pytest.raises(TemplateError) as caught:
        render_template(env, context)
    assert "report.md.j2:3: chart 'growth': no year-on-year change" in caught.value.lines()[0]


def test_one_figure_or_a_generator_is_accepted(
    make: Callable[..., ChartCollector], views: dict[str, dict[str, Any]]
) -> None:
    collector = make("en")
    collector("bars", views["en"]["figure"]["tourism-visits-2023"], "one")
    collector("bars", (f for f in pick(views["en"], "tourism-visits-2023")), "generator")
    assert len(collector.specs) == 2
    with pytest.raises(TemplateError, match="must be a list of figures, not str"):
        collector("bars", "tourism-visits-2023", "a string")  # type: ignore[arg-type]


def test_every_kind_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "charts.md").read_text("utf-8")
    for kind in KINDS:
        assert f"`{kind}`" in docs
