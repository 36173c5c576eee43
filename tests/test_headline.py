"""Which title names a story: the earliest of the most typical, never an off-topic one."""

from __future__ import annotations

from storyweave.brief.headline import Titled, choose_title

# An invented story: a harbour crane collapse, with a market round-up published first that
# mentions it in passing.
ROUNDUP = Titled(
    "Shares slip as oil prices climb; shipping stocks mixed",
    "2025-03-01",
    0,
    "Shares slipped on Monday as oil prices climbed. Shipping stocks were mixed after a crane "
    "collapse at Port Alder.",
)
CRANE = [
    Titled(
        "Crane collapses at Port Alder container terminal",
        "2025-03-02",
        1,
        "A crane collapsed at the Port Alder container terminal on Monday, injuring two workers.",
    ),
    Titled(
        "Two workers hurt as crane collapses at Port Alder",
        "2025-03-02",
        2,
        "Two workers were injured when a crane collapsed at the Port Alder container terminal.",
    ),
    Titled(
        "Port Alder terminal closed after crane collapse",
        "2025-03-03",
        3,
        "The container terminal at Port Alder stayed closed on Tuesday after a crane collapse.",
    ),
]


def test_an_off_topic_earliest_title_does_not_name_the_story() -> None:
    assert choose_title([ROUNDUP, *CRANE]) == CRANE[0].title


def test_the_earliest_of_equally_typical_titles_wins_whatever_the_input_order() -> None:
    assert choose_title(list(reversed(CRANE))) == CRANE[0].title
    assert choose_title([CRANE[2], CRANE[0], CRANE[1], ROUNDUP]) == CRANE[0].title


def test_two_titles_are_not_compared_and_the_earliest_stands() -> None:
    assert choose_title([CRANE[1], ROUNDUP]) == ROUNDUP.title
    assert choose_title([]) == ""


def test_titles_too_short_to_compare_are_passed_over() -> None:
    short = Titled("Crane collapse", "2025-03-01", 0, "A crane collapsed at Port Alder.")
    assert choose_title([short, *CRANE]) == CRANE[0].title
