"""Rules that judge a line by where it sits: title, header and footer zones, menus."""

from __future__ import annotations

import re

from storyweave.clean.junk import BOILERPLATE, DUPLICATE, METADATA, TITLE
from storyweave.clean.lines import is_body, is_headline, is_sentence, is_short_label, norm, words
from storyweave.clean.patterns import RELATED_HEADING

# Above the first body paragraph, labels of this many words or fewer are bylines, outlet
# names and section tags ("Parliament", "Jane Doe", "TNP"); a standfirst is longer.
HEADER_LABEL_MAX_WORDS = 5
# Below the last body paragraph, unpunctuated lines up to this long are related-story
# headlines and footer links; real closing lines end with a full stop.
FOOTER_LABEL_MAX_WORDS = 16
# Four short unpunctuated lines in a row are a menu, not a list of subheadings.
MENU_LABEL_MAX_WORDS = 5
MENU_MIN_RUN = 4
# A line between two junk lines is junk when it is no longer than a related-story headline.
SANDWICH_MAX_WORDS = 20
# Lines from one related-story item to the next ("-", "Politics 4 days ago", headline).
LIST_ITEM_SPAN = 4

# Section tags ("Local", "World news") sit above headlines; a headline has more words.
TITLE_MIN_WORDS = 3

_JUNK = {BOILERPLATE, METADATA}
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:]\s+")


def mark_title(units: list[str], reasons: list[str | None], title: str | None) -> str | None:
    """Mark title lines in place and return the title.

    With a known title, every line equal to it (or to it without a " - Site name" suffix)
    goes. Without one, the first kept line becomes the title when it is shaped like a
    headline and body text follows it.
    """
    if title is None:
        title = _first_headline(units, reasons)
        if title is None:
            return None
    keys = {norm(title)} | {norm(part) for part in _TITLE_SEPARATORS.split(title) if len(part) > 20}
    for i, unit in enumerate(units):
        if reasons[i] is None and norm(unit) in keys:
            reasons[i] = TITLE
    return title


def _first_headline(units: list[str], reasons: list[str | None]) -> str | None:
    """The first kept headline-shaped line above the body; section tags before it are skipped."""
    for unit, reason in zip(units, reasons, strict=True):
        if reason is not None:
            continue
        if is_body(unit):
            return None
        if is_headline(unit) and len(words(unit)) >= TITLE_MIN_WORDS:
            return unit
    return None


def mark_zones(units: list[str], reasons: list[str | None]) -> None:
    """Labels above the first and below the last body paragraph; menus; sandwiched lines."""
    body = [i for i, u in enumerate(units) if reasons[i] is None and is_body(u)]
    if body:
        for i in range(body[0]):
            if reasons[i] is None and is_short_label(units[i], HEADER_LABEL_MAX_WORDS):
                reasons[i] = METADATA
        # "Here's what you need to know:" closing the prose introduces a list that ends the
        # story: its short lines are the story, not footer links.
        if not units[body[-1]].rstrip().endswith(":"):
            for i in range(body[-1] + 1, len(units)):
                if reasons[i] is None and is_short_label(units[i], FOOTER_LABEL_MAX_WORDS):
                    reasons[i] = BOILERPLATE
    _mark_menus(units, reasons)
    _mark_sandwiched(units, reasons)
    _mark_related_lists(units, reasons)


def _mark_menus(units: list[str], reasons: list[str | None]) -> None:
    run: list[int] = []
    for i in range(len(units) + 1):
        label = i < len(units) and (
            reasons[i] in _JUNK
            or (reasons[i] is None and is_short_label(units[i], MENU_LABEL_MAX_WORDS))
        )
        if label:
            run.append(i)
            continue
        kept = [j for j in run if reasons[j] is None]
        if len(run) >= MENU_MIN_RUN and len(kept) >= 2 and not _introduced(units, reasons, run[0]):
            for j in kept:
                reasons[j] = BOILERPLATE
        run = []


def _introduced(units: list[str], reasons: list[str | None], first: int) -> bool:
    """Whether the short lines from ``first`` on follow a kept prose paragraph ending in a
    colon ("Five people were taken to hospital:"): a list the story itself gives, not a menu."""
    return (
        first > 0
        and reasons[first - 1] is None
        and units[first - 1].rstrip().endswith(":")
        and is_body(units[first - 1])
    )


def _mark_related_lists(units: list[str], reasons: list[str | None]) -> None:
    """Headline-shaped lines right under a related-stories heading ("Recommended Stories").

    The list runs until the first line with a sentence end: story text resumes there.
    """
    for i, unit in enumerate(units):
        if reasons[i] not in _JUNK or not RELATED_HEADING.match(unit.strip()):
            continue
        j = i + 1
        while j < len(units) and (
            reasons[j] in _JUNK
            or (reasons[j] is None and is_short_label(units[j], SANDWICH_MAX_WORDS))
        ):
            if reasons[j] is None:
                reasons[j] = BOILERPLATE
            j += 1


def _mark_sandwiched(units: list[str], reasons: list[str | None]) -> None:
    sandwiched = []
    for i in range(1, len(units) - 1):
        if (
            reasons[i] is None
            and reasons[i - 1] in _JUNK
            and reasons[i + 1] in _JUNK
            and not is_sentence(units[i])
            and is_short_label(units[i], SANDWICH_MAX_WORDS)
        ):
            reasons[i] = BOILERPLATE
            sandwiched.append(i)
    # The last item of a related-story list that ends the page has no junk line below it:
    # "-" / "Politics 4 days ago" / <headline>, repeated, the last headline closing the text.
    # It goes when it is shaped like the items above it (a headline, even one ending in a
    # quote mark) and the item before it went.
    last = len(units) - 1
    if (
        last >= 2
        and reasons[last] is None
        and reasons[last - 1] in _JUNK
        and any(last - LIST_ITEM_SPAN <= i < last for i in sandwiched)
        and is_headline(units[last])
        and len(words(units[last])) <= SANDWICH_MAX_WORDS
    ):
        reasons[last] = BOILERPLATE


def mark_duplicates(units: list[str], reasons: list[str | None]) -> None:
    """A kept line repeated later in the same body: the later copies go."""
    seen: set[str] = set()
    for i, unit in enumerate(units):
        if reasons[i] is not None:
            continue
        key = norm(unit)
        if key in seen:
            reasons[i] = DUPLICATE
        elif key:
            seen.add(key)
