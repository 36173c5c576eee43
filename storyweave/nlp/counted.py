"""What a counted quantity counts: its noun, its predicate, and the topic they name.

"9,900 people were detained" counts people detained; "claimed dozens of lives" people killed;
"a nation of 19 million" a population; "would take no more than 10 days" the length of an
action. Read from the dependency parse (the number's noun, the verb that governs it, active or
passive) and small lexicons of predicate synonyms (killed ~ dead ~ death toll ~ lives;
detained ~ arrested; injured ~ wounded ~ hurt). A quantity that names nothing worth a figure
gives None.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyweave.nlp.quantities import DURATION_UNITS, Quantity

# Predicate words (lemmas) and what they say happened to the counted people.
PERSON_PREDICATES: dict[str, str] = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed", "perish": "killed",
    "slay": "killed", "fatality": "killed", "murder": "killed", "drown": "killed",
    "massacre": "killed", "life": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "injury": "injured",
    "injured": "injured", "wounded": "injured",
    "detain": "detained", "arrest": "detained", "apprehend": "detained", "detention": "detained",
    "detainee": "detained",
    "hospitalize": "hospitalized", "hospitalise": "hospitalized",
    "evacuate": "evacuated", "evacuee": "evacuated", "displace": "displaced",
    "rescue": "rescued", "missing": "missing", "charge": "charged", "strand": "stranded",
    "casualty": "casualties",
}  # fmt: skip
# Words between a counted noun and its predicate that do not change the reading:
# "people were reportedly killed", "are feared dead", "had also been detained".
_BRIDGE = {
    "be", "have", "also", "reportedly", "reported", "already", "now", "so", "far", "thus",
    "officially", "allegedly", "confirm", "confirmed", "believe", "fear", "feared", "say",
    "said", "to", "all", "being", "later", "since", "been", "were", "was", "had", "has",
    "is", "are", "either", "subsequently", "eventually", "then", "get", "got",
}  # fmt: skip
# Nouns that are themselves the count of an outcome ("164 deaths"); not "charges", which
# counts accusations rather than people.
PREDICATE_NOUNS = {
    "death", "fatality", "injury", "arrest", "detention", "casualty", "evacuee", "detainee",
    "dead", "injured", "wounded",
}  # fmt: skip
PEOPLE_NOUNS = {
    "people", "person", "individual", "life", "victim", "human", "casualty", "other",
}  # fmt: skip
PERSON_NOUNS = {
    "civilian", "child", "kid", "student", "pupil", "teacher", "officer", "policeman",
    "police", "soldier", "serviceman", "troop", "protester", "demonstrator", "rioter",
    "worker", "employee", "passenger", "pilgrim", "migrant", "refugee", "journalist", "miner",
    "firefighter", "attacker", "militant", "fighter", "rebel", "insurgent", "gunman",
    "suspect", "tourist", "patient", "woman", "man", "resident", "inhabitant", "citizen",
    "villager", "foreigner", "national", "member", "staff", "crew", "prisoner", "inmate",
    "hostage", "driver", "pedestrian", "fan", "spectator", "guest", "customer", "infant",
    "baby", "adult", "boy", "girl", "player", "visitor", "peacekeeper", "paratrooper",
    "marine", "personnel", "guard", "terrorist", "looter", "participant", "family",
}  # fmt: skip
TROOP_NOUNS = {"troop", "soldier", "peacekeeper", "paratrooper", "serviceman", "marine"}
PLACE_NOUNS = {
    "nation": "population", "country": "population", "republic": "population",
    "kingdom": "population", "state": "population", "island": "population",
    "archipelago": "population", "emirate": "population", "territory": "population",
    "city": "city population", "town": "city population", "capital": "city population",
    "metropolis": "city population", "village": "city population",
    "province": "region population", "region": "region population",
}  # fmt: skip
# Nouns and verbs naming an action whose length a duration can give.
EVENTS: dict[str, str] = {
    "withdraw": "withdrawal", "withdrawal": "withdrawal", "pullback": "withdrawal",
    "pullout": "withdrawal", "drawdown": "withdrawal", "pull-out": "withdrawal",
    "deploy": "deployment", "deployment": "deployment", "mission": "deployment",
    "evacuate": "evacuation", "evacuation": "evacuation", "emergency": "state of emergency",
    "curfew": "curfew", "lockdown": "lockdown", "ban": "ban", "closure": "closure",
    "shutdown": "closure", "ceasefire": "ceasefire", "truce": "ceasefire", "strike": "strike",
    "detain": "detention", "detention": "detention", "remand": "detention",
    "sentence": "sentence", "jail": "sentence", "imprisonment": "sentence", "cap": "cap",
    "freeze": "freeze", "suspend": "suspension", "suspension": "suspension",
    "search": "search", "investigation": "investigation",
    "delay": "delay", "mourning": "mourning", "outage": "outage", "blackout": "outage",
    "trial": "trial", "hearing": "hearing",
}  # fmt: skip
# Lengths that belong to one person (a jail term), compared only between the same holder.
PERSONAL_EVENTS = {"sentence", "detention"}
MONEY_VERBS = {
    "lose": "lost", "raise": "raised", "pay": "paid", "fine": "fine", "cost": "cost",
    "steal": "stolen", "donate": "donated", "spend": "spent", "seize": "seized", "owe": "owed",
    "allocate": "allocated", "invest": "invested", "award": "awarded", "cheat": "lost",
    "scam": "lost", "embezzle": "embezzled", "launder": "laundered", "swindle": "lost",
}  # fmt: skip
MONEY_NOUNS = {
    "fine", "bail", "damage", "compensation", "reward", "cost", "budget", "loss", "donation",
    "ransom", "bounty", "aid", "bribe", "penalty", "payout", "settlement", "salary",
}  # fmt: skip
# Nouns that name the same amount as a verb does: "losses of $1.4 million" and "lost $1.4
# million" are one topic.
MONEY_NOUN_TOPICS = {"loss": "lost", "donation": "donated"}
THING_NOUNS = {
    "building", "home", "house", "vehicle", "car", "shop", "store", "flight", "probe", "case",
    "school", "bus", "aircraft", "plane", "ship", "boat", "business", "office", "hospital",
}  # fmt: skip
THING_PREDICATES = {
    "destroy": "destroyed", "damage": "damaged", "burn": "burned", "torch": "burned",
    "loot": "looted", "cancel": "cancelled", "delay": "delayed", "open": "opened",
    "file": "filed", "seize": "seized", "close": "closed", "collapse": "collapsed",
    "launch": "opened", "raze": "destroyed", "ransack": "looted",
}  # fmt: skip
_INCREMENT_AFTER = {"more", "additional", "new", "further"}
_INCREMENT_BEFORE = {"another", "additional", "further", "new", "extra"}
_SUBJECTS = ("nsubj", "nsubjpass", "dobj", "attr")


@dataclass(frozen=True)
class Counted:
    """What a quantity counts: ``kind`` is "people", "troops", "population", "duration",
    "money" or "things"; ``label`` names it ("people killed", "civilians killed",
    "withdrawal duration", "amount lost"). ``increment`` marks "N more"/"another N";
    ``verb`` is the token index the predicate hangs on (for place and date modifiers).
    """

    kind: str
    label: str
    increment: bool = False
    verb: int | None = None
    unit: str | None = None  # durations: "day", "week", ...
    place: str | None = None  # populations: the named place counted ("Freedonia"), if given
    # Amounts and jail terms belong to someone: whose ("Acme Corp", "company"), None when the
    # text says only "he" or nothing, so the value cannot be compared with another's.
    holder: str | None = None
    per_holder: bool = False


def _noun_phrase(doc: Doc, q: Quantity) -> tuple[Token | None, Token]:
    """(counted noun or None, the token that carries the phrase's syntactic role)."""
    core = doc[q.core]
    if core.dep_ in ("nummod", "quantmod", "compound", "amod") and core.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        head = core.head
        if head.i > q.last or head.lower_ in ("dozen", "hundred", "thousand", "million"):
            return head, head
    nxt = q.last + 1
    if nxt < len(doc) and doc[nxt].lower_ == "of":
        for tok in doc[nxt + 1 : nxt + 6]:
            if tok.pos_ in ("NOUN", "PROPN") and tok.head.i not in range(nxt + 1, tok.i):
                if tok.dep_ == "pobj" or tok.head.i == nxt:
                    return tok, core
    if nxt < len(doc) and doc[nxt].lower_ in ("of",):
        return None, core
    # "2,000 more people": the noun follows a comparative
    if nxt + 1 < len(doc) and doc[nxt].lower_ in _INCREMENT_AFTER and doc[nxt + 1].pos_ == "NOUN":
        return doc[nxt + 1], doc[nxt + 1]
    return None, core


def _is_agent(pred: Token) -> bool:
    """True when a finite active verb has its own object, so the counted phrase is its doer."""
    return pred.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "dobj" for c in pred.children)


