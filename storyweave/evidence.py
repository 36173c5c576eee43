"""Evidence spans: exact character ranges of a source's cleaned text."""

from __future__ import annotations

from storyweave.models import Evidence, Source


def span(source: Source, start: int, end: int, phrase: str | None = None) -> Evidence:
    """Evidence for ``source.text[start:end]``, trimmed of surrounding whitespace.

    Example:
        >>> span(src, 0, 12).text == src.text[0:12].strip()
    """
    if not 0 <= start <= end <= len(source.text):
        raise ValueError(f"span {start}:{end} outside source {source.sid} of {len(source.text)}")
    while start < end and source.text[start].isspace():
        start += 1
    while end > start and source.text[end - 1].isspace():
        end -= 1
    return Evidence(source.sid, start, end, source.text[start:end], phrase)


def find(source: Source, text: str, phrase: str | None = None) -> Evidence | None:
    """Evidence for the first occurrence of ``text`` in the source, or None."""
    at = source.text.find(text)
    if at < 0:
        return None
    return span(source, at, at + len(text), phrase)
