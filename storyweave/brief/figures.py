"""Counted quantities grouped across sources by what they count, with conflicts marked.

A figure groups every value the sources give for one thing ("people killed", "population").
It is a ``conflict`` when two independent sources give values whose allowed ranges cannot both
hold, and no later date explains the difference (a death toll that rises from one day to the
next is a ``trend``, not a conflict).

Two rules keep real stories free of false conflicts:

* a bare round number may have been rounded by its writer (see
  :func:`storyweave.nlp.quantities.rounding_band`), so "2,000" agrees with "more than 2,000";
* a source that gives several values for one topic (a city count beside a national one, two
  defendants' fines) is only in conflict with another source when *each* has a value the other
  cannot match; a source whose values are all matched by the other only says less. A vague
  value ("thousands") that agrees with a precise one from the same source is the same claim.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from storyweave.evidence import span
from storyweave.models import Entity, Evidence, Figure, FigureValue, Source
from storyweave.nlp.ages import find_ages
from storyweave.nlp.aliases import TITLES, fold
from storyweave.nlp.counted import Counted
from storyweave.nlp.counted import what_is_counted as _what_is_counted
from storyweave.nlp.dates import find_date_phrases
from storyweave.nlp.quantities import Quantity, find_quantities, rounding_band

# Counts that only grow as a story develops: a later, higher value is an update.
CUMULATIVE = ("killed", "injured", "detained", "hospitalized", "evacuated", "displaced",
              "charged", "casualties", "rescued")  # fmt: skip
# Kinds whose value may change between reports (troops arrive and leave): values given on
# different dates are a change, not a conflict. Populations, durations and amounts may not.
CHANGING_KINDS = ("troops",)
# Vague counts whose top is below this ("several", "a few", "a couple", "a handful") are
# too loose to contradict another value; "dozens" (24-99) and up still do.
WEAK_BELOW = 10
# Longest evidence kept around a quantity when its sentence is longer (damaged text with no
# sentence breaks): a few lines of context either side.
MAX_EVIDENCE_CHARS = 400
DAYS_PER_UNIT = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "night": 1.0, "day": 1.0,
    "week": 7.0, "month": 30.0, "year": 365.0, "decade": 3650.0,
}  # fmt: skip
# Two lengths this many times apart are of different things ("two hours" and "two years"):
# accounts of one length differ by rounding or a unit, not by orders of magnitude.
DURATION_SCALE_GAP = 30
# Holder of a story-wide count (people killed, troops), which any source's value may match.
_ANYONE = "*"


@dataclass(frozen=True)
class TrendFigure(Figure):
    """A Figure with how its values move over time: "rising" when a cumulative count grows
    from one dated report to the next, "changed" when a changing count differs by date."""

    trend: str | None = None


@dataclass(frozen=True)
class _Interval:
    low: float
    high: float
    low_open: bool
    high_open: bool

    def meets(self, other: _Interval) -> bool:
        """True when some value lies in both intervals."""
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return not (self.high_open or other.low_open)
        if other.high == self.low:
            return not (other.high_open or self.low_open)
        return True

    def below(self, other: _Interval) -> bool:
        return self.high <= other.low


@dataclass(frozen=True)
class _Observation:
    source: str
    topic: str
    kind: str
    currency: str | None
    holder: str | None  # whose amount or jail term; _ANYONE for story-wide counts
    cumulative: bool
    text: str
    low: float | None
    high: float | None
    interval: _Interval
    vague: bool
    weak: bool
    as_of: str | None
    evidence: Evidence
    dated: bool = False  # ``as_of`` is a day the sentence names, not the publication date


def find_figures(
    sources: Sequence[Source], docs: Sequence[Doc], entities: Sequence[Entity] = ()
) -> list[Figure]:
    """Every counted quantity grouped by what it counts; conflicts and trends marked.

    Args:
        sources: the cleaned sources of one story (their ``text`` was parsed into ``docs``).
        docs: one spaCy Doc per source, in the same order.
        entities: the story's people, to put each person's stated ages under one name
            whatever spelling a source uses ("Youssef Zughayer" is "Yusef Zughayar").

    Example:
        >>> figures = find_figures(sources, parse([s.text for s in sources]))
        >>> [(f.topic, f.status) for f in figures]
        [('people killed', 'conflict'), ('troops', 'consistent')]
    """
    main_place = _main_place(docs)
    observations: list[_Observation] = []
    names = _person_names(entities)
    for source, doc in zip(sources, docs, strict=True):
        observations += _observe(source, doc, main_place, names)
    origin = {s.sid: s.duplicate_of or s.sid for s in sources}
    by_topic: dict[str, list[_Observation]] = defaultdict(list)
    for obs in observations:
        by_topic[obs.topic].append(obs)
    figures = [_figure(topic, group, origin) for topic, group in by_topic.items()]
    figures.sort(key=lambda f: (-len({s for v in f.values for s in v.sources}), f.topic))
    return list(figures)


def _person_names(entities: Sequence[Entity]) -> dict[str, str]:
    """``{folded spelling: the person's name}`` for every spelling of every person; a spelling
    two people share (a surname) is left out."""
    names: dict[str, str] = {}
    shared: set[str] = set()
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for alias in {entity.name, *entity.aliases}:
            key = fold(alias)
            if names.get(key, entity.name) != entity.name:
                shared.add(key)
            names[key] = entity.name
    return {k: v for k, v in names.items() if k not in shared}


def _whom(whom: str, names: dict[str, str]) -> str:
    """The person's name for the one described, as written or after a title ("Minister X")."""
    words = whom.split()
    for start in range(len(words)):
        found = names.get(fold(" ".join(words[start:])))
        if found is not None and (start == 0 or fold(words[start - 1]).rstrip(".") in TITLES):
            return found
    return whom


def _observe(
    source: Source, doc: Doc, main_place: str | None, names: dict[str, str] | None = None
) -> list[_Observation]:
    out = []
    for q in find_quantities(doc):
        counted = _what_is_counted(doc, q)
        if counted is None:
            continue
        obs = _observation(source, doc, q, counted, main_place)
        if obs is not None:
            out.append(obs)
    return out + _ages(source, doc, names or {})


def _observation(
    source: Source, doc: Doc, q: Quantity, counted: Counted, main_place: str | None
) -> _Observation | None:
    if _other_year(doc, q, counted, source.published):
        return None  # "injuries fell from 171 in 2022": a past year's count
    topic = counted.label
    if counted.place is not None and counted.place != main_place:
        topic += f" of {counted.place}"
    period = _period(doc, counted)
    if period is not None:
        topic += f" since {period}"
    place = _place_scope(doc, counted)
    if place is not None and place != main_place:
        topic += f" in {place}"
    if counted.increment:
        topic += " (additional)"
    text = _wording(doc, q, counted)
    scale = DAYS_PER_UNIT.get(counted.unit or "", 1.0) if counted.kind == "duration" else 1.0
    lo, hi = rounding_band(q)
    interval = _Interval(
        lo * scale,
        hi * scale,
        q.low_open and not q.exact,
        q.high_open or (q.exact and hi > lo),  # a rounding band excludes its upper end
    )
    predicate = counted.label.rsplit(" ", 1)[-1]
    as_of, dated = _as_of(doc, q, counted, source.published)
    return _Observation(
        source=source.sid,
        topic=topic,
        kind=counted.kind,
        currency=q.currency,
        holder=counted.holder if counted.per_holder else _ANYONE,
        cumulative=counted.kind == "people" and predicate in CUMULATIVE,
        text=text,
        low=_number(q.low * scale) if q.low is not None else None,
        high=_number(q.high * scale) if q.high is not None else None,
        interval=interval,
        vague=q.hedge == "vague",
        weak=q.hedge == "vague" and (q.high or 0) < WEAK_BELOW,
        as_of=as_of,
        evidence=_evidence(source, doc, q),
        dated=dated,
    )


def _number(value: float) -> float:
    """Whole numbers as ints (164, not 164.0) so the JSON reads as written."""
    return int(value) if float(value).is_integer() else round(value, 4)


def _wording(doc: Doc, q: Quantity, counted: Counted) -> str:
    """The quantity as written, with a duration's unit ("within 10 days"); a capital that only
    starts the sentence is lowered ("Dozens" -> "dozens")."""
    end = q.end
    if counted.kind == "duration":
        for tok in doc[q.last + 1 : q.last + 3]:
            if tok.lemma_.lower() in DAYS_PER_UNIT:
                end = tok.idx + len(tok)
                break
    text = doc.text[q.start : end]
    first = doc[q.first]
    line_start = doc.text.rfind("\n", 0, q.start) + 1
    opens = first.is_sent_start or not doc.text[line_start : q.start].strip()
    if opens and first.pos_ != "PROPN" and text[:1].isupper():
        text = text[:1].lower() + text[1:]
    return text


def _evidence(source: Source, doc: Doc, q: Quantity) -> Evidence:
    return _evidence_at(source, doc, q.first, q.start, q.end)


def _evidence_at(source: Source, doc: Doc, first: int, q_start: int, q_end: int) -> Evidence:
    """The sentence holding the value (token ``first``, characters ``q_start:q_end``), within
    its line (the parser runs sentences across paragraph breaks), cut to a window when the
    sentence runs on."""
    sent: Span = doc[first].sent
    start, end = sent.start_char, sent.end_char
    line_start = doc.text.rfind("\n", 0, q_start) + 1
    line_end = doc.text.find("\n", q_end)
    start = max(start, line_start)
    end = min(end, line_end if line_end >= 0 else len(doc.text))
    if end - start > MAX_EVIDENCE_CHARS:
        half = MAX_EVIDENCE_CHARS // 2
        start = max(start, q_start - half)
        end = min(end, q_end + half)
        while start < q_start and not doc.text[start - 1].isspace():
            start += 1
        while end > q_end and not doc.text[end].isspace():
            end -= 1
    return span(source, start, end)


def _ages(source: Source, doc: Doc, names: dict[str, str]) -> list[_Observation]:
    """Stated ages, one topic per person described ("age of the driver")."""
    out = []
    for age in find_ages(doc):
        out.append(
            _Observation(
                source=source.sid,
                topic=f"age of {_whom(age.whom, names)}",
                kind="age",
                currency=None,
                holder=age.kind or _ANYONE,
                cumulative=False,
                text=doc.text[age.start : age.end],
                low=float(age.value),
                high=float(age.value),
                interval=_Interval(age.value, age.value, False, False),
                vague=False,
                weak=False,
                as_of=None,
                evidence=_evidence_at(source, doc, age.token, age.start, age.end),
            )
        )
    return out


def _main_place(docs: Sequence[Doc]) -> str | None:
    """The place most sources name (most mentions breaking ties): the story's own place,
    which needs no scope in a topic."""
    sources_naming: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for doc in docs:
        names = [_place_name(e) for e in doc.ents if e.label_ in ("GPE", "LOC")]
        mentions.update(names)
        sources_naming.update(set(names))
    if not mentions:
        return None
    return min(mentions, key=lambda p: (-sources_naming[p], -mentions[p], p))


def _place_name(ent: Span) -> str:
    text = ent.text
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article) :]
    return text.removesuffix("'s").removesuffix("’s")


