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
_TIME = r"(?:\s*[,·|•-]?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"

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
# This many plain dateline lines in one zone are a related-stories list, not a dateline
# (LocalNews pages list 4-8 stamped headlines; an article shows one or two datelines).
LISTING_MIN_DATES = 3
# An "updated" dateline is a later revision: used only when no other dateline exists.
UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified)\b", re.I)
PUBLISHED = re.compile(r"^(?:first\s+)?(?:published|posted|released|issued)\b", re.I)


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


# In running text, a full date led by its weekday ("Tuesday, Jan. 11, 2022") is how agency
# captions and ledes date the news; a bare full date there is more often a deadline or history.
DATED_NEWS = tuple(
    re.compile(p.pattern.replace(_WEEKDAY, _WEEKDAY.removesuffix("?")), re.I)
    for p in (MONTH_FIRST, DAY_FIRST)
)


def first_date_in(text: str, weekday: bool = True) -> str | None:
    """The first full calendar date written in ``text``.

    Args:
        text: running text (a caption, a lede).
        weekday: only dates led by a weekday name ("Tuesday, Jan. 11, 2022").
    """
    found: list[tuple[int, str]] = []
    for pattern in DATED_NEWS if weekday else (MONTH_FIRST, DAY_FIRST, ISO):
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso:
                found.append((match.start(), iso))
                break
    return min(found)[1] if found else None


def pick_dateline(datelines: list[str]) -> str | None:
    """The publication date among the dateline lines of one zone, top to bottom.

    A "Published"/"Posted" dateline wins; then a plain one; an "Updated" one, which marks a
    later revision, comes last. Many plain datelines are the time stamps of a list of other
    stories: without a "Published" label they give no answer.
    """
    published = [dateline_date(d) for d in datelines if PUBLISHED.match(d.strip())]
    plain = [
        dateline_date(d)
        for d in datelines
        if not UPDATED.match(d.strip()) and not PUBLISHED.match(d.strip())
    ]
    updated = [dateline_date(d) for d in datelines if UPDATED.match(d.strip())]
    if not published and len([iso for iso in plain if iso]) >= LISTING_MIN_DATES:
        return None
    for iso in published + plain + updated:
        if iso:
            return iso
    return None


# A wire dateline opening a sentence: "NAIROBI, Kenya (AP) — ", "LONDON — ", "SINGAPORE, Jan 30
# – ", "WASHINGTON (AP) _ ", "SINGAPORE: ".
WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.'’ -]{0,30}?)?\s*(?:\([^)]{1,30}\))?\s*[—–_:-]+\s+"
)


def without_dateline(text: str) -> str:
    """A sentence as a reader wants it in a brief: without the wire dateline that opens it.

    Example:
        >>> without_dateline("SINGAPORE, Jan 30 – About 37,000 health workers will get a raise.")
        'About 37,000 health workers will get a raise.'
    """
    rest = WIRE_DATELINE.sub("", text, count=1)
    return rest if rest[:1].isupper() or rest[:1] in "“\"‘'" else text


def in_wire_dateline(text: str, start: int) -> bool:
    """Whether ``text[start]`` lies in a wire dateline opening its paragraph ("SINGAPORE, Jan
    19 — ", "BELLINZONA, Switzerland (Jan 31): "): a date there is the report's."""
    line = text.rfind("\n", 0, start) + 1
    opening = WIRE_DATELINE.match(text[line : line + 120])
    return opening is not None and start < line + opening.end()
