"""Name comparison: when two spellings name the same person, organisation or place.

Pure string rules, no spaCy: normalised keys, transliteration skeletons, acronyms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from rapidfuzz.distance import JaroWinkler

# Given names that are the same name in two transliterations ("Yerlan-Jusup"/"Erlan-Yusup"
# skeletons score 0.97, "Oleksandr"/"Aleksandr" 0.93, "Sergei"/"Sergey" 1.0) while different
# names stay apart ("Peter"/"Petra" 0.91, "John"/"Jane" 0.67, "Marek"/"Tomasz" 0.58).
GIVEN_NAME_MIN_SIMILARITY = 0.92
# Surnames must be near-identical ("Aliyev"/"Aliev" skeletons 1.0); a looser bar would
# join relatives or unrelated people sharing a family name with a one-letter difference.
SURNAME_MIN_SIMILARITY = 0.95
# One differing word in a multi-word organisation or place name, spelling variants only
# ("Organisation"/"Organization" 0.97, "Defence"/"Defense" 0.94; "Health"/"Interior" 0.36).
NAME_WORD_MIN_SIMILARITY = 0.93
# Shorter words are too easy to confuse ("Iran"/"Iraq"), so they must match exactly.
NAME_WORD_MIN_LENGTH = 5

# Words in front of a personal name that are not part of it, English titles and the Malay
# and Indian honorifics ("Datuk Seri Anwar Ibrahim", "Shri Modi").
# Titles a preceding word qualifies rather than employs ("Health Minister", "Ruvenian President";
# but "Ministry spokesman" names the spokesman's employer).
PORTFOLIO_TITLES = frozenset({"minister", "secretary", "president", "premier", "chancellor"})
TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof sir dame lord lady president vice premier chancellor minister
    secretary spokesman spokeswoman spokesperson ambassador envoy mayor governor senator sen
    rep representative congressman congresswoman gov gen general col colonel capt captain sgt
    lt lieutenant adm admiral maj major judge justice king queen prince princess pope sheikh
    emir sultan ayatollah rev reverend father chairman chairwoman chair ceo director
    commissioner commander chief deputy prime leader
    datuk dato dato' datin seri tun tunku tengku toh puan tuan encik ustaz shri smt
    madam mdm pastor ps bishop imam rabbi professor inspector insp supt superintendent
    dpm sm pm mos sms ac acp dsp comm mp mps rear cmdr cmndr comdr cpl pvt brig det amb atty
    msgr spc
    """.split()
)
# Small words a title-case heading or a quoted title leaves in lower case ("Out of the Blue").
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from".split())
# Legal forms that end only company names ("Theta Edge Bhd", "OCBC Ltd").
CORPORATE_WORDS = frozenset(
    "bhd berhad sdn plc llc llp gmbh pty inc ltd corp holdings bv nv srl".split()
)
# Words that mark a name as an organisation even when a tagger calls it a person.
ORG_WORDS = CORPORATE_WORDS | frozenset(
    """
    ministry department office council committee commission agency service services bureau
    organization organisation association union party alliance league bank company corp corp.
    inc inc. ltd ltd. group news press university institute court parliament assembly army
    navy forces force police government administration authority federation foundation fund
    board centre center club network times post agency hospital clinic school college academy
    museum library church mosque temple airport station prison hotel campus stadium
    limited corporation consortium partnership gallery observatory secondary polytechnic
    industries enterprises ventures airlines airways railway railways transit coalition
    united movement front contracting construction engineering trading logistics shipping unit
    """.split()
)


def is_org_word(word: str) -> bool:
    """Whether a word, or its plural ("Museums"), marks an organisation's name.

    Example:
        >>> is_org_word("Museums"), is_org_word("Hillside")
        (True, False)
    """
    folded = word.casefold()
    return folded in ORG_WORDS or (folded.endswith("s") and folded[:-1] in ORG_WORDS)


# Small words that acronyms may skip ("Organization of the Petroleum Exporting Countries").
FUNCTION_WORDS = frozenset("of the and for de du des la le on in to at".split())

_LONG_FORM = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|the|and|for|de|du|des|la|le|on|in)\s+)*){0,9}"
    r"[A-Z][\w'’.-]*)\s*\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)"
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case ASCII form of a name: accents and case dropped, hyphens and spaces unified.

    Example:
        >>> fold("Yerlan-Jusup  Omarov")
        'yerlan jusup omarov'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r"[-‐‑–—_/]", " ", text.casefold())
    text = re.sub(r"[^\w' ]", "", text)
    return _SPACES.sub(" ", text).strip()


