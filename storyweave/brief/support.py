"""Support between sources: agreed and single facts, the cited summary, disputes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from spacy.tokens import Doc

from storyweave.brief.align import Alignment, Unit, align, build_units
from storyweave.brief.disputes import (
    Slot,
    about_another_incident,
    date_slots,
    find_disputes,
    place_names,
    place_slots,
    speaker_slots,
)
from storyweave.brief.facts import build_facts
from storyweave.brief.summary import build_summary
from storyweave.models import Dispute, Fact, Figure, Source, SummaryItem
from storyweave.nlp.embed import embed
from storyweave.nlp.spacy_model import parse

# Unit kinds that can carry a checkable claim for disputes (captions included on purpose).
CLAIM_KINDS = frozenset({"sentence", "caption", "heading"})


def weave(
    sources: Sequence[Source],
    docs: Sequence[Doc],
    figures: Sequence[Figure],
    summary_sentences: int = 5,
) -> tuple[list[SummaryItem], list[Fact], list[Dispute]]:
    """Summary (most corroborated first), facts, and non-numeric disputes.

    Args:
        sources: cleaned sources, numbered, with ``duplicate_of`` and damage flags set.
        docs: the spaCy Doc of each source's text, in the same order.
        figures: counted quantities (not used yet: numeric conflicts live in figures).
        summary_sentences: how many sentences the summary holds at most.

    Example:
        >>> summary, facts, disputes = weave(sources, parse([s.text for s in sources]), [])
    """
    units = build_units(sources, docs)
    alignment = align(units)
    disputes, outliers = _disputes(units, alignment, docs, sources)
    alignment = _without(alignment, outliers)
    facts = build_facts(units, alignment, sources, outliers)
    summary = build_summary(units, alignment, sources, summary_sentences, outliers)
    return summary, facts, disputes


def _without(alignment: Alignment, excluded: set[int]) -> Alignment:
    """The alignment with the excluded units supporting nothing."""
    if not excluded:
        return alignment
    aligned = alignment.aligned.copy()
    rows = sorted(excluded)
    aligned[rows, :] = False
    aligned[:, rows] = False
    return replace(alignment, aligned=aligned)


def _disputes(
    units: Sequence[Unit], alignment: Alignment, docs: Sequence[Doc], sources: Sequence[Source]
) -> tuple[list[Dispute], set[int]]:
    """Disputes over body sentences and captions; the unit indexes of outlier claims."""
    claim_units = [i for i, u in enumerate(units) if u.kind in CLAIM_KINDS]
    claims: list[tuple[str, str, Unit | None]] = [
        (units[i].text, units[i].sid, units[i]) for i in claim_units
    ]
    places = place_names(docs)
    slots: list[Slot] = []
    for k, i in enumerate(claim_units):
        u = units[i]
        sent = docs[u.source].char_span(u.start, u.end, alignment_mode="expand")
        if sent is not None and not about_another_incident(sent.text):
            slots += place_slots(sent, k, places) + speaker_slots(sent, k) + date_slots(sent, k)
    # Captions cleaning took out of the body: claims without a place in Source.text.
    body = {" ".join(units[i].text.split()) for i in claim_units}
    extra = [
        (caption, s.sid)
        for s in sources
        for caption in dict.fromkeys(
            [*s.captions, *(r.text for r in s.removed if r.reason == "caption")]
        )
        if " ".join(caption.split()) not in body
    ]
    caption_docs = parse([c for c, _ in extra])
    places |= place_names(caption_docs)
    for k, doc in enumerate(caption_docs, start=len(claims)):
        slots += place_slots(doc[:], k, places) + speaker_slots(doc[:], k) + date_slots(doc[:], k)
    claims += [(c, sid, None) for c, sid in extra]
    if not slots:
        return [], set()
    vectors = np.vstack([alignment.vectors[claim_units], embed([c for c, _ in extra])])
    disputes, outlier_claims = find_disputes(claims, slots, vectors @ vectors.T, sources)
    outliers = {claim_units[k] for k in outlier_claims if k < len(claim_units)}
    return disputes, outliers
