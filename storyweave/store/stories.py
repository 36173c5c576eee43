"""Stories, their member articles and versions.

A story's version starts at 1 and grows by one in every ingest run that adds articles to
it (or merges another story into it), so a stored brief is current exactly when it was built
from the story's version.
Listing figures (counts, dates, headline) are kept up to date as members arrive, so
listing many stories never scans their articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from storyweave.store.articles import chunks
from storyweave.store.records import StoredStory

# Sorts after every real YYYY-MM-DD, so undated reports never name a dated story.
UNDATED = "9999-99-99"
# Longest stand-in headline taken from a body's first line when no report has a title:
# headlines run under 100 characters; 120 keeps a long opening line readable in a table.
HEADLINE_CHARS = 120


@dataclass(frozen=True)
class Member:
    """A new member article of a story, with what the listing figures need."""

    article_id: str
    seq: int
    title: str | None
    published: str | None
    duplicate_of: str | None
    first_line: str | None = None  # of the body: the headline when no report has a title

    @property
    def headline(self) -> str | None:
        return self.title or self.first_line


def first_line(text: str) -> str | None:
    """The body's first non-blank line, cut to :data:`HEADLINE_CHARS` at a word."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    if line is None or len(line) <= HEADLINE_CHARS:
        return line
    return line[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"


# Key of a headline a brief chose: sorts before every member's key, so arriving reports
# do not rename the story until its next brief.
BRIEF_HEADLINE_KEY = ""


def headline_key(member: Member) -> str:
    """Sort key for naming a story: titled reports first, then the earliest, then arrival."""
    return f"{0 if member.title else 1}:{member.published or UNDATED}:{member.seq:012d}"


def stories_of(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """Story id of each stored article among ``article_ids``."""
    out: dict[str, str] = {}
    for part in chunks(list(article_ids)):
        marks = ",".join("?" * len(part))
        rows = conn.execute(
            f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})", part
        )
        out.update((r[0], r[1]) for r in rows)
    return out


def add_members(
    conn: sqlite3.Connection, story_id: str, members: Sequence[Member], run_id: int
) -> bool:
    """Put new articles into a story (made if new), bump its version once per run.

    Returns True when the story is new.
    """
    row = conn.execute(
        "SELECT version, changed_in_run, headline, headline_key, article_count, "
        "independent_count, first_published, last_published FROM stories WHERE id = ?",
        (story_id,),
    ).fetchone()
    named = [m for m in members if m.headline and m.duplicate_of is None]
    best = min(named, key=headline_key) if named else None
    dates = sorted(m.published for m in members if m.published)
    independent = sum(1 for m in members if m.duplicate_of is None)
    if row is None:
        conn.execute(
            "INSERT INTO stories (id, version, changed_in_run, headline, headline_key, "
            "article_count, independent_count, first_published, last_published) "
            "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)",
            (
                story_id,
                run_id,
                best.headline if best else "",
                headline_key(best) if best else None,
                len(members),
                independent,
                dates[0] if dates else None,
                dates[-1] if dates else None,
            ),
        )
        add_memberships(conn, story_id, members)
        return True
    headline, key = row["headline"], row["headline_key"]
    if best is not None and (key is None or headline_key(best) < key):
        headline, key = best.headline, headline_key(best)
    firsts = [d for d in (row["first_published"], dates[0] if dates else None) if d]
    lasts = [d for d in (row["last_published"], dates[-1] if dates else None) if d]
    conn.execute(
        "UPDATE stories SET version = ?, changed_in_run = ?, headline = ?, headline_key = ?, "
        "article_count = article_count + ?, independent_count = independent_count + ?, "
        "first_published = ?, last_published = ? WHERE id = ?",
        (
            row["version"] + (row["changed_in_run"] != run_id),
            run_id,
            headline,
            key,
            len(members),
            independent,
            min(firsts) if firsts else None,
            max(lasts) if lasts else None,
            story_id,
        ),
    )
    add_memberships(conn, story_id, members)
    return False


def add_memberships(conn: sqlite3.Connection, story_id: str, members: Sequence[Member]) -> None:
    """Link the articles to their story (the story row exists)."""
    conn.executemany(
        "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)",
        [(m.article_id, story_id) for m in members],
    )


STORY_COLUMNS = (
    "id, headline, article_count, independent_count, first_published, last_published, version"
)


def story_from_row(row: sqlite3.Row) -> StoredStory:
    """The listing record of a stories row."""
    return StoredStory(
        id=row["id"],
        headline=row["headline"],
        article_count=row["article_count"],
        independent_count=row["independent_count"],
        first_published=row["first_published"],
        last_published=row["last_published"],
        version=row["version"],
    )


