"""What Markdown and HTML both show, prepared once: rows for tables, markers for sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyweave.models import Brief, Figure, FigureValue, Source


def marker(sid: str) -> str:
    """The numbered marker of a source id: "S3" -> "3"."""
    return sid[1:] if sid.startswith("S") and sid[1:].isdigit() else sid


def date_text(date: str, precision: str) -> str:
    """A timeline date as precise as the sources give it: "2022-01-13", "week of 2022-01-10",
    "2022-01" (a month), "1996" (a year). The JSON keeps the full date and its precision."""
    if precision == "year":
        return date[:4]
    if precision == "month":
        return date[:7]
    if precision == "week":
        return f"week of {date}"
    return date


# Units a duration's range is shown in (durations are counted in days in the JSON), largest
# first: the first one the larger end reaches at least once is used.
_DURATION_UNITS = (
    ("years", 365.0), ("months", 30.0), ("weeks", 7.0), ("days", 1.0),
    ("hours", 1 / 24), ("minutes", 1 / 1440), ("seconds", 1 / 86400),
)  # fmt: skip


def _round_in(x: float) -> bool:
    """Whether a number is whole or has one decimal, give or take a rounding error."""
    return abs(x * 10 - round(x * 10)) < 0.05


def range_text(value: FigureValue, topic: str = "") -> str:
    """The range a wording allows, for people: "164", "≥ 164", "24–99"; a duration in the
    unit that suits it ("0–3 years", "0.9–1.1 hours", "1 week"), since the JSON counts
    durations in days."""
    low, high = value.low, value.high
    unit = ""
    if re.search(r"\bduration\b", topic) and (low is not None or high is not None):
        ends = [x for x in (low, high) if x is not None]
        fitting = [(n, s) for n, s in _DURATION_UNITS if max(ends) >= s * 0.999]
        # The largest unit the ends are round in ("0–10 days", not "0–1.43 weeks").
        name, size = next(
            ((n, s) for n, s in fitting if all(_round_in(x / s) for x in ends)),
            fitting[-1] if fitting else _DURATION_UNITS[-1],
        )
        low = None if low is None else low / size
        high = None if high is None else high / size
        unit = f" {name}"

    def num(x: float) -> str:
        x = round(x, 6)
        if float(x).is_integer():
            return f"{int(x):,}"
        return f"{x:,.2f}".rstrip("0").rstrip(".")  # "3.43", "1.05", "0.9"; 1.9992 is "2"

    if low is None and high is None:
        return "?"
    shown = {num(x) for x in (low, high) if x is not None}
    if unit and shown == {"1"}:
        unit = unit[:-1]  # "1 week", not "1 weeks"
    if high is None:
        return f"≥ {num(low)}{unit}" if low is not None else "?"
    if low is None:
        return f"≤ {num(high)}{unit}"
    return (num(low) if num(low) == num(high) else f"{num(low)}–{num(high)}") + unit


@dataclass(frozen=True)
class FigureRow:
    topic: str
    status: str
    text: str
    range: str
    sources: tuple[str, ...]
    as_of: str


def figure_rows(figures: tuple[Figure, ...], conflicts_only: bool = False) -> list[FigureRow]:
    """One row per value of each figure (conflicts first when all are shown)."""
    rows = []
    ordered = sorted(figures, key=lambda f: f.status != "conflict")
    for fig in ordered:
        if conflicts_only and fig.status != "conflict":
            continue
        for v in fig.values:
            rows.append(
                FigureRow(
                    fig.topic,
                    fig.status,
                    v.text,
                    range_text(v, fig.topic),
                    tuple(marker(s) for s in v.sources),
                    v.as_of or "",
                )
            )
    return rows


def coverage(brief: Brief) -> tuple[list[str], list[tuple[str, str, list[bool]]]]:
    """Source-by-fact grid: header markers, and (status, fact text, covered per source)."""
    sids = [s.sid for s in brief.sources]
    rows = [(f.status, f.text, [sid in f.sources for sid in sids]) for f in brief.facts]
    return [marker(s) for s in sids], rows


def source_label(source: Source) -> str:
    """Outlet or input name, with title and date, for the source list."""
    a = source.article
    who = a.outlet or a.input
    parts = [who]
    if source.title:
        parts.append(f"“{source.title}”")
    if source.published:
        how = f", {source.published_from}" if source.published_from else ""
        parts.append(f"({source.published}{how})")
    return " ".join(parts)
