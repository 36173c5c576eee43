"""What a report is about, as weighted terms: words, names and numbers of its title and prose.

Two reports of similar local incidents share most of their wording ("a man was arrested
after a fight at a coffee shop") and differ in names, places and numbers, so those get their
own features beside the plain words. Menus, bylines, datelines and share buttons are short lines
without sentence punctuation; they are left out, because a reporter's name or a site's menu
would otherwise tie together unrelated stories from one outlet.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# A body line is prose when it has at least this many words...
PROSE_WORDS = 8
# ...or at least this many words and ends like a sentence.
SHORT_PROSE_WORDS = 4
# The title names the story: its terms count this many times over.
TITLE_BOOST = 2
# Weights of the feature kinds relative to plain words. A multi-word name ("Ang Mo Kio",
# "John Smith") is a stronger sign of the same story than its words alone, so it is added on
# top of them at full weight. Numbers (counts, ages, flight and case numbers) identify an
# incident but recur by chance ("2", "10"), so they count half.
NAME_WEIGHT = 1.0
NUMBER_WEIGHT = 0.5

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|bin|binti|al|van|von|da))*")
NUMBER = re.compile(r"\b\w*\d[\d,.]*\w*")
SENTENCE_OPENING = re.compile(r"(?:^|[.!?:\n])[\s\"'“‘(]*(?=\w)")
SENTENCE_END = re.compile(r"[.!?:;)\"”'’]\s*$")
# A token ending in a full stop that does not end a sentence: initials ("U.S.", "J."), short
# titles and street abbreviations ("Dr.", "St.", "Ave.").
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,2}\.")
# What follows a currency or unit written before a number: "RM208", "US$885", "N250,000".
UNIT_PREFIX = re.compile(r"[$€£¥₦]?\d")
STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "according", "also"}
# Capitalised but naming no one: days and months open many sentences' second words.
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec".split()
)


def prose_lines(text: str) -> list[str]:
    """The lines of a body that read as sentences, in order."""
    kept = []
    for line in text.splitlines():
        words = len(line.split())
        if words >= PROSE_WORDS or (words >= SHORT_PROSE_WORDS and SENTENCE_END.search(line)):
            kept.append(line)
    return kept


def _names(text: str) -> list[str]:
    found = []
    for match in NAME.finditer(text):
        for tokens in _name_runs(match.group().split()):
            while tokens and tokens[0].lower() in STOP:
                tokens = tokens[1:]
            while tokens and tokens[-1].lower() in STOP:
                tokens = tokens[:-1]
            if len(tokens) > 1:
                found.append(" ".join(tokens).lower().strip(".'’"))
    return found


def _name_runs(tokens: list[str]) -> list[list[str]]:
    """Split a capitalised run where a sentence ends inside it ("... on Sunday. Police said")
    and drop tokens holding digits (amounts like "RM208,750", street numbers)."""
    runs: list[list[str]] = [[]]
    for token in tokens:
        if any(c.isdigit() for c in token):
            runs.append([])
            continue
        if token.endswith(".") and not ABBREVIATION.fullmatch(token):
            runs[-1].append(token[:-1])
            runs.append([])
        else:
            runs[-1].append(token)
    return [run for run in runs if run]


def _proper_words(text: str) -> list[str]:
    """Capitalised words that do not open a sentence: mostly names of people and places."""
    openers = {m.end() for m in SENTENCE_OPENING.finditer(text)}
    found = []
    for match in WORD.finditer(text):
        word = match.group()
        lowered = word.lower()
        if UNIT_PREFIX.match(text, match.end()):  # "RM208,750", "US$885": a currency, no name
            continue
        if word[0].isupper() and match.start() not in openers:
            if lowered not in STOP and lowered not in CALENDAR:
                found.append(lowered)
    return found


def is_name(term: str) -> bool:
    """Whether a term from ``story_terms`` is a name (person, place, organisation)."""
    return term[0] in "ne"


def _count(text: str, counts: Counter[str], times: int, names: bool) -> None:
    for word in WORD.findall(text):
        lowered = word.lower()
        if len(lowered) > 1 and lowered not in STOP:
            counts["w:" + lowered] += times
    if names:  # not in titles: many outlets capitalise Every Word Of A Headline
        for name in _names(text):
            counts["n:" + name] += times
        for word in _proper_words(text):
            counts["e:" + word] += times
    for number in NUMBER.findall(text):
        counts["d:" + number.lower().replace(",", "").rstrip(".")] += times


def story_terms(title: str | None, text: str) -> dict[str, float]:
    """Weighted term frequencies of a report, before inverse document frequency.

    Keys are namespaced: ``w:`` words (lower case, stop words dropped), ``n:`` multi-word
    capitalised names and ``e:`` capitalised words inside sentences (both from the body
    only), ``d:`` numbers. Values are sublinear counts (1 + log tf) times the
    weight of the kind.

    Example:
        >>> body = "Firefighters put out a blaze at a warehouse in Jurong West on Monday night."
        >>> terms = story_terms("Fire at Jurong warehouse", body)
        >>> terms["w:jurong"] > terms["w:fire"]
        True
    """
    counts: Counter[str] = Counter()
    _count(title or "", counts, TITLE_BOOST, names=False)
    _count("\n".join(prose_lines(text)), counts, 1, names=True)
    weights = {"w": 1.0, "n": NAME_WEIGHT, "e": NAME_WEIGHT, "d": NUMBER_WEIGHT}
    return {
        term: (1.0 + math.log(count)) * weights[term[0]] for term, count in sorted(counts.items())
    }
