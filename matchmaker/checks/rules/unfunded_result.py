"""A result recorded for a pair that its round's decision did not fund.

Results feed a project's and a region's track record; a result for a pair nobody funded
(a typo in the demand, the wrong round, a decision not yet recorded) would credit a
track record with work the programme never paid for. The decision is looked for among
the files checked with the result.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import decisions, results
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "unfunded-result",
    scope="catalog",
    severity=Severity.ERROR,
    en="result for {demand} with {project}: {detail}",
    ko="{demand}와(과) {project}의 결과: {detail}",
)
def unfunded_result(context: CheckContext) -> Iterator[Diagnostic]:
    funded: dict[int, set[tuple[str, str]]] = {}
    for _, decision in decisions(context):
        funded.setdefault(decision.round, set()).update(
            (pair.demand, pair.project) for pair in decision.pairs
        )
    for document, result in results(context):
        params = {"demand": result.demand, "project": result.project}
        if result.round not in funded:
            yield at(
                document,
                ("round",),
                "unfunded-result",
                params
                | {
                    "detail": f"no decision for round {result.round} is among the files checked",
                    "detail@ko": f"확인한 파일에 {result.round}년 회차의 결정이 없습니다",
                },
                "record-decision-first",
            )
        elif (result.demand, result.project) not in funded[result.round]:
            yield at(
                document,
                ("project",),
                "unfunded-result",
                params
                | {
                    "detail": f"round {result.round}'s decision did not fund this pair",
                    "detail@ko": f"{result.round}년 회차의 결정은 이 짝을 지원하지 않았습니다",
                },
                "record-decision-first",
            )
