"""project-file-name: a project file whose name is not its id."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint

FARMS = """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
source:
  - url: "https://example.org/farms"
"""


def test_a_file_named_otherwise(lint: Lint) -> None:
    found = lint(
        "project-file-name",
        catalog={"projects/farms.yaml": None, "projects/seoul-farms.yaml": FARMS},
    )
    assert found == [Found("projects/seoul-farms.yaml", 2, 5, "project-file-name")]
    assert found[0].diagnostic.message("en") == (
        "project 'farms' is in a file named 'seoul-farms.yaml'; name the file 'farms.yaml'"
    )


def test_a_file_named_after_its_id_passes_whatever_its_yaml_suffix(lint: Lint) -> None:
    assert (
        lint(
            "project-file-name", catalog={"projects/farms.yaml": None, "projects/farms.yml": FARMS}
        )
        == []
    )
