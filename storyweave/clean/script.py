"""Writing systems of a line: word counts and sentence ends that work beyond Latin text.

Line-shape rules count words and look for a sentence end. Latin words are counted as before
(by letters between spaces); other spaced scripts (Arabic, Cyrillic, Devanagari, Hangul, ...)
count one word per run of letters; scripts written without spaces (Chinese, Japanese, Thai,
Burmese, ...) count one word per few letters. The script is read off the line's own letters,
so it works whatever (or whether) the page's language is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# Letters per word in scripts written without spaces between words. Chinese words average
# 1.5-2 characters and Japanese (kanji + kana) about 2; Thai, Lao, Khmer and Burmese spell a
# word with 2-4 base letters (vowel signs are marks and are not counted).
_UNSPACED = {
    "CJK": 2,
    "THAI": 3,
    "LAO": 3,
    "KHMER": 3,
    "MYANMAR": 3,
    "TIBETAN": 3,
}
# Thai and Lao mark no sentence end (a space separates sentences), so a line in them is prose
# when it is long: headlines and menu items there run under 20 words (about 80 characters)
# while paragraphs run to hundreds of characters.
# Japanese kana are written in one run with Chinese characters: one script for counting.
_SAME_AS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "IDEOGRAPHIC": "CJK"}
NO_END_MARK_SCRIPTS = frozenset({"THAI", "LAO"})
UNMARKED_PROSE_MIN_WORDS = 20

# Sentence ends of many scripts: Latin, CJK full stops, Arabic/Urdu, Devanagari danda,
# Burmese, Ethiopic, Armenian; then any closing quotes or brackets.
TERMINAL = re.compile(r"[.!?…:;。！？｡؟۔।॥။።፧։][\"'”’»)\]」』）》〉】]*$|[\"”’」』]$")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=8192)
def char_script(ch: str) -> str:
    """The script of one letter, as the first word of its Unicode name ("LATIN", "CJK")."""
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    if name.startswith("FULLWIDTH LATIN"):
        return "LATIN"
    script = name.split(" ", 1)[0].split("-", 1)[0]
    return _SAME_AS.get(script, script)


def _runs(line: str) -> list[tuple[str, str]]:
    """Maximal runs of letters of one script; combining marks stay with their letter."""
    runs: list[tuple[str, str]] = []
    script = ""
    chars: list[str] = []
    for ch in line:
        if ch.isalpha():
            kind = char_script(ch)
        elif chars and unicodedata.category(ch).startswith("M"):
            kind = script
        else:
            kind = ""
        if kind != script and chars:
            runs.append((script, "".join(chars)))
            chars = []
        script = kind
        if kind:
            chars.append(ch)
    if chars:
        runs.append((script, "".join(chars)))
    return runs


def line_words(line: str) -> list[str]:
    """The words of a line in any script (Latin words exactly as ``LATIN_WORD`` finds them).

    A run of a script written without spaces is cut into word-sized pieces.

    Example:
        >>> line_words("Rain fell. 雨が降った。")
        ['Rain', 'fell', '雨が', '降っ', 'た']
    """
    found = LATIN_WORD.findall(line)
    if line.isascii():
        return found
    for script, run in _runs(line):
        if script == "LATIN":
            continue
        per_word = _UNSPACED.get(script)
        if per_word is None:
            found.append(run)
            continue
        letters = [ch for ch in run if ch.isalpha()]
        found.extend("".join(letters[i : i + per_word]) for i in range(0, len(letters), per_word))
    return found


def dominant_script(line: str) -> str:
    """The script most of a line's letters are written in ("" for a line without letters)."""
    if line.isascii():
        return "LATIN" if any(ch.isalpha() for ch in line) else ""
    counts = Counter(char_script(ch) for ch in line if ch.isalpha())
    return counts.most_common(1)[0][0] if counts else ""


def has_end(line: str) -> bool:
    """A sentence end: an end mark, or (in scripts without one) the length of prose."""
    text = line.rstrip()
    if TERMINAL.search(text):
        return True
    return (
        dominant_script(text) in NO_END_MARK_SCRIPTS
        and len(line_words(text)) >= UNMARKED_PROSE_MIN_WORDS
    )


def letter_count(line: str) -> int:
    """How many letters (of any script) a line has."""
    return sum(1 for ch in line if ch.isalpha())
