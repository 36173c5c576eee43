"""Non-numeric disagreements between sources: where something happened, who said it, when.

The rule is general and conservative. Two sentences from different sources dispute a *place*
when they describe the same event (same preposition and the same counted/moved thing, e.g.
"sent ... troops to X" / "deployed troops to Y", and close in meaning) but name different places
that no source relates to each other ("Lyon, France" relates a city to its country). They
dispute a *speaker* when nearly the same statement is attributed to two different people, and
a *date* when the same event is given two different written-out calendar days.

Captions count as claims: cleaning moves them out of ``Source.text`` into ``Source.captions``,
so a caption-only claim is reported with its text and source but no evidence span (evidence
must be an exact substring of ``Source.text``). Where a caption is still in the body, it gets
its evidence like any sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from storyweave.brief.align import FACILITY, Unit
from storyweave.evidence import span as evidence_span
from storyweave.models import Claim, Dispute, Evidence, Source
from storyweave.nlp.ages import OTHER_INCIDENT as OTHER_INCIDENT_WORDS
from storyweave.nlp.places import lies_within

# Prepositions that place an event; "to Norway" vs "to Sweden".
PLACE_PREPS = frozenset({"to", "into", "in", "from", "at"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SPEECH_VERBS = frozenset({"say", "tell", "announce", "state", "declare", "confirm", "warn"})
# Two place claims are about the same event only if their sentences are at least this close
# (seed story: a caption sending "more than 2,000 troops" to one country vs "the bloc sent over
# 2,000 troops" to another is 0.8; unrelated "troops ... in <country>" sentences 0.3-0.6).
PLACE_COS = 0.62
# The same statement credited to two people: what they said must be near-identical (rapidfuzz
# token-set ratio, 0-100; paraphrases of one statement by one person stay under it, so a
# translated quote is never turned into a false "who" dispute).
SPEAKER_RATIO = 90
# Two calendar dates for one event: the sentences must tell the same event (as close as the
# seed's "protests started on 2 January" / "protests broke out on January 2", 0.75), and only
# written-out dates count ("January 2"); weekdays and "last week" depend on when each source
# was published, which the timeline resolves.
DATE_COS = 0.75
MONTHS = {
    m[:3]: i
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        1,
    )
}
MONTH_NAMES = {i: m[:3].title() for m, i in MONTHS.items()}


@dataclass(frozen=True)
class Slot:
    """A place or speaker attached to an event in one sentence (or one caption)."""

    claim: int  # index into the claim texts (units first, then caption-only texts)
    kind: str  # "place" | "speaker"
    key: str  # the event: "to|troop", or the statement's verb for speakers
    value: str  # the place or person as written
    detail: str = ""  # speakers: what they are said to have said


ClaimRow = tuple[str, str, Unit | None]  # text, sid, the unit (None: a caption-only claim)


# Words that mark a sentence about another incident than the story's.
_INCIDENT_NOUNS = (
    r"(?:incident|case|fire|blaze|accident|crash|collision|attack|event|robbery|theft|shooting)"
)
OTHER_INCIDENT = re.compile(
    rf"\b(?:{'|'.join(sorted(OTHER_INCIDENT_WORDS | {'last'}))})\s+(?:\w+\s+)?"
    rf"{_INCIDENT_NOUNS}s?\b|\b(?:before|prior to|since)\s+(?:this|the|that)\s+{_INCIDENT_NOUNS}\b",
    re.IGNORECASE,
)


# Nouns outlets use for one person in one role: a "where" dispute compares them as one.
SAME_ROLE = {
    "motorcyclist": "rider",
    "biker": "rider",
    "motorist": "driver",
}


def place_names(docs: Sequence[Doc]) -> set[str]:
    """Every name tagged as a place somewhere in the story (lowercase).

    The small English model sometimes tags a country as an organisation in one sentence and as
    a place in the next; a name that is a place anywhere in the story is a place everywhere.
    """
    return {e.text.lower() for doc in docs for e in doc.ents if e.label_ in PLACE_LABELS}


def _facilities(sent: Span) -> list[Span]:
    """Institution names in the sentence (see storyweave.brief.align.FACILITY), tagged or not."""
    out = []
    for match in FACILITY.finditer(sent.text):
        start = sent.start_char + match.start()
        found = sent.doc.char_span(start, start + len(match.group(0)), alignment_mode="contract")
        if found is not None and len(found) > 0:
            out.append(found)
    return out


def place_slots(sent: Span, claim: int, places: set[str]) -> list[Slot]:
    """Places attached by a preposition to a verb that moves or locates something."""
    out = []
    named = [e for e in sent.ents if e.label_ in PLACE_LABELS or e.text.lower() in places]
    roots = {e.root.i for e in named}
    named += [f for f in _facilities(sent) if f.root.i not in roots]
    for ent in named:
        prep = ent.root.head
        if ent.root.dep_ != "pobj" or prep.lemma_.lower() not in PLACE_PREPS:
            continue
        verb = prep.head
        if verb.pos_ == "ADJ" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "was taken conscious to the hospital"
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        thing = next(
            (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"),
            None,
        )
        if thing is None:
            continue
        who = thing.lemma_.lower()
        who = SAME_ROLE.get(who, who)
        out.append(Slot(claim, "place", f"{prep.lemma_.lower()}|{who}", ent.text))
    return out


def speaker_slots(sent: Span, claim: int) -> list[Slot]:
    """People named as the subject of a speech verb."""
    out = []
    for ent in sent.ents:
        if ent.label_ != "PERSON" or ent.root.dep_ != "nsubj":
            continue
        verb = ent.root.head
        statement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if verb.lemma_.lower() in SPEECH_VERBS and statement is not None:
            said = sent.doc[statement.left_edge.i : statement.right_edge.i + 1].text
            out.append(Slot(claim, "speaker", verb.lemma_.lower(), ent.text, said))
    return out


def calendar_day(text: str) -> str | None:
    """ "January 2", "2 Jan.", "Jan. 2, 2022" -> "Jan 2"; None unless a month and a day."""
    month = next(
        (MONTHS[w[:3]] for w in re.findall(r"[a-z]+", text.lower()) if w[:3] in MONTHS), None
    )
    days = [int(d) for d in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text) if 1 <= int(d) <= 31]
    if month is None or len(days) != 1:
        return None
    return f"{MONTH_NAMES[month]} {days[0]}"


def date_slots(sent: Span, claim: int) -> list[Slot]:
    """Calendar dates attached to a verb ("started on 2 January"), keyed by verb and actor."""
    out = []
    for ent in sent.ents:
        if ent.label_ != "DATE" or (day := calendar_day(ent.text)) is None:
            continue
        head = ent.root.head
        if ent.root.dep_ == "pobj" and head.lemma_.lower() in ("on", "in"):
            head = head.head
        elif ent.root.dep_ not in ("npadvmod", "tmod"):
            continue
        if head.pos_ not in ("VERB", "AUX"):
            continue
        actor = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
        if actor is None:
            continue
        out.append(Slot(claim, "date", f"{head.lemma_.lower()}|{actor.lemma_.lower()}", day))
    return out


def _related(a: str, b: str, texts: Sequence[str]) -> bool:
    """Places some source writes together ("Lyon, France"), that name each other, or one of
    which lies in the other ("New York City" and "the US")."""
    la, lb = a.lower(), b.lower()
    if la in lb or lb in la:
        return True
    if lies_within(a, b) or lies_within(b, a):
        return True
    pattern = re.compile(
        rf"{re.escape(la)},? (?:in )?{re.escape(lb)}|{re.escape(lb)},? (?:in )?{re.escape(la)}"
    )
    return any(pattern.search(t.lower()) for t in texts)


def _same_person(a: str, b: str) -> bool:
    last_a, last_b = a.split()[-1].lower(), b.split()[-1].lower()
    return last_a == last_b or last_a in b.lower() or last_b in a.lower()


def find_disputes(
    claims: Sequence[ClaimRow],
    slots: Sequence[Slot],
    similarity: np.ndarray,
    sources: Sequence[Source],
) -> tuple[list[Dispute], set[int]]:
    """Disputes among claims, and the claims only an outlier makes against a majority.

    Args:
        claims: (text, sid, unit or None for a caption-only claim) per claim index.
        slots: the places and speakers found in the claims.
        similarity: sentence cosine between claims (same indexing).
        sources: the sources, for evidence spans and independence.
    """
    by_sid = {s.sid: s for s in sources}
    groups = {s.sid: (s.duplicate_of or s.sid) for s in sources}
    texts = [s.text for s in sources] + [c for s in sources for c in s.captions]
    by_key: dict[tuple[str, str], list[Slot]] = defaultdict(list)
    for slot in slots:
        by_key[(slot.kind, slot.key)].append(slot)
    disputes: list[Dispute] = []
    outliers: set[int] = set()
    for (kind, key), found in sorted(by_key.items()):
        edges = _conflicts(found, claims, similarity, texts, kind)
        if not edges:
            continue
        involved = {slot.claim for edge in edges for slot in edge}
        values = {slot.value.lower() for edge in edges for slot in edge}
        sides: dict[str, list[Slot]] = defaultdict(list)
        for slot in found:
            # Every sentence telling the same event with one of the disputed values takes a side.
            if slot.value.lower() not in values:
                continue
            if slot.claim in involved or any(
                similarity[slot.claim, c] >= _threshold(kind) for c in involved
            ):
                sides[_side_name(slot.value, sides, kind)].append(slot)
        if len(sides) < 2 or _shared_claims(sides) or _told_together(sides, claims, groups):
            continue
        support = {v: {groups[claims[s.claim][1]] for s in ss} for v, ss in sides.items()}
        ranked = sorted(sides, key=lambda v: (-len(support[v]), v))
        top = ranked[0]
        for value in ranked[1:]:
            if len(support[value]) == 1 and len(support[top]) >= 2:
                outliers.update(s.claim for s in sides[value])
        disputes.append(
            Dispute(
                topic=_topic(kind, key),
                claims=tuple(_claim(sides[v], claims, by_sid) for v in ranked),
            )
        )
    return disputes, outliers


def _shared_claims(sides: dict[str, list[Slot]]) -> bool:
    """One sentence stands on two sides: it names both values ("in Kepong, in northern KL"
    style: a district and its city), so they are not rival answers."""
    seen: set[int] = set()
    for slots in sides.values():
        claims = {s.claim for s in slots}
        if claims & seen:
            return True
        seen |= claims
    return False


def about_another_incident(text: str) -> bool:
    """Whether a sentence tells of another incident than the story's ("Less than two weeks
    before this incident, a fire broke out ...", "In a separate case, ..."): its places and
    dates answer another question."""
    return OTHER_INCIDENT.search(text) is not None


def _told_together(
    sides: dict[str, list[Slot]], claims: Sequence[ClaimRow], groups: dict[str, str]
) -> bool:
    """One source's body stands on two sides: it tells both (one officer taken to one
    hospital, two others to another), so they are two facts, not rival answers. A caption
    against its own body still counts as a dispute (a copy-edit slip)."""
    seen: set[str] = set()
    for slots in sides.values():
        body = {
            groups[claims[s.claim][1]]
            for s in slots
            if (unit := claims[s.claim][2]) is not None and unit.kind != "caption"
        }
        if body & seen:
            return True
        seen |= body
    return False


def _threshold(kind: str) -> float:
    return {"place": PLACE_COS, "date": DATE_COS}.get(kind, 1.0)


def _side_name(value: str, sides: dict[str, list[Slot]], kind: str) -> str:
    for name in sides:
        if name.lower() == value.lower() or (kind == "speaker" and _same_person(name, value)):
            return name
    return value


def _conflicts(
    found: Sequence[Slot],
    claims: Sequence[ClaimRow],
    similarity: np.ndarray,
    texts: Sequence[str],
    kind: str,
) -> list[tuple[Slot, Slot]]:
    edges = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if claims[a.claim][1] == claims[b.claim][1] and not _caption_vs_body(a, b, claims):
                continue
            cos = float(similarity[a.claim, b.claim])
            if kind == "place":
                if cos >= PLACE_COS and not _related(a.value, b.value, texts):
                    edges.append((a, b))
            elif kind == "date":
                if cos >= DATE_COS and a.value != b.value:
                    edges.append((a, b))
            elif fuzz.token_set_ratio(a.detail, b.detail) >= SPEAKER_RATIO and not _same_person(
                a.value, b.value
            ):
                edges.append((a, b))
    return edges


def _caption_vs_body(a: Slot, b: Slot, claims: Sequence[ClaimRow]) -> bool:
    """A caption may contradict the body it sits beside (a copy-edit slip)."""
    ua, ub = claims[a.claim][2], claims[b.claim][2]
    return (ua is None or ua.kind == "caption") != (ub is None or ub.kind == "caption")


def _topic(kind: str, key: str) -> str:
    if kind == "place":
        prep, thing = key.split("|")
        return f"where: {thing} {prep} which place"
    if kind == "date":
        verb, actor = key.split("|")
        return f"when: {actor} {verb} on which day"
    return f"who: who {key}s it"


def _claim(slots: list[Slot], claims: Sequence[ClaimRow], by_sid: dict[str, Source]) -> Claim:
    seen: set[int] = set()
    texts: list[str] = []
    sids: list[str] = []
    evidence: list[Evidence] = []
    for slot in sorted(slots, key=lambda s: s.claim):
        if slot.claim in seen:
            continue
        seen.add(slot.claim)
        text, sid, unit = claims[slot.claim]
        texts.append(text)
        if sid not in sids:
            sids.append(sid)
        if unit is not None:
            evidence.append(evidence_span(by_sid[sid], unit.start, unit.end))
    return Claim(text=texts[0], sources=tuple(sids), evidence=tuple(evidence))
