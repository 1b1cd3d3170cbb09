"""Reading free text, mostly Korean, into features: once per document, never per pair.

- `normalise`: NFC, casefolded, punctuation as spaces; every reader starts here.
- `jamo`, `strip_particles`, `detach_particles` (Korean; the last for particles on
  English words in mixed text) and `stem`, `STOPWORDS` (English): the word tools.
- `Vocabulary.read`: the themes a text mentions, with the words that show it (`ThemeHit`),
  robust to spacing, attached particles and one-letter typos.
- `terms`: Korean syllable bigrams and English stems, for a TF-IDF vector.
"""

from matchmaker.text.english import STOPWORDS, stem
from matchmaker.text.hangul import jamo
from matchmaker.text.korean import detach_particles, strip_particles
from matchmaker.text.normalise import MAX_TEXT_CHARS, normalise
from matchmaker.text.terms import terms
from matchmaker.text.vocabulary import ThemeHit, Vocabulary

__all__ = [
    "MAX_TEXT_CHARS",
    "STOPWORDS",
    "ThemeHit",
    "Vocabulary",
    "detach_particles",
    "jamo",
    "normalise",
    "stem",
    "strip_particles",
    "terms",
]
