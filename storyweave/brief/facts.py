"""Facts: claims reported by two or more independent sources (agreed) or by one (single)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyweave.brief.align import Alignment, Unit
from storyweave.clean.dateline import without_dateline
from storyweave.evidence import span as evidence_span
from storyweave.models import Evidence, Fact, Source


def supporters(i: int, units: Sequence[Unit], alignment: Alignment) -> dict[str, int]:
    """For unit i: the best aligned unit of each other source, by source id (i's own included)."""
    best: dict[str, int] = {units[i].sid: i}
    for j in np.flatnonzero(alignment.aligned[i]).tolist():
        sid = units[j].sid
        if sid not in best or alignment.similarity[i, j] > alignment.similarity[i, best[sid]]:
            best[sid] = j
    return best


def support_groups(i: int, units: Sequence[Unit], alignment: Alignment) -> set[str]:
    """The independent sources (reprints counted once) that report what unit i says."""
    return {units[j].group for j in supporters(i, units, alignment).values()}


def cited(
    i: int, units: Sequence[Unit], alignment: Alignment, sources: Sequence[Source]
) -> tuple[tuple[str, ...], tuple[Evidence, ...]]:
    """Every source that supports unit i, in source order, with one evidence span each."""
    best = supporters(i, units, alignment)
    order = sorted(best.values(), key=lambda j: (units[j].source, units[j].start))
    evidence = tuple(
        evidence_span(sources[units[j].source], units[j].start, units[j].end) for j in order
    )
    return tuple(units[j].sid for j in order), evidence


def build_facts(
    units: Sequence[Unit],
    alignment: Alignment,
    sources: Sequence[Source],
    excluded: set[int],
) -> list[Fact]:
    """Agreed facts (most supported first), then single-source facts in source order.

    Each fact is represented by one sentence; the sentences that support it become its
    evidence and cannot represent another fact, so the same claim is listed once.
    """
    candidates = [i for i, u in enumerate(units) if u.usable and i not in excluded]
    groups = {i: support_groups(i, units, alignment) for i in candidates}
    centrality = _centrality(candidates, alignment)
    order = sorted(
        candidates,
        key=lambda i: (-len(groups[i]), -centrality[i], units[i].source, units[i].position),
    )
    used: set[int] = set()
    agreed: list[Fact] = []
    single: list[tuple[int, Fact]] = []
    for i in order:
        if i in used:
            continue
        best = supporters(i, units, alignment)
        best = {sid: j for sid, j in best.items() if j not in excluded}
        used.update(best.values())
        sids, evidence = cited(i, units, alignment, sources)
        if len(groups[i]) >= 2:
            agreed.append(Fact(without_dateline(units[i].text), "agreed", sids, evidence))
        else:
            single.append((i, Fact(without_dateline(units[i].text), "single", sids, evidence)))
    single.sort(key=lambda pair: (units[pair[0]].source, units[pair[0]].position))
    return agreed + [fact for _, fact in single]


def _centrality(candidates: Sequence[int], alignment: Alignment) -> dict[int, float]:
    if not candidates:
        return {}
    sims = alignment.sentence[np.ix_(candidates, candidates)]
    means = sims.mean(axis=1)
    return {i: float(m) for i, m in zip(candidates, means, strict=True)}
