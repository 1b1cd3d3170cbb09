"""Read a document's themes from its free text, once, against the themes' vocabulary.

Each theme's labels and synonyms (themes.yaml) are the vocabulary: Korean ones are found
in the text whatever its spacing and particles, English ones word by word on stems, and
both forgive a one-letter typo in longer words. This runs once per document, for up to a
hundred thousand documents, so the fuzzy work is kept to the few words worth checking.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from matchmaker.models.reference import Theme
from matchmaker.text.english import stem
from matchmaker.text.korean import detach_particles
from matchmaker.text.normalise import MAX_TEXT_CHARS, normalise
from matchmaker.text.spans import Match, Word

if TYPE_CHECKING:
    from matchmaker.text.english_reader import EnglishReader
    from matchmaker.text.korean_reader import KoreanReader


@dataclass(frozen=True, slots=True)
class ThemeHit:
    """One vocabulary word of a theme found in a document."""

    theme: str  # theme id
    synonym: str  # the vocabulary word as written in themes.yaml (or the theme's label)
    found: str  # the words as they stand in the normalised document, e.g. '공공급씩'
    exact: bool  # False when matched through typo tolerance
    in_title: bool  # found in the title given to Vocabulary.read

    def __setstate__(self, state: list[object]) -> None:
        # What dataclasses' own __setstate__ does with the same state (the fields' values
        # in order), without looking the fields up again for every object: a warm run
        # unpickles every demand's hits from the cache.
        for name, value in zip(self.__slots__, state, strict=True):
            object.__setattr__(self, name, value)


def _korean_words(theme: str, written: Iterable[str]) -> list[Word]:
    return [Word(theme, text, "".join(normalise(text).split())) for text in written]


def _english_words(theme: str, written: Iterable[str]) -> list[Word]:
    return [
        Word(theme, text, " ".join(stem(w) for w in normalise(text).split())) for text in written
    ]


def _distinct(words: Iterable[Word]) -> list[Word]:
    # Two spellings of one word in one theme (귀농·귀촌 and 귀농 귀촌) are read as one.
    seen: set[tuple[str, str]] = set()
    kept: list[Word] = []
    for word in words:
        if word.key and (word.theme, word.key) not in seen:
            seen.add((word.theme, word.key))
            kept.append(word)
    return kept


class Vocabulary:
    """The themes' labels and synonyms, prepared once for reading many documents.

    The readers are built on the first `read`, not here: a run whose demand readings all
    come from the cache reads no text, and building them is most of the catalog's
    preparation on a small run (the Korean reader's trigram index, the English typo index).
    """

    def __init__(self, themes: Sequence[Theme]) -> None:
        self._themes = tuple(themes)
        self._theme_order = {theme.id: number for number, theme in enumerate(themes)}
        self._readers: tuple[KoreanReader, EnglishReader] | None = None

    def _built(self) -> tuple[KoreanReader, EnglishReader]:
        if self._readers is None:
            # Imported here too: a warm run imports neither reader nor rapidfuzz.
            from matchmaker.text.english_reader import EnglishReader
            from matchmaker.text.korean_reader import KoreanReader

            korean: list[Word] = []
            english: list[Word] = []
            for theme in self._themes:
                korean += _korean_words(
                    theme.id, [*filter(None, [theme.label.ko]), *theme.synonyms.ko]
                )
                english += _english_words(
                    theme.id, [*filter(None, [theme.label.en]), *theme.synonyms.en]
                )
            self._readers = KoreanReader(_distinct(korean)), EnglishReader(_distinct(english))
        return self._readers

    def read(self, text: str, title: str = "") -> dict[str, tuple[ThemeHit, ...]]:
        """Theme id → the distinct vocabulary words found, themes in vocabulary order.

        A theme's hits are sorted: exact before typo, title before body, longer words first,
        then alphabetically. A word found only inside a longer word of the same theme (급식
        in 학교급식) is not a separate hit. Only the first MAX_TEXT_CHARS characters of the
        text and of the title are read.
        """
        body = self._read_one(text)
        heading = self._read_one(title)
        hits: dict[str, list[ThemeHit]] = {}
        for word in body.keys() | heading.keys():
            finds = [match for match in (heading.get(word), body.get(word)) if match]
            best = min(finds, key=lambda match: not match.exact)  # stable: title first
            hits.setdefault(word.theme, []).append(
                ThemeHit(
                    theme=word.theme,
                    synonym=word.written,
                    found=best.span.found,
                    exact=any(match.exact for match in finds),
                    in_title=word in heading,
                )
            )
        return {
            theme: tuple(sorted(hits[theme], key=_hit_order))
            for theme in sorted(hits, key=self._theme_order.__getitem__)
        }

    def _read_one(self, text: str) -> dict[Word, Match]:
        normalised = normalise(text[:MAX_TEXT_CHARS])
        if not normalised:
            return {}
        korean, english = self._built()
        # English words carry Korean particles in mixed text (people이): cut off first.
        matches = korean.read(normalised) + english.read(detach_particles(normalised).split())
        return {match.word: match for match in matches}


def _hit_order(hit: ThemeHit) -> tuple[bool, bool, int, str, str]:
    return not hit.exact, not hit.in_title, -len(hit.synonym), hit.synonym, hit.found
