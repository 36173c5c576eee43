"""Dated events, relative dates resolved, merged across sources."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyweave.models import Source, TimelineEntry


def build_timeline(sources: Sequence[Source], docs: Sequence[Doc]) -> list[TimelineEntry]:
    """Timeline entries in date order."""
    return []