def _place_scope(doc: Doc, counted: Counted) -> str | None:
    """A place the count is limited to, when it is not the story's own place."""
    if counted.verb is None:
        return None
    verb = doc[counted.verb]
    # "in <place>" on the verb or on its subject ("an attack in Kenya killed 213"), or opening
    # the sentence ("In a bombing in Tanzania, 11 people were killed"), however deep the place
    holders = [verb, *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))]
    preps = [
        c
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("in", "across", "at")
    ]
    first = verb.sent[0]
    if first.lower_ == "in" and first.i != verb.i:
        preps.append(first)
    places = [t for p in preps for t in p.subtree if t.i != p.i]
    # "Guatemala, where 21 people died": the clause hangs on the place
    places += [verb.head] if verb.dep_ == "relcl" else []
    # "El Salvador reported 239 dead", "Guatemala said 194 people were killed"
    tok = verb
    for _ in range(3):
        if tok.lemma_ in _REPORTING_VERBS:
            places += [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.dep_ not in ("ccomp", "xcomp", "dobj") or tok.head == tok:
            break
        tok = tok.head
    for obj in places:
        if obj.ent_type_ in ("GPE", "LOC"):
            ent = next(e for e in doc.ents if e.start <= obj.i < e.end)
            return _place_name(ent)
    return None


def _period(doc: Doc, counted: Counted) -> str | None:
    """The start of a long-run total: "have died since the coup" counts more than one event,
    so it is kept apart from the event's own toll. Dates are left to :func:`_other_year`."""
    if counted.verb is None:
        return None
    verb = doc[counted.verb]
    # a "since" phrase on the last of joined clauses covers them all ("have died and ... been
    # displaced since the coup")
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    for prep in (c for v in verbs for c in v.children):
        marks = [m for m in prep.children if m.dep_ == "mark" and m.lower_ == "since"]
        if prep.dep_ == "advcl" and marks:  # "since dissidents began organizing"
            words = [t for t in prep.subtree if t.i != marks[0].i]
            return " ".join(t.text for t in words[:MAX_PERIOD_WORDS])
        if prep.dep_ == "prep" and prep.lower_ == "since":
            words = [t for t in prep.subtree if t.i != prep.i]
            if words and not any(t.ent_type_ in ("DATE", "TIME") for t in words):
                return " ".join(t.text for t in words[:MAX_PERIOD_WORDS])
    return None


# Words of a "since ..." phrase kept in a topic name.
MAX_PERIOD_WORDS = 6


# Verbs whose subject, when a place, is the place a reported count belongs to.
_REPORTING_VERBS = {"report", "say", "list", "confirm", "announce", "record", "count"}


# Dates that put a count in another year than the report's: "last year", "two years ago".
_PAST_YEAR = re.compile(r"\b(last|previous|past) year\b|\byears? ago\b|\byears? earlier\b", re.I)


def _other_year(doc: Doc, q: Quantity, counted: Counted, published: str | None) -> bool:
    """True when a year other than the report's own is attached to the count or its verb
    ("81 injuries in 2023", "six deaths since 2019")."""
    anchor = doc[counted.verb if counted.verb is not None else q.core]
    path = {anchor.i, q.core} | {t.i for t in anchor.ancestors}
    year = published[:4] if published else None
    for ent in doc[q.first].sent.ents:
        if ent.label_ != "DATE":
            continue
        years = [t.text for t in ent if len(t.text) == 4 and t.text[:2] in ("19", "20")]
        past = _PAST_YEAR.search(ent.text) is not None
        if not past and (not years or (year is not None and years[-1] == year)):
            continue
        head = ent.root.head
        if head.dep_ == "prep" or head.lower_ in ("in", "since", "during", "from", "by"):
            head = head.head
        if head.i in path:
            return True
    return False


def _as_of(
    doc: Doc, q: Quantity, counted: Counted, published: str | None
) -> tuple[str | None, bool]:
    """The date the count is given for: a day named on the clause that reports it ("on
    Tuesday reported that 9,900 ..."), else the publication date; and whether it was named."""
    anchor = counted.verb if counted.verb is not None else q.core
    ancestors = {doc[anchor].i} | {t.i for t in doc[anchor].ancestors}
    sent = doc[q.first].sent
    for phrase_start, phrase_end, day in _day_phrases(sent.text, published):
        begin = sent.start_char + phrase_start
        toks = [t for t in sent if begin <= t.idx < sent.start_char + phrase_end]
        if not toks:
            continue
        # The phrase's root ("On" of "On Jan 12", "Tuesday" of "on Tuesday" when the parser
        # leaves out the "on"), then the word it hangs on.
        inside = {t.i for t in toks}
        root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[-1])
        head = root.head
        if head.lower_ in ("on", "by", "as") or head.dep_ == "prep":
            head = head.head
        if head.i in ancestors:
            return day, True
    return published, False


