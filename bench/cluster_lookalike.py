"""Story clustering on many look-alike local incidents: B-cubed P/R/F1 on invented collections.

A collection here holds about 60 invented local incidents of five kinds (stabbings,
burglaries, road crashes, house fires, scams) over three weeks, each reported by 2-6 invented
outlets, plus follow-up reports days later (court, discharge) and singleton reports on
unrelated topics. Reports of one kind share their wording: each outlet takes a random subset
and order of the kind's sentences, paraphrases some, and sometimes adds a background paragraph
shared by every incident of that kind. Only names, places, numbers and dates tell two
incidents apart. Everything is invented here from ``random.Random(seed)``; nothing is read
from ../shared/data.

Scores storyweave (batch ``fit``, incremental one at a time, incremental in batches of 20)
beside TF-IDF average-link at its best threshold (an oracle the product does not get), on
three seeds; adds an error analysis (the most mixed predicted stories, the most split
incidents). Prints Markdown tables and writes bench/results/cluster_lookalike.json.

    python bench/cluster_lookalike.py                 # 3 seeds (about 3 minutes on 2 cores)
    python bench/cluster_lookalike.py --seeds 1 --incidents 30
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from cluster_localnews import (
    Gold,
    average_link_sweep,
    bcubed,
    tfidf_similarity,
    write_results,
)

from storyweave.cluster import StoryClusterer, cluster_articles
from storyweave.cluster.clusterer import JOIN_THRESHOLD
from storyweave.cluster.meaning import meanings
from storyweave.ingest import content_id
from storyweave.models import Article

RESULTS = Path(__file__).resolve().parent / "results" / "cluster_lookalike.json"
SEEDS = (1, 2, 3)
INCIDENTS = 60
SINGLETONS = 15
DAYS = 21
FIRST_DAY = date(2026, 3, 2)  # a Monday
INCREMENTAL_BATCH = 20
ABLATION = "storyweave batch (fit), same reports without background paragraphs"
# Shares of reports with a kind background paragraph, and of incidents with a follow-up.
BACKGROUND_SHARE = 0.4
FOLLOW_UP_SHARE = 0.35

# ---------------------------------------------------------------- invented people and places

NAME_STYLES: dict[str, dict[str, list[str]]] = {
    "western": {
        "m": "James Michael David Thomas Daniel Peter Mark George Owen Callum Stuart Neil".split(),
        "f": "Sarah Emma Laura Rachel Hannah Claire Olivia Megan Fiona Joanne Abigail".split(),
        "last": "Thornton Whitfield Harrow Caldwell Brennan Ashworth Pemberton Fairley Doyle "
        "Kemp Lister Marsh Rowley Sutton Hartley Fenwick Garside Blackwood".split(),
    },
    "chinese": {
        "m": ["Wei Ming", "Jun Hao", "Zhi Wei", "Kah Leong", "Boon Keat", "Jia Hui", "Yong Sheng"],
        "f": ["Xiao Lan", "Mei Ling", "Li Na", "Hui Min", "Kai Xin", "Pei Shan", "Siew Ling"],
        "last": "Tan Lim Wong Chen Liu Zhang Huang Ng Goh Lee Teo Chua Ong".split(),
    },
    "malay": {
        "m": ["Ahmad", "Mohd Faizal", "Azman", "Hafiz", "Zulkifli", "Amirul", "Shahrul", "Idris"],
        "f": ["Nurul Aina", "Siti Aishah", "Farah", "Nor Azizah", "Aisyah", "Zarina", "Hidayah"],
        "last": "Ismail Rahman Hassan Yusof Osman Abdullah Razak Kamal Salleh Ibrahim".split(),
    },
    "indian": {
        "m": "Rajesh Arun Suresh Vikram Anand Karthik Ravi Ganesh Prakash Manoj".split(),
        "f": "Priya Kavitha Deepa Lakshmi Meena Anjali Revathi Shalini Divya".split(),
        "last": "Subramaniam Krishnan Nair Pillai Sharma Gupta Iyer Menon Rao Naidu".split(),
    },
    "nigerian": {
        "m": "Chukwuemeka Oluwaseun Babatunde Ikechukwu Tunde Emeka Chinedu Segun".split(),
        "f": "Adaeze Ngozi Funmilayo Chiamaka Yetunde Folasade Amaka Ifeoma".split(),
        "last": "Okafor Adeyemi Eze Obi Balogun Nwosu Okonkwo Adebayo Olatunji Uche".split(),
    },
    "hispanic": {
        "m": "Carlos Javier Diego Mateo Alejandro Rafael".split(),
        "f": "Lucia Mariana Sofia Valentina Camila Elena".split(),
        "last": "Ramirez Delgado Moreno Castillo Herrera Vega Navarro Ortega".split(),
    },
    "arabic": {
        "m": "Omar Karim Tariq Samir Yousef Hamza".split(),
        "f": "Layla Yasmin Nadia Rania Salma Huda".split(),
        "last": "Haddad Mansour Nasser Khalil Saleh Darwish Farouk".split(),
    },
}
TOWN_HEADS = "Ash Bram Carl Dun Elm Fair Glen Hal Ken Lang Mar Nor Oak Pen Red Stan Thorn Wey"
TOWN_TAILS = "ford bury wick ton field ham more dale stead brook"
TAMAN = "Taman Bukit Desa Bandar".split()
TAMAN_NAMES = "Melati Cempaka Permai Harmoni Seroja Kenanga Mutiara Damai".split()
STREET_NAMES = (
    "Station Mill Church Victoria Orchard Quarry Willow Bridge Market Kingsley Foundry "
    "Canal Beacon Heather Linden Granary Tannery Cedar Palmer Garnet"
).split()
STREET_TYPES = "Road Street Lane Avenue Close Drive Crescent Way".split()
JALAN = (
    "Mawar Kenari Cendana Merbau Angsana Bayu Pelangi Sentosa Delima Kemboja Tembusu Meranti "
    "Nuri Rambai Seri Tualang Kasturi Cemara Teratai Bakawali"
).split()
OUTLETS = [
    "Riverside Chronicle",
    "Daily Beacon",
    "Metro Pulse",
    "Eastern Sentinel",
    "Borough Bulletin",
    "The Lantern",
    "Citywire Today",
    "Harbour Times",
    "Valley Gazette",
    "Midland Dispatch",
    "Straits Evening Record",
    "Local Loop News",
    "The Morning Ledger",
    "Capital Courier Online",
]
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December"


@dataclass(frozen=True)
class Person:
    """An invented person: full name, how later sentences refer to them, and a gender."""

    full: str
    ref: str
    gender: str


class Inventor:
    """Invents people and places for one collection, never giving one full name twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        heads, tails = TOWN_HEADS.split(), TOWN_TAILS.split()
        towns = sorted({h + t for h in heads for t in tails})
        tamans = sorted({f"{a} {b}" for a in TAMAN for b in TAMAN_NAMES})
        # A small pool, so several incidents happen in the same town (as in a real region).
        self.towns = rng.sample(towns, 22) + rng.sample(tamans, 8)

    def person(self, gender: str | None = None) -> Person:
        """A new person; ``gender`` "m" or "f", or None for either."""
        rng = self.rng
        while True:
            style = rng.choice(sorted(NAME_STYLES))
            pool = NAME_STYLES[style]
            sex = gender or rng.choice("mf")
            first, last = rng.choice(pool[sex]), rng.choice(pool["last"])
            if style == "chinese":
                full = f"{last} {first}"
                ref = ("Mr " if sex == "m" else "Ms ") + last
            elif style == "malay":
                full = f"{first} {'bin' if sex == 'm' else 'binti'} {last}"
                ref = first.split()[-1] if first.startswith("Mohd") else first.split()[0]
            else:
                full, ref = f"{first} {last}", last
            if full not in self.used:
                self.used.add(full)
                return Person(full, ref, sex)

    def town(self) -> str:
        return self.rng.choice(self.towns)

    def street(self, town: str) -> str:
        if town.split()[0] in TAMAN:
            return f"Jalan {self.rng.choice(JALAN)} {self.rng.randint(1, 12)}"
        return f"{self.rng.choice(STREET_NAMES)} {self.rng.choice(STREET_TYPES)}"


