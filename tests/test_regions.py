"""Finding regions: `resolve` names one region without guessing; `search` ranks and forgives.

Every case runs over the bundled catalog, so these read as promises to the officials who
write `region:` in their proposals and look codes up with `matchmaker regions`.
"""

from __future__ import annotations

import unicodedata

import pytest

from matchmaker.bundled import catalog_dir
from matchmaker.catalog.loader import load_catalog
from matchmaker.regions import (
    MAX_QUERY_CHARS,
    Region,
    RegionIndex,
    is_choseong_query,
)
from matchmaker.text.hangul import choseong


@pytest.fixture(scope="module")
def index() -> RegionIndex:
    catalog, diagnostics = load_catalog(catalog_dir())
    assert catalog is not None, diagnostics
    return catalog.region_index


def names(regions: tuple[Region, ...] | list[Region]) -> list[str]:
    return [region.display("ko") for region in regions]


def top(index: RegionIndex, query: str, count: int = 1) -> list[str]:
    return [region.name_ko for region, _score in index.search(query, limit=count)]


# --- the index ----------------------------------------------------------------------------


def test_it_holds_every_province_and_municipality_sorted_by_code(index: RegionIndex) -> None:
    codes = [region.code for region in index.regions]
    # 17 provinces, 227 si/gun/gu in force and Incheon's 3 gu abolished on 2026-06-30.
    assert len(codes) == 247
    assert codes == sorted(codes)
    assert sum(region.kind == "province" for region in index.regions) == 17


def test_a_region_knows_its_province_and_displays_with_it(index: RegionIndex) -> None:
    wanju = index.by_code("52710")
    assert wanju == Region(
        code="52710",
        name_ko="완주군",
        name_en="Wanju-gun",
        kind="gun",
        province_code="52",
        province_name_ko="전북특별자치도",
        province_name_en="Jeonbuk State",
        population_decline=False,
    )
    assert wanju.display("ko") == "완주군 (전북특별자치도)"
    assert wanju.display("en") == "Wanju-gun (Jeonbuk State)"


def test_a_province_is_its_own_province_and_displays_just_its_name(index: RegionIndex) -> None:
    jeonbuk = index.by_code("52")
    assert jeonbuk is not None
    assert (jeonbuk.kind, jeonbuk.province_code) == ("province", "52")
    assert jeonbuk.display("ko") == "전북특별자치도"
    assert jeonbuk.display("en") == "Jeonbuk State"


def test_population_decline_is_carried(index: RegionIndex) -> None:
    assert index.by_code("52720").population_decline  # 진안군
    assert not index.by_code("11110").population_decline  # 종로구


def test_a_former_code_finds_the_renamed_region_and_is_flagged_outdated(index: RegionIndex) -> None:
    assert index.by_code("45710") == index.by_code("52710")
    assert index.by_code("47720").name_ko == "군위군"  # moved from 경북 to 대구
    assert index.is_former_code("45710")
    assert index.is_former_code("42")
    assert not index.is_former_code("52710")
    assert not index.is_former_code("99999")
    assert index.by_code("99999") is None


# --- resolve: exact rules -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "via"),
    [
        ("52710", "완주군 (전북특별자치도)", "code"),
        ("52", "전북특별자치도", "code"),
        (" 52710 ", "완주군 (전북특별자치도)", "code"),
        ("45710", "완주군 (전북특별자치도)", "former-code"),
        ("42", "강원특별자치도", "former-code"),
        ("완주군", "완주군 (전북특별자치도)", "name-ko"),
        ("전북특별자치도", "전북특별자치도", "name-ko"),
        ("Wanju-gun", "완주군 (전북특별자치도)", "name-en"),
        ("wanju-gun", "완주군 (전북특별자치도)", "name-en"),
        ("Gangwon State", "강원특별자치도", "name-en"),
        ("gangwon state", "강원특별자치도", "name-en"),
        ("경북", "경상북도", "alias"),
        ("서울시", "서울특별시", "alias"),
        ("강원도", "강원특별자치도", "alias"),
        ("전북", "전북특별자치도", "alias"),
        ("Jeollabuk-do", "전북특별자치도", "alias"),
        ("완주", "완주군 (전북특별자치도)", "name-ko"),
        ("안동", "안동시 (경상북도)", "name-ko"),
        ("완 주군", "완주군 (전북특별자치도)", "name-ko"),
    ],
)
def test_resolve_finds_one_region(index: RegionIndex, text: str, expected: str, via: str) -> None:
    resolution = index.resolve(text)
    assert resolution.status == "found"
    assert resolution.region is not None
    assert resolution.region.display("ko") == expected
    assert resolution.via == via


