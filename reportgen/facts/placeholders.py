"""The placeholders of a finding's text: ``{figure-id}`` or ``{figure-id:part}``.

A finding is an analyst's sentence written in both languages; every number in it is a
placeholder that names a figure (and which part of it to say), so the number printed
is the sourced figure, formatted by the language's rules. ``{{`` and ``}}`` are literal
braces. This module only reads the text; the checks against the figures are in
:mod:`reportgen.facts.findings`, the rendering in ``reportgen.i18n.realize.findings``.

>>> [str(s) for s in segments("由{a}增至{b:bare}个{{注}}")]
['由', '{a}', '增至', '{b:bare}', '个{注}']
>>> figure_order("{a:yoy}，{b}，{a}")
('a', 'b')
>>> syntax_problems("{a:size} and {")
["unknown part 'size' in {a:size}; the parts are bare, yoy, rank, vs_city, period", \
"an unclosed '{' at character 14: write {{ for a literal brace"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The parts a placeholder may name; '' is the amount as the generic prose says it.
PARTS = ("", "bare", "yoy", "rank", "vs_city", "period")
_CONTENT = re.compile(r"([a-z0-9][a-z0-9-]*)(?::([a-z_]+))?")


@dataclass(frozen=True)
class Placeholder:
    """One ``{figure-id:part}`` of a text, with where it starts (a character index)."""

    figure: str
    part: str  # one of PARTS, or an unknown word (a syntax problem)
    start: int

    def __str__(self) -> str:
        return "{" + self.figure + (f":{self.part}" if self.part else "") + "}"


@dataclass(frozen=True)
class _Bad:
    """Text between braces that is no placeholder, or a stray brace."""

    message: str


Segment = str | Placeholder


def _scan(text: str) -> list[Segment | _Bad]:
    """The text as literal runs, placeholders and problems, in order."""
    out: list[Segment | _Bad] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "{}" and text[i : i + 2] == ch * 2:
            literal.append(ch)
            i += 2
            continue
        if ch == "}":
            out.append(_Bad(f"a lone '}}' at character {i + 1}: write }}}} for a literal brace"))
            i += 1
            continue
        if ch != "{":
            literal.append(ch)
            i += 1
            continue
        end = text.find("}", i + 1)
        if end < 0 or "{" in text[i + 1 : end]:
            out.append(
                _Bad(f"an unclosed '{{' at character {i + 1}: write {{{{ for a literal brace")
            )
            i += 1
            continue
        if literal:
            out.append("".join(literal))
            literal = []
        out.append(_placeholder(text[i + 1 : end], i))
        i = end + 1
    if literal:
        out.append("".join(literal))
    return out


def _placeholder(content: str, start: int) -> Placeholder | _Bad:
    match = _CONTENT.fullmatch(content)
    if match is None:
        return _Bad(
            f"'{{{content}}}' is not a placeholder: write {{figure-id}} or {{figure-id:part}}, "
            "and {{ }} for literal braces"
        )
    return Placeholder(match[1], match[2] or "", start)


def segments(text: str) -> list[Segment]:
    """Literal runs (braces unescaped) and placeholders, in order; problems left out."""
    return [s for s in _scan(text) if not isinstance(s, _Bad)]


def placeholders(text: str) -> list[Placeholder]:
    """The placeholders of ``text``, in order."""
    return [s for s in _scan(text) if isinstance(s, Placeholder)]


def literal(text: str) -> str:
    """The text outside placeholders (braces unescaped), each placeholder a space."""
    return "".join(s if isinstance(s, str) else " " for s in segments(text))


def figure_order(text: str) -> tuple[str, ...]:
    """The figures ``text`` names, in the order of their first placeholder."""
    return tuple(dict.fromkeys(p.figure for p in placeholders(text)))


def syntax_problems(text: str) -> list[str]:
    """Stray braces, text in braces that is no placeholder, unknown parts, and a part
    said twice ('{a}' and '{a:bare}': both say the amount)."""
    found: list[str] = []
    seen: set[tuple[str, str]] = set()
    for s in _scan(text):
        if isinstance(s, _Bad):
            found.append(s.message)
        elif isinstance(s, Placeholder):
            if s.part not in PARTS:
                parts = ", ".join(p for p in PARTS if p)
                found.append(f"unknown part '{s.part}' in {s}; the parts are {parts}")
            elif (s.figure, _slot(s.part)) in seen:
                found.append(f"{s} says again what an earlier placeholder said: once each")
            seen.add((s.figure, _slot(s.part)))
    return found


def _slot(part: str) -> str:
    """What a part says: the amount ('' and 'bare'), or the part itself."""
    return "" if part == "bare" else part
