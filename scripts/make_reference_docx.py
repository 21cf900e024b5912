"""Write reportgen/writers/reference.docx, the DOCX writer's default reference document.

Run from the repository root: ``uv run python scripts/make_reference_docx.py``. The
output is reproducible (the same bytes every run); tests/test_docx_reference.py checks
that the committed file equals a fresh build.
"""

from __future__ import annotations

from reportgen.writers.atomic import write_bytes_atomic
from reportgen.writers.docx_reference import REFERENCE_DOCX, build_reference_docx


def main() -> None:
    """Build the reference document and write it beside the writer."""
    data = build_reference_docx()
    write_bytes_atomic(REFERENCE_DOCX, data)
    print(f"wrote {REFERENCE_DOCX} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
