"""Name a cluster from its most characteristic words, in Korean and in English.

The words are the scoring's own terms (Korean syllable bigrams, English stems), weighed
by how many of the cluster's demands use them against how many unmet demands do overall
(a class-based TF-IDF). A bigram or stem is shown as the word a region actually wrote
most often around it (돌봄 → 노인돌봄, elder → elderly), so the label reads as words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from matchmaker.text.english import STOPWORDS, stem
from matchmaker.text.korean import strip_particles
from matchmaker.text.normalise import normalise
from matchmaker.text.terms import ENGLISH, KOREAN

WORDS_PER_LANGUAGE = 3
_SYLLABLES = re.compile("[가-힣]+")


@dataclass(frozen=True, slots=True)
class Label:
    ko: str
    en: str
    words_ko: tuple[str, ...]
    words_en: tuple[str, ...]


def surface_words(text: str) -> tuple[list[str], list[str]]:
    """The words of a text as written: Korean without its particles, English lowercased."""
    korean: list[str] = []
    english: list[str] = []
    for token in normalise(text).split():
        hangul = "".join(_SYLLABLES.findall(token))
        if hangul:
            korean.append(strip_particles(hangul))
        elif token.isalpha() and token not in STOPWORDS:
            english.append(token)
    return korean, english


def characteristic_terms(
    cluster_terms: Sequence[Sequence[str]],
    title_terms: Sequence[Sequence[str]],
    document_frequency: Counter[str],
    documents: int,
) -> list[str]:
    """The cluster's terms, most characteristic first: shared by many of its demands and
    rare among the other unmet demands. A term in a demand's title counts double: titles
    name the need in a few nouns, where the description also carries verbs and courtesy
    (좋겠습니다). Where the cluster has several demands, only terms two of them share
    count (one demand's odd word does not name a group)."""
    inside: Counter[str] = Counter()
    for terms in cluster_terms:
        inside.update(set(terms))
    in_titles: Counter[str] = Counter()
    for terms in title_terms:
        in_titles.update(set(terms))
    size = len(cluster_terms)
    least = 2 if size > 1 else 1
    scored = [
        (
            -round(
                ((count + in_titles[t]) / size)
                * math.log((1 + documents) / (1 + document_frequency[t])),
                9,
            ),
            t,
        )
        for t, count in inside.items()
        if count >= least
    ]
    return [t for _, t in sorted(scored)]


def _shown(term: str, texts: Sequence[str]) -> str | None:
    """The word written most often that carries the term (ties: the shorter, then
    alphabetical)."""
    counts: Counter[str] = Counter()
    for text in texts:
        korean, english = surface_words(text)
        if term.startswith(KOREAN):
            counts.update(word for word in korean if term[len(KOREAN) :] in word)
        else:
            counts.update(word for word in english if stem(word) == term[len(ENGLISH) :])
    if not counts:
        return None
    return min(counts, key=lambda word: (-counts[word], len(word), word))


def label(
    ranked_terms: Sequence[str], texts: Sequence[str], theme_ko: str | None, theme_en: str | None
) -> Label:
    """`돌봄·복지 서비스: 노인돌봄, 요양보호사` and `Care and welfare services: elderly, care`.
    A language with no words of its own in the cluster shows the theme alone, or, for a
    cluster with no theme, the other language's words."""
    words: dict[str, list[str]] = {KOREAN: [], ENGLISH: []}
    for term in ranked_terms:
        prefix = KOREAN if term.startswith(KOREAN) else ENGLISH
        if len(words[prefix]) >= WORDS_PER_LANGUAGE:
            continue
        word = _shown(term, texts)
        # A word already shown, or one inside a word shown (돌봄 in 노인돌봄), adds nothing.
        if word and not any(word in shown or shown in word for shown in words[prefix]):
            words[prefix].append(word)
    ko_words, en_words = tuple(words[KOREAN]), tuple(words[ENGLISH])
    return Label(
        ko=_join(theme_ko or "기타", ko_words or (() if theme_ko else en_words)),
        en=_join(theme_en or "Other needs", en_words or (() if theme_en else ko_words)),
        words_ko=ko_words,
        words_en=en_words,
    )


def _join(theme: str, words: Sequence[str]) -> str:
    return f"{theme}: {', '.join(words)}" if words else theme
