"""prior-tie: a proposal's recorded tie to Seoul that cannot be true."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Found, Lint

PROPOSAL = """\
kind: proposal
id: 2026-wanju
region: 완주군
prior_ties:
  - partner: {partner}
    kind: public-meals-pair
    since: {since}
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""


@pytest.mark.parametrize(
    ("partner", "since", "where"),
    [
        ("가상구", 2017, (5, 14)),  # no such district
        ("완주군", 2017, (5, 14)),  # a real region, but not in Seoul
        ("강동구", 2030, (7, 12)),  # a tie that has not begun
    ],
)
def test_a_tie_that_cannot_be_true_is_an_error(
    lint: Lint, partner: str, since: int, where: tuple[int, int]
) -> None:
    found = lint("prior-tie", files={"p.yaml": PROPOSAL.format(partner=partner, since=since)})
    assert found == [Found("p.yaml", *where, "prior-tie")]


@pytest.mark.parametrize("partner", ["강동구", '"11740"', "서울특별시"])
def test_a_tie_with_seoul_or_one_of_its_gu_is_accepted(lint: Lint, partner: str) -> None:
    assert lint("prior-tie", files={"p.yaml": PROPOSAL.format(partner=partner, since=2017)}) == []
