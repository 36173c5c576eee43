"""Full-text search over stored articles (SQLite FTS5, bm25 ranking)."""

from __future__ import annotations

import re
import sqlite3

from storyweave.errors import UsageError
from storyweave.store.errors import bad_search
from storyweave.store.records import SearchHit, StoryHit

# bm25 weight of a title match against a body match: a word in the headline says more
# about what an article is about than one deep in its body.
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0
# Words of context around the matches in a snippet: about one line of a terminal.
SNIPPET_TOKENS = 16
SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS = "[", "]", "…"

PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text: str) -> str:
    """Plain words and "quoted phrases" as an FTS5 query: every part must match.

    Each part is quoted, so FTS5 operators and punctuation in user text are taken
    literally instead of failing as syntax.
    """
    parts = [phrase or word for phrase, word in PHRASE_OR_WORD.findall(text)]
    quoted = ['"' + part.replace('"', "") + '"' for part in parts if part.strip('"').strip()]
    return " ".join(quoted)


def search(
    conn: sqlite3.Connection, query: str, limit: int = 20, raw: bool = False
) -> list[SearchHit]:
    """Articles matching ``query``, best match first.

    Args:
        conn: an open store.
        query: words and "quoted phrases" that must all occur (stemmed, case-folded); with
            ``raw``, an FTS5 query (``fire OR flood``, ``NEAR(...)``, ``title:strike``).
        limit: most hits returned.
        raw: pass ``query`` to FTS5 unchanged.

    Example:
        >>> search(conn, '"bridge collapse" river')[0].article_id
    """
    if limit < 1:
        raise UsageError("E107", f"--limit must be 1 or more, got {limit}")
    match = query if raw else fts_query(query)
    if not match.strip():
        raise bad_search(query, "no words to search for")
    try:
        rows = conn.execute(
            "SELECT a.id, a.title, a.outlet, s.story_id, "
            "snippet(articles_fts, -1, ?, ?, ?, ?) AS snippet, "
            "bm25(articles_fts, ?, ?) AS score "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "LEFT JOIN story_articles s ON s.article_id = a.id "
            "WHERE articles_fts MATCH ? ORDER BY score, a.id LIMIT ?",
            (
                SNIPPET_OPEN,
                SNIPPET_CLOSE,
                SNIPPET_ELLIPSIS,
                SNIPPET_TOKENS,
                TITLE_WEIGHT,
                BODY_WEIGHT,
                match,
                limit,
            ),
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise bad_search(query, str(exc)) from exc
    return [
        SearchHit(
            article_id=r["id"],
            title=r["title"],
            outlet=r["outlet"],
            story_id=r["story_id"],
            snippet=r["snippet"],
            score=r["score"],
        )
        for r in rows
    ]


def search_stories(
    conn: sqlite3.Connection, query: str, limit: int = 20, raw: bool = False
) -> list[StoryHit]:
    """Stories with articles matching ``query``, ranked by their best-matching article.

    Takes the same ``query`` and ``raw`` as :func:`search`; ``limit`` counts stories. Each
    story comes with its headline, size, number of matching articles and best match.
    """
    if limit < 1:
        raise UsageError("E107", f"--limit must be 1 or more, got {limit}")
    match = query if raw else fts_query(query)
    if not match.strip():
        raise bad_search(query, "no words to search for")
    try:
        ranked = conn.execute(
            # bm25 cannot sit inside an aggregate: rank the matches first (a materialised
            # table, which SQLite cannot fold into the grouping), then group them.
            "WITH ranked AS MATERIALIZED ("
            "SELECT s.story_id AS story_id, bm25(articles_fts, ?, ?) AS score "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "JOIN story_articles s ON s.article_id = a.id WHERE articles_fts MATCH ?) "
            "SELECT story_id, COUNT(*) AS matching, MIN(score) AS best FROM ranked "
            "GROUP BY story_id ORDER BY best, story_id LIMIT ?",
            (TITLE_WEIGHT, BODY_WEIGHT, match, limit),
        ).fetchall()
        out = []
        for row in ranked:
            best = conn.execute(
                "SELECT a.id, a.title, a.outlet, "
                "snippet(articles_fts, -1, ?, ?, ?, ?) AS snippet, "
                "bm25(articles_fts, ?, ?) AS score "
                "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                "JOIN story_articles s ON s.article_id = a.id "
                "WHERE articles_fts MATCH ? AND s.story_id = ? ORDER BY score, a.id LIMIT 1",
                (
                    SNIPPET_OPEN,
                    SNIPPET_CLOSE,
                    SNIPPET_ELLIPSIS,
                    SNIPPET_TOKENS,
                    TITLE_WEIGHT,
                    BODY_WEIGHT,
                    match,
                    row["story_id"],
                ),
            ).fetchone()
            story = conn.execute(
                "SELECT headline, article_count FROM stories WHERE id = ?", (row["story_id"],)
            ).fetchone()
            hit = SearchHit(
                article_id=best["id"],
                title=best["title"],
                outlet=best["outlet"],
                story_id=row["story_id"],
                snippet=best["snippet"],
                score=best["score"],
            )
            out.append(
                StoryHit(
                    story_id=row["story_id"],
                    headline=story["headline"] if story else None,
                    articles=story["article_count"] if story else row["matching"],
                    matching=row["matching"],
                    best=hit,
                )
            )
    except sqlite3.OperationalError as exc:
        raise bad_search(query, str(exc)) from exc
    return out
