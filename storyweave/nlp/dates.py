"""Date phrases in news text, resolved against the publication date of the report saying them.

``find_date_mentions`` finds the phrases (explicit dates, weekdays, "yesterday", "last week",
"five days ago", "in two days", "the 5th of this month", months, years) with regexes and records
what each one means *relative to an anchor*; ``resolve`` turns one mention into a calendar date
with a precision; ``find_date_phrases`` does both for a text and its publication date.

Resolution rules (the anchor is the publication date, ``YYYY-MM-DD``):

* a weekday ("on Tuesday") is the most recent such day on or before the anchor, so "on
  Thursday" in a report published on a Thursday is that day; when its clause speaks of the
  future ("will", "due to", "expected to", "next Tuesday") it is the next such day on or after
  the anchor. "last Tuesday" is strictly before, "next Tuesday" strictly after.
* "in two days" is the future (+2 days); "five days ago" the past. Whole weeks, months and years
  ("last week", "two months ago", "30 years ago") keep a coarser precision.
* a day and month without a year ("Jan. 2") takes the year that puts it closest to the anchor
  (the first one on or after the anchor when the clause speaks of the future, if that is at
  most half a year ahead: "will study the Feb 5 incident" on Feb 7 is two days before).
* dates of precision week/month/year are given as the first day of that period (weeks start on
  Monday, as in ISO 8601).

Ages ("81-year-old"), durations ("10 days", "for 30 years"), clock times and bare numbers are
not dates and are never matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc

from storyweave.models import Source

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

_FULL_MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# A month name as a whole word; abbreviations may end with a dot.
_MONTH = rf"(?P<mon>(?:{_FULL_MONTH}|{_ABBR_MONTH}))(?![A-Za-z])"
# Scraped text glues words ("2 Januaryin"): after a day number, a full month name may run into
# a short function word. Only function words, so that "Mayor" or "Marchers" never match.
_GLUE = r"(?:in|on|at|and|the|to|of|for|with|as|when|after|before|by|from|amid|while)\b"
_MONTH_GLUED = rf"(?P<mon>(?:{_FULL_MONTH})(?:(?![A-Za-z])|(?={_GLUE}))|{_ABBR_MONTH}(?![A-Za-z]))"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_NUM = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NOT_NUMBER_AFTER = r"(?![\d:]|,\d)"

# Words just before a bare month or year that make it a date ("in May", "since 2019"); without
# one, "May" is a verb and "2000" a count too often.
_DATE_PREP = (
    r"(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|"
    r"[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater|[Oo]f|[Bb]etween|[Ll]ast|[Nn]ext|[Tt]his)"
)

_DATE_PREP_BEFORE = re.compile(rf"\b{_DATE_PREP}\s+$")
# Weekday names that are part of a name, not a date.
_WEEKDAY_NAMES_BEFORE = re.compile(
    r"(?:Black|Good|Super|Cyber|Ash|Palm|Holy|Bloody|Easter|Fat|Maundy|Mail on|Giving)\s+$"
)
_WEEKDAY_NAMES_AFTER = re.compile(
    r"^s?\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Tribune|Observer|Independent|Mail)\b"
)
# Words that make a clause speak of the future: a weekday or bare day in it is upcoming.
_FUTURE_CUE = re.compile(
    r"(?i)\b(?:will|won't|shall|going to|due to|set to|expected to|scheduled|"
    r"plans? to|planned to|intends? to|is to|are to|to be held|next|"
    r"(?:hope|aim|want|seek|promise|pledge|vow)(?:s|d|ed)? to|"
    r"(?:could|may|might) (?:be|take place|come|happen))\b|['’]ll\b"
)
# Verbs that make a clause tell of the past: a day or month without a year in it is the last
# one before the report ("The theft happened on May 31", published in February, is last May).
_PAST_CUE = re.compile(
    r"(?i)\b(?:was|were|had|did|occurred|happened|took place|began|ended|died|arrested"
    r"|reported|announced|killed|injured|struck|broke|fell|rose|sentenced|charged|convicted"
    r"|fined|caught|stole|seized|launched|pleaded|pled|admitted|ruled|resigned|appointed"
    r"|elected|won|lost)\b"
)
# Clause boundaries for the future-cue window: punctuation and clause-opening words.
_CLAUSE_BREAK = re.compile(r"[.;:,!?()\[\]\n—–]|\b(?:that|but|while|after|before|when|and)\b")
# Superlatives turn "in 30 years" into a duration ("the worst unrest in 30 years").
_DURATION_BEFORE = re.compile(
    r"(?i)\b(?:first|worst|best|highest|lowest|biggest|largest|most|least|time|ever|only)\b"
    r"[^.;]{0,40}$"
)


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in a text, not yet resolved.

    ``kind`` says how to resolve it and ``value`` holds its numbers:
    ``ymd`` (y, m, d); ``md`` (m, d); ``ym`` (y, m); ``m`` (m, shift); ``y`` (y,);
    ``weekday`` (weekday 0-6, shift); ``days``/``weeks``/``months``/``years`` (offset,);
    ``dom`` (day, month shift or None); ``event`` (days after the event named by ``about``,
    e.g. "three days after the start of the protests": (3,), about "protests"; it resolves
    only against a timeline, see :mod:`storyweave.brief.timeline`).
    ``shift`` is -1 for "last", +1 for "next", 0 otherwise.
    ``future`` is True when the clause speaks of the future.
    """

    start: int
    end: int
    phrase: str
    kind: str
    value: tuple[int | None, ...]
    future: bool = False
    about: str | None = None
    past: bool = False

    @property
    def relative(self) -> bool:
        """True when the mention needs the publication date to be resolved."""
        return self.kind not in ("ymd", "ym", "y")


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase resolved to a calendar date.

    ``date`` is ``YYYY-MM-DD`` (the first day of the week, month or year for coarser
    ``precision``); ``text[start:end] == phrase``; ``relative`` says whether the publication date
    was needed to resolve it.
    """

    start: int
    end: int
    phrase: str
    date: str
    precision: str  # "day" | "week" | "month" | "year"
    relative: bool
    future: bool = False


_Made = tuple[str, tuple[int | None, ...]] | None


def _num(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _shift_word(word: str | None) -> int:
    w = (word or "").lower()
    return -1 if w == "last" else 1 if w == "next" else 0


def _mk_ymd(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]] | None:
    mon = MONTHS[m["mon"].rstrip(".").lower()]
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        return "ymd", (int(m["year"]), mon, day)
    if m["rel"]:  # "Jan 15 last year": the year is named relative to the report's
        return "md", (mon, day, _shift_word(m["rel"]))
    return "md", (mon, day)


def _mk_month_year(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]]:
    return "ym", (int(m["year"]), MONTHS[m["mon"].rstrip(".").lower()])


def _mk_month_of_year(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]]:
    """ "December next year", "June last year", "March this year"."""
    return "m", (MONTHS[m["mon"].lower()], _shift_word(m["rel"]), 1)


def _after_date_prep(m: re.Match[str]) -> bool:
    return bool(_DATE_PREP_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]))


def _mk_month(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]] | None:
    if not (m["pre"] or _after_date_prep(m)):
        return None
    return "m", (MONTHS[m["mon"].lower()], _shift_word(m["pre"]))


def _mk_year(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]] | None:
    if not (m["pre"] or _after_date_prep(m)):
        return None
    return "y", (int(m["year"]),)


def _mk_iso(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]]:
    return "ymd", (int(m["y"]), int(m["m"]), int(m["d"]))


def _mk_weekday(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]]:
    return "weekday", (WEEKDAYS.index(m["wd"].lower()), _shift_word(m["pre"]))


_DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}


def _mk_dayword(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]]:
    return "days", (_DAY_WORDS[" ".join(m[0].lower().split())],)


def _mk_ago(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]]:
    return m["unit"].lower() + "s", (-_num(m["n"]),)


def _mk_in(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]] | None:
    if _DURATION_BEFORE.search(m.string[max(0, m.start() - 60) : m.start()]):
        return None
    return m["unit"].lower() + "s", (_num(m["n"]),)


def _mk_period(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]]:
    which = m["which"].lower()
    return m["unit"].lower() + "s", ({"last": -1, "this": 0, "next": 1}[which],)


def _mk_dom(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]] | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    which = m["which"].lower() if m["which"] else None
    shift = None if which is None else {"last": -1, "this": 0, "next": 1}[which]
    return "dom", (day, shift)


def _mk_event(m: re.Match[str]) -> tuple[str, tuple[int | None, ...]]:
    days = _num(m["n"]) * (7 if m["unit"].lower() == "week" else 1)
    return "event", (days if m["dir"].lower() == "after" else -days,)


# (pattern, maker, priority): where matches overlap the earlier one wins, then the longer, then
# the lower priority. A maker turns a match into (kind, value), or None to drop it.
# "Jan 15 last year", "March 3 next year": a day whose year is given relative to the report's.
_REL_YEAR = r",?\s+(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+year\b(?!['’]s)"

_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], _Made], int]] = [
    (
        re.compile(
            rf"(?i)\b{_NUM}\s+(?P<unit>day|week)s?\s+(?P<dir>after|before)\s+the\s+"
            r"(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?P<what>[a-z]+(?:-[a-z]+)?)"
        ),
        _mk_event,
        0,
    ),
    (
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b{_NOT_NUMBER_AFTER}"
            rf"(?:,?\s+{_YEAR}\b|{_REL_YEAR})?"
        ),
        _mk_ymd,
        0,
    ),
    (
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH_GLUED}"
            rf"(?:,?\s+{_YEAR}\b|{_REL_YEAR})?"
        ),
        _mk_ymd,
        0,
    ),
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _mk_iso, 0),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b(?!\d|,\d)"), _mk_month_year, 1),
    (
        re.compile(rf"\b(?P<mon>{_FULL_MONTH})\s+(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+year\b"),
        _mk_month_of_year,
        1,
    ),
    (
        re.compile(
            rf"\b(?:(?P<pre>[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-)\s*)?"
            rf"(?P<mon>{_FULL_MONTH})(?![A-Za-z])"
        ),
        _mk_month,
        2,
    ),
    (
        re.compile(rf"\b(?:(?P<pre>[Ee]arly|[Ll]ate|[Mm]id-)\s*)?{_YEAR}\b(?!\d|,\d|\s*%)"),
        _mk_year,
        2,
    ),
    (
        re.compile(
            rf"\b(?:(?P<pre>[Ll]ast|[Nn]ext|[Tt]his)\s+)?{_WEEKDAY}(?![A-Za-z])"
            r"(?:\s+(?:morning|afternoon|evening|night))?"
        ),
        _mk_weekday,
        3,
    ),
    (
        re.compile(
            r"(?i)\b(?:the day (?:before yesterday|after tomorrow)|today|tonight|"
            r"yesterday|tomorrow|this (?:morning|afternoon|evening)|last night|"
            r"(?:earlier|later) today)\b"
        ),
        _mk_dayword,
        3,
    ),
    (re.compile(rf"(?i)\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b"), _mk_ago, 3),
    (
        re.compile(
            rf"(?i)\bin\s+{_NUM}\s+(?P<unit>day|week)s?(?:['’]\s*time)?\b"
            r"(?!\s+(?:of|after|before))"
        ),
        _mk_in,
        3,
    ),
    (
        re.compile(
            r"(?i)\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next)\s+"
            r"(?P<unit>week|month|year)\b(?!['’]s)"
        ),
        _mk_period,
        3,
    ),
    (
        re.compile(
            r"(?i)\b(?:on\s+)?the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+"
            r"(?P<which>this|last|next)\s+month\b"
        ),
        _mk_dom,
        1,
    ),
    (
        re.compile(
            rf"\b[Oo]n\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?P<which>)"
            rf"(?!\s+(?:of\s+)?(?:{_FULL_MONTH}|{_ABBR_MONTH}|century|floor|anniversary|"
            rf"(?:this|last|next)\s+month))"
        ),
        _mk_dom,
        4,
    ),
]
_LEADING_PREP = re.compile(r"\b(?:[Oo]n|[Ii]n)\s+$")
_EVENT_NAME = re.compile(r"(?i)of\s+(?:the\s+)?([a-z-]+)$")
# Kinds whose phrase takes a leading "on"/"in" ("on Tuesday", "in 2019"), unless the phrase
# already opens with its own word ("in two days", "last week", "next Friday").
_LEAD_KINDS = frozenset({"ymd", "md", "ym", "m", "y", "weekday", "dom"})
_NO_LEAD = re.compile(r"(?i)(?:in|on|last|next|this|earlier|later)\s")


def _is_weekday_name(text: str, m: re.Match[str]) -> bool:
    if "wd" not in m.re.groupindex or m["wd"] is None:
        return False
    before = text[max(0, m.start("wd") - 12) : m.start("wd")]
    after = text[m.end("wd") : m.end("wd") + 16]
    return bool(_WEEKDAY_NAMES_BEFORE.search(before) or _WEEKDAY_NAMES_AFTER.search(after))


# "Today" or "Tonight" capitalised inside a sentence names a programme or a paper ("the
# Today programme", "World Today"), not the day.
_DAY_WORD_NAME = re.compile(r"^(?:Today|Tonight|Yesterday|Tomorrow)\b")


def _is_day_word_name(text: str, m: re.Match[str]) -> bool:
    if re.search(r"\bDay (?:After|Before)\b", m.group()):
        return True  # "The Day After Tomorrow", a title wherever it stands
    if not _DAY_WORD_NAME.match(m.group()):
        return False
    before = text[: m.start()].rstrip(" \t")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",’'")


# "Today" meaning nowadays, not the day of the report: "today's world", "the youth of today",
# "even today", "still relevant today".
_GENERIC_TODAY_AFTER = re.compile(
    r"\s?['’]s\s+(?:world|society|societies|generation|generations|youth|young|children|kids"
    r"|economy|era|age|climate|environment|landscape|workforce|workplace|digital|modern"
    r"|fast-\w+|ever-\w+|global|globalised|globalized|interconnected|standards)\b",
    re.IGNORECASE,
)
_GENERIC_TODAY_BEFORE = re.compile(
    r"(?:\beven|(?<!\bas )\bof|\b(?:still|remains?|is|are)\s+(?:very\s+|as\s+|so\s+)?"
    r"(?:relevant|true|valid|important|needed|applicable))\s+$",
    re.IGNORECASE,
)


def _is_generic_today(text: str, m: re.Match[str]) -> bool:
    if m.group().casefold() != "today":
        return False
    after = text[m.end() : m.end() + 40]
    before = text[max(0, m.start() - 40) : m.start()]
    if re.match(r"\s?['’]s\b", after):  # "of today's meltdown": the noun after it decides
        return bool(_GENERIC_TODAY_AFTER.match(after))
    return bool(_GENERIC_TODAY_BEFORE.search(before))


def _clause_window(text: str, start: int, end: int) -> str:
    """The words of the phrase's clause, before it, or after it when it opens the clause."""
    head = text[max(0, start - 160) : start]
    cuts = list(_CLAUSE_BREAK.finditer(head))
    before = head[cuts[-1].end() :] if cuts else head
    if re.sub(r"(?i)\b(on|in|by)\b", "", before).strip():
        return before
    tail = text[end : end + 160]
    stop = re.search(r"[.;!?\n]", tail)
    return tail[: stop.start()] if stop else tail


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date phrase in ``text``, in text order, not overlapping, unresolved.

    A leading "on"/"in" is kept in the phrase ("on Tuesday"), as readers expect.

    Example:
        >>> [m.phrase for m in find_date_mentions("He left on Tuesday, five days ago.")]
        ['on Tuesday', 'five days ago']
    """
    found: list[tuple[int, int, int, str, tuple[int | None, ...]]] = []
    for pattern, maker, priority in _PATTERNS:
        for m in pattern.finditer(text):
            if (
                _is_weekday_name(text, m)
                or _is_day_word_name(text, m)
                or _is_generic_today(text, m)
            ):
                continue
            made = maker(m)
            if made is None:
                continue
            found.append((m.start(), m.end(), priority, made[0], made[1]))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    out: list[DateMention] = []
    taken_end = -1
    for start, end, _priority, kind, value in found:
        if start < taken_end:
            continue
        taken_end = end
        lead = _LEADING_PREP.search(text[max(0, start - 4) : start])
        if lead and kind in _LEAD_KINDS and not _NO_LEAD.match(text[start:end]):
            start -= len(text[max(0, start - 4) : start]) - lead.start()
        future = kind == "days" and (value[0] or 0) > 0
        past = False
        if kind in ("weekday", "md", "m", "dom"):
            clause = _clause_window(text, start, end)
            future = bool(_FUTURE_CUE.search(clause))
            past = not future and bool(_PAST_CUE.search(clause))
        named = _EVENT_NAME.search(text[start:end]) if kind == "event" else None
        about = named[1] if named else None
        out.append(DateMention(start, end, text[start:end], kind, value, future, about, past))
    # "on Friday (January 10)": the date in brackets says which Friday; a report published a
    # week later would otherwise put the weekday on the Friday just past.
    # "Jan 24 (Friday)": the weekday in brackets only repeats the date before it.
    return [
        m
        for i, m in enumerate(out)
        if not (
            m.kind == "weekday"
            and i + 1 < len(out)
            and out[i + 1].kind in ("md", "ymd")
            and _BRACKET_OPEN.fullmatch(text[m.end : out[i + 1].start])
        )
        and not (
            m.kind == "weekday"
            and i > 0
            and out[i - 1].kind in ("md", "ymd")
            and _BRACKET_OPEN.fullmatch(text[out[i - 1].end : m.start])
        )
    ]


_BRACKET_OPEN = re.compile(r"\s*\(\s*")


def _as_date(anchor: str | date) -> date | None:
    """The anchor as a date; None for anything but a full ``YYYY-MM-DD`` (bad input is data)."""
    if isinstance(anchor, date):
        return anchor
    try:
        return date.fromisoformat(anchor[:10]) if len(anchor) >= 10 else None
    except ValueError:
        return None


def _add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


# A day and month without a year in a clause about the future is the next such day only when
# that is at most this far ahead; a report rarely names a day a year away without its year.
FUTURE_REACH_DAYS = 183


def _closest_year(month: int, day: int, anchor: date, future: bool) -> date | None:
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    upcoming = [d for d in options if d >= anchor]
    if future and upcoming and (upcoming[0] - anchor).days <= FUTURE_REACH_DAYS:
        return upcoming[0]
    # A day just past in a clause about the future ("NParks will study whether to include the
    # Feb 5 incident", published Feb 7) is that past day, not the same day next year.
    return min(options, key=lambda d: (abs((d - anchor).days), d)) if options else None


def _year_before(month: int, day: int, anchor: date) -> date | None:
    """The day ``month``/``day`` last fell on before ``anchor`` (None for a 29 February with
    no leap year in reach)."""
    for year in (anchor.year, anchor.year - 1):
        try:
            got = date(year, month, day)
        except ValueError:
            continue
        if got <= anchor:
            return got
    return None


def resolve(mention: DateMention, published: str | date | None) -> tuple[str, str] | None:
    """The ``(YYYY-MM-DD, precision)`` a mention means for a report published on ``published``.

    Returns None when the mention is relative and there is no publication date, or when the
    numbers do not make a real date (30 February).
    """
    v = mention.value
    # The first three numbers of the value, None as 0 (see DateMention for their meaning).
    a, b, c = (x or 0 for x in (v + (0, 0, 0))[:3])
    try:
        if mention.kind == "ymd":
            return date(a, b, c).isoformat(), "day"
        if mention.kind == "ym":
            return date(a, b, 1).isoformat(), "month"
        if mention.kind == "y":
            return date(a, 1, 1).isoformat(), "year"
    except ValueError:
        return None
    anchor = _as_date(published) if published is not None else None
    if anchor is None:
        return None
    kind, n = mention.kind, v[0] or 0
    if kind == "md" and len(v) > 2 and v[2] is not None:
        try:
            return date(anchor.year + v[2], a, b).isoformat(), "day"
        except ValueError:
            return None
    if kind == "md":
        got = _closest_year(a, b, anchor, mention.future)
        if got is not None and mention.past and got > anchor:
            got = _year_before(a, b, anchor)
        return (got.isoformat(), "day") if got else None
    if kind == "weekday":
        back = (anchor.weekday() - n) % 7
        if v[1] == -1:
            got = anchor - timedelta(days=back or 7)
        elif v[1] == 1:
            got = anchor + timedelta(days=(n - anchor.weekday()) % 7 or 7)
        elif mention.future:
            got = anchor + timedelta(days=(n - anchor.weekday()) % 7)
        else:
            got = anchor - timedelta(days=back)
        return got.isoformat(), "day"
    if kind == "days":
        return (anchor + timedelta(days=n)).isoformat(), "day"
    if kind == "weeks":
        got = anchor + timedelta(weeks=n)
        return (got - timedelta(days=got.weekday())).isoformat(), "week"
    if kind == "months":
        return _add_months(anchor.replace(day=1), n).isoformat(), "month"
    if kind == "years":
        return date(anchor.year + n, 1, 1).isoformat(), "year"
    if kind == "m":
        month, shift = v[0] or 1, v[1] or 0
        if len(v) > 2:  # the year is named: "December next year"
            return date(anchor.year + shift, month, 1).isoformat(), "month"
        if shift:
            year = anchor.year + shift if (shift < 0) == (month >= anchor.month) else anchor.year
        else:
            year = min(
                (anchor.year - 1, anchor.year, anchor.year + 1),
                key=lambda y: abs((y * 12 + month) - (anchor.year * 12 + anchor.month)),
            )
            if mention.future and (year * 12 + month) < anchor.year * 12 + anchor.month:
                year += 1
            elif mention.past and (year * 12 + month) > anchor.year * 12 + anchor.month:
                year -= 1
        return date(year, month, 1).isoformat(), "month"
    if kind == "dom":
        day = v[0] or 1
        if v[1] is not None:
            shift = v[1]
        else:
            past = day <= anchor.day
            shift = 0 if past != mention.future or day == anchor.day else (1 if past else -1)
        base = _add_months(anchor.replace(day=1), shift)
        try:
            return base.replace(day=day).isoformat(), "day"
        except ValueError:
            return None
    return None


def find_date_phrases(text: str, published: str | date | None) -> list[DatePhrase]:
    """Date phrases of ``text`` resolved against its publication date, in text order.

    Relative phrases are left out when ``published`` is None.

    Example:
        >>> [(p.phrase, p.date) for p in find_date_phrases("It began on Tuesday.", "2022-01-13")]
        [('on Tuesday', '2022-01-11')]
    """
    out = []
    for mention in find_date_mentions(text):
        got = resolve(mention, published)
        if got is not None:
            out.append(
                DatePhrase(
                    mention.start,
                    mention.end,
                    mention.phrase,
                    got[0],
                    got[1],
                    mention.relative,
                    mention.future,
                )
            )
    return out


def infer_published(sources: Sequence[Source], docs: Sequence[Doc]) -> list[Source]:
    """Fill in publication dates the story's evidence allows (``published_from="inferred"``).

    An undated source gets the earliest day on which the most of its relative dates ("on
    Thursday", "today") fall on the days other, dated sources give the same events; see
    :func:`storyweave.brief.timeline.infer_dates`. Without such evidence it stays None.
    """
    # Imported here: the timeline module builds on this one.
    from storyweave.brief.timeline import infer_dates

    return [
        replace(s, published=d, published_from="inferred") if d and not s.published else s
        for s, d in zip(sources, infer_dates(sources, docs), strict=True)
    ]
