"""The brief as JSON, following spec/brief.md (schema storyweave/brief@1)."""

from __future__ import annotations

import json
from typing import Any

from storyweave.models import Brief, Source, to_jsonable

SCHEMA = "storyweave/brief@1"


def source_json(source: Source) -> dict[str, Any]:
    """One entry of ``sources``: contract fields first, extras after."""
    a = source.article
    return {
        "id": source.sid,
        "input": a.input,
        "outlet": a.outlet,
        "url": a.url,
        "title": source.title,
        "published": source.published,
        "published_from": source.published_from,
        "language": a.language,
        "text": source.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in source.removed],
        "flags": [{"kind": f.kind, "evidence": f.evidence} for f in source.flags],
        "duplicate_of": source.duplicate_of,
        "article_id": a.id,
        "author": a.author,
        "captions": list(source.captions),
    }


def brief_json(brief: Brief) -> dict[str, Any]:
    """The brief as a plain JSON object."""
    return {
        "schema": SCHEMA,
        "story": to_jsonable(brief.story),
        "sources": [source_json(s) for s in brief.sources],
        "summary": to_jsonable(brief.summary),
        "facts": to_jsonable(brief.facts),
        "figures": to_jsonable(brief.figures),
        "disputes": to_jsonable(brief.disputes),
        "timeline": to_jsonable(brief.timeline),
        "entities": to_jsonable(brief.entities),
        "quotes": to_jsonable(brief.quotes),
        "rejected": to_jsonable(brief.rejected),
    }


def to_json_text(brief: Brief) -> str:
    """Deterministic, indented JSON text of the brief."""
    return json.dumps(brief_json(brief), ensure_ascii=False, indent=2) + "\n"
