"""Name mentions in one source: spaCy's entities, cleaned and repaired by general rules.

Repairs: leading "the" and titles dropped, possessives cut, photo credits skipped, acronyms
defined in parentheses read directly, and transliterated names the tagger split or missed
("Erlan-Yusup Omarov") rebuilt from a surname the story already knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyweave.models import Source
from storyweave.nlp.aliases import (
    FUNCTION_WORDS,
    ORG_WORDS,
    PORTFOLIO_TITLES,
    TITLE_SMALL_WORDS,
    TITLES,
    acronym_definitions,
    is_acronym,
    is_org_word,
)
from storyweave.nlp.dates import MONTHS, WEEKDAYS
from storyweave.nlp.places import (
    PLACE_PREFIX_MAX_WORDS,
    PLACE_PREFIXES,
    has_place_word,
    is_known_place,
)
from storyweave.nlp.speakers import SPEECH_VERBS

# spaCy labels kept, and the brief type each becomes.
LABEL_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "OTHER",
    "EVENT": "EVENT",
}
# Labels the small model gives to names by mistake (a city as PRODUCT): such a mention counts
# only when the same name is tagged properly elsewhere in the story.
WEAK_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# Given names rebuilt in front of a known surname: at most this many words, so that a run of
# capitalised words ("State Department official ...") is never swallowed.
MAX_GIVEN_WORDS = 3
# Nouns that only describe people: a name in apposition to one is a person's name.
PERSON_NOUNS = TITLES | frozenset(
    """
    leader founder official politician lawmaker diplomat activist resident owner man woman
    father mother son daughter wife husband brother sister journalist reporter analyst
    expert economist lawyer candidate opposition dissident businessman businesswoman
    """.split()
)
# Labels whose tokens can never be part of a rebuilt personal name.
NOT_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})

_CREDIT_LINE = re.compile(
    r"^\s*(?:image|images|photo|photos|picture|credit|credits|foto|video|source|copyright)"
    r"\s*(?:credit)?\s*[:|©]",
    re.IGNORECASE,
)
_CREDIT_PAREN = re.compile(r"\((?:[^()]*\b(?:via|photo|credit|file)\b[^()]*)\)", re.IGNORECASE)
# A bracket closing a line holds a credit ("... last week [Getty]"); brackets inside a sentence
# are editorial insertions ("[the alliance]") and keep their names.
_CREDIT_BRACKET = re.compile(r"\[[^\[\]\n]{1,40}\]\s*$")
# "... in the capital, on Tuesday. AP" -- an agency name closing a caption line.
_CREDIT_TAIL = re.compile(r"[.!?]\s+([A-Z][A-Za-z/ ]{1,20})\s*$")


# A month or weekday run into the next word by lost spacing ("Januaryin"): not a name.
_GLUED_DATE = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:in|on|at|of|the|and|to|from|for|with|by|when|after|before)$",
    re.IGNORECASE,
)


# An amount the tagger took for a name ("RM1,600", "S$14,000", "SGD 4,000").
_AMOUNT = re.compile(
    r"(?:(?:[A-Z]{1,3})?[$€£¥]|RM|SGD|USD|MYR|EUR|GBP|HKD|AUD|INR|IDR|Rp|Rs)\s?\d[\d,.]*"
    r"(?:\s*(?:k|m|bn|mil|bil|million|billion))?"
    # ... or a clock time ("5.40pm")
    r"|\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)",
    re.IGNORECASE,
)
# Words after which a name's tail is a date or a clause, not the name: "Little India on
# Feb 3", "Norris Road in Little"; and small words a name never ends with.
_TAIL_PREPOSITIONS = frozenset({"on", "in", "at", "since", "from", "during"})
# Weekday abbreviations; full weekday and month names and month abbreviations come from
# storyweave.nlp.dates.
_WEEKDAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())


def _calendar_word(text: str) -> bool:
    """Whether a token names a month or weekday ("Feb", "Tuesday") or is a day number."""
    word = text.lower().removesuffix(".")
    return (
        word in MONTHS
        or word in WEEKDAYS
        or word in _WEEKDAY_ABBREVIATIONS
        or re.fullmatch(r"\d+(?:st|nd|rd|th)?", word) is not None
    )


_DANGLING = frozenset({"and", "&", "of", "or", "the", "for", "with", "in", "on", "at", "to"})


@dataclass(frozen=True)
class Mention:
    """One name in one source: surface form, character offsets, entity type, evidence."""

    sid: str
    start: int
    end: int
    text: str
    label: str  # brief type, or "WEAK" for a mistagged label
    titled: bool = False  # preceded by a personal title ("President", "Mr")
    speaks: bool = False  # subject of a speech verb ("Hartwig said")


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def in_credit(text: str, start: int, end: int) -> bool:
    """Whether the characters start:end sit in a photo credit rather than the story."""
    if "/" in text[start:end]:
        return True
    line_start, line_end = _line_bounds(text, start, end)
    line = text[line_start:line_end]
    if _CREDIT_LINE.match(line):
        return True
    offset = start - line_start
    for pattern in (_CREDIT_PAREN, _CREDIT_BRACKET):
        for match in pattern.finditer(line):
            if match.start() <= offset < match.end():
                return True
    tail = _CREDIT_TAIL.search(line.rstrip())
    return bool(tail and tail.start(1) <= offset and end - line_start >= tail.end(1) - 1)


# Speech verbs that open a sentence before the speaker ("Added Stern, ...", "Said Holt: ...").
# Prepositions a tagger runs into the name after them at the start of a sentence ("Besides
# Tan", "Upon Lee's return"); a gerund ("Addressing Tan's claims") goes the same way.
_PREPOSITIONS = frozenset(
    """about after against amid among as at before besides beside by despite during for from
    following including like regarding since under unlike upon with within without""".split()
)
_OPENING_SPEECH_VERBS = frozenset(
    "added said says asked noted explained warned insisted continued concluded recalled".split()
)


def _after_owner(doc: Doc, start: int, end: int) -> int:
    """Start of a place or organisation name after an owner the tagger ran into it ("Tan’s
    Hillside Drive", "Singapore's Ministry of Health"): two words or more that hold a street,
    landform or organisation word. A plural owner or one the text also writes in lower case,
    or a name after "the", keeps its possessive ("the People’s Action Party", "a question from
    People’s Action Party MP ...")."""
    for i in range(start + 1, end - 2):
        owner = doc[i - 1]
        common = owner.tag_ in ("NNS", "NNPS") or any(t.text == owner.lower_ for t in doc)
        named = start > 0 and doc[start - 1].lower_ == "the"  # "the People's Party"
        if doc[i].text in ("'s", "’s") and not common and not named:
            rest = doc[i + 1 : end]
            words = [t.lower_ for t in rest]
            if all(t.is_title or t.lower_ in TITLE_SMALL_WORDS for t in rest) and (
                has_place_word(rest.text) or any(w in ORG_WORDS for w in words)
            ):
                return i + 1
    return start


def _trim(span: Span) -> tuple[int, int, bool]:
    """Token range of a span without leading determiners/titles and trailing possessives."""
    start, end = span.start, span.end
    doc = span.doc
    titled = start > 0 and doc[start - 1].text.casefold().rstrip(".") in TITLES
    # A newline inside an entity joins two lines (a credit and a heading): keep the first line.
    for i in range(start, end):
        if "\n" in doc[i].text or (i < end - 1 and "\n" in doc[i].whitespace_):
            end = i if "\n" in doc[i].text else i + 1
            break
    while start < end and (
        doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    # "Added Stern, “We owe it to the fans”": a speech verb opening the sentence.
    if end - start >= 2 and doc[start].lower_ in _OPENING_SPEECH_VERBS:
        start += 1
    # "Addressing Tan's claims", "Besides Tan", "Accompanying Ong into exile": a verb or a
    # preposition the tagger ran into the name it governs.
    while (
        end - start >= 2
        and (doc[start].tag_ == "VBG" or doc[start].lower_ in _PREPOSITIONS)
        and doc[start + 1].pos_ == "PROPN"
    ):
        start += 1
    start = _after_owner(doc, start, end)
    # "Ruvenian President Erlan-Yusup Omarov": everything up to the last title goes.
    if not any(t.lower_ in ORG_WORDS for t in doc[start:end]):
        for i in range(end - 2, start - 1, -1):
            if doc[i].text.casefold().rstrip(".") in TITLES and doc[i + 1].is_title:
                start, titled = i + 1, True
                break
    end = _cut_tail(span, start, end)
    while end > start and (
        doc[end - 1].text in ("'s", "’s", "'", "’")
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in _DANGLING
        # "Tampir Kang flat": a common noun the tagger ran on; a name ends in a capital.
        or (end - start >= 2 and doc[end - 1].is_lower and doc[end - 1].is_alpha)
    ):
        end -= 1
    return start, end, titled


def _cut_tail(span: Span, start: int, end: int) -> int:
    """End of the name before a tail the tagger ran on: a closing bracket with no opening one
    ("Norris Road] Earlier") or an opening one with no closing one, a date ("on Feb 3"), a
    place or person running into "in X" ("Norris Road in Little"), or a year after a person's
    possessive ("Shanmugam’s 2015")."""
    doc = span.doc
    opened: list[int] = []
    for i in range(start, end):
        text = doc[i].text
        if text in ("(", "["):
            opened.append(i)
        elif text in (")", "]"):
            if not opened:
                return i
            opened.pop()
        if i == start:
            continue
        word = doc[i].lower_
        if word in _TAIL_PREPOSITIONS and i + 1 < end:
            if _calendar_word(doc[i + 1].text) or span.label_ in ("PERSON", "GPE", "LOC"):
                return i
        if span.label_ == "PERSON" and text in ("'s", "’s") and i + 1 < end:
            return i
    # An opening bracket the name never closes: "Ben Ong (Harlow GRC" of "Ben Ong (Harlow
    # GRC) and ...".
    return opened[0] if opened else end


def _person_apposition(span: Span) -> bool:
    """ "Ivan Petrov, the former leader": a name in apposition to a person noun."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    return any(
        n.lemma_.casefold() in PERSON_NOUNS for n in nouns if n.i not in range(span.start, span.end)
    )


def _place_around(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Tokens of a known place that a person-tagged span is part of or starts with.

    The tagger takes "Bahru" in "Johor Bahru" for a person, or "Johor Bahru LRT" for one
    name; two or three capitalised words around the span's first word that spell a known
    place are that place.
    """
    for s, e in (
        (start - 1, start + 1),
        (start - 1, start + 2),
        (start, start + 2),
        (start, start + 3),
    ):
        if s < 0 or e > len(doc) or e <= start or (s == start and e > end):
            continue
        words = doc[s:e]
        if all(t.is_title or t.is_upper for t in words) and is_known_place(words.text):
            return s, e
    return None


def _prefix_tail(doc: Doc, end: int) -> int:
    """End of a place name whose first word ("Jalan", "Mount") ends the span at ``end``."""
    if end == 0 or doc[end - 1].lower_ not in PLACE_PREFIXES:
        return end
    tail = end
    while (
        tail < len(doc)
        and tail - end < PLACE_PREFIX_MAX_WORDS
        and "\n" not in doc[tail - 1].whitespace_
        and (
            (doc[tail].is_title and doc[tail].is_alpha)
            # "Lorong 21 Geylang", "Jalan 1": a number inside the name, never at its end
            or (doc[tail].is_digit and tail + 1 < len(doc) and doc[tail + 1].is_title)
        )
    ):
        tail += 1
    return tail


# Words of ministers' portfolios, which the tagger runs into the name after "Minister for"
# ("Minister for Law and Home Affairs K Shanmugam", "Secretary of State for Health Wes ...").
PORTFOLIO_WORDS = frozenset(
    """
    home affairs foreign law justice manpower labour labor health finance defence defense
    trade industry education transport national development social family culture community
    communities youth sustainability environment digital information communications interior
    energy agriculture economy economic economics internal external security housing works
    tourism sport sports science technology public women children planning local government
    treasury commerce immigration water resources natural fisheries forestry mines mining
    petroleum infrastructure investment religious veterans welfare services employment
    enterprise innovation arts heritage rural urban regional care human rights prisons
    and & , the
    """.split()
)
# Bodies named after their portfolio ("Ministry of Digital Development and Information").
MINISTRY_WORDS = frozenset({"ministry", "department"})
# Most portfolio words between "Minister for" and the name.
PORTFOLIO_MAX_WORDS = 6


def _after_portfolio(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in a span that opens with a minister's portfolio ("Home Affairs
    K Shanmugam" after "Minister for", "State for Home Affairs Sun Xueling" after "Minister
    of"): ``start`` when it does not, or holds no name after it."""
    # Back over portfolio words the tagger left out ("Minister for Law and [Home Affairs ...]").
    i = start - 1
    while (
        i >= 0
        and start - i <= PORTFOLIO_MAX_WORDS
        and (doc[i].lower_ in PORTFOLIO_WORDS or (doc[i].lower_ in ("and", ",") and i < start - 1))
    ):
        i -= 1
    at = start
    if start + 2 < end and doc[start].lower_ == "state" and doc[start + 1].lower_ in ("for", "of"):
        at = start + 2  # "[State for Home Affairs Sun Xueling]" after "Minister of"
        opened = i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in PORTFOLIO_TITLES
    else:
        opened = i >= 1 and doc[i].lower_ in ("for", "of") and _minister_before(doc, i)
    if not opened:
        return start
    while at < end and doc[at].lower_ in PORTFOLIO_WORDS:
        at += 1
    if at == start or at == end or not doc[at].text[:1].isupper():
        return start
    return at


def _minister_before(doc: Doc, i: int) -> bool:
    """Whether "Minister", "Secretary", "Minister of State" or a ministry ("the Ministry of
    Digital Development and Information Chng Kai Fong") ends right before token ``i``."""
    if doc[i - 1].lower_ in PORTFOLIO_TITLES or doc[i - 1].lower_ in MINISTRY_WORDS:
        return True
    return (
        i >= 3
        and doc[i - 1].lower_ == "state"
        and doc[i - 2].lower_ == "of"
        and (doc[i - 3].lower_ in PORTFOLIO_TITLES)
    )


def _prefix_before(doc: Doc, start: int) -> bool:
    """Whether a capitalised place-name opener ("Bukit", "Jalan") the tagger left out sits
    right before ``start``, on the same line."""
    if start == 0:
        return False
    before = doc[start - 1]
    return before.lower_ in PLACE_PREFIXES and before.is_title and "\n" not in before.whitespace_


def qualifies_title(text: str, end: int) -> bool:
    """Whether the word after ``text[:end]`` is a title it qualifies ("... Minister")."""
    match = re.match(r"\s+(\w+)", text[end : end + 30])
    return bool(match and match.group(1).casefold() in PORTFOLIO_TITLES)


def _portfolio(span: Span) -> bool:
    """ "Health" in "Health Minister", "State" in "Secretary of State": part of a title."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in PORTFOLIO_TITLES:
        return True
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].text.casefold() in TITLES
    )


def _ner_mentions(source: Source, doc: Doc) -> list[Mention]:
    out = []
    for ent in doc.ents:
        label = LABEL_TYPES.get(ent.label_) or ("WEAK" if ent.label_ in WEAK_LABELS else None)
        if label is None:
            continue
        start, end, titled = _trim(ent)
        if start >= end:
            continue
        if all(t.text.casefold().rstrip(".") in TITLES for t in doc[start:end]):
            continue  # "Datuk Seri" split from the name it precedes
        if doc[start:end].text == "Charge" and start > 0 and doc[start - 1].lower_ == "in":
            continue  # "Special Agent in Charge", "Officer in Charge": a title
        if label == "PERSON" and (place := _place_around(doc, start, end)) is not None:
            start, end, label = place[0], place[1], "PLACE"  # "Johor Bahru" tagged a person
        if label in ("PERSON", "ORG") and (person := _after_portfolio(doc, start, end)) > start:
            start, label, titled = person, "PERSON", True  # "Minister for Home Affairs K Shanmugam"
        if label == "ORG":
            start = _joined_name_start(doc, start, end)
            if start > 0 and doc[start].lower_ == "general" and doc[start - 1].is_title:
                if doc[start - 1].lower_ in GENERAL_OFFICES:
                    start -= 1  # "General’s Office" tagged in "Attorney General’s Office"
        if (
            label != "PERSON"
            and start > 0
            and _name_number(doc[start - 1])
            and not in_title_case_heading(source.text, doc[start - 1].idx, doc[end - 1].idx)
        ):
            start -= 1  # "One Pass", "ONE Pass": the tagger took the first word for a count
        if label in ("PLACE", "PERSON") and (tail := _prefix_tail(doc, end)) > end:
            end, label = tail, "PLACE"  # "Jalan" tagged alone in "Jalan Bukit Merah"
        elif label in ("PLACE", "PERSON") and _prefix_before(doc, start):
            start, label = start - 1, "PLACE"  # "Merah View" tagged in "Bukit Merah View"
        if start > 0 and doc[start - 1].text in COMPANY_PREFIXES and doc[start].is_title:
            label = "ORG"  # "PT Theta Edge", a company (also written without its "PT")
        if label != "PERSON" and end - start == 1 and _honoured(doc, start):
            label, titled = "PERSON", True  # "Ms Varga" with "Varga" tagged an organisation
        span = doc[start:end]
        titled = titled or _person_apposition(span)
        if not any(c.isalpha() for c in span.text) or _AMOUNT.fullmatch(span.text):
            continue
        if span.text == span.text.lower() and re.search(r"[a-z]", span.text):
            continue  # "van driver" tagged a person: a name has a capital ("iPhone", "de Gaulle")
        # Verbs and common nouns the tagger took for names ("Learn more", "Protests").
        name_pos = ("PROPN", "ADJ") if label == "OTHER" else ("PROPN",)
        if not is_acronym(span.text) and not any(t.pos_ in name_pos for t in span):
            continue
        if _GLUED_DATE.match(span.text):
            continue
        if label == "ORG" and _portfolio(span):
            continue
        if in_credit(source.text, span.start_char, span.end_char):
            continue
        if _in_capitals_heading(source.text, span.start_char, span.end_char):
            continue
        if label == "PERSON" and " and " in span.text:
            continue  # two names run together ("Ang Mo Kio and Woodlands")
        one_word = label in ("ORG", "PLACE") and len(span) == 1 and not is_acronym(span.text)
        if (label == "PERSON" or one_word) and in_title_case_heading(
            source.text, span.start_char, span.end_char
        ):
            # A heading's capitalised words ("Diesel Oil Leak at Brani Regional Base"); a real
            # name recurs in the prose.
            continue
        speaks = span.root.dep_ == "nsubj" and span.root.head.lemma_ in SPEECH_VERBS
        out.append(
            Mention(source.sid, span.start_char, span.end_char, span.text, label, titled, speaks)
        )
    return out


# Written before a company's name: Indonesian "PT" (perseroan terbatas) and "CV".
COMPANY_PREFIXES = frozenset({"PT", "PT.", "CV"})
# First words of offices named "... General" ("Attorney General’s Chambers").
GENERAL_OFFICES = frozenset(
    "attorney solicitor auditor inspector surgeon accountant postmaster registrar".split()
)
# Titles that only ever stand before a person's name ("President" also opens "President's
# Challenge"; "Ms" never opens anything else).
HONORIFICS = frozenset("mr mrs ms miss mx mdm madam".split())


def _honoured(doc: Doc, start: int) -> bool:
    """Whether the token before ``start`` is an honorific ("Ms", "Mr.", "Mdm")."""
    return start > 0 and doc[start - 1].text.casefold().rstrip(".") in HONORIFICS


# Number words that open names when capitalised ("One Pass", "Two Sessions", "Seven Eleven").
_NAME_NUMBERS = frozenset("one two three four five six seven eight nine ten".split())


def _name_number(tok: Token) -> bool:
    """A capitalised number word inside a sentence, on the name's line ("the ONE Pass")."""
    return (
        tok.lower_ in _NAME_NUMBERS
        and (tok.is_title or tok.is_upper)
        and not tok.is_sent_start
        and "\n" not in tok.whitespace_
    )


def _joined_name_start(doc: Doc, start: int, end: int) -> int:
    """Start of an organisation's name the tagger began after its "and": "Maritime and Port
    Authority of Singapore" tagged from "Port". A capitalised word no entity holds, inside a
    sentence, before "and" and a name with an organisation word, is the name's first word;
    not when the word before it is capitalised too (then the "and" may join two names)."""
    if start < 2 or doc[start - 1].lower_ not in ("and", "&"):
        return start
    word = doc[start - 2]
    if not (word.is_title and word.is_alpha) or word.ent_type_ or word.is_sent_start:
        return start
    if word.lower_ in FUNCTION_WORDS or word.text.casefold().rstrip(".") in TITLES:
        return start
    if start >= 3 and doc[start - 3].is_alpha and doc[start - 3].text[:1].isupper():
        return start
    if "\n" in word.whitespace_ or "\n" in doc[start - 1].whitespace_:
        return start
    # The name holds an organisation word ("Authority"), and the word is no name of its own
    # anywhere in the text ("Google and Port Authority staff" once Google is tagged).
    if not any(is_org_word(t.text) for t in doc[start:end]) or is_known_place(word.text):
        return start
    if any(e.text == word.text for e in doc.ents):
        return start
    return start - 2


# A heading set in capitals ("ANOTHER HIT-AND-RUN INCIDENT") makes every word look like an
# acronym to the tagger; a heading has at least this many words (a dateline "LONDON" has one).
CAPITALS_HEADING_MIN_WORDS = 3


def _in_capitals_heading(text: str, start: int, end: int) -> bool:
    """Whether start:end sits on a line written all in capitals, several words long."""
    line_start, line_end = _line_bounds(text, start, end)
    line = text[line_start:line_end]
    letters = [c for c in line if c.isalpha()]
    return (
        len(line.split()) >= CAPITALS_HEADING_MIN_WORDS
        and bool(letters)
        and all(c.isupper() for c in letters)
    )


# A heading in title case ("CPF Special Account Closure Explained") capitalises every word,
# so a run of them looks like a person's name to the tagger.
TITLE_CASE_HEADING_MIN_WORDS = 4
_HEADING_SMALL_WORDS = TITLE_SMALL_WORDS | {"vs"}


def in_title_case_heading(text: str, start: int, end: int) -> bool:
    """Whether start:end sits on a line of several words, each capitalised, with no full stop."""
    line_start, line_end = _line_bounds(text, start, end)
    line = text[line_start:line_end].strip()
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line)]
    content = [w for w in words if w.lower() not in _HEADING_SMALL_WORDS]
    return (
        len(words) >= TITLE_CASE_HEADING_MIN_WORDS
        and not line.endswith(".")
        and all(w[0].isupper() for w in content)
    )


def _acronym_mentions(source: Source) -> list[Mention]:
    out = []
    for long_name, ls, le, acronym, as_, ae in acronym_definitions(source.text):
        if in_credit(source.text, ls, le):
            continue
        out.append(Mention(source.sid, ls, le, long_name, "ACRONYM"))
        out.append(Mention(source.sid, as_, ae, acronym, "ACRONYM"))
    return out


def _looks_personal(text: str) -> bool:
    """Two to four words, none an organisation or street word (or its plural, "Museums"), no
    acronym, not a known place."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and not any(is_org_word(w) for w in words)
        and not is_acronym(words[-1])
        and not has_place_word(text)
        and not is_known_place(text)
    )


def known_surnames(mentions: Iterable[Mention]) -> set[str]:
    """Last words of multi-word names tagged as persons or preceded by a personal title.

    Names that cannot be people's ("Johor Bahru", "Bina Group Bhd", "Bahru LRT") give none,
    even when the tagger calls them persons.
    """
    out = set()
    for m in mentions:
        last = m.text.split()[-1] if m.text.split() else ""
        if (m.label == "PERSON" or m.titled) and last[:1].isupper() and _looks_personal(m.text):
            out.add(last)
    return out


def _given_start(doc: Doc, at: int) -> int:
    """First token of the given names in front of token ``at`` (``at`` when there are none)."""
    start = at
    words = 0
    i = at - 1
    while i >= 0 and words < MAX_GIVEN_WORDS:
        tok = doc[i]
        if tok.text in ("-", "‐") and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_:
            i -= 1
            continue
        if (
            tok.is_title
            and tok.is_alpha
            and tok.pos_ == "PROPN"
            and tok.ent_type_ not in NOT_NAME_LABELS
            and tok.text.casefold() not in TITLES
            and "\n" not in tok.whitespace_
        ):
            start = i
            words += 1
            i -= 1
            continue
        break
    return start


def rebuilt_names(source: Source, doc: Doc, surnames: set[str]) -> list[Mention]:
    """Full personal names the tagger split or missed, ending in a surname the story knows."""
    out = []
    for tok in doc:
        if tok.text not in surnames:
            continue
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ != "B":
            continue  # already the last word of a longer tagged name
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and ent.label_ == "PERSON" and len(ent) > 1:
            continue
        start = _after_portfolio(doc, _given_start(doc, tok.i), tok.i + 1)
        if start == tok.i:
            continue
        span = doc[start : tok.i + 1]
        if in_credit(source.text, span.start_char, span.end_char):
            continue
        titled = start > 0 and doc[start - 1].text.casefold().rstrip(".") in TITLES
        out.append(Mention(source.sid, span.start_char, span.end_char, span.text, "PERSON", titled))
    return out


# Titles only people carry: the capitalised words after one are a name ("Mr Sirius Ng").
HONORIFICS = frozenset("mr mrs ms miss mx dr madam mdm".split())
# At most this many words after an honorific make the name.
HONORIFIC_NAME_MAX_WORDS = 4


def _honorific_names(source: Source, doc: Doc) -> list[Mention]:
    """People the tagger missed after an honorific: "Mr Sirius Ng, an outrigger paddler"."""
    out = []
    for tok in doc[:-1]:
        if not tok.is_title or tok.text.casefold().rstrip(".") not in HONORIFICS:
            continue
        if "\n" in tok.whitespace_:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= HONORIFIC_NAME_MAX_WORDS:
            word = doc[end]
            if (
                word.text in ("-", "‐")
                and not doc[end - 1].whitespace_
                and not word.whitespace_
                and end > tok.i + 1
                and end + 1 < len(doc)
                and doc[end + 1].is_title
            ):
                end += 1  # "G-Jay"
                continue
            # The tagger may take only the end of a name ("Jay Yong" of "Mr G-Jay Yong").
            tagged = word.ent_type_ and not (word.ent_type_ == "PERSON" and end > tok.i + 1)
            if not (
                word.is_title
                and word.is_alpha
                and word.pos_ == "PROPN"
                and not tagged
                and word.text.casefold() not in TITLES
            ):
                break
            end += 1
            if "\n" in word.whitespace_:
                break
        while end > tok.i + 1 and not doc[end - 1].is_alpha:
            end -= 1
        if end == tok.i + 1:
            continue
        span = doc[tok.i + 1 : end]
        if in_credit(source.text, span.start_char, span.end_char):
            continue
        out.append(Mention(source.sid, span.start_char, span.end_char, span.text, "PERSON", True))
    return out


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def source_mentions(source: Source, doc: Doc, surnames: set[str]) -> list[Mention]:
    """Every name mention of one source, overlaps resolved (rebuilt names, then acronyms win)."""
    chosen: list[Mention] = []
    for group in (
        rebuilt_names(source, doc, surnames),
        _acronym_mentions(source),
        _honorific_names(source, doc),
        _ner_mentions(source, doc),
    ):
        for m in group:
            if not any(_overlaps(m, c) for c in chosen):
                chosen.append(m)
    return sorted(chosen, key=lambda m: (m.start, m.end))
