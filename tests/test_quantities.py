"""Counted quantities: the range each wording allows, and what it counts."""

from __future__ import annotations

import math

import pytest

from storyweave.nlp.counted import what_is_counted
from storyweave.nlp.quantities import Quantity, find_quantities, rounding_band
from storyweave.nlp.spacy_model import parse

INF = math.inf


def _quantities(sentence: str) -> list[tuple[Quantity, str | None]]:
    doc = parse([sentence])[0]
    out = []
    for q in find_quantities(doc):
        counted = what_is_counted(doc, q)
        out.append((q, counted.label if counted else None))
    return out


def _only(sentence: str) -> tuple[Quantity, str | None]:
    found = _quantities(sentence)
    assert len(found) == 1, [q.text for q, _ in found]
    return found[0]


def _bounds(q: Quantity) -> tuple[float, float]:
    return (q.low if q.low is not None else -INF, q.high if q.high is not None else INF)


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("At least 164 people died in the blast.", "At least 164", 164, INF),
        ("The attack killed 164 people.", "164", 164, 164),
        ("Nearly 10,000 people were arrested.", "Nearly 10,000", 9000, 10000),
        ("Almost 400 people were hurt.", "Almost 400", 360, 400),
        ("Around 2,000 soldiers were sent.", "Around 2,000", 1800, 2200),
        ("About 50 people were evacuated.", "About 50", 45, 55),
        ("More than 2,000 troops arrived.", "More than 2,000", 2000, INF),
        ("Over 1,000 people have been injured.", "Over 1,000", 1000, INF),
        ("Up to 30 people may have died.", "Up to 30", 0, 30),
        ("Fewer than 20 people were wounded.", "Fewer than 20", 0, 20),
        ("Dozens of people were killed.", "Dozens", 24, 99),
        ("Scores of people were killed.", "Scores", 40, 199),
        ("Hundreds of people were detained.", "Hundreds", 200, 1999),
        ("Thousands of protesters were arrested.", "Thousands", 2000, 19999),
        ("Tens of thousands of residents were evacuated.", "Tens of thousands", 20000, 99999),
        ("A dozen people were killed.", "A dozen", 10, 14),
        ("Two dozen people were injured.", "Two dozen", 21.6, 26.4),
        ("Several people were hurt.", "Several", 3, 9),
        ("Five people were killed.", "Five", 5, 5),
        ("Twelve people died.", "Twelve", 12, 12),
        ("Twenty-five people were arrested.", "Twenty-five", 25, 25),
        ("The country of 18 million people voted.", "18 million", 18e6, 18e6),
        ("The city of 1.2 million residents flooded.", "1.2 million", 1.2e6, 1.2e6),
        ("They waited two and a half years for a ruling.", "two and a half", 2.5, 2.5),
        ("Between 10 and 20 people were hurt.", "Between 10 and 20", 10, 20),
        ("Police said 10 to 15 people were arrested.", "10 to 15", 10, 15),
        ("The storm left 40 or more people dead.", "40 or more", 40, INF),
        ("She lost about $10,000 in stolen goods.", "about $10,000", 9000, 11000),
    ],
)
def test_wording_gives_range(sentence: str, text: str, low: float, high: float) -> None:
    q, _ = _only(sentence)
    assert q.text == text
    got_low, got_high = _bounds(q)
    assert got_low == pytest.approx(low)
    assert got_high == pytest.approx(high)


def test_more_than_excludes_its_number_and_nearly_its_top() -> None:
    more, _ = _only("More than 2,000 troops arrived.")
    nearly, _ = _only("Nearly 10,000 people were arrested.")
    assert more.low_open and not more.high_open
    assert nearly.high_open


