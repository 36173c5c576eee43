"""Damage flags on a cleaned source (dropped words, machine translation)."""

from __future__ import annotations

from spacy.tokens import Doc

from storyweave.models import Flag, Source


def detect_flags(source: Source, doc: Doc) -> tuple[Flag, ...]:
    """Flags for one source, each with the damaged text as evidence."""
    return ()
