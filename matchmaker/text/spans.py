"""What the readers share: a vocabulary word, where it was found, and which finds count."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    """One label or synonym of a theme, prepared for reading."""

    theme: str
    written: str  # as in themes.yaml
    key: str  # Korean: normalised, spaces removed; English: stems joined by one space


@dataclass(frozen=True, slots=True)
class Span:
    """Where a word was found: [start, end) in the reader's units, and the text there."""

    start: int
    end: int
    found: str

    def within(self, other: Span) -> bool:
        return other.start <= self.start and self.end <= other.end


@dataclass(frozen=True, slots=True)
class Match:
    word: Word
    span: Span
    exact: bool


def outermost(spans: dict[Word, list[Span]]) -> dict[Word, list[Span]]:
    """Drop the finds that lie inside a longer find of the same theme, then the words left
    with none: 학교급식 is one mention of public meals, not two (학교급식 and 급식)."""
    kept: dict[Word, list[Span]] = {}
    for word, word_spans in spans.items():
        longer = [
            span
            for other, other_spans in spans.items()
            if other.theme == word.theme and len(other.key) > len(word.key)
            for span in other_spans
        ]
        outer = [span for span in word_spans if not any(span.within(other) for other in longer)]
        if outer:
            kept[word] = outer
    return kept
