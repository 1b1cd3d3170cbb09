"""Two proposal files with the same id, so `PROPOSAL/DEMAND` would be ambiguous.

A demand is named by its proposal's id and its own: in `explain PROPOSAL/DEMAND`, in
`allocate --lock` and `--forbid`, and in every saved output. Two proposals with one id
make those names point at two demands. The later file is reported, naming the earlier.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Proposal


@rule(
    "duplicate-proposal-id",
    scope="documents",
    severity=Severity.ERROR,
    en="proposal id '{value}' is also used by {other}",
    ko="제안서 id '{value}'을(를) {other}에서도 씁니다",
)
def duplicate_proposal_id(context: CheckContext) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    for document in context.of_kind("proposal"):
        assert isinstance(document.model, Proposal)
        proposal_id = document.model.id
        if proposal_id in seen:
            yield at(
                document,
                ("id",),
                "duplicate-proposal-id",
                {"value": proposal_id, "other": seen[proposal_id]},
                "rename-id",
            )
        else:
            seen[proposal_id] = document.file
