"""Read inputs (files, folders, JSON Lines, feeds, HTML) into Article records.

Each input becomes Articles or Rejected records; a bad input never stops the others.

Readers, by format (the file suffix decides, else the content's head is sniffed):

* plain text (``.txt`` and anything unrecognised): the whole file is the body;
* HTML (``.html``/``.htm``): :mod:`storyweave.ingest.html`;
* JSON Lines, JSON arrays, CSV of records: :mod:`storyweave.ingest.jsonl`;
* RSS/Atom (``.xml``/``.rss``/``.atom``): :mod:`storyweave.ingest.feed`.

``-`` is standard input, read as JSON Lines record by record as it arrives
(:func:`storyweave.ingest.jsonl.read_stream`).

Folders are walked recursively in sorted order, hidden files skipped. Within a folder the
bundles (feeds, records files) are read first, and an HTML page that supplied one of their
items' bodies (a feed's saved page, a record's ``html_path``) is not read again on its own;
the bundle's items come at the bundle's place in the order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from storyweave.errors import Reason
from storyweave.fsutil import STDIN, FileStamp, stamp_of
from storyweave.ingest.article import build_article, content_id
from storyweave.ingest.feed import read_feed
from storyweave.ingest.files import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    MAX_FILE_BYTES,
    RECORD_SUFFIXES,
    SNIFF_BYTES,
    Loaded,
    decode,
    load,
    sniff_kind,
    walk,
)
from storyweave.ingest.html import MIN_ARTICLE_CHARS, decode_html, extract_html
from storyweave.ingest.jsonl import read_records, read_stream, stdin_lines
from storyweave.ingest.usable import furniture_only
from storyweave.models import Article, Rejected

__all__ = [
    "MAX_FILE_BYTES",
    "STDIN",
    "FileStamp",
    "content_id",
    "read_file",
    "read_inputs",
    "read_stamped",
]


def read_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[Article | Rejected]:
    """Yield one Article per readable report and one Rejected per unusable input.

    Args:
        paths: files and folders; folders are walked recursively in sorted order; ``-`` is
            standard input, read as JSON Lines.
        max_bytes: files larger than this are rejected without being read.

    Example:
        >>> items = list(read_inputs(["examples/seed-story"]))
        >>> all(isinstance(i, Article) for i in items)
        True
    """
    for item in read_stamped(paths, max_bytes=max_bytes):
        if not isinstance(item, FileStamp):
            yield item


def read_stamped(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = MAX_FILE_BYTES,
    unchanged: Callable[[FileStamp], bool] | None = None,
) -> Iterator[Article | Rejected | FileStamp]:
    """``read_inputs``, with a FileStamp after the items of each file read, and skipping.

    A file for which ``unchanged(stamp)`` is true is not read (the store knows it as it
    is). A feed's or records file's stamp comes after all its items, followed by the stamps
    of the HTML pages it took bodies from (those are not read on their own). A text that
    is page furniture only (``usable.furniture_only``) comes as its rejection.
    """
    for item in _read_stamped(paths, max_bytes, unchanged):
        if isinstance(item, Article):
            yield furniture_only(item) or item
        else:
            yield item


def _read_stamped(
    paths: Iterable[str | Path], max_bytes: int, unchanged: Callable[[FileStamp], bool] | None
) -> Iterator[Article | Rejected | FileStamp]:
    for raw in paths:
        if str(raw) == STDIN:
            yield from read_stream(stdin_lines())
            continue
        files = list(walk(Path(raw)))
        if not files:
            yield Rejected(str(raw), Reason.EMPTY, f"{raw}: the folder holds no files to read")
            continue
        stamps = {file: stamp_of(file) for file in files}
        skipped = {
            file
            for file, stamp in stamps.items()
            if stamp is not None and unchanged is not None and unchanged(stamp)
        }
        bundles = [f for f in files if f not in skipped and _bundle_kind(f) is not None]
        if not any(f.suffix.lower() in HTML_SUFFIXES for f in files if f not in skipped):
            # No page for a bundle to take: each file is read as it comes, records streamed.
            for file in files:
                if file not in skipped:
                    yield from read_file(file, max_bytes)
                    yield from _stamp(stamps[file])
            continue
        read_bundles: dict[Path, list[Article | Rejected]] = {}
        pages_of: dict[Path, set[Path]] = {}
        for file in bundles:
            pages_of[file] = set()
            read_bundles[file] = list(read_file(file, max_bytes, pages_of[file]))
        used_pages = set().union(*pages_of.values())
        for file in files:
            if file in skipped:
                continue
            if file in read_bundles:
                yield from read_bundles.pop(file)
                yield from _stamp(stamps[file])
                for page in sorted(pages_of[file]):
                    yield from _stamp(stamps.get(page) or stamp_of(page))
            elif file not in used_pages:
                yield from read_file(file, max_bytes)
                yield from _stamp(stamps[file])


def _stamp(stamp: FileStamp | None) -> Iterator[FileStamp]:
    if stamp is not None:
        yield stamp


def read_file(
    path: Path, max_bytes: int = MAX_FILE_BYTES, used: set[Path] | None = None
) -> Iterator[Article | Rejected]:
    """Articles (or the reason for none) from one file of any supported format.

    Args:
        path: the file.
        max_bytes: files larger than this are rejected without being read.
        used: collects the HTML pages a feed or records file took item bodies from.
    """
    loaded = load(path, max_bytes)
    if isinstance(loaded, Rejected):
        yield loaded
        return
    kind = sniff_kind(path, loaded.raw)
    if kind == "feed":
        items, pages = read_feed(loaded)
        if used is not None:
            used |= pages
        yield from items
    elif kind in ("jsonl", "json", "csv"):
        yield from read_records(loaded, kind, used)
    elif kind == "html":
        yield _html_file(loaded)
    else:
        yield _text_file(loaded)


def _text_file(loaded: Loaded) -> Article | Rejected:
    name = str(loaded.path)
    text = decode(loaded.raw, loaded.bom_encoding)
    if text is None:
        return Rejected(name, Reason.UNDECODABLE, f"{name}: bytes are in no known text encoding")
    text = _unix_newlines(text)
    if not text.strip():
        return Rejected(name, Reason.EMPTY, f"{name}: the file holds only blank space")
    return build_article(text, input=loaded.path.name, kind="text", path=name)


def _html_file(loaded: Loaded) -> Article | Rejected:
    name = str(loaded.path)
    html = decode_html(loaded.raw, loaded.bom_encoding)
    if html is None:
        return Rejected(name, Reason.UNDECODABLE, f"{name}: bytes are in no known text encoding")
    page = extract_html(html)
    if page is None:
        why = f"{name}: no article text found (needs {MIN_ARTICLE_CHARS}+ characters of main text)"
        return Rejected(name, Reason.NO_ARTICLE, why)
    return build_article(
        page.text,
        input=loaded.path.name,
        kind="html",
        path=name,
        outlet=page.outlet,
        url=page.url,
        title=page.title,
        published=page.published,
        language=page.language,
        author=page.author,
        captions=page.captions,
    )


def _bundle_kind(path: Path) -> str | None:
    """ "feed", "jsonl", "json" or "csv" for files that may point at pages beside them."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or not path.is_file():
        return None
    if suffix in FEED_SUFFIXES or suffix in RECORD_SUFFIXES:
        return sniff_kind(path, b"")
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return None
    kind = sniff_kind(path, head)
    return kind if kind in ("feed", "jsonl", "json", "csv") else None


def _unix_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