def _predicate(doc: Doc, noun: Token | None, carrier: Token, q: Quantity) -> Token | None:
    """The word saying what happened to the counted people ("killed", "dead", "arrested")."""
    # 1. the noun itself: "164 deaths", "10,000 arrests"
    if noun is not None and noun.lemma_.lower() in PREDICATE_NOUNS:
        return noun
    # 2. right after the phrase: "164 people dead", "1,000 injured", "were reportedly killed"
    end = max(carrier.right_edge.i, q.last, noun.i if noun is not None else 0)
    for tok in doc[end + 1 : end + 6]:
        word = tok.lemma_.lower()
        if word in PERSON_PREDICATES or tok.lower_ in PERSON_PREDICATES:
            return None if _is_agent(tok) else tok
        if word not in _BRIDGE and tok.lower_ not in _BRIDGE and tok.pos_ not in ("ADV", "AUX"):
            break
    # 3. clauses hanging on the noun: "people who were killed", "people killed in the blast"
    for tok in (noun or carrier).children:
        if tok.dep_ in ("acl", "relcl", "amod") and tok.lemma_.lower() in PERSON_PREDICATES:
            return None if _is_agent(tok) else tok
    # 4. the governing verb: "killing 5 people", "claiming dozens of lives", "detaining ..."
    head = carrier.head
    while carrier.dep_ == "conj" and head.dep_ in _SUBJECTS + ("conj",) and head != head.head:
        carrier, head = head, head.head
    word = head.lemma_.lower()
    if carrier.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and word in PERSON_PREDICATES:
        if word == "life" or word in ("dead",) or head.pos_ in ("VERB", "ADJ", "NOUN"):
            return head
    if carrier.dep_ == "nsubj" and word in ("die", "perish", "drown") and head.pos_ == "VERB":
        return head
    if noun is not None and noun.lemma_ == "life" and word in ("claim", "take", "lose", "cost"):
        return noun
    return _toll(carrier)