# ---------------------------------------------------------------- templates
# Each sentence is a list of paraphrases; {slots} are filled from the incident's facts.

KINDS: dict[str, dict[str, list]] = {
    "stabbing": {
        "titles": [
            "{victim_age}-year-old stabbed on {street}, man arrested",
            "Man held after stabbing in {town}",
            "{town} stabbing: {victim} in hospital, suspect detained",
            "Police probe knife attack on {street}",
        ],
        "lead": [
            "A {victim_age}-year-old {victim_noun} was stabbed on {street} in {town} at about "
            "{time} on {weekday}, police said.",
            "Police in {town} are investigating after {victim}, {victim_age}, was stabbed on "
            "{street} around {time} on {weekday}.",
            "{victim}, {victim_age}, suffered stab wounds in an attack on {street}, {town}, "
            "shortly before {time} on {weekday} ({date}).",
        ],
        "sentences": [
            [
                "{victim_ref} was taken to {hospital} with wounds to the {wound} and is in a "
                "stable condition.",
                "Paramedics took {victim_ref} to {hospital}, where {victim_pron} was treated "
                "for injuries to the {wound}.",
            ],
            [
                "Officers arrested {suspect}, {suspect_age}, near the scene a short time later.",
                "A {suspect_age}-year-old man, named by police as {suspect}, was detained "
                "within the hour.",
            ],
            [
                "A {weapon} was recovered from a drain a few metres away.",
                "Forensic officers found a {weapon} close to where the attack took place.",
            ],
            [
                '"I heard shouting and then saw {victim_obj} fall," said {witness}, who lives '
                "on {street}.",
                "{witness}, a neighbour, said the fight lasted less than a minute before "
                "{victim_ref} collapsed.",
            ],
            [
                "{official_title} {official} said the two were known to each other and "
                "there was no wider risk to the public.",
                '"We believe this was an isolated incident," {official_title} {official} said.',
            ],
            [
                "Part of {street} was cordoned off for {hours} hours while the scene was examined.",
                "A cordon stayed in place on {street} for about {hours} hours.",
            ],
            [
                "Police have appealed for anyone with doorbell or dashcam footage from {street} "
                "to contact them on {phone}.",
                "Witnesses are asked to call {phone} quoting reference {ref_no}.",
            ],
            [
                "The attack is believed to have followed an argument outside {venue}.",
                "Residents said the row started outside {venue} earlier that evening.",
            ],
        ],
        "follow_up_titles": [
            "{suspect_ref} charged over {town} stabbing",
            "Man in court over knife attack on {street}",
        ],
        "follow_up": [
            [
                "{suspect}, {suspect_age}, appeared at {court} on {fu_weekday} charged with "
                "causing grievous bodily harm with intent.",
                "{suspect}, {suspect_age}, has been charged over the stabbing of {victim} in "
                "{town} and appeared before {court} on {fu_weekday}.",
            ],
            [
                "{victim_ref} has since been discharged from hospital.",
                "The victim, {victim_ref}, left hospital on {fu_weekday}.",
            ],
            [
                "{suspect_ref} was remanded in custody and will appear again on {next_date}.",
                "The case was adjourned until {next_date} and {suspect_ref} was denied bail.",
            ],
        ],
        "background": [
            "Knife crime has risen across the region this year, police figures show, with "
            "officers recording hundreds of incidents involving a blade.",
            "Police said cases of stabbings linked to arguments between acquaintances have "
            "increased this year and urged people to walk away from confrontations.",
            "The force launched a knife amnesty last month, with surrender bins at police "
            "stations across the district.",
        ],
    },
    "burglary": {
        "titles": [
            "{item_cap} worth {amount} stolen in {town} break-in",
            "Burglars raid home on {street}",
            "Police hunt burglars after {town} house raided",
            "{victim}'s home broken into on {street}",
        ],
        "lead": [
            "Burglars broke into a house on {street} in {town} on {weekday} and stole {item} "
            "worth about {amount}, police said.",
            "Police are investigating a burglary at the home of {victim}, {victim_age}, on "
            "{street}, {town}, where {item} valued at {amount} was taken.",
            "{item_cap} worth an estimated {amount} was stolen from a house on {street} in "
            "{town} between {time} and {time2} on {weekday} ({date}).",
        ],
        "sentences": [
            [
                "The intruders got in through {entry} while the family was away.",
                "Officers said the burglars forced {entry} to get inside.",
            ],
            [
                "{victim_ref} returned home at {time2} to find the rooms ransacked.",
                '"Every drawer had been pulled out," said {victim_ref}, who discovered the '
                "break-in at {time2}.",
            ],
            [
                "A neighbour, {witness}, said {witness_pron} saw {n_people} men in dark clothing "
                "leave in a {vehicle}.",
                "{witness}, who lives opposite, reported seeing a {vehicle} parked outside with "
                "its engine running.",
            ],
            [
                "{official_title} {official} said it was the {ordinal} burglary on {street} "
                "this month.",
                '"We are treating this as a targeted burglary," said {official_title} {official}.',
            ],
            [
                "Police arrested {suspect}, {suspect_age}, on {fu_weekday_arrest} in connection "
                "with the break-in.",
                "A {suspect_age}-year-old man, {suspect}, was later arrested on suspicion of "
                "burglary.",
            ],
            [
                "Fingerprints were taken from the {entry_short} and CCTV from nearby houses is "
                "being reviewed.",
                "Forensic teams spent {hours} hours at the property.",
            ],
            [
                "Anyone offered {item} for sale is asked to call {phone}.",
                "Police asked residents of {street} to check their doorbell cameras and call "
                "{phone}.",
            ],
        ],
        "follow_up_titles": [
            "{suspect_ref} charged with {town} burglary",
            "Stolen {item_short} recovered after {street} break-in",
        ],
        "follow_up": [
            [
                "{suspect}, {suspect_age}, was charged with burglary at {court} on {fu_weekday}.",
                "{suspect} appeared at {court} on {fu_weekday} accused of the break-in at "
                "{victim}'s home.",
            ],
            [
                "Some of the stolen {item_short} has been recovered from a pawn shop, police said.",
                "Police said part of the haul, worth {amount_part}, had been recovered.",
            ],
            [
                "{suspect_ref} was released on bail and will return to court on {next_date}.",
            ],
        ],
        "background": [
            "Police said cases of house break-ins have risen this year, especially in homes "
            "left empty during the day.",
            "Residents are urged to fit window locks and motion-sensor lights, which officers "
            "say deter most opportunist burglars.",
            "Burglary figures for the district rose in the last quarter, according to the "
            "latest police report.",
        ],
    },
    "crash": {
        "titles": [
            "{n_injured} hurt as {vehicle} and {vehicle2} collide on {street}",
            "Crash on {street} in {town} leaves {victim_noun} seriously injured",
            "{town} road crash: driver {suspect} arrested",
            "Collision closes {street} for {hours} hours",
        ],
        "lead": [
            "{n_injured_cap} people were hurt when a {vehicle} and a {vehicle2} collided on "
            "{street} in {town} at about {time} on {weekday}.",
            "A {victim_age}-year-old {victim_noun} was seriously injured in a crash between a "
            "{vehicle} and a {vehicle2} on {street}, {town}, on {weekday} ({date}).",
            "Emergency services were called to {street} in {town} at {time} on {weekday} after "
            "a {vehicle} crashed into a {vehicle2}.",
        ],
        "sentences": [
            [
                "The {vehicle} was driven by {suspect}, {suspect_age}, who was arrested on "
                "suspicion of dangerous driving.",
                "Police arrested the driver of the {vehicle}, {suspect}, {suspect_age}.",
            ],
            [
                "{victim}, {victim_age}, who was in the {vehicle2}, was taken to {hospital} "
                "with {injury}.",
                "{victim_ref}, the driver of the {vehicle2}, suffered {injury} and is being "
                "treated at {hospital}.",
            ],
            [
                "{street} was closed for {hours} hours while collision investigators worked at "
                "the scene.",
                "The road stayed closed in both directions for about {hours} hours.",
            ],
            [
                '"The {vehicle} came round the bend far too fast," said {witness}, who saw the '
                "crash.",
                "{witness}, who was waiting at a bus stop, said the {vehicle} overtook a queue "
                "of traffic just before the impact.",
            ],
            [
                "{official_title} {official} said the speed limit on that stretch is {speed} km/h.",
                "The stretch has a {speed} km/h limit, {official_title} {official} said.",
            ],
            [
                "Firefighters had to cut {victim_ref} free from the wreckage.",
                "Rescuers spent {minutes} minutes freeing {victim_ref} from the {vehicle2}.",
            ],
            [
                "Anyone who saw the {vehicle} before the crash is asked to call {phone}.",
                "Police want dashcam footage from drivers on {street} between {time} and {time2}.",
            ],
        ],
        "follow_up_titles": [
            "Driver charged over {street} crash",
            "{suspect_ref} in court after {town} collision",
        ],
        "follow_up": [
            [
                "{suspect}, {suspect_age}, appeared at {court} on {fu_weekday} charged with "
                "causing serious injury by dangerous driving.",
                "The driver of the {vehicle}, {suspect}, has been charged over the crash on "
                "{street} in {town}.",
            ],
            [
                "{victim_ref} remains in hospital but is no longer in a critical condition.",
                "{victim_ref} was discharged from {hospital} on {fu_weekday}.",
            ],
            [
                "{suspect_ref}'s licence was suspended until the trial on {next_date}.",
            ],
        ],
        "background": [
            "Police said road deaths and serious injuries in the district have risen this "
            "year, with speeding blamed for most of them.",
            "The council is reviewing speed limits on several roads after a run of serious "
            "collisions this year.",
            "Road safety campaigners have called for more speed cameras after a series of "
            "crashes in the area.",
        ],
    },
    "fire": {
        "titles": [
            "Family escapes house fire on {street}",
            "Fire guts home in {town}",
            "{n_crews_cap} fire crews tackle blaze on {street}",
            "{town} house fire blamed on {cause_short}",
        ],
        "lead": [
            "A family of {family} escaped unhurt when fire swept through their home on "
            "{street} in {town} at about {time} on {weekday}.",
            "Firefighters were called to a house fire on {street}, {town}, at {time} on "
            "{weekday} ({date}).",
            "Fire destroyed the ground floor of {victim}'s home on {street} in {town} early on "
            "{weekday}.",
        ],
        "sentences": [
            [
                "{n_crews_cap} crews and {n_firefighters} firefighters brought the blaze under "
                "control in {hours} hours.",
                "It took {n_firefighters} firefighters {hours} hours to put the fire out.",
            ],
            [
                "Fire investigators believe it was caused by {cause}.",
                "{official_title} {official} said the likely cause was {cause}.",
            ],
            [
                "{victim}, {victim_age}, said {victim_pron} woke to the smoke alarm and got the "
                "children out.",
                '"The smoke alarm saved our lives," said {victim_ref}, {victim_age}.',
            ],
            [
                "Neighbour {witness} helped the family over the back fence.",
                "{witness}, who lives next door, called the fire service at {time}.",
            ],
            [
                "{victim_ref}'s {pet} was rescued by firefighters and given oxygen.",
                "Firefighters carried the family's {pet} out of the smoke.",
            ],
            [
                "{official_title} {official} urged residents to test their smoke alarms every "
                "month.",
                '"Working smoke alarms give you time to get out," {official_title} {official} '
                "said.",
            ],
            [
                "Neighbours have raised {amount} online to help the family.",
                "A collection for the family on {street} has raised {amount}.",
            ],
        ],
        "follow_up_titles": [
            "{street} fire family thanks neighbours",
            "Cause of {town} house fire confirmed",
        ],
        "follow_up": [
            [
                "Investigators confirmed on {fu_weekday} that the fire at {victim}'s home in "
                "{town} was caused by {cause}.",
                "The fire on {street} in {town} was accidental, fire officers said on "
                "{fu_weekday}.",
            ],
            [
                "The family is staying with relatives while the house is repaired.",
                "{victim_ref} thanked the firefighters and neighbours who helped.",
            ],
            ["The fund for the family has now passed {amount_more}."],
        ],
        "background": [
            "Fire services said cases of house fires caused by charging batteries and heaters "
            "have risen this year.",
            "The fire service offers free home safety checks and smoke alarms to residents "
            "who ask for them.",
            "House fires in the district rose last year, with kitchens the most common place "
            "for a fire to start.",
        ],
    },
    "scam": {
        "titles": [
            "{victim_noun_cap}, {victim_age}, loses {amount} to {platform_short} scam",
            "{town} resident cheated of {amount}",
            "Police arrest suspect in {amount} {platform_short} scam",
            "Scam victim {victim} loses life savings",
        ],
        "lead": [
            "A {victim_age}-year-old {victim_noun} from {town} lost {amount} after being "
            "tricked by scammers on {platform}, police said on {weekday}.",
            "{victim}, {victim_age}, of {street}, {town}, was cheated of {amount} in a scam "
            "that began with a message on {platform}.",
            "Police in {town} said on {weekday} ({date}) that a resident lost {amount} to "
            "fraudsters who contacted {victim_obj} through {platform}.",
        ],
        "sentences": [
            [
                "The scammers posed as officers from {bank} and said {victim_poss} account had "
                "been used for money laundering.",
                "The caller claimed to be from {bank} and told {victim_ref} to move money to a "
                "'safe account'.",
            ],
            [
                "{victim_ref} made {n_transfers} transfers over {weeks} weeks before realising "
                "it was a scam.",
                "Over {weeks} weeks, {victim_ref} sent {n_transfers} payments to accounts "
                "controlled by the syndicate.",
            ],
            [
                "Police arrested {suspect}, {suspect_age}, who is believed to have opened the "
                "account that received the money.",
                "A {suspect_age}-year-old, {suspect}, was arrested on suspicion of being a "
                "money mule.",
            ],
            [
                "{official_title} {official} said {n_victims} other residents had reported "
                "similar calls this month.",
                '"These syndicates target anyone who picks up the phone," {official_title} '
                "{official} said.",
            ],
            [
                "{victim_ref}'s {relation}, {witness}, noticed the account was empty and "
                "called the police.",
                "It was {witness}, {victim_poss} {relation}, who realised something was wrong.",
            ],
            [
                "The bank froze {amount_part} of the money before it could be withdrawn.",
                "Only {amount_part} has been recovered so far.",
            ],
            [
                "Police said no bank will ever ask customers to transfer money to a safe account.",
                "Anyone who receives such a call should hang up and dial {phone}.",
            ],
        ],
        "follow_up_titles": [
            "Money mule charged over {amount} scam",
            "{suspect_ref} charged after {town} resident lost {amount}",
        ],
        "follow_up": [
            [
                "{suspect}, {suspect_age}, was charged at {court} on {fu_weekday} with "
                "receiving the proceeds of fraud.",
                "{suspect} was charged on {fu_weekday} over the scam that cost {victim} {amount}.",
            ],
            [
                "Police are still tracing the rest of the {amount} sent by {victim_ref}.",
                "{victim_ref} has not recovered most of the money.",
            ],
            ["{suspect_ref} was released on bail of {bail}."],
        ],
        "background": [
            "Police said cases of online scams have risen this year, with losses running into "
            "millions.",
            "Police said impersonation scams, in which callers pose as bank staff or officials, "
            "are the most common fraud reported this year.",
            "Banks have introduced a cooling-off period for large transfers after a surge in "
            "scam cases this year.",
        ],
    },
}

