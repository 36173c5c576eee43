"""RSS and Atom feeds: one Article per item.

An item's body comes from its linked page when that page is saved beside the feed, else from
the item's own content or summary. The saved-page rule: take the last non-empty segment of the
link's URL path (``index.html``/``index.htm`` count as empty), percent-decoded; in the feed's
folder, that name itself when it ends in ``.html``/``.htm``, else that name plus ``.html`` or
``.htm``. So ``https://example.org/world/2024/05/flood-hits-town/`` matches
``flood-hits-town.html`` next to the feed.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import feedparser

from storyweave.errors import Reason
from storyweave.ingest.article import build_article
from storyweave.ingest.dates import normalize_date
from storyweave.ingest.files import Loaded, load
from storyweave.ingest.html import Extracted, decode_html, extract_html, fragment_text
from storyweave.models import Article, Rejected

_PAGE_SUFFIXES = (".html", ".htm")


def saved_page(folder: Path, link: str | None) -> Path | None:
    """The page saved in ``folder`` for an item's link, by the rule in the module docstring."""
    if not link:
        return None
    segments = [unquote(s) for s in urlsplit(link).path.split("/") if s]
    while segments and segments[-1].lower() in ("index.html", "index.htm"):
        segments.pop()
    if not segments or "/" in segments[-1] or segments[-1].startswith("."):
        return None
    last = segments[-1]
    names = [last] if last.lower().endswith(_PAGE_SUFFIXES) else [last + s for s in _PAGE_SUFFIXES]
    return next((folder / n for n in names if (folder / n).is_file()), None)


def read_feed(loaded: Loaded) -> tuple[list[Article | Rejected], set[Path]]:
    """Articles of a feed's items, and the saved pages that supplied item bodies."""
    name = str(loaded.path)
    parsed = feedparser.parse(loaded.raw)
    if not parsed.entries:
        why = parsed.get("bozo_exception") if parsed.bozo else "it has no items"
        if not parsed.version:
            why = f"not an RSS or Atom feed ({why})"
        return [Rejected(name, Reason.BAD_FEED, f"{name}: {why}")], set()
    channel = parsed.feed
    outlet = channel.get("title") or urlsplit(channel.get("link", "")).hostname
    used: set[Path] = set()
    results: list[Article | Rejected] = []
    for number, entry in enumerate(parsed.entries, 1):
        item_id = entry.get("id") or entry.get("link") or f"{loaded.path.name}#{number}"
        page_path = saved_page(loaded.path.parent, entry.get("link"))
        page = _page(page_path, entry.get("link")) if page_path else None
        if page is not None and page_path is not None:
            used.add(page_path)
        text = page.text if page else _entry_text(entry)
        if not text:
            why = f"{name} item {number} ({item_id}): no content, summary or saved page"
            results.append(Rejected(f"{name}#{number}", Reason.BAD_RECORD, why))
            continue
        results.append(
            build_article(
                text,
                input=item_id,
                kind="feed",
                path=str(page_path if page else loaded.path),
                outlet=outlet or (page.outlet if page else None),
                url=entry.get("link") or (page.url if page else None),
                title=entry.get("title") or (page.title if page else None),
                published=_entry_date(entry) or (page.published if page else None),
                language=_entry_language(entry, channel) or (page.language if page else None),
                author=entry.get("author") or (page.author if page else None),
                captions=page.captions if page else (),
            )
        )
    return results, used


def _page(path: Path, link: str | None) -> Extracted | None:
    loaded = load(path)
    if isinstance(loaded, Rejected):
        return None
    html = decode_html(loaded.raw, loaded.bom_encoding)
    return extract_html(html, link) if html is not None else None


def _entry_text(entry: Any) -> str:
    for content in entry.get("content", []):
        text = fragment_text(content.get("value", ""))
        if text:
            return text
    return fragment_text(entry.get("summary", ""))


def _entry_date(entry: Any) -> str | None:
    # The written date keeps the publisher's local day; feedparser's parsed tuple is in UTC.
    for key in ("published", "updated"):
        day = normalize_date(entry.get(key))
        if day:
            return day
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if stamp:
            return time.strftime("%Y-%m-%d", stamp)
    return None


def _entry_language(entry: Any, channel: Any) -> str | None:
    for content in entry.get("content", []):
        if content.get("language"):
            return str(content["language"])
    return channel.get("language")
