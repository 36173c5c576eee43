"""Counted quantities in a parsed text, with the range their wording allows.

"at least 164" allows [164, inf), "nearly 10,000" about [9000, 10000), "dozens" [24, 99].
Numbers are found on the spaCy tokens (digits, number words, scale words, vague counts such as
"dozens" or "tens of thousands", money), hedges are read from the words around them, and
dates, times, ages, years, ordinals and percentages are left out. What a quantity counts
(its noun and predicate) is read by :mod:`storyweave.nlp.counted`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

# "about N" allows N +/- 10%: wide enough that "about 10,000" agrees with "9,900" and narrow
# enough that it disagrees with "12,000" (the seed story's detention counts); a judgement of
# how loosely reporters round, not a fitted value.
ABOUT_WIDTH = 0.10
# "nearly N" / "almost N" allows [N - 10%, N): "nearly 10,000" for 9,900 is usual, "nearly
# 10,000" for 8,000 is not.
NEARLY_WIDTH = 0.10
# A bare round number is read as rounded by at most half its last digit's place value and at
# most 5% of its size: "12,000" allows 11,500-12,500 and "9,900" 9,850-9,950 (so the two
# disagree), "2,000" 1,900-2,100, "18 million" 17.5-18.5 million.
ROUND_FRACTION = 0.05
# Smallest absolute width of a hedge band, so "about 5" still allows 4-6.
HEDGE_MIN_ABS = 1.0

# Vague counts and the ranges we read them as. "dozens" starts at two dozen; "scores" at two
# score; "hundreds" and "thousands" reach up to where "N hundred/thousand" stops being said
# (nineteen hundred, nineteen thousand), so "thousands arrested" agrees with "12,000 arrested".
VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 1_999),
    "thousands": (2_000, 19_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 1_999_999),
    "millions": (2_000_000, 19_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 1_999_999_999),
    "billions": (2e9, 19.999e9),
}
# Few-words: "several" 3-9, "a few" 2-6, "a couple" 2-3, "a handful" 2-9.
FEW: dict[str, tuple[float, float]] = {
    "several": (3, 9),
    "a few": (2, 6),
    "a couple of": (2, 3),
    "a couple": (2, 3),
    "a handful of": (2, 9),
}
# "a dozen" is said for 10-14 ("a dozen dead" of 12 or 13); "two dozen" takes the about band.
A_DOZEN = (10.0, 14.0)

SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "k": 1_000,
}
UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "ringgit": "MYR",
    "yuan": "CNY", "yen": "JPY", "rupees": "INR", "rupee": "INR", "baht": "THB",
    "pesos": "PHP", "won": "KRW", "naira": "NGN", "rand": "ZAR", "francs": "CHF",
    "tenge": "KZT", "roubles": "RUB", "rubles": "RUB", "pounds": "GBP", "sterling": "GBP",
}  # fmt: skip
CURRENCY_SIGNS = {"$": "$", "us$": "USD", "s$": "SGD", "a$": "AUD", "rm": "MYR", "£": "GBP"}
CURRENCY_SIGNS |= {"€": "EUR", "¥": "JPY", "rs": "INR", "rs.": "INR", "hk$": "HKD", "c$": "CAD"}

# Hedges before a number, longest first when matched. Each maps to a kind of range.
HEDGES_BEFORE: dict[str, str] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "not fewer than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "upwards of": "more_than", "in excess of": "more_than", "just over": "more_than",
    "well over": "more_than", "well above": "more_than", "north of": "more_than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "just shy of": "nearly", "approaching": "nearly", "nearing": "nearly",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "approx.": "about", "an approximate": "about", "about a": "about",
    "up to": "at_most", "as many as": "at_most", "no more than": "at_most",
    "at most": "at_most", "a maximum of": "at_most", "not more than": "at_most",
    "no longer than": "at_most", "within": "at_most", "not exceeding": "at_most",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "just below": "less_than",
}  # fmt: skip
HEDGES_AFTER = {"or more": "at_least", "plus": "at_least", "+": "at_least", "or so": "about"}
HEDGE_MAX_TOKENS = 3

_NUMERIC = re.compile(
    r"^(?P<cur>US\$|S\$|A\$|HK\$|C\$|RM|Rs\.?|[$£€¥])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>bn|mn|mln|m|b|k)?$"
)
# Words after a number that make it a date, time, age, share or rank rather than a count.
_NOT_COUNT_AFTER = {"%", "percent", "per", "pm", "am", "a.m.", "p.m.", "o'clock", "th", "st"}
_AGE_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
DURATION_UNITS = {
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "night",
}  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    """One counted quantity as worded in a text.

    ``low``/``high`` bound what the wording allows (``high`` None = unbounded); the ``*_open``
    flags say whether a bound is excluded ("more than 2,000" excludes 2,000). ``exact`` marks a
    bare written number ("2,000"), which may still be rounded by the writer. ``start``/``end``
    are character offsets of ``text`` in the Doc; ``first``/``last`` its token indices.
    """

    text: str
    start: int
    end: int
    first: int
    last: int
    core: int  # token index of the number word the rest of the phrase hangs on
    value: float
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    hedge: str  # "exact" | "at_least" | "more_than" | "nearly" | "about" | "at_most" | ...
    exact: bool
    precision: float = 1.0  # place value of the last written digit: "2,000" -> 1000
    currency: str | None = None


@dataclass(frozen=True)
class _Core:
    first: int
    last: int  # inclusive
    value: float
    low: float
    high: float
    vague: bool
    precision: float  # place value of the last significant digit, for rounding
    currency: str | None


def _number_word(tokens: list[str], i: int) -> tuple[float, int] | None:
    """Value and end index of an English number word ("five", "twenty-five") at ``i``."""
    word = tokens[i]
    if word in UNITS_WORDS:
        return float(UNITS_WORDS[word]), i + 1
    if word in TENS_WORDS:
        value = TENS_WORDS[word]
        if i + 2 < len(tokens) and tokens[i + 1] == "-" and tokens[i + 2] in UNITS_WORDS:
            return float(value + UNITS_WORDS[tokens[i + 2]]), i + 3
        return float(value), i + 1
    return None


def _precision(digits: str) -> float:
    """Place value of the last nonzero digit of a written number: "2,000" -> 1000."""
    plain = digits.replace(",", "")
    if "." in plain:
        return 10.0 ** -len(plain.split(".")[1])
    stripped = plain.rstrip("0")
    return 10.0 ** (len(plain) - len(stripped)) if stripped else 1.0


def _core_at(doc: Doc, lower: list[str], i: int) -> _Core | None:
    """The number phrase starting at token ``i``, or None."""
    n = len(doc)
    word = lower[i]
    for phrase in ("tens of thousands", "hundreds of thousands", "tens of millions"):
        parts = phrase.split()
        if lower[i : i + 3] == parts:
            lo, hi = VAGUE[phrase]
            return _Core(i, i + 2, lo, lo, hi, True, 1.0, None)
    if word in VAGUE and doc[i].tag_ == "NNS":
        if word == "scores" and (i + 1 >= n or lower[i + 1] != "of"):
            return None  # "scores" is a count only as "scores of ..."
        lo, hi = VAGUE[word]
        return _Core(i, i, lo, lo, hi, True, 1.0, None)
    for phrase, (lo, hi) in FEW.items():
        parts = phrase.split()
        if lower[i : i + len(parts)] != parts:
            continue
        j = i + len(parts)
        if j < n and lower[j] in ("dozen", "hundred", "thousand", "million"):
            scale = SCALES[lower[j]]
            return _Core(i, j, lo * scale, lo * scale, hi * scale, True, 1.0, None)
        if phrase == "several" or (j < n and doc[j].pos_ == "NOUN"):
            return _Core(i, j - 1, lo, lo, hi, True, 1.0, None)
    if word in ("a", "an") and i + 1 < n and lower[i + 1] in ("dozen", "hundred", "thousand"):
        if lower[i + 1] == "dozen":
            return _Core(i, i + 1, 12, *A_DOZEN, True, 1.0, None)
        scale = SCALES[lower[i + 1]]
        return _Core(i, i + 1, scale, scale, scale, False, scale, None)
    if word in ("a", "an") and i + 1 < n and lower[i + 1] in ("million", "billion"):
        scale = SCALES[lower[i + 1]]
        return _Core(i, i + 1, scale, scale, scale, False, scale, None)
    return _digits_or_words(doc, lower, i)


def _digits_or_words(doc: Doc, lower: list[str], i: int) -> _Core | None:
    """A numeral ("2,000", "$1.2bn", "RM500") or number word, with a scale word after it."""
    n = len(doc)
    currency = None
    start = i
    if lower[i] in CURRENCY_SIGNS and i + 1 < n and _NUMERIC.match(doc[i + 1].text):
        currency = CURRENCY_SIGNS[lower[i]]
        i += 1
    match = _NUMERIC.match(doc[i].text)
    if match and re.match(r"0\d", match["num"]):
        return None  # "000", "05": a fragment of a broken number or a code, not a count
    if match:
        if match["cur"]:
            currency = CURRENCY_SIGNS.get(match["cur"].lower(), match["cur"])
        value = float(match["num"].replace(",", ""))
        precision = _precision(match["num"])
        end = i + 1
        if match["scale"]:
            value *= SCALES[match["scale"].lower()]
            precision *= SCALES[match["scale"].lower()]
    else:
        word = _number_word(lower, i)
        if word is None:
            return None
        value, end = word
        precision = 1.0
    last = end - 1
    if lower[end : end + 3] in (["and", "a", "half"], ["and", "one", "half"]):
        value += 0.5  # "three and a half hours", "two and a half million"
        precision = 0.5
        last, end = end + 2, end + 3
    if currency is not None and end < n and lower[end].rstrip(".") in ("m", "mn", "bn", "b", "k"):
        value *= SCALES[lower[end].rstrip(".")]
        precision *= SCALES[lower[end].rstrip(".")]
        last, end = end, end + 1
    while end < n and lower[end] in SCALES and lower[end] not in ("m", "b", "k"):
        if lower[end] == "dozen" and value >= 12:
            break
        value *= SCALES[lower[end]]
        precision *= SCALES[lower[end]]
        last = end
        end += 1
    if currency is None and end < n and lower[end] in CURRENCY_WORDS:
        currency = CURRENCY_WORDS[lower[end]]
    if lower[last] == "dozen":
        lo, hi = _about(value)
        return _Core(start, last, value, lo, hi, True, 1.0, currency)
    return _Core(start, last, value, value, value, False, precision, currency)


def _about(value: float) -> tuple[float, float]:
    width = max(value * ABOUT_WIDTH, HEDGE_MIN_ABS)
    return max(value - width, 0.0), value + width


def _skip_reason(doc: Doc, lower: list[str], core: _Core) -> str | None:
    """Why the number is not a count (date, time, age, year, share, rank), or None."""
    n = len(doc)
    tok = doc[core.first]
    after = lower[core.last + 1] if core.last + 1 < n else ""
    before = lower[core.first - 1] if core.first > 0 else ""
    if after in _NOT_COUNT_AFTER or tok.ent_type_ in ("PERCENT", "TIME", "ORDINAL"):
        if not (tok.ent_type_ == "TIME" and after.rstrip("s") in DURATION_UNITS):
            return "share, time or rank"
    if after == "-" and core.last + 2 < n and lower[core.last + 2] in _AGE_WORDS:
        if core.last + 4 < n and lower[core.last + 4] == "old":
            return "age"
    if after in _AGE_WORDS and core.last + 2 < n and lower[core.last + 2] == "old":
        return "age"
    if before in ("aged", "age", "no.", "number", "#", "route", "flight", "gate", "page"):
        return "age or label"
    after_text = doc[core.last + 1].text if core.last + 1 < n else ""
    before_text = doc[core.first - 1].text if core.first > 0 else ""
    if _is_month(after_text) or (_is_month(before_text) and core.value <= 31):
        return "date"
    if after.rstrip("s") in DURATION_UNITS and core.last + 2 < n:
        if lower[core.last + 2] in ("ago", "later", "earlier", "before", "after", "old"):
            return "time offset"
    is_year = core.currency is None and 1800 <= core.value <= 2100 and core.first == core.last
    year_context = after in ("", ".", ",") or before in _YEAR_PREPS or tok.ent_type_ == "DATE"
    if is_year and re.fullmatch(r"\d{4}", tok.text) and year_context:
        return "year"
    if before == "from" and "to" in lower[core.last + 1 : core.last + 8]:
        return "earlier value"  # "rose from 12 to 14": 12 is superseded
    if before == "from" and core.first > 1 and lower[core.first - 2] in ("up", "down"):
        return "earlier value"  # "14, up from 12"
    if lower[core.first] == "one" and after in ("of", "another", "day", "time"):
        return "pronoun"
    return None


_YEAR_PREPS = {"in", "by", "since", "until", "till", "before", "after", "of", "from", "to"}


def _is_month(word: str) -> bool:
    """True for a capitalised month name or abbreviation, also glued to a next word, as
    damaged text has it ("Januaryin"); "may" and "march" in lower case are verbs."""
    bare = word.rstrip(".")
    if bare in _MONTHS or bare[:3] in _MONTHS and bare[:3] + "." == word:
        return True
    return any(bare.startswith(m) for m in _MONTHS if len(m) >= 6)


_MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
}  # fmt: skip


def _hedge(lower: list[str], core: _Core) -> tuple[str, int, int]:
    """The hedge kind and the token span (first, last) of the wording around the number."""
    first, last = core.first, core.last
    kind = "exact"
    for size in range(HEDGE_MAX_TOKENS, 0, -1):
        at = core.first - size
        if at < 0:
            continue
        phrase = " ".join(lower[at : core.first])
        if phrase in HEDGES_BEFORE:
            kind, first = HEDGES_BEFORE[phrase], at
            break
    for size in (2, 1):
        phrase = " ".join(lower[core.last + 1 : core.last + 1 + size])
        if phrase in HEDGES_AFTER and kind == "exact":
            kind, last = HEDGES_AFTER[phrase], core.last + size
            break
    return kind, first, last


def _range(core: _Core, kind: str) -> tuple[float | None, float | None, bool, bool]:
    """(low, high, low_open, high_open) the hedge allows around the number phrase."""
    lo, hi, v = core.low, core.high, core.value
    if kind == "at_least":
        return lo, None, False, False
    if kind == "more_than":
        return v, None, True, False
    if kind == "nearly":
        return max(v - max(v * NEARLY_WIDTH, HEDGE_MIN_ABS), 0.0), v, False, True
    if kind == "about":
        if core.vague:
            return lo, hi, False, False
        a, b = _about(v)
        return a, b, False, False
    if kind == "at_most":
        return 0.0, hi, False, False
    if kind == "less_than":
        return 0.0, v, False, True
    return lo, hi, False, False


def _range_partner(doc: Doc, lower: list[str], core: _Core) -> _Core | None:
    """The upper number of "10 to 15", "10-15", "between 10 and 20", "two or three"."""
    j = core.last + 1
    if j + 1 >= len(doc) or core.vague:
        return None
    link = lower[j]
    between = core.first > 0 and lower[core.first - 1] == "between"
    if link in ("to", "-", "or", "–") or (link == "and" and between):
        other = _digits_or_words(doc, lower, j + 1)
        if other is not None and other.value > core.value:
            return other
    return None


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every counted quantity in a parsed text, with its hedge and range, in text order.

    Example:
        >>> [q.text for q in find_quantities(nlp("At least 164 people died."))]
        ['At least 164']
    """
    lower = [t.lower_ for t in doc]
    found: list[Quantity] = []
    i = 0
    while i < len(doc):
        core = _core_at(doc, lower, i)
        if core is None:
            i += 1
            continue
        i = core.last + 1
        if _skip_reason(doc, lower, core) is not None:
            continue
        partner = _range_partner(doc, lower, core)
        kind, first, last = _hedge(lower, core)
        low, high, low_open, high_open = _range(core, kind)
        if partner is not None:
            if first > 0 and lower[first - 1] == "between" and kind == "exact":
                first -= 1
            kind, last = "range", partner.last
            low, high, low_open, high_open = core.low, partner.high, False, False
            i = partner.last + 1
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        found.append(
            Quantity(
                text=doc.text[start:end],
                start=start,
                end=end,
                first=first,
                last=last,
                core=_root(doc, core.first, core.last),
                value=core.value,
                low=low,
                high=high,
                low_open=low_open,
                high_open=high_open,
                hedge="vague" if core.vague and kind == "exact" else kind,
                exact=not core.vague and kind == "exact",
                precision=core.precision,
                currency=core.currency or (partner.currency if partner else None),
            )
        )
    return found


def _root(doc: Doc, first: int, last: int) -> int:
    """The token of ``doc[first:last+1]`` whose head lies outside it (its syntactic root)."""
    for tok in doc[first : last + 1]:
        if not first <= tok.head.i <= last or tok.head.i == tok.i:
            return tok.i
    return last


def rounding_band(q: Quantity) -> tuple[float, float]:
    """How far a bare written number may have been rounded by its writer, as (low, high).

    "2,000" was rounded to the thousand at most, but never by more than ROUND_FRACTION of it:
    (1900, 2100). "164" and small numbers are taken as written.
    """
    if not q.exact or q.low is None:
        return (q.low or 0.0, q.high if q.high is not None else float("inf"))
    precision = q.precision
    tolerance = min(precision / 2, q.value * ROUND_FRACTION) if precision > 1 else 0.0
    return q.value - tolerance, q.value + tolerance
