"""`matchmaker schema KIND`: a JSON Schema editors can use, that agrees with the models."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
from jsonschema import Draft7Validator, Draft202012Validator

from matchmaker import bundled
from matchmaker.catalog.loader import Catalog, load_catalog
from matchmaker.loading.documents import load_file
from matchmaker.models.common import Mode, PartnerKind
from matchmaker.schema import DIALECT, build_schema, render_schema
from tests.conftest import EXAMPLES

KINDS = ("proposal", "project", "profile")
HANGUL = re.compile(r"[가-힣]")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, _diagnostics = load_catalog(bundled.catalog_dir())
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def schemas(catalog: Catalog) -> dict[str, dict[str, Any]]:
    return {kind: build_schema(kind, catalog) for kind in KINDS}


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every field of the kind and of the objects inside it, named `Model.field`."""
    for name, field in schema.get("properties", {}).items():
        yield f"{schema.get('title')}.{name}", field
    for definition in schema.get("$defs", {}).values():
        for name, field in definition.get("properties", {}).items():
            yield f"{definition['title']}.{name}", field


def _data(path: Path) -> Any:
    """A file's data as the loader types it (`52710` a number, `2026-03-02` text)."""
    document = load_file(path)
    assert document.parsed is not None, document.diagnostics
    return document.parsed.data


def _bundled_files(kind: str) -> list[Path]:
    folder = {
        "proposal": bundled.proposals_dir(),
        "project": bundled.catalog_dir() / "projects",
        "profile": bundled.profiles_dir(),
    }[kind]
    return sorted(folder.glob("*.yaml"))


# --- the schema itself ----------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_a_valid_draft_2020_12_schema(schemas, kind: str) -> None:
    schema = schemas[kind]
    Draft202012Validator.check_schema(schema)
    # yaml-language-server validates with a draft-07 engine: the schema must make sense there.
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:matchmaker:schema:{kind}"
    assert schema["title"] == f"matchmaker {kind}"
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_has_a_korean_then_english_description_and_an_example(
    schemas, kind: str
) -> None:
    for name, field in _properties(schemas[kind]):
        description = field.get("description", "")
        korean, _slash, english = description.partition(" / ")
        assert HANGUL.search(korean), f"{name}: no Korean description first: {description!r}"
        assert re.search(r"[A-Za-z]{3}", english), f"{name}: no English after ' / '"
        assert field.get("examples"), f"{name}: no example"


@pytest.mark.parametrize("kind", KINDS)
def test_every_example_is_a_valid_value_of_its_field(schemas, kind: str) -> None:
    schema = schemas[kind]
    for name, field in _properties(schema):
        validator = Draft202012Validator({**field, "$defs": schema.get("$defs", {})})
        for example in field["examples"]:
            errors = [error.message for error in validator.iter_errors(example)]
            assert not errors, f"{name}: example {example!r}: {errors}"


def test_themes_are_an_enum_of_the_catalogs_theme_ids_with_labels(schemas, catalog) -> None:
    theme_ids = [theme.id for theme in catalog.themes.themes]
    for items in (
        schemas["proposal"]["$defs"]["Demand"]["properties"]["themes"]["items"],
        schemas["project"]["properties"]["themes"]["items"],
    ):
        assert items["enum"] == theme_ids
        assert len(items["enumDescriptions"]) == len(theme_ids)
        assert items["enumDescriptions"][theme_ids.index("public-meals")] == (
            "공공급식 / Public meals"
        )
        assert not any(key.startswith("x-") for key in items)
        assert "public-meals(공공급식)" in items["description"]


def test_a_projects_policy_area_is_an_enum_of_the_catalogs_areas(schemas, catalog) -> None:
    field = schemas["project"]["properties"]["policy_area"]
    assert field["enum"] == [area.id for area in catalog.policy_areas.policy_areas]
    assert all(HANGUL.search(label) for label in field["enumDescriptions"])


def test_modes_and_partner_kinds_are_the_models_enums_explained_in_korean(schemas) -> None:
    demand = schemas["proposal"]["$defs"]["Demand"]["properties"]
    assert demand["modes"]["items"]["enum"] == list(get_args(Mode))
    assert demand["modes"]["uniqueItems"] is True
    partner_kind = schemas["proposal"]["$defs"]["Partner"]["properties"]["kind"]
    assert partner_kind["enum"] == list(get_args(PartnerKind))
    assert partner_kind["enumDescriptions"][0] == "민간기업 / private company"
    assert demand["modes"]["items"]["enumDescriptions"][1] == "조달·공공구매 / procurement"


def test_absent_is_the_default_so_editors_never_offer_null(schemas) -> None:
    budget = schemas["proposal"]["$defs"]["Demand"]["properties"]["budget_request"]
    assert "default" not in budget
    assert schemas["proposal"]["$defs"]["Demand"]["properties"]["themes"]["default"] == []


# --- what it accepts and refuses ------------------------------------------------------

MINIMAL = {
    "kind": "proposal",
    "id": "2027-wanju",
    "region": "완주군",
    "demands": [{"id": "meals", "title": "급식", "description": "공공급식"}],
}


