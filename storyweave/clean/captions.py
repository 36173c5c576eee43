"""Photo captions that only show as such beside their neighbours: galleries, split credits."""

from __future__ import annotations

from storyweave.clean.junk import CAPTION, CREDIT
from storyweave.clean.lines import is_sentence, is_short_label, norm

# A gallery heading is a few words ("Leadership under pressure"); longer lines are standfirsts.
GALLERY_HEADING_MAX_WORDS = 8
# One heading + paragraph + credit could be a figure in the story; two or more make a gallery.
GALLERY_MIN_ITEMS = 2
# A credit split from its caption ("Interior Ministry Press Office") is a short label.
SPLIT_CREDIT_MAX_WORDS = 8


def mark_captions(units: list[str], reasons: list[str | None]) -> list[str | None]:
    """Mark gallery items and split credits as captions/credits; returns new reasons."""
    reasons = list(reasons)
    _mark_gallery(units, reasons)
    _mark_split_credits(units, reasons)
    return reasons


def _mark_gallery(units: list[str], reasons: list[str | None]) -> None:
    """Gallery item: short heading, one paragraph, then a credit line, repeated.

    An item without a heading keeps its paragraph: the credit alone goes.
    """
    items: list[tuple[int, int]] = []
    for i, reason in enumerate(reasons):
        if reason != CREDIT or i < 2:
            continue
        heading, paragraph = i - 2, i - 1
        if (
            reasons[paragraph] is None
            and reasons[heading] is None
            and is_short_label(units[heading], GALLERY_HEADING_MAX_WORDS)
            and is_sentence(units[paragraph])
        ):
            items.append((heading, paragraph))
    if len(items) < GALLERY_MIN_ITEMS:
        return
    for heading, paragraph in items:
        reasons[heading] = CAPTION
        reasons[paragraph] = CAPTION


def _mark_split_credits(units: list[str], reasons: list[str | None]) -> None:
    """A short label right beside a caption whose words it repeats is that caption's credit."""
    for i, reason in enumerate(reasons):
        if reason is not None or not is_short_label(units[i], SPLIT_CREDIT_MAX_WORDS):
            continue
        key = norm(units[i])
        for j in (i - 1, i + 1):
            if 0 <= j < len(units) and reasons[j] == CAPTION and key and key in norm(units[j]):
                reasons[i] = CREDIT
                break
