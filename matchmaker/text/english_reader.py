"""Find English vocabulary phrases in a text, word by word on stems, forgiving typos.

Whole words only, so `opera` never matches inside `cooperation`. A misspelt word is read
as the vocabulary word one edit away (a letter wrong, added, missing or two swapped).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import OSA

from matchmaker.text.english import NOT_TYPOS, stem
from matchmaker.text.normalise import normalise
from matchmaker.text.spans import Match, Span, Word, outermost

MIN_TYPO_LETTERS = 6
MAX_OCCURRENCES = 16


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


def _is_plain_word(token: str) -> bool:
    return token.isascii() and token.isalpha()


class EnglishReader:
    """English phrases (keys: stems joined by spaces), ready to be found in many texts."""

    def __init__(self, words: Sequence[Word]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Word]]] = {}
        for word in words:
            phrase = tuple(word.key.split())
            self._by_first.setdefault(phrase[0], []).append((phrase, word))
        self._stems = frozenset(s for word in words for s in word.key.split())
        # Every vocabulary word long enough to forgive a typo in, filed under each of its
        # one-letter deletions: two words one edit apart always share one such key. Whole
        # words, not stems: stems are short enough that `operation` (operat) is one letter
        # off `opera`.
        self._typo_index: dict[str, set[str]] = {}
        for word in words:
            for raw in normalise(word.written).split():
                if len(raw) >= MIN_TYPO_LETTERS and _is_plain_word(raw):
                    for key in _deletions(raw):
                        self._typo_index.setdefault(key, set()).add(raw)

    def read(self, tokens: Sequence[str]) -> list[Match]:
        """Every phrase found in the normalised words `tokens`, once each, exact first."""
        stems = [stem(token) for token in tokens]
        corrected = [self._correct(s, token) for s, token in zip(stems, tokens, strict=True)]
        read = [c or s for c, s in zip(corrected, stems, strict=True)]
        spans: dict[Word, list[Span]] = {}
        exact: dict[Word, bool] = {}
        for start, first in enumerate(read):
            for phrase, word in self._by_first.get(first, ()):
                end = start + len(phrase)
                if tuple(read[start:end]) != phrase:
                    continue
                is_exact = not any(corrected[start:end])
                word_spans = spans.setdefault(word, [])
                if len(word_spans) >= MAX_OCCURRENCES:
                    continue
                span = Span(start, end, " ".join(tokens[start:end]))
                if is_exact and not exact.get(word, False):
                    word_spans.insert(0, span)  # the exact find is the one to report
                else:
                    word_spans.append(span)
                exact[word] = exact.get(word, False) or is_exact
        return [
            Match(word, word_spans[0], exact=exact[word])
            for word, word_spans in outermost(spans).items()
        ]

    def _correct(self, word_stem: str, token: str) -> str:
        """The stem of the vocabulary word a misspelt token stands for, or '' if none.

        The first letter must agree (typos there are rare, and it keeps `president` from
        reading as `resident`), and real words that happen to be one letter off a vocabulary
        word (concern, concert) are read as themselves.
        """
        if len(token) < MIN_TYPO_LETTERS or word_stem in self._stems or not _is_plain_word(token):
            return ""
        singular = token[:-1] if token.endswith("s") else token
        if token in NOT_TYPOS or singular in NOT_TYPOS:
            return ""
        close: set[str] = set()
        for form in {token, singular}:
            candidates: set[str] = set()
            for key in _deletions(form):
                candidates |= self._typo_index.get(key, set())
            close |= {
                candidate
                for candidate in candidates
                if candidate[0] == form[0] and OSA.distance(candidate, form, score_cutoff=1) <= 1
            }
        return stem(min(close)) if close else ""
