"""English words reduced to a comparable stem, and the words too common to mean anything."""

from __future__ import annotations

from functools import lru_cache

STOPWORDS: frozenset[str] = frozenset(
    {
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "via",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "etc",
        "eg",
        "ie",
        "like",
        "want",
        "wants",
        "wanted",
        "need",
        "needs",
        "needed",
        "might",
        "must",
        "shall",
        "may",
    }
)

_VOWELS = frozenset("aeiouy")
# A doubled final consonant after -ing or -ed is undone (planning → plan), except where
# English keeps it in the base word too (selling → sell, passing → pass, buzzing → buzz).
_KEEP_DOUBLE = frozenset("lsz")
_MIN_STEM = 3
# Nouns in -ing whose meaning is not their verb's: housing is not houses, nor schooling
# schools, and a themes.yaml synonym written so should not match the plain noun.
_ING_NOUNS = frozenset({"housing", "schooling", "building", "meeting", "funding", "clothing"})


def _has_vowel(word: str) -> bool:
    return any(char in _VOWELS for char in word)


def _plural(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # cities → city
    if word.endswith("sses"):
        return word[:-2]  # classes → class
    if word.endswith(("ches", "shes", "xes", "zes", "ses")) and len(word) > 4:
        return word[:-2]  # churches → church, boxes → box, houses → hous(e) (see _final_e)
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]  # meals → meal; but class, campus, analysis stay
    return word


def _undouble(stem: str) -> str:
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS | _KEEP_DOUBLE:
        return stem[:-1]
    return stem


def _suffix(word: str) -> str:
    # No -ment: it would read `second` as `secondment` and `depart` as `department`.
    if word in _ING_NOUNS:
        return word
    for suffix, replacement in (("ation", "at"), ("ing", ""), ("ed", "")):
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if suffix == "ed" and stem.endswith("e"):
            return word  # need, seed, agreed: the e is the word's own
        if len(stem) >= _MIN_STEM and _has_vowel(stem):
            stem += replacement
            return _undouble(stem) if suffix in ("ing", "ed") else stem
        return word
    return word


def _final_e(word: str) -> str:
    # house/houses, exchange/exchanges, trade/trading all meet without the final e.
    if word.endswith("e") and not word.endswith("ee") and len(word) > 4:
        return word[:-1]
    return word


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A crude, predictable stem: meals → meal, farming → farm, cities → city.

    Deliberately simpler than Porter: the vocabulary is a few hundred phrases, and a stemmer
    a planner can predict beats one that conflates more (Porter reads `organic` as `organ`).
    """
    if len(word) <= _MIN_STEM or not word.isalpha():
        return word
    return _final_e(_suffix(_plural(word)))


# Real words one letter away from a vocabulary word, which typo tolerance would otherwise
# "correct" into it (concern → concert). Found by checking every word of a large English
# dictionary against the vocabulary; only words a demand could plausibly use are listed.
NOT_TYPOS: frozenset[str] = frozenset(
    {
        "adoptive",
        "banding",
        "braiding",
        "carver",
        "closer",
        "closet",
        "conceit",
        "concept",
        "concern",
        "consume",
        "consumed",
        "convert",
        "countrywide",
        "cremation",
        "forming",
        "former",
        "framer",
        "framing",
        "galley",
        "healthy",
        "hearth",
        "heading",
        "hearing",
        "heating",
        "heaving",
        "hiding",
        "intubation",
        "liking",
        "lining",
        "logging",
        "longing",
        "loving",
        "marching",
        "marked",
        "marker",
        "mowing",
        "paring",
        "police",
        "polity",
        "primate",
        "rectal",
        "retread",
        "revocation",
        "seared",
        "sensor",
        "shading",
        "shaving",
        "shearing",
        "shoring",
        "sifter",
        "sitter",
        "soaring",
        "sparing",
        "sprang",
        "springy",
        "sprint",
        "sprung",
        "string",
        "trailing",
        "specially",
        "leaning",
        "meddle",
        "muddle",
        "busyness",
        "carter",
        "canter",
    }
)