def _toll_of(toll: Token) -> Token | None:
    """The people a toll counts, when it says ("the toll of its peacekeepers"); else None."""
    for prep in toll.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "among"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in PERSON_NOUNS:
                    return obj
    return None


def _toll(carrier: Token) -> Token | None:
    """The "death toll rose to 14" reading: the count sits under a verb whose subject is a toll
    or a number of dead."""
    verb = carrier.head
    if carrier.dep_ == "pobj":
        # "rose to 14", "rose from 12 to 14" (the parser hangs "to" on "from")
        for _ in range(3):
            if verb.pos_ not in ("ADP", "NUM") or verb.head == verb:
                break
            verb = verb.head
    elif carrier.dep_ not in ("attr", "dobj", "npadvmod", "nsubj"):
        return None
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj") or child == carrier:
            continue
        if child.lemma_.lower() in ("toll", "tally"):
            return child
        if child.lemma_.lower() in ("number", "total", "count", "figure"):
            for tok in child.subtree:
                if tok.lemma_.lower() in PERSON_PREDICATES and tok.lemma_ != "life":
                    return tok
        if child.lemma_.lower() in PERSON_PREDICATES and child.tag_ == "NNS":
            return child  # "deaths rose to 14"
    return None


_LABEL_ORDER = list(dict.fromkeys(PERSON_PREDICATES.values()))


