"""The cited summary: a few original sentences, most corroborated and most central first.

Extractive by design (as in sumy): every summary sentence is a sentence a source wrote, so its
evidence is that sentence plus the sentences of other sources that say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from storyweave.brief.align import Alignment, Unit
from storyweave.brief.facts import cited, support_groups
from storyweave.clean.dateline import without_dateline
from storyweave.models import Source, SummaryItem
from storyweave.nlp.embed import embed

# Score = support + centrality + lead position + concept coverage. The weights were tuned for
# ROUGE-2 on the first 25 DUC 2004 docsets (d30001-d30040) and checked on the other 25 and on
# the seed story's gold (bench/summary_duc.py reports both halves). Moving any weight by half
# moved ROUGE-2 by under 0.003 on the tuning half; dropping coverage cost 0.011.
SUPPORT_WEIGHT = 0.5
CENTRALITY_WEIGHT = 1.0
POSITION_WEIGHT = 0.3
# MMR: a candidate's score is lowered by this much times its cosine to the closest sentence
# already chosen (0: coverage below already discounts repeated content, and the soft penalty
# cost 0.002-0.004 ROUGE-2), and a candidate at least REDUNDANT_COS close to a chosen sentence,
# or aligned with it (the same claim), is skipped outright.
REDUNDANCY_WEIGHT = 0.0
REDUNDANT_COS = 0.72
# Concept coverage (as in ICSISumm): a concept is a pair of adjacent words, not both stop
# words; its weight is how many independent sources use it, counted only from
# CONCEPT_MIN_SOURCES up (or all sources, in a story of fewer, but at least 2), so a phrase few
# sources use is worth nothing. A candidate gains COVERAGE_WEIGHT times its weight of concepts
# the summary does not cover yet, relative to the best candidate's (DUC: 3 beat 2 and 4).
CONCEPT_MIN_SOURCES = 3
COVERAGE_WEIGHT = 1.0
# Coverage gain is divided by the sentence length in words to this power: 0 ignores length,
# 1 is gain per word (a knapsack's greedy rule; +0.004 ROUGE-2 over 0 on DUC).
LENGTH_EXPONENT = 1.0
# Headlines say what the story is about: a sentence close to the sources' titles (mean cosine)
# gains this much. Chosen on the seed story, where every headline names the main event; DUC
# articles have no titles, so it does not move the benchmark.
TITLE_WEIGHT = 1.0
# A sentence that leans on the one before it ("He added ...", "It is expected to ...") reads
# wrongly after another source's sentence; it loses this much in the choice (a soft rule: it
# still comes in when it says much that nothing else does).
LEANING_PENALTY = 0.3
# A sentence in the first person outside quotation marks ("We refer to the letters ...", "we
# want to preserve our norms") is a letter writer's or a speaker's voice, not the story told:
# it is left out while enough other sentences remain.
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Oo]urs|us|[Mm]y|me)\b")
_QUOTED_PART = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Concepts compare word prefixes so that "withdraw"/"withdrawal" and "protest"/"protesters"
# meet (the same prefix length as content stems in align).
CONCEPT_CHARS = 6


def concepts(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of a sentence, lowercased and cut to their first letters."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(
        (a[:CONCEPT_CHARS], b[:CONCEPT_CHARS])
        for a, b in zip(words, words[1:], strict=False)
        if not (a in STOP_WORDS and b in STOP_WORDS)
    )


def concept_weights(candidates: Sequence[int], units: Sequence[Unit]) -> dict[tuple[str, str], int]:
    """How many independent sources use each concept (only concepts of CONCEPT_MIN_SOURCES+)."""
    groups: dict[tuple[str, str], set[str]] = {}
    for i in candidates:
        for c in concepts(units[i].text):
            groups.setdefault(c, set()).add(units[i].group)
    n_groups = len({units[i].group for i in candidates})
    least = max(2, min(CONCEPT_MIN_SOURCES, n_groups))
    return {c: len(g) for c, g in groups.items() if len(g) >= least}


def sentence_scores(
    candidates: Sequence[int],
    units: Sequence[Unit],
    alignment: Alignment,
    titles: Sequence[str] = (),
) -> dict[int, float]:
    """Importance of each candidate sentence: support, centrality, position, headlines."""
    if not candidates:
        return {}
    n_groups = len({u.group for u in units})
    sims = alignment.sentence[np.ix_(candidates, candidates)]
    centrality = sims.mean(axis=1)
    rank_in_source: dict[int, int] = {}
    seen: dict[str, int] = {}
    for i in sorted(candidates, key=lambda i: (units[i].source, units[i].start)):
        rank_in_source[i] = seen.get(units[i].sid, 0)
        seen[units[i].sid] = rank_in_source[i] + 1
    headline = np.zeros(len(candidates), dtype=np.float32)
    if titles:
        headline = (alignment.vectors[list(candidates)] @ embed(list(titles)).T).mean(axis=1)
    scores = {}
    for k, i in enumerate(candidates):
        support = (len(support_groups(i, units, alignment)) - 1) / max(n_groups - 1, 1)
        scores[i] = (
            SUPPORT_WEIGHT * support
            + CENTRALITY_WEIGHT * float(centrality[k])
            + POSITION_WEIGHT / (1 + rank_in_source[i])
            + TITLE_WEIGHT * float(headline[k])
        )
    return scores


def select(
    candidates: Sequence[int],
    scores: dict[int, float],
    alignment: Alignment,
    count: int,
    units: Sequence[Unit] = (),
) -> list[int]:
    """Pick ``count`` sentences by maximal marginal relevance and concept coverage, best first."""
    weights = concept_weights(candidates, units) if units else {}
    own = {i: concepts(units[i].text) & weights.keys() for i in candidates} if units else {}
    lengths = {i: max(len(units[i].text.split()), 1) for i in candidates} if units else {}
    covered: set[tuple[str, str]] = set()
    chosen: list[int] = []
    left = list(candidates)
    while left and len(chosen) < count:
        gains = (
            {
                i: sum(weights[c] for c in own[i] - covered) / lengths[i] ** LENGTH_EXPONENT
                for i in left
            }
            if own
            else {}
        )
        top = max(gains.values(), default=0) or 1
        values = {}
        for i in left:
            closest = max((float(alignment.sentence[i, j]) for j in chosen), default=0.0)
            coverage = COVERAGE_WEIGHT * gains[i] / top if gains else 0.0
            leaning = LEANING_PENALTY if units and not _stands_alone(units[i].text) else 0.0
            values[i] = (scores[i] + coverage - REDUNDANCY_WEIGHT * closest - leaning, -i)
        best = max(left, key=values.__getitem__)
        left.remove(best)
        if any(
            alignment.aligned[best, j] or alignment.sentence[best, j] >= REDUNDANT_COS
            for j in chosen
        ):
            continue
        chosen.append(best)
        covered |= own.get(best, set())
    return chosen


# Words that open a sentence leaning on the one before it.
LEANING_OPENERS = frozenset(
    """
    this these that those he she it they his her its their him them but and also however
    meanwhile instead still yet so then there such
    """.split()
)


def _stands_alone(text: str) -> bool:
    """Whether a sentence can open a summary: not a quotation, not leaning on a previous one.

    Example:
        >>> _stands_alone("He added that more would come."), _stands_alone("A fire broke out.")
        (False, True)
    """
    stripped = text.lstrip()
    if stripped[:1] in "\"“‘'":
        return False
    first = re.match(r"[A-Za-z]+", stripped)
    return first is None or first.group().lower() not in LEANING_OPENERS


# What would, could or may happen, and what is not so: no event a summary can open with.
_NO_EVENT = re.compile(
    r"\b(?:would|could|might|may|should|can|not|never|no longer)\b|n['’]t\b", re.IGNORECASE
)


def _tells_no_event(text: str) -> bool:
    """Whether a sentence speaks (outside quotations) of what would, could or may happen, or
    of what is not so ("Varnel is not a suspect in the fire"): it leads a summary only when
    nothing that happened can.

    Example:
        >>> _tells_no_event("The scammers would call the victims.")
        True
        >>> _tells_no_event("The man is not a suspect."), _tells_no_event("Police held 16.")
        (True, False)
    """
    return bool(_NO_EVENT.search(_QUOTED_PART.sub(" ", text)))


def first_person(text: str) -> bool:
    """Whether a sentence speaks in the first person outside its quotation marks.

    Example:
        >>> first_person("We refer to the letters."), first_person('He said: "We will go."')
        (True, False)
    """
    return bool(_FIRST_PERSON.search(_QUOTED_PART.sub(" ", text)))


def bare_quotation(text: str) -> bool:
    """Whether a sentence is only a quotation, with no one named for it in the sentence.

    Example:
        >>> bare_quotation("“We will rebuild it.”"), bare_quotation('"We go," Mayor Tan said.')
        (True, False)
        >>> bare_quotation('"We will go," he said.'), bare_quotation("It shows the need to act.”")
        (True, True)
    """
    stripped = text.strip()
    if _inside_quotation(stripped):
        return True
    if stripped[:1] not in '"“':
        return False
    rest = re.findall(r"[A-Za-z]{2,}", _QUOTED_PART.sub(" ", stripped))
    return all(w.casefold() in _UNNAMED_CREDIT for w in rest)


# What credits a quotation to no one a reader knows: "he said", "she told reporters".
_UNNAMED_CREDIT = frozenset(
    "he she they it we said says added adds told tells asked noted explained reporters "
    "him her them later then also".split()
)


def _inside_quotation(text: str) -> bool:
    """Whether a sentence is part of a quotation that runs over several, opening it without
    closing it ("“The study is the first of its kind.") or closing it without opening it
    ("It shows the need to act,” she said."): read alone, it misquotes."""
    curly = text.count("“") != text.count("”")
    return curly or text.count('"') % 2 == 1


def build_summary(
    units: Sequence[Unit],
    alignment: Alignment,
    sources: Sequence[Source],
    count: int,
    excluded: set[int],
) -> list[SummaryItem]:
    """Up to ``count`` cited sentences, most important first, none repeating another."""
    candidates = [i for i, u in enumerate(units) if u.usable and i not in excluded]
    # A summary tells what happened and who said what: first-person asides, advice to the
    # reader and quotations no one is credited with in their sentence give way to others.
    told = [
        i
        for i in candidates
        if not first_person(units[i].text)
        and not units[i].to_reader
        and not bare_quotation(units[i].text)
    ]
    if len(told) >= count:
        candidates = told
    titles = sorted({s.title for s in sources if s.title})
    scores = sentence_scores(candidates, units, alignment, titles)
    support = {i: len(support_groups(i, units, alignment)) for i in candidates}
    chosen = select(candidates, scores, alignment, count, units)
    # The lead item is the main event: of the chosen sentences, the one most independent
    # sources report (ties: the higher score). The rest keep the order they were chosen in.
    # A sentence that needs the one before it ("This includes ...", "He added ...") or is a
    # bare quotation cannot open the summary while another can.
    # Of those, one that tells what happened goes before one that tells what would or could
    # happen ("The scammers would accuse the victim ...") or what is not so ("X is not a
    # suspect").
    alone = [i for i in chosen if _stands_alone(units[i].text)]
    openers = [i for i in alone if not _tells_no_event(units[i].text)] or (alone or chosen)
    first = max(openers, key=lambda i: (support[i], scores[i], -i), default=None)
    if first is not None:
        chosen = [first] + [i for i in chosen if i != first]
    items = []
    for i in chosen:
        sids, evidence = cited(i, units, alignment, sources)
        items.append(SummaryItem(without_dateline(units[i].text), sids, evidence))
    return items
