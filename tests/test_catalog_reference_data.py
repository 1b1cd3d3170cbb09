"""The bundled reference data (catalog/regions.yaml, ties.yaml, policy-areas.yaml) agrees
with the research notes' CSVs in tests/reference/.

These tests read the YAML with plain yaml.safe_load on purpose, so they specify the data
itself, independent of the project's loader.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "catalog"
REFERENCE = ROOT / "tests" / "reference"


def load_yaml(name: str) -> dict[str, Any]:
    with (CATALOG / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def regions() -> dict[str, Any]:
    return load_yaml("regions.yaml")


@pytest.fixture(scope="module")
def ties() -> list[dict[str, Any]]:
    return load_yaml("ties.yaml")["ties"]


@pytest.fixture(scope="module")
def municipality_rows() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in load_csv("municipalities.csv")}


def all_region_codes(regions: dict[str, Any]) -> set[str]:
    return {p["code"] for p in regions["provinces"]} | {
        m["code"] for m in regions["municipalities"]
    }


# --- every catalog file written from the research notes --------------------------------

REFERENCE_FILES = ["regions.yaml", "ties.yaml", "policy-areas.yaml"]


@pytest.mark.parametrize("name", REFERENCE_FILES)
def test_file_starts_with_kind(name: str) -> None:
    lines = (CATALOG / name).read_text(encoding="utf-8").splitlines()
    content = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert content[0] == f"kind: {name.removesuffix('.yaml')}"


@pytest.mark.parametrize("name", REFERENCE_FILES)
def test_file_is_utf8_nfc_without_bom(name: str) -> None:
    raw = (CATALOG / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert unicodedata.is_normalized("NFC", raw.decode("utf-8"))


# --- regions.yaml -----------------------------------------------------------------------


def test_there_are_17_provinces_matching_the_csv(regions: dict[str, Any]) -> None:
    rows = {row["code"]: row for row in load_csv("provinces.csv")}
    provinces = {p["code"]: p for p in regions["provinces"]}
    assert len(regions["provinces"]) == 17
    assert set(provinces) == set(rows)
    for code, row in rows.items():
        assert provinces[code]["name"] == {"ko": row["name_ko"], "en": row["name_en"]}
        assert provinces[code].get("former_code") == (row["former_code"] or None)


@pytest.fixture(scope="module")
def changes() -> list[dict[str, str]]:
    return load_csv("region-changes.csv")


def in_force(regions: dict[str, Any], day: str) -> list[dict[str, Any]]:
    return [
        m
        for m in regions["municipalities"]
        if str(m.get("valid_from", "0000")) <= day <= str(m.get("valid_until", "9999"))
    ]


def test_the_226_of_the_notes_plus_the_regions_created_since(
    regions: dict[str, Any], municipality_rows, changes
) -> None:
    created = {row["code"] for row in changes if row["change"] == "created"}
    assert {m["code"] for m in regions["municipalities"]} == set(municipality_rows) | created
    assert len(in_force(regions, "2026-06-30")) == 226
    # Incheon, 2026-07-01: 중구, 동구, 서구 end; 제물포구, 영종구, 서해구, 검단구 begin.
    assert len(in_force(regions, "2026-07-01")) == 227


def test_kind_counts_are_75_si_82_gun_and_69_then_70_gu(regions: dict[str, Any]) -> None:
    before = Counter(m["kind"] for m in in_force(regions, "2026-06-30"))
    assert before == {"si": 75, "gun": 82, "gu": 69}
    after = Counter(m["kind"] for m in in_force(regions, "2026-07-01"))
    assert after == {"si": 75, "gun": 82, "gu": 70}


def test_changes_are_applied_with_dates_successors_and_inferred_codes(
    regions: dict[str, Any], changes
) -> None:
    by_code = {m["code"]: m for m in regions["municipalities"]}
    for row in changes:
        region = by_code[row["code"]]
        assert region["name"] == {"ko": row["name_ko"], "en": row["name_en"]}
        if row["change"] == "abolished":
            assert str(region["valid_until"]) == "2026-06-30"
            assert region["successors"] == row["successors"].split()
            assert all(code in by_code for code in region["successors"])
        else:
            assert str(region["valid_from"]) == row["date"]
            # Not read from a MOIS table: the file says so on every such row.
            assert region.get("code_inferred", False) == (row["code_status"] == "inferred")


def test_exactly_the_89_designated_areas_are_population_decline(regions: dict[str, Any]) -> None:
    designated = {row["code"] for row in load_csv("depopulation_areas.csv")}
    marked = {m["code"] for m in regions["municipalities"] if m.get("population_decline")}
    assert len(designated) == 89
    assert marked == designated
    # The flag is present only where true.
    assert all(m.get("population_decline", True) is True for m in regions["municipalities"])


def test_every_municipality_belongs_to_an_existing_province(regions: dict[str, Any]) -> None:
    provinces = {p["code"] for p in regions["provinces"]}
    for m in regions["municipalities"]:
        assert m["province"] in provinces, m["code"]
        assert m["code"].startswith(m["province"]), m["code"]


def test_codes_are_unique_strings(regions: dict[str, Any]) -> None:
    codes = [p["code"] for p in regions["provinces"]] + [
        m["code"] for m in regions["municipalities"]
    ]
    assert len(codes) == len(set(codes))
    for p in regions["provinces"]:
        assert isinstance(p["code"], str) and re.fullmatch(r"\d{2}", p["code"])
    for m in regions["municipalities"]:
        assert isinstance(m["code"], str) and re.fullmatch(r"\d{5}", m["code"])
        assert isinstance(m["province"], str)


def test_municipality_names_and_kinds_match_the_csv(
    regions: dict[str, Any], municipality_rows
) -> None:
    for m in regions["municipalities"]:
        if m["code"] not in municipality_rows:
            continue  # created since the notes: checked against region-changes.csv
        row = municipality_rows[m["code"]]
        assert m["name"] == {"ko": row["name_ko"], "en": row["name_en"]}, m["code"]
        assert m["province"] == row["province_code"], m["code"]
        assert m["kind"] == row["kind"], m["code"]
        assert m.get("former_code") == (row["former_code"] or None), m["code"]
        assert row["name_en_source"].startswith(m["name_en_source"]), m["code"]


def test_municipalities_are_sorted_by_code(regions: dict[str, Any]) -> None:
    codes = [m["code"] for m in regions["municipalities"]]
    assert codes == sorted(codes)


def test_aliases_are_unambiguous(regions: dict[str, Any]) -> None:
    owners: dict[str, set[str]] = {}
    for region in regions["provinces"] + regions["municipalities"]:
        for text in [*region["name"].values(), *region.get("aliases", [])]:
            owners.setdefault(text.casefold(), set()).add(region["code"])
    for region in regions["provinces"] + regions["municipalities"]:
        for alias in region.get("aliases", []):
            assert owners[alias.casefold()] == {region["code"]}, alias


def test_validity_window_and_gaps(regions: dict[str, Any]) -> None:
    assert str(regions["valid_from"]) == "2024-01-18"
    assert str(regions["valid_until"]) == "2026-12-31"
    assert str(regions["population_decline_designated"]) == "2021-10-18"
    assert "incheon-2026-07-01" in {gap["id"] for gap in regions["gaps"]}
    assert regions["source"]


# --- ties.yaml --------------------------------------------------------------------------


def test_ties_refer_only_to_existing_regions(regions: dict[str, Any], ties) -> None:
    codes = all_region_codes(regions)
    seoul_gu = {m["code"] for m in regions["municipalities"] if m["province"] == "11"}
    for tie in ties:
        assert str(tie["seoul_party"]) in seoul_gu | {"11"}, tie["id"]
        assert str(tie["region"]) in codes, tie["id"]


def test_every_tie_has_a_source(ties) -> None:
    for tie in ties:
        assert tie["source"], tie["id"]
        for entry in tie["source"]:
            assert entry.get("url") or entry.get("title"), tie["id"]


def test_tie_ids_kinds_and_years(ties) -> None:
    ids = [tie["id"] for tie in ties]
    assert len(ids) == len(set(ids))
    for tie in ties:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", tie["id"])
        assert tie["kind"] in {"friendship-agreement", "public-meals-pair", "sister-district"}
        if "since" in tie:
            assert isinstance(tie["since"], int) and 1990 <= tie["since"] <= 2026, tie["id"]


def test_the_documented_public_meal_pairs_are_present(ties) -> None:
    pairs = {(t["seoul_party"], t["region"]) for t in ties if t["kind"] == "public-meals-pair"}
    assert {
        ("11740", "52710"),  # 강동구 - 완주군
        ("11545", "46170"),  # 금천구 - 나주시
        ("11290", "46710"),  # 성북구 - 담양군
        ("11305", "44760"),  # 강북구 - 부여군
        ("11320", "51130"),  # 도봉구 - 원주시
        ("11350", "44800"),  # 노원구 - 홍성군
        ("11380", "52130"),  # 은평구 - 군산시
        ("11590", "46810"),  # 동작구 - 강진군
        ("11230", "52190"),  # 동대문구 - 남원시
        ("11260", "46870"),  # 중랑구 - 영광군
        ("11710", "47170"),  # 송파구 - 안동시
        ("11560", "48250"),  # 영등포구 - 김해시
    } <= pairs


# --- policy-areas.yaml ------------------------------------------------------------------


def test_the_five_policy_areas() -> None:
    document = load_yaml("policy-areas.yaml")
    areas = {a["id"]: a for a in document["policy_areas"]}
    assert list(areas) == [
        "safe-food",
        "rural-experience",
        "idle-resources",
        "urban-rural-jobs",
        "cooperation-system",
    ]
    assert [a["planned_projects"] for a in areas.values()] == [4, 4, 3, 3, 5]
    assert areas["safe-food"]["name"]["ko"] == "안전한 먹거리 확보"
    assert areas["cooperation-system"]["name"]["ko"] == "지속적 소통·협력체계 구축"
    assert document["source"]
