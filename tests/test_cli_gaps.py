"""`matchmaker gaps` and `matchmaker survey`: formats, options, drafts and determinism."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_gaps import elderly_care_folder, write_proposal

TODAY = ("--today", "2026-11-28")
BUNDLED = str(REPO / "examples" / "proposals")
ILLUSTRATIVE = str(REPO / "examples" / "unmet-demand")


def test_the_hand_made_elderly_care_case_is_one_cluster_of_three_regions(cli, tmp_path) -> None:
    care = elderly_care_folder(tmp_path / "care")
    run = cli("gaps", BUNDLED, str(care), *TODAY, "--format", "json")
    assert run.exit_code == 0, run.output
    document = run.json()
    assert document["version"] == 1 and document["tool"]["name"] == "matchmaker"
    assert any(name.endswith("2027-care-0.yaml") for name in document["inputs"])
    clusters = [
        c
        for c in document["clusters"]
        if any(d["proposal"].startswith("2027-care") for d in c["demands"])
    ]
    assert len(clusters) == 1
    (cluster,) = clusters
    assert cluster["demand_count"] == 3 and cluster["region_count"] == 3
    assert sorted(r["name"]["ko"] for r in cluster["regions"]) == ["봉화군", "청송군", "함평군"]
    assert cluster["region_kinds"] == {"gun": 3}
    assert cluster["label"]["ko"].startswith("돌봄·복지 서비스")
    assert len(cluster["representatives"]) == 3
    assert cluster["closest_project"]["mean_fit"] < document["threshold"]


def test_bundled_and_illustrative_demands_give_a_cluster_per_need(cli) -> None:
    run = cli("gaps", BUNDLED, ILLUSTRATIVE, *TODAY, "--format", "json")
    clusters = {
        c["id"]: sorted(f"{d['proposal']}/{d['demand']}" for d in c["demands"])
        for c in run.json()["clusters"]
    }
    assert clusters["care-services-1"] == [
        "example-2026-boseong/elderly-care-visits",
        "example-2026-namhae/elderly-care-workers",
        "example-2026-uiseong/elderly-home-care",
    ]
    assert clusters["transport-1"] == [
        "example-2026-uiseong/demand-responsive-bus",
        "example-2026-yeongyang/rural-bus",
    ]
    assert "example-2026-jinan/maternity-care" in clusters["health-care-1"]


def test_output_is_byte_identical_whatever_the_order_of_the_files(cli, tmp_path) -> None:
    sources = sorted(Path(ILLUSTRATIVE).glob("*.yaml")) + sorted(Path(BUNDLED).glob("*.yaml"))
    outputs = []
    for name, ordered in (("forward", sources), ("backward", sources[::-1])):
        folder = tmp_path / name
        folder.mkdir()
        for number, source in enumerate(ordered):
            shutil.copy(source, folder / f"{number:02d}-{source.name}")
        run = cli("gaps", str(folder), *TODAY, "--format", "json")
        assert run.exit_code == 0, run.output
        document = run.json()
        document.pop("inputs")  # the copies' names differ; their clusters must not
        outputs.append(json.dumps(document, ensure_ascii=False))
    assert outputs[0] == outputs[1]


def test_csv_has_a_bom_and_never_runs_a_title_as_a_formula(cli, tmp_path) -> None:
    write_proposal(
        tmp_path, "2027-formula", "영양군", "'=HYPERLINK(\"x\")'", "요양보호사가 없습니다."
    )
    run = cli("gaps", str(tmp_path), *TODAY, "--format", "csv")
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith("\ufeffcluster,cluster_label,")
    assert "'=HYPERLINK" in run.stdout


def test_markdown_escapes_the_regions_text(cli, tmp_path) -> None:
    write_proposal(
        tmp_path, "2027-md", "영양군", "'[링크](http://x) *돌봄*'", "요양보호사가 없습니다."
    )
    run = cli("gaps", str(tmp_path), *TODAY, "--format", "markdown", "--lang", "ko")
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith("# 충족되지 않은 수요")
    assert "\\[링크\\](http://x) \\*돌봄\\*" in run.stdout


def test_table_names_each_cluster_and_why_the_closest_project_falls_short(cli) -> None:
    run = cli("gaps", BUNDLED, ILLUSTRATIVE, *TODAY, "--lang", "en")
    assert run.exit_code == 0, run.output
    assert "care-services-1 · Care and welfare services" in run.stdout
    assert "against the threshold of 24" in run.stdout
    assert "Representative demands:" in run.stdout


def test_output_option_writes_the_file(cli, tmp_path) -> None:
    target = tmp_path / "gaps.json"
    run = cli("gaps", BUNDLED, *TODAY, "--format", "json", "--output", str(target))
    assert run.exit_code == 0 and run.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["clusters"]


def test_region_option_keeps_only_that_regions_demands(cli) -> None:
    run = cli("gaps", BUNDLED, ILLUSTRATIVE, *TODAY, "--format", "json", "--region", "경상북도")
    keys = {d["proposal"] for c in run.json()["clusters"] for d in c["demands"]}
    assert keys == {"example-2026-uiseong", "example-2026-yeongyang"}


def test_an_unknown_region_is_a_usage_error(cli) -> None:
    assert cli("gaps", BUNDLED, *TODAY, "--region", "없는군").exit_code == 2


# --- drafts -----------------------------------------------------------------------------


def _validate(cli, path: Path) -> tuple[int, list[dict]]:
    run = cli("validate", str(path), "--format", "json", *TODAY)
    return run.exit_code, run.json()["diagnostics"]


def test_a_draft_fails_validate_at_each_todo_until_its_facts_are_filled_in(cli, tmp_path) -> None:
    target = tmp_path / "draft-care-services-1.yaml"
    run = cli(
        "gaps", BUNDLED, ILLUSTRATIVE, *TODAY, "--draft", "care-services-1", "-o", str(target)
    )
    assert run.exit_code == 0, run.output
    text = target.read_text(encoding="utf-8")
    assert "id: draft-care-services-1" in text and "themes: [care-services]" in text
    status, diagnostics = _validate(cli, target)
    assert status == 1
    todo_lines = [
        n
        for n, line in enumerate(text.splitlines(), 1)
        if '""  # TODO' in line and not line.lstrip().startswith("#")
    ]
    assert sorted(d["line"] for d in diagnostics) == todo_lines  # each TODO, nothing else
    filled = (
        text.replace('ko: ""  # TODO: 사업 이름', "ko: 어르신 방문 돌봄 협력")
        .replace('en: ""  # TODO: project name', "en: Home care cooperation")
        .replace('policy_area: ""', "policy_area: cooperation-system")
        .replace(
            'ko: ""  # TODO: 사업이 무엇을 하는지(출처에 근거해)',
            "ko: 방문 돌봄 인력을 함께 키운다.",
        )
        .replace('en: ""  # TODO: what the project does, from its sources', "en: Care workers.")
        .replace('title: ""', "title: 예시 출처")
    )
    target.write_text(filled, encoding="utf-8")
    status, diagnostics = _validate(cli, target)
    assert status == 0, diagnostics


def test_a_draft_never_overwrites_a_file(cli, tmp_path) -> None:
    target = tmp_path / "draft.yaml"
    target.write_text("mine\n", encoding="utf-8")
    run = cli(
        "gaps", BUNDLED, ILLUSTRATIVE, *TODAY, "--draft", "care-services-1", "-o", str(target)
    )
    assert run.exit_code == 2 and "already exists" in run.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_an_unknown_cluster_is_a_usage_error_with_a_suggestion(cli, tmp_path) -> None:
    run = cli(
        "gaps",
        BUNDLED,
        ILLUSTRATIVE,
        *TODAY,
        "--draft",
        "care-service-1",
        "-o",
        str(tmp_path / "x.yaml"),
    )
    assert run.exit_code == 2
    assert "did you mean 'care-services-1'" in run.stderr


# --- survey -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def surveyed() -> dict:
    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    result = CliRunner().invoke(
        app,
        ["survey", BUNDLED, ILLUSTRATIVE, *TODAY, "--format", "json"],
        env={"MATCHMAKER_LANG": "en"},
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_survey_splits_every_demand_into_strong_match_or_not(surveyed: dict) -> None:
    sections = surveyed["sections"]
    assert sections["all"]["demands"] == 36  # 30 bundled + 6 illustrative
    assert sections["strong"]["demands"] + sections["without"]["demands"] == 36
    for table in ("provinces", "region_kinds", "languages", "years", "starts"):
        for key, count in sections["all"][table].items():
            split = sections["strong"][table].get(key, 0) + sections["without"][table].get(key, 0)
            assert split == count, (table, key)
    assert sum(sections["all"]["provinces"].values()) == 36


def test_survey_counts_the_illustrative_needs_among_those_without_a_strong_match(
    surveyed: dict,
) -> None:
    without = surveyed["sections"]["without"]
    assert without["themes"]["care-services"] >= 3
    assert without["policy_areas"]["none"] >= 6  # care, transport, health: outside the plan
    assert surveyed["sections"]["all"]["languages"] == {"ko": 26, "en": 10}


def test_survey_budgets_add_up_the_requests_stated(surveyed: dict) -> None:
    budgets = surveyed["sections"]["all"]["budgets"]
    strong, without = (surveyed["sections"][s]["budgets"] for s in ("strong", "without"))
    assert budgets["total"] == strong["total"] + without["total"]
    assert budgets["stated"] == strong["stated"] + without["stated"]


@pytest.mark.parametrize("output_format", ["table", "csv", "markdown"])
def test_survey_formats(cli, output_format: str) -> None:
    run = cli("survey", BUNDLED, *TODAY, "--format", output_format, "--lang", "ko")
    assert run.exit_code == 0, run.output
    if output_format == "csv":
        assert run.stdout.startswith("\ufeffdimension,item,label,all,strong,without")
    elif output_format == "markdown":
        assert run.stdout.startswith("# 수요 조사") and "## 정책 분야" in run.stdout
    else:
        assert "정책 분야" in run.stdout and "강한 매칭 없음" in run.stdout


def test_a_run_with_every_demand_well_served_says_so(cli, tmp_path) -> None:
    write_proposal(
        tmp_path,
        "2027-meals",
        "완주군",
        "공공급식 식재료 공급",
        "관내 친환경 농산물을 서울 자치구 공공급식센터를 통해 "
        "어린이집 급식 식재료로 공급하고 싶습니다.",
    )
    run = cli("gaps", str(tmp_path), *TODAY, "--format", "json")
    assert run.exit_code == 0, run.output
    assert run.json()["clusters"] == [] and run.json()["unmet"] == 0
    table = cli("gaps", str(tmp_path), *TODAY, "--lang", "en")
    assert "Every demand is well served." in table.stdout
    draft = cli("gaps", str(tmp_path), *TODAY, "--draft", "x", "-o", str(tmp_path / "d.yaml"))
    assert draft.exit_code == 2 and "no unmet demand" in draft.stderr
    assert not (tmp_path / "d.yaml").exists()
