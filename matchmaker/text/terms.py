"""The terms of a text for a TF-IDF vector: Korean syllable bigrams and English stems."""

from __future__ import annotations

import re

from matchmaker.text.english import STOPWORDS, stem
from matchmaker.text.korean import detach_particles, strip_particles
from matchmaker.text.normalise import MAX_TEXT_CHARS, normalise

KOREAN = "k:"
ENGLISH = "e:"
_SYLLABLES = re.compile("[가-힣]+")


def _is_latin_word(token: str) -> bool:
    # Latin letters (with accents), no digits: `café` yes, `2027` and `ㅋㅋ` no.
    return token.isalpha() and all(ord(char) < 0x250 for char in token)


def _emit_chain(chain: list[str], out: list[str]) -> None:
    joined = "".join(chain)
    chain.clear()
    if len(joined) == 1:
        out.append(KOREAN + joined)  # 쌀, 김, 배: one-syllable nouns still carry meaning
        return
    out.extend(KOREAN + joined[i : i + 2] for i in range(len(joined) - 1))


def terms(text: str) -> list[str]:
    """Terms in reading order, duplicates kept (term frequency counts).

    Korean: consecutive bare nouns are read as one run and cut into syllable bigrams, so a
    compound reads the same however it is spaced (청년일자리 and 청년 일자리 both give
    청년 년일 일자 자리). A particle or ending ends the run (일자리를 만들: no 리만), because
    Koreans separate words there reliably; the run is read without it (일자리를 → 일자리).
    English: the stems of words that are not stopwords.
    """
    out: list[str] = []
    chain: list[str] = []
    for token in detach_particles(normalise(text[:MAX_TEXT_CHARS])).split():
        syllables = _SYLLABLES.findall(token)
        hangul = syllables[0] if len(syllables) == 1 else "".join(syllables)
        if hangul:
            # Digits and Latin inside a Korean token (2027년, 1사1촌) are dropped, not
            # mistaken for syllables.
            noun = strip_particles(hangul)
            chain.append(noun)
            if noun != hangul:
                _emit_chain(chain, out)
            continue
        if chain:
            _emit_chain(chain, out)
        if _is_latin_word(token) and token not in STOPWORDS:
            word = stem(token)
            if len(word) > 1:
                out.append(ENGLISH + word)
    if chain:
        _emit_chain(chain, out)
    return out
