"""The story clusterer and the near-copy index, as the store saves and restores them.

Both live in other modules (``storyweave.cluster``, ``storyweave.dedup``); they are
imported here, lazily, so the store's schema and queries work without loading them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from storyweave.store.errors import bad_clusterer_state

# One seed for every store, so the same inputs make the same stories on any machine.
CLUSTER_SEED = 1


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
    row = conn.execute("SELECT kind, state FROM clusterer_state WHERE id = 1").fetchone()
    clusterer = new_clusterer()
    if row is None:
        return clusterer
    if row["kind"] != clusterer_kind(clusterer):
        raise bad_clusterer_state(f"saved by {row['kind']}, not {clusterer_kind(clusterer)}")
    try:
        return type(clusterer).from_state(bytes(row["state"]))
    except Exception as exc:  # any failure to decode means the same thing to the user
        raise bad_clusterer_state(f"{type(exc).__name__}: {exc}") from exc


def save_clusterer(conn: sqlite3.Connection, clusterer: Any, run_id: int) -> None:
    """Save the clusterer state (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO clusterer_state (id, kind, state, run_id) VALUES (1, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, state = excluded.state, "
        "run_id = excluded.run_id",
        (clusterer_kind(clusterer), clusterer.to_state(), run_id),
    )
