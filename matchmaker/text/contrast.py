"""Find what a demand rules out, so that it does not count toward a project's fit.

Regions often name a topic only to set it aside: "급식 납품이 아니라 상설 매장", "축제보다는
연중 판매", "캠핑장은 이미 운영 중이고", "not about exhibitions", "rather than a festival",
"we already run farm stays". Read naively, the ruled-out topic is a strong match; here its
words are cut out of the text before themes and wording are read, and kept so the reasons
can say what was set aside.

The rules are deliberately narrow (a few markers, at most a few words before or after them,
never across a sentence or clause boundary): a missed contrast costs a little ranking
quality, but a wrongly removed need would silently change what the region asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words of a ruled-out phrase: Korean phrases are read back from the marker, English ones
# forward; both stop at punctuation and at these many words.
KOREAN_WORDS = 3
ENGLISH_WORDS = 6

_BOUNDARY = r"[.!?;:,()\[\]\n·/]"
# What a region says it already does or has: "이미" alone also opens a plain fact ("청년들은
# 이미 떠났다"), which must stay a need.
_DOING = r"(?:하고\s*있|운영|참여|진행|해\s*봤|했|있어|있고|있음|있습|있는데|나가고)"
_KO_WORD = r"[^\s.!?;:,()\[\]\n·/]+"
_EN_WORD = r"[A-Za-z][A-Za-z'’-]*"
_EN_STOP = r"(?:but|and\s+we|so|because|which|that|we)\b"


def _repeat(low: int, high: int, lazy: bool = False) -> str:
    return "{" + f"{low},{high}" + "}" + ("?" if lazy else "")


_EN_PHRASE = rf"(?:(?!{_EN_STOP}){_EN_WORD}\s*)"
# Korean: the phrase ends right before the marker.
_KO_BEFORE = re.compile(
    rf"(?P<phrase>(?:{_KO_WORD}\s*){_repeat(1, KOREAN_WORDS, lazy=True)})\s*"
    r"(?P<marker>"
    r"(?:이|가)?\s*아니(?:라|고|구|라서|어서)"  # A가 아니라 B
    r"|(?:이|가)\s*아닌(?=[\s,])"  # A가 아닌 B
    r"|보다는|보단"  # A보다는 B
    r"|\s말고|말고\s"  # A 말고 B
    rf"|(?:은|는)\s*이미\s(?=(?:\S+\s+){_repeat(0, 2, lazy=True)}\S*?{_DOING})"  # A는 이미 …
    r"|(?:은|는|이|가)?\s*필요\s*(?:없|하지\s*않)"  # A는 필요 없고
    r"|(?:은|는|을|를)?\s*원하지\s*않"  # A는 원하지 않고
    r"|\s대신(?:에)?\s"  # A 대신 B
    r"|(?:에|을|를|은|는)\s*(?:이미\s*|매년\s*|계속\s*)?(?:참여|운영|진행|참가)(?:하고|해)\s*"
    r"있(?:으나|지만|는데|어도)"  # A에 참여하고 있으나 (B가 필요)
    r"|(?:은|는|을|를)?\s*제외(?:하고|한)"  # A는 제외하고
    r")"
)
# Korean: "이미 A를 하고 있다" — the phrase stands between 이미 and the verb.
_KO_ALREADY = re.compile(
    rf"이미\s+(?P<phrase>(?:{_KO_WORD}\s+){_repeat(0, KOREAN_WORDS - 1, lazy=True)}"
    rf"{_KO_WORD}?)"
    r"(?:을|를|은|는|도)?\s*"
    r"(?:하고\s*있|운영\s*(?:중|하고)|참여\s*(?:중|하고|했)|진행\s*(?:중|하고)|해\s*봤|했)"
)
# English: the phrase follows the marker.
_EN_AFTER = re.compile(
    r"\b(?P<marker>rather\s+than|instead\s+of|not\s+(?:about|for|looking\s+for|asking\s+for|"
    r"interested\s+in)|(?:do|does|did)\s*n[o']?t\s+(?:need|want)|other\s+than|"
    r"(?:we|they|i)\s+already\s+(?:have|run|hold|do|operate|got|host|joined|take\s+part\s+in)"
    r"|(?:is|are)\s+not\s+(?:what|the\s+point))\s+"
    rf"(?P<phrase>{_EN_PHRASE}{_repeat(1, ENGLISH_WORDS)})",
    re.IGNORECASE,
)
# English: "not A but B" and "A, not B" are the same contrast: "not exhibitions but …".
_EN_NOT_BUT = re.compile(
    rf"\bnot\s+(?P<phrase>{_EN_PHRASE}{_repeat(1, ENGLISH_WORDS)})(?=,?\s*but\b)", re.IGNORECASE
)
_EN_ALREADY_AFTER = re.compile(
    r"\b(?:we|they|i)\s+(?:have|run|hold|do|operate|host)\s+"
    rf"(?P<phrase>{_EN_PHRASE}{_repeat(1, ENGLISH_WORDS - 2, lazy=True)})\s+already\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Reading:
    """A text with what it rules out blanked, and the ruled-out phrases as written."""

    kept: str
    ruled_out: tuple[str, ...]


def _phrase_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern in (_KO_BEFORE, _KO_ALREADY, _EN_AFTER, _EN_NOT_BUT, _EN_ALREADY_AFTER):
        for found in pattern.finditer(text):
            start, end = found.span("phrase")
            # Never across a clause boundary: keep only what follows the last one.
            piece = text[start:end]
            cut = max((m.end() for m in re.finditer(_BOUNDARY, piece)), default=0)
            start += cut
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def rule_out(text: str) -> Reading:
    """The text with ruled-out phrases replaced by spaces (so positions and the words
    around them stay as they were), and those phrases in reading order."""
    spans = _phrase_spans(text)
    if not spans:
        return Reading(text, ())
    kept = list(text)
    for start, end in spans:
        kept[start:end] = " " * (end - start)
    return Reading("".join(kept), tuple(text[start:end] for start, end in spans))
