"""A stored brief's JSON back into a :class:`storyweave.models.Brief`.

The JSON is what ``render.json_out.brief_json`` wrote. Sources carry only their article's
id, so the articles come from the store. Callers check the round trip (see
``briefs.load_brief``): when the JSON contract changes, an old stored brief no longer
converts back to the same JSON and is rebuilt instead of served.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

from storyweave.models import Article, Brief, Flag, Removed, Source


def from_jsonable(kind: Any, value: Any) -> Any:
    """Convert a plain JSON value to the type ``kind`` (records, tuples, enums, optionals)."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return None if value is None else from_jsonable(options[0], value)
    if origin is tuple:
        return tuple(from_jsonable(get_args(kind)[0], v) for v in value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if isinstance(kind, type) and is_dataclass(kind):
        hints = get_type_hints(kind)
        present = [f.name for f in fields(kind) if f.name in value]
        return kind(**{name: from_jsonable(hints[name], value[name]) for name in present})
    return value


def source_from_json(item: Mapping[str, Any], articles: Mapping[str, Article]) -> Source:
    """One ``sources[]`` entry, with its article from the store."""
    return Source(
        sid=item["id"],
        article=articles[item["article_id"]],
        text=item["text"],
        title=item["title"],
        published=item["published"],
        published_from=item["published_from"],
        removed=tuple(Removed(r["text"], r["reason"]) for r in item["removed"]),
        captions=tuple(item.get("captions", ())),
        flags=tuple(Flag(f["kind"], f["evidence"]) for f in item["flags"]),
        duplicate_of=item["duplicate_of"],
    )


def brief_from_json(data: Mapping[str, Any], articles: Mapping[str, Article]) -> Brief:
    """Rebuild a Brief from its JSON and the stored articles its sources name.

    Raises KeyError, TypeError or ValueError when the JSON does not fit the records.
    """
    hints = get_type_hints(Brief)
    parts = {
        f.name: from_jsonable(hints[f.name], data[f.name])
        for f in fields(Brief)
        if f.name not in ("sources",) and f.name in data
    }
    sources = tuple(source_from_json(s, articles) for s in data["sources"])
    return Brief(sources=sources, **parts)
