"""Direct quotations with their speakers, merged across sources.

Quotations come from textacy's ``direct_quotations`` (quotation marks plus a speech verb and
its subject), then from rules for what it misses: a quoted span whose sentence has a speech
verb or "according to", and a paragraph that is nothing but a quotation, said by whoever was
speaking or named as subject just before. Speakers are resolved by storyweave.nlp.speakers.
The same quotation in several sources (or several translations) becomes one Quote, with one
evidence span per source (storyweave.nlp.quote_merge).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyweave.errors import ConfigError
from storyweave.evidence import span as evidence_span
from storyweave.models import Entity, Quote, Source
from storyweave.nlp.aliases import TITLE_SMALL_WORDS, TITLES
from storyweave.nlp.speakers import (
    PERSON_PRONOUNS,
    SPEECH_VERBS,
    NameHit,
    lookback_floor,
    name_hits,
    resolve_speaker,
    speaker_phrase,
)

# Quotations shorter than this are scare quotes ("terrorists", "eliminated"), not speech.
MIN_QUOTE_WORDS = 2

# Quoted titles of shows, books and laws ("Fox News Sunday") are at most this long.
MAX_TITLE_WORDS = 8

QUOTE_CHARS = "\"“”„«»‘’'"
# Opening mark, text without marks or line breaks, closing mark (straight and curly mixed,
# as scraped text often pairs them).
# Straight marks open only after a space, bracket, dash or colon and close only after a
# non-space, so the closing mark of one quotation never opens the next; some outlets print
# doubled apostrophes ('' ... '').
_QUOTED = re.compile(
    r"(?<![^\s(\[—–:-])(?:[“«„]|\"(?=\S)|'')"
    r"([^“”\"«»\n]{2,}?)"
    r"(?:[”»]|(?<=\S)\"|'')(?!\w)"
)

# "“...” ― Ana Ruiz": a quotation credited after a dash, as vox-pop round-ups print them.
_DASH_CREDIT = re.compile(
    r"[ \t\xa0]*[―—–][ \t\xa0]*([A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,3})"
)
SAID_FORMS = frozenset({"said", "says"})
# Last words of a news outlet's name, credited after a dash at the end of a syndicated article.
OUTLET_WORDS = frozenset(
    "times news network post press agency herald tribune daily journal wire gazette".split()
)


@dataclass(frozen=True)
class Found:
    """One quotation in one source, before merging across sources."""

    sid: str
    start: int  # the quoted words, without marks
    end: int
    speaker: str | None
    resolved: bool  # the speaker is an entity's name
    ev_start: int  # the sentences holding the quotation and its attribution
    ev_end: int


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in QUOTE_CHARS or text[start].isspace()):
        start += 1
    while end > start and (
        text[end - 1] in QUOTE_CHARS + ",;:" or text[end - 1].isspace() or _dangling_dash(text, end)
    ):
        end -= 1
    return start, end


def _dangling_dash(text: str, end: int) -> bool:
    """A hyphen ending a quotation after a space ("... and Singapore. -"): a scraper's
    leftover. A dash breaking speech off (“We will —”) stays."""
    return text[end - 1] == "-" and end >= 2 and text[end - 2].isspace()


# Curly marks say which side they are on; straight marks do not.
CLOSING_MARKS = "”»"
OPENING_MARKS = "“«„"


def _inverted(text: str, start: int, end: int) -> bool:
    """The span starts at a closing mark and a quotation opens inside it or at its end: it
    holds the words *between* two quotations (“A,” she said. “B.”), which textacy can pair up
    as if quoted once one mark of the text went unpaired. The marks may lie just outside the
    span. A straight mark closes when glued to the word before it (`?" He said`) and opens
    when glued to the word after it (`: "You`)."""
    inner = text[start:end].strip()
    if not inner:
        return True
    first = _mark_at(text, start, -1)
    if first is None or not _closes(text, first):
        return False
    last = _mark_at(text, end, 1)
    inside = text[first + 1 : last if last is not None else end]
    return (
        any(c in OPENING_MARKS for c in inside)
        or bool(_STRAIGHT_OPENING.search(inside))
        or (last is not None and _opens(text, last))
    )


_STRAIGHT_OPENING = re.compile(r'(?<=\s)"(?=\w)')


def _after_apostrophe(text: str, start: int) -> bool:
    """The span opens at an apostrophe glued to the word before it ("the members' return"):
    a plural possessive or an elision, which textacy can take for an opening mark."""
    first = _mark_at(text, start, -1)
    return first is not None and text[first] in "'’" and first > 0 and text[first - 1].isalnum()


def _mark_at(text: str, edge: int, outward: int) -> int | None:
    """The quotation mark at a span edge (``outward`` -1 for the start, 1 for the end): the
    first character inside the span, else the first one outside it, spaces skipped."""
    inward = -outward
    for j, step in (
        (edge if outward < 0 else edge - 1, inward),
        (edge - 1 if outward < 0 else edge, outward),
    ):
        while 0 <= j < len(text) and text[j] in " \t\n":
            j += step
        if 0 <= j < len(text) and text[j] in QUOTE_CHARS:
            return j
    return None


def _closes(text: str, i: int) -> bool:
    if text[i] in CLOSING_MARKS:
        return True
    return text[i] == '"' and i > 0 and not text[i - 1].isspace() and text[i - 1] not in "([—–-"


def _opens(text: str, i: int) -> bool:
    if text[i] in OPENING_MARKS:
        return True
    return text[i] == '"' and i + 1 < len(text) and text[i + 1].isalnum()


# Verbs that name or label something ("a style described as “gentle guardianship”").
LABEL_VERBS = frozenset({"describe", "call", "dub", "label", "brand", "term", "know", "nickname"})
# Participles right before a quoted name of a work: "an article titled “...”".
TITLE_PARTICIPLES = frozenset({"titled", "entitled", "headlined", "named", "captioned"})


def _titled(doc: Doc, content: Span) -> bool:
    """Whether the quotation is the name of a work ("was titled “...”"), not speech."""
    i = content.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].lower_ == "as"):
        i -= 1
    return i >= 0 and doc[i].lower_ in TITLE_PARTICIPLES


def _modifier(content: Span) -> bool:
    """A quoted noun phrase set before a noun it names ("a “child mismanagement” incident"):
    a label, not speech. Quoted adjectives ("a “reckless, dangerous” act") may be words
    someone said and stay."""
    words = [t for t in content if not t.is_punct]
    if not words:
        return False
    inside = {t.i for t in content}
    outside = [t for t in words if t.head.i not in inside]
    return bool(outside) and all(
        t.dep_ in ("compound", "nmod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i
        for t in outside
    )


def _negated(tok: Token) -> bool:
    """A speech verb said not to have happened: "police will never ask for “safe keeping”"."""
    return any(c.dep_ == "neg" for c in tok.children)


def _labelling(tok: Token) -> bool:
    """A past participle that labels a thing without a speaker: "described as", "known as".

    With an agent ("described by the mayor as") or a perfect ("has called it") someone speaks.
    """
    if tok.lemma_.lower() not in LABEL_VERBS or tok.tag_ != "VBN":
        return False
    return not any(
        c.dep_ == "agent" or (c.dep_ == "aux" and c.lemma_ == "have") for c in tok.children
    )


def _sentence_range(doc: Doc, spans: Sequence[Span]) -> tuple[int, int]:
    sents = [t.sent for s in spans for t in (s[0], s[-1]) if len(s)]
    return min(s.start_char for s in sents), max(s.end_char for s in sents)


def _keep(text: str, start: int, end: int) -> bool:
    words = re.findall(r"[\w'’-]+", text[start:end])
    if len(words) < MIN_QUOTE_WORDS:
        return False
    if text[start:end].lstrip()[:1] in (",", ";"):
        return False  # the tail of a sentence after a nested quotation: ", he said they ..."
    # "The Morning Show": every word capitalised and no sentence mark is a title, not speech.
    return not (
        len(words) <= MAX_TITLE_WORDS
        and all(w[0].isupper() or w.casefold() in TITLE_SMALL_WORDS for w in words)
        and not re.search(r"[.!?,;]", text[start:end].rstrip(".,"))
    )


def _paragraphs(doc: Doc) -> list[Span]:
    out, start = [], 0
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            if tok.i + 1 > start:
                out.append(doc[start : tok.i + 1])
            start = tok.i + 1
    if start < len(doc):
        out.append(doc[start:])
    return out


def _direct_quotations(doc: Doc) -> list[tuple[list[Token], list[Token], Span]]:
    """textacy's (speaker, cue, content) triples, in ``doc``'s own tokens.

    textacy refuses a whole text with an odd number of quotation marks; then each paragraph
    is tried alone, and a paragraph it still refuses is left to the rules.
    """
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError(
            "E012", "quotation finder missing; run `pip install textacy==0.13.0`"
        ) from exc
    try:
        return [(list(q.speaker), list(q.cue), q.content) for q in direct_quotations(doc)]
    except ValueError:
        pass
    out = []
    for para in _paragraphs(doc):
        try:
            triples = list(direct_quotations(para.as_doc()))
        except ValueError:
            continue
        base = para.start
        for q in triples:
            out.append(
                (
                    [doc[base + t.i] for t in q.speaker],
                    [doc[base + t.i] for t in q.cue],
                    doc[base + q.content.start : base + q.content.end],
                )
            )
    return out


def _line_start(doc: Doc, i: int) -> int:
    """First token of the line holding token ``i`` (the parser may run lines together)."""
    while i > 0 and "\n" not in doc[i - 1].text and "\n" not in doc[i - 1].whitespace_:
        i -= 1
    return i


def _dash_credit(doc: Doc, text: str, after: int) -> Span | None:
    """The name credited after a dash right behind a quotation, if any."""
    dash = _DASH_CREDIT.match(text, after)
    if dash is None:
        return None
    # "“...” – The Straits Times (Singapore)/Asia News Network": the syndication credit of the
    # whole article, not a speaker.
    last = dash.group(1).split()[-1].casefold()
    if last in OUTLET_WORDS or re.match(r"\s*[(/]", text[dash.end() :]):
        return None
    return doc.char_span(dash.start(1), dash.end(1), alignment_mode="expand")


def _marked(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Token ranges between quotation marks."""
    out = []
    for match in _QUOTED.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end))
    return out


