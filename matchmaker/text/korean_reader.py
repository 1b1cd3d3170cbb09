"""Find Korean vocabulary words in a text, whatever its spacing, particles or one-jamo typos.

The text is read with every space removed: Koreans space compounds freely (청년일자리,
청년 일자리) and attach particles (공공급식을), and a word that is a substring of the
squeezed text survives both. One pass over the text's jamo trigrams picks the few words
worth a closer look, for exact matching and for typos alike, so the cost hardly grows with
the vocabulary.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import chain, repeat

from rapidfuzz.distance import Levenshtein

from matchmaker.text.hangul import is_syllable, jamo
from matchmaker.text.korean import strip_particles
from matchmaker.text.normalise import normalise
from matchmaker.text.spans import Match, Span, Word, outermost

# Words this short (in letters) are too easily found by accident inside other words once
# spaces are gone: 상생협력 holds 생협, 연구인력 holds 구인, 성공 연계 holds 공연. They must start
# a word of the text, or end one before its particles.
SHORT = 2
# Typo tolerance starts here: at three syllables one jamo off is still a typo (캠핑잠), at
# two it is usually another word (공연, 공원).
MIN_TYPO_SYLLABLES = 3
# One wrong, added or missing jamo spoils at most three of a word's jamo trigrams.
_TRIGRAMS_ONE_TYPO_SPOILS = 3
# How often one word is looked for in one text: a hit needs one, overlaps need a few.
MAX_OCCURRENCES = 16

# One-syllable particles: a "typo" that only turns the last syllable into one of these is a
# particle on a shorter word (사업과 is 사업 + 과, not a misspelt 사업화).
_PARTICLE_SYLLABLES = frozenset("을를이가은는과와도의에로만나들등")

# The jamo are spelt as single bytes, so that trigram sets are sets of small-int tuples
# (zip over bytes runs in C; slicing a str in a loop costs three times as much):
# leading consonants 0x80-0x92, vowels 0x93-0xA7, final consonants 0xA8-0xC2, ASCII as
# itself, anything else "?" (normalise() has removed every real "?").
_BYTE_OF_JAMO = {
    **{0x1100 + i: chr(0x80 + i) for i in range(19)},
    **{0x1161 + i: chr(0x93 + i) for i in range(21)},
    **{0x11A8 + i: chr(0xA8 + i) for i in range(27)},
}


@cache
def _byte_spelling() -> dict[int, str]:
    # The same letters as jamo(syllable).translate(_BYTE_OF_JAMO), by the syllable's
    # arithmetic: 11,172 entries in a few milliseconds instead of ~50.
    table = {code: "?" for code in range(0x80, 0x100)}
    initials = [chr(0x80 + i) for i in range(19)]
    medials = [chr(0x93 + m) for m in range(21)]
    finals = ["", *(chr(0xA8 + f) for f in range(27))]
    code = 0xAC00
    for initial in initials:
        for medial in medials:
            for final in finals:
                table[code] = initial + medial + final
                code += 1
    return table


def spell(text: str) -> bytes:
    """The text's jamo, one byte each (other letters: ASCII as is, the rest as "?")."""
    return text.translate(_byte_spelling()).encode("latin-1", "replace")


def _trigrams(spelt: bytes) -> set[tuple[int, int, int]]:
    return set(zip(spelt, spelt[1:], spelt[2:], strict=False))


def _places(text: str, piece: str, offset: int) -> list[int]:
    """Where a window would start if `piece` stood `offset` letters into it."""
    starts: list[int] = []
    found = text.find(piece)
    while found >= 0 and len(starts) < MAX_OCCURRENCES:
        if found >= offset:
            starts.append(found - offset)
        found = text.find(piece, found + 1)
    return starts


def _lone_syllables(written: str) -> frozenset[int]:
    """Places, in the spaceless key, of the written phrase's one-syllable words."""
    places: set[int] = set()
    at = 0
    for token in normalise(written).split():
        if len(token) == 1 and is_syllable(token):
            places.add(at)
        at += len(token)
    return frozenset(places)


def _one_jamo_apart(window: str, key: str) -> int | None:
    """The one letter where the two differ by a single jamo, or None."""
    differ = [i for i, (a, b) in enumerate(zip(window, key, strict=True)) if a != b]
    if len(differ) != 1:
        return None
    a, b = window[differ[0]], key[differ[0]]
    if (
        is_syllable(a)
        and is_syllable(b)
        and Levenshtein.distance(jamo(a), jamo(b), score_cutoff=1) <= 1
    ):
        return differ[0]
    return None