SINGLETONS_TEXT: list[tuple[str, list[str]]] = [
    (
        "{town} council approves budget for new sports hall",
        [
            "Councillors in {town} approved a budget of {amount} on {weekday} for a new sports "
            "hall on {street}.",
            "Council leader {official} said building would start in the autumn.",
            "The hall will have four badminton courts and a climbing wall.",
            "Opposition councillor {witness} said the money should go to road repairs.",
        ],
    ),
    (
        "{town} library reopens after refurbishment",
        [
            "The public library on {street} in {town} reopened on {weekday} after an "
            "eight-month refurbishment costing {amount}.",
            "Head librarian {official} said the new children's corner was already busy.",
            "The library now opens on Sunday afternoons for the first time.",
        ],
    ),
    (
        "{town} Rovers win cup final on penalties",
        [
            "{town} Rovers won the regional cup final on penalties on {weekday} after a 2-2 draw.",
            "Goalkeeper {victim} saved two spot kicks in the shoot-out.",
            "Manager {official} said it was the club's first trophy in {n_people}0 years.",
            "More than {n_firefighters}00 fans travelled to the match.",
        ],
    ),
    (
        "Heavy rain warning for {town} this weekend",
        [
            "Forecasters issued a heavy rain warning for {town} and surrounding areas from "
            "{weekday} evening.",
            "Up to {speed} mm of rain could fall in 24 hours, meteorologist {official} said.",
            "Residents near the river were advised to move cars from low-lying streets.",
        ],
    ),
    (
        "Food festival returns to {street}",
        [
            "The annual food festival returns to {street} in {town} this {weekday} with more "
            "than {n_firefighters} stalls.",
            "Organiser {official} said this year's theme was street food from around the world.",
            "Entry is free and the street will be closed to traffic from {time}.",
        ],
    ),
    (
        "New bus route links {town} to the hospital",
        [
            "A new bus route linking {town} to {hospital} starts on {weekday}.",
            "Buses will run every {minutes} minutes from {street}, transport officer "
            "{official} said.",
            "Fares will be capped at the standard single ticket price.",
        ],
    ),
    (
        "{town} school celebrates exam results",
        [
            "Pupils at {town} High School celebrated record exam results on {weekday}.",
            "Head teacher {official} said {speed} per cent of pupils passed five or more subjects.",
            "Student {victim} scored top marks in mathematics and physics.",
        ],
    ),
    (
        "Charity run raises {amount} for children's ward",
        [
            "More than {n_firefighters}0 runners took part in a charity run in {town} on "
            "{weekday}, raising {amount} for the children's ward at {hospital}.",
            "Organiser {official} said the route along {street} was lined with supporters.",
            "The fastest runner, {victim}, finished the 10 km course in under 35 minutes.",
        ],
    ),
    (
        "{town} start-up raises {amount} to build delivery robots",
        [
            "A {town} start-up making small delivery robots has raised {amount} from investors.",
            "Founder {official} said the robots would be tested on {street} next month.",
            "The company employs {n_firefighters} people and plans to double that this year.",
        ],
    ),
    (
        "Museum opens exhibition of old maps",
        [
            "The {town} museum opened an exhibition of hand-drawn maps on {weekday}.",
            "Curator {official} said some of the maps were more than 200 years old.",
            "The exhibition runs until the end of the summer and entry is free.",
        ],
    ),
    (
        "Water main repairs to close {street} for a week",
        [
            "{street} in {town} will close for a week from {weekday} while a burst water main "
            "is replaced.",
            "The water company's engineer {official} said diversions would be signposted.",
            "Residents may notice low water pressure during the work.",
        ],
    ),
    (
        "Cycle lane plan for {street} divides residents",
        [
            "Plans for a protected cycle lane on {street} in {town} have divided residents.",
            "Shop owner {witness} said losing parking spaces would hurt trade.",
            "Cycling group chair {official} said the lane would make the street safer.",
            "A public consultation closes on {next_date}.",
        ],
    ),
    (
        "{town} farmers' market wins regional award",
        [
            "The {town} farmers' market has been named the best in the region.",
            "Market manager {official} said {n_firefighters} traders now sell there every "
            "Saturday.",
            "Stallholder {victim} said the award would bring more visitors.",
        ],
    ),
    (
        "Film crew to shoot period drama in {town}",
        [
            "A film crew will shoot scenes for a period drama on {street} in {town} next week.",
            "Location manager {official} said residents would be paid for any disruption.",
            "Extras are being sought to play market traders.",
        ],
    ),
    (
        "Community garden opens on former car park",
        [
            "A community garden has opened on a former car park off {street} in {town}.",
            "Volunteer {witness} said more than {n_firefighters} families have signed up for "
            "plots.",
            "The project was funded with a grant of {amount} from the council.",
        ],
    ),
    (
        "Orchestra plays free concert in {town} park",
        [
            "The city youth orchestra played a free concert in {town}'s central park on {weekday}.",
            "Conductor {official} said about {n_firefighters}00 people attended.",
            "The next concert is planned for {next_date}.",
        ],
    ),
]

