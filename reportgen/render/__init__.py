"""Rendering: the view of the facts in one language, and the sandboxed Jinja2 environment."""
