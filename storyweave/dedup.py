"""Exact and near-duplicate (wire reprint) detection."""

from __future__ import annotations

from collections.abc import Sequence

from storyweave.models import Source


def mark_duplicates(sources: Sequence[Source]) -> list[Source]:
    """Return the sources with ``duplicate_of`` set on near-copies of an earlier source."""
    return list(sources)
