"""`matchmaker new proposal`: a file that fails `validate` until its blanks are filled."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from matchmaker import bundled
from matchmaker.catalog.loader import load_catalog
from matchmaker.loading.documents import load_file
from matchmaker.models import Proposal
from matchmaker.models.common import SLUG_PATTERN
from matchmaker.models.proposal import Contact, Demand, Outcome, PriorTie
from matchmaker.templates import proposal_id

MODELINE = "# yaml-language-server: $schema=./proposal.schema.json"
# A commented-out field: `# key: value`, `#   - key: value` or `# key:` under its indent.
COMMENTED_FIELD = re.compile(r"^(\s*)# (\s*(?:- )?[a-z_]+:(?: .*)?)$", re.MULTILINE)


def _new(cli, tmp_path: Path, *args: str, name: str = "2027-wanju.yaml") -> tuple[Path, str]:
    target = tmp_path / name
    run = cli("new", "proposal", "--year", "2027", "--output", str(target), *args)
    assert run.exit_code == 0, run.output
    return target, target.read_text(encoding="utf-8")


def _fill_blanks(text: str) -> str:
    """What an official does: write the demand's id, title and description."""
    filled = text.replace('- id: ""', "- id: public-meals", 1)
    filled = filled.replace('title: ""', "title: 공공급식 식재료 공급 확대", 1)
    return filled.replace(
        'description: ""', "description: 친환경 농산물을 서울 자치구 급식에 공급하고 싶습니다.", 1
    )


def _uncomment_every_field(text: str) -> str:
    return COMMENTED_FIELD.sub(r"\1\2", text)


def _validate(cli, path: Path) -> tuple[int, list[dict]]:
    # As of the day after the template's example submission date (year 2027), never the
    # clock: dates in the file are checked against --today.
    run = cli("validate", str(path), "--format", "json", "--today", "2027-04-01")
    return run.exit_code, run.json()["diagnostics"]


# --- the template ---------------------------------------------------------------------


def test_stdout_gets_a_commented_proposal_for_the_resolved_region(cli) -> None:
    run = cli("new", "proposal", "--region", "완주군", "--year", "2027")
    assert run.exit_code == 0
    lines = run.output.splitlines()
    assert lines[0] == MODELINE
    assert "kind: proposal" in lines
    assert re.search(r"^id: 2027-wanju +# ", run.output, re.MULTILINE)
    assert re.search(
        r'^region: "52710" +# 완주군 \(전북특별자치도\) / '
        r"Wanju-gun \(Jeonbuk State\)$",
        run.output,
        re.MULTILINE,
    )
    assert "# submitted: 2027-" in run.output
    assert "# valid_until: " in run.output


@pytest.mark.parametrize("region", ["52710", "Wanju-gun", "완주"])
def test_the_region_may_be_given_any_way_it_resolves(cli, region: str) -> None:
    run = cli("new", "proposal", "--region", region, "--year", "2027")
    assert run.exit_code == 0
    assert 'region: "52710"' in run.output


def test_as_written_it_fails_validate_on_exactly_the_three_blanks(cli, tmp_path: Path) -> None:
    path, text = _new(cli, tmp_path, "--region", "완주군")
    code, diagnostics = _validate(cli, path)
    assert code == 1
    lines = text.splitlines()
    blamed = [lines[d["line"] - 1].split(":")[0].strip(" -") for d in diagnostics]
    assert blamed == ["id", "title", "description"]
    assert all(d["severity"] == "error" for d in diagnostics)


def test_once_the_blanks_are_filled_it_passes_validate(cli, tmp_path: Path) -> None:
    path, text = _new(cli, tmp_path, "--region", "완주군")
    path.write_text(_fill_blanks(text), encoding="utf-8")
    assert _validate(cli, path) == (0, [])


def test_every_commented_field_is_valid_once_uncommented(cli, tmp_path: Path) -> None:
    path, text = _new(cli, tmp_path, "--region", "완주군")
    path.write_text(_uncomment_every_field(_fill_blanks(text)), encoding="utf-8")
    assert _validate(cli, path) == (0, [])
    # And every field of the proposal is in the template, so none has to be looked up.
    model = load_file(path).model
    assert isinstance(model, Proposal)
    assert model.model_fields_set == set(Proposal.model_fields)
    assert model.demands[0].model_fields_set == set(Demand.model_fields)
    assert model.contact is not None and model.contact.model_fields_set == set(Contact.model_fields)
    assert model.prior_ties[0].model_fields_set == set(PriorTie.model_fields)
    assert model.demands[0].outcomes[0].model_fields_set == set(Outcome.model_fields)
    assert model.demands[0].partners[0].model_fields_set == {"name", "kind", "role"}


def test_the_schema_written_beside_it_agrees(cli, tmp_path: Path) -> None:
    path, text = _new(cli, tmp_path, "--region", "완주군")
    schema = json.loads((tmp_path / "proposal.schema.json").read_text(encoding="utf-8"))
    assert schema == cli("schema", "proposal").json()
    validator = Draft202012Validator(schema)
    assert not validator.is_valid(load_file(path).parsed.data)
    path.write_text(_uncomment_every_field(_fill_blanks(text)), encoding="utf-8")
    assert validator.is_valid(load_file(path).parsed.data)