def _day_phrases(text: str, published: str | None) -> list[tuple[int, int, str]]:
    """(start, end, YYYY-MM-DD) of the day-precise date phrases of a sentence, resolved
    against the report's publication date ("on Tuesday" -> the Tuesday before)."""
    if published is None:
        return []
    return [
        (p.start, p.end, p.date) for p in find_date_phrases(text, published) if p.precision == "day"
    ]


def _figure(topic: str, group: list[_Observation], origin: dict[str, str]) -> TrendFigure:
    status, trend = _status(group, origin)
    merged: dict[tuple[object, ...], list[_Observation]] = defaultdict(list)
    for obs in group:
        # A count that can move (a toll, troops) is a value of its day; bail of S$10,000
        # reported on three days is one value, dated the first day it was given.
        timed = obs.cumulative or obs.kind in CHANGING_KINDS
        merged[(obs.text.lower(), obs.low, obs.high, obs.as_of if timed else None)].append(obs)
    values = []
    for same in merged.values():
        sources = tuple(dict.fromkeys(o.source for o in same))
        evidence = tuple(dict.fromkeys(o.evidence for o in same))
        first = same[0]
        as_of = min((o.as_of for o in same if o.as_of is not None), default=None)
        values.append(FigureValue(first.text, first.low, first.high, as_of, sources,
                                  evidence))  # fmt: skip
    values.sort(key=lambda v: (v.as_of or "", v.low if v.low is not None else -1, v.text))
    return TrendFigure(topic, status, tuple(values), trend)


