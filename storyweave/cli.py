"""Command line: thin wrappers over the library. JSON by default; one error shape."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from storyweave import __version__
from storyweave.errors import StoryweaveError
from storyweave.fsutil import write_atomic
from storyweave.models import Brief, Rejected
from storyweave.render import FORMATS, render

# Exit codes promised in the README.
EXIT_OK = 0
EXIT_NO_INPUT = 1
EXIT_USAGE = 2


def report_rejected(rejected: Sequence[Rejected]) -> None:
    """Tell the user, on stderr, which inputs were skipped and why."""
    for r in rejected:
        click.echo(f"skipped {r.input}: {r.reason.value}: {r.detail}", err=True)


def fail(error: StoryweaveError, code: int) -> None:
    """Print the one JSON error shape on stderr and exit."""
    click.echo(json.dumps(error.to_json()), err=True)
    sys.exit(code)


def exit_no_usable_input(paths: Sequence[Path]) -> None:
    """Say, in the one JSON error shape, that no input held an article; exit 1."""
    message = "no usable input among " + ", ".join(str(p) for p in paths)
    click.echo(json.dumps({"error": "E001", "message": message}), err=True)
    sys.exit(EXIT_NO_INPUT)


class StageBar:
    """A progress bar over the stages of a brief, shown on stderr."""

    def __init__(self, total: int, enabled: bool) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, desc="brief", unit="stage", disable=not enabled, leave=False)

    def __call__(self, name: str) -> None:
        self.bar.set_postfix_str(name)
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


def format_for(path: Path, fmt: str | None) -> str:
    """Format named by ``--format``, else by the output file's extension, else JSON."""
    if fmt:
        return fmt
    ext = path.suffix.lower().lstrip(".")
    return (
        {"markdown": "md", "htm": "html"}.get(ext, ext)
        if ext in (*FORMATS, "markdown", "htm")
        else "json"
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyweave")
def main() -> None:
    """storyweave: weave many news reports of one event into one sourced brief."""


@main.command("brief")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: from the -o extension, else json).",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Write to FILE instead of stdout; repeat to write several formats "
    "(format from each extension: .json, .md, .html).",
)
@click.option("--summary-sentences", default=5, show_default=True, help="Summary length.")
@click.option(
    "--keep-off-topic",
    is_flag=True,
    help="Keep paragraphs about other stories (a digest's other items) in the sources.",
)
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
@click.option("--story", "story_id", default=None, help="Brief of a stored story (see `stories`).")
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),
    default=None,
    help="Database file (default: $STORYWEAVE_DB, else the per-user data folder).",
)
def brief_command(
    paths: tuple[Path, ...],
    fmt: str | None,
    outputs: tuple[Path, ...],
    summary_sentences: int,
    keep_off_topic: bool,
    progress: bool | None,
    story_id: str | None,
    db: Path | None,
) -> None:
    """Read every PATH (files, folders, JSON Lines, feeds) as one story and print its brief.

    Exit code 0 on success, 1 when no input was usable, 2 on a usage error.
    """
    from storyweave.pipeline import STAGES, BriefOptions, build_brief, read_story

    try:
        options = BriefOptions(summary_sentences=summary_sentences, keep_off_topic=keep_off_topic)
    except StoryweaveError as exc:
        fail(exc, EXIT_USAGE)
    if story_id is not None:
        if paths:
            raise click.UsageError("give either PATHs or --story, not both")
        from storyweave.cli_store import exit_code_for
        from storyweave.store.briefs import stored_brief

        try:
            brief = stored_brief(db, story_id, options)
        except StoryweaveError as exc:
            fail(exc, exit_code_for(exc))
        emit(brief, fmt, outputs)
        return
    if not paths:
        raise click.UsageError("give at least one PATH (file, folder or .jsonl), or --story ID")
    articles, rejected = read_story(paths)
    report_rejected(rejected)
    if not articles:
        exit_no_usable_input(paths)
    show = sys.stderr.isatty() if progress is None else progress
    bar = StageBar(len(STAGES), show)
    try:
        brief = build_brief(articles, options, rejected=rejected, progress=bar)
    finally:
        bar.close()
    warn_if_several_stories(brief)
    emit(brief, fmt, outputs)


# A brief's inputs look like several stories when at least this many independent reports
# share no agreed fact with another, and they are more than half of them.
LOOSE_MIN_REPORTS = 3


def warn_if_several_stories(brief: Brief) -> None:
    """Tell the user (on stderr) when the inputs of a brief look like several stories."""
    from storyweave.pipeline import loose_sources

    loose, total = loose_sources(brief)
    if loose >= LOOSE_MIN_REPORTS and loose * 2 > total:
        click.echo(
            f"warning: {loose} of {total} reports share no fact with any other; the inputs may be "
            "several stories (`storyweave cluster PATH... --format json` groups them)",
            err=True,
        )


def emit(brief: Brief, fmt: str | None, outputs: Sequence[Path]) -> None:
    """Print the brief, or write it to each output file (atomically)."""
    if not outputs:
        click.echo(render(brief, fmt or "json"), nl=False)
        return
    for out in outputs:
        write_atomic(out, render(brief, format_for(out, fmt if len(outputs) == 1 else None)))
        click.echo(f"wrote {out}", err=True)


def register_optional_commands() -> None:
    """Commands of the many-stories engine live in their own modules."""
    from storyweave import cli_cluster, cli_store

    cli_store.register(main)
    cli_cluster.register(main)


register_optional_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
