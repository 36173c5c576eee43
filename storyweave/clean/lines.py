"""Lines of a scraped body: unwrapping hard-wrapped text and judging a line's shape."""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable

from storyweave.clean.patterns import WIRE_MARKER
from storyweave.clean.script import LATIN_WORD, TERMINAL, has_end, line_words

# A body counts as hard-wrapped when most lines share one width band:
# on DUC 2004 newswire 99% of lines are 60-89 characters; scraped web text has one
# paragraph per line and widths spread from 20 to 2,000.
WRAP_MIN_LINES = 2
WRAP_BAND = (50, 95)
WRAP_SHARE = 0.7
WRAP_OPEN_SHARE = 0.5

# Research corpora ship text split into Penn Treebank tokens ("Haiti 's capital , Port-au-Prince
# ."; "ca n't"; "-LRB-"). A text with more punctuation marks set apart by spaces than attached
# ones (ordinary prose has next to none apart) is put back together.
TOKENIZED_MIN_MARKS = 1
_LOOSE_MARK = re.compile(r"(?<=\w) [,.;:!?](?=\s|$)|(?<=\w) (?:'s|n't|'re|'ve|'ll|'d|'m)\b")
_TIGHT_MARK = re.compile(r"\w[,.;:!?](?=\s|$)")
_PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_DETOKENIZE: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"-[LR][RSC]B-"), lambda m: _PTB_BRACKETS[m.group()]),
    (re.compile(r"(?<=\w) (n't|'s|'re|'ve|'ll|'d|'m|')(?=\W|$)", re.I), r"\1"),
    (re.compile(r" ([,.;:!?%)\]])"), r"\1"),
    (re.compile(r"([(\[$#]) "), r"\1"),
    (re.compile(r"`` "), "``"),
    (re.compile(r"(?<!`)` ?(?=\w)"), "\u2018"),
    (re.compile(r" ''"), "''"),
    (re.compile(r"\u201c "), "\u201c"),
    (re.compile(r" \u201d"), "\u201d"),
]


def _tokenized(text: str) -> bool:
    loose = len(_LOOSE_MARK.findall(text))
    return loose >= TOKENIZED_MIN_MARKS and loose > len(_TIGHT_MARK.findall(text))


def _detokenize(text: str) -> str:
    """Penn Treebank tokens joined back into ordinary text (see TOKENIZED_MIN_MARKS)."""
    for pattern, replacement in _DETOKENIZE:
        text = pattern.sub(replacement, text)
    return text


# A lone backquote opening a word: a nested quotation of wire copy.
_NESTED_OPEN = re.compile(r"`(?=\w)")
# An underscore between words, spaced: wire copy's dash ("rivals _ to form").
_WIRE_DASH = re.compile(r"(?<=[\w,.;:')\u201d\u2019]) _ (?=[\w\u201c\u2018])")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
# A line's text up to its last sentence end, and what follows it.
_SENTENCE_THEN_MARKER = re.compile(r"^(.*[.!?][\"'”’)]?)\s+(\S.*)$")
# ... and an outlet's sign-off after the last sentence: "/TDL", "/ABC Read also: ...".
_SENTENCE_THEN_SIGN_OFF = re.compile(r"^(.*[.!?][\"'”’)]?)\s+(/[A-Z]{2,8}\b.*)$")


def typeset(text: str) -> str:
    """Typewriter quotation marks and dashes of wire copy as printed marks, and Penn Treebank
    tokens joined back into prose (``_detokenize``).

    Wire archives write quotations as ````like this''`` (nested: ```like this'``) and a dash
    as `` _ ``; left as they are, a quotation has no marks a reader of quotes knows, and a
    name can start with a backquote. Only a text that opens a quotation with two backquotes
    has its ``''`` read as a closing mark (elsewhere it may be an inch or a second of arc).
    The same text gives the same result, and a text without these marks is returned as is.
    """
    return _WIRE_DASH.sub(" \u2014 ", _printed_marks(text))


def _printed_marks(text: str) -> str:
    """``typeset`` but for the dashes, which ``paragraphs`` prints once lines are joined."""
    if _tokenized(text):
        text = _detokenize(text)
    if "``" not in text:
        return text
    return _NESTED_OPEN.sub("\u2018", text.replace("``", "\u201c").replace("''", "\u201d"))


