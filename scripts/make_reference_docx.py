"""Write the DOCX writer's default reference documents beside it.

``reportgen/writers/reference.docx`` (English) and ``reference.zh.docx`` (the Chinese
look of GB/T 9704). Run from the repository root:
``uv run python scripts/make_reference_docx.py``. The output is reproducible (the same
bytes every run); tests/test_docx_reference.py checks that the committed files equal a
fresh build.
"""

from __future__ import annotations

from reportgen.writers.atomic import write_bytes_atomic
from reportgen.writers.docx_reference import build_reference_docx, reference_path


def main() -> None:
    """Build each language's reference document and write it beside the writer."""
    for lang in ("en", "zh"):
        data = build_reference_docx(lang)
        path = reference_path(lang)
        write_bytes_atomic(path, data)
        print(f"wrote {path} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
