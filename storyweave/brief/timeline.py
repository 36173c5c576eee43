"""Dated events, relative dates resolved, merged across sources.

Every date phrase a source uses (see :mod:`storyweave.nlp.dates`) dates the clause around it:
that clause is one *event*. Events of the same date and precision whose wording is close
(shared content words, or MiniLM sentence-embedding cosine) are one timeline entry citing every
source that reports them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc

from storyweave.clean.dateline import in_wire_dateline
from storyweave.evidence import span
from storyweave.models import Evidence, Source, TimelineEntry
from storyweave.nlp.dates import DatePhrase, find_date_mentions, find_date_phrases

# Two events of one date are the same event when their content-word overlap (Jaccard over
# 5-letter stems) reaches this, or when their MiniLM cosine reaches SAME_EVENT_COSINE.
# Measured on the seed story (2022-01-13 events): the four withdrawal clauses pair at cosine
# 0.55-0.80 and Jaccard 0.10-0.40, while withdrawal vs airport/detentions clauses stay below
# cosine 0.35 and Jaccard 0.10. The invented fixtures in tests/test_timeline.py agree.
SAME_EVENT_JACCARD = 0.34
SAME_EVENT_COSINE = 0.5
# A dated sentence needs this many content words besides its date to describe an event;
# fewer is a dateline or an "Updated: ..." stamp.
MIN_EVENT_WORDS = 3
# Clauses split off a sentence holding several dates must keep this many characters, else the
# whole sentence is the event text.
MIN_CLAUSE_CHARS = 25

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘'(])|\s*\n\s*")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_CLAUSE_CUT = re.compile(r",\s+|;\s+|\s+[—–-]\s+|\s+(?:and|but|while|after|that)\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_DATE_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "week",
    "month",
    "year",
    "ago",
    "last",
    "next",
    "morning",
    "evening",
    "night",
}


@dataclass(frozen=True)
class DatedEvent:
    """One clause of one source that a date phrase dates."""

    source: str
    date: str
    precision: str
    evidence: Evidence  # the clause, with the date wording in ``phrase``
    damaged: bool  # the sentence holds words a cleaning flag marked as dropped
    order: int  # position among all events, for stable tie-breaking


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _DATE_WORDS


def content_stems(text: str) -> frozenset[str]:
    """Lower-cased 5-letter stems of the content words of ``text`` (stop and date words out)."""
    stop = _stop_words()
    return frozenset(
        w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in stop and len(w) > 2
    )


def _sentences(source: Source, doc: Doc | None) -> list[tuple[int, int]]:
    text = source.text
    if doc is not None and doc.text == text:
        # The parser joins a headline to the next paragraph; a line break always ends one.
        cuts = _LINE_BREAK
        pieces = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        cuts = _SENTENCE_END
        pieces = [(0, len(text))]
    bounds = []
    for lo, hi in pieces:
        start = lo
        for cut in cuts.finditer(text, lo, hi):
            bounds.append((start, cut.start()))
            start = cut.end()
        bounds.append((start, hi))
    return [_strip_stray(text, a, b) for a, b in bounds if text[a:b].strip()]


def _strip_stray(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a closing quote the parser left at the start of the next sentence."""
    lead = re.match(r"\s*[\"”’']\s+", text[start:end])
    return (start + lead.end(), end) if lead else (start, end)


def _clause(
    text: str, lo: int, hi: int, phrase: DatePhrase, others: list[DatePhrase]
) -> tuple[int, int]:
    """The part of sentence ``text[lo:hi]`` around ``phrase`` that no other date shares.

    Between two date phrases the sentence is cut at the last clause break before the later
    one, so each phrase keeps the words that follow it.
    """
    cuts = [c.end() for c in _CLAUSE_CUT.finditer(text, lo, hi)]
    start, end = lo, hi
    for other in others:
        between = [
            c for c in cuts if min(other.end, phrase.end) <= c <= max(other.start, phrase.start)
        ]
        if not between:
            continue
        if other.end <= phrase.start:
            start = max(start, between[-1])
        elif other.start >= phrase.end:
            end = min(end, between[-1])
    if end - start < MIN_CLAUSE_CHARS:
        return lo, hi
    return start, end