class _Text:
    """A normalised text squeezed of spaces, with the way back to where each letter stood."""

    def __init__(self, normalised: str) -> None:
        self.normalised = normalised
        self.squeezed = "".join(normalised.split())
        self.spelt = spell(self.squeezed)
        self._places: list[int] | None = None
        self._tokens: list[tuple[int, str]] | None = None  # (start in squeezed, word)

    def span(self, start: int, end: int) -> Span:
        if self._places is None:
            self._places = [i for i, char in enumerate(self.normalised) if not char.isspace()]
        places = self._places
        return Span(start, end, self.normalised[places[start] : places[end - 1] + 1])

    def occurrences(self, key: str) -> list[Span]:
        spans: list[Span] = []
        start = self.squeezed.find(key)
        while start >= 0 and len(spans) < MAX_OCCURRENCES:
            spans.append(self.span(start, start + len(key)))
            start = self.squeezed.find(key, start + 1)
        return spans

    def token_at(self, letter: int) -> tuple[int, str]:
        """The word of the text that holds letter number `letter`, and where it starts."""
        if self._tokens is None:
            self._tokens = []
            offset = 0
            for token in self.normalised.split():
                self._tokens.append((offset, token))
                offset += len(token)
        return self._tokens[bisect_right(self._tokens, letter, key=lambda token: token[0]) - 1]

    def starts_word(self, letter: int) -> bool:
        return self.token_at(letter)[0] == letter

    def stands_alone(self, span: Span) -> bool:
        """Whether a short find starts a word of the text or ends one (before particles)."""
        start, token = self.token_at(span.start)
        if span.end > start + len(token):
            return False  # runs over a space: 성공 연계 is not 공연
        return span.start == start or span.end - start in (len(token), len(strip_particles(token)))


class KoreanReader:
    """Korean words (keys: normalised, without spaces), ready to be found in many texts."""

    def __init__(self, words: Sequence[Word]) -> None:
        self._words = tuple(words)
        self._keys = frozenset(word.key for word in self._words)
        self._trigram_count: list[int] = []
        self._without_trigrams: list[int] = []  # one-syllable words: looked for directly
        index: dict[tuple[int, int, int], list[int]] = {}
        for number, spelt in enumerate(spell(word.key) for word in self._words):
            trigrams = _trigrams(spelt)
            self._trigram_count.append(len(trigrams))
            if not trigrams:
                self._without_trigrams.append(number)
            for trigram in sorted(trigrams):
                index.setdefault(trigram, []).append(number)
        self._index = {trigram: tuple(numbers) for trigram, numbers in index.items()}
        # Trigrams a word needs in the text to be checked for a typo; more than it has for
        # words too short to forgive one.
        self._typo_needed = [
            max(1, count - _TRIGRAMS_ONE_TYPO_SPOILS)
            if sum(map(is_syllable, word.key)) >= MIN_TYPO_SYLLABLES
            else count + 1
            for word, count in zip(self._words, self._trigram_count, strict=True)
        ]
        # Letters of each word's key that are a whole one-syllable word as written: one jamo
        # off there is another word, not a typo (팔 데가 없 → 잘 데가 없: nowhere to sleep).
        self._lone_syllables = [_lone_syllables(word.written) for word in self._words]

    def read(self, normalised: str) -> list[Match]:
        """Every word found, once each, at its first place in the text."""
        text = _Text(normalised)
        counts = Counter(
            chain.from_iterable(map(self._index.get, _trigrams(text.spelt), repeat(())))
        )
        # A word is in the text only if all its trigrams are.
        total = self._trigram_count
        complete = sorted(number for number, count in counts.items() if count == total[number])
        exact: dict[Word, list[Span]] = {}
        for number in chain(complete, self._without_trigrams):
            word = self._words[number]
            if word.key not in text.squeezed:
                continue
            spans = text.occurrences(word.key)
            if len(word.key) <= SHORT:
                spans = [span for span in spans if text.stands_alone(span)]
            if spans:
                exact[word] = spans
        matches = [Match(word, spans[0], exact=True) for word, spans in outermost(exact).items()]
        needed = self._typo_needed
        for number in sorted(n for n, count in counts.items() if count >= needed[n]):
            word = self._words[number]
            if word in exact:
                continue
            span = self._typo(text, number)
            if span is not None and not self._inside_exact(word, span, exact):
                matches.append(Match(word, span, exact=False))
        return matches

    def _typo(self, text: _Text, number: int) -> Span | None:
        """Where the text spells the word with one jamo wrong, added or missing, if it does.

        One jamo changes one letter, so either the word's first half or its second half is in
        the text as written; each place where one is gives the one window to compare.
        """
        key = self._words[number].key
        size = len(key)
        head, tail = key[: size // 2], key[(size + 1) // 2 :]
        starts = sorted(
            {*_places(text.squeezed, head, 0), *_places(text.squeezed, tail, size - len(tail))}
        )
        for start in starts:
            window = text.squeezed[start : start + size]
            if len(window) < size or window in self._keys:
                continue  # another vocabulary word is not a typo of this one
            if window[-1] in _PARTICLE_SYLLABLES and window[-1] != key[-1]:
                continue
            wrong = _one_jamo_apart(window, key)
            if wrong is None or wrong in self._lone_syllables[number]:
                continue
            # A "wrong" first or last letter that belongs to the next or previous word is
            # not a typo: 청년 공동체 does not hold 청년농.
            if wrong == size - 1 and text.starts_word(start + wrong):
                continue
            if wrong == 0 and text.starts_word(start + 1):
                continue
            return text.span(start, start + size)
        return None

    @staticmethod
    def _inside_exact(word: Word, span: Span, exact: dict[Word, list[Span]]) -> bool:
        # A near miss inside an exact find of the same theme adds nothing to it.
        return any(
            span.within(other)
            for found, spans in exact.items()
            if found.theme == word.theme
            for other in spans
        )