def _predicate_label(pred: Token) -> str:
    """Normalised label of a predicate token, with a toll's kind read from its modifier."""
    word = pred.lemma_.lower()
    if word in ("toll", "tally"):
        mods = {c.lemma_.lower() for c in pred.children}
        if mods & {"injury", "injure", "injured", "wound", "wounded"}:
            return "injured"
        if "casualty" in mods:
            return "casualties"
        return "killed"
    label = PERSON_PREDICATES.get(word) or PERSON_PREDICATES[pred.lower_]
    others = {
        PERSON_PREDICATES[c.lemma_.lower()]
        for c in pred.children
        if c.dep_ == "conj"
        and c.lemma_.lower() in PERSON_PREDICATES
        # "killing 60 and injuring 162" has its own count; "were killed and injured" shares one
        and not any(g.dep_ in ("dobj", "nsubj", "nsubjpass", "nummod") for g in c.children)
    }
    others.discard(label)
    if others:
        # "killed and injured": one joint count, kept apart from either
        return " or ".join(sorted({label, *others}, key=_LABEL_ORDER.index))
    return label


def _plural(noun: Token) -> str:
    """The counted noun as a plural topic word, with its compound modifiers ("police
    officers")."""
    irregular = {"child": "children", "man": "men", "woman": "women", "person": "people"}
    word = noun.lower_ if noun.tag_ in ("NNS", "NNPS") else None
    lemma = noun.lemma_.lower()
    if word is None:
        word = irregular.get(lemma) or (
            lemma if lemma in ("police", "staff", "crew") else lemma + "s"
        )
    # keep only compounds that name people themselves ("police officers", "crew members"), so
    # "yacht crew members" and "crew members" are one group
    compounds = [
        c.lower_
        for c in noun.children
        if c.dep_ == "compound" and c.i < noun.i and c.lemma_.lower() in PERSON_NOUNS
    ]
    return " ".join([*compounds, word])


def _group(noun: Token | None, pred_label: str) -> str | None:
    """ "people", a subgroup plural ("civilians"), or None when the noun is not of persons."""
    if noun is None:
        return "people"
    lemma = noun.lemma_.lower()
    if lemma in PEOPLE_NOUNS or lemma in PERSON_PREDICATES:
        return "people"
    if lemma in PERSON_NOUNS:
        if any(c.dep_ == "conj" and c.lemma_.lower() in PERSON_NOUNS for c in noun.children):
            return "people"  # "civilians and officers": everyone
        return _plural(noun)
    return None


# Verbs that make a count a forecast rather than a tally.
_FORECAST_VERBS = {"forecast", "predict", "project", "model"}
_FUTURE_MODALS = {"could", "might", "may", "will", "would", "should", "can", "'ll"}


def _projected(pred: Token) -> bool:
    """True for future or hypothetical counts: "could die", "will be killed", "deaths are
    forecast". "May have died" (a guess about the past) is still a count."""
    verb = pred if pred.pos_ in ("VERB", "AUX") else pred.head
    if {verb.lemma_.lower(), verb.head.lemma_.lower()} & _FORECAST_VERBS:
        return True  # "deaths are forecast", "is predicted to cause 5.8 million deaths"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & _FUTURE_MODALS) and "have" not in aux


_COUNTERFACTUAL_MODALS = {"would", "could", "should"}


def _counterfactual(tok: Token) -> bool:
    """True when a verb above ``tok`` says what would have happened ("would have forced")."""
    for _ in range(8):
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if aux & _COUNTERFACTUAL_MODALS and "have" in aux:
            return True
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def _is_part_of_sum(noun: Token) -> bool:
    """True when the noun is coordinated with another counted noun ("12 men and 4 women")."""
    partners = [c for c in noun.children if c.dep_ == "conj"]
    if noun.dep_ == "conj":
        partners.append(noun.head)
    return any(any(c.dep_ == "nummod" for c in p.children) for p in partners)


