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
from collections.abc import Iterator
from dataclasses import dataclass

# Words of a ruled-out phrase: Korean phrases are read back from the marker, English ones
# forward; both stop at punctuation and at these many words.
KOREAN_WORDS = 3
ENGLISH_WORDS = 6

# Dashes and arrows join clauses in hurried text ("폐교 활용 — campsite 말고").
_BOUNDARY = r"[.!?;:,()\[\]\n·/—–→]"
# What a region says it already does or has: "이미" alone also opens a plain fact ("청년들은
# 이미 떠났다"), which must stay a need.
_DOING = r"(?:하고\s*있|운영|참여|진행|해\s*봤|했|있어|있고|있음|있습|있는데|나가고|충분)"
_KO_WORD = r"[^\s.!?;:,()\[\]\n·/]+"
_EN_WORD = r"[A-Za-z][A-Za-z'’-]*"
_EN_STOP = r"(?:but|and\s+we|so|because|which|that|we)\b"


def _repeat(low: int, high: int, lazy: bool = False) -> str:
    return "{" + f"{low},{high}" + "}" + ("?" if lazy else "")


_EN_PHRASE = rf"(?:(?!{_EN_STOP}){_EN_WORD}\s*)"
# What marks a Korean phrase as set aside ("A가 아니라 B", "A 말고 B", …).
_KO_MARKER = (
    r"(?:이|가)?\s*아니(?:라|고|구|라서|어서)"  # A가 아니라 B
    r"|\s아님(?=[\s,.)\]]|$)"  # (MOU 아님): a note's "not A"
    r"|(?:이|가)\s*아닌(?=[\s,])"  # A가 아닌 B
    r"|보다는|보단"  # A보다는 B
    r"|\s말[고구]|말[고구]\s"  # A 말고 B (말구: as it is typed)
    rf"|(?:은|는)\s*이미\s(?=(?:\S+\s+){_repeat(0, 2, lazy=True)}\S*?{_DOING})"  # A는 이미 …
    r"|(?:은|는|이|가)?\s*필요\s*(?:없|하지\s*않)"  # A는 필요 없고
    r"|(?:은|는|을|를)?\s*(?:원하지|고려하지)\s*않"  # A는 원하지 않고, A는 고려하지 않고
    r"|(?:은|는)\s*(?:\S+\s+)?원하는\s*(?:게|것이|건|거)\s*아니"  # A는 우리가 원하는 게 아니다
    r"|\s대신(?:에)?\s"  # A 대신 B
    r"|(?:에|을|를|은|는)\s*(?:이미\s*|매년\s*|계속\s*)?(?:참여|운영|진행|참가)(?:하고|해)\s*"
    r"있(?:으나|지만|는데|어도|어서|어(?=\s*,))"  # A에 참여하고 있으나 / 있어, (B가 필요)
    r"|(?:은|는|을|를)?\s*제외(?:하고|한)"  # A는 제외하고
)
# Korean: the phrase ends right before the marker.
_KO_BEFORE = re.compile(
    rf"(?P<phrase>(?:{_KO_WORD}\s*){_repeat(1, KOREAN_WORDS, lazy=True)})\s*"
    rf"(?P<marker>{_KO_MARKER})"
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
# English "A, not B" (a title's "a farming school, not a campsite"): B is a short phrase
# that ends its clause.
_EN_COMMA_NOT = re.compile(
    rf"(?:,|—|–|-)\s*not\s+(?P<phrase>{_EN_PHRASE}{_repeat(1, 4)})(?=[.!?;:)\]\n]|$)",
    re.IGNORECASE,
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


# Cheap pre-checks, each a word every match of its pattern contains: a text without it
# cannot match, and is not searched. Most demands rule nothing out, and the patterns'
# backtracking cost ~1 ms a text (a fifth of a cold `rank`).
_KO_KEYWORDS = re.compile(
    "아니|아닌|아님|보다는|보단|말고|말구|이미|필요|원하지|고려하지|원하는|대신"
    "|있(?:으나|지만|는데|어도|어서|어(?=\\s*,))|제외"
)
_EN_KEYWORDS = re.compile(r"rather|instead|not|other|already|d(?:o|oes|id)\s*n[o']?t", re.I)
_NOT = re.compile("not", re.I)
_ALREADY = re.compile("already", re.I)
# A Korean marker, tried only at the positions near a keyword.
_KO_MARKER_AT = re.compile(_KO_MARKER)
# The most characters other than white space a marker has before its keyword ("에 이미
# 참여하고 있으나": the particle, 이미, 참여, 하고 before 있으나).
_MARKER_LEAD = 7
_NOT_IN_WORD = frozenset(".!?;:,()[]\n·/")  # besides white space: what _KO_WORD excludes


def _marker_positions(text: str) -> list[int]:
    """Every position where `_KO_MARKER` matches, in order. Each marker contains one of
    the keywords, with at most _MARKER_LEAD characters other than white space before it,
    so only those few positions before each keyword are tried."""
    found: set[int] = set()
    for keyword in _KO_KEYWORDS.finditer(text):
        anchor = keyword.start()
        position, lead = anchor, 0
        while position > 0:
            if not text[position - 1].isspace():
                if lead == _MARKER_LEAD:
                    break
                lead += 1
            position -= 1
        found.update(at for at in range(position, anchor + 1) if _KO_MARKER_AT.match(text, at))
    return sorted(found)


def _phrase_starts(text: str, marker: int) -> list[int]:
    """Where a `_KO_BEFORE` phrase ending at a marker at `marker` can start: any word
    character of the last KOREAN_WORDS runs of word characters before it, back to a
    clause boundary (the phrase is KOREAN_WORDS words or fewer, white space between)."""
    starts: list[int] = []
    runs = 0
    in_run = False
    position = marker
    while position > 0:
        char = text[position - 1]
        if char.isspace():  # what `\s` matches in a str pattern
            in_run = False
        elif char in _NOT_IN_WORD:
            break
        else:
            if not in_run:
                runs += 1
                in_run = True
                if runs > KOREAN_WORDS:
                    break
            starts.append(position - 1)
        position -= 1
    return starts


def _korean_before(text: str) -> Iterator[re.Match[str]]:
    """`_KO_BEFORE.finditer(text)`, the same matches found faster.

    Its phrase part tries every way of cutting the words before every position into up
    to three pieces, almost always for nothing. Here the markers are found first, and
    the whole pattern is tried only at the positions where a phrase ending at one could
    start (`_phrase_starts`), in order, skipping what a match already covered, as
    `finditer` does: the pattern looks only forward, so a match at a position does not
    depend on the text before it. tests/test_contrast_fast.py compares both ways."""
    starts: set[int] = set()
    for marker in _marker_positions(text):
        starts.update(_phrase_starts(text, marker))
    covered = 0
    for start in sorted(starts):
        if start < covered:
            continue
        found = _KO_BEFORE.match(text, start)
        if found is not None:
            yield found
            covered = found.end()


def _matches(text: str) -> Iterator[re.Match[str]]:
    """Every match of the five patterns, pattern by pattern, each in text order."""
    yield from _korean_before(text)
    if "이미" in text:
        yield from _KO_ALREADY.finditer(text)
    # Every English marker has an n or an r (and only n, N, r, R match those under
    # IGNORECASE): Korean texts skip the slower keyword search.
    if any(letter in text for letter in "nrNR") and _EN_KEYWORDS.search(text):
        yield from _EN_AFTER.finditer(text)
        if _NOT.search(text):
            yield from _EN_NOT_BUT.finditer(text)
            yield from _EN_COMMA_NOT.finditer(text)
        if _ALREADY.search(text):
            yield from _EN_ALREADY_AFTER.finditer(text)


def _phrase_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for found in _matches(text):
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
