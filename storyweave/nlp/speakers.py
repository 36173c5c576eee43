"""Who said it: a quotation's speaker phrase resolved to a story entity's full name.

A name or surname in the phrase becomes the entity's name ("Hartwig" -> "Lena Hartwig"); a
pronoun becomes the most recent person ("he", "she") or organisation ("it") named in the
sentences before; a document noun ("the statement") becomes the body that last spoke; a
generic noun ("the ministry") the organisation last named with that word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyweave.models import Entity, Source
from storyweave.nlp.aliases import PORTFOLIO_TITLES

# Sentences looked back through for a pronoun's or a document's author. Three covers a
# speaker introduced one paragraph before the quotation (invented fixtures, seed story)
# without reaching into unrelated paragraphs.
LOOKBACK_SENTENCES = 3

SPEECH_VERBS = frozenset(
    """
    say tell add warn state claim insist note argue explain write announce declare ask reply
    respond suggest stress describe call acknowledge admit deny confirm tweet post vow promise
    predict recall complain urge caution maintain assert remark comment concede read
    highlight emphasise emphasize reiterate
    """.split()
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Pronouns that name no one a reader could look up ("we", "this").
OTHER_PRONOUNS = frozenset({"i", "we", "you", "us", "them", "this", "these", "those", "one"})
# Nouns naming a document, not its author: the author is whoever spoke last.
DOCUMENT_NOUNS = frozenset(
    "statement communique communiqué release report note letter post tweet document "
    "announcement message decree order".split()
)
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "PLACE"})
# An unnamed speaker is described in a few words ("a senior social care worker", "the former
# secretary of state and current presidential nominee"); a longer phrase is a clause the
# parser misread ("its goal of maintaining a two-thirds core of local staff in recent years").
MAX_SPEAKER_WORDS = 12


@dataclass(frozen=True)
class NameHit:
    """One occurrence of an entity spelling in a source text."""

    start: int
    end: int
    entity: Entity


def name_hits(source: Source, entities: Sequence[Entity]) -> list[NameHit]:
    """Occurrences of every entity spelling in the text, longest spelling first, no overlaps."""
    spellings = sorted(
        ((alias, e) for e in entities if e.type in SPEAKER_TYPES for alias in e.aliases),
        key=lambda pair: (-len(pair[0]), pair[0]),
    )
    hits: list[NameHit] = []
    for alias, entity in spellings:
        pattern = re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])")
        for match in pattern.finditer(source.text):
            s, e = match.span()
            if not any(s < h.end and h.start < e for h in hits):
                hits.append(NameHit(s, e, entity))
    return sorted(hits, key=lambda h: h.start)


def _named_in(
    hits: Sequence[NameHit], start: int, end: int, head: int | None = None
) -> Entity | None:
    """The entity named in start:end: the one at the phrase head, else a person, else the first.

    "Ruvenia's Defence Ministry" is the ministry, not the country.
    """
    inside = [h for h in hits if start <= h.start and h.end <= end]
    at_head = [h.entity for h in inside if head is not None and h.start <= head < h.end]
    people = [h.entity for h in inside if h.entity.type == "PERSON"]
    # "University of Sao Paulo political scientist Eduardo Varnel": the person the phrase
    # ends with, whatever the parser made its head.
    last = [h.entity for h in inside if h.entity.type == "PERSON" and end - h.end <= 1]
    found = last or at_head or people or [h.entity for h in inside]
    return found[0] if found else None


def _recent(hits: Sequence[NameHit], doc: Doc, before: int, types: frozenset[str]) -> Entity | None:
    sentences = list(doc.sents)
    index = next((i for i, s in enumerate(sentences) if s.start_char <= before < s.end_char), None)
    if index is None:
        return None
    floor = sentences[max(0, index - LOOKBACK_SENTENCES)].start_char
    window = [h for h in hits if floor <= h.start and h.end <= before and h.entity.type in types]
    # A pronoun continues the subject ("Brandt met Kessler. ... he said" is Brandt), so the
    # latest subject (or the owner of one: "Lind's store was looted, and she said")
    # goes first; the latest name of any role when no subject is at hand.
    subjects = [h for h in window if _is_subject(doc, h)]
    after = [h for h in window if not subjects or h.start >= subjects[-1].end]
    if any(_acted_on_by_unnamed(doc, hits, h) for h in after):
        # "A netizen criticised Shanmugam ... He argued ...": he is the netizen, whom no
        # name stands for, not the person named as the object nor one named before.
        return None
    chosen = subjects or window
    return chosen[-1].entity if chosen else None


def _acted_on_by_unnamed(doc: Doc, hits: Sequence[NameHit], hit: NameHit) -> bool:
    """Whether the sentence naming ``hit`` (not as its subject) has for subject a common noun
    no name covers ("A netizen criticised Shanmugam")."""
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None or _is_subject(doc, hit):
        return False
    root = span.sent.root

    def named(noun: Token) -> bool:
        # "The minister of the economy, Mr. Tomas Ferreira, argues": named by apposition.
        tokens = [noun] + [t for a in noun.children if a.dep_ == "appos" for t in a.subtree]
        return any(h.start <= t.idx < h.end for t in tokens for h in hits)

    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and not named(c) for c in root.children)


def lookback_floor(doc: Doc, at: int) -> int:
    """Where the LOOKBACK_SENTENCES sentences ending before ``at`` start (``at`` if none)."""
    sentences = [s for s in doc.sents if s.end_char <= at][-LOOKBACK_SENTENCES:]
    return sentences[0].start_char if sentences else at


def _is_subject(doc: Doc, hit: NameHit) -> bool:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # Up through the subject's own noun phrase: "Lind's store", "Minister for Ports Oskar
    # Brandvold" (the parser makes "Minister" the subject and the name its object).
    while root.dep_ in ("poss", "pobj", "prep", "compound", "appos") and root.head.i != root.i:
        root = root.head
    # The subject of a clause describing something else ("K Shanmugam addressed the points
    # Ms Lim raised. He said ...") is not who the story follows.
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ not in ("relcl", "acl")


def _last_speaker(
    hits: Sequence[NameHit], doc: Doc, before: int, types: frozenset[str] = SPEAKER_TYPES
) -> Entity | None:
    """The entity of one of ``types`` last the subject of a speech verb before ``before``."""
    floor_sent = [s for s in doc.sents if s.end_char <= before][-LOOKBACK_SENTENCES:]
    for sent in reversed(floor_sent):
        for tok in reversed(list(sent)):
            if tok.lemma_ not in SPEECH_VERBS:
                continue
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    sub = doc[child.left_edge.i : child.right_edge.i + 1]
                    found = _named_in(hits, sub.start_char, _core_end(sub))
                    if found is not None and found.type in types:
                        return found
    return None


def speaker_phrase(tokens: Sequence[Token], quote: Span | None) -> Span | None:
    """The whole noun phrase of the speaker tokens, never reaching into the quotation."""
    if not tokens:
        return None
    doc = tokens[0].doc
    lo = min(t.left_edge.i for t in tokens)
    hi = max(t.right_edge.i for t in tokens)
    if quote is not None:
        anchor = tokens[0].i
        if quote.start <= hi and lo < quote.end:
            if anchor < quote.start:
                hi = quote.start - 1
            else:
                lo = max(lo, quote.end)
    lo = min(lo, *(t.i for t in tokens))
    hi = max(hi, *(t.i for t in tokens))
    # A name never runs over a line break, whatever the parse says.
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    for i in range(first - 1, lo - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            lo = i + 1
            break
    for i in range(last, hi + 1):
        if "\n" in doc[i].text or ("\n" in doc[i].whitespace_ and i < hi):
            hi = i if "\n" not in doc[i].text else i - 1
            break
    return doc[lo : hi + 1]


def _core_end(phrase: Span) -> int:
    """Where a speaker phrase's own words end: before a clause describing its head ("the
    owner, who collected her bag at Marlow Interchange", "a man arrested in Leeds")."""
    head = phrase.root
    clauses = [
        t.left_edge.i for t in phrase if t.dep_ in ("relcl", "acl") and t.left_edge.i > head.i
    ]
    if not clauses:
        return phrase.end_char
    return phrase.doc[min(clauses)].idx


