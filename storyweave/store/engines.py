"""The story clusterer and the near-copy index, as the store saves and restores them.

Both live in other modules (``storyweave.cluster``, ``storyweave.dedup``); they are
imported here, lazily, so the store's schema and queries work without loading them.

The clusterer is saved by parts, one row per term frequency, story, assigned report and
index entry (tables ``cluster_*``), and each ingest batch writes only the rows its reports
changed (``StoryClusterer.take_changes``): a save costs time in proportion to the batch, not
to the store. A clusterer without ``take_changes`` is saved whole, as one blob in
``clusterer_state``; a store of an earlier version holding such a blob is read from it and
moved to the tables by its next save, in that batch's transaction.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from storyweave.store.errors import bad_clusterer_state

# One seed for every store, so the same inputs make the same stories on any machine.
CLUSTER_SEED = 1
# Every table of the clusterer's state, blob included: a whole save empties them all.
STATE_TABLES = (
    "cluster_meta",
    "cluster_df",
    "cluster_stories",
    "cluster_assignments",
    "cluster_postings",
    "clusterer_state",
)


def clusterer_kind(clusterer: Any) -> str:
    """Dotted class name saved beside the state, so a foreign state is recognised."""
    cls = type(clusterer)
    return f"{cls.__module__}.{cls.__qualname__}"


def new_clusterer() -> Any:
    """A fresh story clusterer."""
    from storyweave.cluster import StoryClusterer

    return StoryClusterer(seed=CLUSTER_SEED)


def load_clusterer(conn: sqlite3.Connection) -> Any:
    """The clusterer as the last committed batch left it, or a fresh one."""
    clusterer = new_clusterer()
    kind = clusterer_kind(clusterer)
    meta = read_meta(conn)
    if meta:
        if meta.get("kind") != kind:
            raise bad_clusterer_state(f"saved by {meta.get('kind')}, not {kind}")
        try:
            return read_parts(conn, type(clusterer), meta)
        except Exception as exc:  # any failure to decode means the same thing to the user
            raise bad_clusterer_state(f"{type(exc).__name__}: {exc}") from exc
    row = conn.execute("SELECT kind, state FROM clusterer_state WHERE id = 1").fetchone()
    if row is None:
        return clusterer
    if row["kind"] != kind:
        raise bad_clusterer_state(f"saved by {row['kind']}, not {kind}")
    try:
        return type(clusterer).from_state(bytes(row["state"]))
    except Exception as exc:  # any failure to decode means the same thing to the user
        raise bad_clusterer_state(f"{type(exc).__name__}: {exc}") from exc


def save_clusterer(conn: sqlite3.Connection, clusterer: Any, run_id: int) -> None:
    """Save what the clusterer learnt since its last save (inside the caller's transaction).

    Only the rows of changed stories, terms and index entries are written; a new, refitted
    or restored clusterer (``full`` changes) replaces the whole saved state.
    """
    take_changes = getattr(clusterer, "take_changes", None)
    if take_changes is None:
        save_whole(conn, clusterer, run_id)
        return
    changes = take_changes()
    if changes.full:
        write_all(conn, clusterer, run_id)
    elif changes:
        write_changes(conn, clusterer, changes, run_id)


def save_whole(conn: sqlite3.Connection, clusterer: Any, run_id: int) -> None:
    """Save the whole state of a clusterer that cannot tell its changes, as one blob."""
    for table in STATE_TABLES:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - names from STATE_TABLES
    conn.execute(
        "INSERT INTO clusterer_state (id, kind, state, run_id) VALUES (1, ?, ?, ?)",
        (clusterer_kind(clusterer), clusterer.to_state(), run_id),
    )


# -- by parts ------------------------------------------------------------------------------


def read_meta(conn: sqlite3.Connection) -> dict[str, Any]:
    """The saved clusterer's settings and counters (empty when it is not saved by parts)."""
    rows = conn.execute("SELECT key, value FROM cluster_meta").fetchall()
    return {row["key"]: json.loads(row["value"]) for row in rows}


def write_meta(conn: sqlite3.Connection, values: dict[str, Any]) -> None:
    conn.executemany(
        "INSERT INTO cluster_meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(key, json.dumps(value)) for key, value in sorted(values.items())],
    )


def state_version() -> int:
    from storyweave.cluster.clusterer import STATE_VERSION

    return STATE_VERSION


def read_parts(conn: sqlite3.Connection, cls: Any, meta: dict[str, Any]) -> Any:
    """Rebuild a clusterer from the ``cluster_*`` tables, as ``from_state`` would."""
    if meta["version"] not in (2, 3, state_version()):
        raise ValueError(f"state version {meta['version']!r}")
    stories = (
        (
            sid,
            size,
            first,
            last,
            json.loads(zlib.decompress(total)),
            decode_meaning(meaning),
            None if norms is None else json.loads(norms),
        )
        for sid, size, first, last, total, meaning, norms in rows(
            conn,
            "SELECT id, size, first, last, total, meaning, norms FROM cluster_stories ORDER BY id",
        )
    )
    return cls.from_parts(
        seed=meta["seed"],
        threshold=meta["threshold"],
        merge_threshold=meta["merge_threshold"],
        n_docs=meta["n_docs"],
        df=rows(conn, "SELECT term, n FROM cluster_df ORDER BY term"),
        stories=stories,
        assignments=rows(
            conn, "SELECT article_id, story_id FROM cluster_assignments ORDER BY article_id"
        ),
        postings=posting_lists(
            rows(conn, "SELECT term, story_id FROM cluster_postings ORDER BY term, pos")
        ),
    )


def rows(conn: sqlite3.Connection, sql: str) -> sqlite3.Cursor:
    """The rows of a query as plain tuples (these reads are as long as the store)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql)


def posting_lists(rows: Iterator[tuple[str, str]]) -> Iterator[tuple[str, list[str]]]:
    """``(term, [story ids])`` from rows ordered by term, then position."""
    for term, group in groupby(rows, key=itemgetter(0)):
        yield term, [story_id for _, story_id in group]


def encode_total(total: dict[str, float]) -> bytes:
    return zlib.compress(json.dumps(dict(sorted(total.items())), separators=(",", ":")).encode())


def encode_meaning(meaning: Any) -> bytes | None:
    """An embedding sum as little-endian float64 bytes (exact), or None."""
    if meaning is None:
        return None
    import numpy as np

    return np.asarray(meaning, dtype="<f8").tobytes()


def decode_meaning(data: bytes | None) -> Any:
    if data is None:
        return None
    import numpy as np

    return np.frombuffer(data, dtype="<f8")


def story_row(story_id: str, story: Any) -> tuple[Any, ...]:
    return (
        story_id,
        story.size,
        story.first,
        story.last,
        encode_total(story.total),
        encode_meaning(story.meaning),
        json.dumps(story.norms()) if hasattr(story, "norms") else None,
    )


def write_stories(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    conn.executemany(
        "INSERT INTO cluster_stories (id, size, first, last, total, meaning, norms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET size = excluded.size, "
        "first = excluded.first, last = excluded.last, total = excluded.total, "
        "meaning = excluded.meaning, norms = excluded.norms",
        rows,
    )


def write_postings(conn: sqlite3.Connection, rows: list[tuple[str, str, int]]) -> None:
    conn.executemany(
        "INSERT INTO cluster_postings (term, story_id, pos) VALUES (?, ?, ?) "
        "ON CONFLICT(term, story_id) DO UPDATE SET pos = excluded.pos",
        rows,
    )


def write_all(conn: sqlite3.Connection, clusterer: Any, run_id: int) -> None:
    """Replace the whole saved state with the clusterer's."""
    for table in STATE_TABLES:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - names from STATE_TABLES
    conn.executemany(
        "INSERT INTO cluster_df (term, n) VALUES (?, ?)", sorted(clusterer.df_.items())
    )
    write_stories(conn, [story_row(sid, s) for sid, s in sorted(clusterer.stories_.items())])
    conn.executemany(
        "INSERT INTO cluster_assignments (article_id, story_id) VALUES (?, ?)",
        sorted(clusterer.assignments_.items()),
    )
    write_postings(
        conn,
        [
            (term, story_id, pos)
            for term, posting in sorted(clusterer.postings_.items())
            for pos, story_id in enumerate(posting)
        ],
    )
    next_pos = max((len(p) for p in clusterer.postings_.values()), default=0)
    write_meta(
        conn,
        {
            "kind": clusterer_kind(clusterer),
            "version": state_version(),
            "seed": clusterer.seed,
            "threshold": clusterer.threshold,
            "merge_threshold": clusterer.merge_threshold,
            "n_docs": clusterer.n_docs_,
            "next_pos": next_pos,
            "run_id": run_id,
        },
    )


def write_changes(conn: sqlite3.Connection, clusterer: Any, changes: Any, run_id: int) -> None:
    """Write the rows that ``changes`` (from ``take_changes``) names, and nothing else.

    A story indexed under a term moves to the end of the term's posting list: it gets the
    next position, so the rows of the stories indexed earlier stay as they are.
    """
    conn.executemany(
        "INSERT INTO cluster_df (term, n) VALUES (?, ?) "
        "ON CONFLICT(term) DO UPDATE SET n = excluded.n",
        [(term, clusterer.df_[term]) for term in sorted(changes.terms)],
    )
    stories = clusterer.stories_
    touched = sorted(changes.stories)
    write_stories(conn, [story_row(sid, stories[sid]) for sid in touched if sid in stories])
    conn.executemany(
        "DELETE FROM cluster_stories WHERE id = ?", [(s,) for s in touched if s not in stories]
    )
    conn.executemany(
        "INSERT INTO cluster_assignments (article_id, story_id) VALUES (?, ?) "
        "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id",
        [(aid, clusterer.assignments_[aid]) for aid in sorted(changes.articles)],
    )
    meta = read_meta(conn)
    next_pos = int(meta["next_pos"])
    entries: list[tuple[str, str, int]] = []
    for term in sorted(changes.postings):
        moved = changes.postings[term]
        posting = clusterer.postings_.get(term, [])
        tail = posting[-len(moved) :]
        if set(tail) != moved:  # not only moves to the end: rewrite the term's list
            conn.execute("DELETE FROM cluster_postings WHERE term = ?", (term,))
            tail = posting
        entries.extend((term, story_id, next_pos + k) for k, story_id in enumerate(tail))
        next_pos += len(tail)
    write_postings(conn, entries)
    values = {"n_docs": clusterer.n_docs_, "next_pos": next_pos, "run_id": run_id}
    if meta.get("version") != state_version():
        # The rows just written are in this version's form; an older one's are still read.
        values["version"] = state_version()
    write_meta(conn, values)