@pytest.mark.parametrize("region", ["완주군", "52710", 52710, "Wanju-gun"])
def test_a_region_is_a_code_written_either_way_or_a_name(schemas, region) -> None:
    assert Draft202012Validator(schemas["proposal"]).is_valid({**MINIMAL, "region": region})


@pytest.mark.parametrize("region", ["", True, 5.5, ["완주군"], None])
def test_a_region_is_not_anything_else(schemas, region) -> None:
    assert not Draft202012Validator(schemas["proposal"]).is_valid({**MINIMAL, "region": region})


def test_an_unknown_key_is_refused_by_name(schemas) -> None:
    demand = {**MINIMAL["demands"][0], "descripton": "오타"}
    errors = list(
        Draft202012Validator(schemas["proposal"]).iter_errors({**MINIMAL, "demands": [demand]})
    )
    assert [error.validator for error in errors] == ["additionalProperties"]
    assert "'descripton' was unexpected" in errors[0].message


def test_names_need_ko_or_en_as_the_model_says(schemas) -> None:
    validator = Draft202012Validator(schemas["profile"])
    profile = {
        "kind": "profile",
        "id": "p",
        "weights": {"demand_fit": 1, "long_term": 1, "synergy": 1},
    }
    assert validator.is_valid({**profile, "name": {"en": "P"}})
    assert not validator.is_valid({**profile, "name": {}})


@pytest.mark.parametrize("kind", KINDS)
def test_every_bundled_file_of_the_kind_validates(schemas, kind: str) -> None:
    files = _bundled_files(kind)
    assert files
    for validator in (Draft202012Validator(schemas[kind]), Draft7Validator(schemas[kind])):
        for path in files:
            errors = [
                f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_data(path))
            ]
            assert not errors, f"{path.name}: {errors}"


# Rules no JSON Schema can state; the loader and the models still enforce them.
BEYOND_JSON_SCHEMA = {
    "duplicate-demand.yaml": "demand ids unique within a proposal",
    "impossible-date.yaml": "the date exists in the calendar",
    "proposal-anchor.yaml": "no YAML anchors in proposals",
    "weights-all-zero.yaml": "at least one weight above zero",
}


def _corpus() -> list[Path]:
    """The example files that are YAML data of a user kind: the ones a schema would see."""
    files = sorted([*(EXAMPLES / "valid").glob("*.yaml"), *(EXAMPLES / "invalid").glob("*.yaml")])
    return [
        path
        for path in files
        if (document := load_file(path)).parsed is not None and document.kind in KINDS
    ]


@pytest.mark.parametrize("path", _corpus(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_schema_agrees_with_the_models_on_the_example_corpus(schemas, path: Path) -> None:
    document = load_file(path)
    assert document.parsed is not None and document.kind is not None
    schema_ok = Draft202012Validator(schemas[document.kind]).is_valid(document.parsed.data)
    if path.name in BEYOND_JSON_SCHEMA:
        assert schema_ok and not document.ok
    else:
        assert schema_ok == document.ok


# --- the command ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_the_command_prints_the_schema_as_sorted_utf8_json(cli, schemas, kind: str) -> None:
    run = cli("schema", kind)
    assert run.exit_code == 0
    assert run.output == render_schema(schemas[kind])
    assert run.json() == json.loads(json.dumps(schemas[kind]))
    assert "공공급식" in run.output  # Korean as written, not \uacf5 escapes
    assert run.output.startswith('{\n  "$defs"')  # keys sorted, two-space indent
    assert cli("schema", kind).output == run.output


def test_output_writes_the_same_text_to_a_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "proposal.schema.json"
    target.write_text("old", encoding="utf-8")
    run = cli("schema", "proposal", "--output", str(target))
    assert run.exit_code == 0
    assert run.output == ""
    assert target.read_text(encoding="utf-8") == cli("schema", "proposal").output
    assert [path.name for path in tmp_path.iterdir()] == ["proposal.schema.json"]


@pytest.mark.parametrize("kind", ["proposals", "regions", "PROPOSAL", ""])
def test_an_unknown_kind_is_a_usage_error(cli, kind: str) -> None:
    run = cli("schema", kind)
    assert run.exit_code == 2
    assert "proposal" in run.output


def test_catalog_option_takes_theme_ids_from_that_catalog(cli, tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(bundled.catalog_dir(), root)
    with (root / "themes.yaml").open("a", encoding="utf-8") as themes:
        themes.write("\n  - id: night-markets\n    label: {ko: 야시장, en: Night markets}\n")
    run = cli("schema", "project", "--catalog", str(root))
    assert run.exit_code == 0
    items = run.json()["properties"]["themes"]["items"]
    assert items["enum"][-1] == "night-markets"
    assert items["enumDescriptions"][-1] == "야시장 / Night markets"


def test_an_unusable_catalog_exits_1_and_says_why(cli, tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(bundled.catalog_dir(), root)
    (root / "themes.yaml").write_text("kind: themes\nthemes: []\n", encoding="utf-8")
    run = cli("schema", "proposal", "--catalog", str(root))
    assert run.exit_code == 1
    assert "themes.yaml" in run.output
    assert "cannot be used" in run.output
