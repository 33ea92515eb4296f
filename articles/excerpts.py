"""Search results' excerpts, cut and marked in Python.

A word is marked when its stem is one of the reader's words' stems, by the Snowball French
stemmer that PostgreSQL's french_stem also runs, after the same removal of accents. The
excerpt comes from the passage (articles/passages.py) holding most of the reader's words.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import Stemmer

from articles import passages

# Markers that cannot occur in cleaned text, turned into <mark> once the rest is escaped.
START, STOP = "\x02", "\x03"
LENGTH = 240  # characters an excerpt shows, about 35 words
LEAD = 60  # characters shown before the first marked word, when it is not near the start
WORD = re.compile(r"\w+")
LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
LIGATED = {"oe": "[œŒ]", "ae": "[æÆ]"}
_local = threading.local()  # a Stemmer object must not be shared between threads


def _stemmer() -> Stemmer.Stemmer:
    if not hasattr(_local, "stemmer"):
        _local.stemmer = Stemmer.Stemmer("french")
    return _local.stemmer


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem the index compares `word` by: lower case, without accents or ligatures."""
    return _stemmer().stemWord(_plain(word))


def _accented() -> dict[str, str]:
    """Each unaccented lower-case letter and the Latin letters written with it, in either
    case (a pattern of them needs no IGNORECASE, which made finding them three times slower)."""
    letters = {}
    for code in range(0x41, 0x250):
        plain = _plain(chr(code))
        if len(plain) == 1 and plain.isascii() and plain.isalpha():
            letters.setdefault(plain, plain + plain.upper())
            if chr(code) not in letters[plain]:
                letters[plain] += chr(code)
    return letters


ACCENTED = _accented()


def _spelled(start: str) -> str:
    """A pattern for `start` however it is accented; "oe" and "ae" also as ligatures."""
    pattern, at = [], 0
    while at < len(start):
        pair = start[at : at + 2]
        if pair in LIGATED:
            pattern.append(f"(?:{_letters(pair)}|{LIGATED[pair]})")
            at += 2
        else:
            pattern.append(_letters(start[at]))
            at += 1
    return "".join(pattern)


def _first_letters(stem: str) -> str:
    """The letters a word of this stem may start with, escaped for a class."""
    letters = ACCENTED.get(stem[0], stem[0]) + ("œŒæÆ" if stem[:2] in LIGATED else "")
    return "".join(re.escape(letter) for letter in letters)


def _after_first_letter(start: str) -> str:
    """A pattern for `start` after its first letter, which it looks behind for: that letter
    however accented, or the ligature of the first two ("oe" as "œ")."""
    pattern = f"(?<={_letters(start[0])}){_spelled(start[1:])}"
    if start[:2] in LIGATED:
        pattern += f"|(?<={LIGATED[start[:2]]}){_spelled(start[2:])}"
    return pattern


def _letters(plain: str) -> str:
    return "".join(f"[{ACCENTED[c]}]" if c in ACCENTED else re.escape(c) for c in plain)


class Marker:
    """Finds the reader's words in passages. A word is a candidate when it starts, whatever its
    accents and case, as one of the stems does but for their last two letters (the stemmer may
    rewrite them: chevaux, cheval); only its own stem being one of them marks it. A regular
    expression finds the few candidates: stemming every word of twenty passages cost more."""

    def __init__(self, words: list[str]):
        self._compile({stem(word) for word in words})

    @classmethod
    def from_stems(cls, stems) -> "Marker":
        """A Marker for stems the database gave (a query's lexemes)."""
        marker = cls.__new__(cls)
        marker._compile(set(stems))
        return marker

    def _compile(self, stems: set[str]) -> None:
        self.stems = stems
        starts = sorted({s[: max(2, len(s) - 2)] for s in self.stems if s})
        # A class of first letters opens the pattern, so the engine skips to them in C; the
        # letter read, (?<!\w.) checks that a word starts with it.
        firsts = "".join(sorted({_first_letters(s) for s in starts}))
        rests = "|".join(_after_first_letter(s) for s in starts)
        pattern = rf"[{firsts}](?<!\w.)(?:{rests})\w*"
        self.candidate = re.compile(pattern if starts else r"(?!)")  # (?!): no word

    def excerpt(self, text: str, later: bool) -> str:
        """About LENGTH characters of `text` from a little before its first marked word,
        each marked word between START and STOP. "… " leads when the excerpt does not start
        the article's text (`later`: `text` itself does not), "…" ends a cut one."""
        first = next(self._found(text, 0, len(text)), None)
        first_at = first.start() if first else 0
        start = 0 if first_at + LEAD < LENGTH else _word_start(text, first_at - LEAD)
        stop = _word_end(text, start + LENGTH)
        # The first marked word is within the excerpt, and none before it is marked.
        marked = [first, *self._found(text, first.end(), stop)] if first else []
        parts, at = [], start
        for word in marked:
            parts += [text[at : word.start()], START, word.group(), STOP]
            at = word.end()
        parts.append(text[at:stop])
        lead = "… " if later or start else ""
        return lead + "".join(parts).strip() + (" …" if text[stop:].strip() else "")

    def best_excerpt(self, text: str) -> str:
        """The excerpt of the passage of `text` holding most of the words (the first of
        equals); the text's start when none holds any."""
        cuts = passages.bounds(text) or [(0, len(text))]
        held = [set() for _cut in cuts]
        place = 0
        for word in self._found(text, 0, len(text)):
            while word.start() >= cuts[place][1]:
                place += 1
            held[place].add(stem(word.group()))
        best = max(range(len(cuts)), key=lambda i: (len(held[i]), -i))
        start, stop = cuts[best]
        return self.excerpt(text[start:stop], later=start > 0)

    def _found(self, text: str, start: int, stop: int):
        """The marked words of text[start:stop], in order."""
        for candidate in self.candidate.finditer(text, start, stop):
            if stem(candidate.group()) in self.stems:
                yield candidate


def _word_start(text: str, at: int) -> int:
    """The start of the word that holds or follows `at`."""
    space = text.find(" ", at)
    return space + 1 if 0 <= space < at + LEAD else at


def _word_end(text: str, at: int) -> int:
    """The end of the word that holds `at`, its punctuation included."""
    space = text.find(" ", at)
    return len(text) if space < 0 else space


def tokens(terms: list[str]) -> list[str]:
    """The words of the reader's terms, as the text's words are split."""
    return [token for term in terms for token in WORD.findall(term)]
