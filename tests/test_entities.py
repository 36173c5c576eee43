"""Entities: one per real-world thing, every spelling merged, different things kept apart."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import bare_sources

from storyweave.clean import clean_articles
from storyweave.models import Entity, Source
from storyweave.nlp.aliases import (
    acronym_definitions,
    dropped_letter_variant,
    expands,
    given_names_match,
    same_name,
    same_person,
    spelled_inside,
)
from storyweave.nlp.entities import _storm_names, find_entities
from storyweave.nlp.spacy_model import parse
from storyweave.pipeline import read_story

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests" / "fixtures" / "seed_gold.json").read_text())

# Invented reports of one event, with the spelling damage real wires show.
REPORTS = [
    "President Oleksandr Marchenko said on Monday that the Northern Maritime Defence Alliance "
    "(NMDA) would send ships to Velikograd. Marchenko's office said 300 sailors were ready. "
    "Velikograd is the largest port of Ruvenia. Mr Marchenko met John Ashford, the envoy of "
    "Britain, and Jane Ashford, a lawyer for the port workers.\n"
    "Image: Petra Kowal/REUTERS",
    "The Northern Maritime Defense Alliance began to deploy to Velikograd, Ruvenia, on Tuesday. "
    "Ruvenian President Aleksandr Marchenko thanked the alliance. Ships of the NMA arrived in "
    "Velikograd later that day, where the NMDA will guard the harbour. Kremlin-style "
    "spokesman Boris Tallin said the move was lawful. Tallin added that Marchenko had asked "
    "for help.",
    "Ruvenia's leader, Alexander Marchenko, spoke to Bogdan Oreshkin, the mayor of Velikograd. "
    "Oreshkin said the port was calm. Marchenko's government thanked the Northern Maritime "
    "Defence Alliance. Photo: Kateryna Lis/AFP",
]


def _sources(texts: list[str]) -> list[Source]:
    return bare_sources(texts)


def _matching(entities: list[Entity], name: str) -> list[Entity]:
    name = name.casefold()
    return [e for e in entities if name in {a.casefold() for a in (e.name, *e.aliases)}]


@pytest.fixture(scope="module")
def invented() -> list[Entity]:
    sources = _sources(REPORTS)
    return find_entities(sources, parse([s.text for s in sources]))


@pytest.fixture(scope="module")
def seed() -> list[Entity]:
    articles, _ = read_story([ROOT / "examples" / "seed-story"])
    sources = clean_articles(articles)
    return find_entities(sources, parse([s.text for s in sources]))


def test_spelling_variants_and_defined_acronym_are_one_organisation(
    invented: list[Entity],
) -> None:
    [alliance] = _matching(invented, "Northern Maritime Defence Alliance")
    assert {"Northern Maritime Defense Alliance", "NMDA"} <= set(alliance.aliases)
    assert alliance.type == "ORG"
    assert alliance.sources == ("S1", "S2", "S3")


def test_transliterations_and_surname_join_one_person(invented: list[Entity]) -> None:
    [president] = _matching(invented, "Oleksandr Marchenko")
    assert {"Aleksandr Marchenko", "Alexander Marchenko", "Marchenko"} <= set(president.aliases)
    assert president.type == "PERSON"
    assert president.mentions >= 6


def test_people_sharing_only_a_surname_stay_apart(invented: list[Entity]) -> None:
    assert len(_matching(invented, "John Ashford")) == 1
    assert _matching(invented, "John Ashford") != _matching(invented, "Jane Ashford")
    # A bare "Ashford" could be either of them: it must not be glued to one.
    for entity in _matching(invented, "Ashford"):
        assert not {"John Ashford", "Jane Ashford"} & set(entity.aliases)


def test_city_country_and_different_people_stay_apart(invented: list[Entity]) -> None:
    pairs = [("Velikograd", "Ruvenia"), ("Marchenko", "Oreshkin"), ("Boris Tallin", "Marchenko")]
    for a, b in pairs:
        assert _matching(invented, a) and _matching(invented, b)
        assert _matching(invented, a) != _matching(invented, b)


def test_titles_possessives_and_credits_are_not_names(invented: list[Entity]) -> None:
    spellings = {a for e in invented for a in (e.name, *e.aliases)}
    assert not any(s.startswith(("President", "Mr", "the ", "The ")) for s in spellings)
    assert not any(s.endswith(("'s", "’s")) for s in spellings)
    for credit in ("Petra Kowal", "REUTERS", "Kateryna Lis", "AFP"):
        assert credit not in spellings


def test_surname_only_mentions_count_toward_full_name(invented: list[Entity]) -> None:
    [mayor] = _matching(invented, "Bogdan Oreshkin")
    assert mayor.name == "Bogdan Oreshkin"
    assert "Oreshkin" in mayor.aliases and mayor.mentions == 2
    # "Tallin added ..." opens a sentence untagged; it still counts for the spokesman.
    [spokesman] = _matching(invented, "Boris Tallin")
    assert spokesman.mentions == 2


def test_order_is_by_mentions_then_name_and_stable(invented: list[Entity]) -> None:
    keys = [(-e.mentions, e.name) for e in invented]
    assert keys == sorted(keys)
    sources = _sources(REPORTS)
    again = find_entities(sources, parse([s.text for s in sources]))
    assert again == invented


def test_empty_story_gives_no_entities() -> None:
    sources = _sources(["", "   "])
    assert find_entities(sources, parse([s.text for s in sources])) == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kassym-Jomart", "Kasim-Yomart", True),
        ("Sergei", "Sergey", True),
        ("J.", "John", True),
        ("John", "Jane", False),
        ("Peter", "Petra", False),
        ("Aleksandr", "Aleksandra", False),
    ],
)
def test_given_name_rules(a: str, b: str, same: bool) -> None:
    assert given_names_match(a, b) is same


def test_name_rules() -> None:
    assert same_person("Yevgeny Prigozhin", "Evgeny Prigozhin")
    assert not same_person("Vladimir Putin", "Dmitry Peskov")
    assert not same_name("Health Ministry", "Interior Ministry")
    assert not same_name("Niger", "Nigeria")
    assert expands("EU", "European Union") and not expands("EU", "United States")
    assert dropped_letter_variant("NMA", "NMDA") and not dropped_letter_variant("NA", "NMA")
    [(long_name, *_, acronym, _, _)] = list(
        acronym_definitions("led by the Moscow-led Eastern Trade Council (ETC) since May")
    )
    assert (long_name, acronym) == ("Eastern Trade Council", "ETC")


def test_seed_gold_entities(seed: list[Entity]) -> None:
    gold = GOLD["entities"]
    for group in gold["same_required"]:
        found = {id(e) for name in group for e in _matching(seed, name)}
        assert len(found) == 1, group
    for a, b in gold["different_required"]:
        assert not {id(e) for e in _matching(seed, a)} & {id(e) for e in _matching(seed, b)}
    for name in gold["present_required"]:
        assert _matching(seed, name), name


def test_seed_stretch_garbled_acronym(seed: list[Entity]) -> None:
    for group in GOLD["entities"]["same_stretch"]:
        assert len({id(e) for name in group for e in _matching(seed, name)}) == 1


def test_agency_credit_closing_a_caption_is_not_an_entity() -> None:
    sources = _sources(
        [
            "Rescue workers search the rubble of the station in Velikograd, Ruvenia. AP\n"
            "Mayor Bogdan Oreshkin said 40 people were rescued. (Photo by Ana Ruiz via Reuters)\n"
            "Ruvenia asked the Red Cross for tents.",
        ]
    )
    entities = find_entities(sources, parse([s.text for s in sources]))
    spellings = {a for e in entities for a in (e.name, *e.aliases)}
    assert {"Velikograd", "Ruvenia", "Bogdan Oreshkin", "Red Cross"} <= spellings
    assert not {"AP", "Ana Ruiz", "Reuters"} & spellings


def test_shared_last_word_of_an_untagged_name_is_not_an_alias() -> None:
    # Two bus companies whose names end in the same word; the tagger reads the first as a
    # person and misses the second, which must not be counted as the first one's "surname".
    texts = [
        "Bus operator Kestrel Transit said in a Facebook post at 8.29am that delays of about "
        "40 minutes are expected.\n"
        "Service 85 will also be delayed, said Kestrel Transit in a separate post.\n"
        "In a post at about 9.20am, SMB Transit said that services 16 and 18 will face delays.\n",
        "Bus operator Kestrel Transit posted on Facebook that three services were delayed.\n"
        "Another bus operator, SMB Transit, said services 16 and 18 were delayed.\n",
    ]
    sources = _sources(texts)
    entities = find_entities(sources, parse([s.text for s in sources]))
    kestrel = _matching(entities, "Kestrel Transit")
    assert kestrel
    assert "Transit" not in kestrel[0].aliases
    assert kestrel[0].mentions == 3


def test_general_inside_an_institution_name_is_not_a_title() -> None:
    texts = [
        "The injured man was taken to Riverton General Hospital after the assault, police said.\n",
        "Police said the victim was conveyed to Riverton General Hospital with facial fractures.\n",
    ]
    sources = _sources(texts)
    entities = find_entities(sources, parse([s.text for s in sources]))
    names = {e.name for e in entities}
    assert "Hospital" not in names, names
    assert "Riverton General Hospital" in names, names


def test_words_of_a_heading_in_capitals_are_not_names() -> None:
    texts = [
        "Two riders died in a crash on the coastal highway on Tuesday, police said.\n"
        "ANOTHER HIT-AND-RUN INCIDENT\n"
        "A separate accident involving two motorcycles took place near the site later that "
        "morning, the Harbour Police said.\n",
    ]
    sources = _sources(texts)
    entities = find_entities(sources, parse([s.text for s in sources]))
    names = {e.name for e in entities}
    assert "HIT" not in names, names
    assert "Harbour Police" in names, names


def _found(texts: list[str]) -> list[Entity]:
    sources = _sources(texts)
    return find_entities(sources, parse([s.text for s in sources]))


def _types(texts: list[str]) -> dict[str, str]:
    return {a: e.type for e in _found(texts) for a in (e.name, *e.aliases)}


def test_places_and_companies_the_tagger_calls_people_keep_their_kind() -> None:
    types = _types(
        [
            "The tender for the Johor Bahru LRT project has not been opened, Transport "
            "Minister Anthony Loke said. Kestrel Holdings Bhd and Arden Rail Sdn Bhd are "
            "among the bidders, and Johor Bahru residents want the line to reach Taman Tasek.\n",
            "Kestrel Holdings Bhd said it had submitted a proposal for a line from Johor Bahru "
            "to Taman Tasek. Arden Rail Sdn Bhd declined to comment.\n",
        ]
    )
    assert types.get("Johor Bahru") == "PLACE", types
    assert types.get("Taman Tasek") == "PLACE", types
    assert types.get("Kestrel Holdings Bhd") == "ORG", types
    assert types.get("Arden Rail Sdn Bhd") == "ORG", types
    assert types.get("Anthony Loke") == "PERSON", types
    assert not {"Bahru", "Bahru LRT", "LRT"} & {n for n, t in types.items() if t == "PERSON"}


def test_honorifics_and_run_together_lists_are_not_names() -> None:
    types = _types(
        [
            "Datuk Seri Rahman Yusof, who chairs the consortium, said the bid was strong. "
            "The consortium of Kestrel Holdings Bhd, Arden Rail Sdn Bhd and Moravia Sdn Bhd "
            "was formed last year, Rahman Yusof said.\n",
        ]
    )
    assert "Datuk Seri" not in types and "Seri" not in types, types
    assert not [n for n in types if "," in n], types
    assert types.get("Rahman Yusof") == "PERSON", types


def test_a_common_word_the_tagger_calls_a_person_is_no_entity() -> None:
    types = _types(
        [
            "Motorcyclist dies after crash on coastal road\n"
            "A motorcyclist died after his bike hit a lorry on the coastal road on Sunday, "
            "the Harbour Police said. The motorcyclist, 34, was pronounced dead at the scene.\n",
        ]
    )
    assert "Motorcyclist" not in types, types
    assert types.get("Harbour Police") == "ORG", types


def test_a_company_with_and_without_its_legal_form_is_one_and_the_paper_is_not_a_surname() -> None:
    sources = _sources(
        [
            "Last October, Theta Arden Bhd (KL:THETA) announced that it would partner Nylor (M) "
            "Bhd. Theta Arden said the bid was strong, according to The Edge.\n",
            "Theta Arden Berhad confirmed the bid. An observer told The Edge that Theta Arden was "
            "the favourite.\n",
        ]
    )
    entities = find_entities(sources, parse([s.text for s in sources]))
    (company,) = _matching(entities, "Theta Arden Berhad")
    assert company.type == "ORG"
    assert {"Theta Arden", "Theta Arden Bhd"} <= set(company.aliases)
    assert "Edge" not in company.aliases
    (paper,) = _matching(entities, "Edge")
    assert paper.type == "ORG"


def test_amounts_addresses_and_run_on_tails_are_cut_or_typed() -> None:
    types = _types(
        [
            "A fire broke out at Block 412 Marlow Street on Tuesday. Firefighters from the "
            "Kessington Fire Station took a man to Harlow General Hospital. Ms Grace Lo, who "
            "lives at Block 412, said she lost RM1,600 in cash and S$14,000 of jewellery.\n",
            "Traffic on the Kessington Ring Expressway was slowed after the fire at Block 412 "
            "Marlow Street, the Kessington Civil Defence Force said. The Community Care Fund "
            "and Grace Lo's neighbours are collecting money.\n",
        ]
    )
    places = {n for n, t in types.items() if t == "PLACE"}
    assert {"Block 412 Marlow Street", "Kessington Ring Expressway"} <= places, types
    assert not any(any(c.isdigit() for c in n) and "Block" not in n for n in types), types
    assert not any(n.endswith((" and", " on Tuesday")) for n in types), types
    assert types.get("Kessington Fire Station") == "ORG", types


def test_a_name_written_family_name_first_joins_its_full_name_after_a_title() -> None:
    entities = _found(
        [
            "DPM Heng Swee Keat opened the park on Saturday. Later, DPM Heng said more were "
            "coming. Madam Tay Ah Lian said she was pleased, and Mdm Tay thanked the council.\n",
            "Tan Wei Ming and Tan Mei Ling, his sister, spoke to reporters. Tan said the park "
            "was too small.\n",
        ]
    )
    people = {e.name: set(e.aliases) for e in entities if e.type == "PERSON"}
    assert "Heng" in people.get("Heng Swee Keat", set()), people
    assert "Tay" in people.get("Tay Ah Lian", set()), people
    assert not any(n.startswith(("DPM", "Madam", "Mdm")) for n in people), people
    # Two people open with "Tan": the lone "Tan" is neither.
    assert not any("Tan" in aliases for n, aliases in people.items() if n != "Tan"), people


def test_a_numbered_street_keeps_its_number_and_name() -> None:
    types = _types(
        [
            "A man was assaulted with a brick along Lorong 21 Geylang on Tuesday. Police said "
            "the attack in Lorong 21 Geylang was brazen.\n"
        ]
    )
    assert types.get("Lorong 21 Geylang") == "PLACE", types
    assert "Lorong" not in types, types


def test_an_amount_or_a_clock_time_is_told_from_a_name_holding_digits() -> None:
    from storyweave.nlp.mentions import _AMOUNT

    amounts = ("RM1,600", "S$14,000", "SGD 4,000", "$5 million", "RM6.6bil", "5.40pm")
    assert all(_AMOUNT.fullmatch(t) for t in amounts)
    assert not any(_AMOUNT.fullmatch(t) for t in ("G20", "COP26", "A380", "Block 412"))


def test_words_of_a_title_case_heading_are_not_people() -> None:
    types = _types(
        [
            "Pension Account Closure Explained – Here’s How the Savings Account Replaces It!\n"
            "The board closed the pension account on Monday, Ms Grace Lo of the Harlow "
            "Savings Board said.\n"
            "Salary Ceiling Changes Coming In March\n"
            "The ceiling will rise to $7,400, Grace Lo added.\n"
        ]
    )
    people = {n for n, t in types.items() if t == "PERSON"}
    assert "Grace Lo" in people, types
    assert not any("Explained" in n or "Ceiling" in n for n in people), types


def test_a_rail_line_is_a_place_by_its_shape() -> None:
    from storyweave.nlp.places import has_place_word

    assert has_place_word("Circle Line") and has_place_word("North-South Line")
    assert not has_place_word("Line")


def test_a_name_mostly_written_after_in_or_at_is_a_place() -> None:
    types = _types(
        [
            "A fire broke out at a flat in Choa Chu Kang on Monday. Firefighters from Choa Chu "
            "Kang arrived within minutes, and a shelter was set up at Choa Chu Kang.\n",
            "Trains stopped at Pasir Ris for an hour. Commuters in Pasir Ris took buses, "
            "Mr Tan Wei Ming said.\n",
        ]
    )
    assert types.get("Choa Chu Kang") == "PLACE", types
    assert types.get("Pasir Ris") == "PLACE", types
    assert types.get("Tan Wei Ming") == "PERSON", types


def test_a_surname_with_a_stray_place_tag_is_still_the_person() -> None:
    from storyweave.nlp.entities import _voted_type
    from storyweave.nlp.mentions import Mention

    def mentions(labels: list[str]) -> list[Mention]:
        return [Mention("S1", 10 * i, 10 * i + 6, "Brede", label) for i, label in enumerate(labels)]

    surnames = {"Brede"}
    # Tagged ORG most of the time and a place twice: the person "Tomas Brede" of the story.
    assert _voted_type(mentions(["ORG"] * 8 + ["PLACE"] * 2), surnames, frozenset()) == "PERSON"
    # Mostly tagged a place: a town that shares the name when a gazetteer knows it...
    london = [Mention("S1", 10 * i, 10 * i + 6, "London", "PLACE") for i in range(3)]
    assert _voted_type(london, {"London"}, frozenset()) == "PLACE"
    # ... and the person when it knows no such place ("Pinochet" tagged a place throughout).
    assert _voted_type(mentions(["ORG"] * 2 + ["PLACE"] * 3), surnames, frozenset()) == "PERSON"
    # Without a person of that surname in the story, the votes decide.
    assert _voted_type(mentions(["ORG"] * 8 + ["PLACE"] * 2), set(), frozenset()) == "ORG"


def test_a_single_name_after_an_honorific_is_a_person() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from storyweave.nlp.entities import _voted_type
    from storyweave.nlp.mentions import Mention, _honoured

    doc = Doc(Vocab(), words=["Ms", "Varga", "said", "Premier", "League"])
    assert _honoured(doc, 1) and not _honoured(doc, 4)
    # "Ms Varga" (a person vote, titled) in one report, "Varga said" tagged ORG in others.
    titled = [Mention("S1", 0, 5, "Varga", "PERSON", titled=True)]
    tagged = [Mention("S2", 10 * i, 10 * i + 5, "Varga", "ORG") for i in range(6)]
    assert _voted_type(titled + tagged, set(), frozenset()) == "PERSON"
    # Without a title the votes decide.
    assert _voted_type(tagged + [Mention("S1", 0, 5, "Varga", "PERSON")], set(), frozenset()) == (
        "ORG"
    )


def test_a_named_storm_is_an_event_and_its_lone_name_is_the_storm() -> None:
    texts = [
        "Hurricane Odessa struck the coast of Veloria on Monday, killing at least 40 people.\n\n"
        "Odessa destroyed 3,000 homes before it weakened, officials said. Odessa is the "
        "strongest storm to reach Veloria since Hurricane Brunhild in 1974.\n",
        "Rescuers searched for survivors after Odessa flattened villages on the coast.\n",
    ]
    found = _found(texts)
    [storm] = [e for e in found if e.name == "Hurricane Odessa"]
    assert storm.type == "EVENT"
    assert "Odessa" in storm.aliases
    assert not [e for e in found if e.name == "Odessa"]
    assert _types(texts)["Hurricane Brunhild"] == "EVENT"


def test_names_listed_after_a_place_are_places() -> None:
    types = _types(
        [
            "Oil reached the shore near Marrow Point, Lim Tai Seng and Kopak on Tuesday.\n\n"
            "Patrols were stepped up at Harlow, Teck Wan and Gul.\n\n"
            "In Tarvo, Anna Brede and Tom Hale met the mayor on Monday.\n"
        ]
    )
    assert all(types[n] == "PLACE" for n in ("Lim Tai Seng", "Kopak", "Teck Wan", "Gul")), types
    # After a sentence's opening place, a list names who: "In Tarvo, A and B met".
    assert types["Anna Brede"] == types["Tom Hale"] == "PERSON"


def test_a_body_or_place_run_into_a_name_is_no_part_of_it() -> None:
    texts = [
        "MPs Ben Ong (Harlow GRC) and Tom Hale filed the motion. Mr Ben Ong said it was "
        "overdue.\n\nAmbassador to the United States Lui Tan Wee said talks went well. Lui Tan "
        "Wee has served since 2020.\n"
    ]
    people = {e.name: e.aliases for e in _found(texts) if e.type == "PERSON"}
    assert people["Ben Ong"] == ("Ben Ong",) and people["Lui Tan Wee"] == ("Lui Tan Wee",)
    assert not any("States" in n or "(" in n for n in people), people


def test_a_name_made_of_group_names_is_a_group() -> None:
    types = _types(
        [
            "Younger Canadians said Canadian Malays and Indians need to work harder, while "
            "Malay and Indian respondents disagreed.\n\nOlder Canadians said Canadian Chinese "
            "put in less effort.\n"
        ]
    )
    assert types["Canadian Malays"] == "OTHER"


def test_a_company_after_pt_and_an_office_named_for_its_general() -> None:
    types = _types(
        [
            "Ana Brede, the president director of PT Kessel Varuna, was arrested. PT Kessel "
            "Varuna won the tender.\n\nThe KPK coordinated with the National Police, the "
            "Attorney General’s Office and the Ministry of Law.\n"
        ]
    )
    assert types["Kessel Varuna"] == "ORG"
    assert types["Attorney General’s Office"] == "ORG" and "General’s Office" not in types


def test_an_age_before_a_name_makes_a_person_and_a_flight_goes_to_a_place() -> None:
    types = _types(
        [
            "Before a flight to Bali at Kessel Airport, 41-year-old Tanya Rose Whitfield stole "
            "watches from three shops. Whitfield was caught at the gate.\n\nWhile waiting for a "
            "flight to Phuket at Harlow Airport, 29-year-old Nadia Jane Corbin carried out a "
            "series of thefts. Corbin took $300 of items.\n"
        ]
    )
    assert types["Nadia Jane Corbin"] == "PERSON" and types["Bali"] == "PLACE"


def test_titles_units_companies_and_plurals_of_things_are_no_people() -> None:
    types = _types(
        [
            "“We will keep watch,” said Rear Admiral Tomas Brede, commander of the fleet. The "
            "case was handled by the General Crimes Unit and Kessel Feng Shipping.\n\n"
            "The engineer failed to record discharges in the vessel’s Oil Record Book (ORB).\n\n"
            "Coast Guard inspectors found false entries in the tanker’s Oil Record Books during "
            "an inspection in Tarvo.\n\nThe crew falsified Oil Record Books for months.\n"
        ]
    )
    assert "Rear Admiral" not in types and types["Tomas Brede"] == "PERSON"
    assert types["General Crimes Unit"] == types["Kessel Feng Shipping"] == "ORG"
    assert types["Oil Record Books"] == types["Oil Record Book"]


@pytest.mark.parametrize("title", ["Cmndr.", "Sgt.", "Supt.", "Cpl.", "Insp.", "Det."])
def test_an_abbreviated_title_ends_no_sentence(title: str) -> None:
    [doc] = parse([f"The tribunal cleared {title} Ivo Marek of all charges on Monday."])
    assert len(list(doc.sents)) == 1


def test_an_area_written_before_its_estates_or_flats_is_a_place() -> None:
    found = {
        e.name: e
        for e in _found(
            [
                "A man was seen taking laundry from outside a Tampir Kang flat on Friday.\n\n"
                "He was seen in the Tampir Kang and Yew Varn areas, police said.\n\nThe suspect "
                "was spotted around the Tampir Kang and Yew Varn estates.\n"
            ]
        )
    }
    assert found["Tampir Kang"].type == "PLACE"
    assert found["Tampir Kang"].aliases == ("Tampir Kang",)  # no "Tampir Kang flat"


def test_a_role_written_like_a_title_before_a_name_goes() -> None:
    from storyweave.nlp.entities import _bodies_before_people
    from storyweave.nlp.mentions import Mention

    text = "Resident Elyvi Tan said so. Elyvi Tan lodged a report."
    groups = {
        "resident elyvi tan": [Mention("S1", 0, 18, "Resident Elyvi Tan", "PERSON")],
        "elyvi tan": [Mention("S1", 28, 37, "Elyvi Tan", "PERSON")],
    }
    types = {"resident elyvi tan": "PERSON", "elyvi tan": "PERSON"}
    _bodies_before_people(types, groups, {"S1": text})
    assert types == {"elyvi tan": "PERSON"}
    assert [(m.start, m.text) for m in groups["elyvi tan"]] == [(28, "Elyvi Tan"), (9, "Elyvi Tan")]


def test_a_time_zone_or_an_accounting_period_is_no_entity() -> None:
    texts = [
        "The ferry was found on 5 March 2025, at around 9.15am Singapore Time). The Tarvo Ferry "
        "Company said it docked at 6am Eastern Standard Time.\n"
    ]
    names = _types(texts)
    assert "Singapore Time" not in names and "Eastern Standard Time" not in names
    assert "FY2026" not in _types(["Tarvo will spend $7 billion on ferries in FY2026.\n"])
    assert names["Tarvo Ferry Company"] == "ORG"


def test_only_a_storm_is_named_after_one() -> None:
    types = {
        "tropical storm alberto": "ORG",
        "hurricane mitch": "PLACE",
        "tropical marine science institute": "ORG",
        "tropical fruits": "OTHER",
        "storm centre": "ORG",
    }
    _storm_names(types)
    assert types == {
        "tropical storm alberto": "EVENT",
        "hurricane mitch": "EVENT",
        "tropical marine science institute": "ORG",
        "tropical fruits": "OTHER",
        "storm centre": "ORG",
    }


def test_a_known_city_tagged_an_organisation_is_a_place_where_written_as_one() -> None:
    texts = [
        "Floods cut off La Ceiba on Monday. In La Ceiba, people queued for fuel.\n\n"
        "La Ceiba officials asked for help, said Mayor Tomas Brede.\n",
    ]
    types = _types(texts)
    assert types.get("La Ceiba") == "PLACE", types


def test_a_lone_surname_goes_to_the_family_member_the_story_is_about() -> None:
    texts = [
        "Former president Augusto Velez was arrested in Madrid on Friday. Augusto Velez, 82, "
        "denies the charges. Velez was recovering from surgery when police arrived.\n\n"
        "His daughter, Lucia Velez, asked for compassion.\n",
        "Lawyers for Augusto Velez said he would appeal. Velez has a diplomatic passport.\n",
        "Augusto Velez ruled the country for 17 years. Supporters of Augusto Velez protested. "
        "Velez is ill, his lawyers said.\n",
    ]
    found = _found(texts)
    [augusto] = [e for e in found if e.name == "Augusto Velez"]
    assert "Velez" in augusto.aliases
    assert any(e.name == "Lucia Velez" for e in found)


def test_a_surname_with_a_particle_is_the_person_it_names() -> None:
    texts = [
        "Investigators said Omar bin Tarek ran the network from Kessel. Bin Tarek has denied "
        "any role, and bin Tarek's lawyers said the charges were invented.\n",
        "Officials believe bin Tarek is living abroad. Anna van der Berg, the prosecutor, said "
        "van der Berg would ask for his extradition.\n",
    ]
    found = _found(texts)
    [omar] = [e for e in found if e.name == "Omar bin Tarek"]
    assert {a.casefold() for a in omar.aliases} >= {"bin tarek"}
    assert not [e for e in found if e.name.casefold() == "bin tarek"]


def test_a_small_city_written_where_places_go_is_a_place() -> None:
    # Kindu (a city of GeoNames below the single-word size bar), written after "into",
    # "north of" and "the town of" as often as after "in".
    texts = [
        "Rebels pushed into Kindu on Sunday. Kindu had been held by government troops, and "
        "Kindu's airport was closed. Refugees fled north of Kindu.\n\n"
        "Kindu is a key base, said rebel spokesman Tomas Brede.\n",
        "Aid convoys could not reach the town of Kindu. Kindu remains cut off.\n",
    ]
    assert _types(texts).get("Kindu") == "PLACE"


def test_a_speech_verb_opening_the_sentence_is_no_part_of_the_name() -> None:
    texts = [
        "David Stern said the season could still be saved. “But there is some hope.” Added "
        "Stern, “We owe it to the fans to go back to the table.”\n"
    ]
    names = {a for e in _found(texts) for a in (e.name, *e.aliases)}
    assert "Added Stern" not in names, names


def test_a_name_given_an_age_is_a_person_and_so_is_its_lone_given_name() -> None:
    texts = [
        "The capital sentence was imposed on Iskandar Rahmat, 46, the police said. Iskandar "
        "had stabbed the shop owner at Hillside Drive. Iskandar fled to Johor Bahru.\n\n"
        "Iskandar was arrested 54 hours later. Iskandar's appeal failed in 2016.\n",
        "Iskandar Rahmat, 46, was hanged on Friday. Iskandar had been a police officer.\n",
    ]
    found = _found(texts)
    [person] = [e for e in found if e.name == "Iskandar Rahmat"]
    assert person.type == "PERSON"
    assert "Iskandar" in person.aliases


def test_a_lone_word_keeps_its_type_when_the_full_name_is_no_real_name() -> None:
    from storyweave.nlp.entities import _adopt_lone_names
    from storyweave.nlp.mentions import Mention

    def group(text: str, label: str, n: int = 3) -> list[Mention]:
        return [Mention("S1", 20 * i, 20 * i + len(text), text, label) for i in range(n)]

    groups = {
        "instagram": group("Instagram", "ORG"),
        "instagram teen": group("Instagram Teen", "PERSON"),
        "iskandar": group("Iskandar", "ORG"),
        "iskandar rahmat": group("Iskandar Rahmat", "PERSON"),
        "hdb": group("HDB", "ORG"),
        "hougang hdb": group("Hougang HDB", "PERSON"),
    }
    types = {k: ms[0].label for k, ms in groups.items()}
    # "teen" is written in lower case in the sources: "Instagram Teen" is no one's name.
    _adopt_lone_names(types, groups, frozenset(), frozenset({"teen", "accounts"}))
    assert types["iskandar"] == "PERSON"
    assert types["instagram"] == "ORG"
    assert types["hdb"] == "ORG"  # an acronym is never adopted


def test_a_dutch_legal_form_makes_an_organisation_of_a_tagged_person() -> None:
    from storyweave.nlp.entities import _group_type
    from storyweave.nlp.mentions import Mention

    tagged = [Mention("S1", 10 * i, 10 * i + 18, "Veltra Beheer BV", "PERSON") for i in range(3)]
    assert _group_type(tagged, set(), frozenset(), frozenset()) == "ORG"


def test_a_person_is_named_by_the_full_name_most_reports_use() -> None:
    texts = [
        "Opposition leader Anna Maria Voss said the vote was rigged. Voss left the country.\n",
        "Anna Voss, the opposition leader, said she would not return. Anna Voss wants talks.\n",
        "Anna Voss and her party boycotted parliament. Anna Voss called for new elections.\n",
    ]
    [voss] = [e for e in _found(texts) if "Voss" in e.name]
    assert voss.name == "Anna Voss"
    assert "Anna Maria Voss" in voss.aliases


def test_an_owner_run_into_a_place_name_is_no_part_of_it() -> None:
    texts = [
        "Police said Mr Tan Boon Sin was escorted back to Tan’s Hillside Drive home, where he "
        "was attacked. Neighbours on Hillside Drive heard shouting.\n",
    ]
    names = {a for e in _found(texts) for a in (e.name, *e.aliases)}
    assert "Hillside Drive" in names
    assert not any("’s Hillside" in n for n in names), names
    # A possessive that belongs to the name stays.
    party = ["The People’s Action Party won 65 of the 97 seats in the election on Saturday.\n"]
    assert "People’s Action Party" in {e.name for e in _found(party)}
    asked = [
        "He was answering a question from People’s Action Party Member of Parliament Ong Wei "
        "Ming on Tuesday.\n"
    ]
    assert "People’s Action Party" in {e.name for e in _found(asked)}


def test_a_portfolio_run_into_a_ministers_name_joins_the_name() -> None:
    texts = [
        "About 2,000 permits were issued last year, said Minister for Manpower Lim Wei Ming "
        "in a written parliamentary reply on Tuesday (Feb 4).\n",
        "Manpower Minister Lim Wei Ming told Parliament that the permit scheme would be "
        "reviewed. Dr Lim said the review would end in June.\n",
        "Lim Wei Ming said the permits help to anchor talent in the country.\n",
    ]
    people = [e for e in _found(texts) if "Ming" in e.name]
    assert len(people) == 1, people
    assert people[0].name == "Lim Wei Ming"


def test_a_law_is_no_person_whatever_the_tagger_says() -> None:
    from storyweave.nlp.entities import _group_type
    from storyweave.nlp.mentions import Mention

    name = "Workplace Fairness Bill"
    bill = [Mention("S1", 30 * i, 30 * i + 24, name, "PERSON") for i in range(3)]
    assert _group_type(bill, set(), frozenset(), frozenset()) == "OTHER"
    # A given name "Bill" ends no law.
    person = [Mention("S1", 20 * i, 20 * i + 10, "Bill Nolan", "PERSON") for i in range(3)]
    assert _group_type(person, set(), frozenset(), frozenset()) == "PERSON"


def test_the_bill_of_a_story_about_one_bill_is_that_bill() -> None:
    texts = [
        "Parliament passed the Harbour Safety Bill on Tuesday. The Bill requires every ferry to "
        "carry a tracking beacon.\n",
        "Under the Harbour Safety Bill, operators face fines of up to $20,000. Ferry operators "
        "said the Bill was rushed.\n",
    ]
    found = {a: e for e in _found(texts) for a in (e.name, *e.aliases)}
    assert found["Harbour Safety Bill"].type == "OTHER"
    assert found["Bill"] is found["Harbour Safety Bill"]


def test_an_authority_named_with_and_is_one_name_whatever_the_tagger_cuts() -> None:
    # The tagger starts the name at "Port", or tags "Coastal" apart; the acronym leaves out
    # "of Veldmark"; every spelling is one organisation.
    texts = [
        "The Veldmark Police Force, Coastal and Port Authority of Veldmark (CPA) and the "
        "National Water Agency said on Friday that the leak had been contained.\n",
        "Reporters have contacted the police and Coastal and Port Authority of Veldmark for "
        "more details about the leak.\n",
        "Divers sent by the Coastal and Port Authority inspected the hull on Saturday, the "
        "agency said.\n",
    ]
    entities = _found(texts)
    found = {a: e for e in entities for a in (e.name, *e.aliases)}
    authority = found["Coastal and Port Authority of Veldmark"]
    assert authority.type == "ORG"
    assert found["CPA"] is authority
    assert found["Coastal and Port Authority"] is authority
    assert "Coastal" not in found
    assert "Port Authority of Veldmark" not in found


def test_an_acronym_may_leave_out_the_country_of_a_name() -> None:
    assert expands("CPA", "Coastal and Port Authority of Veldmark")
    assert expands("NWA", "National Water Agency of the Republic")
    assert not expands("CPAV", "Coastal and Port Authority")


def test_a_name_after_an_honorific_is_a_person_the_tagger_missed() -> None:
    texts = [
        "Mr Sirius Ng, an outrigger paddler with the Harbour Paddle Club, told reporters that "
        "he saw patches of oil off the coast.\n"
    ]
    found = {a: e for e in _found(texts) for a in (e.name, *e.aliases)}
    assert found["Sirius Ng"].type == "PERSON"


def test_an_acronym_two_names_spell_goes_to_the_one_written_most() -> None:
    from storyweave.nlp.entities import _link_acronyms, _Union
    from storyweave.nlp.mentions import Mention

    def written(text: str, times: int) -> list[Mention]:
        return [Mention("S1", 40 * i, 40 * i + len(text), text, "ORG") for i in range(times)]

    groups = {"harbour times": written("Harbour Times", 5), "ht": written("HT", 1)}
    groups["harbour tower"] = written("Harbour Tower", 1)
    union = _Union(list(groups))
    _link_acronyms(groups, dict.fromkeys(groups, "ORG"), union)
    assert union.find("ht") == union.find("harbour times") != union.find("harbour tower")
    # Written as often as each other, the acronym stays apart from both.
    groups["harbour tower"] = written("Harbour Tower", 4)
    union = _Union(list(groups))
    _link_acronyms(groups, dict.fromkeys(groups, "ORG"), union)
    assert union.find("ht") not in (union.find("harbour times"), union.find("harbour tower"))


def test_a_lone_capitalised_word_of_a_heading_is_no_organisation() -> None:
    texts = [
        "Diesel Oil Leak at Kessington Naval Base\n"
        "About 23 tonnes of diesel leaked from a damaged fuel hose at the Kessington Naval Base "
        "on Wednesday, the Kessington Coast Guard said.\n"
    ]
    found = {a: e for e in _found(texts) for a in (e.name, *e.aliases)}
    assert "Diesel" not in found
    assert found["Kessington Coast Guard"].type == "ORG"


def test_a_capitalised_number_opening_a_name_is_part_of_it() -> None:
    texts = [
        "He said the ONE Pass was launched in 2023 to attract top talent to the country.\n",
    ]
    found = {a: e for e in _found(texts) for a in (e.name, *e.aliases)}
    assert "Pass" not in found
    assert found["ONE Pass"].type == "ORG"


def test_an_acronym_defined_with_letters_from_inside_its_words_is_the_same_place() -> None:
    assert (next(acronym_definitions("crash on the Seletar Expressway (SLE) at 9am")))[::3] == (
        "Seletar Expressway",
        "SLE",
    )
    assert spelled_inside("MINDEF", "Ministry of Defence")
    assert not spelled_inside("PM", "Prime Minister Lawrence Wong")  # "M" not in the last word
    assert not spelled_inside("SPF", "Police Force")
    texts = [
        "A lorry and four cars collided on the Kessler Expressway (KLE) on Friday, police said. "
        "Traffic on the KLE was backed up for three hours, and the KLE reopened at noon.\n",
        "Five people were hurt in a crash on the KLE towards the city on Friday. The KLE was "
        "closed for three hours.\n",
    ]
    found = {a: e for e in _found(texts) for a in (e.name, *e.aliases)}
    assert found["KLE"] is found["Kessler Expressway"]
    assert found["KLE"].type == "PLACE"


def test_a_common_noun_phrase_is_no_name_and_a_left_out_place_opener_is_kept() -> None:
    texts = [
        "Five people, including a motorcyclist, car driver, van driver, and two lorry "
        "passengers, were hospitalised. The crash happened after Bukit Merah View, police said.\n",
    ]
    found = {a: e for e in _found(texts) for a in (e.name, *e.aliases)}
    assert "van driver" not in found, found
    assert "Merah View" not in found, found
    assert found["Bukit Merah View"].type == "PLACE"


def test_one_acronym_defined_as_two_different_names_joins_the_one_most_reports_define() -> None:
    texts = [
        "The bill draws on the Protection of Harbour Safety Act (PHSA), officials said.\n",
        "It borrows its orders from the Protection of Harbour Safety Act (PHSA) of 1990.\n",
        "Critics of the new Protection of Highway Safety Act (PHSA) spoke in Parliament.\n",
    ]
    found = {a: e for e in _found(texts) for a in (e.name, *e.aliases)}
    harbour = found["Protection of Harbour Safety Act"]
    highway = found["Protection of Highway Safety Act"]
    assert harbour is not highway
    assert found["PHSA"] is harbour


def test_a_ministers_portfolio_the_tagger_runs_into_the_name_is_cut_off() -> None:
    texts = [
        "“We will need time,” said Minister of State for Home Affairs Hana Ostrova, who spoke "
        "after the vote.\n",
        "MOS Ostrova added that the groups would be told in writing.\n",
        "The changes were set out by Minister for Law and Home Affairs K Delvan on Tuesday.\n",
        "Mr Delvan said the law would take effect in March. The Minister for Home Affairs may "
        "issue orders under it.\n",
    ]
    found = {a: e for e in _found(texts) for a in (e.name, *e.aliases)}
    assert found["Hana Ostrova"].type == "PERSON"
    assert found["Ostrova"] is found["Hana Ostrova"]
    assert found["K Delvan"].type == "PERSON"
    assert not [a for a in found if "Affairs" in a and a != "Home Affairs"], sorted(found)


def test_an_abbreviated_commissioner_title_is_no_part_of_the_name() -> None:
    texts = [
        "Police Commissioner Ramli Mohamed Yoosuf said the office was a call centre.\n",
        "Comm Ramli said the victims would deny such activity, police said.\n",
    ]
    found = {a: e for e in _found(texts) for a in (e.name, *e.aliases)}
    assert "Comm Ramli" not in found
    assert found["Ramli"] is found["Ramli Mohamed Yoosuf"]


def test_a_party_that_speaks_is_an_organisation_and_a_heading_is_no_person() -> None:
    text = (
        "Green Dot United urged the town council to act.\n\n"
        "“This is not a partisan issue,” Green Dot United said in a statement.\n\n"
        "Minister Oskar Brandvold defended the council on Monday.\n\n"
        "Reader Slams Brandvold’s Handling of Port Tax\n\n"
        "A reader criticised Brandvold in the comments, calling his defence weak.\n"
    )
    found = _found([text])
    assert {e.type for e in _matching(found, "Green Dot United")} == {"ORG"}
    assert not [e for e in found if "Slams" in e.name]
    assert [e.type for e in _matching(found, "Oskar Brandvold")] == ["PERSON"]


def test_a_name_only_ever_in_a_heading_and_opening_with_a_common_word_is_no_person() -> None:
    from storyweave.nlp.entities import _group_type
    from storyweave.nlp.mentions import Mention, in_title_case_heading

    text = "Netizen Criticises Brandvold’s Justification of Tax\n\nA netizen wrote in."
    assert in_title_case_heading(text, 0, 29) and not in_title_case_heading(text, 52, 60)
    heading = [Mention("S1", 0, 29, "Netizen Criticises Brandvold", "PERSON")]
    words = frozenset({"a", "netizen", "wrote", "in"})
    assert _group_type(heading, set(), words, frozenset(), headed=True) is None
    assert _group_type(heading, set(), words, frozenset(), headed=False) == "PERSON"


def test_an_area_named_before_its_council_is_a_place_and_a_bare_title_no_person() -> None:
    from storyweave.nlp.entities import _group_type, _names_what_follows
    from storyweave.nlp.mentions import Mention

    text = "Kee Loon GRC voters, the Kee Loon Town Council and Kee Loon East. Kee Loon said so."
    starts = [m.start() for m in re.finditer("Kee Loon", text)]
    assert [_names_what_follows(text, s + 8) for s in starts] == [True, True, True, False]
    area = [Mention("S1", s, s + 8, "Kee Loon", "PERSON") for s in starts]
    attributive = frozenset(("S1", s) for s in starts[:3])
    empty: frozenset[tuple[str, int]] = frozenset()
    assert _group_type(area, set(), frozenset(), empty, attributive=attributive) == "PLACE"
    assert _group_type(area, set(), frozenset(), empty) == "PERSON"
    assert _names_what_follows("the Kee Loon neighborhood in the east", 12)
    assert not _names_what_follows("Kee Loon said on Monday", 8)
    title = [Mention("S1", 0, 13, "Law Minister", "PERSON")] * 2
    assert _group_type(title, set(), frozenset(), empty) is None


def test_portfolios_are_neither_bodies_nor_part_of_a_name() -> None:
    text = (
        "The study was led by Ms Lena Okafor, permanent secretary at the Ministry of Transport "
        "and Information Lena Okafor, with two universities.\n\n"
        "Minister for Culture, Community and Youth Oskar Brandvold opened the conference. "
        "Oskar Brandvold said the survey would be repeated.\n"
    )
    found = _found([text])
    assert sorted(e.name for e in found if e.type == "PERSON") == ["Lena Okafor", "Oskar Brandvold"]
    assert not [e for e in found if "Community" in e.name or "Information" in e.name]


def test_a_short_name_and_its_institution_are_one_organisation() -> None:
    texts = [
        "Kessel-Varn College will close in 2027, the board said. Students of Kessel-Varn were "
        "upset, and Ostrova University offered them places.\n",
        "The closure of Kessel-Varn College surprised students. Kessel-Varn alumni wrote to "
        "the board, and Ostrova said it would take 200 of them.\n",
    ]
    found = {e.name: e for e in _found(texts)}
    college = next(e for e in found.values() if "Kessel-Varn College" in (e.name, *e.aliases))
    assert college.type == "ORG" and "Kessel-Varn" in (college.name, *college.aliases)
    ostrova = next(e for e in found.values() if "Ostrova University" in (e.name, *e.aliases))
    assert "Ostrova" in (ostrova.name, *ostrova.aliases)


def test_a_place_is_not_joined_to_an_institution_named_after_it() -> None:
    texts = [
        "Floods hit Brenmoor on Monday. Brenmoor University closed its campus, and residents "
        "in Brenmoor were moved to a school.\n",
        "In Brenmoor, rescuers worked through the night, Brenmoor University said.\n",
    ]
    found = _found(texts)
    town = next(e for e in found if e.name == "Brenmoor")
    assert town.type == "PLACE" and "Brenmoor University" not in town.aliases


def test_a_name_ending_in_a_constituency_acronym_is_a_place() -> None:
    from storyweave.nlp.entities import _group_type
    from storyweave.nlp.mentions import Mention

    def tagged(name: str, n: int = 3, **evidence: bool) -> list[Mention]:
        return [
            Mention("S1", 40 * i, 40 * i + len(name), name, "PERSON", **evidence) for i in range(n)
        ]

    none: frozenset[tuple[str, int]] = frozenset()
    # The tagger's persons: a constituency, a station, a body named with an acronym.
    assert _group_type(tagged("Harlow-Vent GRC"), set(), frozenset(), none) == "PLACE"
    assert _group_type(tagged("Tarvo Central MRT"), set(), frozenset(), none) == "PLACE"
    assert _group_type(tagged("Kessel Harbour NRB"), set(), frozenset(), none) == "ORG"
    # A person with letters after the name stays one when quoted or titled.
    assert _group_type(tagged("Anna Lisowska NRB", speaks=True), set(), frozenset(), none) == (
        "PERSON"
    )


def test_a_preposition_or_gerund_run_into_a_name_is_not_part_of_it() -> None:
    texts = [
        "Addressing Li's claims, the envoy spoke for an hour. Besides Li, two other critics "
        "were named. Accompanying Liu into exile was his wife.\n",
        "Li Wen said on Monday he would not return. Liu Hong left the country in 1998.\n",
    ]
    names = {a for e in _found(texts) for a in (e.name, *e.aliases)}
    assert not any(n.split()[0] in ("Addressing", "Besides", "Accompanying") for n in names), names


def test_one_name_spaced_two_ways_is_one_person() -> None:
    texts = [
        "Professor Varga Sheng Min criticised the government in a video on Monday.\n",
        "Varga Shengmin, a professor in the United States, said he would not return. "
        "Varga Shengmin left the country in 2017.\n",
    ]
    people = [e for e in _found(texts) if e.type == "PERSON"]
    spellings = [set((e.name, *e.aliases)) for e in people]
    assert any({"Varga Sheng Min", "Varga Shengmin"} <= s for s in spellings), spellings


def test_words_of_a_works_title_are_no_person() -> None:
    texts = [
        "The newspaper published an opinion video titled How Tyranny Begins on Monday. "
        "Ambassador Olek Tan objected to the video titled How Tyranny Begins.\n",
        "In the video “How Tyranny Begins”, a professor criticised the government, Olek Tan "
        "said.\n",
    ]
    names = {a for e in _found(texts) for a in (e.name, *e.aliases)}
    assert "Olek Tan" in names
    assert not any("Tyranny" in n for n in names), names


def test_a_name_ending_in_an_event_word_is_an_event() -> None:
    from storyweave.nlp.entities import _group_type
    from storyweave.nlp.mentions import Mention

    def tagged(name: str, label: str) -> list[Mention]:
        return [Mention("S1", 40 * i, 40 * i + len(name), name, label) for i in range(3)]

    none: frozenset[tuple[str, int]] = frozenset()
    assert _group_type(tagged("General Election", "ORG"), set(), frozenset(), none) == "EVENT"
    assert _group_type(tagged("Tarvo Marathon", "PLACE"), set(), frozenset(), none) == "EVENT"
    assert _group_type(tagged("Elections Department", "ORG"), set(), frozenset(), none) == "ORG"


def test_a_place_written_in_and_before_its_flats_is_a_place() -> None:
    from storyweave.nlp.entities import _group_type
    from storyweave.nlp.mentions import Mention

    none: frozenset[tuple[str, int]] = frozenset()
    tagged = [Mention(f"S{i}", 0, 7, "Brenvik", "PERSON") for i in range(4)]
    # "a fire in a Brenvik flat" twice, "a home in Brenvik" once, "the Brenvik blaze" once.
    attributive = frozenset({("S0", 0), ("S1", 0)})
    located = frozenset({("S2", 0)})
    assert _group_type(tagged, set(), frozenset(), none, located, attributive=attributive) == (
        "PLACE"
    )


def test_a_tagged_person_ending_in_a_country_of_the_story_is_an_organisation() -> None:
    from storyweave.nlp.entities import _country_branches
    from storyweave.nlp.mentions import Mention

    def group(name: str, **evidence: bool) -> list[Mention]:
        return [Mention("S1", 0, len(name), name, "PERSON", **evidence)]

    types = {
        "harbourcare singapore": "PERSON",
        "kevin singapore": "PERSON",
        "ann jordan": "PERSON",
        "singapore": "PLACE",
    }
    groups = {
        "harbourcare singapore": group("Harbourcare Singapore"),
        "kevin singapore": group("Kevin Singapore", speaks=True),
        "ann jordan": group("Ann Jordan"),
        "singapore": [Mention("S1", 0, 9, "Singapore", "PLACE")],
    }
    _country_branches(types, groups)
    assert types["harbourcare singapore"] == "ORG"
    assert types["kevin singapore"] == "PERSON"  # quoted: a person
    assert types["ann jordan"] == "PERSON"  # Jordan is no place of this story


def test_a_name_without_a_family_name_written_whole_and_shortened_is_one_person() -> None:
    from storyweave.nlp.entities import _link_people, _Union

    keys = [
        "lilis sarwani",
        "lilis sarwani pornomo",
        "lilis sarwani purnomo",
        "lee hsien",
        "lee hsien ming",
        "lee hsien yi",
        "tan wei ming",
        "tan wei min",
    ]
    union = _Union(keys)
    _link_people(keys, union, {k: 1 for k in keys})
    # Whole, shortened, and with the last word spelt two ways: one person.
    assert union.find("lilis sarwani") == union.find("lilis sarwani pornomo")
    assert union.find("lilis sarwani") == union.find("lilis sarwani purnomo")
    # A short last word differing is another name ("Ming" / "Min").
    assert union.find("tan wei ming") != union.find("tan wei min")
    # Two longer names start with "Lee Hsien": it stays apart from both.
    assert union.find("lee hsien") != union.find("lee hsien ming")
    assert union.find("lee hsien") != union.find("lee hsien yi")
