"""The decision an allocation records: assignments become funded pairs, and the demands
that had a project they could have had (capacity, budget, fairness) the reserve."""

from __future__ import annotations

import pytest

from matchmaker.records import RecordError, decision_from_allocation

SHA = "ab" * 32


def _unassigned(demand: str, code: str, project: str | None, score: float | None) -> dict:
    entry: dict = {"proposal": "2026-x", "demand": demand, "reason": "…", "code": code}
    if project is not None:
        entry |= {"best_project": project, "best_score": score}
    return entry


ALLOCATION = {
    "version": 1,
    "inputs": {"proposals/2026-x.yaml": SHA},
    "assignments": [
        {"proposal": "2026-x", "demand": "b", "project": "meals", "score": 40.0, "cost": None},
        {"proposal": "2026-x", "demand": "a", "project": "farms", "score": 35.5, "cost": 9},
    ],
    "unassigned": [
        _unassigned("c", "capacity", "meals", 30.0),
        _unassigned("d", "no-suitable-project", None, None),
        _unassigned("e", "budget", "farms", 33.25),
        _unassigned("f", "forbidden", None, None),
    ],
}


def test_pairs_are_sorted_with_amount_only_where_the_cost_is_known() -> None:
    recorded = decision_from_allocation(ALLOCATION, 2026)
    decision = recorded.decision
    assert [(p.demand, p.project, p.amount, p.score) for p in decision.pairs] == [
        ("2026-x/a", "farms", 9, 35.5),
        ("2026-x/b", "meals", None, 40.0),
    ]
    [line_b] = [line for line in recorded.text.splitlines() if '"2026-x/b"' in line]
    assert "amount" not in line_b


def test_the_reserve_is_the_blocked_demands_best_first() -> None:
    reserve = decision_from_allocation(ALLOCATION, 2026).decision.reserve
    assert [(r.demand, r.project, r.score) for r in reserve] == [
        ("2026-x/e", "farms", 33.25),
        ("2026-x/c", "meals", 30.0),
    ]


def test_the_same_allocation_gives_the_same_bytes() -> None:
    assert (
        decision_from_allocation(ALLOCATION, 2026).text
        == decision_from_allocation(dict(reversed(list(ALLOCATION.items()))), 2026).text
    )


@pytest.mark.parametrize(
    "allocation",
    [
        [],
        {"version": 2, "assignments": []},
        {"version": 1, "matches": []},
        {"version": 1, "assignments": [], "inputs": {}},
        {"version": 1, "assignments": ["x"], "inputs": {"a": SHA}},
        {"version": 1, "assignments": [{"proposal": "p"}], "inputs": {"a": SHA}},
        {"version": 1, "assignments": [], "inputs": {"a": "not-a-hash"}},
        {
            "version": 1,
            "inputs": {"a": SHA},
            "assignments": [{"proposal": "P Q", "demand": "d", "project": "x"}],
        },
    ],
)
def test_what_is_not_an_allocation_is_refused_in_both_languages(allocation: object) -> None:
    with pytest.raises(RecordError) as raised:
        decision_from_allocation(allocation, 2026)
    assert raised.value.en and raised.value.ko
