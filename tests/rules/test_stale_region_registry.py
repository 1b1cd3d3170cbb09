"""stale-region-registry: a run dated after the region list's valid_until."""

from __future__ import annotations

import datetime as dt

from tests.rules.conftest import CATALOG, Found, Lint

REGIONS = CATALOG["regions.yaml"].replace(
    "valid_from: 2024-01-18\n", "valid_from: 2024-01-18\nvalid_until: 2026-12-31\n"
)


def test_a_run_after_the_list_expired_is_warned(lint: Lint) -> None:
    found = lint(
        "stale-region-registry", catalog={"regions.yaml": REGIONS}, today=dt.date(2027, 1, 1)
    )
    assert found == [Found("regions.yaml", 3, 14, "stale-region-registry")]
    assert found[0].diagnostic.message("en") == (
        "the region list is valid until 2026-12-31, before this run's date 2027-01-01: "
        "regions created or abolished since may be missing or wrong"
    )


def test_a_run_within_the_list_validity_is_not(lint: Lint) -> None:
    found = lint(
        "stale-region-registry", catalog={"regions.yaml": REGIONS}, today=dt.date(2026, 12, 31)
    )
    assert found == []