def list_stories(
    conn: sqlite3.Connection,
    limit: int | None = None,
    min_articles: int = 1,
    since: str | None = None,
    until: str | None = None,
) -> list[StoredStory]:
    """Stories, most recently published first; then the bigger, then by id.

    ``since`` and ``until`` (ISO dates, inclusive) keep the stories with a report published
    in that span: the story's first report on or before ``until``, its last on or after
    ``since``. A story with no dated report is kept only without them.
    """
    where = ["article_count >= ?"]
    values: list[object] = [min_articles]
    if since is not None:
        where.append("substr(last_published, 1, 10) >= ?")
        values.append(since)
    if until is not None:
        where.append("substr(first_published, 1, 10) <= ?")
        values.append(until)
    rows = conn.execute(
        f"SELECT {STORY_COLUMNS} FROM stories WHERE {' AND '.join(where)} "
        "ORDER BY last_published IS NULL, last_published DESC, article_count DESC, id "
        "LIMIT ?",
        (*values, -1 if limit is None else limit),
    )
    return [story_from_row(r) for r in rows]


def get_story(conn: sqlite3.Connection, story_id: str) -> StoredStory | None:
    """One story, or None when the id is unknown.

    The id of a story merged into another (see :func:`merge_stories`) gives the story that
    now holds its articles.
    """
    row = conn.execute(f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        alias = conn.execute(
            "SELECT merged_into FROM story_merges WHERE story_id = ?", (story_id,)
        ).fetchone()
        if alias is not None:
            row = conn.execute(
                f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ?", (alias[0],)
            ).fetchone()
    return story_from_row(row) if row else None


def merge_stories(conn: sqlite3.Connection, merged: dict[str, str], run_id: int) -> set[str]:
    """Move the articles of merged-away stories to the stories that absorbed them.

    ``merged`` maps a merged-away story id to the story now holding its articles (the
    clusterer's ``merged_``). The absorbing story's listing figures and version are updated
    (once per run, as for new members); the merged-away story's row and stored brief are
    removed and its id is kept as an alias, so ``brief --story OLD`` still finds the articles.
    Runs inside the caller's transaction.

    Returns:
        Ids of the absorbing stories that changed.
    """
    changed: set[str] = set()
    for gone, kept in sorted(merged.items()):
        old = conn.execute(
            "SELECT headline, headline_key, article_count, independent_count, "
            "first_published, last_published FROM stories WHERE id = ?",
            (gone,),
        ).fetchone()
        if old is not None:
            row = conn.execute(
                "SELECT version, changed_in_run, headline, headline_key, first_published, "
                "last_published FROM stories WHERE id = ?",
                (kept,),
            ).fetchone()
            if row is None:
                raise ValueError(f"story {kept} absorbing {gone} is not stored")
            headline, key = row["headline"], row["headline_key"]
            if old["headline_key"] is not None and (key is None or old["headline_key"] < key):
                headline, key = old["headline"], old["headline_key"]
            firsts = [d for d in (row["first_published"], old["first_published"]) if d]
            lasts = [d for d in (row["last_published"], old["last_published"]) if d]
            conn.execute(
                "UPDATE stories SET version = ?, changed_in_run = ?, headline = ?, "
                "headline_key = ?, article_count = article_count + ?, "
                "independent_count = independent_count + ?, first_published = ?, "
                "last_published = ? WHERE id = ?",
                (
                    row["version"] + (row["changed_in_run"] != run_id),
                    run_id,
                    headline,
                    key,
                    old["article_count"],
                    old["independent_count"],
                    min(firsts) if firsts else None,
                    max(lasts) if lasts else None,
                    kept,
                ),
            )
            conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (kept, gone))
            conn.execute("DELETE FROM briefs WHERE story_id = ?", (gone,))
            conn.execute("DELETE FROM stories WHERE id = ?", (gone,))
            conn.execute(
                "UPDATE story_merges SET merged_into = ? WHERE merged_into = ?", (kept, gone)
            )
            conn.execute(
                "INSERT INTO story_merges (story_id, merged_into, run_id) VALUES (?, ?, ?) "
                "ON CONFLICT(story_id) DO UPDATE SET merged_into = excluded.merged_into, "
                "run_id = excluded.run_id",
                (gone, kept, run_id),
            )
            changed.add(kept)
    return changed


def member_ids(conn: sqlite3.Connection, story_id: str) -> list[str]:
    """Article ids of a story, in the order a brief numbers its sources.

    Earliest published first, undated last, ties by article id: the same article set
    gives the same order however its articles arrived.
    """
    rows = conn.execute(
        "SELECT a.id FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY a.published IS NULL, a.published, a.id",
        (story_id,),
    )
    return [r[0] for r in rows]
