"""The refinement ``StoryClusterer.fit`` runs after its first pass over a collection.

The first pass places each report knowing only the reports before it. Refinement, with the
whole collection known, moves each report to the story whose centroid it is now most similar
to (or alone, when none is similar enough), then merges stories whose centroids are similar
(a story split because its first reports happened to differ). Finally every story is renamed
after its earliest report, so ids do not depend on how the passes went.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from storyweave.cluster.similarity import time_factor
from storyweave.models import Article

if TYPE_CHECKING:
    from storyweave.cluster.clusterer import Query, Story, StoryClusterer


def refine(
    clusterer: StoryClusterer,
    ordered: Sequence[Article],
    terms: dict[str, dict[str, float]],
    meanings: dict[str, np.ndarray],
    rounds: int,
    merge_threshold: float,
) -> None:
    """Move reports to their best story, merge close stories, rename stories; in place."""
    from storyweave.cluster.clusterer import day_number

    units = {a.id: clusterer._unit(terms[a.id]) for a in ordered}
    days = {a.id: day_number(a.published) for a in ordered}
    members: dict[str, set[str]] = {}
    for article_id, story_id in clusterer.assignments_.items():
        members.setdefault(story_id, set()).add(article_id)
    for _ in range(rounds):
        for article in ordered:
            meaning = meanings[article.id]
            _leave(
                clusterer,
                article.id,
                terms[article.id],
                units[article.id][1],
                meaning,
                days,
                members,
            )
            unit, size = units[article.id]
            best, _ = clusterer._best_story(unit, days[article.id], meaning)
            story_id = best if best is not None else _free_id(clusterer, article.id)
            clusterer._join(story_id, terms[article.id], size, days[article.id], meaning)
            clusterer._index(story_id, unit)
            clusterer.assignments_[article.id] = story_id
            members.setdefault(story_id, set()).add(article.id)
    _merge(clusterer, merge_threshold, members)
    _rename(clusterer, ordered, units)


def _leave(
    clusterer: StoryClusterer,
    article_id: str,
    terms: dict[str, float],
    size: float,
    meaning: np.ndarray,
    days: dict[str, int | None],
    members: dict[str, set[str]],
) -> None:
    story_id = clusterer.assignments_.pop(article_id)
    members[story_id].discard(article_id)
    story = clusterer.stories_[story_id]
    if story.member_squares is not None:
        story.member_squares = max(0.0, story.member_squares - 1.0)
    story.size -= 1
    story.member_name_squares = max(
        0.0, story.member_name_squares - clusterer._names_square(terms, size)
    )
    if story.size == 0:
        del clusterer.stories_[story_id]
        del members[story_id]
        return
    clusterer._add(story, terms, -1.0 / size)
    if story.meaning is not None:
        story.meaning = story.meaning - meaning
    member_days = [d for a in members[story_id] if (d := days[a]) is not None]
    story.first = min(member_days, default=None)
    story.last = max(member_days, default=None)


def _free_id(clusterer: StoryClusterer, article_id: str) -> str:
    from storyweave.cluster.clusterer import story_id_for

    story_id = story_id_for(article_id)
    n = 0
    while story_id in clusterer.stories_:
        n += 1
        story_id = f"{story_id_for(article_id)}~{n}"
    return story_id


def _merge(
    clusterer: StoryClusterer,
    threshold: float,
    members: dict[str, set[str]],
    only: Iterable[str] | None = None,
    survivor: Callable[[str, str], tuple[str, str]] | None = None,
    refused: set[str] | None = None,
) -> dict[str, str]:
    """Merge close stories, closest pair first, until no pair qualifies; in place.

    ``only`` limits the search to pairs with one of these stories (default: every story);
    ``survivor`` orders a pair as ``(kept, merged away)`` (default: the smaller id is kept);
    stories in ``refused`` are never merged.
    Returns ``{merged-away story: story now holding its reports}``.
    """
    from storyweave.cluster.clusterer import EMBED_FLOOR

    stories = clusterer.stories_
    # Mean vectors, made when first needed: an incremental merge looks at a few stories of
    # a store that may hold hundreds of thousands.
    centroids: dict[str, dict[str, float]] = {}

    def centroid(sid: str) -> dict[str, float]:
        if sid not in centroids:
            centroids[sid] = clusterer._mean(stories[sid])
        return centroids[sid]

    merged_into: dict[str, str] = {}
    queries: dict[str, Query] = {}

    def current(sid: str) -> str:
        while sid in merged_into:
            sid = merged_into[sid]
        return sid

    def score(a: str, b: str) -> float:
        sa, sb = stories[a], stories[b]
        discount = time_factor(sa.first, sb.first, sb.last, sa.last)
        if discount < EMBED_FLOOR:
            return 0.0
        if a not in queries:
            queries[a] = clusterer._query(centroid(a))
        similarity, names, name_dot = clusterer._scores(queries[a], stories[b])
        similarity *= discount
        name_cosine = clusterer._name_cosine(name_dot, clusterer._member_name_length(sa), sb)
        # Names are asked to agree as the larger story's members agree among themselves,
        # as a report joining a story is: the answer then does not depend on which of the
        # two is looked at from the other.
        larger = max(sa, sb, key=lambda s: (s.size, clusterer._name_cohesion(s)))
        agree = clusterer.close_enough(
            similarity,
            sa.meaning,
            sb,
            sa.size,
            threshold,
            names,
            name_cosine,
            discount,
            names_of=larger,
        )
        return similarity if agree else 0.0

    def neighbours(sid: str) -> dict[tuple[str, str], float]:
        found = {}
        salient = clusterer._salient(centroid(sid))
        for other in sorted({current(c) for c in clusterer._candidates(salient, live=False)}):
            if other != sid and other in stories and other not in (refused or ()):
                s = score(sid, other)
                if s > 0.0:
                    found[(min(sid, other), max(sid, other))] = s
        return found

    pairs: dict[tuple[str, str], float] = {}
    for sid in sorted(stories if only is None else {s for s in only if s in stories}):
        pairs.update(neighbours(sid))
    while pairs:
        (a, b), _ = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
        if survivor is not None:
            a, b = survivor(a, b)
        keep, gone = stories[a], stories.pop(b)
        for term, weight in gone.total.items():
            keep.total[term] = keep.total.get(term, 0.0) + weight
        if keep.member_squares is not None or gone.member_squares is not None:
            keep.member_squares = keep.members_squared() + gone.members_squared()
        keep.size += gone.size
        keep.member_name_squares += gone.member_name_squares
        keep.squares = None
        if gone.meaning is not None:
            keep.meaning = gone.meaning if keep.meaning is None else keep.meaning + gone.meaning
        keep.add_dates(gone.first)
        keep.add_dates(gone.last)
        for article_id in members.pop(b):
            clusterer.assignments_[article_id] = a
            members[a].add(article_id)
        merged_into[b] = a
        centroids.pop(b, None)
        centroids.pop(a, None)
        queries.pop(a, None)
        pairs = {p: s for p, s in pairs.items() if a not in p and b not in p}
        pairs.update(neighbours(a))
    return {gone: current(gone) for gone in merged_into}


def _rename(
    clusterer: StoryClusterer,
    ordered: Sequence[Article],
    units: dict[str, tuple[dict[str, float], float]],
) -> None:
    from storyweave.cluster.clusterer import story_id_for

    renamed: dict[str, str] = {}
    for article in ordered:  # date order: the first member seen founds the story
        old = clusterer.assignments_[article.id]
        renamed.setdefault(old, story_id_for(article.id))
    clusterer.stories_ = {renamed[sid]: s for sid, s in clusterer.stories_.items()}
    clusterer.assignments_ = {a: renamed[s] for a, s in clusterer.assignments_.items()}
    clusterer.postings_ = {}
    for article in ordered:
        clusterer._index(clusterer.assignments_[article.id], units[article.id][0])


def merge_touched(
    clusterer: StoryClusterer, touched: Iterable[str], refused: Iterable[str] = ()
) -> dict[str, str]:
    """After ``partial_fit`` placed new reports, merge the stories they touched with close ones.

    A story founded by a report that differed from its story's first reports (a new angle,
    a follow-up) merges with it once enough reports bridge the two, as ``fit`` would merge
    them. The story founded first keeps its id, so ids stay those ``fit`` gives; the other's
    reports move to it, and it is indexed under the merged centroid's salient terms. Stories
    in ``refused`` (founded in this batch by a report every candidate refused) are not merged.

    Returns:
        ``{merged-away story: story now holding its reports}``.
    """
    from storyweave.cluster.clusterer import MERGE_MIN_SIZE

    stories = clusterer.stories_
    touched = sorted(s for s in set(touched) if stories[s].size >= MERGE_MIN_SIZE)
    if not touched:
        return {}
    members = clusterer._member_index()

    def survivor(a: str, b: str) -> tuple[str, str]:
        return (a, b) if _founding_key(stories[a], a) <= _founding_key(stories[b], b) else (b, a)

    merged = _merge(clusterer, clusterer.merge_threshold, members, touched, survivor, set(refused))
    # What this changed (stories resized or gone, moved reports, index entries) is recorded
    # by ``partial_fit``'s own change tracking.
    for kept in sorted(set(merged.values())):
        clusterer._index(kept, clusterer._mean(stories[kept]))
    return merged


def _founding_key(story: Story, story_id: str) -> tuple[bool, int, str]:
    """Order of stories by their founding report, as ``unique_in_order`` orders reports."""
    return (story.first is None, story.first or 0, story_id)