def _plausible(
    speaker: Sequence[Token], quoted: Sequence[tuple[int, int]], cue: Sequence[Token] = ()
) -> bool:
    """textacy sometimes picks a word of the quotation, the object of a preposition ("said
    on Fox News"), or the subject of a clause about the speaker ("an analyst who CNA spoke
    to said") as the speaker."""
    if any(s <= t.i < e for t in speaker for s, e in quoted):
        return False
    ids = {t.i for t in speaker}
    heads = [t for t in speaker if t.head.i not in ids]
    if any(t.dep_ in ("pobj", "dobj", "npadvmod") for t in heads):
        return False
    return not any(t.dep_ == "nsubj" and t.head.dep_ == "relcl" for t in heads)


def _words_at_cue(
    doc: Doc, content: Span, cue: Sequence[Token], quoted: Sequence[tuple[int, int]]
) -> list[Token]:
    """The nouns between a quotation and its speech verb ("... ,” the strategist said")."""
    if not cue:
        return []
    for tok in cue:
        # "X chimed in on Twitter, saying ...": a participle speaks for its clause's subject.
        for verb in (tok, tok.head) if tok.dep_ in ("advcl", "xcomp", "conj") else (tok,):
            subjects = [
                c
                for c in verb.children
                if c.dep_ in ("nsubj", "nsubjpass") and not any(s <= c.i < e for s, e in quoted)
            ]
            # "The risks hoarding brings “warrant ...”, the ministry said": the parser gave
            # "said" two subjects; the one between the quotation and the verb speaks.
            between = [c for c in subjects if content.end <= c.i < verb.i]
            if subjects:
                return between or subjects
    verb_at = cue[0].i
    lo, hi = (content.end, verb_at) if content.end <= verb_at else (cue[0].sent.start, verb_at)
    lo = max(lo, _line_start(doc, verb_at))
    words = [
        doc[i]
        for i in range(lo, hi)
        if not any(s <= i < e for s, e in quoted) and doc[i].pos_ in ("NOUN", "PROPN", "PRON")
    ]
    if not words and verb_at < content.start:
        # Inverted order before the quotation: "Said Ellis: “...”".
        words = [doc[i] for i in range(verb_at + 1, content.start) if doc[i].pos_ == "PROPN"]
    heads = [
        t
        for t in words
        if t.head.i not in {w.i for w in words} and t.dep_ not in ("pobj", "npadvmod")
    ]
    return heads[-1:]


