"""Topic names: the packaged table of common topics and a fact file's own ``topics:``.

A topic is an id (``public-finance``) that groups facts inside a section; readers
see its name in their language. The packaged table (``data/topics.yaml``) names
the common ones; a fact file adds or renames topics under its root ``topics:``
mapping. A topic named in neither is a located error, so no raw id ever reaches
a reader.

>>> packaged_topics()["public-finance"].en
'Public finance'
>>> topic_names({}, "zh")["poverty-relapse"]
'防止返贫'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from pydantic import ValidationError

from reportgen.facts.model import Text
from reportgen.facts.yamlpos import Path, read_yaml
from reportgen.resources import data_dir

#: The packaged table's file name in the data folder.
TOPICS_FILE = "topics.yaml"


@cache
def packaged_topics() -> Mapping[str, Text]:
    """The packaged table of common topics, id → {zh, en} (read once per process)."""
    located = read_yaml((data_dir() / TOPICS_FILE).read_text(encoding="utf-8"))
    return {str(key): Text.model_validate(value) for key, value in located.data.items()}


def topic_names(own: Mapping[str, Text], lang: str) -> dict[str, str]:
    """Every topic's name in ``lang``: the packaged ones, overridden by the file's own.

    A topic whose own entry lacks ``lang`` falls back to the packaged name, if any.
    """
    names = {key: text.get(lang) for key, text in packaged_topics().items()}
    for key, text in own.items():
        names[key] = text.get(lang) or names.get(key)
    return {key: name for key, name in names.items() if name is not None}


def read_topics(raw: Any) -> tuple[dict[str, Text], list[tuple[Path, str]]]:
    """A fact file's ``topics:`` mapping, validated; the problems as (path, message)."""
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [(("topics",), "expected a mapping of topic id → {zh: …, en: …}")]
    topics: dict[str, Text] = {}
    problems: list[tuple[Path, str]] = []
    for key, value in raw.items():
        if not isinstance(key, str) or not _is_slug(key):
            problems.append((("topics", str(key)), "a topic id is lowercase letters, digits, -"))
            continue
        try:
            topics[key] = Text.model_validate(value)
        except ValidationError as error:
            for e in error.errors():
                where: Path = ("topics", key, *e["loc"])
                problems.append((where, e["msg"].removeprefix("Value error, ")))
    return topics, problems


def unnamed_topics(
    groups: Mapping[str, Iterable[tuple[int, Any]]], own: Mapping[str, Text]
) -> list[tuple[Path, str]]:
    """Records whose ``topic`` has a name neither in the file nor in the packaged table."""
    known = set(packaged_topics()) | set(own)
    problems: list[tuple[Path, str]] = []
    for name, records in groups.items():
        for index, record in records:
            topic = getattr(record, "topic", None)
            if isinstance(topic, str) and topic not in known:
                message = (
                    f"topic '{topic}' has no name: add it under the root 'topics:' as "
                    f"{topic}: {{zh: …, en: …}}, or use a packaged topic ({TOPICS_FILE})"
                )
                problems.append(((name, index, "topic"), message))
    return problems


def _is_slug(text: str) -> bool:
    return len(text) <= 80 and re.fullmatch(r"[a-z0-9][a-z0-9-]*", text) is not None
