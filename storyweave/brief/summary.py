"""The cited summary: a few original sentences, most corroborated and most central first.

Extractive by design (as in sumy): every summary sentence is a sentence a source wrote, so its
evidence is that sentence plus the sentences of other sources that say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyweave.brief.align import Alignment, Unit
from storyweave.brief.facts import cited, support_groups
from storyweave.models import Source, SummaryItem

# Score = support + centrality + lead position. Weights chosen on the seed story (the first
# item must be the event most sources report) and on DUC 2004 ROUGE-2 (bench/summary_duc.py):
# support dominates, centrality breaks ties between equally supported sentences, and the lead
# bonus reflects that news puts the main event first.
SUPPORT_WEIGHT = 1.0
CENTRALITY_WEIGHT = 1.0
POSITION_WEIGHT = 0.3
# MMR: a candidate's score is lowered by this much times its cosine to the closest sentence
# already chosen, and a candidate at least REDUNDANT_COS close to one is skipped outright.
REDUNDANCY_WEIGHT = 0.5
REDUNDANT_COS = 0.72


def sentence_scores(
    candidates: Sequence[int], units: Sequence[Unit], alignment: Alignment
) -> dict[int, float]:
    """Importance of each candidate sentence: support, centrality, position."""
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
    scores = {}
    for k, i in enumerate(candidates):
        support = (len(support_groups(i, units, alignment)) - 1) / max(n_groups - 1, 1)
        scores[i] = (
            SUPPORT_WEIGHT * support
            + CENTRALITY_WEIGHT * float(centrality[k])
            + POSITION_WEIGHT / (1 + rank_in_source[i])
        )
    return scores


def select(
    candidates: Sequence[int], scores: dict[int, float], alignment: Alignment, count: int
) -> list[int]:
    """Pick ``count`` sentences by maximal marginal relevance, best first."""
    chosen: list[int] = []
    left = list(candidates)
    while left and len(chosen) < count:

        def value(i: int) -> tuple[float, int]:
            closest = max((float(alignment.sentence[i, j]) for j in chosen), default=0.0)
            return (scores[i] - REDUNDANCY_WEIGHT * closest, -i)

        best = max(left, key=value)
        left.remove(best)
        if any(
            alignment.aligned[best, j] or alignment.sentence[best, j] >= REDUNDANT_COS
            for j in chosen
        ):
            continue
        chosen.append(best)
    return chosen


def build_summary(
    units: Sequence[Unit],
    alignment: Alignment,
    sources: Sequence[Source],
    count: int,
    excluded: set[int],
) -> list[SummaryItem]:
    """Up to ``count`` cited sentences, most important first, none repeating another."""
    candidates = [i for i, u in enumerate(units) if u.usable and i not in excluded]
    scores = sentence_scores(candidates, units, alignment)
    items = []
    for i in select(candidates, scores, alignment, count):
        sids, evidence = cited(i, units, alignment, sources)
        items.append(SummaryItem(units[i].text, sids, evidence))
    return items
