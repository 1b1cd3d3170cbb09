"""implausible-years: a start in the past or far ahead, or a target before the start."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_a_past_start_an_early_target_and_a_far_start(lint: Lint) -> None:
    # The check runs on 2026-11-28: 2026 is this year, and 2036 the last plausible start.
    found = lint(
        "implausible-years",
        files={
            "wanju.yaml": """\
kind: proposal
id: 2026-wanju
region: 완주군
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
    start: 2019
    outcomes: [{indicator: 시설 수, by: 2018}]
  - id: stays
    title: 농촌 체험 마을
    description: 도시민이 머물 수 있는 마을을 만든다.
    start: 2037
"""
        },
    )
    assert found == [
        Found("wanju.yaml", 8, 12, "implausible-years"),
        Found("wanju.yaml", 9, 38, "implausible-years"),
        Found("wanju.yaml", 13, 12, "implausible-years"),
    ]
    assert [f.diagnostic.message("en") for f in found] == [
        "the demand starts in 2019, which has passed",
        "the target year 2018 is before the start (2019)",
        "the demand starts in 2037, more than 10 years ahead",
    ]


def test_this_year_ten_years_ahead_and_a_later_target_pass(lint: Lint) -> None:
    assert (
        lint(
            "implausible-years",
            files={
                "wanju.yaml": """\
kind: proposal
id: 2026-wanju
region: 완주군
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
    start: 2026-12-01
    outcomes: [{indicator: 시설 수, by: 2026}]
  - id: stays
    title: 농촌 체험 마을
    description: 도시민이 머물 수 있는 마을을 만든다.
    start: 2036
"""
            },
        )
        == []
    )