OFFICIAL_TITLES = {
    "stabbing": ["Superintendent", "Chief Inspector", "Detective Inspector", "Inspector"],
    "burglary": ["Detective Sergeant", "Inspector", "Chief Inspector"],
    "crash": ["Sergeant", "Inspector", "Superintendent"],
    "fire": ["Station Commander", "Fire Chief", "Watch Manager"],
    "scam": ["Superintendent", "Detective Inspector", "Commercial Crime Chief"],
}


# ---------------------------------------------------------------- the collection


@dataclass
class Incident:
    """One invented incident: its kind, its facts (template slots) and its reports."""

    id: str
    kind: str
    day: int  # days after FIRST_DAY
    facts: dict[str, str]
    reports: list[str] = field(default_factory=list)  # record ids


def day_text(day: int) -> tuple[str, str]:
    d = FIRST_DAY + timedelta(days=day)
    return WEEKDAYS[d.weekday()], f"{MONTHS.split()[d.month - 1]} {d.day}"


def clock(rng: random.Random) -> str:
    hour, minute = rng.randint(1, 12), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    return f"{hour}.{minute:02d}{rng.choice(['am', 'pm'])}"


def money(rng: random.Random, low: int, high: int) -> tuple[str, int]:
    value = rng.randrange(low, high, 50)
    currency = rng.choice(["$", "RM", "£", "N"])
    if currency == "N":  # naira amounts run a hundred times larger
        value *= 100
    return f"{currency}{value:,}", value


