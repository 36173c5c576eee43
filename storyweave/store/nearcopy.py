"""Near-copies (wire reprints) of stored articles, found with ``storyweave.dedup``'s index.

Each independent article's MinHash signature is saved beside it, so the index is rebuilt
at the start of an ingest without hashing any stored text again. Near-copies themselves
are not indexed: every ``duplicate_of`` link points at an independent article.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

from storyweave.models import Article

# Signature blob: value width in bytes and distinct-shingle count, then the hash values.
HEADER = struct.Struct("<BI")


@dataclass(frozen=True)
class NearCopyCheck:
    """What the index said about one article: its original, if any, and its signature."""

    original: str | None
    fingerprint: Any


def signature_bytes(fingerprint: Any) -> bytes:
    """A fingerprint as a compact blob (32-bit values when they fit, as MinHash's do)."""
    values = np.asarray(fingerprint.hashvalues, dtype=np.uint64)
    narrow = values.size == 0 or int(values.max()) <= np.iinfo(np.uint32).max
    dtype = np.dtype("<u4") if narrow else np.dtype("<u8")
    return HEADER.pack(dtype.itemsize, fingerprint.size) + values.astype(dtype).tobytes()


def fingerprint_from_bytes(blob: bytes) -> Any:
    """The fingerprint saved by :func:`signature_bytes`."""
    from storyweave.dedup import Fingerprint

    width, size = HEADER.unpack_from(blob)
    dtype = np.dtype("<u4") if width == 4 else np.dtype("<u8")
    values = np.frombuffer(blob, dtype=dtype, offset=HEADER.size).astype(np.uint64)
    return Fingerprint(hashvalues=values, size=size)


class NearCopies:
    """The stored independent articles a new article may be a near-copy of.

    Args:
        index: a ``storyweave.dedup.NearDuplicateIndex``.
    """

    def __init__(self, index: Any) -> None:
        self.index = index

    def check(self, article: Article) -> NearCopyCheck:
        """The most similar indexed article this one copies (ties by id), or None."""
        fingerprint = self.index.fingerprint(article.text)
        matches = self.index.query(fingerprint)
        return NearCopyCheck(matches[0].key if matches else None, fingerprint)

    def add(self, article_id: str, check: NearCopyCheck) -> bytes:
        """Index an independent article; return the signature blob to save with it."""
        self.index.insert(article_id, check.fingerprint)
        return signature_bytes(check.fingerprint)


def new_index() -> Any:
    """An empty near-duplicate index with the dedup module's calibrated defaults."""
    from storyweave.dedup import NearDuplicateIndex

    return NearDuplicateIndex()


def load_near_copies(conn: sqlite3.Connection) -> NearCopies:
    """A finder holding every stored independent article, from the saved signatures."""
    index = new_index()
    rows = conn.execute(
        "SELECT s.article_id, s.signature FROM near_copy_signatures s "
        "JOIN articles a ON a.id = s.article_id ORDER BY a.seq"
    )
    for article_id, blob in rows:
        index.insert(article_id, fingerprint_from_bytes(blob))
    return NearCopies(index)


def save_signature(conn: sqlite3.Connection, article_id: str, signature: bytes) -> None:
    """Save an article's signature (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO near_copy_signatures (article_id, signature) VALUES (?, ?) "
        "ON CONFLICT(article_id) DO NOTHING",
        (article_id, signature),
    )
