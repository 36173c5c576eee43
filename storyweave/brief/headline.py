"""Which report's title names a story.

The earliest title is a poor name when the earliest report is off the story's main line (a
round-up that mentions it, a related story the clusterer joined): its words are rare in the
other reports. So each title is scored by how many of its content words the other reports
use, and the earliest of the titles close to the best score names the story. With fewer than
three titled reports there is nothing to compare, and the earliest title stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from storyweave.clean.dateline import without_dateline

# Titles whose support is within this much of the best count as equally good, and the
# earliest of them wins: a story keeps its name as reports arrive unless another title is
# clearly more typical. bench/headline.py (LocalNews events, off-topic reports included):
# ROUGE-1 of the title against the event description is 0.349 for the earliest title and
# 0.39-0.42 for every margin from 0 to 0.1 and lead from 500 characters to whole bodies;
# 0.1 changes the fewest titles (55 of 103) and picks the fewest off-topic ones (2 vs 3).
TIE_MARGIN = 0.1
# Titles with fewer content words say too little to compare ("Update", "Live: Day 3").
MIN_TITLE_WORDS = 3
# The part of each other report whose words count: the title and the opening paragraphs,
# where a report says what it is about.
LEAD_CHARS = 1500

_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Titled:
    """A report's title with what orders it: publication date and input position."""

    title: str
    published: str | None
    position: int
    lead: str  # the opening of its body


def content_words(text: str) -> set[str]:
    """Lower-case words of ``text`` without stop words, plurals cut ("Floods" -> "flood").

    Example:
        >>> sorted(content_words("Floods hit the north of Johor"))
        ['flood', 'hit', 'johor', 'north']
    """
    out = set()
    for word in _WORD.findall(text):
        word = word.casefold()
        if word in STOP_WORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.add(word)
    return out


def support(words: set[str], others: Sequence[set[str]]) -> float:
    """Mean share of a title's content ``words`` that each other report's vocabulary uses."""
    if not words or not others:
        return 0.0
    return sum(len(words & v) / len(words) for v in others) / len(others)


def choose_title(reports: Sequence[Titled]) -> str:
    """The title that names the story: the earliest of the most typical ones.

    Example:
        >>> reports = [
        ...     Titled("Markets round-up: oil slips", "2025-01-01", 0, "Oil slipped."),
        ...     Titled("Storm floods Johor villages", "2025-01-02", 1, "Floods hit Johor."),
        ...     Titled("Johor villages flooded after storm", "2025-01-02", 2, "A storm..."),
        ...     Titled("Thousands evacuated as floods hit Johor", "2025-01-03", 3, "Storm floods."),
        ... ]
        >>> choose_title(reports)
        'Storm floods Johor villages'
    """
    if not reports:
        return ""
    order = sorted(range(len(reports)), key=lambda k: _age(reports[k]))
    if len(reports) < 3:
        return reports[order[0]].title
    vocab = [content_words(r.title + "\n" + r.lead[:LEAD_CHARS]) for r in reports]
    title_words = [content_words(r.title) for r in reports]
    eligible = [k for k in order if len(title_words[k]) >= MIN_TITLE_WORDS]
    if not eligible:
        return reports[order[0]].title
    scores = {
        k: support(title_words[k], [v for j, v in enumerate(vocab) if j != k]) for k in eligible
    }
    best = max(scores.values())
    return next(reports[k].title for k in eligible if scores[k] >= best - TIE_MARGIN)


def _age(report: Titled) -> tuple[str, int]:
    return (report.published or "9999", report.position)


# A headline made from a sentence (no report has a title) keeps at most this many words: the
# length of a long printed headline.
MAX_HEADLINE_WORDS = 16
# A sentence this many words longer is kept whole rather than cut.
HEADLINE_SLACK_WORDS = 3
# Nor fewer than this many, when cut at a clause boundary.
MIN_HEADLINE_WORDS = 5
_SPEECH = re.compile(r"\b(?:said|says|say|reported|reports|announced|told|according)\b")
_CLAUSE_BREAKS = re.compile(r"(?:,|;|:| —| –| -)\s+")


