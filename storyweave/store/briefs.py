"""Briefs of stored stories: served from the store while current, else rebuilt and saved.

A stored brief is current when it was built from the story's present version, with the
same options, JSON schema and storyweave version. Ingest only bumps the versions of the
stories it changed, so only those are ever rebuilt.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from storyweave import __version__
from storyweave.models import Brief
from storyweave.store import open_store, resolve_db_path
from storyweave.store.articles import load_articles
from storyweave.store.briefcodec import UnsupportedValue, decode, encode
from storyweave.store.connection import transaction
from storyweave.store.errors import unknown_story
from storyweave.store.records import StoredStory
from storyweave.store.stories import BRIEF_HEADLINE_KEY, get_story, member_ids

if TYPE_CHECKING:
    from storyweave.pipeline import BriefOptions


def options_key(options: BriefOptions) -> str:
    """The brief options as canonical JSON, to tell briefs built differently apart."""
    return json.dumps(asdict(options), sort_keys=True)


def load_brief(conn: sqlite3.Connection, story: StoredStory, options: BriefOptions) -> Brief | None:
    """The stored brief of ``story`` when it is current, else None."""
    from storyweave.render.json_out import SCHEMA, brief_json

    row = conn.execute(
        "SELECT json, record FROM briefs WHERE story_id = ? AND story_version = ? "
        "AND schema = ? AND built_with = ? AND options = ?",
        (story.id, story.version, SCHEMA, __version__, options_key(options)),
    ).fetchone()
    if row is None or row["record"] is None:
        return None
    data = json.loads(row["record"])
    ids = [s["article_id"] for s in json.loads(row["json"]).get("sources", ())]
    articles = load_articles(conn, ids)
    try:
        brief = decode(data, articles.__getitem__)
    except (KeyError, TypeError, ValueError, AttributeError, ImportError):
        return None
    # A brief that no longer prints as it was stored is stale, whatever its version says.
    if not isinstance(brief, Brief) or brief_json(brief) != json.loads(row["json"]):
        return None
    return brief


def save_brief(
    conn: sqlite3.Connection, story: StoredStory, options: BriefOptions, brief: Brief
) -> None:
    """Store ``brief`` as the brief of ``story`` at the version it was built from.

    The contract JSON is always stored; the typed record only when every value in the
    brief has a typed form (otherwise the brief is rebuilt when asked for again).
    """
    from storyweave.render.json_out import SCHEMA, brief_json

    text = json.dumps(brief_json(brief), ensure_ascii=False)
    try:
        record: str | None = json.dumps(encode(brief), ensure_ascii=False)
    except UnsupportedValue:
        record = None
    with transaction(conn):
        conn.execute(
            "INSERT INTO briefs (story_id, story_version, schema, built_with, options, "
            "built_at, json, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(story_id) DO UPDATE SET "
            "story_version = excluded.story_version, schema = excluded.schema, "
            "built_with = excluded.built_with, options = excluded.options, "
            "built_at = excluded.built_at, json = excluded.json, record = excluded.record",
            (
                story.id,
                story.version,
                SCHEMA,
                __version__,
                options_key(options),
                datetime.now(UTC).isoformat(timespec="microseconds"),
                text,
                record,
            ),
        )
        if brief.story.headline:
            # The brief compares every title; its choice names the story in listings too,
            # and keeps doing so as reports arrive, until the next brief chooses again.
            conn.execute(
                "UPDATE stories SET headline = ?, headline_key = ? WHERE id = ?",
                (brief.story.headline, BRIEF_HEADLINE_KEY, story.id),
            )


def rebuild_brief(conn: sqlite3.Connection, story: StoredStory, options: BriefOptions) -> Brief:
    """Build the brief of ``story`` from its stored articles and save it."""
    from storyweave.pipeline import build_brief

    ids = member_ids(conn, story.id)
    articles = load_articles(conn, ids)
    brief = build_brief([articles[i] for i in ids], options)
    # The store's id names the story everywhere (listing, search, --story).
    brief = replace(brief, story=replace(brief.story, id=story.id))
    save_brief(conn, story, options, brief)
    return brief


def current_brief(
    conn: sqlite3.Connection, story_id: str, options: BriefOptions | None = None
) -> Brief:
    """The brief of a stored story: the saved one if current, else rebuilt and saved."""
    from storyweave.pipeline import BriefOptions

    options = options or BriefOptions()
    story = get_story(conn, story_id)
    if story is None:
        raise unknown_story(story_id, "the database")
    return load_brief(conn, story, options) or rebuild_brief(conn, story, options)


def refresh_briefs(
    conn: sqlite3.Connection,
    story_ids: Iterable[str],
    options: BriefOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> int:
    """Make the brief of each story current; return how many were rebuilt."""
    from storyweave.pipeline import BriefOptions

    options = options or BriefOptions()
    rebuilt = 0
    for story_id in story_ids:
        story = get_story(conn, story_id)
        if story is None:
            raise unknown_story(story_id, "the database")
        if load_brief(conn, story, options) is None:
            rebuild_brief(conn, story, options)
            rebuilt += 1
        if progress is not None:
            progress(story_id)
    return rebuilt


def stored_brief(db: Path | None, story_id: str, options: BriefOptions | None = None) -> Brief:
    """Brief of story ``story_id`` in database ``db`` (None: the default database).

    Used by ``storyweave brief --story ID``. Raises StoreError E101 when the database does
    not exist and E102 when it holds no such story.
    """
    path = resolve_db_path(db)
    conn = open_store(path, create=False)
    try:
        story = get_story(conn, story_id)
        if story is None:
            raise unknown_story(story_id, path)
        return current_brief(conn, story_id, options)
    finally:
        conn.close()