# "two were taken to one hospital and the other two to another": the sentence splits a group
# into parts, so none of its numbers is the group's total.
_PART_WORDS = {"other", "remaining"}


def _splits_a_group(doc: Doc, q: Quantity) -> bool:
    """The quantity's sentence says "the other N" or "the remaining N" (a part of a group)."""
    sent = doc[q.first].sent
    for tok in sent[:-2]:
        after = doc[tok.i + 1]
        if tok.lower_ == "the" and after.lower_ in _PART_WORDS and doc[tok.i + 2].like_num:
            return True
    return False


def _one_to_another(doc: Doc, q: Quantity) -> bool:
    """ "as one soldier to another", "one after the other": a figure of speech, not a count."""
    if q.first != q.last or doc[q.first].lower_ != "one":
        return False
    after = doc[q.last + 1 : min(q.last + 5, doc[q.first].sent.end)]
    return any(t.lower_ in ("another", "other") for t in after)


def _increment(doc: Doc, q: Quantity) -> bool:
    before = doc[q.first - 1].lower_ if q.first > 0 else ""
    after = doc[q.last + 1].lower_ if q.last + 1 < len(doc) else ""
    return before in _INCREMENT_BEFORE or after in _INCREMENT_AFTER


def what_is_counted(doc: Doc, q: Quantity) -> Counted | None:
    """What ``q`` counts in its sentence, or None when no meaningful topic can be named.

    Example:
        >>> what_is_counted(doc, q).label   # "9,900 people were detained"
        'people detained'
    """
    noun, carrier = _noun_phrase(doc, q)
    if noun is not None and _is_part_of_sum(noun):
        return None  # "12 men and four women": neither number is the count
    if _splits_a_group(doc, q) or _one_to_another(doc, q):
        return None
    increment = _increment(doc, q)
    if q.currency is not None:
        return _money(doc, noun, carrier, increment)
    if noun is not None and noun.lemma_.lower() in DURATION_UNITS:
        if _is_age_limit(doc, q):
            return None  # "children under 18 months", "those aged over 65"
        return _duration(noun, increment)
    population = _population(doc, noun, carrier)
    if population is not None:
        return population
    pred = _predicate(doc, noun, carrier, q)
    if pred is not None and _projected(pred):
        return None  # "could die each year", "deaths are forecast": not a count of the event
    if pred is not None:
        label = _predicate_label(pred)
        if noun is not None and noun.lemma_.lower() == "other":
            # "killing 60 and injuring 162 others": the injured; "two died at the scene and two
            # others died later": more of the dead
            earlier = doc[noun.sent.start : q.first]
            increment = increment or any(t.lemma_ == pred.lemma_ for t in earlier if t.i != pred.i)
        if noun is None and pred.lemma_.lower() in ("toll", "tally", "number"):
            noun = _toll_of(pred)  # "the death toll of its peacekeepers rose to 14"
        group = _group(noun, label)
        if group is not None:
            return Counted("people", f"{group} {label}", increment, pred.i)
        return _thing(noun, pred, increment)
    if noun is not None and noun.lemma_.lower() in TROOP_NOUNS:
        return Counted("troops", "troops", increment, noun.head.i)
    if noun is not None and noun.lemma_.lower() in THING_NOUNS:
        head = noun.head
        if head.lemma_.lower() in THING_PREDICATES and noun.dep_ in ("dobj", "nsubjpass"):
            return _thing(noun, head, increment)
    return None


def _thing(noun: Token | None, pred: Token, increment: bool) -> Counted | None:
    if noun is None or noun.lemma_.lower() not in THING_NOUNS:
        return None
    label = THING_PREDICATES.get(pred.lemma_.lower())
    if label is None:
        return None
    mods = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    return Counted("things", " ".join([*mods, _plural_word(noun), label]), increment, pred.i)


