"""implausible-dates: submitted in the future, valid before submitted, an outcome past."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint

PROPOSAL = """\
kind: proposal
id: 2026-wanju
region: 완주군
submitted: {submitted}
valid_until: {valid_until}
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
    outcomes:
      - {{indicator: 공급액, target: "1", by: {by}}}
"""


def test_each_impossible_date_is_found_where_it_is_written(lint: Lint) -> None:
    text = PROPOSAL.format(submitted="2027-01-05", valid_until="2026-12-31", by=1900)
    found = lint("implausible-dates", files={"p.yaml": text})
    assert found == [
        Found("p.yaml", 4, 12, "implausible-dates"),  # submitted after --today (2026-11-28)
        Found("p.yaml", 5, 14, "implausible-dates"),  # valid until before it was submitted
        Found("p.yaml", 11, 43, "implausible-dates"),  # an outcome due in 1900
    ]


def test_dates_in_order_pass(lint: Lint) -> None:
    text = PROPOSAL.format(submitted="2026-07-01", valid_until="2028-12-31", by=2029)
    assert lint("implausible-dates", files={"p.yaml": text}) == []
