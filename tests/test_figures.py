"""Figures: quantities grouped across sources, with conflicts and trends a reader would see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.brief.figures import find_figures
from storyweave.models import Article, Figure, Source
from storyweave.nlp.spacy_model import parse

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-story"
GOLD = ROOT / "tests" / "fixtures" / "seed_gold.json"


def _sources(*reports: tuple[str, str | None]) -> list[Source]:
    out = []
    for n, (text, published) in enumerate(reports, start=1):
        article = Article(id=f"a{n}", input=f"r{n}.txt", text=text, published=published)
        out.append(
            Source(f"S{n}", article, text, None, published, "metadata" if published else None)
        )
    return out


def _figures(*reports: tuple[str, str | None]) -> dict[str, Figure]:
    sources = _sources(*reports)
    figures = find_figures(sources, parse([s.text for s in sources]))
    return {f.topic: f for f in figures}


def test_sources_that_agree_on_a_toll_are_consistent() -> None:
    figures = _figures(
        (
            "A bus plunged into a ravine on Monday, and at least 12 people were killed.",
            "2024-03-04",
        ),
        ("Twelve people died when the bus left the mountain road.", "2024-03-04"),
        ("A dozen people were killed in the crash, police said.", "2024-03-04"),
    )
    killed = figures["people killed"]
    assert killed.status == "consistent"
    assert {s for v in killed.values for s in v.sources} == {"S1", "S2", "S3"}


def test_agreeing_wordings_and_a_later_higher_toll_are_consistent() -> None:
    figures = _figures(
        ("12 killed as bus plunges into ravine", "2024-03-04"),
        ("At least 12 people were killed when the bus left the road.", "2024-03-04"),
        ("Twelve people died in the crash, police said.", "2024-03-04"),
        ("A dozen people are dead after the crash.", "2024-03-04"),
        ("The death toll from the crash rose to 14 on Tuesday.", "2024-03-05"),
    )
    killed = figures["people killed"]
    assert killed.status == "consistent"
    assert getattr(killed, "trend", None) == "rising"
    assert len({s for v in killed.values for s in v.sources}) == 5


def test_a_toll_that_rises_on_a_later_day_is_a_trend_not_a_conflict() -> None:
    figures = _figures(
        ("Twelve people died in the flood on Monday, officials said.", "2024-03-04"),
        ("The death toll from the flood rose to 14 on Wednesday.", "2024-03-06"),
    )
    killed = figures["people killed"]
    assert killed.status == "consistent"
    assert getattr(killed, "trend", None) == "rising"
    assert [v.as_of for v in killed.values] == ["2024-03-04", "2024-03-06"]


def test_a_toll_that_falls_later_is_a_conflict() -> None:
    figures = _figures(
        ("At least 40 people were killed in the quake, officials said.", "2024-03-04"),
        ("Nine people were killed in the quake, officials said.", "2024-03-06"),
    )
    assert figures["people killed"].status == "conflict"


def test_same_day_tolls_that_cannot_both_hold_conflict() -> None:
    figures = _figures(
        ("The protests left at least 164 people dead.", "2024-01-13"),
        ("Dozens of people were killed in clashes with police.", "2024-01-13"),
    )
    assert figures["people killed"].status == "conflict"


def test_hedged_and_round_figures_that_overlap_are_consistent() -> None:
    figures = _figures(
        ("More than 2,000 troops were deployed to the capital.", "2024-01-13"),
        ("Around 2,000 soldiers were sent in.", "2024-01-13"),
        ("The alliance sent 2,000 troops last week.", "2024-01-13"),
        ("Police said about 10,000 people were detained.", "2024-01-13"),
        ("The ministry said 9,900 people were detained.", "2024-01-13"),
    )
    assert figures["troops"].status == "consistent"
    assert figures["people detained"].status == "consistent"


def test_precise_figures_far_apart_conflict() -> None:
    figures = _figures(
        ("The ministry said 9,900 people were detained.", "2024-01-13"),
        ("Around 12,000 people have been arrested.", "2024-01-13"),
        ("The protests spread across the republic of 18 million.", "2024-01-13"),
        ("Protests erupted in the nation of 19 million.", "2024-01-13"),
    )
    assert figures["people detained"].status == "conflict"
    assert figures["population"].status == "conflict"


def test_a_source_with_an_extra_local_figure_does_not_conflict() -> None:
    # S1 gives a town's count and the total; S2 only the total.
    figures = _figures(
        ("Five people were killed in the storm. In all, 11 people were killed.", "2024-05-01"),
        ("The storm killed 11 people across the region.", "2024-05-01"),
    )
    assert figures["people killed"].status == "consistent"


def test_more_is_an_increment_kept_apart_from_the_total() -> None:
    figures = _figures(
        ("Police said 9,900 people were detained.", "2024-01-11"),
        ("On Thursday police reported detaining nearly 2,000 more people.", "2024-01-13"),
    )
    assert figures["people detained"].status == "consistent"
    assert [v.text for v in figures["people detained (additional)"].values] == ["nearly 2,000"]


def test_a_city_count_is_not_the_national_count() -> None:
    figures = _figures(
        ("Across Freedonia, 300 people were arrested. In Ostrava, 40 people were arrested.",
         "2024-01-13"),
        ("Freedonia police said 300 people were arrested in Freedonia.", "2024-01-13"),
        ("The unrest in Freedonia led to 300 arrests, officials in Freedonia said.", "2024-01-13"),
    )  # fmt: skip
    assert figures["people detained"].status == "consistent"


def test_weekday_in_the_reporting_clause_dates_the_value() -> None:
    figures = _figures(
        ("The Interior Ministry on Tuesday reported that 9,900 people were detained.",
         "2022-01-13"),
    )  # fmt: skip
    (value,) = figures["people detained"].values
    assert value.as_of == "2022-01-11"


def test_values_merge_the_same_wording_and_evidence_slices_the_source() -> None:
    reports = (
        ("More than 2,000 troops began withdrawing on Thursday.", "2024-01-13"),
        ("The bloc sent more than 2,000 troops last week.", "2024-01-13"),
    )
    sources = _sources(*reports)
    figures = find_figures(sources, parse([s.text for s in sources]))
    (troops,) = figures
    (value,) = troops.values
    assert value.text == "more than 2,000"
    assert (value.low, value.high) == (2000, None)
    assert value.sources == ("S1", "S2")
    by_sid = {s.sid: s for s in sources}
    for ev in value.evidence:
        assert by_sid[ev.source].text[ev.start : ev.end] == ev.text
        assert "2,000" in ev.text


def test_duration_values_keep_their_unit() -> None:
    figures = _figures(
        ("The withdrawal would take no more than 10 days.", "2024-01-13"),
        ("The pullback is expected to be completed within 10 days.", "2024-01-13"),
    )
    duration = figures["withdrawal duration"]
    assert duration.status == "consistent"
    assert sorted(v.text for v in duration.values) == ["no more than 10 days", "within 10 days"]


def test_same_input_same_figures() -> None:
    reports = (
        ("At least 12 people were killed and 30 injured.", "2024-03-04"),
        ("The blast killed 14 people and wounded dozens.", "2024-03-05"),
    )
    first = find_figures(_sources(*reports), parse([r[0] for r in reports]))
    second = find_figures(_sources(*reports), parse([r[0] for r in reports]))
    assert first == second


def _seed_figures() -> list[dict[str, object]]:
    from storyweave.clean import clean_articles
    from storyweave.models import to_jsonable
    from storyweave.pipeline import read_story

    articles, _ = read_story([SEED])
    sources = clean_articles(articles)
    figures = find_figures(sources, parse([s.text for s in sources]))
    return to_jsonable(figures)


@pytest.fixture(scope="module")
def seed_figures() -> list[dict[str, object]]:
    return _seed_figures()


def _matches(figure: dict[str, object], alternatives: list[list[str]]) -> bool:
    texts = [str(v["text"]).lower() for v in figure["values"]]  # type: ignore[index, union-attr]
    return all(any(a.lower() in t for t in texts for a in alt) for alt in alternatives)


@pytest.mark.parametrize(
    ("key", "status"),
    [
        ("conflict_required", "conflict"),
        ("consistent_required", "consistent"),
        ("conflict_stretch", "conflict"),
    ],
)
def test_seed_story_figures_match_gold(
    seed_figures: list[dict[str, object]], key: str, status: str
) -> None:
    gold = json.loads(GOLD.read_text())["figures"][key]
    for expected in gold:
        assert any(
            f["status"] == status and _matches(f, expected["values"]) for f in seed_figures
        ), expected["name"]


def test_seed_story_city_increment_is_not_the_national_detention_count(
    seed_figures: list[dict[str, object]],
) -> None:
    detained = next(f for f in seed_figures if f["topic"] == "people detained")
    texts = [v["text"] for v in detained["values"]]  # type: ignore[index]
    assert "nearly 2,000" not in texts
    assert "9,900" in texts


def test_several_is_too_loose_to_contradict() -> None:
    figures = _figures(
        ("Several people were arrested after the march.", "2024-01-13"),
        ("At least 32 people were arrested, police said.", "2024-01-13"),
    )
    assert figures["people detained"].status == "consistent"


def test_counts_of_past_years_are_left_out() -> None:
    figures = _figures(
        ("Fire injuries fell to 81 in 2023, officials said.", "2025-01-26"),
        ("Three people were injured in the blaze on Sunday.", "2025-01-26"),
    )
    assert [v.text for v in figures["people injured"].values] == ["three"]


def test_each_country_of_a_storm_has_its_own_toll() -> None:
    figures = _figures(
        ("The storm hit Freedonia hard. In Freedonia, 231 people died. Officials in Freedonia "
         "said roads were cut.", "2024-10-30"),
        ("The storm also struck Sylvania, where 21 people died.", "2024-10-30"),
        ("Freedonia said at least 231 people were killed in Freedonia.", "2024-10-30"),
    )  # fmt: skip
    assert figures["people killed"].status == "consistent"
    assert "people killed in Sylvania" in figures


def test_amounts_of_different_people_do_not_conflict() -> None:
    figures = _figures(
        ("One shopper paid $2,000 for the repair.", "2024-01-13"),
        ("She paid $300 to tow the car home.", "2024-01-13"),
    )
    assert all(f.status == "consistent" for f in figures.values())


def test_a_total_since_an_earlier_event_is_kept_apart() -> None:
    figures = _figures(
        ("An airstrike on the village killed about 40 people, residents said.", "2025-01-29"),
        ("Thousands of people have died and millions have fled since the coup.", "2025-01-29"),
    )
    assert figures["people killed"].status == "consistent"
    assert "people killed since the coup" in figures


def test_evidence_stays_within_its_line() -> None:
    text = "Pullout will take no more than 10 days, the leader says\n\nMore than 2,000 troops left."
    sources = _sources((text, "2024-01-13"))
    figures = {f.topic: f for f in find_figures(sources, parse([text]))}
    (value,) = figures["troops"].values
    assert value.text == "more than 2,000"
    assert value.evidence[0].text == "More than 2,000 troops left."


def test_an_age_limit_is_not_a_duration() -> None:
    figures = _figures(("The ban covers children under 18 months.", "2024-01-13"))
    assert not any(topic.endswith("duration") for topic in figures)


def test_a_place_inside_the_subject_scopes_the_count() -> None:
    figures = _figures(
        ("The bombing in Freedonia killed 213 people. Freedonia mourned. Freedonia wept.",
         "2024-08-08"),
        ("A second attack in Sylvania killed 11 people, Freedonia officials said.", "2024-08-08"),
        ("Freedonia counted 213 dead in Freedonia.", "2024-08-08"),
    )  # fmt: skip
    assert figures["people killed"].status == "consistent"
    assert [v.text for v in figures["people killed in Sylvania"].values] == ["11"]


def test_a_count_split_between_places_is_not_the_whole_count() -> None:
    # "two ... and the other two": each number is part of the four, not a rival total.
    figures = _figures(
        (
            "The city fire service said that two injured firefighters were taken to Central "
            "Hospital and the other two to North General Hospital.",
            "2025-03-04",
        ),
        (
            "All four firefighters injured in the crash have been discharged from hospital, the "
            "fire service said.",
            "2025-03-04",
        ),
    )
    assert all(f.status != "conflict" for f in figures.values()), figures


def test_two_reports_giving_one_driver_two_ages_conflict() -> None:
    figures = _figures(
        ("A 38-year-old male driver is assisting with police investigations after the crash "
         "on the coastal road.", "2025-02-01"),
        ("The car driver, 27, is assisting with investigations, police said. The motorcyclist, "
         "28, was taken to hospital.", "2025-02-01"),
        ("Police said a 38-year-old driver was arrested. A 28-year-old motorcyclist was "
         "injured.", "2025-02-02"),
    )  # fmt: skip
    driver = figures["age of the driver"]
    assert driver.status == "conflict"
    assert {v.low: v.sources for v in driver.values} == {27: ("S2",), 38: ("S1", "S3")}
    assert figures["age of the motorcyclist"].status == "consistent"
    for value in driver.values:
        for evidence in value.evidence:
            assert value.text in evidence.text


def test_ages_of_two_people_in_one_report_are_no_conflict_with_a_report_of_one() -> None:
    figures = _figures(
        ("The 38-year-old car driver and a 27-year-old lorry driver were both arrested after "
         "the crash.", "2025-02-01"),
        ("A 27-year-old driver was arrested after the crash, police said.", "2025-02-01"),
    )  # fmt: skip
    assert figures["age of the driver"].status == "consistent"


def test_ages_of_generic_nouns_and_numbered_lists_are_not_figures() -> None:
    figures = _figures(
        ("A 45-year-old man was arrested. Services 16, 18, 20 were delayed, and the "
         "150-year-old church was closed.", "2025-02-01"),
        ("Police arrested a 54-year-old man on Sunday. A 40-year-old photograph of his "
         "father stood on the table, beside a 12-year-old car.", "2025-02-01"),
    )  # fmt: skip
    assert not [t for t in figures if t.startswith("age of")], figures


def test_age_ranges_groups_and_other_incidents_are_not_ages_of_the_story() -> None:
    figures = _figures(
        ("Users aged 13 to 17 will get teen accounts. A 12-year-old student was injured in the "
         "attack at the school.", "2025-02-01"),
        ("The change does not apply to users aged 17-18. In another case last year, a "
         "15-year-old student died.", "2025-02-02"),
    )  # fmt: skip
    assert "age of the user" not in figures
    student = figures["age of the student"]
    assert student.status == "consistent"
    assert [v.low for v in student.values] == [12]


def test_a_length_that_describes_another_noun_or_a_figure_of_speech_is_no_figure() -> None:
    figures = _figures(
        (
            "The detention and possible extradition of the general to stand trial for torture "
            "during his 17-year dictatorship was welcomed by rights groups. He reacted calmly "
            "to the news, told "
            "to him “as one soldier to another”, an officer said. Troops began a withdrawal "
            "that will take 10 days.",
            "2025-03-02",
        ),
    )
    assert "detention duration" not in figures, figures
    assert "troops" not in figures, figures
    assert [v.text for v in figures["withdrawal duration"].values] == ["10 days"]


def test_ages_of_one_person_spelt_two_ways_are_compared() -> None:
    from storyweave.nlp.entities import find_entities

    sources = _sources(
        ("The attacker, Yusef Ali Zughayar, 22, was shot dead by a guard, police said.", None),
        ("Police named the attacker as Youssef Zughayer, 21, from a village near Kessel.", None),
    )
    docs = parse([s.text for s in sources])
    entities = find_entities(sources, docs)
    assert any({"Yusef Ali Zughayar", "Youssef Zughayer"} <= set(e.aliases) for e in entities)
    figures = {f.topic: f for f in find_figures(sources, docs, entities)}
    [age] = [f for t, f in figures.items() if t.startswith("age of")]
    assert age.status == "conflict"
    assert sorted(v.text for v in age.values) == ["21", "22"]


def test_a_date_opening_the_sentence_dates_its_value() -> None:
    figures = _figures(
        ("On Jan 12, the ferry from Varna to Kessington was delayed by nearly two hours.\n",
         "2025-01-17"),
    )  # fmt: skip
    [value] = next(f for f in figures.values() if "delay" in f.topic).values
    assert value.as_of == "2025-01-12"


def test_values_for_two_named_days_are_two_occasions_not_a_conflict() -> None:
    def delays(first_day: str, second_day: str) -> Figure:
        figures = _figures(
            (f"On {first_day}, the ferry from Varna to Kessington was delayed by nearly two "
             "hours, the operator said.\n", "2025-01-17"),
            (f"On {second_day}, the ferry from Varna to Kessington was delayed by nine hours, "
             "the operator said.\n", "2025-01-17"),
        )  # fmt: skip
        return next(f for f in figures.values() if "delay" in f.topic)

    two_days = delays("Jan 12", "Jan 10")
    assert two_days.status == "consistent"
    assert [(v.text, v.as_of) for v in two_days.values] == [
        ("nine hours", "2025-01-10"),
        ("nearly two hours", "2025-01-12"),
    ]
    assert delays("Jan 12", "Jan 12").status == "conflict"  # one day, two delays: a conflict


def test_one_amount_reported_on_several_days_is_one_value_and_a_toll_stays_by_day() -> None:
    figures = _figures(
        (
            "Dale Ferris was released on bail of $10,000. 12 people were killed in the crash.",
            "2024-03-04",
        ),
        ("Ferris is out on bail of $10,000. 12 people were killed in the crash.", "2024-03-06"),
    )
    [bail] = [f for f in figures.values() if "bail" in f.topic]
    assert [(v.text, v.sources, v.as_of) for v in bail.values] == [
        ("$10,000", ("S1", "S2"), "2024-03-04")
    ]
    assert [v.as_of for v in figures["people killed"].values] == ["2024-03-04", "2024-03-06"]


def test_losses_and_lost_name_one_amount() -> None:
    figures = _figures(
        ("The syndicate is linked to losses of more than $1.4 million, police said.", "2024-01-24"),
        ("Victims lost $1.4 million to the syndicate, police said.", "2024-01-24"),
    )
    assert list(figures) == ["amount lost"]
    assert {s for v in figures["amount lost"].values for s in v.sources} == {"S1", "S2"}


VAN_DRIVER = (
    "A 62-year-old van driver was taken to hospital after the crash on the expressway.",
    "2025-01-24",
)


def test_ages_of_drivers_of_two_kinds_do_not_conflict_but_a_bare_driver_may() -> None:
    car_driver = (
        "The car driver, 65, was taken to hospital after the crash, police said.",
        "2025-01-24",
    )
    assert _figures(VAN_DRIVER, car_driver)["age of the driver"].status == "consistent"
    driver = ("The driver, 65, was taken to hospital after the crash, police said.", "2025-01-24")
    assert _figures(VAN_DRIVER, driver)["age of the driver"].status == "conflict"


def test_an_age_after_a_persons_organisation_is_the_persons() -> None:
    figures = _figures(
        ("The engineers will be Col. Peter Holt of the Air Force, 50, and Dr. Ana Lind, 42, "
         "a chemist.", "1998-12-06"),
        ("Ana Lind, 42, and a technician will join the crew.", "1998-12-06"),
    )  # fmt: skip
    assert not [t for t in figures if "Air Force" in t], figures
    assert [v.low for v in figures["age of Peter Holt"].values] == [50]


def test_a_length_that_would_have_been_is_no_conflict() -> None:
    figures = _figures(
        ("The one-day delay cost the agency about $600,000 in fuel.", "1998-12-04"),
        ("Delaying the flight by 10 hours to match the orbits would have forced changes to "
         "later flights.", "1998-12-04"),
    )  # fmt: skip
    delay = figures.get("delay duration")
    assert delay is not None and delay.status == "consistent"
    assert [v.text for v in delay.values] == ["one-day"]


def test_lengths_hours_and_years_apart_are_of_two_things() -> None:
    apart = _figures(
        ("A plane bound for Tarvo was delayed for two hours over a luggage check.", None),
        ("The airport opened after a delay of more than two years over security rules.", None),
    )  # fmt: skip
    assert apart["delay duration"].status == "consistent"
    close = _figures(
        ("A plane bound for Tarvo was delayed for two hours over a luggage check.", None),
        ("The flight to Tarvo was delayed for five hours, officials said.", None),
    )  # fmt: skip
    assert close["delay duration"].status == "conflict"
