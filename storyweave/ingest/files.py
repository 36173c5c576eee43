"""Finding input files and turning their bytes into text, or saying why not.

Every check here looks at as little as it can: the size comes from ``stat`` before a byte is
read, and binary sniffing only looks at the head of the file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from storyweave.errors import Reason
from storyweave.models import Rejected

# Largest input file read, in bytes. The biggest real news page in the extraction data set
# (a CNN article with inline scripts) is 2.9 MB; 25 MB leaves room for JSON Lines bundles of a
# few thousand reports while rejecting dumps, archives and videos before reading them.
MAX_FILE_BYTES = 25_000_000

# How much of a file's head is sniffed for binary content and for its format.
SNIFF_BYTES = 8192

# Share of control bytes (other than tab, newline, carriage return, form feed, escape) in the
# head above which a file is binary even without NUL bytes. Text in any of the legacy code
# pages has next to none; images, archives and PDFs without NULs in the head exceed 10%.
MAX_CONTROL_SHARE = 0.10

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
# Plain-text reports: never sniffed as records, whatever their first character.
TEXT_SUFFIXES = frozenset({".txt", ".text"})
RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv"})

_FEED_HEAD = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_HEAD = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.I | re.S)


@dataclass(frozen=True)
class Loaded:
    """The raw bytes of one input file, with the encoding a byte-order mark named, if any."""

    path: Path
    raw: bytes
    bom_encoding: str | None


def walk(path: Path) -> Iterator[Path]:
    """Files under ``path`` in a deterministic order, hidden files and folders skipped.

    A path that is a file (or does not exist) is yielded as is, so that the caller can report it.
    """
    if not path.is_dir():
        yield path
        return
    for child in sorted(path.rglob("*"), key=lambda p: p.relative_to(path).parts):
        rel = child.relative_to(path).parts
        if any(part.startswith(".") for part in rel) or not child.is_file():
            continue
        yield child


def load(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Loaded | Rejected:
    """Read a file's bytes after checking it exists, is not too large, empty or binary."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Rejected(name, Reason.MISSING, f"{name}: no such file")
    except OSError as err:
        return Rejected(name, Reason.UNREADABLE, f"{name}: cannot be read ({err.strerror})")
    if not path.is_file():
        return Rejected(name, Reason.UNSUPPORTED, f"{name}: not a regular file")
    if size > max_bytes:
        return Rejected(
            name,
            Reason.TOO_LARGE,
            f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit for one input",
        )
    try:
        raw = path.read_bytes()
    except OSError as err:
        return Rejected(name, Reason.UNREADABLE, f"{name}: cannot be read ({err.strerror})")
    bom = next((enc for mark, enc in _BOMS if raw.startswith(mark)), None)
    body = raw[len(codecs.BOM_UTF8) :] if bom == "utf-8-sig" else raw
    if not body.strip():
        return Rejected(name, Reason.EMPTY, f"{name}: the file is empty")
    if bom is None and looks_binary(raw[:SNIFF_BYTES]):
        return Rejected(name, Reason.BINARY, f"{name}: binary data, not text")
    return Loaded(path, raw, bom)


def looks_binary(head: bytes) -> bool:
    """True when a file's head holds NUL bytes or too many other control bytes."""
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return bool(head) and controls / len(head) > MAX_CONTROL_SHARE


def decode(raw: bytes, bom_encoding: str | None = None, declared: str | None = None) -> str | None:
    """Decode bytes as text: byte-order mark, then UTF-8, then the declared charset, then a guess.

    Returns None when nothing decodes the bytes into plausible text.
    """
    if bom_encoding:
        try:
            return raw.decode(bom_encoding)
        except UnicodeDecodeError:
            return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return raw.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(raw).best()
    return None if best is None else str(best)


def sniff_kind(path: Path, raw: bytes) -> str:
    """The reader an input needs: "html", "feed", "jsonl", "json", "csv" or "text".

    The file name decides when its suffix is known; otherwise the head of the content does.
    """
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".json", ".csv"):
        return suffix[1:]
    if suffix in TEXT_SUFFIXES:
        # A report that happens to open with "[" or "{" ("[Updated] ...") is still a report.
        return "text"
    head = raw[:SNIFF_BYTES].lstrip(codecs.BOM_UTF8)
    if _FEED_HEAD.search(head) and not _HTML_HEAD.match(head):
        return "feed"
    if _HTML_HEAD.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"["):
        return "json"
    return "text"
