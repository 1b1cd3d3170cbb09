"""One canonical form for every text the matcher reads, so that equal words compare equal."""

from __future__ import annotations

import re
import unicodedata

# Readers of free text look at no more than this many characters of one document: enough
# for any honest demand or project description, and it keeps hostile input cheap.
MAX_TEXT_CHARS = 20_000

# Everything that is not a letter or a digit separates words: punctuation, symbols, the
# middle dots of `판매·직거래`, slashes, brackets, hyphens (`start-ups`) and underscores
# (which `\w` would otherwise keep).
_SEPARATORS = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """NFC, casefolded, with punctuation and symbols turned into single spaces.

    NFC first: text pasted from HWP or macOS often carries decomposed Hangul (ᄀ + ᅩ + ᆼ),
    which looks identical to 공 but would never match it. Casefolding leaves Hangul as is.
    """
    text = unicodedata.normalize("NFC", text).casefold()
    return _SEPARATORS.sub(" ", text).strip()
