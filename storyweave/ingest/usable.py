"""Inputs that hold no article: pages whose text is all page furniture.

A cookie wall, a "JavaScript has been disabled" notice, an error page or a site's menu scraped
in place of a report reads as text, but cleaning (:mod:`storyweave.clean`, the same pass a
brief makes) removes nearly all of it. Such an input is rejected with its reason instead of
founding a story of its own or lending its menu words to real ones. A short text that cleaning
keeps (a two-line brief) is an article, however short.
"""

from __future__ import annotations

from storyweave.clean import clean_articles
from storyweave.clean.junk import BOILERPLATE, CAPTION, CREDIT, METADATA
from storyweave.errors import Reason
from storyweave.models import Article, Rejected

# What cleaning removes as page furniture, as opposed to a headline or a repeated paragraph.
FURNITURE = frozenset({BOILERPLATE, CAPTION, CREDIT, METADATA})

# A text is furniture only when, without what cleaning removes as furniture, fewer
# characters than this are left (the shortest article an HTML page may hold,
# ``html.MIN_ARTICLE_CHARS``)...
MIN_KEPT_CHARS = 150
# ...and furniture is at least this share of it. On LocalNews (`python bench/unusable.py`) the
# rule rejects 34 of the 126 records the data set's authors excluded (cookie walls, script
# notices, error pages, menus) and none of the 1,224 they kept.
MIN_REMOVED_SHARE = 0.5


def furniture_only(article: Article) -> Rejected | None:
    """A rejection when cleaning leaves (almost) nothing of the article's text, else None."""
    source = clean_articles([article])[0]
    total = len(article.text.strip())
    # The first line taken for a headline, or a paragraph printed twice, is still the report.
    furniture = sum(len(r.text) for r in source.removed if r.reason in FURNITURE)
    kept = max(0, total - furniture)
    if kept >= MIN_KEPT_CHARS or furniture < total * MIN_REMOVED_SHARE:
        return None
    where = article.path or article.input
    if article.kind != "text" and article.path and article.input != article.path:
        where = f"{article.path} record '{article.input}'"
    detail = (
        f"{where}: no article, only page furniture (menus, cookie or script notices, links): "
        f"{kept} of {total} characters are left after cleaning"
    )
    return Rejected(article.input, Reason.NO_ARTICLE, detail)