def _textacy_quotes(source: Source, doc: Doc, hits: Sequence[NameHit]) -> list[Found]:
    out: list[Found] = []
    # One attribution can carry several quotations ("“A,” she said. “B.”"): resolve it once,
    # at the first, so a pronoun looks back from there.
    resolved_at: dict[tuple[int, ...], tuple[str | None, bool]] = {}
    triples = _direct_quotations(doc)
    quoted = [(c.start, c.end) for _, _, c in triples] + _marked(doc, source.text)
    for speaker_tokens, cue, content in triples:
        if _inverted(source.text, content.start_char, content.end_char) or _after_apostrophe(
            source.text, content.start_char
        ):
            continue
        if cue and all(_labelling(t) for t in cue):
            continue
        if any(_negated(t) or t.dep_ == "neg" for t in cue):
            continue
        if _titled(doc, content):
            continue
        start, end = _inner(source.text, content.start_char, content.end_char)
        if not _keep(source.text, start, end) or _modifier(content):
            continue
        if not _plausible(speaker_tokens, quoted, cue):
            speaker_tokens = _words_at_cue(doc, content, cue, quoted)
        phrase = _dash_credit(doc, source.text, content.end_char) or speaker_phrase(
            speaker_tokens, content
        )
        if cue and all(t.lemma_ == "report" for t in cue):
            # "the prosecutor said he had “chosen to offend”, CNA reported": the outlet
            # reports; whoever the sentence says spoke is the speaker.
            sents = [s for s in doc.sents if s.start < content.end and content.start < s.end]
            phrase = _speech_subject(sents, content, quoted) or phrase
        key = tuple(t.i for t in speaker_tokens) + (
            (phrase.start, phrase.end) if phrase is not None else ()
        )
        if key not in resolved_at:
            resolved_at[key] = resolve_speaker(phrase, hits, doc, content.start_char)
            if not resolved_at[key][1] and cue:
                named = _named_speaker(source.text, doc, hits, triples, quoted, content, cue)
                resolved_at[key] = named or resolved_at[key]
        speaker, resolved = resolved_at[key]
        if speaker is None and phrase is not None and phrase.root.lower_ in PERSON_PRONOUNS:
            # "“...,” he said" a paragraph after the speaker was named: the one speaking in
            # the quotations just before goes on.
            speaker, resolved = _continued_speaker(doc, hits, out, content.start_char)
        parts = [content] + ([phrase] if phrase is not None else [])
        parts += [doc[t.i : t.i + 1] for t in cue]
        ev_start, ev_end = _sentence_range(doc, parts)
        out.append(Found(source.sid, start, end, speaker, resolved, ev_start, ev_end))
    return out


