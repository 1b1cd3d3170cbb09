"""duplicate-catalog-id: two project files with one id, or an id twice in a reference list."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint

MEALS_AGAIN = """\
kind: project
id: meals
name: {ko: 공공급식 (사본)}
policy_area: safe-food
description: {ko: 같은 사업을 다른 파일에 다시 적었다.}
source:
  - url: "https://example.org/meals"
"""


def test_two_project_files_with_one_id(lint: Lint) -> None:
    # Files are read in name order: meals.yaml first, so the copy is the one reported.
    found = lint("duplicate-catalog-id", catalog={"projects/public-meals.yaml": MEALS_AGAIN})
    assert found == [Found("projects/public-meals.yaml", 2, 5, "duplicate-catalog-id")]
    assert found[0].diagnostic.params["other"].endswith("meals.yaml")


def test_a_theme_id_twice_is_reported_as_duplicate_id_with_the_first_line(lint: Lint) -> None:
    found = lint(
        "duplicate-catalog-id",
        catalog={
            "themes.yaml": """\
kind: themes
themes:
  - id: public-meals
    label: {ko: 공공급식}
  - id: public-meals
    label: {ko: 학교급식}
"""
        },
    )
    assert found == [Found("themes.yaml", 5, 5, "duplicate-id")]
    assert found[0].diagnostic.params["first_line"] == "3"


def test_a_region_code_twice(lint: Lint) -> None:
    found = lint(
        "duplicate-catalog-id",
        catalog={
            "regions.yaml": """\
kind: regions
valid_from: 2024-01-18
source:
  - title: 행정안전부 법정동코드
provinces:
  - {code: "11", name: {ko: 서울특별시}, type: special-city}
municipalities:
  - {code: "11740", province: "11", name: {ko: 강동구}, kind: gu}
  - {code: "11740", province: "11", name: {ko: 강동구청}, kind: gu}
""",
            "ties.yaml": "kind: ties\nties: []\n",
        },
    )
    assert found == [Found("regions.yaml", 9, 12, "duplicate-id")]


def test_distinct_ids_pass(lint: Lint) -> None:
    assert lint("duplicate-catalog-id") == []


def test_an_indicator_id_twice(lint: Lint) -> None:
    from tests.rules.records_snippets import INDICATORS

    entry = INDICATORS.split("indicators:\n", 1)[1]
    found = lint("duplicate-catalog-id", catalog={"indicators.yaml": INDICATORS + entry})
    assert found == [Found("indicators.yaml", 10, 5, "duplicate-id")]
    assert found[0].diagnostic.params["first_line"] == "3"
