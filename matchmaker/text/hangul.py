"""The one Hangul toolkit: a syllable's parts, spelt two ways for two jobs.

A precomposed syllable (가–힣) is initial × medial × final by arithmetic. Two spellings
are built on that one decomposition:
- `jamo`: conjoining jamo (식 → ᄉ ᅵ ᆨ), keeping a syllable's first and last consonant
  apart, for typo tolerance in free text (one key off is one jamo off);
- `keyboard_jamo`: compatibility jamo as typed, compound vowels and final clusters split
  into their keys (완 → ㅇㅗㅏㄴ), so a half-typed name is a prefix of the full one, for
  searching region names;
and `choseong`, the initial consonants (완주군 → ㅇㅈㄱ), for 초성 search.
"""

from __future__ import annotations

from functools import cache

FIRST, LAST = 0xAC00, 0xD7A3  # 가, 힣
MEDIALS, FINALS = 21, 28  # finals include "no final consonant"

INITIAL_LETTERS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIAL_LETTERS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINAL_LETTERS = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"  # final index 1..27
# Compound vowels and final clusters are typed as two keys.
KEYSTROKES = {
    "ㅘ": "ㅗㅏ",
    "ㅙ": "ㅗㅐ",
    "ㅚ": "ㅗㅣ",
    "ㅝ": "ㅜㅓ",
    "ㅞ": "ㅜㅔ",
    "ㅟ": "ㅜㅣ",
    "ㅢ": "ㅡㅣ",
    "ㄳ": "ㄱㅅ",
    "ㄵ": "ㄴㅈ",
    "ㄶ": "ㄴㅎ",
    "ㄺ": "ㄹㄱ",
    "ㄻ": "ㄹㅁ",
    "ㄼ": "ㄹㅂ",
    "ㄽ": "ㄹㅅ",
    "ㄾ": "ㄹㅌ",
    "ㄿ": "ㄹㅍ",
    "ㅀ": "ㄹㅎ",
    "ㅄ": "ㅂㅅ",
}
_CONJOINING_INITIAL, _CONJOINING_MEDIAL = 0x1100, 0x1161
_CONJOINING_FINAL = 0x11A7  # one before ᆨ, so that final index 1 lands on ᆨ


def is_syllable(char: str) -> bool:
    return FIRST <= ord(char) <= LAST


def parts(char: str) -> tuple[int, int, int]:
    """(initial, medial, final) indexes of a precomposed syllable; final 0 means none."""
    initial, rest = divmod(ord(char) - FIRST, MEDIALS * FINALS)
    medial, final = divmod(rest, FINALS)
    return initial, medial, final


def has_final(char: str) -> bool:
    """Whether a syllable ends in a consonant (받침); False for anything that is not one."""
    return is_syllable(char) and parts(char)[2] != 0


@cache
def _conjoining() -> dict[int, str]:
    # One table, built on first use, lets str.translate spell a whole text in C.
    table = {}
    for code in range(FIRST, LAST + 1):
        initial, medial, final = parts(chr(code))
        letters = chr(_CONJOINING_INITIAL + initial) + chr(_CONJOINING_MEDIAL + medial)
        table[code] = letters + chr(_CONJOINING_FINAL + final) if final else letters
    return table


def jamo(text: str) -> str:
    """Hangul syllables spelt out as conjoining jamo (식 → ᄉ ᅵ ᆨ); other characters unchanged.

    Typos are one key off on a Korean keyboard, which is one jamo, not one syllable:
    공공급씩 and 공공급식 differ in one of twelve letters here, but in one of four syllables.
    """
    return text.translate(_conjoining())


def keyboard_jamo(text: str) -> str:
    """Hangul spelt as the keys typed: 완주군 → ㅇㅗㅏㄴㅈㅜㄱㅜㄴ. Other characters pass
    through (compound letters split), so mixed text (`완ㅈ`, `Wanju`) compares letter by
    letter."""
    letters: list[str] = []
    for char in text:
        if not is_syllable(char):
            letters.append(KEYSTROKES.get(char, char))
            continue
        initial, medial, final = parts(char)
        letters.append(INITIAL_LETTERS[initial])
        letters.append(KEYSTROKES.get(MEDIAL_LETTERS[medial], MEDIAL_LETTERS[medial]))
        if final:
            letter = FINAL_LETTERS[final - 1]
            letters.append(KEYSTROKES.get(letter, letter))
    return "".join(letters)


def choseong(text: str) -> str:
    """The initial consonant of each Hangul syllable: 완주군 → ㅇㅈㄱ. Other characters drop."""
    return "".join(INITIAL_LETTERS[parts(char)[0]] for char in text if is_syllable(char))
