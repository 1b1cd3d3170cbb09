"""abolished-region: a region that does not exist on the run's date."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.rules.conftest import CATALOG, Found, Lint

# Incheon as catalog/regions.yaml records it: 중구 ends on 2026-06-30, 제물포구 and 영종구
# begin the next day.
INCHEON = """\
  - code: "28110"
    province: "28"
    name: {ko: 중구, en: Jung-gu}
    kind: gu
    valid_until: 2026-06-30
    successors: ["28125", "28155"]
  - {code: "28125", province: "28", name: {ko: 제물포구}, kind: gu, valid_from: 2026-07-01}
  - {code: "28155", province: "28", name: {ko: 영종구}, kind: gu, valid_from: 2026-07-01}
"""
PROVINCE = """\
  - {code: "28", name: {ko: 인천광역시, en: Incheon}, type: metropolitan-city, aliases: [인천]}
"""
REGIONS = (CATALOG["regions.yaml"] + INCHEON).replace("provinces:\n", "provinces:\n" + PROVINCE)

PROPOSAL = """\
kind: proposal
id: 2026-incheon
region: {region}
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 섬 지역 학교 급식에 쓸 식재료를 함께 사고 싶다.
"""


def _lint(lint: Lint, region: str, today: dt.date) -> list[Found]:
    return lint(
        "abolished-region",
        catalog={"regions.yaml": REGIONS},
        files={"p.yaml": PROPOSAL.format(region=region)},
        today=today,
    )


@pytest.mark.parametrize("region", ["인천 중구", "28110"])
def test_an_abolished_gu_is_named_with_what_replaced_it(lint: Lint, region: str) -> None:
    found = _lint(lint, region, dt.date(2026, 12, 1))
    assert found == [Found("p.yaml", 3, 9, "abolished-region")]
    diagnostic = found[0].diagnostic
    assert diagnostic.message("ko") == (
        "중구(인천광역시)은(는) 2026-06-30까지만 있었으므로 2026-12-01에는 없는 지자체입니다"
    )
    assert diagnostic.hint_text("en") == (
        "write the region that replaced it: 제물포구 (28125), 영종구 (28155)"
    )


def test_the_abolished_gu_is_fine_before_the_change(lint: Lint) -> None:
    assert _lint(lint, "인천 중구", dt.date(2026, 6, 30)) == []


def test_a_new_gu_named_before_it_exists(lint: Lint) -> None:
    found = _lint(lint, "영종구", dt.date(2026, 6, 1))
    assert found == [Found("p.yaml", 3, 9, "abolished-region")]
    assert found[0].diagnostic.message("en") == (
        "영종구 (인천광역시) exists only from 2026-07-01, so it does not exist on 2026-06-01"
    )


@pytest.mark.parametrize("region", ["영종구", "28155", "인천 제물포구"])
def test_a_new_gu_resolves_after_the_change(lint: Lint, region: str) -> None:
    assert _lint(lint, region, dt.date(2026, 12, 1)) == []
