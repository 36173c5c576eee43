"""Records of reports: JSON Lines, JSON arrays and CSV with the columns
``id, url, outlet, title, published`` and a body in ``text``, ``html`` or ``html_path``
(an HTML file relative to the records file).

A broken line or record becomes one Rejected naming the file and line; the others proceed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from storyweave.errors import Reason
from storyweave.ingest.article import build_article
from storyweave.ingest.dates import normalize_date
from storyweave.ingest.files import Loaded, decode, load
from storyweave.ingest.html import MIN_ARTICLE_CHARS, Extracted, decode_html, extract_html
from storyweave.ingest.titles import cut_ending, headline, shared_endings
from storyweave.models import Article, Rejected

# How a stream of records (standard input) is named in rejections.
STREAM_NAME = "<stdin>"
# Bytes asked of standard input per read.
READ_CHUNK = 1 << 16


def read_records(
    loaded: Loaded, kind: str, used: set[Path] | None = None
) -> Iterator[Article | Rejected]:
    """Articles from a ``.jsonl``, ``.json`` or ``.csv`` file of records (``kind`` says which).

    The HTML files that records point to with ``html_path`` are added to ``used`` when given.
    """
    used = set() if used is None else used
    name = str(loaded.path)
    text = decode(loaded.raw, loaded.bom_encoding)
    if text is None:
        yield Rejected(name, Reason.UNDECODABLE, f"{name}: bytes are in no known text encoding")
        return
    if kind == "jsonl":
        lines = enumerate(text.splitlines(), 1)
        yield from _json_lines(loaded.path, lines, used, whole_file=True)
    elif kind == "csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows: list[tuple[str, dict]] = []
        broken: Rejected | None = None
        try:
            for row in reader:
                rows.append((f"line {reader.line_num}", row))
        except csv.Error as err:  # e.g. a field over csv's size limit: the rest is unreadable
            where = f"line {reader.line_num}"
            broken = _bad(loaded.path, where, Reason.BAD_RECORD, f"not readable as CSV ({err})")
        endings = title_endings(row for _, row in rows)
        for where, row in rows:
            yield record_article(row, loaded.path, where, used, endings)
        if broken is not None:
            yield broken
    else:
        yield from _json_document(loaded.path, text, used)


def read_stream(stream: Iterable[bytes], name: str = STREAM_NAME) -> Iterator[Article | Rejected]:
    """Articles from a stream of JSON Lines (standard input), as each line arrives.

    A line that is not UTF-8 or not JSON becomes one Rejected naming ``name`` and the line
    number; ``html_path`` is relative to the current folder. Reading stops at the end of the
    stream only, so an endless feed (``tail -f``) is read as it grows.
    """
    yield from _json_lines(Path(name), _decoded(stream, name), set())


def stdin_lines() -> Iterator[bytes]:
    """Lines of standard input as they arrive.

    Read straight from the file descriptor: a thread left waiting on an endless stream at
    exit then holds no lock of ``sys.stdin``'s buffer (which would abort the interpreter).
    """
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by a stream without a descriptor
        yield from sys.stdin.buffer
        return
    pending = bytearray()
    while chunk := os.read(fd, READ_CHUNK):
        pending += chunk
        end = pending.rfind(b"\n")
        if end >= 0:
            yield from bytes(pending[: end + 1]).splitlines(keepends=True)
            del pending[: end + 1]
    if pending:
        yield bytes(pending)


def _decoded(stream: Iterable[bytes], name: str) -> Iterator[tuple[int, str | Rejected]]:
    for number, raw in enumerate(stream, 1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            detail = f"{name} line {number}: bytes are not UTF-8 (JSON Lines are UTF-8)"
            yield number, Rejected(f"{name}:{number}", Reason.UNDECODABLE, detail)
            continue
        yield number, line


def title_endings(records: Iterable[Any]) -> dict[str, str]:
    """``{outlet: words}`` a site appends to nearly every title of one file, unseparated
    (see :func:`storyweave.ingest.titles.shared_endings`); outlets are keyed as
    :func:`_outlet_key` keys them."""
    pairs = []
    for record in records:
        if isinstance(record, Mapping):
            outlet, url = _text_field(record, "outlet"), _text_field(record, "url")
            title = headline(_text_field(record, "title"), [], outlet, url)
            pairs.append((_outlet_key(outlet, url), title))
    return shared_endings(pairs)


def _outlet_key(outlet: str | None, url: str | None) -> str | None:
    """The outlet a record names, else its URL's host."""
    return outlet or (urlsplit(url).hostname if url else None)