def resolve_speaker(
    phrase: Span | None, hits: Sequence[NameHit], doc: Doc, quote_start: int
) -> tuple[str | None, bool]:
    """(speaker, resolved to an entity) for a speaker phrase said before ``quote_start``."""
    if phrase is None or not phrase.text.strip():
        return None, False
    head = phrase.root
    core_end = _core_end(phrase)
    named = _named_in(hits, phrase.start_char, core_end, head.idx)
    at = min(phrase.start_char, quote_start)
    if named is not None and named.type == "ORG" and head.lower_ in PORTFOLIO_TITLES:
        # "The Home Affairs and Law Minister ... said": the minister, not the ministry.
        if not any(h.start <= head.idx < h.end for h in hits):
            described = _described(phrase, head, hits, doc, at)
            if described is not None:
                return described.name, True
            return _plain(phrase, core_end), False
    if named is not None and not _place_modifier(named, head, hits):
        return _bearer(named, hits, at).name, True
    if named is not None:  # "the Kessington police": the police speak, not the town
        return _plain(phrase, core_end), False
    word = head.lower_
    if word in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        # "the late Henrik Dahl, who once declared ...": the speaker is the named antecedent.
        # An unnamed one ("a young woman who ...") is left as written: on PolNeAR the
        # parser's antecedent was more often wrong than right.
        antecedent = head.head.head
        covering = [h for h in hits if h.start <= antecedent.idx < h.end]
        if covering:
            return covering[0].entity.name, True
    if word in PERSON_PRONOUNS or _AGE_NOUN.fullmatch(_plain(phrase)):
        # "he said"; "said the 31-year-old" after "Ms Lydia Yong said ..."
        found = _recent(hits, doc, at, frozenset({"PERSON"}))
        return (found.name, True) if found else (None, False)
    if word in DOCUMENT_NOUNS and head.dep_ == "dobj":
        # "the council issued a statement calling ...": whoever issued it.
        for subject in (c for c in head.head.children if c.dep_ == "nsubj"):
            sub = doc[subject.left_edge.i : subject.right_edge.i + 1]
            issuer = _named_in(hits, sub.start_char, sub.end_char, subject.idx)
            if issuer is not None:
                return issuer.name, True
    if word in DOCUMENT_NOUNS and phrase[0].lower_ == "the":
        # "A joint statement by the port authority and the police ... “...,” said the
        # release": whoever the text last said a document came from.
        issuer = _document_issuer(hits, doc, at)
        if issuer is not None:
            return issuer.name, True
    if word in GROUP_PRONOUNS or word in DOCUMENT_NOUNS:
        # "it said" is never a person's; "they" and "the statement" may be anyone's.
        types = SPEAKER_TYPES - {"PERSON"} if word == "it" else SPEAKER_TYPES
        found = _last_speaker(hits, doc, at, types)
        if found is None and word in GROUP_PRONOUNS:
            found = _recent(hits, doc, at, frozenset({"ORG"}))
        elif found is None:
            # "RDU also highlighted ... “...,” the statement said": the body last named.
            found = _recent(hits, doc, at, frozenset({"ORG", "PERSON"}))
        if found is not None:
            return found.name, True
        # "it" with no one named before names no one; "the report" at least says what spoke.
        return (None, False) if word in GROUP_PRONOUNS else (_plain(phrase), False)
    # "the ministry": the organisation last named with that word.
    for hit in reversed([h for h in hits if h.end <= at and h.entity.type == "ORG"]):
        if _name_head(hit.entity.name) == head.lemma_.casefold():
            return hit.entity.name, True
    # "The radical group Islamic Jihad claimed ... “...,” the group said": the body the text
    # gave that noun, among those named in the sentences before.
    if phrase[0].lower_ == "the" and head.pos_ == "NOUN":
        floor = lookback_floor(doc, at)
        for hit in reversed([h for h in hits if floor <= h.start and h.end <= at]):
            if hit.entity.type == "ORG" and _carries(hit.entity, head.lower_, hits, doc):
                return hit.entity.name, True
    if word in RELATIVE_PRONOUNS or word in OTHER_PRONOUNS:
        return None, False
    described = _described(phrase, head, hits, doc, at)
    if described is not None:
        return described.name, True
    plain = _plain(phrase, core_end)
    if len(plain.split()) > MAX_SPEAKER_WORDS:
        return None, False  # a clause the parser took for a subject, not someone
    return plain, False


