"""Commands over the embedded store: ingest, stories, search.

Thin wrappers over :mod:`storyweave.store`. JSON on stdout by default; errors as one JSON
object on stderr. ``brief --story ID`` (in :mod:`storyweave.cli`) reads the same store.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

import click

from storyweave.errors import StoryweaveError
from storyweave.fsutil import STDIN
from storyweave.store.ingest import BATCH_SIZE
from storyweave.store.stream import FLUSH_AFTER

# The exit codes of storyweave.cli; repeated because that module imports this one.
EXIT_OK = 0
EXIT_NO_INPUT = 1
EXIT_USAGE = 2


def fail(error: StoryweaveError, code: int) -> NoReturn:
    """Print the one JSON error shape on stderr and exit."""
    click.echo(json.dumps(error.to_json()), err=True)
    sys.exit(code)


def exit_code_for(error: StoryweaveError) -> int:
    """A missing database means nothing usable (1); any other misuse is a usage error (2)."""
    return EXIT_NO_INPUT if error.code == "E101" else EXIT_USAGE


def echo_json(value: Any) -> None:
    """Indented, deterministic JSON on stdout."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md"]),
    default="json",
    show_default=True,
    help="Output format: JSON, or a Markdown table.",
)


def db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The shared ``--db FILE`` option."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file (default: $STORYWEAVE_DB, else "
        "$XDG_DATA_HOME/storyweave/storyweave.db, else ~/.local/share/storyweave/).",
    )(command)


def md_cell(value: object) -> str:
    """A value as one Markdown table cell."""
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def md_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option(
    "--batch-size",
    type=int,
    default=BATCH_SIZE,
    show_default=True,
    help="Inputs per committed transaction; a killed run keeps every finished batch.",
)
@click.option(
    "--briefs/--no-briefs",
    default=False,
    show_default=True,
    help="Rebuild now the briefs of the stories this run changed "
    "(otherwise `brief --story ID` rebuilds a stale brief when asked).",
)
@click.option(
    "--flush-after",
    type=float,
    default=FLUSH_AFTER,
    show_default=True,
    metavar="SECONDS",
    help="With - (standard input): commit a batch once its first record has waited this "
    "long, full or not.",
)
@click.option(
    "--watch",
    type=float,
    default=None,
    metavar="SECONDS",
    help="Keep running: look at the PATHs again every SECONDS for new and changed files, "
    "until Ctrl-C.",
)
@click.option(
    "--reread",
    is_flag=True,
    help="Read every file again, even those stored before and unchanged since.",
)
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
def ingest_command(
    paths: tuple[Path, ...],
    db: Path | None,
    batch_size: int,
    briefs: bool,
    flush_after: float,
    watch: float | None,
    reread: bool,
    progress: bool | None,
) -> None:
    """Store the articles under every PATH and cluster them into stories.

    PATH is a file, a folder, a JSON Lines file or a feed; - reads JSON Lines from
    standard input as they arrive (`tail -f feed.jsonl | storyweave ingest -`), storing
    each record within about --flush-after seconds, and with --briefs rebuilding the
    briefs of the stories each batch changed. Prints a JSON summary: articles read and
    added, duplicates (already stored, or near-copies of a stored article, which are kept
    and linked to it), rejected inputs with their reasons, and the stories touched.
    Files stored before and unchanged since (same size and modification time) are not
    read again (--reread reads them), so running it again on a folder costs little and
    changes nothing; --watch does so every SECONDS. Re-running an interrupted ingest
    finishes it. Ctrl-C stops after committing what was read (press it twice to stop at
    once).

    Exit code 0 on success, 1 when no input held a usable article, 2 on a usage error.
    """
    from tqdm import tqdm

    from storyweave.store import open_store
    from storyweave.store.ingest import ingest

    show = sys.stderr.isatty() if progress is None else progress
    try:
        conn = open_store(db)
        try:
            streaming = any(str(p) == STDIN for p in paths) or watch is not None
            rebuilt = 0

            def rebuild_batch(story_ids: set[str]) -> None:
                nonlocal rebuilt
                rebuilt += rebuild_touched(conn, sorted(story_ids), False)

            with tqdm(desc="ingest", unit="input", disable=not show, leave=False) as bar:
                summary = ingest(
                    conn,
                    paths,
                    batch_size=batch_size,
                    progress=bar.update,
                    flush_after=flush_after,
                    on_batch=rebuild_batch if briefs and streaming else None,
                    reread=reread,
                    watch=watch,
                )
            report = summary.to_json()
            if briefs and streaming:
                report["briefs_rebuilt"] = rebuilt
            elif briefs and summary.stories_touched:
                report["briefs_rebuilt"] = rebuild_touched(conn, summary.stories_touched, show)
        finally:
            conn.close()
    except StoryweaveError as exc:
        fail(exc, exit_code_for(exc))
    echo_json(report)
    if summary.read == 0 and not summary.files_unchanged:
        names = ", ".join(str(p) for p in paths)
        fail(StoryweaveError("E001", f"no usable article among {names}"), EXIT_NO_INPUT)


