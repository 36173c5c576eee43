"""People, organisations and places, merged across sources and spellings.

Mentions (storyweave.nlp.mentions) are grouped by their folded spelling; each group gets one
type by vote; groups then join when they name the same thing:

- people: the same or near-same surname and compatible given names (transliterations,
  initials); a surname alone joins the one full name that carries it, and nothing when
  several people share it;
- organisations and places: spelling variants differing in one long word;
- acronyms: defined in parentheses anywhere in the story, or spelling the initials of exactly
  one long name;
- a garbled acronym ("NTO" for "NDTO"): one letter short of exactly one defined acronym, never
  defined itself, and used in a source that also names the full organisation. Risk: two real
  bodies whose acronyms differ by one letter and appear in the same report would be merged.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz.distance import JaroWinkler
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from storyweave.models import Entity, Source
from storyweave.nlp.aliases import (
    CORPORATE_WORDS,
    ORG_WORDS,
    TITLES,
    dropped_letter_variant,
    expands,
    fold,
    is_acronym,
    is_org_word,
    same_name,
    same_person,
    skeleton,
    split_person,
    surnames_match,
)
from storyweave.nlp.mentions import (
    PORTFOLIO_WORDS,
    Mention,
    in_credit,
    in_title_case_heading,
    known_surnames,
    qualifies_title,
    source_mentions,
)
from storyweave.nlp.places import (
    PLACE_PREFIXES,
    PLACE_WORDS,
    has_place_word,
    is_country,
    is_known_place,
)

# When votes tie, the more specific reading wins: a place name tagged ORG as often as GPE is
# more often a city than a body (checked on the seed story and invented fixtures).
TYPE_PRIORITY = ("PLACE", "ORG", "PERSON", "EVENT", "OTHER")
# Shortest alias searched again in the text to count mentions the tagger missed; two-letter
# words are too often something else, unless they are acronyms.
MIN_RESCAN_CHARS = 3


class _Union:
    """Union-find over group keys; the smallest key is the root, so results are stable."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def clusters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self.parent):
            out[self.find(key)].append(key)
        return out


# Share of a name's mentions written after "in", "at" or "near" that makes a known city of
# any size (one word too) the place, not what the tagger took it for.
LOCATED_SHARE = 3
# A lone surname of a person in the story is that person unless at least one in this many of
# its mentions is tagged a place.
PLACE_VOTE_SHARE = 3


def _personal_shape(key: str) -> bool:
    words = key.split()
    return 1 <= len(words) <= 4 and not any(w in ORG_WORDS for w in words)


def _group_type(
    mentions: list[Mention],
    surnames: set[str],
    words: frozenset[str],
    determined: frozenset[tuple[str, int]],
    located: frozenset[tuple[str, int]] = frozenset(),
    aged: frozenset[tuple[str, int]] = frozenset(),
    headed: bool = False,
    attributive: frozenset[tuple[str, int]] = frozenset(),
) -> str | None:
    """The type of a group of same-spelt mentions, or None when it is no name at all.

    ``words`` holds the lower-case words the sources use, to tell a common word the tagger
    took for a person ("Quarantine") from a name; ``determined`` the (source, start) of the
    mentions written after "the"; ``located`` those written after "in", "at" or "near";
    ``aged`` those followed by an age ("Iskandar Rahmat, 46, ..."); ``headed`` tells that
    every mention stands in a heading line, where a tagger reads any capitalised run as a name;
    ``attributive`` holds the mentions written before the body or area they name ("Nee Soon
    Town Council", "Nee Soon GRC").
    """
    kind = _voted_type(mentions, surnames, determined)
    text = mentions[0].text
    if _run_together(text):
        return None
    key = fold(text)
    if _time_zone(text):
        return None  # "11.40am Singapore Time": a clock, no one and nowhere
    if re.fullmatch(r"(?:fy|q[1-4]|h[12])\s?['’]?\d{2,4}", key):
        return None  # "FY2026", "Q3 2025", "H1 2024": a period of accounts
    if _law(key) and not any(m.titled for m in mentions):
        return "OTHER"  # "the Workplace Fairness Bill", tagged a person: a law, no one
    if kind is not None and kind != "PLACE" and _address(key):
        return "PLACE"  # "Block 116 Bishan Street", "Bukit Timah Expressway" tagged ORG
    if (
        kind != "PERSON"
        and any((m.sid, m.start) in aged for m in mentions)
        and _personal_shape(key)
        and not is_known_place(text)
    ):
        return "PERSON"  # the tagger's organisation or place, given an age: a person
    placed = sum((m.sid, m.start) in located for m in mentions)
    located_share = placed * 2 >= len(mentions)
    # A city a gazetteer knows, written where a place goes ("In La Ceiba, ...", "in Goma")
    # at least once in LOCATED_SHARE of its mentions, is that city whatever the tagger says.
    city = placed * LOCATED_SHARE >= len(mentions) and is_known_place(text, any_size=True)
    if kind in ("ORG", "OTHER") and placed and city:
        return "PLACE"
    if kind == "PERSON" and any(w.rstrip(".") in CORPORATE_WORDS for w in key.split()[1:]):
        return "ORG"  # "Theta Edge Bhd said": a company speaks too
    if kind == "PERSON" and (
        any(c.isdigit() for c in key)
        or all(w in TITLES or w in PORTFOLIO_WORDS for w in key.split())
    ):
        return None  # "Law Minister", "Home Affairs Minister", "Ho S$5,600": no one's name
    if (
        kind == "PERSON"
        and len(mentions) >= 2
        and sum((m.sid, m.start) in attributive or (m.sid, m.start) in located for m in mentions)
        * 2
        > len(mentions)
        and not any(m.titled or m.speaks for m in mentions)
    ):
        return "PLACE"  # "Nee Soon GRC", "a Nee Soon flat", "in Nee Soon": an area
    if (
        kind in ("ORG", "PLACE", "OTHER")
        and len(key.split()) >= 2
        and key.split()[-1] in (EVENT_WORDS)
    ):
        return "EVENT"  # "General Election", "Asian Games", "Budget Summit": something that happens
    if kind == "PERSON" and len(key.split()) >= 2 and key.split()[-1] in ORG_WORDS:
        if not any(m.titled for m in mentions):
            return "ORG"  # "Red Dot United said": a party, however often it speaks
    last = text.split()[-1]
    if (
        kind == "PERSON"
        and len(key.split()) >= 2
        and is_acronym(last)
        and last.casefold() not in TITLES
        and not any(m.titled or m.speaks for m in mentions)
    ):
        # "Harlow-Vent GRC", "Tarvo Central MRT": a constituency or a station; "Kessel NRB": a body.
        return "PLACE" if last.casefold() in AREA_ACRONYMS else "ORG"
    if kind == "PERSON" and headed and len(key.split()) >= 2 and key.split()[0] in words:
        return None  # "Netizen Criticises Shanmugam", a sub-heading, only ever in headings
    if kind != "PERSON" or any(m.titled or m.speaks for m in mentions):
        return kind
    if has_place_word(text) or is_known_place(text) or (placed and city):
        return "PLACE"  # "Johor Bahru", "Taman Tasek" tagged as persons
    if located_share:
        return "PLACE"  # "a fire in Hougang", "the stall at Ang Mo Kio": where, not who
    if len(key.split()) >= 2 and any(w in ORG_WORDS for w in key.split()):
        return "ORG"  # "Bina Group Bhd"
    if " " not in key and text not in surnames and key in words:
        return None  # "Quarantine", a heading word, written in lower case elsewhere
    return kind