def _document_issuer(hits: Sequence[NameHit], doc: Doc, at: int) -> Entity | None:
    """The body or person the last document named before ``at`` came from: "a statement by
    X", "X said in a statement", "X issued a release"."""
    for tok in reversed([t for t in doc if t.idx < at and t.lower_ in DOCUMENT_NOUNS]):
        if tok.pos_ != "NOUN":
            continue
        phrases = [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("by", "from")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ == "in"):
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            phrases += [c for c in verb.children if c.dep_ == "nsubj"]
        if not phrases:
            continue
        # The last document the text says someone issued is the one meant; from no one
        # named ("a group of parents sent a letter"), it names no one.
        for head in phrases:
            sub = doc[head.left_edge.i : head.right_edge.i + 1]
            issuer = _named_in(hits, sub.start_char, sub.end_char, head.idx)
            if issuer is not None and issuer.type in ("ORG", "PERSON"):
                return issuer
        return None
    return None


def _described(
    phrase: Span, head: Token, hits: Sequence[NameHit], doc: Doc, at: int
) -> Entity | None:
    """The person a definite description stands for ("the eight-term MP told journalists"):
    one of the people named in the sentences before whose name the source writes beside that
    noun somewhere ("Nee Soon MP K Shanmugam", "Mr Rahman, a married man"). A description no
    named person was given ("the suspect" after the victim was named) stays as written."""
    if phrase[0].lower_ != "the" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.tag_ in ("NNS", "NNPS") or head.lower_ in DOCUMENT_NOUNS:
        return None
    floor = lookback_floor(doc, at)
    recent = [h for h in hits if floor <= h.start and h.end <= at and h.entity.type == "PERSON"]
    noun = head.lower_
    for hit in reversed(recent):
        if _carries(hit.entity, noun, hits, doc):
            return hit.entity
    if recent:
        return None  # someone else was just named: the description may be anyone's
    # Described before anyone is named ("The Home Affairs and Law Minister ... said" opening a
    # report that names "Minister for Home Affairs and Law K Shanmugam" further down): the one
    # person of the source who carries that noun, if only one does.
    people = {h.entity for h in hits if h.entity.type == "PERSON"}
    carriers = [e for e in people if _carries(e, noun, hits, doc)]
    return carriers[0] if len(carriers) == 1 else None