def paragraphs(text: str) -> list[str]:
    """Split a body into paragraphs: one per line, hard-wrapped lines joined back.

    Leading and trailing whitespace of each line is dropped; blank lines are dropped. Wire
    copy's typewriter quotation marks and dashes are printed ones and Treebank tokens are
    joined (``typeset``); other characters inside a line are never changed; a wrapped line
    break becomes one space.
    """
    raw = _printed_marks(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    hard = _hard_wrapped([line.strip() for line in raw if line.strip()])
    out: list[str] = []
    current: list[str] = []
    for line in raw:
        stripped = line.strip()
        if not stripped:
            if current:
                out.append(" ".join(current))
                current = []
            continue
        if hard and WIRE_MARKER.match(stripped):
            # A desk marker line is never part of the paragraph around it, but the end of
            # a sentence wrapped onto it ("said Saturday. Mitch _ once, 2nd graf pvs") is.
            head = _SENTENCE_THEN_MARKER.match(stripped)
            if head and WIRE_MARKER.match(head.group(2)):
                current.append(head.group(1))
                stripped = head.group(2)
            if current:
                out.append(" ".join(current))
            out.append(stripped)
            current = []
            continue
        signed = _SENTENCE_THEN_SIGN_OFF.match(stripped)
        if signed:
            # "... in a Facebook post on Monday. /TDL": the outlet's sign-off is a line of its
            # own, so it goes as junk and the sentence stays.
            current.append(signed.group(1))
            out.append(" ".join(current))
            out.append(signed.group(2))
            current = []
            continue
        current.append(stripped)
        if not hard or _ends_paragraph(stripped, hard):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    # Dashes once wrapped lines are joined ("the opposition _\nclaiming"); a desk marker's
    # underscore ("Mitch _ once, 2nd graf pvs") is no dash and the marker goes anyway.
    return [p if WIRE_MARKER.match(p) else _WIRE_DASH.sub(" \u2014 ", p) for p in out]


def _hard_wrapped(lines: list[str]) -> float:
    """The typical width of a hard-wrapped body, or 0 when lines are paragraphs.

    The last line is left out (it is as short as the text runs out). Hard wraps also leave
    most lines without a sentence end, which tells a wrapped body from a list of one-line
    paragraphs of similar width.
    """
    body = lines[:-1]
    if len(body) < WRAP_MIN_LINES:
        return 0
    low, high = WRAP_BAND
    banded = [line for line in body if low <= len(line) <= high]
    if len(banded) / len(body) < WRAP_SHARE:
        return 0
    open_ended = sum(1 for line in banded if not TERMINAL.search(line))
    if open_ended / len(banded) < WRAP_OPEN_SHARE:
        return 0
    return statistics.median(len(line) for line in banded)


def _ends_paragraph(line: str, width: float) -> bool:
    """In a hard-wrapped body, a clearly short line with a sentence end closes a paragraph."""
    return len(line) < 0.6 * width and bool(TERMINAL.search(line))


def words(line: str) -> list[str]:
    """The words of a line, in any script (see ``script.line_words``)."""
    return line_words(line)


def is_sentence(line: str) -> bool:
    """A line that reads as prose: several words, some lowercase, and a sentence end.

    "Some lowercase" only asks for Latin lowercase words when most words are Latin; in other
    scripts a word without capitals counts (scripts without case have none).
    """
    found = words(line)
    if len(found) < 4 or not has_end(line):
        return False
    latin = len(_LOWER_WORD.findall(line))
    if 2 * len(LATIN_WORD.findall(line)) >= len(found):
        return latin >= 2
    return latin + sum(1 for w in found if w == w.lower() and not w.isascii()) >= 2


def is_body(line: str) -> bool:
    """A full prose paragraph (the zone between header and footer starts at the first)."""
    return is_sentence(line) and len(words(line)) >= BODY_MIN_WORDS


# A body paragraph has at least this many words: shorter sentence-like lines near the top
# are often slogans or teasers ("Download the app today."), not the story.
BODY_MIN_WORDS = 8


def is_headline(line: str) -> bool:
    """A line shaped like a headline: 2-30 words, no full stop at the end."""
    n = len(words(line))
    return 2 <= n <= 30 and not line.rstrip().endswith((".", "。", "｡"))


def is_short_label(line: str, max_words: int) -> bool:
    """A short line with no sentence end (a heading, menu item, byline or badge)."""
    return len(words(line)) <= max_words and not has_end(line)


def norm(line: str) -> str:
    """A comparison key: case, spacing and edge punctuation ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", line.casefold()).split())
