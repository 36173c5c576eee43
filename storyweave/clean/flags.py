"""Damage flags on a cleaned source: dropped words, machine translation, truncation.

Scrapers that strip links leave grammatical holes ("Shares of the rose 4%", "the family
moved out of on Friday"); machine-translated copy leaves calques and stray sentence breaks.
Both are found from the parser's tags and dependencies, never from word lists about a story.
Each flag carries the damaged sentence, an exact substring of ``source.text``, as evidence
(a removed translation banner is quoted as it was).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storyweave.clean.patterns import TRANSLATION_BANNER
from storyweave.models import Flag, Source

DROPPED_WORDS = "dropped_words"
MACHINE_TRANSLATED = "machine_translated"
TRUNCATED = "truncated"

# One flag per damaged sentence, up to this many per source (a wholly mangled page would
# otherwise list every sentence).
MAX_EVIDENCE = 5
# Calques and stray breaks are each possible in careful English once; two different cues in
# one article are not. On the 500 DUC 2004 newswire articles no article shows two.
MT_MIN_CUES = 2
# A body that stops mid-sentence: its last paragraph has at least this many words and no
# sentence end (a shorter unpunctuated tail is a sign-off or a heading, not a cut).
TRUNCATED_MIN_WORDS = 6

# "of up to dlrs 5 million": a number this close after "of" makes it a quantity phrase.
NUMBER_LOOKAHEAD = 4
# ... and its last sentence at least this many lowercase words (a sign-off has none).
TRUNCATED_MIN_LOWER = 2

_ARTICLES = {"a", "an", "the"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# ")" is left out: "(the)" is an editor's insertion inside a quote, not a hole.
_HOLE_PUNCT = {",", ";", ":", ".", "!", "?"}
# Words after which "of" takes a whole phrase: "instead of in", "kind of like".
_OF_PHRASE_LEADS = {"instead", "because", "ahead", "kind", "sort", "outside", "inside"}
# A paragraph that ends in a stop, a closing quote or bracket, or a colon before a list.
_END = re.compile(r"[.!?…:][\"'”’)\]]*$|[\"”’)\]]$")
# A sign-off after the last full stop: "/XYZ", "(abc)", "MORE", "- AFP".
_SIGN_OFF = re.compile(r"[.!?\"”’)]\s+(?:[-–—/]\s*)?\(?[A-Za-z.]{1,12}\)?$")
_DAY_OF_MONTH = re.compile(
    r"\b(?:on )?the \d{1,2}(?:st|nd|rd|th)? (?:of )?(?:this|the current|the present|"
    r"the same) month\b",
    re.I,
)


def detect_flags(source: Source, doc: Doc) -> tuple[Flag, ...]:
    """Flags for one source, each with the damaged text as evidence.

    Args:
        source: the cleaned source.
        doc: the spaCy Doc of ``source.text`` (``storyweave.nlp.spacy_model.parse``).

    Example:
        >>> [f.kind for f in detect_flags(source, doc)]
        ['dropped_words']
    """
    flags: list[Flag] = []
    holes = [s for s in sentences(doc) if dropped_words(s)]
    flags.extend(Flag(DROPPED_WORDS, _evidence(s)) for s in holes[:MAX_EVIDENCE])
    translated = machine_translation_evidence(source, doc)
    if translated is not None:
        flags.append(Flag(MACHINE_TRANSLATED, translated))
    cut = truncation_evidence(doc)
    if cut is not None:
        flags.append(Flag(TRUNCATED, cut))
    return tuple(flags)


def sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, cut again at paragraph breaks.

    The parser may run a sentence on across a blank line when the next paragraph opens in
    lowercase, which is exactly the damage looked for here.
    """
    pieces: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    pieces.append(doc[start : token.i])
                start = token.i + 1
        if start < sent.end:
            pieces.append(doc[start : sent.end])
    return pieces


def dropped_words(sent: Span) -> bool:
    """Whether a sentence has a hole where words were stripped out."""
    tokens = [t for t in sent if not t.is_space]
    for i, token in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if _article_hole(token, nxt) or _of_hole(tokens, i):
            return True
    return _headless_start(sent, tokens)


def _article_hole(token: Token, nxt: Token) -> bool:
    """ "a were", "the ," : an article followed by a finite auxiliary or by punctuation.

    A capital "A" inside a sentence is a letter ("got an A, ..."), and "the would-be" is a
    hyphenated compound, not a modal.
    """
    if token.lower_ not in _ARTICLES or token.tag_ != "DT":
        return False
    if token.text[0].isupper() and not token.is_sent_start:
        return False
    if nxt.i + 1 < len(nxt.doc) and not nxt.whitespace_ and nxt.doc[nxt.i + 1].text == "-":
        return False
    if nxt.text in _HOLE_PUNCT:
        return True
    # A lexical verb counts only when the parser left the article orphaned ("of the rose"):
    # in "The shows my children watch" it attaches the article to the mis-tagged noun.
    return nxt.tag_ in _FINITE and (nxt.pos_ == "AUX" or token.head.i != nxt.i)


