"""Bylines as extractors find them, without the words around the names.

trafilatura joins several authors with ``"; "`` and sometimes keeps link text ("View all
posts by ..."), placeholders ("No Author") or the outlet's own name next to the reporters.
"""

from __future__ import annotations

import re

from storyweave.ingest.titles import site_keys

_LEAD = re.compile(r"^(?:view all posts by|posted by|written by|story by|article by|by)\s+", re.I)
# Byline values that name nobody. Collected from the extraction data set's pages; extend with
# care, as a real name must never match.
_PLACEHOLDERS = frozenset(
    "no author|article by|submitted|admin|administrator|unknown|anonymous|letters|"
    "phd|md|ph d|m d".split("|")
)


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def clean_author(author: str | None, outlet: str | None, url: str | None) -> str | None:
    """The names in a byline joined by ``"; "``, or None when it names nobody.

    The outlet's own name is dropped when reporters are named beside it
    (``"Rob Smith; CNN"`` -> ``"Rob Smith"``) and kept when it is the only byline.
    """
    if not author:
        return None
    names = []
    for part in author.split(";"):
        name = _LEAD.sub("", " ".join(part.split())).strip(" ,.")
        if name and name.casefold() not in _PLACEHOLDERS and name not in names:
            names.append(name)
    keys = site_keys(outlet, url)
    people = [n for n in names if _squash(n) not in keys]
    return "; ".join(people or names) or None