@pytest.mark.parametrize(
    "sentence",
    [
        "The 81-year-old former president stepped down in 2019.",
        "Protests began on Jan. 2 and spread quickly.",
        "The protests started on 2 January in the west.",
        "Turnout reached 45% and 25 percent of voters were undecided.",
        "The flight was due to land at 10.15pm on Tuesday.",
        "The troops only started arriving five days ago.",
        "One of the injured was a police officer.",
    ],
)
def test_dates_ages_years_shares_and_offsets_are_not_counts(sentence: str) -> None:
    assert _quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The protests left at least 164 people dead.", "people killed"),
        ("Dozens of people were killed in clashes with police.", "people killed"),
        ("The unrest turned into violence claiming dozens of lives.", "people killed"),
        ("The death toll rose to 14 on Friday.", "people killed"),
        ("Rescuers said 12 people died in the fire.", "people killed"),
        ("The Interior Ministry reported that 9,900 people were detained.", "people detained"),
        ("The protests saw deadly clashes and thousands arrested.", "people detained"),
        ("Over 1,000 people have reportedly been injured.", "people injured"),
        ("The blast wounded 30 people.", "people injured"),
        ("Around 2,000 soldiers were sent in.", "troops"),
        ("More than 2,000 troops began withdrawing.", "troops"),
        ("Protests erupted in the nation of 19 million.", "population"),
        ("Unrest spread through the former Soviet republic of 18 million.", "population"),
        ("The phased withdrawal would take no more than 10 days.", "withdrawal duration"),
        ("The pullback is expected to be completed within 10 days.", "withdrawal duration"),
        ("After a trial that lasted three and a half hours, he was jailed.", "trial duration"),
        ("Scores of civilians have been killed.", "civilians killed"),
        ("Scores of people have been killed and injured.", "people killed or injured"),
        ("Authorities detained nearly 2,000 more people.", "people detained"),
    ],
)
def test_what_is_counted(sentence: str, label: str) -> None:
    labels = [lab for _, lab in _quantities(sentence) if lab is not None]
    assert labels == [label]


def test_more_marks_an_increment() -> None:
    doc = parse(["Police on Thursday reported detaining nearly 2,000 more people."])[0]
    (q,) = find_quantities(doc)
    counted = what_is_counted(doc, q)
    assert counted is not None and counted.increment


def test_the_doer_of_a_killing_is_not_counted_as_killed() -> None:
    labels = [lab for _, lab in _quantities("Five gunmen killed three villagers on Monday.")]
    assert labels == [None, "villagers killed"]


def test_security_offices_are_not_people() -> None:
    assert [lab for _, lab in _quantities("At least 18 security offices were killed.")] == [None]


def test_in_two_days_is_when_not_how_long() -> None:
    labels = [lab for _, lab in _quantities("The troops will start pulling out in two days.")]
    assert labels == [None]


def test_round_numbers_may_have_been_rounded_but_not_precise_ones() -> None:
    two_thousand, _ = _only("Police said 2,000 people were arrested.")
    exact, _ = _only("Police said 164 people were arrested.")
    twelve_thousand, _ = _only("Police said 12,000 people were arrested.")
    assert rounding_band(two_thousand) == (1900, 2100)
    assert rounding_band(exact) == (164, 164)
    assert rounding_band(twelve_thousand) == (11500, 12500)


def test_text_offsets_point_at_the_wording() -> None:
    doc = parse(["Officials said nearly 10,000 people were arrested."])[0]
    (q,) = find_quantities(doc)
    assert doc.text[q.start : q.end] == q.text == "nearly 10,000"


def test_killing_and_injuring_others_are_two_counts() -> None:
    labels = [lab for _, lab in _quantities("The fire killed 60 people and injured 162 others.")]
    assert labels == ["people killed", "people injured"]


def test_others_dying_later_are_more_of_the_dead() -> None:
    doc = parse(["Two people died at the scene and two others died later in hospital."])[0]
    first, second = find_quantities(doc)
    assert not what_is_counted(doc, first).increment  # type: ignore[union-attr]
    assert what_is_counted(doc, second).increment  # type: ignore[union-attr]


def test_a_toll_of_a_named_group_counts_that_group() -> None:
    labels = [lab for _, lab in _quantities("The toll of its peacekeepers rose to 14.")]
    assert labels == ["peacekeepers killed"]


def test_parts_of_a_sum_are_not_counts() -> None:
    sentence = "The 12 men and four women were detained on Monday."
    assert [lab for _, lab in _quantities(sentence)] == [None, None]


def test_a_superseded_value_is_not_counted() -> None:
    found = _quantities("The death toll rose from 12 to 14.")
    assert [(q.text, lab) for q, lab in found] == [("14", "people killed")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Excess heat is predicted to cause 5.8 million extra deaths by 2100.",
        "An additional 10 million people could die each year due to heat.",
    ],
)
def test_forecasts_are_not_tolls(sentence: str) -> None:
    assert all(lab is None for _, lab in _quantities(sentence))


def test_a_guess_about_the_past_is_still_a_toll() -> None:
    assert [lab for _, lab in _quantities("Up to 50,000 people may have died.")] == [
        "people killed"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # A trial outside a courtroom: a test or an offer, no trial's length.
        "Readers can sign up for a 14-day free trial.",
        "The boat passed rigorous trials equivalent to 26 years of testing.",
        # What would have happened, not what did.
        "Delaying the launch by 10 hours would have forced changes to later flights.",
        "Without the deal, the closure could have lasted three weeks.",
    ],
)
def test_lengths_of_no_event_of_the_story_are_no_figure(sentence: str) -> None:
    assert [lab for _, lab in _quantities(sentence)] == [None]
