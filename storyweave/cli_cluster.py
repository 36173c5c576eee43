"""The `cluster` command: group inputs into stories without a database."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from storyweave.models import Article

FORMATS = ("json", "md")


def stories_json(stories: Sequence[tuple[str, Sequence[Article]]]) -> str:
    """``{"stories": [{"id", "articles": [inputs]}]}``, one line per story, stable order."""
    rows = [
        {"id": story_id, "articles": [a.input for a in members]} for story_id, members in stories
    ]
    lines = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)
    return '{"stories": [\n' + lines + "\n]}\n" if rows else '{"stories": []}\n'


def stories_markdown(stories: Sequence[tuple[str, Sequence[Article]]]) -> str:
    """One section per story: its id, then a line per article (date, input, title)."""
    out = [f"# {len(stories)} stories", ""]
    for story_id, members in stories:
        out.append(f"## {story_id} ({len(members)} articles)")
        out.append("")
        for a in members:
            title = (a.title or "").replace("\n", " ").strip()
            out.append(f"- {a.published or 'undated'} `{a.input}`" + (f" {title}" if title else ""))
        out.append("")
    return "\n".join(out)


def register(group: click.Group) -> None:
    """Add the cluster command to the main command group."""

    @group.command("cluster")
    @click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
    @click.option(
        "--incremental/--batch",
        default=False,
        help="Feed articles in date order as they would arrive (default: one batch).",
    )
    @click.option(
        "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
    )
    def cluster_command(
        paths: tuple[Path, ...], fmt: str, incremental: bool, progress: bool | None
    ) -> None:
        """Group every PATH (files, folders, JSON Lines) into stories and print them.

        An article is named by its JSON Lines record id, or its file name. Exit code 0 on
        success, 1 when no input was usable, 2 on a usage error.
        """
        from tqdm import tqdm

        from storyweave.cli import exit_no_usable_input, report_rejected
        from storyweave.cluster import cluster_articles
        from storyweave.ingest import read_inputs
        from storyweave.models import Rejected

        if not paths:
            raise click.UsageError("give at least one PATH (file, folder or .jsonl)")
        # Every record is listed, exact copies included (they share a story).
        read = list(read_inputs(paths))
        articles = [a for a in read if isinstance(a, Article)]
        report_rejected([r for r in read if isinstance(r, Rejected)])
        if not articles:
            exit_no_usable_input(paths)
        show = sys.stderr.isatty() if progress is None else progress
        with tqdm(
            total=len({a.id for a in articles}),
            desc="cluster",
            unit="article",
            disable=not show,
            leave=False,
        ) as bar:
            stories = cluster_articles(articles, incremental=incremental, progress=bar.update)
        out = stories_json(stories) if fmt == "json" else stories_markdown(stories)
        click.echo(out, nl=False)
