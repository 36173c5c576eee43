"""Rules that judge one line on its own: widgets, badges, credits, captions, metadata."""

from __future__ import annotations

from storyweave.clean import patterns as p
from storyweave.clean.dateline import dateline_date
from storyweave.clean.lines import is_sentence, words

# Reasons recorded in ``Source.removed``.
BOILERPLATE = "boilerplate"
CAPTION = "caption"
CREDIT = "credit"
METADATA = "metadata"
TITLE = "title"
DUPLICATE = "duplicate"

# Promotional phrases inside a line only condemn short lines: a disclaimer or app plug is one
# or two sentences, while a 60-word paragraph quoting "subscribe to our channel" is reporting.
PHRASE_MAX_WORDS = 40
# UI-word lines are short ("Share on WhatsApp Facebook Email"); longer ones are prose.
UI_MAX_WORDS = 6
# Credit lines are a name and an agency; captions and prose are longer.
CREDIT_MAX_WORDS = 15
# A photo caption is one to three sentences; a longer line ending in "Photo: ..." is a
# paragraph the scraper ran into the credit of the picture below it, and is kept.
CAPTION_MAX_WORDS = 70


def line_reason(line: str) -> str | None:
    """Why a line is junk on its face (a reason of ``Source.removed``), or None to keep it.

    Example:
        >>> line_reason("Image: Jane Doe/REUTERS")
        'credit'
    """
    text = line.strip()
    n_words = len(words(text))
    if p.no_word(text) or p.BADGE.match(text) or p.BOILERPLATE.match(text):
        return BOILERPLATE
    if p.TEMPLATE.match(text) or p.WIRE_MARKER.match(text) or p.garbled(text):
        return BOILERPLATE
    if p.menu_bar(text):
        return BOILERPLATE
    if n_words <= UI_MAX_WORDS and (p.UI_ONLY.match(text) or p.UI_TAIL.match(text)):
        return BOILERPLATE
    if n_words <= PHRASE_MAX_WORDS and (
        p.BOILERPLATE_PHRASE.search(text) or p.TRANSLATION_BANNER.search(text)
    ):
        return BOILERPLATE
    if dateline_date(text) or _is_metadata(text):
        return METADATA
    if n_words <= CREDIT_MAX_WORDS and p.CREDIT.match(text):
        return CREDIT
    if p.CAPTION_START.match(text):
        return CAPTION
    if p.CAPTION_CREDIT_TAIL.search(text) and not p.REPORTING.search(text):
        return CAPTION
    if n_words <= CAPTION_MAX_WORDS and p.LABELLED_CREDIT_TAIL.search(text):
        return CAPTION
    return _all_junk(text) if n_words <= PHRASE_MAX_WORDS else None


def _all_junk(text: str) -> str | None:
    """The first reason when a short line is several sentences, each junk on its own.

    "Featured image adapted from X on Facebook. Photo on right for illustration purposes
    only." is two credits run onto one line; a line with one sentence of reporting is kept.
    """
    parts = p.SENTENCE_BREAK.split(text)
    if len(parts) < 2:
        return None
    reasons = [line_reason(part) for part in parts]
    return reasons[0] if all(reasons) else None


def _is_metadata(text: str) -> bool:
    if p.EMAIL_ONLY.match(text) or p.URL_ONLY.match(text) or p.EMBED_FOOTER.match(text):
        return True
    if len(words(text)) <= p.AUTHOR_NOTE_MAX_WORDS and p.AUTHOR_NOTE.match(text):
        return True
    if is_sentence(text):
        return False
    return bool(p.BYLINE.match(text) or p.AGO.match(text) or p.LABELLED_META.match(text))
