""" "Did you mean …?" for misspelt keys, enum values and ids."""

from __future__ import annotations

from collections.abc import Iterable

# Hostile input can be megabytes long; a typo is never longer than this.
MAX_QUERY_CHARS = 64


def did_you_mean(value: str, choices: Iterable[str], cutoff: float = 60.0) -> str | None:
    """The closest allowed name to `value`, or None when nothing is close enough."""
    # imported here: every run loads this module, few need a suggestion (~60 ms)
    from rapidfuzz import fuzz, process, utils

    query = value[:MAX_QUERY_CHARS]
    options = sorted(set(choices))
    if not options or not query.strip():
        return None
    best = process.extractOne(
        query, options, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=cutoff
    )
    return None if best is None else str(best[0])