def _trim_cut(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a clause-cut word, a list bullet or punctuation left at the edges of a clause."""
    piece = text[start:end]
    lead = re.match(r"(?:[-–•*·▪]|and|but|while|after|that)\s+", piece)  # "- " a list bullet
    if lead:
        start += lead.end()
    tail = re.search(r"(?:,|;|\s+[—–-]|\s+(?:and|but|while|after|that))\s*$", text[start:end])
    if tail:
        end = start + tail.start()
    return start, end


def source_events(
    source: Source, doc: Doc | None, phrases: Sequence[DatePhrase]
) -> list[tuple[DatePhrase, Evidence, bool]]:
    """(phrase, clause evidence, damaged) for each phrase of one source that dates an event.

    A phrase belongs to the sentence it starts in; a sentence is damaged when it holds words a
    ``dropped_words`` flag names.
    """
    if not phrases:
        return []
    dropped = [f.evidence for f in source.flags if f.kind == "dropped_words" and f.evidence]
    out = []
    text = source.text
    for lo, hi in _sentences(source, doc):
        inside = [p for p in phrases if lo <= p.start < hi]
        if not inside:
            continue
        # A parser may end a sentence inside "Jan. 11, 2022"; the date keeps its sentence.
        hi = max(hi, max(p.end for p in inside))
        damaged = any(d in text[lo:hi] for d in dropped)
        ends = _ranges(text, inside)
        seen: set[tuple[str, int, int]] = set()
        for p in inside:
            # "between August 2018 and February 2022" is one period: its two ends keep the
            # whole clause rather than each keeping half of it.
            others = [o for o in inside if o.date != p.date and id(o) != ends.get(id(p))]
            start, end = _trim_cut(text, *_clause(text, lo, hi, p, others))
            rest = text[start : p.start] + " " + text[p.end : end]
            if len(content_stems(rest)) >= MIN_EVENT_WORDS and (p.date, start, end) not in seen:
                seen.add((p.date, start, end))
                out.append((p, span(source, start, end, p.phrase), damaged))
    return out


# "between August 2018 and February 2022", "from Jan 10 to Jan 12": one period.
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|[-–—])\s*", re.IGNORECASE)


def _real_day(iso: str) -> bool:
    """Whether ``YYYY-MM-DD`` is a day of the calendar (not 29 February of a common year)."""
    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _ranges(text: str, phrases: list[DatePhrase]) -> dict[int, int]:
    """{id of a phrase: id of the other end of its period} for the periods the phrases
    give ("from Nov 8 to Nov 10, 2023"); in place, an opening phrase without a year takes
    the closing one's."""
    ends: dict[int, int] = {}
    ordered = sorted(range(len(phrases)), key=lambda i: phrases[i].start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        first, second = phrases[a], phrases[b]
        opened = first.phrase.lower().startswith(("from ", "between ")) or _RANGE_OPEN.search(
            text[max(0, first.start - 12) : first.start]
        )
        if not (opened and _RANGE_JOIN.fullmatch(text[first.end : second.start])):
            continue
        year = second.date[:4]
        if not re.search(r"\d{4}", first.phrase) and first.date[:4] != year:
            moved = year + first.date[4:]
            if _real_day(moved) and moved <= second.date:
                phrases[a] = first = replace(first, date=moved)
        ends[id(first)], ends[id(second)] = id(second), id(first)
    return ends


def dated_events(sources: Sequence[Source], docs: Sequence[Doc] | None = None) -> list[DatedEvent]:
    """Every dated clause of every source with a usable date, in source and text order."""
    events: list[DatedEvent] = []
    found = _story_years(
        [_event_phrases(s.text, find_date_phrases(s.text, s.published)) for s in sources]
    )
    for i, (source, phrases) in enumerate(zip(sources, found, strict=True)):
        doc = docs[i] if docs is not None and i < len(docs) else None
        for p, evidence, damaged in source_events(source, doc, phrases):
            events.append(
                DatedEvent(source.sid, p.date, p.precision, evidence, damaged, len(events))
            )
    return events + _event_anchored(sources, docs, events)


_QUOTATION = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|``[^'\n]*''")


def _event_phrases(text: str, phrases: list[DatePhrase]) -> list[DatePhrase]:
    """The phrases but relative ones inside a quotation ("“Today's ruling is wrong,”
    his lawyer said" in a report of the next day is not that day's; when the words were said
    the text does not tell) and those of a wire dateline."""
    quoted = [(m.start(), m.end()) for m in _QUOTATION.finditer(text)]
    return [
        p
        for p in phrases
        if not (p.relative and any(a < p.start < b for a, b in quoted))
        and not in_wire_dateline(text, p.start)
    ]


_MONTH_NAME = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_SHIFTED = re.compile(r"(?i)\b(?:last|next|this|previous|coming)\b")


def _story_years(found: list[list[DatePhrase]]) -> list[list[DatePhrase]]:
    """Each source's phrases, a day or month written without its year ("June 14", "in June")
    moved to the year next to the one it resolved to when the story writes that day or month
    with that year and never with the resolved one: "the June 14 oil spill" in a February 2025
    report of a story that writes "June 14, 2024" is 2024's, not the closer June of 2025.
    Clauses about the future keep their year."""
    written: dict[str, set[int]] = {}
    for phrases in found:
        for p in phrases:
            if not p.relative and p.precision in ("day", "month"):
                # "June 14, 2024" writes June 2024 too.
                for key in {_day_or_month(p), p.date[4:7]}:
                    written.setdefault(key, set()).add(int(p.date[:4]))
    out = []
    for phrases in found:
        moved = []
        for p in phrases:
            years = written.get(_day_or_month(p), set())
            year = int(p.date[:4])
            yearless = (
                p.relative
                and p.precision in ("day", "month")
                and not p.future
                and _MONTH_NAME.search(p.phrase)
                and not _SHIFTED.search(p.phrase)
            )
            near = [y for y in years if abs(y - year) == 1]
            if yearless and year not in years and len(near) == 1:
                p = replace(p, date=f"{near[0]}{p.date[4:]}")
            moved.append(p)
        out.append(moved)
    return out


def _day_or_month(phrase: DatePhrase) -> str:
    """ "-MM-DD" of a day, "-MM" of a month: the date without its year."""
    return phrase.date[4:] if phrase.precision == "day" else phrase.date[4:7]


def _event_anchored(
    sources: Sequence[Source], docs: Sequence[Doc] | None, events: list[DatedEvent]
) -> list[DatedEvent]:
    """Events dated from another event: "three days after the start of the protests".

    The named event's start is the earliest day any source dates a clause mentioning it (its
    own sentence aside); the phrase's date is that day plus the offset.
    """
    out: list[DatedEvent] = []
    for i, source in enumerate(sources):
        extra = []
        for m in find_date_mentions(source.text):
            if m.kind != "event" or not m.about:
                continue
            about = content_stems(m.about)
            starts = sorted(
                e.date
                for e in events
                if e.precision == "day"
                and about
                and about <= content_stems(e.evidence.text)
                and not (e.source == source.sid and e.evidence.start <= m.start < e.evidence.end)
            )
            if starts:
                day = date.fromisoformat(starts[0]) + timedelta(days=m.value[0] or 0)
                extra.append(DatePhrase(m.start, m.end, m.phrase, day.isoformat(), "day", True))
        if not extra:
            continue
        doc = docs[i] if docs is not None and i < len(docs) else None
        phrases = sorted(
            find_date_phrases(source.text, source.published) + extra, key=lambda p: p.start
        )
        for p, evidence, damaged in source_events(source, doc, phrases):
            if p in extra:
                order = len(events) + len(out)
                out.append(DatedEvent(source.sid, p.date, "day", evidence, damaged, order))
    return out


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two stem sets (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def similarity_matrices(
    texts_a: Sequence[str], texts_b: Sequence[str], use_embeddings: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """(Jaccard, cosine) matrices between two lists of event texts; cosine is 0 when off."""
    stems_a = [content_stems(t) for t in texts_a]
    stems_b = [content_stems(t) for t in texts_b]
    jac = np.array([[jaccard(a, b) for b in stems_b] for a in stems_a], dtype=np.float64)
    jac = jac.reshape(len(texts_a), len(texts_b))
    if use_embeddings and texts_a and texts_b:
        from storyweave.nlp.embed import embed

        cos = embed(texts_a) @ embed(texts_b).T
    else:
        cos = np.zeros_like(jac)
    return jac, cos.astype(np.float64)


def same_event(jac: float, cos: float) -> bool:
    """Whether two same-date events with these similarities are one event."""
    return jac >= SAME_EVENT_JACCARD or cos >= SAME_EVENT_COSINE


def _group(events: list[DatedEvent], jac: np.ndarray, cos: np.ndarray) -> list[list[int]]:
    """Single-link groups of same-date events, in first-event order (deterministic): two
    events are in one group when a chain of same-event pairs joins them, whatever the order
    the sources came in."""
    root = list(range(len(events)))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for i in range(len(events)):
        for j in range(i):
            if same_event(jac[i, j], cos[i, j]):
                a, b = find(i), find(j)
                root[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(events)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _entry(
    events: list[DatedEvent], sources: dict[str, Source], closeness: np.ndarray | None = None
) -> TimelineEntry:
    """One timeline entry from a group of same-event clauses. Its text is the clause closest
    to the others (``closeness[i, j]`` between ``events[i]`` and ``events[j]``), the shortest
    of the closest: "Zhang was charged in court on Feb. 6 for the offence of theft." over
    "He was charged in court on Feb. 6, CNA reported." and longer clauses adding other facts.
    """
    clean = [e for e in events if not e.damaged]
    clean_sources = {e.source for e in clean}
    # A damaged clause is kept only for a source that says it nowhere else in this entry.
    kept = clean + [e for e in events if e.damaged and e.source not in clean_sources]
    kept.sort(key=lambda e: e.order)
    pool = clean or kept
    index = {id(e): i for i, e in enumerate(events)}

    def central(e: DatedEvent) -> float:
        if closeness is None:
            return 0.0
        i = index[id(e)]
        # Against the other wordings only: a reprint's copy would count twice.
        others = {o.evidence.text: o for o in pool if o.evidence.text != e.evidence.text}
        return round(sum(float(closeness[i, index[id(o)]]) for o in others.values()), 6)

    text = min(pool, key=lambda e: (-central(e), len(e.evidence.text), e.order)).evidence.text
    sids = sorted({e.source for e in kept}, key=lambda s: list(sources).index(s))
    return TimelineEntry(
        date=kept[0].date,
        precision=kept[0].precision,
        text=text,
        sources=tuple(sids),
        evidence=tuple(e.evidence for e in kept),
    )


def independent_count(entry: TimelineEntry, sources: dict[str, Source]) -> int:
    """Sources of an entry, counting a reprint and its original once."""
    return len({sources[s].duplicate_of or s for s in entry.sources})


def build_timeline(
    sources: Sequence[Source], docs: Sequence[Doc] | None = None, use_embeddings: bool = True
) -> list[TimelineEntry]:
    """Timeline entries: by date, then by number of independent sources (most first).

    Args:
        sources: the story's sources; relative dates resolve against each one's ``published``.
        docs: their spaCy parses (for sentence bounds); regex sentence splitting when None.
        use_embeddings: also merge events by MiniLM cosine, not only by shared words.
    """
    events = dated_events(sources, docs)
    by_sid = {s.sid: s for s in sources}
    buckets: dict[tuple[str, str], list[DatedEvent]] = {}
    for e in events:
        buckets.setdefault((e.date, e.precision), []).append(e)
    vectors: dict[int, np.ndarray] = {}
    shared = [e for b in buckets.values() if len(b) > 1 for e in b]
    if use_embeddings and shared:
        from storyweave.nlp.embed import embed

        vectors = dict(
            zip((e.order for e in shared), embed([e.evidence.text for e in shared]), strict=True)
        )
    entries: list[tuple[TimelineEntry, int]] = []
    for key in sorted(buckets):
        bucket = buckets[key]
        texts = [e.evidence.text for e in bucket]
        jac, cos = similarity_matrices(texts, texts, use_embeddings=False)
        if vectors and len(bucket) > 1:
            rows = np.vstack([vectors[e.order] for e in bucket])
            cos = (rows @ rows.T).astype(np.float64)
        for g in _group(bucket, jac, cos):
            entry = _entry([bucket[i] for i in g], by_sid, (jac + cos)[np.ix_(g, g)])
            entries.append((entry, min(bucket[i].order for i in g)))
    entries.sort(key=lambda x: (x[0].date, -independent_count(x[0], by_sid), x[1]))
    return [e for e, _ in entries]


# An undated report is matched against the others' events on every day this far around their
# publication dates (a week covers every weekday phrase once).
INFER_WINDOW_DAYS = 7
# Fewest of its relative-dated events that must land on the date of the same event in another
# source for a publication date to be inferred. On the seed story the undated report scores 3 on
# its true day (2 on the days around it); with a dated report's date hidden, one loose match on
# a wrong day is the best it gets, so one match is not evidence enough.
MIN_INFER_MATCHES = 2


def infer_dates(sources: Sequence[Source], docs: Sequence[Doc] | None = None) -> list[str | None]:
    """Publication dates for the undated sources, from the events the other sources date.

    The rule: for each candidate day D around the dated sources' publication dates, resolve the
    undated source's relative phrases ("on Thursday", "today", "five days ago") as if it was
    published on D, and count its events that fall on the same date as the same event (same
    words or close embedding) in a dated source. D is the day with the most such matches (at
    least MIN_INFER_MATCHES); on a tie, the earliest such day, since a report comes out as soon
    as it can. Sources with a date, or with no matching event, get None.
    """
    known = [i for i, s in enumerate(sources) if s.published and s.published_from != "inferred"]
    out: list[str | None] = [None] * len(sources)
    if not known:
        return out
    ref_sources = [sources[i] for i in known]
    ref_docs = [docs[i] for i in known] if docs is not None else None
    refs = [e for e in dated_events(ref_sources, ref_docs) if e.precision == "day"]
    pubs = sorted(date.fromisoformat(sources[i].published or "") for i in known)
    days = (pubs[-1] - pubs[0]).days + 2 * INFER_WINDOW_DAYS
    anchors = [pubs[0] - timedelta(days=INFER_WINDOW_DAYS - k) for k in range(days + 1)]
    vectors: dict[str, np.ndarray] = {}
    for i, source in enumerate(sources):
        if source.published or not refs:
            continue
        doc = docs[i] if docs is not None else None
        best: tuple[int, date] | None = None
        for anchor in anchors:
            score = _matches(source, doc, anchor, refs, vectors)
            if score >= MIN_INFER_MATCHES and (best is None or score > best[0]):
                best = (score, anchor)
        out[i] = best[1].isoformat() if best else None
    return out


def _matches(
    source: Source,
    doc: Doc | None,
    anchor: date,
    refs: list[DatedEvent],
    vectors: dict[str, np.ndarray],
) -> int:
    """How many of the source's relative day events, read as of ``anchor``, others also date."""
    phrases = find_date_phrases(source.text, anchor)
    events = [
        (p, ev)
        for p, ev, _ in source_events(source, doc, phrases)
        if p.relative and p.precision == "day"
    ]
    score = 0
    for p, ev in events:
        same_day = [r for r in refs if r.date == p.date]
        if not same_day:
            continue
        texts = [ev.text] + [r.evidence.text for r in same_day]
        _embed_missing(texts, vectors)
        stems = content_stems(ev.text)
        if any(
            same_event(
                jaccard(stems, content_stems(r.evidence.text)),
                float(vectors[ev.text] @ vectors[r.evidence.text]),
            )
            for r in same_day
        ):
            score += 1
    return score


def _embed_missing(texts: list[str], vectors: dict[str, np.ndarray]) -> None:
    missing = sorted({t for t in texts if t not in vectors})
    if missing:
        from storyweave.nlp.embed import embed

        for text, row in zip(missing, embed(missing), strict=True):
            vectors[text] = row