def _named_speaker(
    text: str,
    doc: Doc,
    hits: Sequence[NameHit],
    triples: Sequence[tuple[list[Token], list[Token], Span]],
    quoted: Sequence[tuple[int, int]],
    content: Span,
    cue: Sequence[Token],
) -> tuple[str, bool] | None:
    """When the parser's speaker names no one: the named subject of a speech verb of the
    sentence (not one asking another quotation's question: "X asked “...?” The minister said
    ..."), else the person the sentence opens with ("Ms Cheryl Chang, lead principal at ...,
    said the school plans for children to have “...”")."""
    sents = [s for s in doc.sents if s.start < content.end and content.start < s.end]
    own = {t.i for t in cue}
    askers = frozenset(
        t.i
        for _, c, q in triples
        if q.text.rstrip("”’\"' ").endswith("?")
        for t in c
        if t.i not in own
    )
    subject = _speech_subject(sents, content, quoted, askers)
    if subject is not None:
        speaker, resolved = resolve_speaker(subject, hits, doc, content.start_char)
        if resolved and speaker is not None:
            return speaker, True
    opener = _opening_person(text, hits, sents, cue[0].idx)
    return (opener, True) if opener is not None else None


def _opening_person(
    text: str, hits: Sequence[NameHit], sents: Sequence[Span], verb_at: int
) -> str | None:
    """The person a sentence opens with, before its speech verb ("Ms Cheryl Chang, lead
    principal at ..., said the school plans ..."), when the parser took another subject."""
    for sent in sents:
        first = next((h for h in hits if sent.start_char <= h.start < sent.end_char), None)
        if first is None or first.entity.type != "PERSON" or first.end > verb_at:
            continue
        before = text[sent.start_char : first.start].split()
        if not all(w.casefold().rstrip(".") in TITLES for w in before):
            continue
        # The name and the verb share one sentence of the text, whatever the parser joined.
        if not re.search(r"[.?!][”’\"']?\s|\n", text[first.end : verb_at]):
            return first.entity.name
    return None