def skeleton(word: str) -> str:
    """A transliteration-tolerant form of one name word: y/j/i and x/ks unified, doubles cut.

    Example:
        >>> skeleton("Nurlan-Jussup") == skeleton("Nurlan-Yusup")
        True
    """
    text = fold(word).replace(" ", "")
    text = text.replace("x", "ks").replace("ph", "f").replace("kh", "h").replace("w", "v")
    text = re.sub(r"[yj]", "i", text)
    return re.sub(r"(.)\1+", r"\1", text)


def _similar(a: str, b: str, bar: float) -> bool:
    sa, sb = skeleton(a), skeleton(b)
    return sa == sb or JaroWinkler.similarity(sa, sb) >= bar


def _feminine_pair(a: str, b: str) -> bool:
    """ "Alexandr"/"Alexandra", "Yevgeny"/"Yevgenia": forms of two different people."""
    sa, sb = skeleton(a), skeleton(b)
    short, long_ = sorted((sa, sb), key=len)
    return long_.endswith("a") and not short.endswith("a") and long_[:-1].startswith(short[:-1])


def given_names_match(a: str, b: str) -> bool:
    """Whether two given names can belong to one person ("J." fits "John", "Sergei" "Sergey").

    Example:
        >>> given_names_match("Nurlan-Jussup", "Nurlan-Yusup"), given_names_match("John", "Jane")
        (True, False)
    """
    wa, wb = fold(a).split(), fold(b).split()
    if not wa or not wb:
        return False
    if len(wa[0].rstrip(".")) == 1 or len(wb[0].rstrip(".")) == 1:
        return wa[0][0] == wb[0][0]
    if _feminine_pair(wa[0], wb[0]):
        return False
    if len(wa) == len(wb):
        return _similar(" ".join(wa), " ".join(wb), GIVEN_NAME_MIN_SIMILARITY)
    short, long_ = sorted((wa, wb), key=len)
    if len(short) >= 2 and long_[-len(short) :] == short:
        # "Tan See" inside "Manpower Tan See": a portfolio or title the tagger ran into the
        # name ("Minister for Manpower Tan See Leng").
        return True
    # "George W. Bush" against "George Bush": the first given name decides.
    return _similar(wa[0], wb[0], GIVEN_NAME_MIN_SIMILARITY)


def surnames_match(a: str, b: str) -> bool:
    """Whether two family names are one name in two spellings ("Aliyev"/"Aliev")."""
    return _similar(a, b, SURNAME_MIN_SIMILARITY)


# Words that open a family name ("Osama bin Laden", "Charles de Gaulle", "Marine Le Pen",
# "Ursula von der Leyen"). "Ben" and "Abu" are left out: they are given names too.
SURNAME_PARTICLES = frozenset(
    "bin binti bint ibn al el van von der den de da di du la le del della dos das ter ten".split()
)


def split_person(name: str) -> tuple[str, str]:
    """(given names, surname) of a personal name; given names are "" for a surname alone.

    Particles before the last word belong to the surname.

    Example:
        >>> split_person("Osama bin Laden"), split_person("bin Laden")
        (('Osama', 'bin Laden'), ('', 'bin Laden'))
    """
    words = name.split()
    cut = max(len(words) - 1, 0)
    while cut > 0 and words[cut - 1].casefold() in SURNAME_PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def same_person(a: str, b: str) -> bool:
    """Whether two full personal names (two words or more) name one person.

    Example:
        >>> same_person("Yerlan-Jusup Omarov", "Erlan-Yusup Omarov")
        True
        >>> same_person("John Smith", "Jane Smith")
        False
    """
    given_a, sur_a = split_person(a)
    given_b, sur_b = split_person(b)
    if not (given_a and given_b):
        return False
    return surnames_match(sur_a, sur_b) and given_names_match(given_a, given_b)