def incident_facts(kind: str, day: int, inventor: Inventor, rng: random.Random) -> dict[str, str]:
    """Every slot any template of this kind may use, invented for one incident."""
    # Suspects are men: several templates say "a 34-year-old man, named as ...".
    victim, suspect = inventor.person(), inventor.person("m")
    witness, official = inventor.person(), inventor.person()
    town = inventor.town()
    weekday, date_text = day_text(day)
    fu_day = day + rng.randint(3, 8)
    fu_weekday, _ = day_text(fu_day)
    arrest_weekday, _ = day_text(day + rng.randint(0, 2))
    _, next_date = day_text(day + rng.randint(20, 50))
    amount, value = money(rng, 800, 250_000)
    currency = amount.rstrip("0123456789,")
    vehicles = [
        "white pickup truck",
        "red hatchback",
        "silver saloon",
        "delivery van",
        "motorcycle",
        "lorry",
        "black SUV",
        "taxi",
        "blue minibus",
    ]
    vehicle, vehicle2 = rng.sample(vehicles, 2)
    n_injured = rng.randint(2, 5)
    n_crews = rng.randint(2, 6)
    cause = rng.choice(
        [
            ("an electric scooter battery left charging", "a charging battery"),
            ("unattended cooking in the kitchen", "unattended cooking"),
            ("a faulty portable heater", "a faulty heater"),
            ("a candle left burning in a bedroom", "a candle"),
            ("an electrical fault in the loft", "an electrical fault"),
        ]
    )
    item = rng.choice(
        [
            ("jewellery and watches", "jewellery"),
            ("two laptops and a games console", "laptops"),
            ("a safe containing cash", "cash"),
            ("designer handbags", "handbags"),
            ("gold bangles", "gold"),
            ("power tools", "tools"),
        ]
    )
    entry = rng.choice(
        [
            ("a rear window", "window frame"),
            ("the back door", "door lock"),
            ("the garage side door", "garage door"),
            ("a kitchen window", "window sill"),
        ]
    )
    platform = rng.choice(
        [
            ("WhatsApp", "WhatsApp"),
            ("Telegram", "Telegram"),
            ("a dating app", "dating app"),
            ("a fake investment app", "investment"),
            ("a phone call", "phone"),
        ]
    )
    pron = {"m": ("he", "him", "his", "man"), "f": ("she", "her", "her", "woman")}
    v = pron[victim.gender]
    return {
        "victim": victim.full,
        "victim_ref": victim.ref,
        "victim_pron": v[0],
        "victim_obj": v[1],
        "victim_poss": v[2],
        "victim_noun": v[3],
        "victim_noun_cap": v[3].capitalize(),
        "victim_age": str(rng.randint(17, 84)),
        "suspect": suspect.full,
        "suspect_ref": suspect.ref,
        "suspect_age": str(rng.randint(16, 62)),
        "witness": witness.full,
        "witness_pron": pron[witness.gender][0],
        "official": official.full,
        "official_title": rng.choice(OFFICIAL_TITLES[kind]),
        "town": town,
        "street": inventor.street(town),
        "weekday": weekday,
        "date": date_text,
        "fu_day": str(fu_day),
        "fu_weekday": fu_weekday,
        "fu_weekday_arrest": arrest_weekday,
        "next_date": next_date,
        "time": clock(rng),
        "time2": clock(rng),
        "hours": str(rng.randint(2, 9)),
        "minutes": str(rng.randint(15, 70)),
        "hospital": rng.choice(
            [f"{town} General Hospital", f"{town} District Hospital", "the regional hospital"]
        ),
        "court": f"{town} {rng.choice(['Magistrates', 'Sessions', 'District'])} Court",
        "phone": f"0{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        "ref_no": f"{rng.randint(10, 99)}/{rng.randint(1000, 9999)}",
        "wound": rng.choice(["chest", "arm", "abdomen", "back", "leg", "neck"]),
        "weapon": rng.choice(["kitchen knife", "machete", "box cutter", "screwdriver"]),
        "venue": rng.choice(
            ["a kebab shop", "a petrol station", "a night market stall", "a snooker hall"]
        ),
        "amount": amount,
        "amount_part": f"{currency}{value // rng.randint(3, 8):,}",
        "amount_more": f"{currency}{value + rng.randint(1, 40) * 100:,}",
        "bail": f"{currency}{rng.randint(2, 30) * 1000:,}",
        "item": item[0],
        "item_cap": item[0][0].upper() + item[0][1:],
        "item_short": item[1],
        "entry": entry[0],
        "entry_short": entry[1],
        "vehicle": vehicle,
        "vehicle2": vehicle2,
        "n_people": str(rng.randint(2, 4)),
        "n_injured": str(n_injured),
        "n_injured_cap": ["Two", "Three", "Four", "Five"][n_injured - 2],
        "injury": rng.choice(["head injuries", "a broken leg", "chest injuries", "burns"]),
        "speed": str(rng.choice([30, 40, 50, 60, 70, 80])),
        "ordinal": rng.choice(["second", "third", "fourth"]),
        "n_crews_cap": ["Two", "Three", "Four", "Five", "Six"][n_crews - 2],
        "n_firefighters": str(n_crews * rng.randint(4, 6)),
        "family": rng.choice(["three", "four", "five", "six"]),
        "cause": cause[0],
        "cause_short": cause[1],
        "pet": rng.choice(["dog", "cat", "two cats", "rabbit", "parrot"]),
        "platform": platform[0],
        "platform_short": platform[1],
        "bank": rng.choice(["a local bank", "the central bank", "a credit card company"]),
        "n_transfers": str(rng.randint(3, 19)),
        "weeks": str(rng.randint(2, 9)),
        "n_victims": str(rng.randint(2, 14)),
        "relation": rng.choice(["son", "daughter", "nephew", "niece", "neighbour"]),
    }


