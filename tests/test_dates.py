"""Date phrases are found and resolved against the publication date of the report saying them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyweave.nlp.dates import find_date_mentions, find_date_phrases

# A Thursday.
PUB = "2024-03-14"


def resolved(text: str, published: str | None = PUB) -> list[tuple[str, str, str]]:
    return [(p.phrase, p.date, p.precision) for p in find_date_phrases(text, published)]


@pytest.mark.parametrize(
    ("text", "phrase", "day"),
    [
        ("The strike began on March 2, 2024, in the port.", "on March 2, 2024", "2024-03-02"),
        ("Flooding started on 2 March in the valley.", "on 2 March", "2024-03-02"),
        ("Flooding started on 2 Marchin the valley.", "on 2 March", "2024-03-02"),
        ("Rescuers arrived Mar. 5 with boats.", "Mar. 5", "2024-03-05"),
        ("Pictured in Lisbon, Tuesday, Mar. 12, 2024.", "Tuesday, Mar. 12, 2024", "2024-03-12"),
        ("The council voted on the 4th of March.", "on the 4th of March", "2024-03-04"),
        ("The decree was signed 2024-03-01 in the capital.", "2024-03-01", "2024-03-01"),
        ("The mayor resigned on Tuesday after the vote.", "on Tuesday", "2024-03-12"),
        ("The mayor resigned Tuesday after the vote.", "Tuesday", "2024-03-12"),
        ("The bridge reopened on Thursday morning.", "on Thursday morning", "2024-03-14"),
        ("Ministers met last Thursday to agree a plan.", "last Thursday", "2024-03-07"),
        ("Police said today that two men were held.", "today", "2024-03-14"),
        ("The fire was put out yesterday by crews.", "yesterday", "2024-03-13"),
        ("Talks broke down the day before yesterday.", "the day before yesterday", "2024-03-12"),
        ("The ferry sank five days ago off the coast.", "five days ago", "2024-03-09"),
        ("Voting closed 3 days ago in the north.", "3 days ago", "2024-03-11"),
        ("The union said talks would resume in two days.", "in two days", "2024-03-16"),
        ("The union will meet tomorrow to decide.", "tomorrow", "2024-03-15"),
        (
            "On the 5th of this month, the governor asked for aid.",
            "On the 5th of this month",
            "2024-03-05",
        ),
        ("Prices were cut on the 20th of last month.", "on the 20th of last month", "2024-02-20"),
        ("Fighting resumed on the 10th, witnesses said.", "on the 10th", "2024-03-10"),
    ],
)
def test_day_phrases_resolve_against_publication(text: str, phrase: str, day: str) -> None:
    assert (phrase, day, "day") in resolved(text)


@pytest.mark.parametrize(
    ("text", "phrase", "day"),
    [
        ("The president will visit the region on Tuesday.", "on Tuesday", "2024-03-19"),
        ("Schools are due to reopen on Monday.", "on Monday", "2024-03-18"),
        (
            "The summit is expected to open on Saturday, officials said.",
            "on Saturday",
            "2024-03-16",
        ),
        ("Ballots will be counted next Tuesday.", "next Tuesday", "2024-03-19"),
        ("The court will rule on the 20th.", "on the 20th", "2024-03-20"),
        ("On Monday, the two leaders will sign the accord.", "On Monday", "2024-03-18"),
    ],
)
def test_future_clauses_point_forward(text: str, phrase: str, day: str) -> None:
    assert (phrase, day, "day") in resolved(text)


def test_weekday_of_publication_is_that_day() -> None:
    assert resolved("Troops left the city on Thursday.") == [("on Thursday", "2024-03-14", "day")]


def test_past_and_future_weekdays_in_one_sentence() -> None:
    got = resolved("Talks will resume on Monday, the envoy said on Tuesday.")
    assert got == [("on Monday", "2024-03-18", "day"), ("on Tuesday", "2024-03-12", "day")]


@pytest.mark.parametrize(
    ("text", "phrase", "first_day", "precision"),
    [
        ("The army was sent in last week to restore order.", "last week", "2024-03-04", "week"),
        ("Shops began to reopen this week, residents said.", "this week", "2024-03-11", "week"),
        ("Rail staff walked out two weeks ago over pay.", "two weeks ago", "2024-02-26", "week"),
        ("Inflation rose sharply last month, data showed.", "last month", "2024-02-01", "month"),
        ("The law was passed earlier this year.", "earlier this year", "2024-01-01", "year"),
        ("The party won power in 2019 after a long campaign.", "in 2019", "2019-01-01", "year"),
        ("The region declared independence 30 years ago.", "30 years ago", "1994-01-01", "year"),
        ("Protests first broke out in January over prices.", "in January", "2024-01-01", "month"),
        ("The dam was finished in December.", "in December", "2023-12-01", "month"),
        (
            "The accord was signed in October 2021 in Geneva.",
            "in October 2021",
            "2021-10-01",
            "month",
        ),
        ("Unrest has grown since late 2022.", "late 2022", "2022-01-01", "year"),
        ("The line opens in December next year.", "in December next year", "2025-12-01", "month"),
        ("The mill shut in March last year.", "in March last year", "2023-03-01", "month"),
    ],
)
def test_coarser_phrases_keep_their_precision(
    text: str, phrase: str, first_day: str, precision: str
) -> None:
    assert (phrase, first_day, precision) in resolved(text)


def test_day_and_month_take_the_closest_year() -> None:
    got = resolved("Clashes first erupted on Dec. 28 near the border.", "2024-01-03")
    assert got == [("on Dec. 28", "2023-12-28", "day")]


def test_a_weekday_with_its_date_in_brackets_is_that_date() -> None:
    text = "The flight was due to leave at 10.15pm on Friday (January 10) but never left."
    assert resolved(text, "2025-01-20") == [("January 10", "2025-01-10", "day")]


def test_a_weekday_in_brackets_after_its_date_adds_nothing() -> None:
    text = "Heavy traffic is expected from Jan 24 (Friday) to Feb 2 (Sunday), the agency said."
    assert resolved(text, "2025-01-20") == [
        ("Jan 24", "2025-01-24", "day"),
        ("Feb 2", "2025-02-02", "day"),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("However, on Jan 15 last year, the minister said stations must comply.", "2024-01-15"),
        ("The rules change on 3 March next year, the ministry said.", "2026-03-03"),
        ("On Jan 15, last year's winner returned.", "2025-01-15"),
    ],
)
def test_a_day_of_last_or_next_year(text: str, day: str) -> None:
    assert [d for _, d, _ in resolved(text, "2025-01-27")] == [day]


def test_a_day_just_past_in_a_future_clause_is_no_day_next_year() -> None:
    text = "The agency will assess whether to include the Feb 5 incident in its study."
    assert resolved(text, "2025-02-07") == [("Feb 5", "2025-02-05", "day")]
    text = "The agency will publish its study on Aug 5."
    assert resolved(text, "2025-02-07") == [("on Aug 5", "2025-08-05", "day")]


@pytest.mark.parametrize(
    "text",
    [
        "The 81-year-old former leader still holds sway.",
        "The withdrawal will take no more than 10 days.",
        "She has lived there for 30 years.",
        "The meeting ended at 9:14 AM local time.",
        "More than 2,000 troops and 2019 police officers were deployed.",
        "Prices may rise, analysts warned, as marchers filled the square.",
        "Shoppers queued for Black Friday deals.",
        "The Mail on Sunday first reported the affair.",
        "It was the worst unrest in 30 years.",
    ],
)
def test_ages_durations_times_and_names_are_not_dates(text: str) -> None:
    assert resolved(text) == []


def test_relative_phrases_need_a_publication_date() -> None:
    text = "The port closed on Tuesday. Protests began on January 2, 2022."
    assert resolved(text, None) == [("on January 2, 2022", "2022-01-02", "day")]
    kinds = [m.kind for m in find_date_mentions(text)]
    assert kinds == ["weekday", "ymd"]


@pytest.mark.parametrize("published", ["2024-13-40", "March 2024", "", "2024-03"])
def test_unusable_publication_date_resolves_only_explicit_dates(published: str) -> None:
    text = "The port closed on Tuesday. Protests began on January 2, 2022."
    assert resolved(text, published) == [("on January 2, 2022", "2022-01-02", "day")]


def test_modal_future_points_forward() -> None:
    text = "Diplomats said there could be a vote on Friday at the council."
    assert resolved(text) == [("on Friday", "2024-03-15", "day")]


def test_impossible_dates_are_dropped() -> None:
    assert resolved("The deadline is February 30, 2024 for all firms.") == []


@given(st.text(alphabet=st.sampled_from(list("abc 19204Jan.MayTuesdayon,-") + [" ", "\n"])))
def test_phrases_are_exact_slices_of_the_text(text: str) -> None:
    for p in find_date_phrases(text, PUB):
        assert text[p.start : p.end] == p.phrase


def test_a_weekday_someone_hopes_to_reach_is_upcoming() -> None:
    # Published on a Wednesday: "hoped to ... by Thursday" is tomorrow, not last week.
    text = "Officials then hoped to get relief supplies into the port by Thursday or Friday."
    found = {phrase: day for phrase, day, _ in resolved(text, "2010-01-13")}
    assert found["Thursday"] == "2010-01-14"
    assert found["Friday"] == "2010-01-15"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The theft happened on May 31 at the ferry terminal.", "2024-05-31"),
        ("A fire broke out on May 31 in the depot.", "2024-05-31"),
        ("The hearing is on May 31.", "2025-05-31"),
        ("The vote will be held on May 31.", "2025-05-31"),
        ("He was fined in May.", "2024-05-01"),
        ("The vote will be held in May.", "2025-05-01"),
    ],
)
def test_a_day_without_a_year_in_a_clause_about_the_past_is_past(text: str, day: str) -> None:
    [(_, found, _)] = resolved(text, "2025-02-04")
    assert found == day


def test_a_programme_called_today_is_not_a_date() -> None:
    text = (
        "Musician Ann Lee guest edited the Today programme on the radio, and World Today aired it."
    )
    assert [m.phrase for m in find_date_mentions(text)] == []
    assert [m.phrase for m in find_date_mentions("Today the council met. She said today.")] == [
        "Today",
        "today",
    ]
    # A film's title, wherever it stands; the words in lower case are a day.
    assert find_date_mentions("From Frostline to The Day After Tomorrow, films showed it.") == []
    assert find_date_mentions("The Day After Tomorrow was a hit.") == []
    assert [m.phrase for m in find_date_mentions("The vote is the day after tomorrow.")] == [
        "the day after tomorrow"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Is the rule still relevant today?",
        "In today's world, children see screens everywhere.",
        "The youth of today read fewer books.",
        "Even today, the scars of the flood remain.",
        "It is vital to meet the realities of today 's global financial system.",
    ],
)
def test_today_meaning_nowadays_is_not_a_date(text: str) -> None:
    assert [m.phrase for m in find_date_mentions(text)] == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("As of today, 40 people have died.", "today"),
        ("Today's announcement surprised the council.", "Today"),
        ("The minister said today that rates would rise.", "today"),
        ("Traders feared a repeat of today's sell-off.", "today"),
    ],
)
def test_today_of_the_report_is_still_a_date(text: str, phrase: str) -> None:
    assert [m.phrase for m in find_date_mentions(text)] == [phrase]
