"""Publication dates written in the text: datelines near the top or bottom, or in the lede.

Strict regular expressions rather than a fuzzy parser: a dateline must name a month and a
four-digit year (or be ISO ``YYYY-MM-DD``), so "we" or "may" never turn into dates.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
    r"|aug(?:ust|\.)?|sep(?:t|tember|\.|t\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"

# "January 13, 2022", "Jan. 13, 2022", "Tuesday, Jan. 11, 2022", "Jan 13 2022"
MONTH_FIRST = re.compile(
    rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
    re.I,
)
# "13 January, 2022", "13 Jan 2022", "Thursday 13 January 2022"
DAY_FIRST = re.compile(
    rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",
    re.I,
)
# "2022-01-13", "2022-01-13T09:14:00Z"
ISO = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ][\d:.]+Z?)?\b"
)

# A line that is a dateline: an optional label, the date, an optional time, nothing else.
_LABEL = (
    r"(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|modified|created|date"
    r"|released|issued)(?:\s+(?:on|at))?\s*:?\s*)?"
)
_TAIL = rf"{_TIME}(?:\s*\(?(?:GMT|UTC|[A-Z]{{2,5}})(?:\s*[+-]\d{{1,2}}(?::?\d\d)?)?\)?)?\s*\.?$"
DATELINE_LINES = tuple(
    re.compile(rf"^{_LABEL}\s*{p.pattern}{_TAIL}", re.I) for p in (MONTH_FIRST, DAY_FIRST, ISO)
)
# An "updated" dateline is a later revision: used only when no other dateline exists.
UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified)\b", re.I)


def _to_iso(match: re.Match[str]) -> str | None:
    month_text = match.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:3])
    if month is None:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None


def dateline_date(line: str) -> str | None:
    """The ISO date of a line that is only a dateline (label, date, time), else None.

    Example:
        >>> dateline_date("Updated: January 13, 2022, 9:14 AM")
        '2022-01-13'
    """
    text = line.strip()
    if len(text) > 80:
        return None
    for pattern in DATELINE_LINES:
        match = pattern.match(text)
        if match:
            return _to_iso(match)
    return None


def first_date_in(text: str) -> str | None:
    """The first full calendar date (day, month and year) written anywhere in ``text``."""
    found: list[tuple[int, str]] = []
    for pattern in (MONTH_FIRST, DAY_FIRST, ISO):
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso:
                found.append((match.start(), iso))
                break
    return min(found)[1] if found else None


def pick_dateline(datelines: list[str]) -> str | None:
    """The publication date among the dateline lines of one article, top to bottom.

    A plain or "Published" dateline wins over an "Updated" one, which marks a later revision.
    """
    plain = [dateline_date(d) for d in datelines if not UPDATED.match(d.strip())]
    updated = [dateline_date(d) for d in datelines if UPDATED.match(d.strip())]
    for iso in plain + updated:
        if iso:
            return iso
    return None
