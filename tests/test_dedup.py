"""Near-duplicate detection: exact copies, lightly edited reprints, copies inside longer pages."""

from __future__ import annotations

import pytest

from storyweave.dedup import NearDuplicateIndex, mark_duplicates
from storyweave.errors import UsageError
from storyweave.ingest import content_id
from storyweave.models import Article, Source

WIRE = (
    "The regional transport authority said on Thursday that the Northgate rail line will close "
    "for six weeks from next month so engineers can replace a section of track damaged by "
    "subsidence. Replacement buses will run every ten minutes between Northgate and the city "
    "centre, and season ticket holders will be offered a partial refund. The authority's chief "
    "executive, Helen Marsh, apologised for the disruption and said the work could not wait "
    "until the summer holidays because the damage had worsened over the winter. Local "
    "businesses near Northgate station said they feared losing customers during the closure, "
    "and the chamber of commerce asked the authority to publish a detailed timetable."
)
# The same wire story with a new first line and two phrases changed, as a reprint would have.
REPRINT = "UPDATED 3.15pm. " + WIRE.replace("every ten minutes", "every 10 minutes").replace(
    "feared losing", "worried about losing"
)
# The same event, written independently by another outlet.
REWRITE = (
    "Commuters on the Northgate line face six weeks without trains after the transport "
    "authority announced an emergency closure to repair track sunk by subsidence. Helen Marsh, "
    "who runs the authority, told reporters the repairs were urgent. Buses will replace trains, "
    "and some ticket holders will get money back, the authority said."
)
OTHER = (
    "The city's oldest bakery closed its doors on Saturday after 140 years, with a queue of "
    "customers stretching around the block for a last loaf. The owners, who are retiring, said "
    "no buyer had been found for the business, and the building will be sold next year."
)
PAGE = (
    "Home | News | Sport | Weather | Contact us\nSign up for our newsletter\n"
    + WIRE
    + "\nComments (12)\nMost read: Bakery closes after 140 years; Council budget approved\n"
)


def source(sid: str, text: str, published: str | None = None) -> Source:
    article = Article(id=content_id(text), input=sid, text=text, published=published)
    return Source(
        sid=sid, article=article, text=text, title=None, published=published, published_from=None
    )


def test_exact_copy_is_found() -> None:
    index = NearDuplicateIndex()
    index.insert("wire", WIRE)
    [match] = index.query(WIRE)
    assert match.key == "wire" and match.jaccard == 1.0


def test_lightly_edited_reprint_is_found() -> None:
    index = NearDuplicateIndex()
    index.insert("wire", WIRE)
    assert [m.key for m in index.query(REPRINT)] == ["wire"]


def test_copy_inside_a_longer_page_is_found_by_containment() -> None:
    index = NearDuplicateIndex()
    index.insert("page", PAGE)
    [match] = index.query(WIRE)
    assert match.key == "page" and match.containment >= 0.8


def test_independent_report_of_same_event_and_other_story_are_not_copies() -> None:
    index = NearDuplicateIndex()
    index.insert("wire", WIRE)
    assert index.query(REWRITE) == []
    assert index.query(OTHER) == []
    assert index.query("") == []


def test_remove_and_state_round_trip() -> None:
    index = NearDuplicateIndex()
    index.insert("wire", WIRE)
    index.insert("other", OTHER)
    restored = NearDuplicateIndex.from_state(index.to_state())
    assert restored.to_state() == index.to_state()
    assert [m.key for m in restored.query(REPRINT)] == ["wire"]
    restored.remove("wire")
    assert restored.query(REPRINT) == [] and "wire" not in restored and len(restored) == 1


def test_misuse_raises_usage_errors() -> None:
    index = NearDuplicateIndex()
    index.insert("wire", WIRE)
    with pytest.raises(UsageError):
        index.insert("wire", WIRE)
    with pytest.raises(UsageError):
        index.remove("missing")
    with pytest.raises(UsageError):
        NearDuplicateIndex(threshold=1.5)
    with pytest.raises(UsageError):
        NearDuplicateIndex.from_state(b"garbage")


def test_mark_duplicates_points_copies_at_the_earliest_original() -> None:
    sources = [
        source("S1", REPRINT, "2024-05-03"),
        source("S2", REWRITE, "2024-05-02"),
        source("S3", WIRE, "2024-05-02"),
        source("S4", PAGE, "2024-05-04"),
        source("S5", OTHER, "2024-05-02"),
    ]
    marked = mark_duplicates(sources)
    assert [s.sid for s in marked] == ["S1", "S2", "S3", "S4", "S5"]
    assert {s.sid: s.duplicate_of for s in marked} == {
        "S1": "S3",
        "S2": None,
        "S3": None,
        "S4": "S3",
        "S5": None,
    }


def test_mark_duplicates_is_deterministic() -> None:
    sources = [source("S1", WIRE), source("S2", REPRINT), source("S3", OTHER)]
    assert mark_duplicates(sources) == mark_duplicates(sources)
    assert [s.duplicate_of for s in mark_duplicates(sources)] == [None, "S1", None]
