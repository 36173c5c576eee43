"""Ingest: read inputs, store new articles, cluster them into stories, in batches.

Each batch is one transaction holding its articles, rejected inputs, story memberships,
near-copy links and what the batch changed in the clusterer state. A run killed at any point
leaves the last committed batch in place, so it loses at most one batch; running the same
ingest again skips what is stored (content-hash ids) and finishes the rest, resuming the
clusterer from its saved state.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyweave.errors import Reason, StoryweaveError
from storyweave.fsutil import STDIN, FileStamp
from storyweave.models import Article, Rejected
from storyweave.store.articles import add_article, record_rejected, stored_ids
from storyweave.store.connection import transaction
from storyweave.store.engines import load_clusterer, save_clusterer
from storyweave.store.lock import ingest_lock
from storyweave.store.nearcopy import NearCopies, load_near_copies, save_signature
from storyweave.store.records import IngestSummary
from storyweave.store.stories import (
    Member,
    add_members,
    first_line,
    merge_stories,
    stories_of,
)
from storyweave.store.stream import FLUSH_AFTER, full_batches, stop_on_signals, timed_batches

# Inputs per transaction: small enough that a killed run loses under half a minute of work,
# big enough that the commit and the clusterer save are a small share of a batch (storing
# and clustering 250 articles takes 15-20 s on this machine, mostly MiniLM). A save writes
# only the rows the batch changed (``engines.save_clusterer``), so its cost follows the
# batch, not the store: about 0.3 ms per article of the batch (50-250 ms per batch of 250
# into stores of 1k and 5k articles alike; 2 ms for 3 articles into 5k), where saving the
# whole state cost about 0.25 ms per stored article (0.9 s for 3 articles into 5k). Batches
# therefore stay this size however large the store grows: a killed run loses one batch.
BATCH_SIZE = 250

Progress = Callable[[int], None]
Item = Article | Rejected | FileStamp


@dataclass
class Tally:
    """Running counts of one ingest run."""

    read: int = 0
    added: int = 0
    already_stored: int = 0
    near_copies: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    new_stories: set[str] = field(default_factory=set)
    stopped: bool = False
    files_unchanged: int = 0

    def summary(self, run_id: int) -> IngestSummary:
        return IngestSummary(
            run=run_id,
            read=self.read,
            added=self.added,
            already_stored=self.already_stored,
            near_copies=self.near_copies,
            rejected=tuple(self.rejected),
            stories_touched=tuple(sorted(self.touched)),
            stories_new=len(self.new_stories),
            stopped=self.stopped,
            files_unchanged=self.files_unchanged,
        )


def read_all(
    paths: Iterable[str | Path], unchanged: Callable[[FileStamp], bool] | None = None
) -> Iterator[Item]:
    """Every article and rejection of every path, and the stamp of each file read.

    Files for which ``unchanged`` is true are skipped. A reader failing on one path becomes
    a rejection of that path: one bad input must not stop a long ingest of the others.
    """
    from storyweave.ingest import read_stamped

    for path in paths:
        try:
            yield from read_stamped([path], unchanged=unchanged)
        except Exception as exc:  # record-and-continue is the batch policy
            yield Rejected(str(path), Reason.UNREADABLE, f"{type(exc).__name__}: {exc}")


class KnownFiles:
    """The files the store has read in full, as they were then (table ``input_files``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        rows = conn.execute("SELECT path, size, mtime_ns FROM input_files")
        self.stamps = {path: (size, mtime) for path, size, mtime in rows}
        self.skipped: set[str] = set()  # files of this run skipped, never read in it
        self.read: set[str] = set()  # files read in full by this run

    def unchanged(self, stamp: FileStamp) -> bool:
        """Whether the file is as it was when stored (noted in ``skipped``)."""
        same = self.stamps.get(stamp.path) == (stamp.size, stamp.mtime_ns)
        if same and stamp.path not in self.read:
            self.skipped.add(stamp.path)
        return same

    def save(self, conn: sqlite3.Connection, stamps: Sequence[FileStamp], run_id: int) -> None:
        """Record files read in full (inside the transaction of their last items)."""
        conn.executemany(
            "INSERT INTO input_files (path, size, mtime_ns, run_id) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(path) DO UPDATE SET size = excluded.size, "
            "mtime_ns = excluded.mtime_ns, run_id = excluded.run_id",
            [(s.path, s.size, s.mtime_ns, run_id) for s in stamps],
        )
        self.stamps.update((s.path, (s.size, s.mtime_ns)) for s in stamps)
        self.read.update(s.path for s in stamps)
        self.skipped.difference_update(self.read)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(conn: sqlite3.Connection, paths: Sequence[str | Path]) -> int:
    """Record the start of an ingest run; return its id."""
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO runs (started_at, inputs) VALUES (?, ?)",
            (now(), json.dumps([str(p) for p in paths])),
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def ingest(
    conn: sqlite3.Connection,
    paths: Sequence[str | Path],
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    flush_after: float = FLUSH_AFTER,
    on_batch: Callable[[set[str]], None] | None = None,
    reread: bool = False,
    watch: float | None = None,
) -> IngestSummary:
    """Store and cluster every article under ``paths``; return what changed.

    Files read in full by an earlier ingest and unchanged since (same size and modification
    time) are skipped, unless ``reread``. A first Ctrl-C (SIGINT) or SIGTERM ends the run
    after the batch in hand is committed (see :mod:`storyweave.store.stream`); the summary
    then says ``stopped``.

    Args:
        conn: an open, migrated store (see :func:`storyweave.store.open_store`).
        paths: files, folders, JSON Lines files, feeds; ``-`` is standard input (JSON
            Lines, read as they arrive until the stream ends).
        batch_size: inputs (articles and rejections) per committed transaction.
        progress: called with the number of inputs of each committed batch.
        flush_after: with ``-``, a batch is committed once its first record has waited
            this many seconds, full or not.
        on_batch: called after each committed batch with the stories it changed (for
            example to rebuild their briefs while a stream goes on).
        reread: read every file, even those stored unchanged.
        watch: look at ``paths`` again every ``watch`` seconds for new and changed files,
            until stopped (Ctrl-C, SIGTERM); None: one pass.

    Example:
        >>> summary = ingest(open_store(Path("news.db")), ["feeds/"])
        >>> summary.added, summary.stories_touched
    """
    if batch_size < 1:
        raise StoryweaveError("E108", f"batch size must be 1 or more, got {batch_size}")
    if flush_after <= 0:
        raise StoryweaveError("E108", f"flush-after must be above 0 seconds, got {flush_after}")
    streaming = any(str(p) == STDIN for p in paths)
    if sum(str(p) == STDIN for p in paths) > 1:
        raise StoryweaveError("E108", "give standard input (-) once")
    if watch is not None and (watch <= 0 or streaming):
        why = "standard input (-) is read as it arrives" if streaming else "must be above 0"
        raise StoryweaveError("E108", f"--watch: {why}")
    stop = threading.Event()
    with ingest_lock_of(conn), stop_on_signals(stop):
        run_id = start_run(conn, paths)
        clusterer = load_clusterer(conn)
        near = load_near_copies(conn)
        known = KnownFiles(conn)
        tally = Tally()
        while True:
            items = read_all(paths, None if reread else known.unchanged)
            if streaming:
                batches = timed_batches(items, batch_size, flush_after, stop)
            else:
                batches = full_batches(items, batch_size, stop, _counted)
            for batch in batches:
                touched = commit_batch(conn, batch, run_id, clusterer, near, tally, known)
                if progress is not None:
                    progress(sum(map(_counted, batch)))
                if on_batch is not None and touched:
                    on_batch(touched)
            reread = False  # a watch's later passes read only what changed
            if watch is None or stop.wait(watch):
                break
        tally.stopped = stop.is_set()
        tally.files_unchanged = len(known.skipped)
        summary = tally.summary(run_id)
        with transaction(conn):
            conn.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                (now(), json.dumps(summary.to_json()), run_id),
            )
    return summary


