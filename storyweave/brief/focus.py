"""Paragraphs about other stories: a digest's other items, a pasted "also read" story.

A report filed under one story sometimes carries paragraphs about others: a news digest ("The
Gist: racial harmony bill passed; US tariffs ...; graduate employment ..."), a live page, a
related story pasted below the body. Each such paragraph would bring its own figures, dates,
quotes and names into the brief. A paragraph is about another story when nothing the other
independent sources write is like it: the mean of its OTHERS_LIKE closest MiniLM cosines with
the other sources' paragraphs stays under OFF_TOPIC_BELOW. A detail only one source gives is
still about the story, and stays (its wording is close to the others' paragraphs on the same
event); so does background the others also give.

Such paragraphs leave the source's text and are listed with reason ``off_topic``. A source
none of whose paragraphs is like the others' keeps its text and is flagged ``off_topic``
instead: that is a report filed in the wrong story, for the reader to judge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from storyweave.clean import PARAGRAPH_SEPARATOR
from storyweave.models import Flag, Removed, Source

# Paragraphs judged: at least this many words (a short line's embedding says little).
MIN_WORDS = 8
# Independent sources a story needs (the paragraph's own and at least two others).
MIN_SOURCES = 3
# Paragraphs either side read with a paragraph (see ``paragraph_likeness``).
WINDOW = 1
# Closest paragraphs of the other sources averaged for a paragraph's likeness.
OTHERS_LIKE = 3
# Likeness under which a paragraph is about another story. On the 102 LocalNews events with
# 3+ articles (bench/offtopic.py: 961 sources, 18,750 paragraphs as the cleaner splits them),
# 0.30 / 0.35 / 0.40 drop 57 / 132 / 242 paragraphs, of which 75% / 77% / 73% are labelled not
# relevant to the event; the plain rule "a paragraph alone under the cut" drops 350 / 639 /
# 1,138 at 47% / 42% / 37%. Among the dropped paragraphs labelled relevant, some are page
# furniture (an author's biography, a poll) and some real losses (a case study one outlet
# tells, a family's details in a feature). Precision is flat over the cuts; the highest
# keeps the most digest items out.
OFF_TOPIC_BELOW = 0.40
# Fewest paragraphs under the cut in a row that make an item about another story.
MIN_RUN = 2
OFF_TOPIC = "off_topic"


@dataclass(frozen=True)
class Likeness:
    """How like the other sources each paragraph is (see ``paragraph_likeness``)."""

    alone: list[list[float | None]]  # the paragraph by itself
    read: list[list[float | None]]  # the paragraph read with its neighbours
    vectors: dict[tuple[int, int], np.ndarray]  # by (source, paragraph), judged ones only


def paragraph_likeness(paragraphs: Sequence[Sequence[str]], groups: Sequence[str]) -> Likeness:
    """For each source's paragraphs, the mean of its OTHERS_LIKE highest cosines with the
    paragraphs of sources of other ``groups`` (a reprint shares its original's group): alone,
    and read with WINDOW paragraphs either side (worked out only where alone is under the
    cut; elsewhere the same as alone). None for a paragraph not judged (too short, or fewer
    than MIN_SOURCES groups)."""
    alone: list[list[float | None]] = [[None] * len(p) for p in paragraphs]
    read: list[list[float | None]] = [[None] * len(p) for p in paragraphs]
    judged = [
        (s, k)
        for s, paras in enumerate(paragraphs)
        for k, text in enumerate(paras)
        if len(text.split()) >= MIN_WORDS
    ]
    if len(set(groups)) < MIN_SOURCES or not judged:
        return Likeness(alone, read, {})
    from storyweave.nlp.embed import embed

    vectors = embed([paragraphs[s][k] for s, k in judged])
    owner = np.array([groups[s] for s, _ in judged])

    def likeness(vector: np.ndarray, group: str) -> float | None:
        others = vectors[owner != group] @ vector
        return float(np.sort(others)[::-1][:OTHERS_LIKE].mean()) if len(others) else None

    for row, (s, k) in enumerate(judged):
        alone[s][k] = read[s][k] = likeness(vectors[row], groups[s])
    low = [(s, k) for s, k in judged if (a := alone[s][k]) is not None and a < OFF_TOPIC_BELOW]
    if low:
        windows = embed(
            ["\n".join(paragraphs[s][max(0, k - WINDOW) : k + WINDOW + 1]) for s, k in low]
        )
        for (s, k), vector in zip(low, windows, strict=True):
            read[s][k] = likeness(vector, groups[s])
    return Likeness(alone, read, {key: vectors[row] for row, key in enumerate(judged)})


def off_topic_marks(
    read: Sequence[float | None],
    alone: Sequence[float | None] | None = None,
    vectors: Sequence[np.ndarray | None] | None = None,
) -> list[bool]:
    """Which paragraphs of one source are about other stories, from their likeness read with
    their neighbours (``read``) and alone (``alone``, with the paragraphs' own ``vectors``).

    Paragraphs under OFF_TOPIC_BELOW as read count when MIN_RUN or more of them follow one
    another (a digest's item runs over several paragraphs; one unusual paragraph amid the story
    is a detail of it); a paragraph not judged (a heading, a short line) inside such a run goes
    with it. Read with its neighbours, an item's first and last paragraphs borrow the story's
    words from the paragraph beside them: a paragraph beside a run joins it when, alone, it is
    under the cut and more like a paragraph of the run than like the other sources.
    """
    low = [score is not None and score < OFF_TOPIC_BELOW for score in read]
    judged = [k for k, score in enumerate(read) if score is not None]
    marks = [False] * len(read)
    run: list[int] = []
    runs = []
    for k in [*judged, None]:
        if k is not None and low[k]:
            run.append(k)
            continue
        if len(run) >= MIN_RUN:
            runs.append(run)
        run = []
    for members in runs:
        if alone is not None and vectors is not None:
            # Each paragraph goes with what it is more like: the other sources, or the item.
            members = [k for k in members if _joins(k, members, alone, vectors)]
            if len(members) < MIN_RUN:
                continue
            first, last = members[0], members[-1]
            while first > 0 and _joins(first - 1, members, alone, vectors):
                first -= 1
            while last + 1 < len(read) and _joins(last + 1, members, alone, vectors):
                last += 1
            members = [*range(first, members[0]), *members, *range(members[-1] + 1, last + 1)]
        for k in members:
            marks[k] = True
    # A heading or a short line between two paragraphs of other stories goes with them.
    for k, score in enumerate(read):
        if score is None:
            before = next((marks[j] for j in range(k - 1, -1, -1) if read[j] is not None), False)
            after = next((marks[j] for j in range(k + 1, len(read)) if read[j] is not None), False)
            marks[k] = before and after
    return marks


def _joins(
    k: int,
    run: Sequence[int],
    alone: Sequence[float | None],
    vectors: Sequence[np.ndarray | None],
) -> bool:
    """Whether paragraph ``k`` beside a run is part of that item (see ``off_topic_marks``)."""
    score, vector = alone[k], vectors[k]
    if score is None or vector is None or score >= OFF_TOPIC_BELOW:
        return False
    item = [v for i in run if i != k and (v := vectors[i]) is not None]
    return bool(item) and max(float(vector @ v) for v in item) > score


def drop_off_topic(sources: Sequence[Source]) -> list[Source]:
    """Sources with their paragraphs about other stories moved to ``removed`` (``off_topic``);
    a source with no paragraph about this story is kept whole and flagged ``off_topic``."""
    paragraphs = [s.text.split(PARAGRAPH_SEPARATOR) for s in sources]
    groups = [s.duplicate_of or s.sid for s in sources]
    likeness = paragraph_likeness(paragraphs, groups)
    out = []
    for n, (source, paras) in enumerate(zip(sources, paragraphs, strict=True)):
        scores = likeness.read[n]
        own = [likeness.vectors.get((n, k)) for k in range(len(paras))]
        off = off_topic_marks(scores, likeness.alone[n], own)
        if not any(off):
            out.append(source)
        elif all(off[k] for k, score in enumerate(scores) if score is not None):
            flag = Flag(OFF_TOPIC, paras[off.index(True)][:200])
            out.append(replace(source, flags=(*source.flags, flag)))
        else:
            kept = [p for p, o in zip(paras, off, strict=True) if not o]
            gone = tuple(Removed(p, OFF_TOPIC) for p, o in zip(paras, off, strict=True) if o)
            text = PARAGRAPH_SEPARATOR.join(kept)
            out.append(replace(source, text=text, removed=(*source.removed, *gone)))
    return out
