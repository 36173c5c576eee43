"""Counted quantities, grouped across sources, with conflicts."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyweave.models import Figure, Source


def find_figures(sources: Sequence[Source], docs: Sequence[Doc]) -> list[Figure]:
    """Every counted quantity grouped by what it counts; conflicts marked."""
    return []
