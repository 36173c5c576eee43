"""Errors the store raises on misuse. Codes E1xx belong to the store."""

from __future__ import annotations

from storyweave.errors import StoryweaveError


class StoreError(StoryweaveError):
    """The database cannot be used as asked; the message says how to fix it."""


def missing_database(path: object) -> StoreError:
    """No database file where one was expected."""
    return StoreError(
        "E101",
        f"no database at {path}; run `storyweave ingest PATH... --db {path}` first, "
        "or pass the right file with --db",
    )


def unknown_story(story_id: str, path: object) -> StoreError:
    """A story id that the database does not hold."""
    return StoreError(
        "E102",
        f"no story {story_id!r} in {path}; list the stored ids with `storyweave stories`",
    )


def bad_search(query: str, detail: str) -> StoreError:
    """A full-text query SQLite FTS5 cannot parse."""
    return StoreError(
        "E103",
        f"cannot search for {query!r} ({detail}); drop --raw to search plain words, "
        'or fix the FTS5 syntax (quote phrases: "police chief")',
    )


def newer_schema(found: int, known: int, path: object) -> StoreError:
    """The database was written by a newer storyweave."""
    return StoreError(
        "E104",
        f"{path} has schema version {found} but this storyweave knows up to {known}; "
        "upgrade storyweave, or use another --db file",
    )


def not_a_database(path: object, detail: str) -> StoreError:
    """The file exists but is not a usable SQLite database."""
    return StoreError(
        "E105",
        f"{path} is not a storyweave database ({detail}); pass another file with --db",
    )


def bad_clusterer_state(detail: str) -> StoreError:
    """The saved clusterer state cannot be loaded by this version."""
    return StoreError(
        "E106",
        f"the saved story clusterer state cannot be loaded ({detail}); "
        "ingest into a new --db file to cluster from scratch",
    )