def headline_from(sentence: str) -> str:
    """A headline for a story whose reports have no title, from its leading summary sentence.

    A wire dateline goes ("NAIROBI, Kenya (AP) — "); asides set off by commas or dashes go
    ("Russ Granik, the league's deputy commissioner, said"; "The rebels — ethnic Tutsis and
    army defectors — took up arms"), and so does an opening time or place phrase ("On Sept.
    2, ..."); the attribution at either end goes ("..., officials said Saturday"; "According
    to police, ..."), and a long sentence is cut at the last clause boundary within
    MAX_HEADLINE_WORDS (else after them, with an ellipsis).

    Example:
        >>> headline_from("At least 231 people died in Honduras, the commission said Saturday.")
        'At least 231 people died in Honduras'
    """
    text = without_dateline(" ".join(sentence.split()).strip())
    text = _compress(text)
    text = re.sub(r"^According to [^,]{1,80},\s*", "", text)
    text = text[:1].upper() + text[1:]
    parts = _CLAUSE_BREAKS.split(text.rstrip(".!?;:"))
    tail = parts[-1] if len(parts) > 1 else ""
    if tail and _SPEECH.search(tail) and len(tail.split()) <= 10 and '"' not in tail:
        cut = text.rstrip(".!?;:").rfind(tail)
        text = text[:cut].rstrip(" ,;:—–-")
    text = text.rstrip(".!?;: ")
    words = text.split()
    if len(words) <= MAX_HEADLINE_WORDS + HEADLINE_SLACK_WORDS:
        return text  # a few words over the bar read better than a cut
    ends = [
        m.start()
        for m in _CLAUSE_BREAKS.finditer(text)
        if MIN_HEADLINE_WORDS <= len(text[: m.start()].split()) <= MAX_HEADLINE_WORDS
    ]
    if ends:
        return text[: ends[-1]].rstrip(" ,;:—–-")
    kept = words[:MAX_HEADLINE_WORDS]
    while len(kept) > MIN_HEADLINE_WORDS and kept[-1].casefold() in STOP_WORDS:
        kept.pop()  # "... the Nobel Prize for Literature on…" ends at "Literature…"
    return " ".join(kept).rstrip(" ,;:—–-") + "…"


# Dependents that a headline can do without when commas, dashes or brackets set them off.
_ASIDES = frozenset({"appos", "relcl", "parataxis"})
_ASIDE_MARKS = frozenset({",", "—", "–", "-", "(", ")"})
# Dependents of the main verb that may open a sentence as a scene-setting phrase.
_OPENERS = frozenset({"prep", "npadvmod", "advmod", "advcl", "pcomp"})


def _compress(text: str) -> str:
    """The sentence without its asides and its opening phrase (see ``headline_from``)."""
    from storyweave.nlp.spacy_model import parse

    doc = parse([text])[0]
    drop: set[int] = set()
    for tok in doc:
        if tok.dep_ not in _ASIDES or tok.i in drop:
            continue
        left, right = tok.left_edge.i, tok.right_edge.i
        if left == 0 or doc[left - 1].text not in _ASIDE_MARKS:
            continue
        after = right + 1 < len(doc) and doc[right + 1].text in _ASIDE_MARKS
        if not after and right + 1 < len(doc) and not doc[right + 1].is_punct:
            continue  # not closed off: part of the sentence's main line
        drop.update(range(left - 1, right + 1))
        if after and doc[right + 1].text != "," or doc[left - 1].text == ",":
            drop.add(right + 1)  # the closing mark ("—", ")"), or the comma after a comma
    first = doc[0]
    while first.head.i != first.i and first.head.dep_ != "ROOT":
        first = first.head
    if first.dep_ in _OPENERS and first.head.dep_ == "ROOT":
        end = first.right_edge.i + 1
        if end < len(doc) - 3 and doc[end].text == "," and not any(t.is_quote for t in doc[:end]):
            drop.update(range(0, end + 1))
    kept = [t for t in doc if t.i not in drop]
    if len(kept) < MIN_HEADLINE_WORDS:
        return text
    out = []
    for tok, nxt in zip(kept, kept[1:] + [None], strict=True):
        out.append(tok.text)
        if nxt is None:
            break
        joined = nxt.i == tok.i + 1
        out.append(tok.whitespace_ if joined else ("" if nxt.is_punct else " "))
    return "".join(out).strip()
