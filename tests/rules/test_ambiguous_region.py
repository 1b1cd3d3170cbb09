"""ambiguous-region: a region name shared by several local governments."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint

PROPOSAL = """\
kind: proposal
id: 2026-jung
region: {region}
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""


def test_a_name_two_gu_share_lists_both_with_their_provinces(lint: Lint) -> None:
    found = lint("ambiguous-region", files={"jung.yaml": PROPOSAL.format(region="중구")})
    assert found == [Found("jung.yaml", 3, 9, "ambiguous-region")]
    finding = found[0].diagnostic
    assert "11140" in finding.message("ko") and "26110" in finding.message("ko")
    assert finding.hint == "qualify-region"


def test_a_name_qualified_by_its_province_passes(lint: Lint) -> None:
    assert (
        lint(
            "ambiguous-region",
            files={
                "busan.yaml": PROPOSAL.format(region="부산 중구"),
                "seoul.yaml": PROPOSAL.format(region='"Jung-gu, Seoul"'),
            },
        )
        == []
    )
