"""Writers: rendered Markdown → files (Markdown with assets, DOCX)."""
