"""Re-running a round with a recorded decision's pairs fixed (`allocate --keep`).

The pairs of the decision whose demand is in this run become locks; the rest of the
portfolio is re-optimised around them. A pair that cannot be kept (its demand or project
is not in this run) is listed with the reason, never dropped silently, and the report
says what changed against the decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matchmaker.allocation.report import AllocationResult
from matchmaker.models.records import Decision


@dataclass(slots=True)
class KeptDecision:
    file: str
    round: int
    kept: list[tuple[str, str]] = field(default_factory=list)
    not_kept: list[tuple[str, str, str]] = field(default_factory=list)  # demand, project, why

    def report(self, result: AllocationResult) -> dict[str, object]:
        """The JSON section: what was kept, what could not be, and what the re-run added
        or left out relative to the decision."""
        decided = set(self.kept) | {(d, p) for d, p, _ in self.not_kept}
        now = {(a.demand_key, a.project) for a in result.assignments}
        return {
            "file": self.file,
            "round": self.round,
            "kept": [{"demand": d, "project": p} for d, p in sorted(self.kept)],
            "not_kept": [
                {"demand": d, "project": p, "reason": why} for d, p, why in sorted(self.not_kept)
            ],
            "added": [{"demand": d, "project": p} for d, p in sorted(now - decided)],
        }


def keep_decision(
    decision: Decision, file: str, demand_keys: set[str], project_ids: set[str]
) -> KeptDecision:
    kept = KeptDecision(file, decision.round)
    for pair in decision.pairs:
        if pair.demand not in demand_keys:
            kept.not_kept.append((pair.demand, pair.project, "the demand is not in this run"))
        elif pair.project not in project_ids:
            kept.not_kept.append((pair.demand, pair.project, "the project is not in the catalog"))
        else:
            kept.kept.append((pair.demand, pair.project))
    return kept
