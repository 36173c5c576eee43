"""Cleaning already-extracted text: junk lines out, captions apart, dates read off datelines.

Each body is split into paragraphs (hard-wrapped lines joined back), and every paragraph is
either kept verbatim or moved to ``Source.removed`` with its reason. Kept paragraphs are joined
with a blank line, so later evidence spans point at unchanged sentences.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyweave.clean.captions import mark_captions
from storyweave.clean.dateline import first_date_in, pick_dateline
from storyweave.clean.junk import BOILERPLATE, CAPTION, METADATA, line_reason
from storyweave.clean.layout import mark_duplicates, mark_title, mark_zones
from storyweave.clean.lines import is_body, is_sentence, is_short_label, norm, paragraphs, typeset
from storyweave.models import Article, Removed, Source

# A line printed in this many different articles of one outlet in the same batch is site
# furniture ("Download the new app today."). Three keeps a story's own repeated quote (two
# reports of one outlet) while catching menus from any larger batch.
OUTLET_REPEAT_MIN_DOCS = 3
# Datelines are read from this many paragraphs at the top and at the bottom of a body.
DATELINE_ZONE = 8
# A date written in the text (not a dateline) is trusted only in a caption or in the lede:
# further down, full dates are mostly history ("elected on May 4, 1998"). 300 characters
# is about the first two sentences of a wire lede.
LEDE_CHARS = 300

PARAGRAPH_SEPARATOR = "\n\n"
# A line naming the outlet, without a sentence end, up to this long is a plug or a link.
SELF_PROMO_MAX_WORDS = 30
# Domain words shorter than this ("www", "co", "sg") or generic ones never name an outlet.
OUTLET_NAME_MIN_CHARS = 4
_DOMAIN_WORDS = {"www", "com", "net", "org", "news", "online", "https", "http", "amp", "html"}


def clean_articles(articles: Sequence[Article]) -> list[Source]:
    """Clean each article's body and number the sources S1, S2, ... in the given order.

    Args:
        articles: the reports, in input order.

    Returns:
        One Source per article: cleaned ``text``, ``title``, ``captions``, ``removed`` (every
        line taken out, with its reason) and ``published``/``published_from``.

    Example:
        >>> [s.sid for s in clean_articles(articles)]
        ['S1', 'S2']
    """
    bodies = [paragraphs(a.text) for a in articles]
    repeated = _outlet_furniture(articles, bodies)
    return [
        _clean_one(f"S{i}", article, units, repeated.get(article.outlet or "", set()))
        for i, (article, units) in enumerate(zip(articles, bodies, strict=True), 1)
    ]


def _outlet_furniture(articles: Sequence[Article], bodies: list[list[str]]) -> dict[str, set[str]]:
    """Per outlet, the lines that appear in many of its articles in this batch."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for article, units in zip(articles, bodies, strict=True):
        if not article.outlet:
            continue
        for unit in units:
            seen[article.outlet][norm(unit)].add(article.id)
    return {
        outlet: {key for key, ids in lines.items() if len(ids) >= OUTLET_REPEAT_MIN_DOCS}
        for outlet, lines in seen.items()
    }


def _clean_one(sid: str, article: Article, units: list[str], furniture: set[str]) -> Source:
    reasons = [line_reason(u) for u in units]
    _mark_furniture(units, reasons, furniture, article.outlet)
    reasons = mark_captions(units, reasons)
    title = mark_title(units, reasons, None if article.title is None else typeset(article.title))
    _mark_self_promotion(units, reasons, article.outlet)
    mark_zones(units, reasons)
    mark_duplicates(units, reasons)

    kept = [u for u, r in zip(units, reasons, strict=True) if r is None]
    removed = tuple(Removed(u, r) for u, r in zip(units, reasons, strict=True) if r is not None)
    captions = tuple(article.captions) + tuple(r.text for r in removed if r.reason == CAPTION)
    published, published_from = _published(article, units, reasons, kept, captions)
    return Source(
        sid=sid,
        article=article,
        text=PARAGRAPH_SEPARATOR.join(kept),
        title=title,
        published=published,
        published_from=published_from,
        removed=removed,
        captions=captions,
    )


def _mark_furniture(
    units: list[str], reasons: list[str | None], furniture: set[str], outlet: str | None
) -> None:
    """Lines repeated across the outlet's articles.

    A repeated sentence may be the outlet's stock line ("Police investigations are
    ongoing."), so prose goes only above the body and only when it names the outlet itself
    ("Read us anytime on ExampleNews."): self-promotion, not reporting.
    """
    if not furniture:
        return
    first_body = next((i for i, u in enumerate(units) if is_body(u)), len(units))
    names = _outlet_names(outlet)
    for i, unit in enumerate(units):
        if reasons[i] is None and norm(unit) in furniture:
            promo = i < first_body and bool(names & set(norm(unit).split()))
            if promo or not is_sentence(unit):
                reasons[i] = BOILERPLATE


def _mark_self_promotion(units: list[str], reasons: list[str | None], outlet: str | None) -> None:
    """Unpunctuated lines giving the outlet's own address: "Live news on Example.com".

    The domain itself ("example.com") or a handle ("@example") must appear: a bare name
    word may be a place the story is about ("india" in india-briefing.example).
    """
    domain = (outlet or "").casefold().removeprefix("www.")
    if "." not in domain:
        return
    handles = {"@" + name for name in _outlet_names(outlet)}
    for i, unit in enumerate(units):
        low = unit.casefold()
        if (
            reasons[i] is None
            and is_short_label(unit, SELF_PROMO_MAX_WORDS)
            and (domain in low or any(h in low for h in handles))
        ):
            reasons[i] = BOILERPLATE


def _outlet_names(outlet: str | None) -> set[str]:
    """Words of an outlet's domain that could name it in text: "stomp" in stomp.example.com."""
    parts = re.split(r"[^a-z0-9]+", (outlet or "").casefold())
    return {w for w in parts if len(w) >= OUTLET_NAME_MIN_CHARS and w not in _DOMAIN_WORDS}


def _published(
    article: Article,
    units: list[str],
    reasons: list[str | None],
    kept: list[str],
    captions: tuple[str, ...],
) -> tuple[str | None, str | None]:
    """Publication date: metadata, else a dateline at the top or bottom, else the lede."""
    if article.published:
        return article.published, article.published_from or "metadata"
    # The top wins over the bottom, where related-story time stamps also gather.
    first_body = next((i for i, r in enumerate(reasons) if r is None and is_body(units[i])), 0)
    top = range(min(len(units), max(DATELINE_ZONE, first_body)))
    bottom = range(max(len(units) - DATELINE_ZONE, len(top)), len(units))
    for zone in (top, bottom):
        found = pick_dateline([units[i] for i in zone if reasons[i] == METADATA])
        if found:
            return found, "dateline"
    lede = PARAGRAPH_SEPARATOR.join(kept)[:LEDE_CHARS]
    for text in (*captions, lede):
        found = first_date_in(text)
        if found:
            return found, "text"
    return None, None


__all__ = ["BOILERPLATE", "clean_articles"]