def _status(group: list[_Observation], origin: dict[str, str]) -> tuple[str, str | None]:
    """("conflict" | "consistent", trend) for the values of one topic."""
    by_source: dict[str, list[_Observation]] = defaultdict(list)
    for obs in group:
        by_source[origin.get(obs.source, obs.source)].append(obs)
    claims = {sid: _claims(values) for sid, values in by_source.items()}
    several = group[0].kind != "people"  # amounts, lengths, places: see _distinct
    trend = None
    names = sorted(claims)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if several and (_distinct(claims[a]) > 1 or _distinct(claims[b]) > 1):
                continue
            verdict = _compare(claims[a], claims[b], claims)
            if verdict == "conflict":
                return "conflict", None
            trend = trend or verdict
    return "consistent", trend


def _distinct(values: list[_Observation]) -> int:
    """How many different values a source gives. A source naming several amounts, lengths or
    populations for one topic speaks of several things (two fines, two cities), so it is
    compared with no one; people counts keep the finer rules of :func:`_compare`."""
    return len({(v.interval, v.currency) for v in values})


def _said_together(x: _Observation, y: _Observation, claims: dict[str, list[_Observation]]) -> bool:
    """True when one source states values matching both: it does not see them as rivals (a
    flat's four evacuees beside the block's sixty), so neither do we."""
    for values in claims.values():
        hits_x = [v for v in values if v.interval.meets(x.interval)]
        hits_y = [v for v in values if v.interval.meets(y.interval)]
        if hits_x and hits_y and len({*hits_x, *hits_y}) > 1:
            return True
    return False