def _plural_word(noun: Token) -> str:
    return noun.lower_ if noun.tag_ in ("NNS", "NNPS") else noun.lemma_.lower() + "s"


def _population(doc: Doc, noun: Token | None, carrier: Token) -> Counted | None:
    """ "nation of 19 million", "a population of 5 million", "home to 2 million people"."""
    if noun is not None and noun.lemma_.lower() not in PEOPLE_NOUNS | {
        "inhabitant",
        "resident",
        "citizen",
    }:
        return None
    phrase = noun if noun is not None and noun.head.i != carrier.i else carrier
    if phrase.dep_ != "pobj":
        return None
    prep, owner = phrase.head, phrase.head.head
    word = owner.lemma_.lower()
    place = _named_place(owner)
    if prep.lower_ == "of" and word in PLACE_NOUNS:
        # "the nation of 19 million": the story's own country unless a name says otherwise
        return Counted("population", PLACE_NOUNS[word], False, owner.i, place=place)
    if (prep.lower_ == "of" and word == "population") or (prep.lower_, word) == ("to", "home"):
        # "a population of 34 million", "home to 9 million": of wherever the text names
        return Counted("population", "population", False, owner.i, place=place, holder=place,
                       per_holder=True)  # fmt: skip
    return None


def _named_place(owner: Token) -> str | None:
    """The named place a population belongs to: "Johor's population", "China has a
    population of", "Freedonia, a nation of 5 million"."""
    near = [c for c in owner.children if c.dep_ in ("poss", "compound")]
    head = owner.head
    if owner.dep_ in ("dobj", "attr") and head.lemma_ in ("have", "be"):
        near += [c for c in head.children if c.dep_ == "nsubj"]
    if owner.dep_ == "appos":
        near.append(head)
    if owner.dep_ == "pobj" and head.head.dep_ == "appos":
        near.append(head.head.head)
    if owner.dep_ in ("dobj", "attr") and head.dep_ == "relcl":
        near.append(head.head)  # "the region, which has a population of"
    for tok in near:
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC"):
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            name = ent.text if ent is not None else tok.text
            return name.removeprefix("the ").removesuffix("'s").removesuffix("’s")
        named = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if named:
            return " ".join(c.text for c in named) + " " + tok.lower_
    return None


def _is_age_limit(doc: Doc, q: Quantity) -> bool:
    """True for "under 18 months" or "over 65 years" said of people: an age, not a length."""
    if q.hedge not in ("less_than", "more_than", "at_least", "at_most") or q.first == 0:
        return False
    before = doc[q.first - 1]
    return before.lower_ in ("aged", "those", "anyone", "people") or (
        before.lemma_.lower() in PERSON_NOUNS | PEOPLE_NOUNS
    )


def _duration(unit: Token, increment: bool) -> Counted | None:
    """A length of time tied to an action: "withdrawal ... would take no more than 10 days"."""
    if unit.dep_ == "pobj" and unit.head.lower_ in ("in", "after", "since", "ago", "from"):
        return None  # "in two days": when, not how long
    if increment or _is_part_of_sum(unit) or _joined_duration(unit):
        return None  # "two years and three months": a part of one length
    if _counterfactual(unit):
        return None  # "delaying the flight by 10 hours would have forced ...": not done
    if (event := _event_of(unit.head)) is not None and unit.head.i > unit.i:
        return Counted("duration", f"{event} duration", False,
                       unit.head.i, unit.lemma_.lower())  # fmt: skip
    if unit.head.i > unit.i and unit.head.pos_ == "NOUN" and unit.dep_ in _NOUN_MODIFIERS:
        return None  # "his 17-year dictatorship": the length of that, not of a detention nearby
    tok = unit
    for _ in range(6):
        if tok.head == tok:
            break
        tok = tok.head
        candidates = [tok] + [
            c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "xcomp", "dobj")
        ]
        for cand in candidates:
            event = _event_of(cand)
            if event is None and cand.lemma_.lower() in _GENERIC_EVENTS:
                event = _event_before(cand)
            if event is not None:
                personal = event in PERSONAL_EVENTS
                return Counted("duration", f"{event} duration", False, tok.i,
                               unit.lemma_.lower(), holder=_holder(tok) if personal else None,
                               per_holder=personal)  # fmt: skip
    return None