def _counted(item: Item) -> bool:
    """Whether an item counts towards a batch (an article or a rejection, not a stamp)."""
    return not isinstance(item, FileStamp)


def ingest_lock_of(conn: sqlite3.Connection) -> AbstractContextManager[None]:
    """The ingest lock of the connection's database file (none for in-memory ones)."""
    file = conn.execute("PRAGMA database_list").fetchone()[2]
    return ingest_lock(Path(file)) if file else nullcontext()


@dataclass(frozen=True)
class BatchPlan:
    """What a batch will write: its new articles, their stories and near-copy links."""

    articles: int
    fresh: list[Article]
    rejected: list[Rejected]
    story_of: dict[str, str]
    original_of: dict[str, str]
    signatures: dict[str, bytes]
    clustered: bool
    merged: dict[str, str] = field(default_factory=dict)  # story merged away -> absorbing one


def plan_batch(
    conn: sqlite3.Connection, batch: Sequence[Item], clusterer: Any, near: NearCopies
) -> BatchPlan:
    """Sort a batch into stored, near-copy and new articles; cluster the new ones.

    Near-copies join their original's story without going through the clusterer.
    """
    articles = [i for i in batch if isinstance(i, Article)]
    known = stored_ids(conn, [a.id for a in articles])
    fresh: list[Article] = []
    for article in articles:
        if article.id not in known:
            known.add(article.id)
            fresh.append(article)
    original_of: dict[str, str] = {}
    signatures: dict[str, bytes] = {}
    for article in fresh:
        check = near.check(article)
        if check.original is not None:
            original_of[article.id] = check.original
        else:
            signatures[article.id] = near.add(article.id, check)
    to_cluster = [a for a in fresh if a.id not in original_of]
    story_of = dict(clusterer.partial_fit(to_cluster)) if to_cluster else {}
    # Stories the clusterer merged away: {old id: the story now holding its articles}.
    merged = dict(getattr(clusterer, "merged_", {})) if to_cluster else {}
    missing = [a.id for a in to_cluster if not isinstance(story_of.get(a.id), str)]
    if missing:
        raise StoryweaveError("E109", f"the clusterer gave no story to article {missing[0]}")
    stored_originals = sorted({o for o in original_of.values() if o not in story_of})
    story_of.update((a, merged.get(s, s)) for a, s in stories_of(conn, stored_originals).items())
    for copy, original in original_of.items():
        story_of[copy] = story_of[original]
    rejected = [i for i in batch if isinstance(i, Rejected)]
    return BatchPlan(
        len(articles),
        fresh,
        rejected,
        story_of,
        original_of,
        signatures,
        bool(to_cluster),
        merged,
    )


