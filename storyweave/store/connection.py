"""Opening the SQLite file: WAL, foreign keys, explicit transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storyweave.store.errors import missing_database, not_a_database

# Seconds a writer waits for another process's transaction before giving up. Ingest
# batches commit in well under a second on this machine, so 30 s only trips on a stuck writer.
BUSY_TIMEOUT_S = 30.0


def connect(path: Path, create: bool = True) -> sqlite3.Connection:
    """Open (and with ``create``, make) the database file with the store's settings.

    The connection is in autocommit mode: every write goes through :func:`transaction`.
    """
    if not path.exists():
        if not create:
            raise missing_database(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.row_factory = sqlite3.Row
        # WAL: readers do not block the ingest writer, and a killed writer leaves the
        # last committed batch intact. NORMAL sync is durable against process death.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as exc:
        raise not_a_database(path, str(exc)) from exc
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside commits together, or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
