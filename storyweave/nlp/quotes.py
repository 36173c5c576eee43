"""Direct and reported quotations with their speakers."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyweave.models import Entity, Quote, Source


def find_quotes(
    sources: Sequence[Source], docs: Sequence[Doc], entities: Sequence[Entity]
) -> list[Quote]:
    """Quotations merged across sources, speakers resolved to entity names."""
    return []
