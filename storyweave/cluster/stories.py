"""Group a collection of articles into stories in one call, in a stable order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storyweave.cluster.clusterer import StoryClusterer
from storyweave.models import Article


def cluster_articles(
    articles: Sequence[Article],
    clusterer: StoryClusterer | None = None,
    incremental: bool = False,
    batch_size: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[tuple[str, list[Article]]]:
    """Cluster articles into stories: ``[(story_id, [articles])]``.

    Args:
        articles: the reports; repeated content ids count once.
        clusterer: the clusterer to use (default ``StoryClusterer(seed=1)``).
        incremental: feed the articles in date order through ``partial_fit``, ``batch_size``
            at a time, instead of one batch ``fit``.
        batch_size: articles per ``partial_fit`` call when incremental.
        progress: called with 1 as each distinct article is placed (for a progress bar).

    Stories are ordered by their earliest report's date (undated last), then id; articles in
    a story by date, then input order.
    """
    from storyweave.cluster.clusterer import _date_order, unique_in_order

    clusterer = clusterer or StoryClusterer(seed=1)
    if incremental:
        ordered = unique_in_order(articles)
        for start in range(0, len(ordered), batch_size):
            clusterer.partial_fit(ordered[start : start + batch_size], progress=progress)
        # Read at the end: a later batch may merge an earlier report's story into another.
        assignments = {a.id: clusterer.assignments_[a.id] for a in ordered}
    else:
        assignments = clusterer.fit(articles, progress=progress)
    grouped: dict[str, list[Article]] = {}
    for article in articles:
        grouped.setdefault(assignments[article.id], []).append(article)
    for members in grouped.values():
        members.sort(key=lambda a: _date_order(a)[:2])
    return sorted(grouped.items(), key=lambda kv: (_date_order(kv[1][0]), kv[0]))