@pytest.mark.parametrize("name", ["광주", "광주시"])
def test_a_name_two_regions_can_claim_is_ambiguous_never_a_guess(
    index: RegionIndex, name: str
) -> None:
    # 광주 is 광주광역시's alias and 경기도 광주시 without its 시; 광주시 is 경기도 광주시's
    # name and, as 부산시 is 부산광역시, a way to write 광주광역시 (issue 12).
    found = index.resolve(name)
    assert found.status == "ambiguous"
    assert {r.code for r in found.candidates} == {"29", "41610"}


def test_an_official_name_or_a_qualified_one_still_names_one_region(index: RegionIndex) -> None:
    assert index.resolve("광주광역시").region == index.by_code("29")
    assert index.resolve("Gwangju").region == index.by_code("29")
    assert index.resolve("경기 광주시").region == index.by_code("41610")
    assert index.resolve("부산시").region == index.by_code("26")


def test_the_input_is_nfc_normalised(index: RegionIndex) -> None:
    # Text pasted from some editors (macOS file names) arrives spelt out as conjoining jamo.
    decomposed = unicodedata.normalize("NFD", "완주군")
    assert decomposed != "완주군"
    assert index.resolve(decomposed).region.code == "52710"


@pytest.mark.parametrize(
    "text",
    [
        "부산 중구",
        "부산광역시 중구",
        "중구, 부산",
        "중구 부산",
        "Jung-gu, Busan",
        "Busan Jung-gu",
        "중구 (부산광역시)",
        "Jung-gu (Busan)",
        "부산중구",
    ],
)
def test_a_province_qualified_name_resolves_in_either_order(index: RegionIndex, text: str) -> None:
    resolution = index.resolve(text)
    assert resolution.status == "found"
    assert resolution.region.display("ko") == "중구 (부산광역시)"
    assert resolution.via == "province-qualified"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("경남 고성군", "고성군 (경상남도)"),
        ("강원특별자치도 고성군", "고성군 (강원특별자치도)"),
        ("강원도 고성", "고성군 (강원특별자치도)"),
        ("Goseong-gun, Gangwon State", "고성군 (강원특별자치도)"),
        ("서울 강서구", "강서구 (서울특별시)"),
        ("전북 완주군", "완주군 (전북특별자치도)"),
    ],
)
def test_the_province_picks_among_namesakes(index: RegionIndex, text: str, expected: str) -> None:
    assert index.resolve(text).region.display("ko") == expected


def test_every_region_resolves_from_its_own_display_in_both_languages(index: RegionIndex) -> None:
    for region in index.regions:
        for language in ("ko", "en"):
            assert index.resolve(region.display(language)).region == region


JUNG_GU_PROVINCES = [
    "서울특별시",
    "부산광역시",
    "대구광역시",
    "인천광역시",
    "대전광역시",
    "울산광역시",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("중구", JUNG_GU_PROVINCES),
        ("남구", ["부산광역시", "대구광역시", "광주광역시", "울산광역시"]),
        ("서구", ["부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시"]),
        ("고성군", ["경상남도", "강원특별자치도"]),
        ("고성", ["경상남도", "강원특별자치도"]),
        ("Jung-gu", JUNG_GU_PROVINCES),
    ],
)
def test_a_shared_name_is_ambiguous_and_lists_every_candidate_by_code(
    index: RegionIndex, text: str, expected: list[str]
) -> None:
    resolution = index.resolve(text)
    assert resolution.status == "ambiguous"
    assert resolution.region is None
    assert [region.province_name_ko for region in resolution.candidates] == expected
    codes = [region.code for region in resolution.candidates]
    assert codes == sorted(codes)


def test_a_typo_is_never_silently_resolved_but_the_right_name_is_offered(
    index: RegionIndex,
) -> None:
    resolution = index.resolve("완쥬군")
    assert resolution.status == "not-found"
    assert resolution.region is None
    assert resolution.via == ""
    assert resolution.candidates[0].name_ko == "완주군"
    assert len(resolution.candidates) <= 5


