"""Bilingual formatting: the Formatter behind the templates ' filters, and the glossary."""