def write_report(
    rng: random.Random, kind: str, facts: dict[str, str], follow_up: bool, background_share: float
) -> tuple[str, str]:
    """Title and body of one outlet's report of an incident (or a follow-up to it).

    The background paragraph is drawn whatever ``background_share`` is, so collections made
    with and without background paragraphs differ in those paragraphs only.
    """
    spec = KINDS[kind]
    if follow_up:
        title = rng.choice(spec["follow_up_titles"])
        chosen = [s for s in spec["follow_up"] if rng.random() < 0.8] or spec["follow_up"][:1]
        lines = [rng.choice(s) for s in chosen]
        if rng.random() < 0.5:  # a reminder of the event, with fewer details
            lines.insert(1, rng.choice(spec["lead"]))
    else:
        title = rng.choice(spec["titles"])
        count = rng.randint(min(4, len(spec["sentences"])), len(spec["sentences"]))
        body = rng.sample(spec["sentences"], count)
        lines = [rng.choice(spec["lead"])] + [rng.choice(s) for s in body]
    roll, background = rng.random(), rng.choice(spec["background"])
    position = rng.randint(1, len(lines))
    if roll < background_share:
        lines.insert(position, background)
    text = "\n\n".join(line.format(**facts) for line in lines)
    return title.format(**facts), text


