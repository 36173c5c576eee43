"""Sparse vector arithmetic and the time discount between a report and a story."""

from __future__ import annotations

import math

# Reports of one story mostly appear within days of each other; follow-ups stretch a story's
# date range as they join it. Within GRACE_DAYS of a story's range there is no discount; beyond
# it the similarity halves every HALF_LIFE_DAYS, so the same words a month apart need a near
# copy to join, and a year apart never join. Set by this rule (the usual one-to-two-week windows
# of topic detection and tracking), not fitted to any data set.
GRACE_DAYS = 3
HALF_LIFE_DAYS = 7.0


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def norm(a: dict[str, float]) -> float:
    """Euclidean length of a sparse vector."""
    return math.sqrt(sum(w * w for w in a.values()))


def day_gap(
    first_a: int | None, last_a: int | None, first_b: int | None, last_b: int | None
) -> int:
    """Days between two date ranges (0 when they overlap or a date is unknown)."""
    if None in (first_a, last_a, first_b, last_b):
        return 0
    assert first_a is not None and last_a is not None and first_b is not None and last_b is not None
    return max(0, first_a - last_b, first_b - last_a)


def time_factor(
    day: int | None, first: int | None, last: int | None, day_last: int | None = None
) -> float:
    """Discount for the days between a report (or a range ``day``..``day_last``) and a story."""
    gap = day_gap(day, day if day_last is None else day_last, first, last)
    if gap <= GRACE_DAYS:
        return 1.0
    return 0.5 ** ((gap - GRACE_DAYS) / HALF_LIFE_DAYS)