# Tokens after a closing mark searched for the verb of an attribution (", Marsh said").
TAIL_CUE_TOKENS = 4


def _speech_subject(
    sents: Sequence[Span],
    content: Span,
    quoted: Sequence[tuple[int, int]],
    skip: frozenset[int] = frozenset(),
) -> Span | None:
    """The subject of a speech verb (or the object of "according to") outside the quotation;
    verbs at token indices in ``skip`` are passed over.

    A speech verb right after the closing mark (", Marsh said", "said Marsh") speaks it before
    any earlier one: in "When the court asked if he would appeal, “He will not appeal,” Marsh
    said" the words are Marsh's, not the court's.
    """
    doc = content.doc
    after = doc[content.end : content.end + TAIL_CUE_TOKENS]
    tail = [t for t in after if not t.is_punct]
    closed = any(t.text in ",!?" for t in after[:2]) or content.text.rstrip("”’\"' ")[-1:] in ",!?"
    tokens = [
        t
        for t in tail[:2]
        if t.lower_ in SAID_FORMS or (closed and t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB")
    ]
    tokens += [tok for sent in sents for tok in sent]
    for tok in tokens:
        if any(s <= tok.i < e for s, e in quoted) or tok.i in skip:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc):
            objects = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return speaker_phrase(objects, content)
        # The tagger sometimes misreads "said" after a long name ("Said Ellis:").
        if _labelling(tok) or _negated(tok):
            continue
        if (tok.lemma_ in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX")) or (
            tok.lower_ in SAID_FORMS
        ):
            words = _words_at_cue(tok.doc, content, [tok], quoted)
            if words:
                return speaker_phrase(words, content)
    return None


def _previous_subject(doc: Doc, before: int) -> Span | None:
    """The subject of the sentence before ``before``, unless it stands inside quotation marks
    (the previous sentence may itself be a quotation: "“The Town Councillors did not ...”")."""
    previous = [s for s in doc.sents if s.end_char <= before]
    if not previous:
        return None
    root = previous[-1].root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    quoted = _marked(doc, doc.text)
    if any(s <= t.i < e for t in subjects for s, e in quoted):
        return None
    return speaker_phrase(subjects, None)


def _rule_quotes(
    source: Source, doc: Doc, hits: Sequence[NameHit], taken: list[Found]
) -> list[Found]:
    out: list[Found] = []
    sentences = list(doc.sents)
    quoted = _marked(doc, source.text)
    for match in _QUOTED.finditer(source.text):
        if any(match.start() < f.end and f.start < match.end() for f in taken + out):
            continue
        start, end = _inner(source.text, match.start(), match.end())
        content = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if content is None or not _keep(source.text, start, end) or _titled(doc, content):
            continue
        if _modifier(content):
            continue
        sents = [s for s in sentences if s.start < content.end and content.start < s.end]
        sents += _attribution_tail(sentences, sents[-1]) if sents else []
        phrase = _dash_credit(doc, source.text, match.end()) or _speech_subject(
            sents, content, quoted
        )
        if phrase is not None:
            speaker, resolved = resolve_speaker(phrase, hits, doc, match.start())
            if speaker is None and phrase.root.lower_ in PERSON_PRONOUNS:
                # "He added: “...”" after a run of quotations: their speaker goes on.
                speaker, resolved = _continued_speaker(doc, hits, taken + out, match.start())
        else:
            outside = "".join(
                t.text for s in sents for t in s if not content.start <= t.i < content.end
            )
            if any(c.isalpha() for c in outside):
                continue  # a scare quote inside someone else's sentence
            speaker, resolved = _continued_speaker(doc, hits, taken + out, match.start())
            if speaker is None:
                continue
        ev_start, ev_end = _sentence_range(doc, [content] + ([phrase] if phrase else []))
        out.append(Found(source.sid, start, end, speaker, resolved, ev_start, ev_end))
    return out


def _attribution_tail(sentences: Sequence[Span], last: Span) -> list[Span]:
    """The sentence the parser split off after a closing mark when it goes on in lower case
    on the same line ("... or the public?” | a comment on 8World News read.")."""
    following = [s for s in sentences if s.start >= last.end][:1]
    if not following:
        return []
    text = last.doc.text
    nxt = following[0]
    first = nxt.text.lstrip()[:1]
    if "\n" in text[last.end_char : nxt.start_char] or "\n" in last.text or not first.islower():
        return []
    return [nxt]


