"""tie-reference: a tie whose Seoul side is not Seoul, or whose region or project is unknown."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_each_broken_part_of_a_tie_is_reported_where_it_is_written(lint: Lint) -> None:
    found = lint(
        "tie-reference",
        catalog={
            "ties.yaml": """\
kind: ties
ties:
  - id: busan-wanju
    kind: sister-district
    seoul_party: "26110"
    region: "52999"
    project: meels
    source:
      - title: 보도자료
"""
        },
    )
    assert found == [
        Found("ties.yaml", 5, 18, "tie-reference"),
        Found("ties.yaml", 6, 13, "tie-reference"),
        Found("ties.yaml", 7, 14, "tie-reference"),
    ]
    assert [f.diagnostic.message("en") for f in found] == [
        "tie 'busan-wanju': '26110' is not Seoul or one of its gu",
        "tie 'busan-wanju': no region has the code '52999'",
        "tie 'busan-wanju': no project 'meels'",
    ]


def test_seoul_itself_a_province_and_no_project_pass(lint: Lint) -> None:
    assert (
        lint(
            "tie-reference",
            catalog={
                "ties.yaml": """\
kind: ties
ties:
  - id: seoul-jeonbuk
    kind: friendship-agreement
    seoul_party: "11"
    region: "52"
    source:
      - title: 우호교류협약
"""
            },
        )
        == []
    )
