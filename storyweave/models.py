"""Plain frozen records passed between the stages. No behaviour beyond JSON conversion.

Text is stored once per source (``Source.text``); every evidence span is a character-offset
view into it, so ``source.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from storyweave.errors import Reason


@dataclass(frozen=True)
class Article:
    """One report as read from its input, before cleaning.

    ``text`` is the body as the input gave it (a scraped text file, the main text an HTML
    extractor found, a JSONL record's ``text``). ``published`` is ``YYYY-MM-DD`` or None.
    ``published_from`` is ``"metadata"`` when the input carried the date as a field.
    """

    id: str  # content hash of the body text: the same text read twice has the same id
    input: str  # file name, or JSONL/feed record id
    text: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    published_from: str | None = None
    language: str | None = None
    author: str | None = None
    kind: str = "text"  # "text" | "html" | "jsonl" | "feed"
    path: str | None = None  # file the article came from, when it came from a file
    captions: tuple[str, ...] = ()  # image captions an HTML extractor found beside the body


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read, and why. Shown to users; never fatal to the rest."""

    input: str
    reason: Reason
    detail: str

    def to_json(self) -> dict[str, str]:
        return {"input": self.input, "reason": self.reason.value, "detail": self.detail}


@dataclass(frozen=True)
class Removed:
    """A line cleaning took out of a body, with why (boilerplate, caption, credit, ...)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Flag:
    """Damage seen in a source: ``dropped_words``, ``machine_translated``, ``truncated``..."""

    kind: str
    evidence: str | None = None


@dataclass(frozen=True)
class Source:
    """A cleaned article as it appears in a brief. ``text`` is what evidence points into."""

    sid: str  # "S1", "S2", ... in input order
    article: Article
    text: str
    title: str | None
    published: str | None
    published_from: str | None
    removed: tuple[Removed, ...] = ()
    captions: tuple[str, ...] = ()
    flags: tuple[Flag, ...] = ()
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Evidence:
    """An exact span of one source's cleaned text."""

    source: str
    start: int
    end: int
    text: str
    phrase: str | None = None  # timeline only: the date wording, e.g. "on Tuesday"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if self.phrase is not None:
            out["phrase"] = self.phrase
        return out


@dataclass(frozen=True)
class SummaryItem:
    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Fact:
    text: str
    status: str  # "agreed" | "single"
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class FigureValue:
    text: str  # as written: "at least 164"
    low: float | None
    high: float | None
    as_of: str | None
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Figure:
    topic: str
    status: str  # "consistent" | "conflict"
    values: tuple[FigureValue, ...]


@dataclass(frozen=True)
class Claim:
    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Dispute:
    topic: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    precision: str  # "day" | "week" | "month" | "year"
    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Entity:
    name: str
    type: str  # "PERSON" | "ORG" | "PLACE" | "EVENT" | "OTHER"
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    mentions: int


@dataclass(frozen=True)
class Quote:
    speaker: str | None
    text: str
    verbatim: bool
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class StoryInfo:
    id: str
    headline: str
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True)
class Brief:
    story: StoryInfo
    sources: tuple[Source, ...]
    summary: tuple[SummaryItem, ...] = ()
    facts: tuple[Fact, ...] = ()
    figures: tuple[Figure, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    rejected: tuple[Rejected, ...] = field(default=())


def to_jsonable(value: Any) -> Any:
    """Turn records into plain JSON values (tuples to lists, enums to values)."""
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, Reason):
        return value.value
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: to_jsonable(getattr(value, k)) for k in value.__dataclass_fields__}
    return value


__all__ = [
    "Article",
    "Brief",
    "Claim",
    "Dispute",
    "Entity",
    "Evidence",
    "Fact",
    "Figure",
    "FigureValue",
    "Flag",
    "Quote",
    "Rejected",
    "Removed",
    "Source",
    "StoryInfo",
    "SummaryItem",
    "TimelineEntry",
    "asdict",
    "to_jsonable",
]