def commit_batch(
    conn: sqlite3.Connection,
    batch: Sequence[Item],
    run_id: int,
    clusterer: Any,
    near: NearCopies,
    tally: Tally,
    known: KnownFiles | None = None,
) -> set[str]:
    """Store one batch in one transaction (see the module docstring).

    Returns:
        The stories the batch changed (joined, or absorbing a merged story).
    """
    plan = plan_batch(conn, batch, clusterer, near)
    members: dict[str, list[Member]] = defaultdict(list)
    with transaction(conn):
        for item in plan.rejected:
            record_rejected(conn, item, run_id)
        for article in plan.fresh:
            original = plan.original_of.get(article.id)
            seq = add_article(conn, article, run_id, original)
            assert seq is not None, "only one ingest writes at a time (ingest_lock)"
            if article.id in plan.signatures:
                save_signature(conn, article.id, plan.signatures[article.id])
            member = Member(
                article.id,
                seq,
                article.title,
                article.published,
                original,
                None if article.title else first_line(article.text),
            )
            members[plan.story_of[article.id]].append(member)
        new_stories = {
            story_id
            for story_id in sorted(members)
            if add_members(conn, story_id, members[story_id], run_id)
        }
        absorbing = merge_stories(conn, plan.merged, run_id)
        if plan.clustered:
            save_clusterer(conn, clusterer, run_id)
        if known is not None:
            known.save(conn, [i for i in batch if isinstance(i, FileStamp)], run_id)
    tally.read += plan.articles
    tally.already_stored += plan.articles - len(plan.fresh)
    tally.added += len(plan.fresh) - len(plan.original_of)
    tally.near_copies += len(plan.original_of)
    tally.rejected.extend(plan.rejected)
    tally.touched.update(members)
    tally.touched.update(absorbing)
    tally.touched.difference_update(plan.merged)
    tally.new_stories |= new_stories
    tally.new_stories.difference_update(plan.merged)  # a story of this run merged away
    return (set(members) | set(absorbing)) - set(plan.merged)
