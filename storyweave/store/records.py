"""Records the store hands out: stories, search hits, the summary of an ingest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyweave.models import Rejected


@dataclass(frozen=True)
class StoredStory:
    """A story as the store holds it.

    ``version`` grows by one with every ingest run that changes the story's article set.
    ``independent_count`` counts the articles that are not near-copies of another.
    """

    id: str
    headline: str
    article_count: int
    independent_count: int
    first_published: str | None
    last_published: str | None
    version: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline": self.headline,
            "articles": self.article_count,
            "independent_sources": self.independent_count,
            "first_published": self.first_published,
            "last_published": self.last_published,
            "version": self.version,
        }


@dataclass(frozen=True)
class SearchHit:
    """One article matching a full-text query, best first (lower ``score`` is better)."""

    article_id: str
    title: str | None
    outlet: str | None
    story_id: str | None
    snippet: str
    score: float

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "story_id": self.story_id,
            "snippet": self.snippet,
            "score": round(self.score, 6),
        }


@dataclass(frozen=True)
class StoryHit:
    """One story with articles matching a full-text query: its best match and how many."""

    story_id: str
    headline: str | None
    articles: int
    matching: int
    best: SearchHit

    def to_json(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "headline": self.headline,
            "articles": self.articles,
            "matching_articles": self.matching,
            "best_article_id": self.best.article_id,
            "snippet": self.best.snippet,
            "score": round(self.best.score, 6),
        }


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest run did.

    ``already_stored`` counts articles whose content id the store held already (or that
    came twice in this run); ``near_copies`` counts new articles stored as near-copies of an
    earlier one (``duplicate_of``), which join that article's story.
    """

    run: int
    read: int
    added: int
    already_stored: int
    near_copies: int
    rejected: tuple[Rejected, ...]
    stories_touched: tuple[str, ...]
    stories_new: int
    stopped: bool = False  # ended early by Ctrl-C or SIGTERM, after a committed batch
    files_unchanged: int = 0  # files skipped: stored before, unchanged since

    def to_json(self) -> dict[str, Any]:
        return {
            "run": self.run,
            "read": self.read,
            "added": self.added,
            "duplicates": self.already_stored + self.near_copies,
            "already_stored": self.already_stored,
            "near_copies": self.near_copies,
            "rejected": len(self.rejected),
            "rejected_inputs": [r.to_json() for r in self.rejected],
            "stories_touched": len(self.stories_touched),
            "stories_new": self.stories_new,
            "touched_story_ids": list(self.stories_touched),
            "files_unchanged": self.files_unchanged,
            **({"stopped": True} if self.stopped else {}),
        }