def _of_hole(tokens: list[Token], i: int) -> bool:
    """ "moved out of on Monday": "of" with no object, then a preposition or a verb.

    Not after a verb or words that take "of" plus a phrase ("instead of in", "kind of
    like"), nor before a number phrase ("of up to 5 million").
    """
    token, nxt = tokens[i], tokens[i + 1]
    if token.lower_ != "of" or any(c.dep_ in ("pobj", "pcomp") for c in token.children):
        return False
    if i > 0 and (tokens[i - 1].lower_ in _OF_PHRASE_LEADS or tokens[i - 1].pos_ == "VERB"):
        # After a verb, a bare "of" is stranded, which is grammatical ("never heard of in").
        return False
    ahead = tokens[i + 1 : i + 1 + NUMBER_LOOKAHEAD]
    if any(t.like_num or any(c.isdigit() for c in t.text) for t in ahead):
        return False
    return nxt.pos_ == "ADP" or nxt.tag_ in _FINITE


def _headless_start(sent: Span, tokens: list[Token]) -> bool:
    """ "is expected to visit the area ...": a sentence that opens, lowercase, on its finite verb.

    Only when the verb is the first token (after an opening quote at most): a sentence cut
    after an ellipsis (". . . were labeled") is a quotation, not a hole.
    """
    if not tokens or sent.text.rstrip().endswith("?"):
        return False
    if _after_ellipsis(sent):
        return False
    first = tokens[1] if tokens[0].is_quote and len(tokens) > 1 else tokens[0]
    if not first.text[:1].islower() or first.tag_ not in _FINITE:
        return False
    verb = first.head if first.dep_ in ("aux", "auxpass") else first
    return not any(c.dep_ in _SUBJECTS for c in verb.children)


def _after_ellipsis(sent: Span) -> bool:
    """Whether the sentence follows a spaced ellipsis (". . ."), which quotes cut text."""
    doc, start = sent.doc, sent.start
    before = [t.text for t in doc[max(0, start - 3) : start] if not t.is_space]
    return before[-2:] == [".", "."] or (bool(before) and before[-1] in ("…", "..."))


def machine_translation_evidence(source: Source, doc: Doc) -> str | None:
    """Why a source reads as machine-translated: a banner, or two different calque cues."""
    for removed in source.removed:
        if TRANSLATION_BANNER.search(removed.text):
            return removed.text
    banner = TRANSLATION_BANNER.search(source.text)
    if banner:
        span = doc.char_span(banner.start(), banner.end(), alignment_mode="expand")
        return _evidence(span.sent) if span is not None else banner.group(0)
    cues: dict[str, Span] = {}
    for sent in sentences(doc):
        for name, test in _MT_CUES:
            if name not in cues and test(sent):
                cues[name] = sent
    if len(cues) < MT_MIN_CUES:
        return None
    return _evidence(min(cues.values(), key=lambda s: s.start))


def _stray_lowercase(sent: Span) -> bool:
    """ "it states. in the note": a sentence opening lowercase right after a full stop.

    The stop must end a plain lowercase word in the same paragraph, so abbreviations
    ("a.m."), quotes and line breaks (list items, wrapped text) do not count.
    """
    first = sent[0]
    if sent.start < 2 or not first.is_alpha or not first.text[0].islower():
        return False
    stop, word = sent.doc[sent.start - 1], sent.doc[sent.start - 2]
    return (
        stop.text == "."
        and stop.whitespace_ == " "
        and word.is_alpha
        and word.is_lower
        and len(word) >= 3
        and first.pos_ in ("ADP", "DET", "PRON", "CCONJ", "SCONJ", "ADV")
    )


def _name_as_modifier(sent: Span) -> bool:
    """ "the Lisbon capital": a place name used as a modifier of "capital"."""
    for token in sent:
        if (
            token.lower_ == "capital"
            and token.i >= 2
            and token.doc[token.i - 1].ent_type_ in ("GPE", "LOC", "PERSON", "ORG", "")
            and token.doc[token.i - 1].pos_ == "PROPN"
            and token.doc[token.i - 1].is_title
            and "." not in token.doc[token.i - 1].text
            and token.doc[token.i - 2].lower_ == "the"
        ):
            return True
    return False


def _day_of_month(sent: Span) -> bool:
    """ "On the 5th of this month": a date calque where English names the month or weekday."""
    return bool(_DAY_OF_MONTH.search(sent.text))


_MT_CUES = (
    ("stray_lowercase", _stray_lowercase),
    ("name_as_modifier", _name_as_modifier),
    ("day_of_month", _day_of_month),
)


def truncation_evidence(doc: Doc) -> str | None:
    """The last sentence when the body stops mid-sentence, else None.

    A closing desk marker ("MORE", "(abc)") is not a cut sentence: the last sentence must
    hold a few lowercase words.
    """
    text = doc.text.rstrip()
    if not text:
        return None
    last_paragraph = text.rsplit("\n", 1)[-1].strip()
    if _END.search(last_paragraph) or len(last_paragraph.split()) < TRUNCATED_MIN_WORDS:
        return None
    if _SIGN_OFF.search(last_paragraph):
        return None
    last = list(doc.sents)[-1]
    if sum(1 for t in last if t.is_alpha and t.is_lower) < TRUNCATED_MIN_LOWER:
        return None
    return _evidence(last)


def _evidence(sent: Span) -> str:
    return sent.text.strip()
