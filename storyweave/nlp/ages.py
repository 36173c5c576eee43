"""Ages of the people in a story: "a 38-year-old driver", "the motorcyclist, 28,", "a rider
aged 45", "Novin Raj, 33,".

Reports of one incident often disagree on an age (one outlet's 38-year-old driver is
another's 27-year-old), and such a difference is worth showing. An age is tied to who it
describes: a role noun ("driver", "victim", "suspect") or a name. Ages of generic nouns
("a 45-year-old man") are left out: several men in one story are common, and two reports
naming different ones would look like a contradiction.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyweave.nlp.aliases import TITLES

# Nouns too generic to say which person an age belongs to.
GENERIC = frozenset(
    """
    man woman men women boy girl person people individual child children kid teenager teen
    adult youth male female local resident national citizen baby infant toddler one guy lady
    gentleman son daughter father mother
    """.split()
)
# Things the papers give an age to ("a 40-year-old photograph", "the 12-year-old car"): no one.
THINGS = frozenset(
    """
    picture photo photograph image painting portrait statue film video song book record
    building house home flat church temple mosque school bridge tower tree car vehicle bus
    truck lorry van ship vessel boat plane aircraft jet train machine engine bottle wine
    whisky tradition law rule policy dispute conflict war feud mystery case company firm
    business shop store restaurant brand franchise program programme scheme system network
    pipe pipeline road dam reactor plant factory mine well structure
    """.split()
)
# Ages outside this range are something else ("a 150-year-old church").
MAX_AGE = 110
# Words that put a sentence about another incident ("another case ... a 15-year-old
# student"): its ages describe other people.
OTHER_INCIDENT = frozenset("another separate previous earlier similar unrelated".split())


@dataclass(frozen=True)
class Age:
    """One stated age: whom it describes, its value, and the characters that state it."""

    whom: str  # "the driver" or a name as written
    value: int
    token: int  # index of the number's token in the doc
    start: int  # character offsets of the age phrase in the doc's text
    end: int
    kind: str | None = None  # the noun before a role: "van" of "a 62-year-old van driver"


def find_ages(doc: Doc) -> list[Age]:
    """Every age the text states for a role or a named person.

    Example:
        >>> [(a.whom, a.value) for a in find_ages(parse(["The driver, 38, was hurt."])[0])]
        [('the driver', 38)]
    """
    out = []
    for tok in doc:
        if not (tok.like_num and tok.text.isdigit() and 0 < int(tok.text) <= MAX_AGE):
            continue
        if _in_a_range(doc, tok) or any(t.lower_ in OTHER_INCIDENT for t in tok.sent):
            continue
        found = _year_old(doc, tok) or _apposition(tok) or _aged(tok)
        if found is None:
            continue
        whom, end, kind = found
        out.append(Age(whom, int(tok.text), tok.i, tok.idx, end, kind))
    return out


def _in_a_range(doc: Doc, num: Token) -> bool:
    """ "aged 13 to 17", "17-18", "13 or 14": a span of ages, not one person's."""
    after = doc[num.i + 1 : num.i + 3]
    before = doc[max(0, num.i - 2) : num.i]
    joins = ("-", "–", "to", "or", "and")
    return (len(after) == 2 and after[0].lower_ in joins and after[1].like_num) or (
        len(before) == 2 and before[1].lower_ in joins and before[0].like_num
    )


def _year_old(doc: Doc, num: Token) -> tuple[str, int, str | None] | None:
    """ "38-year-old male driver": the noun that "old" qualifies."""
    i = num.i
    words = [t.lower_ for t in doc[i + 1 : i + 5]]
    if words != ["-", "year", "-", "old"]:
        return None
    old = doc[i + 4]
    head = old.head
    if old.dep_ != "amod" or head.i <= old.i:
        return None
    if head.pos_ == "PROPN" and head.dep_ == "appos":
        head = head.head  # "the victim, a 52-year-old Singaporean"
    return _whom(head, old.idx + len(old.text))


def _apposition(num: Token) -> tuple[str, int, str | None] | None:
    """ "The motorcyclist, 28, was" and "Novin Raj, 33, who": a number set off by commas."""
    doc = num.doc
    if num.dep_ != "appos" or num.i == 0 or num.i + 1 >= len(doc):
        return None
    if doc[num.i - 1].text != "," or doc[num.i + 1].text not in (",", ".", ";", ")"):
        return None
    # The person named right before the comma, one of them ("services 16, 18" is a list).
    if num.head.i != num.i - 2 or num.head.tag_ not in ("NN", "NNP"):
        return None
    return _whom(num.head, num.idx + len(num.text))


def _aged(num: Token) -> tuple[str, int, str | None] | None:
    """ "a rider aged 45"."""
    verb = num.head
    if verb.lower_ != "aged" or verb.dep_ != "acl" or num.i != verb.i + 1:
        return None
    return _whom(verb.head, num.idx + len(num.text))


# Entity types of names that have no age.
_NOT_PEOPLE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"})


def _whom(noun: Token, end: int) -> tuple[str, int, str | None] | None:
    """(whom, end of the age phrase, kind) for the noun an age describes: a name, or a role
    with the noun right before it as its kind ("van" of "van driver")."""
    if noun.pos_ == "PROPN" and noun.ent_type_ in _NOT_PEOPLE:
        # "Col. Peter Holt of the Air Force, 50": the age is the person's, not the body's.
        owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if owner is not None and owner.pos_ == "PROPN" and owner.ent_type_ == "PERSON":
            return _whom(owner, end)
        return None
    if noun.pos_ == "PROPN":
        parts = [t for t in noun.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if not parts or parts[-1].i != noun.i - 1:
            return None  # a surname or a single word may be anything ("Singaporean")
        while len(parts) > 1 and (
            parts[0].is_punct or parts[0].text.casefold().rstrip(".") in TITLES
        ):
            parts = parts[1:]  # "Col. Peter Holt", "Dr. Ana Lind": the name without the title
        return noun.doc.text[parts[0].idx : noun.idx + len(noun.text)], end, None
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not noun.is_alpha:
        return None  # a plural ("users aged 13") is a group, not one person
    if noun.lemma_.lower() in GENERIC or noun.lemma_.lower() in THINGS:
        return None
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    kind = (
        before.lower_
        if before is not None and before.dep_ == "compound" and before.is_alpha and before.is_lower
        else None
    )
    return f"the {noun.lemma_.lower()}", end, kind