ZONE_WORDS = frozenset(
    "eastern central pacific mountain atlantic greenwich universal coordinated standard daylight "
    "summer winter local mean european".split()
)


def _time_zone(name: str) -> bool:
    """Whether a name is a time zone: "Singapore Time", "Eastern Standard Time"."""
    words = name.split()
    if len(words) < 2 or words[-1].casefold() != "time":
        return False
    before = [w for w in words[:-1] if w.casefold() not in ZONE_WORDS]
    return not before or is_known_place(" ".join(before))


_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Department)(?: of State)? (?:for|of)\s+"
    r"(?:[A-Z][\w’']*,?\s+(?:and\s+)?)*$"
)
_NEXT_WORD = re.compile(r" ([A-Za-z]+)\b")
_JOINED_NAME = re.compile(r" (?:and|or|&) (?:[A-Z][\w’'-]*)(?: [A-Z][\w’'-]*){0,3}(?= [a-z])")
# Words after an area's name that make it the name of a constituency, district or its people.
AREA_WORDS = frozenset(
    {"town", "east", "west", "north", "south", "central", "residents", "resident", "mps"}
    | {"flat", "flats", "area", "areas", "estates"}
    | {"neighborhood", "neighbourhood", "settlement", "suburb", "estate", "village"}
)


# Last words of the names of events ("General Election", "Asian Games", "Gulf War").
EVENT_WORDS = frozenset(
    """election elections summit games olympics festival championship championships cup war
    expo marathon tournament parade""".split()
)
# Acronyms that end the names of areas and stations: group and single member constituencies,
# mass and light rail transit stations, a central business district.
AREA_ACRONYMS = frozenset({"grc", "smc", "mrt", "lrt", "cbd"})