def test_the_wrong_province_offers_the_name_where_it_exists(index: RegionIndex) -> None:
    resolution = index.resolve("경북 완주군")
    assert resolution.status == "not-found"
    assert names(resolution.candidates)[0] == "완주군 (전북특별자치도)"


@pytest.mark.parametrize("text", ["", "   ", "99999", "중", "zzzzzzzz"])
def test_nothing_matches_and_nothing_is_offered_when_nothing_is_close(
    index: RegionIndex, text: str
) -> None:
    resolution = index.resolve(text)
    assert resolution.status == "not-found"
    assert resolution.region is None


def test_hostile_input_is_cut_and_stays_cheap(index: RegionIndex) -> None:
    resolution = index.resolve("완" * 1_000_000)
    assert resolution.status == "not-found"
    assert len(resolution.query) == MAX_QUERY_CHARS
    assert len(index.search("가나다 " * 100_000)) <= 10


# --- search: ranked and forgiving ---------------------------------------------------------


def test_search_puts_exact_matches_first_with_full_score(index: RegionIndex) -> None:
    results = index.search("완주군")
    assert results[0] == (index.by_code("52710"), 100.0)
    assert all(score < 100.0 for _region, score in results[1:])


def test_search_finds_a_typo(index: RegionIndex) -> None:
    assert top(index, "완쥬군") == ["완주군"]


def test_search_ignores_spacing(index: RegionIndex) -> None:
    assert top(index, "완 주군") == ["완주군"]


def test_search_finds_names_being_typed(index: RegionIndex) -> None:
    assert set(top(index, "완", 2)) == {"완주군", "완도군"}
    assert set(top(index, "와", 2)) == {"완주군", "완도군"}  # half-way to 완


def test_search_by_code_prefix_lists_that_province(index: RegionIndex) -> None:
    results = index.search("527", limit=None)
    assert results
    assert all(region.code.startswith("527") for region, _score in results)


def test_search_in_english_is_case_insensitive_and_forgives_typos(index: RegionIndex) -> None:
    assert index.search("wanju")[0][0].name_en == "Wanju-gun"
    assert index.search("WANJU GUN")[0][0].name_en == "Wanju-gun"
    assert index.search("Seoull")[0][0].name_en == "Seoul"


def test_initial_consonants_find_every_region_they_spell(index: RegionIndex) -> None:
    found = top(index, "ㅇㅈ", 50)
    assert {"완주군", "영주시", "양주시", "원주시", "여주시"} <= set(found)


def test_full_initial_consonants_rank_above_partial_ones(index: RegionIndex) -> None:
    # ㅇㅈㄱ spells 연제구, 영종구, 옹진군, 울주군, 울진군, 인제군 and 완주군 alike, so they tie
    # at the top and the tie breaks by code; nothing that merely contains ㅇㅈㄱ ranks above them.
    results = index.search("ㅇㅈㄱ")
    best = results[0][1]
    tied = [region.name_ko for region, score in results if score == best]
    assert tied == ["연제구", "영종구", "옹진군", "울주군", "울진군", "인제군", "완주군"]
    assert all(choseong(region.name_ko) == "ㅇㅈㄱ" for region, score in results if score == best)


def test_search_is_deterministic_score_then_code(index: RegionIndex) -> None:
    results = index.search("서구", limit=None)
    keys = [(-score, region.code) for region, score in results]
    assert keys == sorted(keys)
    assert index.search("서구", limit=None) == results


def test_search_respects_the_limit_and_finds_nothing_for_nothing(index: RegionIndex) -> None:
    assert len(index.search("ㅇ", limit=3)) == 3
    assert index.search("") == []
    assert index.search("zzzzzzzzzz") == []


# --- Hangul helpers -----------------------------------------------------------------------


def test_only_initial_consonants_make_a_choseong_query() -> None:
    assert is_choseong_query("ㅇㅈㄱ")
    assert not is_choseong_query("ㅇㅈ군")
    assert not is_choseong_query("ㄳ")  # a final cluster, never an initial
    assert not is_choseong_query("")


# --- the command --------------------------------------------------------------------------


