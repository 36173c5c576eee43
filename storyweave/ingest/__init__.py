"""Read inputs (files, folders, JSON Lines, feeds, HTML) into Article records."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyweave.errors import Reason
from storyweave.models import Article, Rejected


def content_id(text: str) -> str:
    """Content-hash id of a body text: the same text always gets the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Article | Rejected]:
    """Yield one Article per readable report and one Rejected per unusable input."""
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if not file.exists():
                yield Rejected(str(file), Reason.MISSING, "no such file")
                continue
            text = file.read_text(encoding="utf-8")
            yield Article(id=content_id(text), input=file.name, text=text, path=str(file))
