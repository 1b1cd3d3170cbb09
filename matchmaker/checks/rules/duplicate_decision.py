"""A round decided twice (two decision files for one round), or a demand funded twice in
one decision.

History counts each round's funded pairs once: a second decision for the same round
(a copy left beside the original, or a re-run recorded elsewhere) would double what
each region received and credit its results twice; a demand listed twice in one
decision breaks one project per demand. The second is reported, naming the first.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import decisions
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "duplicate-decision",
    scope="documents",
    severity=Severity.ERROR,
    en="{what} is recorded twice (also at {other})",
    ko="{what}이(가) 두 번 기록되었습니다(다른 곳: {other})",
)
def duplicate_decision(context: CheckContext) -> Iterator[Diagnostic]:
    rounds: dict[int, str] = {}
    for document, decision in decisions(context):
        place = f"{document.file}:{at(document, ('round',), 'duplicate-decision').line}"
        if decision.round in rounds:
            yield at(
                document,
                ("round",),
                "duplicate-decision",
                {
                    "what": f"the decision of round {decision.round}",
                    "what@ko": f"{decision.round}년 회차의 결정",
                    "other": rounds[decision.round],
                },
            )
        else:
            rounds[decision.round] = place
        demands: dict[str, int] = {}
        for i, pair in enumerate(decision.pairs):
            line = at(document, ("pairs", i, "demand"), "duplicate-decision").line
            if pair.demand in demands:
                yield at(
                    document,
                    ("pairs", i, "demand"),
                    "duplicate-decision",
                    {
                        "what": f"the funding of {pair.demand}",
                        "what@ko": f"{pair.demand}의 지원",
                        "other": f"{document.file}:{demands[pair.demand]}",
                    },
                )
            else:
                demands[pair.demand] = line
