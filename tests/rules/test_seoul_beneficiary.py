"""seoul-beneficiary: a proposal filed by Seoul or one of its gu."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Found, Lint

PROPOSAL = """\
kind: proposal
id: 2026-from
region: {region}
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""


@pytest.mark.parametrize("region", ["강동구", "11740", "서울특별시", "서울 중구"])
def test_seoul_and_its_gu_are_not_beneficiaries(lint: Lint, region: str) -> None:
    found = lint("seoul-beneficiary", files={"p.yaml": PROPOSAL.format(region=region)})
    assert found == [Found("p.yaml", 3, 9, "seoul-beneficiary")]


def test_a_region_outside_seoul_is_a_beneficiary(lint: Lint) -> None:
    assert lint("seoul-beneficiary", files={"p.yaml": PROPOSAL.format(region="완주군")}) == []
