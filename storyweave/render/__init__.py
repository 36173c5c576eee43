"""Render a Brief as JSON (the contract), Markdown or a self-contained HTML page."""

from __future__ import annotations

from storyweave.errors import UsageError
from storyweave.models import Brief

FORMATS = ("json", "md", "html")


def render(brief: Brief, fmt: str) -> str:
    """The brief as text in one of :data:`FORMATS`."""
    if fmt == "json":
        from storyweave.render.json_out import to_json_text

        return to_json_text(brief)
    if fmt == "md":
        from storyweave.render.markdown import to_markdown

        return to_markdown(brief)
    if fmt == "html":
        from storyweave.render.html import to_html

        return to_html(brief)
    raise UsageError("E003", f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
