"""Headlines without the site's name that pages append (or prepend) in ``<title>``.

``"Floods close the port - The Daily Harbour"`` becomes ``"Floods close the port"`` when the
page's headline (``<h1>``) says so, or when the cut-off part names the site: its ``og:site_name``,
the words of its host name (``dailyharbour.com``) or their initials (``tdh.com``). A part that
does not name the site stays, so ``"Floods - what we know"`` is kept whole.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit

# Separators between a headline and the site's name, as pages write them.
_SEPARATOR = re.compile(r"\s+(?:[|\-–—»·:]|--|::)\s+")
# Host-name labels that say nothing about the site.
_GENERIC_LABELS = frozenset(
    "www m amp news edition com org net gov edu co uk us ca au in de fr es it info tv".split()
)
# Names shorter than this (squashed to letters and digits) match too much by accident.
MIN_SITE_KEY = 3
# Some sites append their name with no separator at all ("... cancellations Singapore News").
# Among the titles of one outlet in one file of records, words that end at least this share of
# them, when there are at least this many, are the site's and are cut; up to this many words.
ENDING_SHARE = 0.8
ENDING_MIN_TITLES = 5
ENDING_MAX_WORDS = 4
# Words a title keeps at least, once an ending is cut.
ENDING_MIN_LEFT = 3


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def site_keys(sitename: str | None, url: str | None) -> set[str]:
    """Squashed forms of a site's name and of its host name's telling labels."""
    keys = {_squash(sitename)} if sitename else set()
    host = urlsplit(url).hostname if url else None
    if host:
        keys |= {label for label in host.split(".") if label not in _GENERIC_LABELS}
    return {key for key in keys if len(key) >= MIN_SITE_KEY}


# A section name between the headline and the site's name: "... | Coastal Town News - The Daily
# Harbour", "... | World - Site": a pipe, then up to four capitalised words.
_SECTION_TAIL = re.compile(r"\s+\|\s+[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|&|and|of)){0,3}$")


def _names_site(part: str, keys: set[str]) -> bool:
    squashed = _squash(part)
    if not squashed:
        return False
    if any(key in squashed or squashed in key for key in keys):
        return True
    # A host name made of the site name's initials: "New Straits Times" at nst.com.my.
    words = [w for w in re.findall(r"\w+", part) if w[0].isupper() or w[0].isdigit()]
    initials = "".join(w[0] for w in words).casefold()
    return len(words) >= MIN_SITE_KEY and initials in keys


def headline(
    title: str | None, h1s: list[str], sitename: str | None, url: str | None
) -> str | None:
    """The headline inside a page title, without the site's name around it."""
    if not title:
        return title
    title = " ".join(title.split())
    marks = list(_SEPARATOR.finditer(title))
    if not marks:
        return title
    for h1 in h1s:
        h1 = " ".join(h1.split())
        for mark in marks:
            if _squash(title[: mark.start()]) == _squash(h1) or _squash(
                title[mark.end() :]
            ) == _squash(h1):
                return h1
    keys = site_keys(sitename, url)
    if not keys:
        return title
    # The site named after the headline: cut at the first separator followed by its name.
    starts = [0] + [m.end() for m in marks]
    ends = [m.start() for m in marks] + [len(title)]
    for index in range(1, len(starts)):
        if _names_site(title[starts[index] : ends[index]], keys):
            return _SECTION_TAIL.sub("", title[: ends[index - 1]])
    # The site named before the headline: "Site | Headline".
    if _names_site(title[: ends[0]], keys):
        return title[starts[1] :]
    return title


def shared_endings(titles: Iterable[tuple[str | None, str | None]]) -> dict[str, str]:
    """``{outlet: words}`` for outlets whose titles nearly all end with the same words.

    ``titles`` holds ``(outlet, title)`` pairs, titles as :func:`headline` left them. The
    longest ending shared by ENDING_SHARE of an outlet's titles (at least ENDING_MIN_TITLES of
    them) is kept; an outlet whose titles share no ending is left out.

    Example:
        >>> news = ["Port closes for repairs", "Ferry sinks off the cape",
        ...         "Mayor resigns after vote", "Bridge opens to traffic", "Dockers go on strike"]
        >>> pairs = [("harbour.example", f"{h} Harbour Daily") for h in news]
        >>> shared_endings(pairs + [("other.example", "Port closes for repairs")])
        {'harbour.example': 'Harbour Daily'}
        >>> cut_ending("Ferry sinks off the cape Harbour Daily", "Harbour Daily")
        'Ferry sinks off the cape'
    """
    by_outlet: dict[str, list[list[str]]] = defaultdict(list)
    for outlet, title in titles:
        if outlet and title:
            by_outlet[outlet].append(title.split())
    endings = {}
    for outlet, split in sorted(by_outlet.items()):
        if len(split) < ENDING_MIN_TITLES:
            continue
        for size in range(ENDING_MAX_WORDS, 0, -1):
            counts = Counter(
                " ".join(words[-size:]) for words in split if len(words) >= size + ENDING_MIN_LEFT
            )
            if not counts:
                continue
            ending, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
            if n >= ENDING_SHARE * len(split) and any(ch.isalpha() for ch in ending):
                endings[outlet] = ending
                break
    return endings


def cut_ending(title: str | None, ending: str | None) -> str | None:
    """The title without ``ending`` (see :func:`shared_endings`) when it ends with it."""
    if not title or not ending:
        return title
    words = title.split()
    size = len(ending.split())
    if len(words) < size + ENDING_MIN_LEFT or " ".join(words[-size:]) != ending:
        return title
    return " ".join(words[:-size])
