"""A page's publication day as its markup states it, read without time-zone conversion.

htmldate (inside trafilatura) converts zoned timestamps to UTC, so a report stamped
``2024-06-19T05:50+09:00`` comes out as the 18th; the publisher's own day is the 19th. This
reads the usual publication fields first and leaves the rest to trafilatura.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from storyweave.ingest.dates import normalize_date

# Meta fields that name the first publication (not the last update), in order of trust.
_META_XPATH = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='date']/@content",
    "//*[@itemprop='datePublished']/@datetime",
)
# JSON-LD blocks larger than this are catalogues or app state, not article metadata.
MAX_JSON_LD_CHARS = 200_000


_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)")


def url_date(url: str | None) -> str | None:
    """``YYYY-MM-DD`` from a dated URL path such as ``/2024/06/19/slug``, or None."""
    match = _URL_DAY.search(urlsplit(url).path) if url else None
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return normalize_date(f"{year:04d}-{month:02d}-{day:02d}")


def markup_date(tree: lxml.html.HtmlElement | None) -> str | None:
    """``YYYY-MM-DD`` from JSON-LD ``datePublished`` or publication meta tags, or None."""
    if tree is None:
        return None
    for script in tree.xpath("//script[@type='application/ld+json']"):
        text = script.text or ""
        if len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for value in _json_ld_dates(data):
            day = normalize_date(value)
            if day:
                return day
    for xpath in _META_XPATH:
        for value in tree.xpath(xpath):
            day = normalize_date(value)
            if day:
                return day
    return None


def _json_ld_dates(data: Any) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_dates(item)
    elif isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _json_ld_dates(data[key])
