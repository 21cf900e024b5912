"""Use reportgen as a library: load the packaged dataset, build both languages, write them.

Run: uv run python examples/library_usage.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import reportgen
from reportgen.resources import default_facts_path


def main(out_dir: Path) -> None:
    """Build the English and Chinese briefings and print what was written."""
    facts = reportgen.load_facts(default_facts_path())
    print(f"{facts.district.name.en}: {len(facts.figures)} figures")
    for lang in ("en", "zh"):
        report = reportgen.build(facts, lang=lang)
        print(report.markdown.splitlines()[0])
        for path in report.write(out_dir):
            print(f"wrote {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