def collection(
    seed: int, incidents: int, singletons: int, background_share: float = BACKGROUND_SHARE
) -> tuple[list[Article], Gold, dict]:
    """An invented collection: articles, gold incident of each record id, incident facts."""
    rng = random.Random(seed)
    inventor = Inventor(rng)
    kinds = sorted(KINDS)
    rows: list[tuple[str, str, str, str, str]] = []  # record id, title, text, day, outlet
    gold: Gold = {}
    info: dict[str, dict] = {}
    for n in range(incidents):
        kind = kinds[n % len(kinds)]
        day = rng.randrange(DAYS)
        facts = incident_facts(kind, day, inventor, rng)
        incident_id = f"s{seed}-{kind}-{n:02d}"
        outlets = rng.sample(OUTLETS, rng.randint(2, 6))
        records = []
        for k, outlet in enumerate(outlets):
            title, text = write_report(rng, kind, facts, False, background_share)
            records.append(
                (f"{incident_id}-r{k}", title, text, day + rng.choice([0, 0, 1]), outlet)
            )
        if rng.random() < FOLLOW_UP_SHARE:
            title, text = write_report(rng, kind, facts, True, background_share)
            later = int(facts["fu_day"]) + rng.choice([0, 0, 1])
            records.append((f"{incident_id}-f", title, text, later, rng.choice(OUTLETS)))
        for record in records:
            rows.append(record)
            gold[record[0]] = {incident_id}
        info[incident_id] = {
            "kind": kind,
            "town": facts["town"],
            "street": facts["street"],
            "day": (FIRST_DAY + timedelta(days=day)).isoformat(),
            "victim": facts["victim"],
            "reports": len(records),
            "title": records[0][1],
        }
    for n, (title, sentences) in enumerate(rng.sample(SINGLETONS_TEXT, singletons)):
        facts = incident_facts("stabbing", 0, inventor, rng)  # only the neutral slots are used
        day = rng.randrange(DAYS)
        facts["weekday"] = day_text(day)[0]
        record_id = f"s{seed}-other-{n:02d}"
        text = "\n\n".join(s.format(**facts) for s in sentences)
        rows.append((record_id, title.format(**facts), text, day, rng.choice(OUTLETS)))
        gold[record_id] = {record_id}
        info[record_id] = {
            "kind": "other",
            "town": facts["town"],
            "reports": 1,
            "title": rows[-1][1],
        }
    rng.shuffle(rows)
    articles = [
        Article(
            id=content_id(text),
            input=record_id,
            text=text,
            title=title,
            published=(FIRST_DAY + timedelta(days=day)).isoformat(),
            outlet=outlet,
            kind="jsonl",
        )
        for record_id, title, text, day, outlet in rows
    ]
    return articles, gold, info


# ---------------------------------------------------------------- scoring and errors


def run_storyweave(articles: Sequence[Article], **options) -> tuple[dict[str, str], float]:
    """Story of each record id, and seconds taken, with the `cluster` command's function."""
    start = time.perf_counter()
    stories = cluster_articles(articles, StoryClusterer(seed=1), **options)
    seconds = time.perf_counter() - start
    return {a.input: story_id for story_id, members in stories for a in members}, seconds