def _carries(entity: Entity, noun: str, hits: Sequence[NameHit], doc: Doc) -> bool:
    """Whether the source gives one of the entity's names ``noun`` as its title or apposition
    ("Law Minister K Shanmugam", "Rahman, a married man", "Shanmugam, the MP"; a head of state
    or government's title for "leader"), by the parse:
    a noun merely near the name ("a new ad attacking Donald Trump") or qualified by it ("Nee
    Soon MP") does not count."""
    for hit in (h for h in hits if h.entity == entity):
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is None:
            continue
        inside = range(span.start, span.end)
        for tok in span.sent:
            if tok.i in inside or not (
                tok.lower_ == noun or (noun == "leader" and tok.lower_ in LEADER_TITLES)
            ):
                continue
            if tok.head.i in inside and tok.dep_ in ("compound", "appos") and tok.i < span.start:
                return True  # "Minister K Shanmugam"
            if tok.dep_ == "appos" and tok.head.i in inside:
                return True  # "Shanmugam, the MP"
            if any(doc[i].head.i == tok.i and doc[i].dep_ == "appos" for i in inside):
                return True  # "the MP, Shanmugam"
    return False


# Titles of the heads of a country or government: "the Ruvenian leader" after "Ruvenian
# President Erlan Omarov".
LEADER_TITLES = frozenset(
    "president premier prime chancellor king queen sultan emir ayatollah dictator".split()
)


def _name_head(name: str) -> str:
    """The common noun a name is headed by: "ministry" for "Ministry of Manpower", "police"
    for "Singapore Police"."""
    words = name.casefold().split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


# A person named by age alone: "the 31-year-old".
_AGE_NOUN = re.compile(r"(?i)\d{1,3}-year-old")


def _bearer(named: Entity, hits: Sequence[NameHit], before: int) -> Entity:
    """The person a surname the story leaves ambiguous ("Ms Ang" with Annabelle Ang and
    Shermaine Ang in the story) stands for here: the one last named in full before it."""
    if named.type != "PERSON" or " " in named.name:
        return named
    for hit in reversed([h for h in hits if h.end <= before]):
        words = hit.entity.name.split()
        if hit.entity.type == "PERSON" and len(words) > 1 and named.name in (words[0], words[-1]):
            return hit.entity
    return named


def _place_modifier(named: Entity, head: Token, hits: Sequence[NameHit]) -> bool:
    """Whether a place only modifies the speaker phrase's head, a common noun ("police")."""
    if named.type != "PLACE" or head.pos_ != "NOUN":
        return False
    return not any(h.start <= head.idx < h.end for h in hits)


def _plain(phrase: Span, end: int | None = None) -> str:
    words = [t for t in phrase if not t.is_punct and (end is None or t.idx < end)]
    while words and words[0].pos_ == "DET":
        words = words[1:]
    if not words:
        return phrase.text
    doc = phrase.doc
    return doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]
