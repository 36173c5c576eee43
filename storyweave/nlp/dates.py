"""Publication dates and the resolution of relative dates."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyweave.models import Source


def infer_published(sources: Sequence[Source], docs: Sequence[Doc]) -> list[Source]:
    """Fill in publication dates the story's evidence allows (``published_from="inferred"``)."""
    return list(sources)