def mixed_stories(predicted: dict[str, str], gold: Gold, info: dict, worst: int = 5) -> list:
    """The predicted stories joining most incidents (then the least pure), with what they join."""
    members: dict[str, list[str]] = defaultdict(list)
    for record_id, story in predicted.items():
        members[story].append(record_id)
    found = []
    for story, records in members.items():
        incidents = Counter(next(iter(gold[r])) for r in records)
        if len(incidents) < 2:
            continue
        purity = max(incidents.values()) / len(records)
        joined = [
            {
                "incident": i,
                "reports_here": c,
                "reports_total": info[i]["reports"],
                "kind": info[i]["kind"],
                "town": info[i]["town"],
                "day": info[i].get("day"),
                "title": info[i]["title"],
            }
            for i, c in sorted(incidents.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        kinds = sorted({j["kind"] for j in joined})
        towns = sorted({j["town"] for j in joined})
        found.append(
            {
                "story": story,
                "size": len(records),
                "incidents": len(incidents),
                "purity": round(purity, 3),
                "kinds": kinds,
                "same_kind": len(kinds) == 1,
                "same_town": len(towns) == 1,
                "joins": joined,
            }
        )
    found.sort(key=lambda s: (-s["incidents"], s["purity"], -s["size"], s["story"]))
    return found[:worst]


def split_incidents(predicted: dict[str, str], gold: Gold, info: dict, worst: int = 5) -> list:
    """The incidents spread over most predicted stories, with the size of each piece."""
    pieces: dict[str, Counter] = defaultdict(Counter)
    follow_ups: dict[str, set[str]] = defaultdict(set)
    for record_id, labels in gold.items():
        incident = next(iter(labels))
        pieces[incident][predicted[record_id]] += 1
        if record_id.endswith("-f"):
            follow_ups[incident].add(predicted[record_id])
    found = []
    for incident, stories in pieces.items():
        if len(stories) < 2:
            continue
        largest = stories.most_common(1)[0][0]
        found.append(
            {
                "incident": incident,
                "kind": info[incident]["kind"],
                "town": info[incident]["town"],
                "reports": info[incident]["reports"],
                "stories": len(stories),
                "piece_sizes": sorted(stories.values(), reverse=True),
                "follow_up_split_off": bool(follow_ups[incident] - {largest}),
            }
        )
    found.sort(key=lambda s: (-s["stories"], -s["reports"], s["incident"]))
    return found[:worst]


def by_kind(predicted: dict[str, str], gold: Gold, info: dict) -> dict[str, dict[str, float]]:
    """B-cubed precision and recall averaged over the reports of each kind (whole-collection
    stories, so a burglary story that took a scam report lowers the scam precision)."""
    stories: dict[str, list[str]] = defaultdict(list)
    incidents: dict[str, list[str]] = defaultdict(list)
    for record_id, labels in gold.items():
        stories[predicted[record_id]].append(record_id)
        incidents[next(iter(labels))].append(record_id)
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for record_id, labels in gold.items():
        incident = next(iter(labels))
        same = stories[predicted[record_id]]
        mates = incidents[incident]
        row = sums[info[incident]["kind"]]
        row[0] += sum(gold[j] == labels for j in same) / len(same)
        row[1] += sum(predicted[j] == predicted[record_id] for j in mates) / len(mates)
        row[2] += 1
    return {
        kind: {"precision": p / n, "recall": r / n, "reports": n}
        for kind, (p, r, n) in sorted(sums.items())
    }


def error_summary(predicted: dict[str, str], gold: Gold, info: dict) -> dict:
    """Counts of mixed stories (same kind or not) and split incidents (follow-up or not)."""
    mixed = mixed_stories(predicted, gold, info, worst=10**6)
    split = split_incidents(predicted, gold, info, worst=10**6)
    incidents = [i for i in info if info[i]["kind"] != "other"]
    with_follow_up = sum(1 for r in gold if r.endswith("-f"))
    return {
        "mixed_stories": len(mixed),
        "mixed_same_kind": sum(s["same_kind"] for s in mixed),
        "mixed_same_town": sum(s["same_town"] for s in mixed),
        "split_incidents": len(split),
        "split_by_follow_up_only": sum(
            1 for s in split if s["follow_up_split_off"] and s["piece_sizes"][1:] == [1]
        ),
        "follow_ups": with_follow_up,
        "follow_ups_split_off": sum(s["follow_up_split_off"] for s in split),
        "incidents": len(incidents),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    parser.add_argument("--incidents", type=int, default=INCIDENTS)
    parser.add_argument("--singletons", type=int, default=min(SINGLETONS, len(SINGLETONS_TEXT)))
    args = parser.parse_args()
    methods = {
        "storyweave batch (fit)": {},
        "storyweave incremental, 1 at a time": {"incremental": True, "batch_size": 1},
        f"storyweave incremental, batches of {INCREMENTAL_BATCH}": {
            "incremental": True,
            "batch_size": INCREMENTAL_BATCH,
        },
    }
    baseline = "TF-IDF average-link, best threshold"
    per_seed: dict[str, dict] = {}
    for seed in args.seeds:
        articles, gold, info = collection(seed, args.incidents, args.singletons)
        rows: dict[str, dict] = {}
        errors: dict[str, dict] = {}
        # MiniLM vectors are kept per text for the process: embed once up front, so every
        # method's seconds are clustering alone (the first would otherwise pay for all).
        start = time.perf_counter()
        meanings(articles)
        embed_seconds = time.perf_counter() - start
        for label, options in methods.items():
            print(f"... seed {seed}: {label}", file=sys.stderr, flush=True)
            predicted, seconds = run_storyweave(articles, **options)
            rows[label] = {
                **bcubed(predicted, gold),
                "seconds": round(seconds, 2),
                "stories": len(set(predicted.values())),
            }
            errors[label] = {
                "summary": error_summary(predicted, gold, info),
                "by_kind": by_kind(predicted, gold, info),
                "worst_mixed_stories": mixed_stories(predicted, gold, info),
                "most_split_incidents": split_incidents(predicted, gold, info),
            }
        print(f"... seed {seed}: {baseline}", file=sys.stderr, flush=True)
        best = average_link_sweep(articles, tfidf_similarity(articles), {"gold": gold})
        rows[baseline] = {**best["scores"]["gold"], "threshold": best["threshold"]}
        # Ablation: the same collection with no background paragraphs (the shared text that
        # makes incidents of one kind look alike), batch clustering only.
        plain, _, _ = collection(seed, args.incidents, args.singletons, background_share=0.0)
        meanings(plain)
        print(f"... seed {seed}: {ABLATION}", file=sys.stderr, flush=True)
        predicted, seconds = run_storyweave(plain)
        rows[ABLATION] = {
            **bcubed(predicted, gold),
            "seconds": round(seconds, 2),
            "stories": len(set(predicted.values())),
        }
        per_seed[str(seed)] = {
            "articles": len(articles),
            "incidents": args.incidents,
            "singletons": args.singletons,
            "gold_stories": len({next(iter(v)) for v in gold.values()}),
            "follow_ups": sum(1 for r in gold if r.endswith("-f")),
            "embedding_seconds": round(embed_seconds, 2),
            "scores": rows,
            "errors": errors,
        }
    labels = [*methods, baseline, ABLATION]
    summary = {
        label: {
            "mean_f1": statistics.fmean(per_seed[s]["scores"][label]["f1"] for s in per_seed),
            "min_f1": min(per_seed[s]["scores"][label]["f1"] for s in per_seed),
            "mean_precision": statistics.fmean(
                per_seed[s]["scores"][label]["precision"] for s in per_seed
            ),
            "mean_recall": statistics.fmean(
                per_seed[s]["scores"][label]["recall"] for s in per_seed
            ),
        }
        for label in labels
    }
    print(
        f"Look-alike local incidents (invented): {args.incidents} incidents of "
        f"{len(KINDS)} kinds over {DAYS} days + {args.singletons} singletons per seed. "
        f"JOIN_THRESHOLD={JOIN_THRESHOLD}\n"
    )
    print("| seed | articles | gold stories | method | P | R | F1 | stories | s (cluster) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for seed, result in per_seed.items():
        for label in labels:
            row = result["scores"][label]
            extra = f" (threshold {row['threshold']:.2f})" if "threshold" in row else ""
            seconds = f"{row['seconds']:.1f}" if "seconds" in row else ""
            print(
                f"| {seed} | {result['articles']} | {result['gold_stories']} | {label}{extra} "
                f"| {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} "
                f"| {row.get('stories', '')} | {seconds} |"
            )
    embeds = ", ".join(f"{r['embedding_seconds']:.1f}" for r in per_seed.values())
    print(f"\nMiniLM embeddings, computed once per seed before the runs: {embeds} s")
    print(f"\n| method | mean P | mean R | mean F1 | min F1 ({len(per_seed)} seeds) |")
    print("|---|---|---|---|---|")
    for label, s in summary.items():
        print(
            f"| {label} | {s['mean_precision']:.3f} | {s['mean_recall']:.3f} "
            f"| {s['mean_f1']:.3f} | {s['min_f1']:.3f} |"
        )
    write_results(
        RESULTS,
        {
            "join_threshold": JOIN_THRESHOLD,
            "config": {
                "incidents": args.incidents,
                "singletons": args.singletons,
                "days": DAYS,
                "kinds": sorted(KINDS),
                "background_share": BACKGROUND_SHARE,
                "follow_up_share": FOLLOW_UP_SHARE,
                "incremental_batch": INCREMENTAL_BATCH,
            },
            "seeds": per_seed,
            "summary": summary,
        },
    )


if __name__ == "__main__":
    main()