def _json_lines(
    path: Path,
    lines: Iterable[tuple[int, str | Rejected]],
    used: set[Path],
    whole_file: bool = False,
) -> Iterator[Article | Rejected]:
    """Articles of JSON Lines as they come; with ``whole_file``, all lines are read first, so
    the words an outlet appends to its titles (:func:`title_endings`) are known and cut."""
    parsed: Iterable[tuple[str, Any]] = _parsed_lines(path, lines)
    endings = None
    if whole_file:
        parsed = list(parsed)
        endings = title_endings(r for _, r in parsed if not isinstance(r, Rejected))
    for where, record in parsed:
        if isinstance(record, Rejected):
            yield record
        else:
            yield record_article(record, path, where, used, endings)


def _parsed_lines(
    path: Path, lines: Iterable[tuple[int, str | Rejected]]
) -> Iterator[tuple[str, Any]]:
    """``(where, JSON value)`` of each non-blank line; a Rejected for a line that is none."""
    for number, line in lines:
        where = f"line {number}"
        if isinstance(line, Rejected):
            yield where, line
        elif line.strip():
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as err:
                yield where, _bad(path, where, Reason.BAD_JSON, f"not valid JSON ({err.msg})")


def _json_document(path: Path, text: str, used: set[Path]) -> Iterator[Article | Rejected]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}"
        yield _bad(path, where, Reason.BAD_JSON, f"not valid JSON ({err.msg})")
        return
    records = document if isinstance(document, list) else [document]
    endings = title_endings(records)
    for number, record in enumerate(records, 1):
        yield record_article(record, path, f"record {number}", used, endings)


def record_article(
    record: Any,
    path: Path,
    where: str,
    used: set[Path] | None = None,
    endings: Mapping[str, str] | None = None,
) -> Article | Rejected:
    """One record as an Article; the record's own fields win over what its HTML says.

    Args:
        record: the parsed JSON object or CSV row.
        path: the records file, which ``html_path`` is relative to.
        where: the record's place in the file, e.g. ``"line 3"``, named in rejections.
        used: collects the HTML files the record read its body from.
        endings: words outlets append to their titles (:func:`title_endings`), cut here.
    """
    if not isinstance(record, Mapping):
        return _bad(path, where, Reason.BAD_RECORD, "a record must be a JSON object")
    record_id = _text_field(record, "id")
    label = f"record {record_id!r}" if record_id else "the record"
    input_name = record_id or f"{path.name}:{where.split()[-1]}"
    body_path = str(path)
    page: Extracted | None = None
    text = _text_field(record, "text")
    if text is None:
        html = _text_field(record, "html")
        html_file = _text_field(record, "html_path")
        if html is None and html_file is not None:
            target = path.parent / html_file
            if used is not None:
                used.add(target)
            loaded = load(target)
            if isinstance(loaded, Rejected):
                return _bad(path, where, loaded.reason, f"{label}: {loaded.detail}")
            html = decode_html(loaded.raw, loaded.bom_encoding)
            if html is None:
                detail = f"{label}: {target} is in no known text encoding"
                return _bad(path, where, Reason.UNDECODABLE, detail)
            body_path = str(target)
        if html is None:
            detail = f"{label} has no 'text', 'html' or 'html_path' field with content"
            return _bad(path, where, Reason.BAD_RECORD, detail)
        page = extract_html(html, _text_field(record, "url"))
        if page is None:
            detail = f"{label}: its HTML holds no article of {MIN_ARTICLE_CHARS}+ characters"
            return _bad(path, where, Reason.NO_ARTICLE, detail)
        text = page.text
    outlet = _text_field(record, "outlet") or (page.outlet if page else None)
    url = _text_field(record, "url") or (page.url if page else None)
    # A record's title is often the page's <title>: "Headline - The Site".
    title = headline(_text_field(record, "title"), [], outlet, url)
    if endings:
        title = cut_ending(title, endings.get(_outlet_key(outlet, url) or ""))
    return build_article(
        text,
        input=input_name,
        kind="jsonl",
        path=body_path,
        outlet=outlet,
        url=url,
        title=title or (page.title if page else None),
        published=normalize_date(record.get("published")) or (page.published if page else None),
        language=_text_field(record, "language", "lang") or (page.language if page else None),
        author=_author(record) or (page.author if page else None),
        captions=page.captions if page else (),
    )


def _text_field(record: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and key == "id":
            return str(value)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _author(record: Mapping[str, Any]) -> str | None:
    value = record.get("author", record.get("authors"))
    if isinstance(value, list):
        names = [v.strip() for v in value if isinstance(v, str) and v.strip()]
        return ", ".join(names) or None
    return value if isinstance(value, str) else None


def _bad(path: Path, where: str, reason: Reason, why: str) -> Rejected:
    return Rejected(f"{path}:{where.split()[-1]}", reason, f"{path} {where}: {why}")
