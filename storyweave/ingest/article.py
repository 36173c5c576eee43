"""Building Article records: the content-hash id and the language fallback in one place."""

from __future__ import annotations

import hashlib

from storyweave.ingest.language import language_of
from storyweave.models import Article


def content_id(text: str) -> str:
    """Content-hash id of a body text: the same text always gets the same id.

    Example:
        >>> content_id("Rain fell.") == content_id("Rain fell.")
        True
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def build_article(
    text: str,
    *,
    input: str,
    kind: str,
    path: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    language: str | None = None,
    author: str | None = None,
    captions: tuple[str, ...] = (),
) -> Article:
    """An Article whose id hashes ``text`` and whose language is the given code or detected.

    ``published_from`` is ``"metadata"`` whenever ``published`` is given, since every reader
    passes only dates that the input carried as a field or in its markup.
    """
    return Article(
        id=content_id(text),
        input=input,
        text=text,
        outlet=_clean(outlet),
        url=_clean(url),
        title=_clean(title),
        published=published,
        published_from="metadata" if published else None,
        language=language_of(language, text),
        author=_clean(author),
        kind=kind,
        path=path,
        captions=captions,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