def _claims(values: list[_Observation]) -> list[_Observation]:
    """A source's values minus vague wordings it also states precisely ("thousands arrested"
    beside "around 12,000 arrested")."""
    precise = [v for v in values if not v.vague]
    return [
        v for v in values if not (v.vague and any(v.interval.meets(p.interval) for p in precise))
    ]


def _compare(
    a: list[_Observation], b: list[_Observation], claims: dict[str, list[_Observation]]
) -> str | None:
    """Conflict, a trend ("rising"/"changed") or None between two sources' claims."""
    left = [x for x in a if not any(_agree(x, y) for y in b)]
    right = [y for y in b if not any(_agree(y, x) for x in a)]
    if not left or not right:
        return None  # one source's values are all matched: it only says less
    trend = None
    for x in left:
        for y in right:
            if not _comparable(x, y) or _said_together(x, y, claims) or _other_occasion(x, y):
                continue
            explained = _over_time(x, y)
            if explained is None:
                return "conflict"
            trend = explained
    return trend


def _agree(x: _Observation, y: _Observation) -> bool:
    """True when the two values can both hold, or are not about the same thing. "Several"
    and "a few" are too loose to contradict anything ("several detentions")."""
    if x.weak or y.weak:
        return True
    return not _comparable(x, y) or x.interval.meets(y.interval)


def _comparable(x: _Observation, y: _Observation) -> bool:
    """Same currency, and for amounts and jail terms the same named holder; for ages, the
    same kind of role where both reports name one ("van driver", "car driver")."""
    if x.currency != y.currency:
        return False
    if x.kind == "duration" and _scales_apart(x, y):
        return False  # "delayed for two hours" and "delayed more than two years": two delays
    if x.holder == _ANYONE and y.holder == _ANYONE:
        return True
    if x.kind == "age":
        # "the driver" may be the car driver; the van driver is not the car driver.
        return _ANYONE in (x.holder, y.holder) or x.holder == y.holder
    if x.holder is None or y.holder is None:
        return False  # "he lost $500": whose, we cannot tell
    return bool(set(x.holder.lower().split()) & set(y.holder.lower().split()))


def _scales_apart(x: _Observation, y: _Observation) -> bool:
    """True when two lengths differ by more than DURATION_SCALE_GAP times (hours against
    years): the lengths of two different things, not two accounts of one."""
    sizes = [max(v for v in (o.low, o.high) if v is not None) for o in (x, y)]
    small, large = sorted(sizes)
    return small > 0 and large / small > DURATION_SCALE_GAP


def _other_occasion(x: _Observation, y: _Observation) -> bool:
    """True when each value is given for a day its sentence names, and the days differ: a
    delay "on Jan 12" and one "on Jan 10" are two delays. Counts that grow or change over a
    story are left to :func:`_over_time`, which tells a rising toll from a falling one."""
    if x.cumulative or x.kind in CHANGING_KINDS:
        return False
    return x.dated and y.dated and x.as_of != y.as_of


def _over_time(x: _Observation, y: _Observation) -> str | None:
    """How dates explain two disagreeing values, or None when they do not."""
    if x.as_of is None or y.as_of is None or x.as_of == y.as_of:
        return None
    early, late = (x, y) if x.as_of < y.as_of else (y, x)
    if x.cumulative:
        return "rising" if early.interval.below(late.interval) else None
    if x.kind in CHANGING_KINDS:
        return "changed"
    return None
