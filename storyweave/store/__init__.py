"""Embedded store (SQLite): articles, rejected inputs, stories, briefs, full-text search.

Typical use::

    conn = open_store(Path("news.db"))        # creates and migrates the file
    summary = ingest(conn, ["feeds/"])        # stores, deduplicates, clusters
    list_stories(conn); search(conn, "bridge collapse")
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storyweave.store.connection import connect, transaction
from storyweave.store.migrations import migrate, schema_version
from storyweave.store.paths import default_db_path, resolve_db_path


def open_store(db: str | Path | None = None, create: bool = True) -> sqlite3.Connection:
    """Open the database (``--db`` value, else the default path) and bring its schema up.

    Args:
        db: database file; None for :func:`default_db_path`.
        create: make the file (and its folder) when missing; else raise error E101.
    """
    path = resolve_db_path(db)
    conn = connect(path, create=create)
    try:
        migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


__all__ = [
    "connect",
    "default_db_path",
    "migrate",
    "open_store",
    "resolve_db_path",
    "schema_version",
    "transaction",
]
