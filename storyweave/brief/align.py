"""Sentences of every source and which of them say the same thing across sources.

A *unit* is one sentence of one source's cleaned text (a character range of ``Source.text``),
with the features alignment needs: content stems, named entities, numbers, and the clauses
inside it. Two units from different independent sources are *aligned* when they say the same
thing: close in MiniLM space (sentence or clause level, so a long sentence can support a short
one) and anchored by shared content words, entities or numbers.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from spacy.tokens import Doc, Span

from storyweave.models import Source
from storyweave.nlp.embed import DIMENSIONS, embed

# --- Sentence screening -------------------------------------------------------------------
# Fewer words than this is a fragment (a dateline, a credit, "Live Story"), never a claim.
# 6 keeps the shortest real claims seen in wire copy ("Dozens of people were also injured.").
MIN_WORDS = 6
# A text is hard-wrapped when at least this share of its lines (of at least HARD_WRAP_MIN_LINES)
# end without sentence punctuation; web text has one paragraph per line, so its share is low
# (seed story: under 0.35), DUC wire copy wrapped at ~70 columns is over 0.8.
HARD_WRAP_SHARE = 0.6
HARD_WRAP_MIN_LINES = 8
# Flags whose evidence marks a sentence as damaged (see clean.flags).
DAMAGE_KINDS = frozenset({"dropped_words", "truncated", "garbled"})
# Caption and credit shapes that cleaning may have left in the body.
CREDIT_RE = re.compile(
    r"(\[[^\]]{1,40}\]\s*$)"  # "... last week [Getty]"
    r"|(^\W*(image|photo|picture|credit|source|video)s?\s*:)"  # "Image: Name/AFP"
    r"|([.)]\s+(?:[A-Z]{2,6}|Reuters|Getty Images)\.?\s*$)"  # "... in the capital. AP"
    r"|(\((?:[^()]*\b(?:via|photo|file)\b[^()]*)\)\s*$)"  # "(Press Service via AP)"
    r"|(\b(?:pictured|in this photo|photo released|seen here)\b)",
    re.IGNORECASE,
)
END_PUNCT = ".!?\"'”’)…"
# Dependency labels whose subtree is a clause worth comparing on its own.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "appos", "acl"})
# Clauses shorter than this (tokens) are too generic to align on ("officials said").
MIN_CLAUSE_TOKENS = 5
# At most this many clauses per sentence are embedded, and only for sentences of at least
# CLAUSE_SENTENCE_TOKENS tokens: in a shorter one every clause is most of the sentence. This
# halves the embedding work on DUC wire copy and changes no seed alignment.
MAX_CLAUSES = 3
CLAUSE_SENTENCE_TOKENS = 18
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
# Stems are the first characters of a lemma: "withdrawal"/"withdraw", "preparation"/"prepare".
STEM_CHARS = 6

# --- Alignment thresholds ----------------------------------------------------------------
# Chosen on the seed story (22 hand-marked paraphrase pairs, 23 same-story non-paraphrases)
# and checked on the invented stories of tests/test_support.py. A translated pair ("collective
# peacekeeping forces ... are starting to prepare equipment" / "the alliance's peacekeeping
# units ... began to prepare military and technical equipment") scores cosine 0.77; sentences
# of one story about different things score 0.45-0.66 because they share the story's
# vocabulary, which is why the lexical part is weighted by rarity within the story (IDF over
# its sentences).
# Meaning alone never aligns two sentences: within one story MiniLM puts every sentence naming
# its subject close together. A short clause carrying only the subject ("adopting the CDC
# vouchers scheme") reached 0.76-0.85 with every sentence naming it ("when claiming CDC
# vouchers"), and whole sentences of a focused story 0.70-0.81 ("For updates on the scheme,
# visit ..." / "After redeeming the vouchers, citizens will receive a message ..."), with no
# rare word shared. A rule aligning at cosine 0.74 on meaning alone made 24 of 167 alignments
# of a LocalNews story, all different claims when read; on the seed story it made one, itself
# doubtful. Translations still align through the combined score below.
# Two sentences align when 0.6 * cosine + 0.4 * rare-word overlap reaches COMBINED_MIN. Cosine
# here is the mean of the whole-sentence and best clause-pair cosines. 0.50 keeps 17 of the 22
# seed paraphrase pairs and lets in 6 of 29 non-paraphrases, all about the same sub-event.
COMBINED_MIN = 0.50
COSINE_WEIGHT = 0.6
# The same measure with the same unit ("10 days", "$5 million") in two sentences that are at
# least loosely related is the same claim: "the pullback is expected to be completed within 10
# days" / "the phased withdrawal ... would take no more than 10 days" score only 0.42 in MiniLM.
# Head counts ("2,000 troops") and distances ("20 miles off the coast") do not count: they
# describe who acts or where, in many different claims ("sent 2,000 troops" / "2,000 troops
# began withdrawing"; on DUC 2004 a shared distance paired two unrelated quotes).
QUANTITY_COS = 0.40
MEASURE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT"})
# ... unless the measure is the story's own subject: in a story told by many independent
# sources, a measure more than QUANTITY_MAX_SHARE of them give ("18 months" in a screen-time
# rule given by about 30 of 35 sources) sits in many different claims. On such a LocalNews
# story it made 640 of 4,494 alignments, and anecdotes one source told came out "agreed" by 23.
# Stories of at most QUANTITY_MIN_GROUPS sources keep the rule whole: there most claims are
# told by most sources (the seed story's "10 days" is given by 3 of 5). With 0.5 instead of
# 0.7, DUC 2004 ROUGE-2 fell 0.1021 -> 0.1018; with 0.7 it is unchanged.
QUANTITY_MAX_SHARE = 0.7
QUANTITY_MIN_GROUPS = 6


# Named institutions people and things are taken to, held at or sent from ("Tan Tock Seng
# Hospital", "Woodlands Health Campus"); the small English model leaves most untagged. Two
# sentences naming different ones tell different things: the same claim cannot send one
# patient to two hospitals.
FACILITY = re.compile(
    r"\b(?:(?!The\b)[A-Z][\w'’.-]*\s+){1,4}(?:Hospital|Campus|Centre|Center|Clinic|Prison|Jail|"
    r"Airport|Station|School|University|College|Stadium|Hotel)\b"
)


def facility_names(text: str) -> frozenset[str]:
    """Lower-case institution names in ``text`` (see :data:`FACILITY`)."""
    return frozenset(m.group(0).lower() for m in FACILITY.finditer(text))


@dataclass(frozen=True)
class Unit:
    """One sentence of one source, with what alignment needs."""

    source: int  # index into the sources
    sid: str
    group: str  # independent source group: the sid a reprint copies, else its own sid
    start: int
    end: int
    text: str
    position: int  # sentence number within the source, from 0
    kind: str  # "sentence" | "heading" | "question" | "fragment" | "caption" | "damaged"
    stems: frozenset[str]
    entities: frozenset[str]
    numbers: frozenset[str]
    quantities: frozenset[str]  # "10 day", "5 million": a measure with its unit
    clauses: tuple[str, ...]  # clause texts (sub-ranges of the sentence) to embed
    facilities: frozenset[str] = frozenset()  # institutions it names ("... Hospital")
    to_reader: bool = False  # advice to the reader ("Visit ...", "You will never be asked ...")

    @property
    def usable(self) -> bool:
        """A whole, body-text, declarative sentence: may count as support and be quoted."""
        return self.kind == "sentence"


def independent_group(source: Source, by_sid: dict[str, Source]) -> str:
    """The sid of the original a reprint copies (following chains), else the source's own sid."""
    seen = {source.sid}
    while source.duplicate_of is not None and source.duplicate_of in by_sid:
        source = by_sid[source.duplicate_of]
        if source.sid in seen:
            break
        seen.add(source.sid)
    return source.sid