def _names_what_follows(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is written before an acronym, a body or an area
    ("Nee Soon GRC", "Nee Soon Town Council", "Nee Soon East", "the Har Homa neighborhood")."""
    # "the Tampir Kang and Yew Varn estates": the area word after the name joined to it.
    joined = _JOINED_NAME.match(text, end)
    match = _NEXT_WORD.match(text, joined.end() if joined else end)
    if match is None:
        return False
    word = match.group(1)
    if joined and not word.islower():
        return False
    if 2 <= len(word) <= 5 and word.isupper():
        return True
    if word.islower():  # "the Har Homa neighborhood", "Nee Soon residents"
        return word in AREA_WORDS
    return (
        word.casefold() in AREA_WORDS
        or word.casefold() in ORG_WORDS
        or (word.casefold() in PLACE_WORDS)
    )


# Last words of the name of a law or agreement ("Workplace Fairness Bill", "Official Secrets
# Act", "Paris Accord"). "Law" is left out: it is a surname too.
LAW_WORDS = frozenset(
    "bill act treaty accord convention amendment charter constitution protocol ordinance "
    "guidelines".split()
)


def _law(key: str) -> bool:
    """Whether a folded name of two words or more names a law or an agreement."""
    words = key.split()
    return len(words) >= 2 and words[-1] in LAW_WORDS


def _law_names(types: dict[str, str]) -> dict[str, str]:
    """ "the Bill" of a story about one bill is that bill: ``{lone word: the law's key}``, for
    a lone law word ending exactly one law's name; it is typed as that law (in place)."""
    found = {}
    for key in [k for k in types if k in LAW_WORDS]:
        laws = [k for k in types if _law(k) and k.split()[-1] == key]
        if len(laws) == 1:
            types[key] = types[laws[0]]
            found[key] = laws[0]
    return found


_BLOCK = re.compile(r"(?:block|blk)\.?\s+\d+[a-z]?\b")


def _address(key: str) -> bool:
    """Whether a folded name is an address or a named place by its shape: a housing block
    ("Block 224A"), or a street, road or landform word last ("Upper Cross Street",
    "Ang Mo Kio Avenue 5") or a Malay place word first ("Bukit Timah"), with no
    organisation word ("Park Hotel", "Bukit Timah Police Station" stay organisations)."""
    words = key.split()
    if len(words) < 2 or any(w.rstrip(".") in ORG_WORDS for w in words):
        return False
    if _BLOCK.match(key):
        return True
    named = [w for w in words if not any(c.isdigit() for c in w)]
    return len(named) >= 2 and (named[-1] in PLACE_WORDS or named[0] in PLACE_PREFIXES)


# A preposition of place right before a name: "in Hougang", "at Toa Payoh", "near Bedok",
# "into Kindu", "a flight to Bali", "north of Kisangani", "the town of Kalima".
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|into|inside|outside|towards?|across|around"
    r"|(?:flights?|trips?|journey|travel(?:l?ed)?|flew|fly|flying|headed|bound|deported"
    r"|extradited|returned) to"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of"
    r"|(?:town|city|village|province|capital|region|port|district|settlement|suburb"
    r"|neighbou?rhood|island|county|state)\s+of)\s+$",
    re.IGNORECASE,
)


_LIST_GAP = re.compile(r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?\n][\"”’)]*\s+)(?:in|at|near)\s+$", re.IGNORECASE)


def _listed_places(mentions: Sequence[Mention], texts: dict[str, str]) -> set[tuple[str, int]]:
    """The names listed after a place written after a preposition of place, in a list that
    "and" or "or" closes: "near Marrow Point, Lim Tai Seng and Kopak". A list after a
    sentence's opening place ("In Tarvo, Anna Brede and Tom Hale met") is of who, not where.
    """
    found: set[tuple[str, int]] = set()
    ordered = sorted(mentions, key=lambda m: (m.sid, m.start))
    chain: list[Mention] = []
    closed = False

    def finish() -> None:
        if closed and len(chain) >= 2:
            found.update((m.sid, m.start) for m in chain[1:])

    for m in ordered:
        text = texts[m.sid]
        prev = chain[-1] if chain else None
        if prev is not None and prev.sid == m.sid and prev.end <= m.start:
            gap = _LIST_GAP.fullmatch(text[prev.end : m.start])
            if gap is not None:
                chain.append(m)
                closed = bool(re.search(r"\b(?:and|or)\b", gap.group()))
                continue
        finish()
        chain, closed = [], False
        before = text[max(0, m.start - 20) : m.start]
        if _LOCATIVE.search(before) and not _SENTENCE_OPENING.search(text[: m.start][-40:]):
            chain = [m]
    finish()
    return found


# Right before the name of a work: "titled", "entitled", or a kind of work and an opening quote
# ("the film “The Long Night Ends”"), then at most three words of the title.
_WORK_TITLE = re.compile(
    r"(?:\b(?:titled|entitled|headlined)\s+[“\"‘']?|\b(?:video|film|book|documentary|article"
    r"|song|series|show|programme|program|podcast|report|essay|column|play|novel)\s+[“\"‘'])"
    r"(?:[\w’'-]+\s+){0,3}$"
)
# An age set before or after a name: "36-year-old Ana Brede", "Iskandar Rahmat, 46, ...",
# "Tan (67)".
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+()$")
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?(\d{1,3})\s*,|\s*\((\d{1,2})\)")
# Oldest age read as one ("Corn Fries (412)" is a calorie count).
MAX_AGE = 110


def _run_together(text: str) -> bool:
    """A list of organisations the tagger read as one name ("X Bhd, Y Sdn Bhd and Z Ltd")."""
    parts = re.split(r",\s*|\s+and\s+", text)
    named = [p for p in parts if any(w in ORG_WORDS for w in fold(p).split())]
    return "," in text and len(named) >= 2


def _voted_type(
    mentions: list[Mention], surnames: set[str], determined: frozenset[tuple[str, int]]
) -> str | None:
    votes = Counter(m.label for m in mentions if m.label not in ("WEAK", "ACRONYM"))
    if not votes:
        return "ORG" if any(m.label == "ACRONYM" for m in mentions) else None
    key = fold(mentions[0].text)
    # The tagger calls a full name ORG now and then, so a person vote holds its own against
    # as many others; a title in front of the name settles it.
    others = max((n for label, n in votes.items() if label != "PERSON"), default=0)
    titled = any(m.titled for m in mentions)
    person_evidence = (votes["PERSON"] > 0 and votes["PERSON"] >= others) or titled
    if person_evidence and _personal_shape(key) and len(key.split()) >= 2:
        return "PERSON"
    # "Ms Varga said ..." in one report, "Varga said ..." tagged an organisation in another: a
    # title in front of a single name is a person's, whatever the tagger said elsewhere.
    if titled and votes["PERSON"] > 0 and len(key.split()) == 1 and _personal_shape(key):
        return "PERSON"
    # "Petrov" tagged ORG (or a place, when he speaks), surname of a tagged "Ivan Petrov".
    # Not when every mention follows "the": "the Edge" is a newspaper, not Mr Edge.
    if len(key.split()) == 1 and mentions[0].text in surnames:
        after_the = all((m.sid, m.start) in determined for m in mentions)
        # A place vote or two among many others is the tagger's noise ("Ranariddh" 20 times
        # ORG, twice a place); a word mostly tagged a place is one when a gazetteer knows it
        # (a town named like the person), not when it does not ("Pinochet", tagged a place
        # 43 times of 43 in one story).
        placed = votes["PLACE"] * PLACE_VOTE_SHARE > sum(votes.values())
        spoken = all(m.speaks or m.titled for m in mentions)
        if not after_the and (not placed or spoken or not is_known_place(mentions[0].text)):
            return "PERSON"
    best = max(votes.values())
    return next(t for t in TYPE_PRIORITY if votes[t] == best)


# First words of a named storm ("Hurricane Mitch", "Tropical Storm Alberto", "Typhoon Haiyan").
STORM_WORDS = frozenset("hurricane typhoon cyclone storm tropical superstorm".split())


def _storm_names(types: dict[str, str]) -> dict[str, str]:
    """Type named storms as events, in place, and return ``{lone name: full name}``.

    The tagger calls "Hurricane Mitch" an organisation or a place and the "Mitch" of the next
    sentence a person; a lone word that is the name of exactly one storm of the story is
    that storm.
    """
    by_name: dict[str, set[str]] = defaultdict(set)
    for key in types:
        words = key.split()
        if (
            len(words) >= 2
            and words[0] in STORM_WORDS
            and words[-1] not in STORM_WORDS
            and (words[0] != "tropical" or words[1] in STORM_WORDS | {"depression"})
            and not any(w in ORG_WORDS for w in words)
        ):
            types[key] = "EVENT"
            by_name[words[-1]].add(key)
    lone = {}
    for name, full in by_name.items():
        if name in types and len(full) == 1:
            types[name] = "EVENT"
            lone[name] = full.pop()
    return lone


def _adopt_lone_names(
    types: dict[str, str],
    groups: dict[str, list[Mention]],
    placed: frozenset[tuple[str, int]],
    words: frozenset[str],
) -> None:
    """Type a lone word as a person, in place, when it opens or ends exactly one person's full
    name ("Iskandar" of "Iskandar Rahmat", tagged an organisation 57 times), is no known place
    and is mostly written neither where a place goes nor after "the".

    The full name must look like one: none of its words an organisation word or a word the
    sources also write in lower case ("Instagram Teen", "Royal Museums Greenwich" are the
    tagger's persons, and "Instagram" and "Greenwich" stay what they are).
    """
    people = [
        k
        for k, t in types.items()
        if t == "PERSON"
        and len(k.split()) >= 2
        and not any(w in words or is_org_word(w) for w in k.split())
    ]
    for key, kind in list(types.items()):
        if kind == "PERSON" or " " in key or key in ORG_WORDS or is_acronym(groups[key][0].text):
            continue  # "HDB" ends "Hougang HDB", a place the tagger took for a person
        owners = [p for p in people if key in (p.split()[0], p.split()[-1])]
        mentions = groups[key]
        if (
            len(owners) == 1
            and not is_known_place(mentions[0].text)
            and sum((m.sid, m.start) in placed for m in mentions) * 2 < len(mentions)
        ):
            types[key] = "PERSON"


# Least similarity of two spellings of a name's last word when the words before it are the
# same two or more ("Lilis Sarwani Pornomo" / "Purnomo"); lower than for a surname alone.
RESPELT_LAST_WORD_SIMILARITY = 0.9
RESPELT_LAST_WORD_MIN_LETTERS = 5


def _respelt_last_word(a: str, b: str) -> bool:
    """Two spellings of one name that differ only in a long last word, spelt alike."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 3 or wa[:-1] != wb[:-1]:
        return False
    last_a, last_b = wa[-1], wb[-1]
    if min(len(last_a), len(last_b)) < RESPELT_LAST_WORD_MIN_LETTERS:
        return False
    return JaroWinkler.similarity(skeleton(last_a), skeleton(last_b)) >= (
        RESPELT_LAST_WORD_SIMILARITY
    )


def _link_people(keys: list[str], union: _Union, counts: dict[str, int]) -> None:
    full = [k for k in keys if split_person(k)[0]]
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            # "Tan Weiming" / "Tan Wei Ming": one name, its syllables spaced two ways.
            if (
                same_person(a, b)
                or a.replace(" ", "") == b.replace(" ", "")
                or _respelt_last_word(a, b)
            ):
                union.join(a, b)
    # "Lilis Sarwani" / "Lilis Sarwani Pornomo": a name without a family name (Malay,
    # Indonesian) written whole and shortened, when the longer names starting with it are
    # all one person.
    for short in full:
        longer = {union.find(f) for f in full if f.startswith(short + " ")}
        if len(longer) == 1:
            union.join(short, longer.pop())
    for key in keys:
        if split_person(key)[0]:
            continue  # a full name; a surname alone ("Petrov", "bin Laden") goes on
        roots = {union.find(f) for f in full if surnames_match(split_person(f)[1], key)}
        if " " not in key:
            # Family name first ("Heng Swee Keat" ... "Heng said") or a Malay given name
            # ("Raub Selamat" ... "AC Raub"): a full name the word opens. A name of three
            # words opening with it competes with one ending in it ("Ong Ye Kung" and "Junior
            # Ong" for "Mr Ong"); a shorter one only stands in when none ends in it.
            opens = [f for f in full if f.split()[0] == key]
            if roots:
                opens = [f for f in opens if len(f.split()) >= 3]
            roots |= {union.find(f) for f in opens}
        if len(roots) > 1:
            roots = _dominant(roots, full, union, counts)
        if len(roots) == 1:
            union.join(key, roots.pop())


# A lone surname shared by several people of the story goes to the one written this many times
# as often as all the others together ("Pinochet": Augusto Pinochet 10 times, his daughter once;
# "Ong": Ong Ye Kung 14 times, Junior Ong and Ong Say How 7 together).
DOMINANT_BEARER = 2


def _dominant(roots: set[str], full: list[str], union: _Union, counts: dict[str, int]) -> set[str]:
    """The one root whose full names are mentioned DOMINANT_BEARER times as often as the rest."""
    by_root: Counter[str] = Counter()
    for name in full:
        root = union.find(name)
        if root in roots:
            by_root[root] += counts.get(name, 0)
    (top, most), *rest = by_root.most_common()
    return {top} if most and most >= DOMINANT_BEARER * sum(n for _, n in rest) else roots


def _link_names(keys: list[str], union: _Union) -> None:
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if same_name(a, b):
                union.join(a, b)


def _link_legal_forms(keys: list[str], union: _Union) -> None:
    """ "Theta Edge Berhad", "Theta Edge Bhd", "PT Theta Edge" and "Theta Edge": one company,
    whatever the tagger called each spelling."""
    by_base: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        words = key.split()
        while len(words) > 1 and words[-1] in CORPORATE_WORDS:
            words = words[:-1]
        if len(words) > 1 and words[0] in ("pt", "cv"):
            words = words[1:]  # "PT Theta Edge", Indonesian
        by_base[" ".join(words)].append(key)
    for same in by_base.values():
        for key in same[1:]:
            union.join(same[0], key)


# Last words that turn a short name into its institution's full one ("Ostrova" / "Ostrova
# University", "Kessel-Varn" / "Kessel-Varn College").
INSTITUTION_WORDS = frozenset(
    {"university", "college", "polytechnic", "academy", "institute", "institution"}
)


def _link_institutions(
    types: dict[str, str], groups: dict[str, list[Mention]], union: _Union
) -> None:
    """ "Ostrova" and "Ostrova University": one organisation when the story writes exactly
    one such longer name for the short one. The short name must be an organisation, or a
    person no one titles or quotes (the tagger's "Kessel-Varn"); a place stays apart ("Brenmoor"
    is no "Brenmoor University"). Types change in place: the short name takes the long one's."""
    longer: dict[str, list[str]] = defaultdict(list)
    areas = set()
    for key, kind in list(types.items()):
        head, _, last = key.rpartition(" ")
        if head and last in INSTITUTION_WORDS and kind == "ORG":
            longer[head].append(key)
        elif head and last in AREA_ACRONYMS and kind == "PLACE":
            areas.add(head)
    for head, full in longer.items():
        short = types.get(head)
        if len(full) != 1 or short not in ("ORG", "PERSON"):
            continue
        if short == "PERSON" and any(m.titled or m.speaks for m in groups[head]):
            continue
        union.join(head, full[0])
        types[head] = "ORG"
    # "Harlow-Vent", tagged a person, where the story also writes "Harlow-Vent GRC".
    for head in areas:
        if types.get(head) == "PERSON" and not any(m.titled or m.speaks for m in groups[head]):
            types[head] = "PLACE"


def _drop_work_titles(
    types: dict[str, str], groups: dict[str, list[Mention]], texts: dict[str, str]
) -> None:
    """Drop, in place, the tagger's persons mostly written as a work's title ("a film titled
    The Long Night Ends")."""
    for key in [k for k, t in types.items() if t == "PERSON"]:
        ms = groups[key]
        before = [texts[m.sid][max(0, m.start - 60) : m.start] for m in ms]
        titled = sum(bool(_WORK_TITLE.search(text)) for text in before)
        if titled * 2 > len(ms):
            del types[key]


# Words for what someone is, written like a title before a name ("Resident Ana Lise").
ROLE_WORDS = frozenset(
    """
    resident residents netizen victim witness eyewitness commuter motorist driver rider
    passenger student teacher owner shopper customer neighbour neighbor user reader
    homeowner tenant landlord worker employee volunteer activist lawyer suspect accused
    """.split()
)


def _bodies_before_people(
    types: dict[str, str], groups: dict[str, list[Mention]], texts: dict[str, str]
) -> None:
    """Give a person the mentions the tagger ran a body, a place, a seat or a role into, in place:
    "Prime Minister's Office Anna Brede", "Ambassador to the United States Lui Tan
    Wee", "Harlow SMC Ben Ong" are mentions of the person the story names without
    the prefix, when the prefix is a name the story uses (or the end of a place's name) or
    ends in an organisation's word, a title or an acronym."""
    people = {k for k, t in types.items() if t == "PERSON" and len(k.split()) >= 2}
    for key in sorted(types):
        words = key.split()
        for cut in range(1, len(words) - 1):
            prefix, person = " ".join(words[:cut]), " ".join(words[cut:])
            if person not in people:
                continue
            last = words[cut - 1]
            written = groups[key][0].text.split()
            if len(written) != len(words):
                break
            before = texts[groups[key][0].sid][: groups[key][0].start].split()[-1:]
            if not (
                types.get(prefix, "PERSON") != "PERSON"
                or is_known_place(" ".join(before + written[:cut]))
                or last in ORG_WORDS
                or last in TITLES
                or (cut == 1 and last in ROLE_WORDS)
                or is_acronym(written[cut - 1])
            ):
                continue
            n_words = len(words) - cut
            for m in groups.pop(key):
                tail = re.search(rf"(?:\S+\s+){{{n_words - 1}}}\S+$", m.text)
                if tail is None:
                    continue
                at = m.start + tail.start()
                groups[person].append(replace(m, start=at, text=m.text[tail.start() :]))
            del types[key]
            break


def _group_word(word: str, types: dict[str, str]) -> bool:
    """Whether the story uses a word, or its singular or plural, as the name of a group of
    people ("Malay", "Malays")."""
    return any(types.get(w) == "OTHER" for w in (word, word.removesuffix("s"), word + "s"))


def _country_branches(types: dict[str, str], groups: dict[str, list[Mention]]) -> None:
    """Type as organisations, in place, the tagger's persons named for a country the story
    names as a place ("Harbourcare Singapore", "Harbour Aid Malaysia"): a person's name
    rarely ends in one, an organisation's branch often does. Not when titled or quoted."""
    for key in [k for k, t in types.items() if t == "PERSON" and len(k.split()) >= 2]:
        last = key.split()[-1]
        if (
            types.get(last) == "PLACE"
            and is_country(last)
            and not any(m.titled or m.speaks for m in groups[key])
        ):
            types[key] = "ORG"


def _link_countries_left_out(keys: list[str], union: _Union) -> None:
    """ "Port Authority" and "Port Authority of Singapore": one organisation when the story
    writes the name (of two words or more) with exactly one "of ..." after it; with two
    ("National University of Singapore", "of Malaysia") the short name stays apart."""
    longer: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        head, of, place = key.rpartition(" of ")
        if of and len(head.split()) >= 2 and 1 <= len(place.split()) <= 3:
            longer[head].append(key)
    known = set(keys)
    for head, full in longer.items():
        if head in known and len(full) == 1:
            union.join(head, full[0])


def _link_acronyms(groups: dict[str, list[Mention]], types: dict[str, str], union: _Union) -> None:
    defined: set[str] = set()
    # Parenthesised definitions come in adjacent pairs: long name, then acronym.
    definitions: dict[str, Counter[str]] = defaultdict(Counter)
    for mentions in groups.values():
        for m in mentions:
            if m.label == "ACRONYM" and is_acronym(m.text):
                for other in groups.values():
                    for long_m in other:
                        if (
                            long_m.label == "ACRONYM"
                            and long_m.sid == m.sid
                            and long_m.end <= m.start
                            and m.start - long_m.end <= 3
                        ):
                            definitions[fold(m.text)][fold(long_m.text)] += 1
    for key, long_forms in sorted(definitions.items()):
        # Two different names defined with one acronym ("Maintenance of Religious Harmony
        # Act (MRHA)" in most reports, "... Racial Harmony Act (MRHA)" in one) stay two
        # things; the acronym goes with the name most reports define it as.
        by_root: Counter[str] = Counter()
        for long_key, n in long_forms.items():
            by_root[union.find(long_key)] += n
        ranked = by_root.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue
        union.join(key, ranked[0][0])
        defined.add(key)
    long_names = [
        k for k, t in types.items() if t in ("ORG", "PLACE", "EVENT") and len(k.split()) > 1
    ]
    acronyms = {
        k: groups[k][0].text
        for k, t in types.items()
        if t in ("ORG", "PLACE", "EVENT") and is_acronym(groups[k][0].text)
    }
    for key, text in sorted(acronyms.items()):
        if key in defined:
            continue
        roots = {union.find(n) for n in long_names if expands(text, groups[n][0].text)}
        if len(roots) > 1:
            # "ST" for the "Straits Times" of seven reports, not a "Singapore Time" of one.
            roots = _dominant(roots, long_names, union, {k: len(groups[k]) for k in long_names})
        if len(roots) == 1:
            union.join(key, roots.pop())
            defined.add(key)
    _link_garbled(groups, acronyms, defined, union)


def _link_garbled(
    groups: dict[str, list[Mention]],
    acronyms: dict[str, str],
    defined: set[str],
    union: _Union,
) -> None:
    for key, text in sorted(acronyms.items()):
        if key in defined:
            continue
        targets = {k for k in defined if dropped_letter_variant(text, acronyms.get(k, k.upper()))}
        if len(targets) != 1:
            continue
        target = targets.pop()
        root = union.find(target)
        cluster_sources = {
            m.sid for k, ms in groups.items() if union.find(k) == root for m in ms if k != key
        }
        if {m.sid for m in groups[key]} & cluster_sources:
            union.join(key, target)


def _lone_surname(index: int, clusters: list[list[Mention]], texts: Sequence[str]) -> set[str]:
    """The surname of a person when no other name in the story ends or is spelt that way.

    Names the tagger missed count too: the surname written after a capitalised word that is
    none of the person's given names, nor a title or a small word ("SBS Transit" when the
    person-tagged name is "Tower Transit"), belongs to another name.
    """
    mentions = clusters[index]
    if mentions[0].label != "PERSON":
        return set()
    full = [m.text for m in mentions if len(m.text.split()) >= 2]
    if not full:
        return set()
    surname = Counter(split_person(t)[1] for t in full).most_common(1)[0][0]
    own = {fold(w) for t in full for w in split_person(t)[0].split()}
    before = re.compile(r"([A-Z][\w'’.&-]*)\s+" + re.escape(surname) + r"(?![\w-])")
    for text in texts:
        for match in before.finditer(text):
            word = fold(match.group(1))
            head = text[: match.start()].rstrip(" \t\"“‘'(")
            opening = not head or head[-1] in ".!?:\n"
            if opening or word.endswith("'s") or word in own or word in TITLES:
                continue  # "Yesterday Petrov said", "Ruvenia's Petrov", "Mr Petrov"
            if word not in STOP_WORDS:
                return set()
    for other, others in enumerate(clusters):
        if other == index:
            continue
        for m in others:
            words = m.text.split()
            if fold(m.text) == fold(surname) or (
                m.label == "PERSON" and surnames_match(words[-1], surname)
            ):
                return set()
    return {surname}


def _rescan(sources: Sequence[Source], clusters: list[list[Mention]]) -> None:
    """Add occurrences of known spellings that the tagger missed (in place)."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mentions in clusters:
        for m in mentions:
            taken[m.sid].append((m.start, m.end))
    by_alias = []
    for index, mentions in enumerate(clusters):
        if mentions[0].label == "OTHER":
            continue
        lone = _lone_surname(index, clusters, [s.text for s in sources])
        for alias in {m.text for m in mentions} | lone:
            if len(alias) >= MIN_RESCAN_CHARS or is_acronym(alias):
                by_alias.append((-len(alias), alias, index))
    for _, alias, index in sorted(by_alias):
        pattern = re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])")
        for source in sources:
            for match in pattern.finditer(source.text):
                s, e = match.span()
                if any(s < te and ts < e for ts, te in taken[source.sid]):
                    continue
                if in_credit(source.text, s, e):
                    continue
                if clusters[index][0].label == "ORG" and qualifies_title(source.text, e):
                    continue
                taken[source.sid].append((s, e))
                clusters[index].append(Mention(source.sid, s, e, alias, clusters[index][0].label))


# A person is named by the longest full name the sources use unless another full name is used
# this many times as often.
USUAL_NAME_RATIO = 3


def _entity(mentions: list[Mention], order: dict[str, int]) -> Entity:
    counts = Counter(m.text for m in mentions)
    by_fold: dict[str, list[str]] = defaultdict(list)
    for text in counts:
        by_fold[text.casefold()].append(text)
    # Case variants ("LONDON" in a dateline) count as their most used casing.
    spellings: Counter[str] = Counter()
    for variants in by_fold.values():
        best = min(variants, key=lambda t: (-counts[t], t.isupper(), t))
        spellings[best] = sum(counts[v] for v in variants)
    long_forms = [s for s in spellings if not is_acronym(s)] or list(spellings)
    name = min(long_forms, key=lambda s: (-len(s.split()), -spellings[s], s))
    if mentions[0].label == "PERSON":
        # A full name written once with an extra word ("Sam Ram Rainsy") does not name a
        # person every other report calls "Sam Rainsy"; a surname alone never does.
        full = [s for s in long_forms if split_person(s)[0]]
        usual = min(full, key=lambda s: (-spellings[s], -len(s.split()), s), default=name)
        if spellings[usual] >= USUAL_NAME_RATIO * spellings[name]:
            name = usual
        # "Manpower Lim Wei Ming" (a portfolio run into the name) against "Lim Wei Ming"
        # written more often: the name is the part every spelling shares.
        tails = [s for s in full if len(s.split()) >= 3 and name.endswith(" " + s)]
        if tails and spellings[tails[0]] > spellings[name]:
            name = max(tails, key=lambda s: (spellings[s], len(s), s))
    aliases = sorted(spellings, key=lambda s: (s != name, -spellings[s], s))
    sources = sorted({m.sid for m in mentions}, key=lambda sid: order[sid])
    return Entity(name, mentions[0].label, tuple(aliases), tuple(sources), len(mentions))


def _joined_names(mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """Two organisation mentions "X" and "Y" written "X and Y" are one name when the story
    writes "X and Y" as one name elsewhere, alone or before an "of" ("the police and Maritime
    and Port Authority of Singapore", tagged "Maritime" and "Port Authority of Singapore", in
    a story that also writes "Maritime and Port Authority of Singapore (MPA)")."""
    names = {fold(m.text) for m in mentions if " and " in m.text}
    if not names:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.sid == m.sid
            and prev.label in ("ORG", "ACRONYM")
            and m.label in ("ORG", "ACRONYM")
            and texts[m.sid][prev.end : m.start] == " and "
            and _named(fold(f"{prev.text} and {m.text}"), names)
        ):
            text = texts[m.sid][prev.start : m.end]
            out[-1] = Mention(m.sid, prev.start, m.end, text, m.label, prev.titled, m.speaks)
            continue
        out.append(m)
    return out


def _named(key: str, names: set[str]) -> bool:
    """Whether a name is one of ``names`` or begins one before its "of" ("Coastal and Port
    Authority" of "Coastal and Port Authority of Veldmark")."""
    return key in names or any(n.startswith(key + " of ") for n in names)


def find_entities(sources: Sequence[Source], docs: Sequence[Doc]) -> list[Entity]:
    """One Entity per real-world thing, with every spelling the sources use.

    Args:
        sources: cleaned sources; ``source.text`` is what the docs were parsed from.
        docs: spaCy Docs of the source texts, in the same order.

    Returns:
        Entities by mentions (most first), then name.

    Example:
        >>> [e.name for e in find_entities(sources, docs) if e.type == "PERSON"][:1]
        ['Erlan-Yusup Omarov']
    """
    pairs = list(zip(sources, docs, strict=True))
    first = [m for s, d in pairs for m in source_mentions(s, d, set())]
    surnames = known_surnames(first)
    mentions = _joined_names(
        [m for s, d in pairs for m in source_mentions(s, d, surnames)],
        {s.sid: s.text for s in sources},
    )
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        key = fold(m.text)
        if key:
            groups[key].append(m)
    words = frozenset(w for s in sources for w in re.findall(r"[a-z]+", s.text))
    texts = {s.sid: s.text for s in sources}
    determined = frozenset(
        (m.sid, m.start)
        for m in mentions
        if re.search(r"\bthe\s+$", texts[m.sid][max(0, m.start - 5) : m.start], re.IGNORECASE)
    )
    listed = _listed_places(mentions, texts)
    located = frozenset(
        (m.sid, m.start)
        for m in mentions
        if (
            _LOCATIVE.search(texts[m.sid][max(0, m.start - 20) : m.start])
            or (m.sid, m.start) in listed
        )
        and not texts[m.sid].startswith(("'s", "’s"), m.end)
    )
    aged = frozenset(
        (m.sid, m.start)
        for m in mentions
        if (
            (age := _AGE_AFTER.match(texts[m.sid], m.end))
            or (age := _AGE_BEFORE.search(texts[m.sid][max(0, m.start - 16) : m.start]))
        )
        and 0 < int(age.group(1) or age.group(2)) <= MAX_AGE
    )
    attributive = frozenset(
        (m.sid, m.start) for m in mentions if _names_what_follows(texts[m.sid], m.end)
    )
    # "Minister for [Culture, Community] and Youth": a portfolio, not a body.
    portfolios = {
        k
        for k, ms in groups.items()
        if all(_PORTFOLIO_BEFORE.search(texts[m.sid][max(0, m.start - 80) : m.start]) for m in ms)
        and all(w in PORTFOLIO_WORDS for w in re.findall(r"[a-z]+", k) if w != "and")
    }
    groups = {k: ms for k, ms in groups.items() if k not in portfolios}
    types = {
        k: t
        for k, ms in groups.items()
        if (
            t := _group_type(
                ms,
                surnames,
                words,
                determined,
                located,
                aged,
                all(in_title_case_heading(texts[m.sid], m.start, m.end) for m in ms),
                attributive,
            )
        )
        is not None
    }
    _drop_work_titles(types, groups, texts)
    _bodies_before_people(types, groups, texts)
    _country_branches(types, groups)
    groups = {k: groups[k] for k in sorted(types)}
    # "Ruvenians"-style plurals of a nationality the tagger took for a person; "Oil Record
    # Books", the plural of a thing the story names, is that thing's kind.
    for key, kind in list(types.items()):
        if kind == "PERSON" and key.endswith("s"):
            singular = types.get(key[:-1], "PERSON")
            if singular != "PERSON":
                types[key] = "OTHER" if " " not in key else singular
    # "Canadian Malays", tagged an organisation: a group of people each word of which
    # the story uses as a group's name.
    for key, kind in list(types.items()):
        parts = key.split()
        if kind != "OTHER" and len(parts) >= 2 and all(_group_word(w, types) for w in parts):
            types[key] = "OTHER"
    storms = _storm_names(types)
    laws = _law_names(types)
    _adopt_lone_names(types, groups, located | determined, words)
    union = _Union(list(groups))
    for short, full in (*storms.items(), *laws.items()):
        union.join(short, full)
    by_type: dict[str, list[str]] = defaultdict(list)
    for key, kind in types.items():
        by_type[kind].append(key)
    _link_people(sorted(by_type["PERSON"]), union, {k: len(groups[k]) for k in groups})
    for kind in ("ORG", "PLACE", "EVENT", "OTHER"):
        _link_names(sorted(by_type[kind]), union)
    _link_legal_forms(sorted(types), union)
    _link_countries_left_out(sorted(by_type["ORG"]), union)
    _link_institutions(types, groups, union)
    _link_acronyms(groups, types, union)
    clusters = []
    for keys in union.clusters().values():
        votes: Counter[str] = Counter()
        # The tagger guesses a bare acronym's type ("SLE" an organisation); the spelt-out
        # name it stands for ("Seletar Expressway") decides when the cluster has one.
        spelt = [k for k in keys if not is_acronym(groups[k][0].text)] or keys
        for k in spelt:
            votes[types[k]] += len(groups[k])
        best = max(votes.values())
        kind = next(t for t in ("PERSON",) + TYPE_PRIORITY if votes[t] == best)
        clusters.append(
            [Mention(m.sid, m.start, m.end, m.text, kind) for k in keys for m in groups[k]]
        )
    _rescan([s for s, _ in pairs], clusters)
    order = {s.sid: i for i, s in enumerate(sources)}
    entities = [_entity(c, order) for c in clusters]
    return sorted(entities, key=lambda e: (-e.mentions, e.name, e.type))