def rebuild_touched(conn: Any, story_ids: Sequence[str], show: bool) -> int:
    """Bring the briefs of ``story_ids`` up to date, with a progress bar."""
    from tqdm import tqdm

    from storyweave.store.briefs import refresh_briefs

    with tqdm(total=len(story_ids), desc="briefs", unit="story", disable=not show) as bar:
        return refresh_briefs(conn, story_ids, progress=lambda _: bar.update(1))


@click.command("stories")
@db_option
@format_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N stories.")
@click.option(
    "--min-articles",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only stories with at least N articles.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only stories with a report published on or after this date (YYYY-MM-DD).",
)
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only stories with a report published on or before this date (YYYY-MM-DD).",
)
def stories_command(
    db: Path | None,
    fmt: str,
    limit: int | None,
    min_articles: int,
    since: datetime | None,
    until: datetime | None,
) -> None:
    """List the stored stories, most recently published first.

    Each story has its id (for `brief --story ID`), headline, article count,
    independent-source count (articles that are not near-copies of another),
    first and last publication date, and version (grows when articles join it).

    Exit code 0 on success, 1 when the database does not exist, 2 on a usage error.
    """
    from storyweave.store import open_store
    from storyweave.store.stories import list_stories

    try:
        conn = open_store(db, create=False)
        try:
            stories = list_stories(
                conn,
                limit=limit,
                min_articles=min_articles,
                since=since.date().isoformat() if since else None,
                until=until.date().isoformat() if until else None,
            )
        finally:
            conn.close()
    except StoryweaveError as exc:
        fail(exc, exit_code_for(exc))
    if fmt == "json":
        echo_json({"stories": [s.to_json() for s in stories]})
        return
    header = ["id", "headline", "articles", "independent", "first", "last", "version"]
    rows = [
        (
            s.id,
            s.headline,
            s.article_count,
            s.independent_count,
            s.first_published,
            s.last_published,
            s.version,
        )
        for s in stories
    ]
    click.echo(md_table(header, rows))


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Show at most N hits.",
)
@click.option(
    "--raw", is_flag=True, help="Pass QUERY to SQLite FTS5 as is (OR, NOT, NEAR, title:word)."
)
@click.option(
    "--stories",
    "by_story",
    is_flag=True,
    help="One line per story (its best match and how many of its articles match).",
)
@format_option
def search_command(
    query: tuple[str, ...], db: Path | None, limit: int, raw: bool, by_story: bool, fmt: str
) -> None:
    """Full-text search of the stored articles, best match first (bm25).

    Every word and "quoted phrase" of QUERY must occur (stemmed: "strikes" finds
    "strike"). Each hit has the article id, title, outlet, story id and a snippet with
    the matches in [brackets]. With --stories, each hit is a story: its id (for
    `brief --story ID`), headline, size, matching articles and best match.

    Exit code 0 on success (also with no hit), 1 when the database does not exist,
    2 on a usage error.
    """
    from storyweave.store import open_store
    from storyweave.store.search import search, search_stories

    text = " ".join(query)
    try:
        conn = open_store(db, create=False)
        try:
            if by_story:
                stories = search_stories(conn, text, limit=limit, raw=raw)
            else:
                hits = search(conn, text, limit=limit, raw=raw)
        finally:
            conn.close()
    except StoryweaveError as exc:
        fail(exc, exit_code_for(exc))
    if by_story:
        if fmt == "json":
            echo_json({"query": text, "stories": [s.to_json() for s in stories]})
            return
        header = ["story", "headline", "articles", "matching", "best match"]
        table = [(s.story_id, s.headline, s.articles, s.matching, s.best.snippet) for s in stories]
        click.echo(md_table(header, table))
        return
    if fmt == "json":
        echo_json({"query": text, "hits": [h.to_json() for h in hits]})
        return
    rows = [(h.article_id, h.title, h.outlet, h.story_id, h.snippet) for h in hits]
    click.echo(md_table(["article", "title", "outlet", "story", "snippet"], rows))


def register(group: click.Group) -> None:
    """Add the store commands to the main command group."""
    for command in (ingest_command, stories_command, search_command):
        group.add_command(command)