def _hard_wrapped(text: str) -> bool:
    """Most lines end mid-sentence at a similar length: the text was wrapped at a fixed width."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < HARD_WRAP_MIN_LINES:
        return False
    open_ended = sum(1 for line in lines if line[-1] not in END_PUNCT)
    return open_ended / len(lines) >= HARD_WRAP_SHARE


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the sentences of a doc.

    Sentences are also cut at line breaks (a heading or a caption line is its own unit) unless
    the text is hard-wrapped; a short piece on the same line as the sentence before it (a
    credit "[Getty]", a stray "in the statement.") is joined to that sentence.
    """
    text = doc.text
    wrapped = _hard_wrapped(text)
    breaks = r"\n\s*\n" if wrapped else r"\n"
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start_char
        for m in re.finditer(breaks, text[sent.start_char : sent.end_char]):
            pieces.append((start, sent.start_char + m.start()))
            start = sent.start_char + m.end()
        pieces.append((start, sent.end_char))
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        short = len(re.findall(r"\w+", text[start:end])) < MIN_WORDS
        if out and short and "\n" not in text[out[-1][1] : start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# A clock time written as one token ("5.40am", "5:40am", "12pm"): the tagger does not split
# it, so without this rule two sentences giving different times shared no number to disagree.
CLOCK_TOKEN = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?(?:am|pm|a\.m\.|p\.m\.)", re.I)


def _number(token_text: str) -> str | None:
    digits = token_text.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", digits):
        return digits
    if clock := CLOCK_TOKEN.fullmatch(token_text):
        hour, minute = clock.groups()
        return f"{hour}.{minute}" if minute else hour
    if re.fullmatch(r"\d{1,2}:\d{2}", token_text):
        return token_text.replace(":", ".")
    return None


def _kind(source: Source, span: Span, damaged: Sequence[tuple[int, int]], noise: set[str]) -> str:
    text = span.text.strip()
    words = [t for t in span if not t.is_punct and not t.is_space]
    if any(s < span.end_char and e > span.start_char for s, e in damaged):
        return "damaged"
    if " ".join(text.split()) in noise or CREDIT_RE.search(text):
        return "caption"
    if text.endswith("?"):
        return "question"
    if len(words) < MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return "fragment"
    if words[0].text.islower() and words[0].text.isalpha():
        return "fragment"  # "but I can't reach them.": the tail of a sentence split wrongly
    if text[-1] not in END_PUNCT:
        return "heading"
    return "sentence"


def _damaged_ranges(source: Source) -> list[tuple[int, int]]:
    out = []
    for flag in source.flags:
        if flag.kind in DAMAGE_KINDS and flag.evidence:
            at = source.text.find(flag.evidence)
            while at >= 0:
                out.append((at, at + len(flag.evidence)))
                at = source.text.find(flag.evidence, at + 1)
    return out


def _content_stems(span: Span) -> frozenset[str]:
    """Stems of the content words; a multi-word name counts once, as the stem of its head, so
    "Collective Security Treaty Organization" weighs one word, like "the alliance" would."""
    in_name = {t.i for e in span.ents if e.label_ in ENTITY_LABELS for t in e}
    stems = {
        t.lemma_.lower()[:STEM_CHARS]
        for t in span
        if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha and t.i not in in_name
    }
    stems |= {e.root.lemma_.lower()[:STEM_CHARS] for e in span.ents if e.label_ in ENTITY_LABELS}
    return frozenset(stems)


def _clauses(span: Span) -> tuple[str, ...]:
    if len(span) < CLAUSE_SENTENCE_TOKENS:
        return ()
    found: list[str] = []
    for token in span:
        if token.dep_ not in CLAUSE_DEPS or token == span.root:
            continue
        left, right = token.left_edge.i, token.right_edge.i + 1
        left, right = max(left, span.start), min(right, span.end)
        sub = span.doc[left:right]
        if MIN_CLAUSE_TOKENS <= len(sub) <= len(span) - 3 and any(
            t.pos_ in ("VERB", "AUX") for t in sub
        ):
            found.append(sub.text)
        if len(found) >= MAX_CLAUSES:
            break
    return tuple(found)


def _paragraph_of(text: str) -> list[int]:
    """Start offsets of the paragraphs of a text (lines, or blank-line blocks if hard-wrapped)."""
    breaks = r"\n\s*\n" if _hard_wrapped(text) else r"\n"
    return [0] + [m.end() for m in re.finditer(breaks, text)]


SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
QUOTE_MARKS = frozenset("\"“”‘’'")


def to_reader(span: Span) -> bool:
    """Whether a sentence addresses the reader, outside any quotation: an instruction ("For
    updates, visit ...", "Look for the sign") or the second person ("You will never be asked
    to ..."). Service text of the page, not what happened.

    Example:
        >>> from storyweave.nlp.spacy_model import parse
        >>> [to_reader(next(parse([t])[0].sents)) for t in ("Visit the portal.", "Police came.")]
        [True, False]
    """
    quoted = False
    for tok in span:
        if tok.text in QUOTE_MARKS:
            quoted = not quoted
        elif not quoted and tok.lower_ in SECOND_PERSON:
            return True
    if any(t.text in QUOTE_MARKS for t in span):
        return False
    root = span.root
    if root.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in root.children
    ):
        return True
    # "For updates on the scheme, visit ...", "If in doubt, call ...": the parser often
    # misses the instruction after a fronted phrase.
    if span[0].lower_ not in ("for", "to", "if"):
        return False
    comma = next((t.i for t in span if t.text == ","), None)
    after = span.doc[comma + 1] if comma is not None and comma + 1 < span.end else None
    return after is not None and after.tag_ in ("VB", "VBP") and after.lower_ == after.lemma_


