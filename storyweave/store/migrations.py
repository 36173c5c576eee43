"""Schema migrations: an ordered registry and a ``schema_version`` table.

Each migration runs once, inside one transaction together with its ``schema_version`` row,
so a database is always at exactly one known version. Add a migration by appending to
:data:`MIGRATIONS`; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from storyweave.store.connection import transaction
from storyweave.store.errors import newer_schema


@dataclass(frozen=True)
class Migration:
    """One step of the schema: its version number, a short name and its SQL script."""

    version: int
    name: str
    sql: str


INITIAL_SCHEMA = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    inputs TEXT NOT NULL,
    summary TEXT
);

CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    input TEXT NOT NULL,
    kind TEXT NOT NULL,
    path TEXT,
    outlet TEXT,
    url TEXT,
    title TEXT,
    published TEXT,
    published_from TEXT,
    language TEXT,
    author TEXT,
    captions TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(id),
    run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE rejected (
    id INTEGER PRIMARY KEY,
    input TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    UNIQUE (input, reason, detail)
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    changed_in_run INTEGER NOT NULL REFERENCES runs(id),
    headline TEXT NOT NULL DEFAULT '',
    headline_key TEXT,
    article_count INTEGER NOT NULL DEFAULT 0,
    independent_count INTEGER NOT NULL DEFAULT 0,
    first_published TEXT,
    last_published TEXT
);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id TEXT NOT NULL REFERENCES stories(id)
);
CREATE INDEX story_articles_story ON story_articles(story_id);

CREATE TABLE briefs (
    story_id TEXT PRIMARY KEY REFERENCES stories(id),
    story_version INTEGER NOT NULL,
    schema TEXT NOT NULL,
    built_with TEXT NOT NULL,
    options TEXT NOT NULL,
    built_at TEXT NOT NULL,
    json TEXT NOT NULL,
    record TEXT
);

CREATE TABLE clusterer_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    kind TEXT NOT NULL,
    state BLOB NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE near_copy_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    signature BLOB NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content='articles', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
"""

# The story clusterer's state by parts, so a batch writes only what it changed (see
# ``storyweave.store.engines``). ``clusterer_state`` stays for stores of an earlier version
# (converted on their next save) and for clusterers that can only save themselves whole.
# Values of ``cluster_meta`` are JSON; a story's centroid sum is compressed JSON and its
# embedding sum little-endian float64 bytes; ``pos`` orders a term's posting list.
CLUSTER_TABLES = """
CREATE TABLE cluster_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE cluster_df (
    term TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE cluster_stories (
    id TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    first INTEGER,
    last INTEGER,
    total BLOB NOT NULL,
    meaning BLOB
);

CREATE TABLE cluster_assignments (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE cluster_postings (
    term TEXT NOT NULL,
    story_id TEXT NOT NULL,
    pos INTEGER NOT NULL,
    PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
"""

# Stories merge as reports arrive (``StoryClusterer.partial_fit``): a merged-away story id
# stays findable through ``story_merges``. A clusterer story's cached lengths are saved so a
# reloaded clusterer computes exactly as the live one (``Story.norms``); NULL: recompute.
STORY_MERGES = """
CREATE TABLE story_merges (
    story_id TEXT PRIMARY KEY,
    merged_into TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
) WITHOUT ROWID;
CREATE INDEX story_merges_into ON story_merges(merged_into);

ALTER TABLE cluster_stories ADD COLUMN norms TEXT;
"""

# Files an ingest has read in full, as they were then (see ``ingest.FileStamp``): an ingest
# of the same folder reads only the files that are new or changed since.
INPUT_FILES = """
CREATE TABLE input_files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
) WITHOUT ROWID;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", INITIAL_SCHEMA),
    Migration(2, "clusterer state by parts", CLUSTER_TABLES),
    Migration(3, "story merges, clusterer story lengths", STORY_MERGES),
    Migration(4, "files read", INPUT_FILES),
)

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


def split_statements(script: str) -> list[str]:
    """Cut an SQL script into complete statements (trigger bodies stay whole)."""
    statements: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest migration applied to this database (0 for an empty file)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, path: Path | str = "the database") -> list[int]:
    """Apply every migration the database lacks; return the versions applied (often none).

    Safe to call on every open and from several processes at once: the version is read
    under the write lock, so a migration never runs twice.
    """
    known = MIGRATIONS[-1].version
    if schema_version(conn) == known:
        return []
    applied: list[int] = []
    with transaction(conn):
        conn.execute(VERSION_TABLE)
        current = schema_version(conn)
        if current > known:
            raise newer_schema(current, known, path)
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat()),
            )
            applied.append(migration.version)
    return applied
