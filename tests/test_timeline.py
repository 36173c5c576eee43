"""Timeline: dated events merged across sources; undated reports dated from the story."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.brief.timeline import build_timeline
from storyweave.models import Article, Flag, Source
from storyweave.nlp.dates import infer_published
from storyweave.nlp.spacy_model import parse

# Invented reports of one story. 2024-03-14 is a Thursday.
PUB = "2024-03-14"
DAM_A = (
    "Engineers began draining the Korvel reservoir on Thursday, the regional water authority "
    "said. The dam first cracked on March 2 after heavy rain. Governor Lena Marsh ordered the "
    "evacuation of three villages below the dam on Tuesday."
)
DAM_B = (
    "The water authority started draining the Korvel reservoir today, officials said.\n"
    "Cracks first appeared in the dam on 2 March following days of heavy rain.\n"
    "Separately, a ferry ran aground on the Tessa river on Tuesday, injuring four passengers."
)
DAM_C = (
    "Governor Lena Marsh ordered the evacuation of three villages near the Korvel dam on "
    "Tuesday. Engineers will start draining the reservoir in two days, the authority said."
)
DAM_UNDATED = (
    "The water authority began draining the Korvel reservoir on Thursday, officials said. "
    "Governor Lena Marsh had ordered three villages below the dam evacuated on Tuesday."
)


def source(
    sid: str,
    text: str,
    published: str | None,
    flags: tuple[Flag, ...] = (),
    duplicate_of: str | None = None,
) -> Source:
    article = Article(id=sid.lower(), input=f"{sid}.txt", text=text, published=published)
    return Source(
        sid=sid,
        article=article,
        text=text,
        title=None,
        published=published,
        published_from="metadata" if published else None,
        flags=flags,
        duplicate_of=duplicate_of,
    )


@pytest.fixture(scope="module")
def story() -> list[Source]:
    return [
        source("S1", DAM_A, "2024-03-14"),
        source("S2", DAM_B, "2024-03-14"),
        source("S3", DAM_C, "2024-03-12"),
    ]


def entries_on(timeline: list, day: str) -> list:
    return [e for e in timeline if e.date == day]


def test_same_event_from_several_sources_is_one_entry(story: list[Source]) -> None:
    timeline = build_timeline(story, parse([s.text for s in story]))
    draining = [e for e in entries_on(timeline, "2024-03-14") if "drain" in e.text]
    assert len(draining) == 1
    assert draining[0].sources == ("S1", "S2", "S3")
    phrases = {ev.source: ev.phrase for ev in draining[0].evidence}
    assert phrases == {"S1": "on Thursday", "S2": "today", "S3": "in two days"}
    cracked = entries_on(timeline, "2024-03-02")
    assert len(cracked) == 1 and cracked[0].sources == ("S1", "S2")


def test_different_events_of_one_day_stay_apart(story: list[Source]) -> None:
    tuesday = entries_on(build_timeline(story), "2024-03-12")
    assert [e.sources for e in tuesday] == [("S1", "S3"), ("S2",)]
    assert "evacuation" in tuesday[0].text and "ferry" in tuesday[1].text


def test_entries_sorted_by_date_then_sources(story: list[Source]) -> None:
    timeline = build_timeline(story)
    keys = [(e.date, -len(e.sources)) for e in timeline]
    assert keys == sorted(keys)


def test_every_evidence_is_an_exact_span(story: list[Source]) -> None:
    texts = {s.sid: s.text for s in story}
    for entry in build_timeline(story):
        assert entry.precision == "day"
        for ev in entry.evidence:
            assert texts[ev.source][ev.start : ev.end] == ev.text
            assert ev.phrase in ev.text
        assert any(entry.text == ev.text for ev in entry.evidence)


def test_sentence_with_two_dates_gives_two_clauses() -> None:
    text = (
        "On Monday the port authority closed the harbour and said it would reopen the docks "
        "on Thursday."
    )
    timeline = build_timeline([source("S1", text, "2024-03-14")])
    assert [(e.date, e.text) for e in timeline] == [
        ("2024-03-11", "On Monday the port authority closed the harbour"),
        ("2024-03-14", "said it would reopen the docks on Thursday."),
    ]


def test_both_ends_of_a_period_keep_its_whole_clause() -> None:
    text = (
        "Kerr ran the Harlow ferry company between August 2018 and February 2022, court "
        "papers show.\n"
        "He took paid leave from Nov 8 to Nov 10, 2023, citing a funeral.\n"
    )
    timeline = build_timeline([source("S1", text, "2025-01-20")])
    ran = (
        "Kerr ran the Harlow ferry company between August 2018 and February 2022, court "
        "papers show."
    )
    leave = "He took paid leave from Nov 8 to Nov 10, 2023, citing a funeral."
    assert [(e.date, e.text) for e in timeline] == [
        ("2018-08-01", ran),
        ("2022-02-01", ran),
        ("2023-11-08", leave),
        ("2023-11-10", leave),
    ]


def test_a_list_bullet_is_not_part_of_the_event() -> None:
    text = (
        "The council answered three questions in its reply:\n"
        "- The number of flood barriers bought since 2 January 2024\n"
        "- Who pays for the repairs\n"
    )
    timeline = build_timeline([source("S1", text, "2025-01-20")])
    assert [(e.date, e.text) for e in timeline] == [
        ("2024-01-02", "The number of flood barriers bought since 2 January 2024")
    ]


def test_a_relative_date_inside_a_quotation_dates_nothing() -> None:
    text = (
        "A court in Tarvo convicted the trading firm Kessel Oil of bribery on Friday.\n"
        "“Today's ruling is wrong and we will appeal,” the firm's lawyer said.\n"
    )
    timeline = build_timeline([source("S1", text, "2025-02-03")])
    assert [e.date for e in timeline] == ["2025-01-31"]


def test_a_wire_dateline_dates_no_event() -> None:
    text = (
        "TARVO, Jan 19 — The parks board is watching the coast after crocodiles escaped from "
        "a farm on Jan 13.\n"
        "KESSEL, Feb. 2 (Reuters) - Police said the farm's fence was repaired on Jan 20.\n"
    )
    timeline = build_timeline([source("S1", text, "2025-02-02")])
    assert [e.date for e in timeline] == ["2025-01-13", "2025-01-20"]


def test_a_day_without_its_year_takes_the_year_the_story_writes_for_it() -> None:
    first = "A tanker ran aground off Varna on June 14, 2024, spilling fuel along the coast."
    later = (
        "Biologists are still counting the birds harmed by the June 14 spill near Varna.\n"
        "Earlier in June, divers had inspected the harbour walls for cracks."
    )
    other = "The port of Varna reopened in June 2024 after the spill was cleared."
    timeline = build_timeline(
        [source("S1", first, "2024-06-20"), source("S2", later + "\n" + other, "2025-02-07")]
    )
    dates = {e.text.split()[0]: e.date for e in timeline}
    # Closest to 7 February 2025 would be June 2025; the story writes June 14 and June of 2024.
    assert dates["Biologists"] == "2024-06-14"
    assert dates["Earlier"] == "2024-06-01"


def test_datelines_are_not_events() -> None:
    text = "March 14, 2024\nUpdated: March 14, 2024, 9:14 AM\nThe dam held overnight."
    assert build_timeline([source("S1", text, "2024-03-14")]) == []


def test_damaged_sentence_gives_way_to_a_clean_one() -> None:
    damaged = "Engineers of a began draining the Korvel reservoir on Thursday, officials said."
    sources = [
        source("S1", damaged, "2024-03-14", flags=(Flag("dropped_words", "Engineers of a"),)),
        source("S2", DAM_B, "2024-03-14"),
    ]
    draining = [e for e in build_timeline(sources) if "drain" in e.text]
    assert len(draining) == 1
    assert "Engineers of a" not in draining[0].text
    assert draining[0].sources == ("S1", "S2")


def test_reprints_count_once_when_ranking() -> None:
    evac = "Governor Lena Marsh ordered the evacuation of three villages on Tuesday."
    ferry = "A ferry ran aground on the Tessa river on Tuesday, injuring four passengers."
    sources = [
        source("S1", evac, "2024-03-14"),
        source("S2", evac, "2024-03-14", duplicate_of="S1"),
        source("S3", ferry, "2024-03-14"),
        source(
            "S4", "A ferry ran aground on the Tessa river on Tuesday, police said.", "2024-03-14"
        ),
    ]
    timeline = build_timeline(sources)
    assert [e.sources for e in timeline] == [("S3", "S4"), ("S1", "S2")]


def test_undated_report_gets_the_day_its_events_match() -> None:
    sources = [
        source("S1", DAM_A, "2024-03-14"),
        source("S2", DAM_C, "2024-03-12"),
        source("S3", DAM_UNDATED, None),
        source("S4", "A local choir sang on Friday in the town hall of a distant city.", None),
    ]
    dated = infer_published(sources, parse([s.text for s in sources]))
    assert [(s.published, s.published_from) for s in dated] == [
        ("2024-03-14", "metadata"),
        ("2024-03-12", "metadata"),
        ("2024-03-14", "inferred"),
        (None, None),
    ]


def test_nothing_is_inferred_without_dated_sources() -> None:
    sources = [source("S1", DAM_UNDATED, None)]
    assert infer_published(sources, parse([DAM_UNDATED])) == sources


def test_days_after_the_start_of_an_event_count_from_its_first_date() -> None:
    sources = [
        source("S1", "Strikes began at the Halvik shipyard on March 4, union leaders said.", PUB),
        source(
            "S2",
            "Management offered a new contract two days after the start of the strikes, "
            "the shipyard's owner said.",
            PUB,
        ),
    ]
    timeline = build_timeline(sources)
    assert [(e.date, e.sources, e.evidence[0].phrase) for e in timeline] == [
        ("2024-03-04", ("S1",), "on March 4"),
        ("2024-03-06", ("S2",), "two days after the start of the strikes"),
    ]


FRAGMENTS = [
    "The army withdrew its troops from the northern towns",
    "Protesters gathered again outside the regional parliament",
    " on Tuesday",
    " last week",
    " in 2019",
    " on Jan. 2",
    " yesterday",
    " five days ago",
    " in two days",
    ", officials said",
    " and",
    " that",
    ". ",
    "\n",
    "“",
    "”",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_timeline_evidence_always_slices_back_to_its_source(parts: list[str]) -> None:
    text = "".join(parts)
    src = source("S1", text, PUB)
    for entry in build_timeline([src], use_embeddings=False):
        for ev in entry.evidence:
            assert text[ev.start : ev.end] == ev.text
            assert ev.phrase and ev.phrase in ev.text


def test_a_clause_like_two_others_joins_them_in_one_entry_whatever_the_source_order() -> None:
    texts = [
        "Dale Ferris was charged in court on Feb 6 with theft of cash.",
        "Ferris appeared before a judge on Feb 6, Harbour News reported.",
        "On Feb 6, Ferris was charged in court and appeared before a judge.",
    ]
    for order in ([0, 1, 2], [2, 1, 0], [1, 0, 2]):
        sources = [
            source(f"S{n}", texts[k] + "\n", "2024-02-08") for n, k in enumerate(order, start=1)
        ]
        [entry] = entries_on(build_timeline(sources, None, use_embeddings=False), "2024-02-06")
        assert len(entry.sources) == 3
        # The clause closest to the others speaks for them.
        assert entry.text == texts[2]
