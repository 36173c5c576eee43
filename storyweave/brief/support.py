"""Support between sources: agreed and single facts, the cited summary, disputes."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyweave.models import Dispute, Fact, Figure, Source, SummaryItem


def weave(
    sources: Sequence[Source],
    docs: Sequence[Doc],
    figures: Sequence[Figure],
    summary_sentences: int = 5,
) -> tuple[list[SummaryItem], list[Fact], list[Dispute]]:
    """Summary (most corroborated first), facts, and non-numeric disputes."""
    return [], [], []
