"""Rounds: the decision a round made, the results of its pairs, and the history they add
up to. Records are written only by `record decision` and `new result`, never by a
ranking."""

from matchmaker.records.decision import (
    RecordedDecision,
    RecordError,
    changed_inputs,
    decision_from_allocation,
    render_decision,
)
from matchmaker.records.scaffold import result_template

__all__ = [
    "RecordError",
    "RecordedDecision",
    "changed_inputs",
    "decision_from_allocation",
    "render_decision",
    "result_template",
]