def test_cli_json_has_the_documented_shape(cli) -> None:
    run = cli("regions", "ㅇㅈ", "--format", "json")
    assert run.exit_code == 0
    document = run.json()
    assert document["version"] == 1
    assert document["query"] == "ㅇㅈ"
    assert 0 < len(document["regions"]) <= 20
    wanju = next(entry for entry in document["regions"] if entry["code"] == "52710")
    assert wanju == {
        "code": "52710",
        "name": {"ko": "완주군", "en": "Wanju-gun"},
        "kind": "gun",
        "province": {"code": "52", "name": {"ko": "전북특별자치도", "en": "Jeonbuk State"}},
        "population_decline": False,
        "valid_from": None,
        "valid_until": None,
        "successors": [],
        "code_inferred": False,
        "score": wanju["score"],
    }
    assert isinstance(wanju["score"], float)
    assert "완주군" in run.output  # Korean is written as is, not escaped


def test_cli_output_is_byte_identical_across_runs(cli) -> None:
    assert (
        cli("regions", "완쥬군", "-f", "json").output
        == cli("regions", "완쥬군", "-f", "json").output
    )


def test_cli_limit_caps_matches(cli) -> None:
    assert len(cli("regions", "ㅇ", "-f", "json", "--limit", "3").json()["regions"]) == 3


def test_cli_without_a_query_lists_the_244_in_force_ignoring_the_limit(cli) -> None:
    run = cli("regions", "--format", "json", "--limit", "1", "--today", "2026-12-01")
    assert run.exit_code == 0
    document = run.json()
    assert document["query"] is None
    codes = {entry["code"] for entry in document["regions"]}
    assert len(codes) == 244
    assert {"28125", "28155", "28275", "28290"} <= codes
    assert not codes & {"28110", "28140", "28260"}
    assert all(entry["score"] is None for entry in document["regions"])


def test_cli_lists_the_regions_in_force_on_the_given_day(cli) -> None:
    run = cli("regions", "--format", "json", "--today", "2026-06-30")
    codes = {entry["code"] for entry in run.json()["regions"]}
    assert len(codes) == 243
    assert {"28110", "28140", "28260"} <= codes
    assert not codes & {"28125", "28155", "28275", "28290"}


def test_cli_search_finds_an_abolished_gu_with_its_successors(cli) -> None:
    run = cli("regions", "인천 중구", "--format", "json")
    found = run.json()["regions"][0]
    assert found["code"] == "28110"
    assert found["score"] == 100.0
    assert found["valid_until"] == "2026-06-30"
    assert found["successors"] == ["28125", "28155"]
    table = cli("regions", "인천 중구", "--lang", "ko")
    assert "2026-06-30 폐지 → 28125, 28155" in table.output


def test_cli_table_shows_korean_and_english_names(cli) -> None:
    run = cli("regions", "완주")
    assert run.exit_code == 0
    assert "52710" in run.output
    assert "완주군" in run.output
    assert "Wanju-gun" in run.output
    assert "Jeonbuk State" in run.output


def test_cli_full_table_lists_every_region(cli) -> None:
    run = cli("regions", "--lang", "ko", "--today", "2026-12-01")
    assert run.exit_code == 0
    assert "인구감소" in run.output
    assert sum(line.split()[0].isdigit() for line in run.output.splitlines() if line.strip()) == 244


def test_cli_no_match_exits_1_with_a_message_in_the_chosen_language(cli) -> None:
    run = cli("regions", "zzzzzzzzzz")
    assert run.exit_code == 1
    assert "no region matches 'zzzzzzzzzz'" in run.output
    korean = cli("regions", "zzzzzzzzzz", "--lang", "ko")
    assert korean.exit_code == 1
    assert "맞는 지역이 없습니다" in korean.output


def test_cli_reports_an_unusable_catalog_and_exits_1(cli, tmp_path) -> None:
    run = cli("regions", "완주", "--catalog", str(tmp_path))
    assert run.exit_code == 1
    assert "regions.yaml" in run.output
    assert "unreadable-file" in run.output


def test_search_keys_are_built_on_the_first_search_only(index: RegionIndex) -> None:
    # Every run resolves names exactly; only a search (typos, 초성) needs the search keys,
    # so building the index for a run does not spell every region out in jamo.
    catalog, _diagnostics = load_catalog(catalog_dir())
    assert catalog is not None
    fresh = RegionIndex(catalog.regions)
    assert fresh.resolve("완주군").status == index.resolve("완주군").status
    assert fresh._keys is None
    assert top(fresh, "완쥬") == ["완주군"]
    built = fresh._keys
    assert built is not None
    assert "완주군" in top(fresh, "ㅇㅈㄱ", 10) and fresh._keys is built