def build_units(sources: Sequence[Source], docs: Sequence[Doc]) -> list[Unit]:
    """Every sentence of every source as a Unit, in source then text order."""
    by_sid = {s.sid: s for s in sources}
    units: list[Unit] = []
    for i, (source, doc) in enumerate(zip(sources, docs, strict=True)):
        group = independent_group(source, by_sid)
        damaged = _damaged_ranges(source)
        noise = {" ".join(c.split()) for c in source.captions}
        noise |= {" ".join(r.text.split()) for r in source.removed}
        paragraphs = _paragraph_of(source.text)
        found: list[Unit] = []
        for position, (start, end) in enumerate(sentence_ranges(doc)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            kind = _kind(source, span, damaged, noise)
            stems = _content_stems(span)
            entities = frozenset(e.text.lower() for e in span.ents if e.label_ in ENTITY_LABELS)
            numbers = frozenset(n for t in span if (n := _number(t.text)) is not None)
            quantities = frozenset(
                f"{n} {t.head.lemma_.lower()}"
                for t in span
                if t.dep_ == "nummod"
                and t.ent_type_ in MEASURE_LABELS
                and (n := _number(t.text)) is not None
            )
            found.append(
                Unit(
                    source=i,
                    sid=source.sid,
                    group=group,
                    start=start,
                    end=end,
                    text=source.text[start:end],
                    position=position,
                    kind=kind,
                    stems=stems,
                    entities=entities,
                    numbers=numbers,
                    quantities=quantities,
                    clauses=_clauses(span) if kind == "sentence" else (),
                    facilities=facility_names(source.text[start:end]),
                    to_reader=to_reader(span),
                )
            )
        # A caption paragraph is a caption throughout, not only the sentence naming the photo.
        caption_paragraphs = {
            bisect_right(paragraphs, u.start) for u in found if u.kind == "caption"
        }
        for u in found:
            if u.kind == "sentence" and bisect_right(paragraphs, u.start) in caption_paragraphs:
                u = replace(u, kind="caption")
            units.append(u)
    return units


@dataclass(frozen=True)
class Alignment:
    """Pairwise meaning similarity and alignment between units.

    ``similarity[i, j]`` is the best cosine between any clause (or the whole sentence) of unit
    i and any clause of unit j; ``sentence[i, j]`` the whole-sentence cosine; ``aligned[i, j]``
    says the two units support each other (different independent sources, same claim).
    """

    similarity: np.ndarray
    sentence: np.ndarray
    aligned: np.ndarray
    vectors: np.ndarray  # the whole-sentence embedding of each unit


def _rare_word_weights(units: Sequence[Unit]) -> dict[str, float]:
    """IDF of each content stem and number over the story's usable sentences."""
    usable = [u for u in units if u.usable]
    df = Counter(w for u in usable for w in _words(u))
    total = max(len(usable), 1)
    return {w: math.log(total / c) + IDF_FLOOR for w, c in df.items()}


# Added to every IDF so that a word found in every sentence still counts a little.
IDF_FLOOR = 0.1


def _words(unit: Unit) -> frozenset[str]:
    return unit.stems | {"#" + n for n in unit.numbers}


def lexical_overlap(a: Unit, b: Unit, weights: dict[str, float]) -> float:
    """Rare words the two sentences share, weighted by IDF, over the geometric mean of their
    weights (a cosine of binary IDF-weighted word sets, so a short sentence cannot ride on a
    few words it shares with a long one)."""
    wa, wb = _words(a), _words(b)

    def weight(words: frozenset[str]) -> float:
        return sum(weights.get(w, 1.0) for w in words)

    norm = math.sqrt(weight(wa) * weight(wb))
    return weight(wa & wb) / norm if norm > 0 else 0.0


def _common_quantities(units: Sequence[Unit]) -> frozenset[str]:
    """Measures most independent sources of a many-source story give (see QUANTITY_MAX_SHARE)."""
    groups = {u.group for u in units}
    if len(groups) <= QUANTITY_MIN_GROUPS:
        return frozenset()
    by_quantity: dict[str, set[str]] = {}
    for u in units:
        if u.usable:
            for q in u.quantities:
                by_quantity.setdefault(q, set()).add(u.group)
    limit = QUANTITY_MAX_SHARE * len(groups)
    return frozenset(q for q, g in by_quantity.items() if len(g) > limit)


def numbers_disagree(a: Unit, b: Unit) -> bool:
    """Both sentences give numbers and none is shared: they report different figures."""
    return bool(a.numbers) and bool(b.numbers) and not (a.numbers & b.numbers)


def facilities_disagree(a: Unit, b: Unit) -> bool:
    """Both sentences name institutions and none is shared ("taken to X Hospital" / "to Y
    Hospital"): they do not support each other, whatever else they share."""
    return bool(a.facilities) and bool(b.facilities) and not (a.facilities & b.facilities)


def align(units: Sequence[Unit]) -> Alignment:
    """Similarity of every pair of units and which pairs support each other."""
    n = len(units)
    if n == 0:
        empty = np.zeros((0, 0), dtype=np.float32)
        return Alignment(
            empty, empty, np.zeros((0, 0), dtype=bool), np.zeros((0, DIMENSIONS), np.float32)
        )
    texts: list[str] = []
    owner: list[int] = []
    for i, u in enumerate(units):
        for t in (u.text, *u.clauses):
            texts.append(t)
            owner.append(i)
    distinct = list(dict.fromkeys(texts))  # reprints repeat whole sentences: embed once
    at = {t: k for k, t in enumerate(distinct)}
    vectors = embed(distinct)[[at[t] for t in texts]]
    starts = np.flatnonzero(np.r_[True, np.diff(owner) != 0])
    rows = vectors @ vectors.T
    # Best clause-to-clause cosine per pair of units (rows of one unit are contiguous).
    best = np.maximum.reduceat(np.maximum.reduceat(rows, starts, axis=0), starts, axis=1)
    sentence = rows[np.ix_(starts, starts)]
    mean = (best + sentence) / 2
    weights = _rare_word_weights(units)
    common = _common_quantities(units)
    aligned = np.zeros((n, n), dtype=bool)
    for i in range(n):
        a = units[i]
        if not a.usable:
            continue
        for j in range(i + 1, n):
            b = units[j]
            # Sentences of one source never support each other; a reprint may support its
            # original (it is cited) but counts once, through ``group``.
            if not b.usable or a.sid == b.sid or numbers_disagree(a, b):
                continue
            if facilities_disagree(a, b):
                continue
            score = float(best[i, j])
            if score < QUANTITY_COS:
                continue
            if (
                COSINE_WEIGHT * float(mean[i, j])
                + (1 - COSINE_WEIGHT) * lexical_overlap(a, b, weights)
                >= COMBINED_MIN
                or (a.quantities & b.quantities) - common
            ):
                aligned[i, j] = aligned[j, i] = True
    return Alignment(best.astype(np.float32), sentence.astype(np.float32), aligned, vectors[starts])
