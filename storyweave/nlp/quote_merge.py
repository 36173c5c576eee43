"""One quotation carried by several sources: grouping quotations that say the same words.

Two quotations are one when their words overlap (one is, nearly letter for letter, part of
the other) or, for translations, when their sentence embeddings are close; speakers must not
contradict each other (two different named speakers never merge: the same words credited to
two named people by different sources are a dispute over who said them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from storyweave.models import Claim, Dispute, Entity, Quote, Source

if TYPE_CHECKING:
    from storyweave.nlp.quotes import Found

# partial_ratio of the shorter quotation inside the longer; 90 lets one reprint differ by
# an ellipsis, a bracket or a dropped word ("forces ... are" / "forces [...] are").
OVERLAP_MIN_RATIO = 90
# Below this many words a quotation must appear word for word inside the other: two short
# phrases can be near-identical by chance ("very difficult" / "very different").
OVERLAP_MIN_WORDS = 5
# MiniLM cosine between two translations of one statement: 0.81 for the seed story's
# ministry communique in two wordings, 0.83 and 0.93 for invented paraphrase pairs; different
# quotations of one story scored at most 0.39. The bar sits between, nearer the low side.
TRANSLATION_MIN_COSINE = 0.65
# Translations are only compared when both sides are long enough for an embedding to mean
# something.
TRANSLATION_MIN_WORDS = 8


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _speakers_agree(a: Found, b: Found) -> bool:
    """Unresolved speakers agree with anyone; named ones when one name ends the other
    ("Ruvenian Defence Ministry" and "Defence Ministry")."""
    if not (a.resolved and b.resolved):
        return True
    x, y = sorted((_words(a.speaker or ""), _words(b.speaker or "")), key=len)
    return x == y or (bool(x) and y.endswith(" " + x))


def _same_words(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    if not short:
        return False
    if len(short.split()) < OVERLAP_MIN_WORDS:
        return f" {short} " in f" {long_} "
    return fuzz.partial_ratio(short, long_) >= OVERLAP_MIN_RATIO


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def merge(found: Sequence[Found], sources: Mapping[str, Source]) -> list[list[Found]]:
    """Groups of quotations that are one statement, most sources first, then text order."""
    texts = [_words(sources[f.sid].text[f.start : f.end]) for f in found]
    parent = list(range(len(found)))
    long_ones = [i for i, t in enumerate(texts) if len(t.split()) >= TRANSLATION_MIN_WORDS]
    cross = len({found[i].sid for i in long_ones}) > 1
    vectors = None
    if cross:
        from storyweave.nlp.embed import embed

        vectors = dict(zip(long_ones, embed([texts[i] for i in long_ones]), strict=True))
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            if not _speakers_agree(found[i], found[j]):
                continue
            same = _same_words(texts[i], texts[j])
            if not same and vectors is not None and i in vectors and j in vectors:
                if found[i].sid != found[j].sid:
                    same = float(vectors[i] @ vectors[j]) >= TRANSLATION_MIN_COSINE
            if same:
                ri, rj = _find(parent, i), _find(parent, j)
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[Found]] = {}
    for i, f in enumerate(found):
        groups.setdefault(_find(parent, i), []).append(f)
    order = {sid: n for n, sid in enumerate(sources)}
    ranked = sorted(
        groups.values(),
        key=lambda g: (-len({f.sid for f in g}), min((order[f.sid], f.start) for f in g)),
    )
    return [sorted(g, key=lambda f: (order[f.sid], f.start)) for g in ranked]


def _one_name_in_other(a: str, b: str) -> bool:
    """Whether every word of one name is a word of the other ("Tan" / "Tan Wei Ming")."""
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _misspelt(a: str, b: str) -> bool:
    """Whether two names differ by one slip of the keyboard in one word of four letters or
    more, with the same family name ("Hans Varnel" / "Hand Varnel")."""
    wa, wb = a.casefold().split(), b.casefold().split()
    if len(wa) != len(wb) or len(wa) < 2 or wa[-1] != wb[-1]:
        return False
    slips = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return len(slips) == 1 and min(map(len, slips[0])) >= 4 and Levenshtein.distance(*slips[0]) == 1


def speaker_disputes(
    quotes: Sequence[Quote], entities: Sequence[Entity], found: Sequence[Dispute] = ()
) -> list[Dispute]:
    """One statement credited to two different named people by different sources
    ("... ,” said Sylvia Lim in three reports; "... ,” said K Shanmugam in three others).

    Only quotations of at least OVERLAP_MIN_WORDS words whose speakers are both people of the
    story count: a description ("the eight-term MP") may be either of them, and a ministry and
    its minister are one voice, and a name inside the other ("Tan" / "Tan Wei Ming") is taken for
    one person. A dispute already among
    ``found`` (the sentence-level "who: who says it", same sources on each side) is not repeated.

    Example:
        >>> speaker_disputes([], [])
        []
    """
    named = {e.name for e in entities if e.type == "PERSON"}
    kept = [
        q for q in quotes if q.speaker in named and len(_words(q.text).split()) >= OVERLAP_MIN_WORDS
    ]
    told = {
        frozenset(frozenset(c.sources) for c in d.claims)
        for d in found
        if d.topic.startswith("who:")
    }
    out: list[Dispute] = []
    for i, a in enumerate(kept):
        for b in kept[i + 1 :]:
            if a.speaker == b.speaker or set(a.sources) & set(b.sources):
                continue
            if _one_name_in_other(a.speaker or "", b.speaker or ""):
                continue  # "Tan" and "Tan Wei Ming": likely one person the names did not join
            if _misspelt(a.speaker or "", b.speaker or ""):
                continue  # "Hans Varnel" and "Hand Varnel": one person, one typing slip
            if not _same_words(_words(a.text), _words(b.text)):
                continue
            if frozenset({frozenset(a.sources), frozenset(b.sources)}) in told:
                continue
            shorter = min(a.text, b.text, key=len)
            claims = tuple(Claim(f"{q.speaker} said it", q.sources, q.evidence) for q in (a, b))
            out.append(Dispute(f"who said “{shorter}”", claims))
    return out
