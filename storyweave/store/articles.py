"""Articles and rejected inputs in the store. Article ids are content hashes: upserts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from storyweave.models import Article, Rejected

# SQLite's default limit on ``?`` parameters is 32,766; stay far below it.
MAX_PARAMS = 900

ARTICLE_COLUMNS = (
    "id",
    "input",
    "kind",
    "path",
    "outlet",
    "url",
    "title",
    "published",
    "published_from",
    "language",
    "author",
    "captions",
    "text",
)


def chunks(items: Sequence[str], size: int = MAX_PARAMS) -> Iterable[Sequence[str]]:
    """Consecutive slices of at most ``size`` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def stored_ids(conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
    """The subset of ``ids`` the store already holds."""
    found: set[str] = set()
    for part in chunks(list(ids)):
        marks = ",".join("?" * len(part))
        found.update(
            row[0] for row in conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", part)
        )
    return found


def add_article(
    conn: sqlite3.Connection, article: Article, run_id: int, duplicate_of: str | None
) -> int | None:
    """Store one article unless its content id is stored already.

    Returns the article's arrival number (``seq``) when it was added, else None.
    """
    values = [
        json.dumps(list(article.captions)) if c == "captions" else getattr(article, c)
        for c in ARTICLE_COLUMNS
    ]
    cursor = conn.execute(
        f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, duplicate_of, run_id) "
        f"VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 2))}) "
        "ON CONFLICT(id) DO NOTHING",
        (*values, duplicate_of, run_id),
    )
    return cursor.lastrowid if cursor.rowcount == 1 else None


def article_from_row(row: sqlite3.Row) -> Article:
    """Rebuild the Article record from its stored row."""
    fields = {c: row[c] for c in ARTICLE_COLUMNS}
    fields["captions"] = tuple(json.loads(fields["captions"] or "[]"))
    return Article(**fields)


def load_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Article]:
    """The stored articles with these ids, keyed by id (unknown ids are left out)."""
    out: dict[str, Article] = {}
    for part in chunks(list(ids)):
        marks = ",".join("?" * len(part))
        for row in conn.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id IN ({marks})", part
        ):
            out[row["id"]] = article_from_row(row)
    return out


def record_rejected(conn: sqlite3.Connection, rejected: Rejected, run_id: int) -> bool:
    """Remember an unusable input and why; the same rejection twice is kept once."""
    cursor = conn.execute(
        "INSERT INTO rejected (input, reason, detail, run_id) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(input, reason, detail) DO NOTHING",
        (rejected.input, rejected.reason.value, rejected.detail, run_id),
    )
    return cursor.rowcount == 1


def rejected_inputs(conn: sqlite3.Connection) -> list[dict[str, str]]:
    """Every recorded rejection, in the order first seen."""
    rows = conn.execute("SELECT input, reason, detail FROM rejected ORDER BY id")
    return [{"input": r[0], "reason": r[1], "detail": r[2]} for r in rows]
