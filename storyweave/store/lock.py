"""One ingest at a time per database: an advisory lock on a file beside it.

Two ingests into one database would each resume the clusterer from the same saved state
and overwrite each other's. The operating system drops the lock when its process dies,
so a killed ingest never leaves a stale lock behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storyweave.store.errors import StoreError


@contextmanager
def ingest_lock(db: Path) -> Iterator[None]:
    """Hold the ingest lock of ``db``; raise StoreError E110 when another ingest holds it."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this platform: trust the user
        yield
        return
    path = db.with_name(db.name + ".ingest-lock")
    with path.open("a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreError(
                "E110",
                f"another `storyweave ingest` is writing to {db}; wait for it to finish, "
                "or ingest into another --db file",
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
