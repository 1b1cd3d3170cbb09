"""expired-proposal: a proposal whose valid_until date has passed."""

from __future__ import annotations

import datetime as dt

from tests.rules.conftest import Found, Lint

PROPOSAL = """\
kind: proposal
id: 2026-wanju
region: 완주군
valid_until: 2026-06-30
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""


def test_a_date_that_has_passed(lint: Lint) -> None:
    found = lint("expired-proposal", files={"wanju.yaml": PROPOSAL}, today=dt.date(2026, 7, 1))
    assert found == [Found("wanju.yaml", 4, 14, "expired-proposal")]
    assert found[0].diagnostic.message("ko") == (
        "이 제안서는 2026-06-30까지 유효했습니다. "
        "순위와 배정에서 빠집니다(--include-expired로 포함)"
    )


def test_the_last_valid_day_passes(lint: Lint) -> None:
    assert (
        lint("expired-proposal", files={"wanju.yaml": PROPOSAL}, today=dt.date(2026, 6, 30)) == []
    )