def test_no_schema_file_writes_the_proposal_alone(cli, tmp_path: Path) -> None:
    _new(cli, tmp_path, "--region", "완주군", "--no-schema-file")
    assert [path.name for path in tmp_path.iterdir()] == ["2027-wanju.yaml"]


def test_without_a_region_the_region_and_id_are_blanks_too(cli, tmp_path: Path) -> None:
    path, text = _new(cli, tmp_path)
    code, diagnostics = _validate(cli, path)
    assert code == 1
    assert len(diagnostics) == 5  # id, region, and the demand's id, title and description
    filled = _fill_blanks(text).replace('id: ""', "id: 2027-wanju", 1)
    path.write_text(filled.replace('region: ""', "region: 완주군", 1), encoding="utf-8")
    assert _validate(cli, path) == (0, [])


# --- ids ------------------------------------------------------------------------------


def test_every_region_gets_a_distinct_valid_id() -> None:
    catalog, _diagnostics = load_catalog(bundled.catalog_dir())
    assert catalog is not None
    regions = catalog.region_index.regions
    ids = [proposal_id(2027, region, regions) for region in regions]
    assert len(set(ids)) == len(ids) == len(regions)
    assert all(re.fullmatch(SLUG_PATTERN, proposal_id) for proposal_id in ids)


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("완주군", "2027-wanju"),
        ("세종", "2027-sejong"),
        ("Gangwon State", "2027-gangwon"),
        ("51820", "2027-goseong-gangwon"),  # two Goseong-gun: the province tells them apart
        ("48820", "2027-goseong-gyeongsangnam"),
        ("26110", "2027-jung-busan"),
        ("29", "2027-gwangju"),  # the metropolitan city keeps the plain name
        ("41610", "2027-gwangju-gyeonggi"),
    ],
)
def test_the_suggested_id_is_year_and_english_name(cli, region: str, expected: str) -> None:
    run = cli("new", "proposal", "--region", region, "--year", "2027")
    assert re.search(rf"^id: {expected} ", run.output, re.MULTILINE)


# --- refusals -------------------------------------------------------------------------


def test_an_ambiguous_region_is_a_usage_error_listing_every_candidate(cli) -> None:
    run = cli("new", "proposal", "--region", "중구")
    assert run.exit_code == 2  # --region names no one region: exit 2 in every command
    assert "'중구' names 6 regions" in run.output
    for code, province in [("11140", "Seoul"), ("26110", "Busan"), ("31110", "Ulsan")]:
        assert re.search(rf"^  {code} +Jung-gu \({province}\)$", run.output, re.MULTILINE)
    assert "--region 11140" in run.output


def test_the_candidates_are_listed_in_korean_with_lang_ko(cli) -> None:
    run = cli("new", "proposal", "--region", "고성군", "--lang", "ko")
    assert run.exit_code == 2  # --region names no one region: exit 2 in every command
    assert "'고성군'에 해당하는 지역이 2곳입니다" in run.output
    assert "48820  고성군 (경상남도)" in run.output
    assert "51820  고성군 (강원특별자치도)" in run.output


def test_an_unknown_region_is_a_usage_error_with_the_nearest_names(cli, tmp_path: Path) -> None:
    run = cli("new", "proposal", "--region", "완주근", "--output", str(tmp_path / "x.yaml"))
    assert run.exit_code == 2  # --region names no one region: exit 2 in every command
    assert "no region is called '완주근'" in run.output
    assert "52710  Wanju-gun (Jeonbuk State)" in run.output
    assert list(tmp_path.iterdir()) == []


def test_it_refuses_to_overwrite_without_force(cli, tmp_path: Path) -> None:
    target = tmp_path / "2027-wanju.yaml"
    target.write_text("kind: proposal\n# my work\n", encoding="utf-8")
    run = cli("new", "proposal", "--region", "완주군", "--output", str(target))
    assert run.exit_code == 1
    assert "already exists; add --force" in run.output
    assert target.read_text(encoding="utf-8") == "kind: proposal\n# my work\n"
    assert [path.name for path in tmp_path.iterdir()] == ["2027-wanju.yaml"]

    forced = cli("new", "proposal", "--region", "완주군", "--output", str(target), "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith(MODELINE)


def test_it_leaves_no_temporary_file_behind(cli, tmp_path: Path) -> None:
    _new(cli, tmp_path, "--region", "완주군")
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "2027-wanju.yaml",
        "proposal.schema.json",
    ]


def test_a_missing_output_folder_is_a_usage_error(cli, tmp_path: Path) -> None:
    run = cli("new", "proposal", "--output", str(tmp_path / "nowhere" / "x.yaml"))
    assert run.exit_code == 2
    assert "--output: folder not found" in run.stderr


def test_the_output_cannot_be_the_schema_files_name(cli, tmp_path: Path) -> None:
    run = cli("new", "proposal", "--output", str(tmp_path / "proposal.schema.json"))
    assert run.exit_code == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("region", ["강동구", "11740", "서울특별시"])
def test_seoul_is_refused_as_the_proposing_region(cli, region: str) -> None:
    run = cli("new", "proposal", "--region", region)
    assert run.exit_code == 2
    assert "not beneficiaries" in run.stderr and run.stdout == ""
