"""Publication dates as inputs give them, normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DAY = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")


def normalize_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp, an RFC 822 date, or free wording.

    The calendar day is the one written in the input: time zones are not converted, because
    the reporter's local day is what the report means by "today". Returns None when the value
    is not a complete, valid date.
    """
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DAY.match(value) or _COMPACT_DAY.match(value)
    if match:
        return _valid(*(int(g) for g in match.groups()))
    try:
        return parsedate_to_datetime(value).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # imported late: only free-worded dates need it, and it loads slowly

    parsed = dateparser.parse(
        value, settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    )
    return parsed.strftime("%Y-%m-%d") if parsed else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