def same_name(a: str, b: str) -> bool:
    """Whether two organisation or place names are spelling variants of each other.

    Single words must fold to the same form; longer names may differ in one word of five
    letters or more, by spelling only.

    Example:
        >>> same_name("Northern Defence Treaty Organisation",
        ...           "Northern Defence Treaty Organization")
        True
        >>> same_name("Health Ministry", "Interior Ministry")
        False
    """
    wa, wb = fold(a).split(), fold(b).split()
    if wa == wb:
        return True
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differing = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return (
        min(len(x), len(y)) >= NAME_WORD_MIN_LENGTH
        and x[0] == y[0]
        and JaroWinkler.similarity(x, y) >= NAME_WORD_MIN_SIMILARITY
    )


def is_acronym(name: str) -> bool:
    """Two to ten capitals, with optional dots or a lower-case letter ("NDTO", "U.S.", "DoD")."""
    letters = name.replace(".", "").replace("&", "")
    return (
        2 <= len(letters) <= 10
        and letters.isalpha()
        and letters[0].isupper()
        and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)
    )


def acronym_letters(name: str) -> str:
    """The capitals of an acronym: "U.S." -> "US", "DoD" -> "DD"."""
    return "".join(c for c in name if c.isupper())


def initials(name: str, skip_function_words: bool = True) -> str:
    """Upper-case initials of a long name; hyphenated words give one letter per part."""
    out = []
    for word in re.split(r"[\s-]+", name):
        if not word or (skip_function_words and word.casefold() in FUNCTION_WORDS):
            continue
        out.append(word[0].upper())
    return "".join(out)


def expands(acronym: str, long_name: str) -> bool:
    """Whether ``acronym`` abbreviates ``long_name`` ("NDTO" for "Northern Defence Treaty ...")."""
    letters = acronym_letters(acronym)
    if len(letters) < 2 or len(long_name.split()) < 2:
        return False
    # "Maritime and Port Authority of Singapore (MPA)": the country is often left out.
    short = _OF_PLACE.sub("", long_name)
    return any(
        letters in (initials(name), initials(name, skip_function_words=False))
        for name in {long_name, short}
        if len(name.split()) >= 2
    )


# A closing "of Singapore", "of New South Wales" that an acronym may leave out.
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?$")


def acronym_definitions(text: str) -> Iterator[tuple[str, int, int, str, int, int]]:
    """Acronyms defined in parentheses: "the European Union (EU)".

    Yields (long name, start, end, acronym, start, end) with character offsets in ``text``;
    the long name is the shortest run of capitalised words before the parenthesis whose
    initials spell the acronym.
    """
    for match in _LONG_FORM.finditer(text):
        acronym = match.group(2)
        if not is_acronym(acronym):
            continue
        words = list(re.finditer(r"\S+", match.group(1)))
        candidates = [
            (match.group(1)[w.start() :], match.start(1) + w.start())
            for w in reversed(words)
            if w.group().casefold() not in FUNCTION_WORDS
        ]
        # Initials first; letters from inside the words only when no run of initials fits.
        found = next(
            (
                (candidate, start)
                for spells in (expands, spelled_inside)
                for candidate, start in candidates
                if spells(acronym, candidate)
            ),
            None,
        )
        if found is not None:
            yield found[0], found[1], match.end(1), acronym, match.start(2), match.end(2)


def spelled_inside(acronym: str, long_name: str) -> bool:
    """Whether an acronym defined in parentheses takes letters from inside the words of the
    name before it ("Seletar Expressway (SLE)", "Bukit Timah Expressway (BKE)", "Ministry of
    Defence (MINDEF)").

    The rule of Schwartz and Hearst (2003), with the last letter held to the last word: the
    acronym's first letter opens the name, all its letters appear in order, and the name has
    at most min(letters + 5, 2 x letters) words. Only for a definition in parentheses: an
    acronym used without one must match ``expands``.
    """
    letters = [c for c in acronym.casefold() if c.isalpha()]
    words = long_name.split()
    if len(letters) < 2 or not 2 <= len(words) <= min(len(letters) + 5, 2 * len(letters)):
        return False
    name = long_name.casefold()
    if name[0] != letters[0]:
        return False
    at = 0
    for letter in letters[1:-1]:
        at = name.find(letter, at + 1)
        if at < 0:
            return False
    return name.rfind(letters[-1]) >= max(at + 1, len(name) - len(words[-1]))


def dropped_letter_variant(short: str, known: str) -> bool:
    """Whether acronym ``short`` is ``known`` with one letter lost ("NTO" from "NDTO")."""
    a, b = acronym_letters(short), acronym_letters(known)
    if len(a) < 3 or len(b) != len(a) + 1:
        return False
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))