_NOUN_MODIFIERS = {"compound", "amod", "nmod", "nummod"}

# Nouns that stand for an action named just before them: "start withdrawing in two days - a
# process that will take no longer than 10 days".
_GENERIC_EVENTS = {"process", "operation", "move", "exercise", "procedure"}


def _event_before(generic: Token) -> str | None:
    """The nearest action named before a generic noun in its sentence."""
    for tok in reversed(generic.doc[generic.sent.start : generic.i]):
        event = _event_of(tok)
        if event is not None:
            return event
    return None


def _joined_duration(unit: Token) -> bool:
    doc = unit.doc
    after = [t.lower_ for t in doc[unit.i + 1 : unit.i + 3]]
    before = doc[max(unit.i - 4, 0) : unit.i]
    if after[:1] == ["and"] and len(after) > 1 and doc[unit.i + 2].like_num:
        return True
    return any(t.lower_ == "and" and t.i > 0 and doc[t.i - 1].lemma_ in DURATION_UNITS
               for t in before)  # fmt: skip


# Words of a courtroom: a "trial" or "hearing" in a sentence without one is a test ("rigorous
# trials", "a 14-day free trial") or a hearing of another kind.
_COURT_WORDS = frozenset(
    """court judge judges jury charged charges sentenced sentence convicted accused defendant
    prosecutor prosecutors prosecution verdict guilty lawyer lawyers appeal jailed jail
    acquitted testified testimony witness witnesses plaintiff""".split()
)


def _event_of(tok: Token) -> str | None:
    word = tok.lemma_.lower()
    if word == "pull" and any(c.lower_ in ("out", "back") for c in tok.children):
        return "withdrawal"
    if word in ("process", "operation") or word not in EVENTS:
        return None
    if word in ("trial", "hearing") and not _in_court(tok):
        return None
    return EVENTS[word]


def _in_court(tok: Token) -> bool:
    return tok.lower_ == tok.lemma_.lower() and any(t.lower_ in _COURT_WORDS for t in tok.sent)


def _money(doc: Doc, noun: Token | None, carrier: Token, increment: bool) -> Counted | None:
    """An amount of money named by the verb or noun it belongs to: "lost $10,000" ->
    "amount lost", "a fine of $500" -> "amount fine"."""
    tok = carrier
    for _ in range(3):
        word = tok.lemma_.lower()
        if tok != carrier and word in MONEY_VERBS:
            label = f"amount {MONEY_VERBS[word]}"
            return Counted("money", label, increment, tok.i, holder=_holder(tok), per_holder=True)
        if tok != carrier and word in MONEY_NOUNS:
            label = f"amount {MONEY_NOUN_TOPICS.get(word, word)}"
            return Counted("money", label, increment, tok.i, holder=_holder(tok), per_holder=True)
        if tok.head == tok:
            break
        tok = tok.head
    if noun is not None and (word := noun.lemma_.lower()) in MONEY_NOUNS:
        label = f"amount {MONEY_NOUN_TOPICS.get(word, word)}"
        return Counted("money", label, increment, noun.i, holder=_holder(noun), per_holder=True)
    return None


def _holder(tok: Token) -> str | None:
    """Who an amount or a jail term belongs to: the subject of its verb (climbing to the
    clause that has one) or the possessor of its noun; None for pronouns and when absent."""
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "poss")]
        if subjects:
            subject = subjects[0]
            if subject.pos_ == "PRON":
                return None
            for ent in subject.doc.ents:
                if ent.start <= subject.i < ent.end and ent.label_ in ("PERSON", "ORG", "GPE"):
                    return ent.text
            return subject.lemma_.lower()
        if tok.head == tok:
            return None
        tok = tok.head
    return None