# Quotations a list introduction (a sentence ending in a colon) can carry, one per item.
MAX_LISTED_QUOTES = 8


def _list_introduction(doc: Doc, at: int) -> Span | None:
    """The subject of the sentence introducing a list of quotations the one at ``at`` belongs
    to: the sentences back to it are all quotations, and it ends in a colon."""
    quoted = _marked(doc, doc.text)
    previous = [s for s in doc.sents if s.end_char <= at][-MAX_LISTED_QUOTES - 1 :]
    for sent in reversed(previous):
        words = [t for t in sent if t.is_alpha]
        if all(any(s <= t.i < e for s, e in quoted) for t in words):
            continue  # another item of the list, or its bullet
        if not sent.text.rstrip().endswith(":"):
            return None
        subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        return speaker_phrase(subjects, None) if subjects else None
    return None


def _continued_speaker(
    doc: Doc, hits: Sequence[NameHit], earlier: Sequence[Found], at: int
) -> tuple[str | None, bool]:
    """Speaker of a quotation standing alone: the last speaker, or the last sentence's subject."""
    introduced = _list_introduction(doc, at)
    if introduced is not None:
        # "He did not hold back, making harsh allegations, including: | - “...” | - “...”"
        speaker, resolved = resolve_speaker(introduced, hits, doc, at)
        if speaker is not None:
            return speaker, resolved
    floor = lookback_floor(doc, at)
    recent = [f for f in earlier if floor <= f.start < at and f.speaker]
    phrase = _previous_subject(doc, at)
    if recent:
        last = max(recent, key=lambda f: f.start)
        if phrase is not None and phrase.start_char > last.end:
            # "..., Pence said. | On “Face the Nation,” Sen. Bernie Sanders ... identified
            # ... | “The younger people are ...”": the person the sentence between names.
            speaker, resolved = resolve_speaker(phrase, hits, doc, at)
            if resolved and _is_person(speaker, hits):
                return speaker, resolved
        return last.speaker, last.resolved
    if phrase is None:
        return None, False
    speaker, resolved = resolve_speaker(phrase, hits, doc, at)
    return (speaker, resolved) if resolved else (None, False)


def _is_person(name: str | None, hits: Sequence[NameHit]) -> bool:
    return any(h.entity.name == name and h.entity.type == "PERSON" for h in hits)


def source_quotes(source: Source, doc: Doc, entities: Sequence[Entity]) -> list[Found]:
    """Every attributed quotation of one source, in text order."""
    hits = name_hits(source, entities)
    found = _textacy_quotes(source, doc, hits)
    found += _rule_quotes(source, doc, hits, found)
    return sorted(found, key=lambda f: (f.start, f.end))


def find_quotes(
    sources: Sequence[Source], docs: Sequence[Doc], entities: Sequence[Entity]
) -> list[Quote]:
    """Quotations merged across sources, speakers resolved to entity names.

    Args:
        sources: cleaned sources; evidence points into ``source.text``.
        docs: spaCy Docs of the source texts, same order.
        entities: the story's entities (find_entities), used to name speakers.

    Returns:
        Quotes carried by the most sources first, then in order of first appearance.

    Example:
        >>> quotes = find_quotes(sources, docs, find_entities(sources, docs))
        >>> all(ev.text in quotes[0].evidence[0].text for ev in quotes[0].evidence[:1])
        True
    """
    from storyweave.nlp.quote_merge import merge

    by_sid = {s.sid: s for s in sources}
    found = [f for s, d in zip(sources, docs, strict=True) for f in source_quotes(s, d, entities)]
    quotes = []
    for group in merge(found, by_sid):
        # The wording of the first source that names the speaker: translations come later.
        best = min(group, key=lambda f: (not f.resolved, f.speaker is None))
        speakers = [f.speaker for f in group if f.resolved] or [f.speaker for f in group]
        speaker = max(speakers, key=lambda s: (speakers.count(s), s or "")) if speakers else None
        evidence = []
        seen: set[str] = set()
        for f in group:
            if f.sid not in seen:
                seen.add(f.sid)
                evidence.append(evidence_span(by_sid[f.sid], f.ev_start, f.ev_end))
        text = by_sid[best.sid].text[best.start : best.end]
        sids = tuple(e.source for e in evidence)
        quotes.append(Quote(speaker, text, True, sids, tuple(evidence)))
    return quotes
