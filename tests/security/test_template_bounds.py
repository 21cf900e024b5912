"""A template cannot exhaust memory, time or disk: every bomb is a located error naming its bound.

Before this was fixed each of these was a MemoryError traceback, a hang or a huge file.
The bounds (docs/security.md): any string or list a template produces holds at most
1,000,000 characters or items; a briefing's output at most 20,000,000 characters; loop
iterations of every kind at most 1,000,000 per briefing; at most 50 charts per briefing.
Every case runs in a child process under a memory and file-size limit, so a bound that
is missing fails the test rather than the machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from template_case import build_in_child, make_case, out_files

WHERE = "templates/en/summary.md.j2:3: "
STRING = "at most 1,000,000"
LOOPS = "at most 1,000,000 loop iterations"
OUTPUT = "at most 20,000,000 characters"
CHARTS = "at most 50 charts"
DOUBLING = "{% set ns = namespace(v=START) %}{% for i in range(64) %}{% set ns.v = ns.v OP ns.v %}{% endfor %}{{ ns.v | length }}"  # noqa: E501

BOMBS: dict[str, tuple[str, str]] = {
    "center_filter": ("{{ 'x' | center(1500000000) }}", STRING),
    "center_method": ("{{ 'x'.center(1500000000) }}", STRING),
    "ljust_method": ("{{ 'x'.ljust(10 ** 9) }}", STRING),
    "zfill_method": ("{{ '1'.zfill(10 ** 9) }}", STRING),
    "to_bytes": ("{{ (1).to_bytes(10 ** 9, 'big') | length }}", STRING),
    "format_filter": ("{{ '%999999999d' | format(1) }}", STRING),
    "percent_operator": ("{{ '%999999999d' % 1 }}", STRING),
    "str_format": ("{{ '{:>999999999}'.format(1) }}", STRING),
    "replace_filter": ("{{ ('x' * 100000) | replace('', 'y' * 100000) }}", STRING),
    "replace_method": ("{{ ('x' * 100000).replace('', 'y' * 100000) }}", STRING),
    "indent_filter": ("{{ 'a\\nb' | indent(300000000) }}", STRING),
    "batch_filter": ("{{ [1] | batch(10 ** 9, 0) | list | length }}", STRING),
    "slice_filter": ("{{ [1] | slice(10 ** 9) | list | length }}", STRING),
    "join_filter": ("{{ (['x' * 100000] * 100000) | join }}", STRING),
    "join_method": ("{{ ''.join(['x' * 100000] * 100000) }}", STRING),
    "concat_doubling": (DOUBLING.replace("START", "'x'").replace("OP", "~"), STRING),
    "plus_doubling_string": (DOUBLING.replace("START", "'x'").replace("OP", "+"), STRING),
    "plus_doubling_list": (DOUBLING.replace("START", "[1]").replace("OP", "+"), STRING),
    "lipsum": ("{{ lipsum(10 ** 8) }}", "lipsum"),
    "nested_string_loops": (
        "{% for a in 'x' * 100000 %}{% for b in 'x' * 100000 %}{% endfor %}{% endfor %}",
        LOOPS,
    ),
    "nested_filtered_loops": (
        "{% for a in 'x' * 100000 %}{% for b in 'x' * 100000 if b == 'y' %}{% endfor %}"
        "{% endfor %}",
        LOOPS,
    ),
    "recursive_loop": (
        "{% for a in ['x' * 100000] * 100 recursive %}{{ loop(a) if a | length > 1 }}{% endfor %}",
        LOOPS,
    ),
    "output": ("{% for i in range(100000) %}{{ 'x' * 100000 }}{% endfor %}", OUTPUT),
    "output_by_text": (
        "{% for i in 'x' * 100000 %}{% for j in 'xxxxxxxxx' %}"
        + "y" * 1000
        + "{% endfor %}{% endfor %}",
        OUTPUT,
    ),
    "charts": (
        "{% for i in range(2000) %}{{ chart('growth', figure['gdp-2023h1'], 'T') }}{% endfor %}",
        CHARTS,
    ),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_bomb_is_a_located_error_naming_its_bound(name: str, tmp_path: Path) -> None:
    line, bound = BOMBS[name]
    result = build_in_child(make_case(tmp_path, line), "--format", "md")
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.code == 2, result.stderr[-2000:]
    assert len(result.lines) == 1, result.lines
    assert result.lines[0].startswith(WHERE), result.lines
    assert bound in result.lines[0]
    assert out_files(result.folder) == []


def test_fifty_charts_are_fine(tmp_path: Path) -> None:
    line = "{% for i in range(50) %}{{ chart('growth', figure['gdp-2023h1'], 'T') }}{% endfor %}"
    result = build_in_child(make_case(tmp_path, line), "--format", "md", charts=False)
    assert result.code == 0, result.stderr[-2000:]
