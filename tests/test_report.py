"""`matchmaker report`: the page and the workbook say what `rank`, `allocate` and
`sensitivity` say, escape everything they are given, and are byte-for-byte reproducible.
(In a real browser: tests/test_report_browser.py.)"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from matchmaker.allocation.problem import AllocationOptions
from matchmaker.bundled import proposals_dir
from matchmaker.inputs import load_run
from matchmaker.report.data import ReportData, build_report_data
from matchmaker.report.tiles import TILES

TODAY = ("--today", "2026-11-28")
BUDGET = 2_000_000_000  # tight enough that some demands go unassigned
OPTIONS = ("--budget", str(BUDGET), "--min-decline-share", "0.5", *TODAY)

HOSTILE = """\
kind: proposal
id: 2027-hostile
region: 완주군
demands:
  - id: script-title
    title: "<script>alert(1)</script> 공공급식"
    description: "\\"><img src=x onerror=alert(2)> 공공급식 식재료를 서울 어린이집에 & 'quoted'"
    budget_request: 100000000
"""


@pytest.fixture(scope="module")
def data() -> ReportData:
    inputs = load_run([proposals_dir()], None, None, dt.date(2026, 11, 28))
    options = AllocationOptions(budget=BUDGET, min_decline_share=0.5)
    return build_report_data(inputs, options, language="en", draws=100, seed=3)


@pytest.fixture(scope="module")
def allocated() -> dict:
    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    result = CliRunner().invoke(
        app,
        ["allocate", "--format", "json", *OPTIONS],
        env={"MATCHMAKER_LANG": "en"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    import json

    return json.loads(result.output)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "2027-hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    return folder


# --- the data: the library's own results, arranged ----------------------------------------


def test_the_allocation_is_exactly_what_allocate_prints(data: ReportData, allocated: dict) -> None:
    assert data.allocation == allocated
    assert data.summary["assignments"] == len(allocated["assignments"])
    assert data.summary["unassigned"] == len(allocated["unassigned"]) > 0
    assert data.summary["budget_used"] == allocated["budget_used"] <= BUDGET
    assert data.summary["objective"] == allocated["objective"]
    assert data.inputs == allocated["inputs"]


def test_the_matches_are_ranks_top_three(data: ReportData, cli) -> None:
    ranked = cli("rank", "--format", "json", "--top", "3", *TODAY).json()["matches"]
    keys = ("proposal", "demand", "project", "rank", "score", "components", "reasons", "confidence")
    assert [{k: m[k] for k in keys} for m in data.matches] == [
        {k: m[k] for k in keys} for m in ranked
    ]


def test_each_match_carries_its_sensitivity_and_whether_it_was_assigned(data: ReportData) -> None:
    given = {
        (f"{a['proposal']}/{a['demand']}", a["project"]) for a in data.allocation["assignments"]
    }
    for match in data.matches:
        shares = data.sensitivity[match["key"]]
        assert match["first_share"] == shares["first_share"].get(match["project"], 0.0)
        assert 0.0 <= match["first_share"] <= match["top3_share"] <= 1.0
        assert match["assigned"] == ((match["key"], match["project"]) in given)
    tops = {m["key"]: m["project"] for m in data.matches if m["rank"] == 1}
    assert all(data.sensitivity[key]["top_project"] == project for key, project in tops.items())


def test_the_sensitivity_is_seeded(data: ReportData) -> None:
    inputs = load_run([proposals_dir()], None, None, dt.date(2026, 11, 28))
    options = AllocationOptions(budget=BUDGET, min_decline_share=0.5)
    again = build_report_data(inputs, options, language="en", draws=100, seed=3)
    assert again == data
    other = build_report_data(inputs, options, language="en", draws=100, seed=4)
    assert other.sensitivity != data.sensitivity


def test_the_heat_map_covers_every_pair_and_blanks_the_ineligible(data: ReportData) -> None:
    assert len(data.scores) == len(data.demands) == data.summary["demands"]
    assert all(len(row) == len(data.projects) for row in data.scores)
    keys = [d["key"] for d in data.demands]
    assert keys == sorted(keys)
    cell = {
        (d["key"], p["id"]): data.scores[r][c]
        for r, d in enumerate(data.demands)
        for c, p in enumerate(data.projects)
    }
    for match in data.matches:
        assert cell[(match["key"], match["project"])] == match["score"]
    assert any(value is None for row in data.scores for value in row)


def test_every_province_has_its_own_tile_on_the_map(data: ReportData) -> None:
    inputs = load_run([proposals_dir()], None, None, dt.date(2026, 11, 28))
    assert inputs.catalog is not None
    codes = {p.code for p in inputs.catalog.regions.provinces}
    assert len(codes) == 17 and codes == set(TILES)
    positions = [(tile.column, tile.row) for tile in TILES.values()]
    assert len(set(positions)) == len(positions)
    # Rough geography: the capital region north-west, Gangwon north-east, Jeju at the bottom.
    assert TILES["11"].row == TILES["28"].row == 0 and TILES["28"].column < TILES["11"].column
    assert TILES["51"].row == 0 and TILES["51"].column > TILES["11"].column
    assert TILES["50"].row == max(tile.row for tile in TILES.values())


def test_the_map_counts_add_up_to_the_run(data: ReportData) -> None:
    provinces = data.provinces
    assert sum(p["demands"] for p in provinces) == data.summary["demands"]
    assert sum(p["decline_demands"] for p in provinces) == data.summary["decline_demands"]
    assert sum(p["assignments"] for p in provinces) == data.summary["assignments"]
    assert sum(p["krw"] for p in provinces) == data.summary["budget_used"]


def test_the_unmet_demand_section_is_what_gaps_prints(data: ReportData, cli) -> None:
    gaps = cli("gaps", "--format", "json", *TODAY).json()
    assert [c["id"] for c in data.gaps["clusters"]] == [c["id"] for c in gaps["clusters"]]
    for shown, printed in zip(data.gaps["clusters"], gaps["clusters"], strict=True):
        assert {k: v for k, v in shown.items() if k != "lines"} == printed
    assert (data.gaps["unmet"], data.gaps["weak"]) == (gaps["unmet"], gaps["weak"])


def test_the_unmet_heat_map_and_tiles_count_every_clustered_demand(data: ReportData) -> None:
    clustered = sum(c["demand_count"] for c in data.gaps["clusters"])
    by = data.gaps["by_theme_province"]
    assert sum(map(sum, by["counts"])) == clustered > 0
    assert sum(p["unmet"] for p in data.provinces) == clustered
    for province in data.provinces:
        if province["demands"]:
            assert province["unmet_share"] == round(province["unmet"] / province["demands"], 4)


def test_the_survey_section_is_what_survey_prints(data: ReportData, cli) -> None:
    printed = cli("survey", "--format", "json", *TODAY).json()["sections"]
    assert [(h["name"], h["demands"]) for h in data.survey["header"]] == [
        (name, printed[name]["demands"]) for name in ("all", "strong", "without")
    ]
    themes = next(d for d in data.survey["dimensions"] if d["id"] == "themes")
    assert {row["item"]: row["values"][0] for row in themes["rows"]} == printed["all"]["themes"]


# --- the HTML page ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    target = tmp_path_factory.mktemp("page") / "report.html"
    result = CliRunner().invoke(
        app, ["report", *OPTIONS, "--output", str(target)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


def test_the_page_is_korean_and_self_contained(page: str) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="ko">')
    assert "지역상생 협력사업 매칭 보고서" in page
    # Nothing is fetched: no external scripts, styles, images, fonts or links out.
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"\ssrc=", page)
    assert not re.search(r"url\((?!#)", page)  # only url(#gradient) references in SVG
    assert "http://" not in page.replace("http://www.w3.org", "")
    assert "https://" not in page


def test_the_policy_admits_only_the_pages_own_script(page: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None and "default-src 'none'" in policy.group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 1 and page.count("<script") == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy.group(1)


def test_a_demand_no_project_fits_says_so_on_its_card(page: str, data: ReportData) -> None:
    [demand] = [d for d in data.demands if d["no_suitable"]]
    assert demand["key"] == "2026-sinan/island-emergency-care"
    assert data.summary["no_suitable"] == 1
    assert '<span class="badge no-suitable">적합한 사업 없음</span>' in page
    assert "보건·의료에 관한 수요로 읽히는데 이를 다루는 사업이 없습니다" in page


def test_the_page_shows_the_key_figures(page: str, allocated: dict) -> None:
    def figure(name: str) -> str:
        found = re.search(rf'data-figure="{name}" data-value="([^"]*)"', page)
        assert found is not None, name
        return found.group(1)

    assert int(figure("assignments")) == len(allocated["assignments"])
    assert float(figure("objective")) == allocated["objective"]
    assert int(figure("budget-used")) == allocated["budget_used"]
    assert f">{allocated['objective']:,.1f}<" in page
    rows = re.search(
        r'<table class="data sortable" id="allocation-table">.*?</table>', page, flags=re.S
    )
    assert rows is not None and rows.group(0).count("<tr data-decline=") == len(
        allocated["assignments"]
    )


def test_text_from_proposals_is_escaped(hostile: Path, cli, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert cli("report", str(hostile), "--output", str(target), *TODAY).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 공공급식" in page
    assert "<script>alert" not in page and page.count("<script") == 1
    assert "<img" not in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    # inside attributes too: a quote cannot end the attribute early
    assert re.search(r'title="&lt;script&gt;alert\(1\)&lt;/script&gt; 공공급식 × ', page)


def test_the_same_inputs_give_byte_identical_pages(cli, tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for target in (first, second):
        assert cli("report", "--output", str(target), *TODAY).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_the_page_chrome_follows_lang(cli, tmp_path: Path) -> None:
    target = tmp_path / "en.html"
    assert cli("report", "--lang", "en", "--output", str(target), *TODAY).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "planner's report" in page
    # data keeps its language: a Korean demand title stays Korean, marked as such
    assert '<span lang="ko">공공급식 공급 자치구 추가 및 품목 확대</span>' in page


def test_output_is_required(cli) -> None:
    run = cli("report", *TODAY)
    assert run.exit_code == 2 and "--output" in run.output


def test_the_report_never_overwrites_an_input(cli, tmp_path: Path) -> None:
    proposal = tmp_path / "2026-mine.yaml"
    proposal.write_text(
        (proposals_dir() / "2026-wanju.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    before = proposal.read_bytes()
    run = cli("report", str(proposal), "--output", str(proposal), *TODAY)
    assert run.exit_code == 2 and proposal.read_bytes() == before


def test_conflicting_options_are_named_not_a_solver_message(cli, tmp_path: Path) -> None:
    run = cli(
        "report",
        "--min-per-province",
        "4",
        "--lang",
        "en",
        "--output",
        str(tmp_path / "r.html"),
        *TODAY,
    )
    assert run.exit_code == 1
    assert "cannot all hold together" in run.output and "per province" in run.output
    assert not (tmp_path / "r.html").exists()


LOCK = "2026-wanju/youth-farmstay=seoul-farms"


def test_the_report_takes_every_allocation_option_allocate_takes(cli, tmp_path: Path) -> None:
    from tests.test_docs import _options

    options = _options()
    # Language and output differ by design (the report is a file, Korean by default);
    # --keep and --alternates shape allocate's own report of a re-run, not the portfolio.
    shared = options["allocate"] - {"--format", "--output", "--lang", "--keep", "--alternates"}
    assert shared <= options["report"]


def test_a_lock_shapes_the_report_and_is_stated_in_it(cli, tmp_path: Path) -> None:
    options = ("--lock", LOCK, "--synergy-bonus", "0", "--per-demand", "1", *TODAY)
    target = tmp_path / "r.html"
    assert cli("report", *options, "--output", str(target)).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert f"<code>--lock {LOCK}</code>" in page
    assert "<code>--synergy-bonus 0.0</code>" in page
    allocated = cli("allocate", *options, "--format", "json").json()
    given = {f"{a['proposal']}/{a['demand']}": a["project"] for a in allocated["assignments"]}
    assert given["2026-wanju/youth-farmstay"] == "seoul-farms"


def test_a_lock_that_cannot_hold_stops_the_report_too(cli, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    run = cli(
        "report",
        "--lock",
        "2026-andong/public-meals-apples-grains=seoul-farms",
        "--output",
        str(target),
        *TODAY,
    )
    assert run.exit_code == 2
    assert "cannot hold" in run.stderr
    assert not target.exists()


def test_unknown_costs_are_described_as_allocate_describes_them(page: str, allocated: dict) -> None:
    rule = allocated["unknown_cost"]
    if allocated["assignments_with_unknown_cost"]:
        assert f"(--unknown-cost {rule['rule']})" in page


def test_help_does_not_import_the_report_libraries() -> None:
    code = (
        "import sys\nfrom matchmaker.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('jinja2', 'openpyxl', 'matchmaker.report.data')"
        " if m in sys.modules]\nprint('HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "HEAVY:"


# --- the workbook -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    target = tmp_path_factory.mktemp("book") / "report.xlsx"
    result = CliRunner().invoke(
        app,
        ["report", "--format", "xlsx", "--lang", "en", *OPTIONS, "--output", str(target)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return target.read_bytes()


@pytest.fixture(scope="module")
def book(workbook_bytes: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(workbook_bytes))


def _records(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_workbook_has_one_sheet_per_table_with_frozen_headers(book) -> None:
    assert book.sheetnames == [
        "summary",
        "matches",
        "allocation",
        "unassigned",
        "equity",
        "unmet demand",
        "survey",
        "inputs",
    ]
    for sheet in book:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.bold for cell in sheet[1]), sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title


def test_the_allocation_sheet_holds_the_json_values(book, allocated: dict) -> None:
    rows = _records(book["allocation"])
    assert [
        (r["Proposal"], r["Demand"], r["Project"], r["Score"], r["Cost (KRW)"]) for r in rows
    ] == [
        (a["proposal"], a["demand"], a["project"], a["score"], a["cost"])
        for a in allocated["assignments"]
    ]
    assert [(r["Proposal"], r["Demand"], r["Reason"]) for r in _records(book["unassigned"])] == [
        (u["proposal"], u["demand"], u["reason"]) for u in allocated["unassigned"]
    ]
    assert {r["File"]: r["SHA-256"] for r in _records(book["inputs"])} == allocated["inputs"]
    summary = {r["Item"]: r["Value"] for r in _records(book["summary"])}
    assert summary["Objective"] == allocated["objective"]
    assert summary["Budget used"] == allocated["budget_used"]
    assert summary["Assignments"] == len(allocated["assignments"])


def test_the_matches_sheet_marks_the_demands_no_project_fits(book) -> None:
    rows = _records(book["matches"])
    care = [r for r in rows if r["Demand"] == "island-emergency-care"]
    assert care and all(r["Suitable"] is False for r in care)
    assert all(r["Suitable"] is True for r in rows if r["Demand"] != "island-emergency-care")


def test_amounts_and_scores_have_number_formats(book) -> None:
    sheet = book["allocation"]
    header = [cell.value for cell in sheet[1]]
    cost, score = header.index("Cost (KRW)") + 1, header.index("Score") + 1
    assert {sheet.cell(row, cost).number_format for row in range(2, sheet.max_row + 1)} == {
        '"KRW "#,##0'
    }
    assert {sheet.cell(row, score).number_format for row in range(2, sheet.max_row + 1)} == {"0.00"}
    matches = book["matches"]
    header = [cell.value for cell in matches[1]]
    assert matches.cell(2, header.index("first in weight draws") + 1).number_format == "0.0%"


def test_korean_text_is_kept_as_written(book, allocated: dict) -> None:
    rows = _records(book["allocation"])
    andong = next(r for r in rows if (r["Proposal"], r["Demand"]) == ("2026-andong", "hanok-stay"))
    assert andong["Demand title"] == "고택에서 머무는 서울 중장년 한 달 살기"
    assert andong["Region"] == "Andong-si" and andong["Province"] == "Gyeongsangbuk-do"
    equity = _records(book["equity"])
    decline = next(r for r in equity if r["Item"] == "population_decline")
    assert (
        decline["share of assignments"]
        == allocated["equity"]["population_decline"]["assignments_share"]
    )


def test_the_unmet_demand_sheet_has_a_row_per_cluster(book, data: ReportData) -> None:
    rows = _records(book["unmet demand"])
    assert [r["Cluster"] for r in rows] == [c["id"] for c in data.gaps["clusters"]]
    assert [r["Demands"] for r in rows] == [c["demand_count"] for c in data.gaps["clusters"]]
    survey = _records(book["survey"])
    assert len(survey) == sum(len(d["rows"]) for d in data.survey["dimensions"])


def test_the_korean_workbook_names_its_sheets_in_korean(cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "ko.xlsx"
    run = cli("report", "--format", "xlsx", "--lang", "ko", "--output", str(target), *TODAY)
    assert run.exit_code == 0
    book = load_workbook(target)
    assert book.sheetnames == [
        "요약",
        "매칭",
        "배정",
        "미배정",
        "형평성",
        "미충족 수요",
        "수요 조사",
        "입력",
    ]
    assert book["배정"]["A1"].value == "제안서"
    header = [cell.value for cell in book["배정"][1]]
    assert book["배정"].cell(2, header.index("비용(원)") + 1).number_format == '#,##0"원"'


def test_the_same_inputs_give_a_byte_identical_workbook(
    workbook_bytes: bytes, cli, tmp_path: Path
) -> None:
    target = tmp_path / "again.xlsx"
    run = cli("report", "--format", "xlsx", "--lang", "en", *OPTIONS, "--output", str(target))
    assert run.exit_code == 0
    assert target.read_bytes() == workbook_bytes


def test_the_format_follows_the_output_name_and_dash_is_stdout(cli, tmp_path: Path) -> None:
    workbook = tmp_path / "r.xlsx"
    run = cli("report", "--draws", "0", "--output", str(workbook), "--today", "2026-11-28")
    assert run.exit_code == 0, run.output
    assert workbook.read_bytes()[:2] == b"PK"  # a zip: the workbook, not HTML
    page = cli("report", "--draws", "0", "--output", "-", "--today", "2026-11-28")
    assert page.stdout.startswith("<!DOCTYPE html>")
    assert not Path("-").exists()


def test_the_report_follows_matchmaker_lang(cli, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    cli(
        "report",
        "--draws",
        "0",
        "--output",
        str(target),
        "--today",
        "2026-11-28",
        env={"MATCHMAKER_LANG": "en"},
    )
    assert '<html lang="en">' in target.read_text(encoding="utf-8")


def test_draws_0_says_not_computed_instead_of_0_percent(cli, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    cli("report", "--draws", "0", "--lang", "en", "--output", str(target), *TODAY)
    page = target.read_text(encoding="utf-8")
    assert "not computed (--draws 0)" in page and "first in draws 0%" not in page


# --- the history section (--history): earlier rounds per region, attainment per project --

HISTORY = Path(__file__).resolve().parent.parent / "examples" / "records"


@pytest.fixture(scope="module")
def history_data() -> ReportData:
    inputs = load_run([proposals_dir()], None, None, dt.date(2026, 11, 28), history=HISTORY)
    return build_report_data(inputs, AllocationOptions(), language="en", draws=0)


@pytest.fixture(scope="module")
def monitored() -> dict:
    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    result = CliRunner().invoke(
        app,
        ["monitor", "--history", str(HISTORY), "--format", "json", *TODAY],
        env={"MATCHMAKER_LANG": "en"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    import json

    return json.loads(result.output)


def test_without_history_the_report_has_no_history(data: ReportData, page: str) -> None:
    assert data.history is None
    assert 'id="history"' not in page and "#history" not in page


def test_attainment_per_project_is_what_monitor_prints(
    history_data: ReportData, monitored: dict
) -> None:
    assert history_data.history is not None
    attained = monitored["attainment"]
    rows = {row["project"]: row for row in history_data.history["attainment"]}
    assert {p: r["targets"] for p, r in rows.items() if r["targets"]} == attained["by_project"]
    assert {p: r["continued"] for p, r in rows.items() if r["continued"]} == attained[
        "continued_after_support"
    ]
    assert history_data.history["regions"] == attained["by_region"]


def test_the_timeline_holds_every_funded_pair_with_its_results(history_data: ReportData) -> None:
    import yaml

    assert history_data.history is not None
    shown = {
        (pair["round"], pair["demand"], pair["project"], region["code"], pair["amount"])
        for region in history_data.history["timeline"]
        for pair in region["pairs"]
    }
    recorded = set()
    for decision in sorted(HISTORY.glob("*/decision.yaml")):
        document = yaml.safe_load(decision.read_text("utf-8"))
        recorded |= {
            (document["round"], p["demand"], p["project"], p["region"], p.get("amount"))
            for p in document["pairs"]
        }
    assert shown == recorded
    # By hand, examples/records/2024/results/wanju-public-meals-2026.yaml: both targets met
    # (82,300 ≥ 82,000 and 12,650 ≥ 12,500), and cooperation continued.
    [wanju] = [r for r in history_data.history["timeline"] if r["code"] == "52710"]
    [pair] = wanju["pairs"]
    assert pair["results"] == [
        {"year": 2025, "met": 1, "of": 1, "continued": None},
        {"year": 2026, "met": 2, "of": 2, "continued": True},
    ]


def test_the_page_with_history_has_the_section_and_the_same_allocation(
    cli, tmp_path: Path, history_data: ReportData
) -> None:
    target = tmp_path / "history.html"
    run = cli("report", "--history", str(HISTORY), "--draws", "0", "--output", str(target), *TODAY)
    assert run.exit_code == 0, run.output
    page = target.read_text(encoding="utf-8")
    assert '<a href="#history">' in page and '<section id="history">' in page
    assert history_data.history is not None
    for region in history_data.history["timeline"]:
        assert f'data-region="{region["code"]}" data-pairs="{len(region["pairs"])}"' in page
    for row in history_data.history["attainment"]:
        targets = row["targets"] or {"met": 0, "of": 0}
        assert f'data-project="{row["project"]}" data-met="{targets["met"]}"' in page
    # The style is the page's own, still one script admitted by its hash, nothing fetched.
    assert page.count("<script") == 1 and "https://" not in page


def test_the_workbook_with_history_has_a_history_and_an_attainment_sheet(
    cli, tmp_path: Path, history_data: ReportData
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "history.xlsx"
    run = cli(
        "report",
        "--history",
        str(HISTORY),
        "--draws",
        "0",
        "--lang",
        "en",
        "--output",
        str(target),
        *TODAY,
    )
    assert run.exit_code == 0, run.output
    book = load_workbook(target)
    assert book.sheetnames[-3:] == ["history", "attainment", "inputs"]
    assert history_data.history is not None
    rows = _records(book["history"])
    pairs = [p for r in history_data.history["timeline"] for p in r["pairs"]]
    # One row per result year, and one for a pair with no result yet.
    assert len(rows) == sum(max(len(p["results"]), 1) for p in pairs)
    attained = {r["Project"]: r for r in _records(book["attainment"])}
    for row in history_data.history["attainment"]:
        if row["targets"]:
            sheet_row = attained[row["project"]]
            assert (sheet_row["Targets met"], sheet_row["Targets judged"]) == (
                row["targets"]["met"],
                row["targets"]["of"],
            )


def test_a_funded_pair_without_a_region_is_shown_apart(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from matchmaker.report.xlsx import render_xlsx

    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "decision.yaml").write_text(
        "kind: decision\nround: 2025\npairs:\n"
        "  - {demand: 2025-nowhere/meals, project: urban-rural-public-meals}\n",
        encoding="utf-8",
    )
    inputs = load_run([proposals_dir()], None, None, dt.date(2026, 11, 28), history=tmp_path)
    found = build_report_data(inputs, AllocationOptions(), language="en", draws=0)
    assert found.history is not None and found.history["timeline"] == []
    assert [p["demand"] for p in found.history["unplaced"]] == ["2025-nowhere/meals"]
    from matchmaker.report.html import render_html

    page = render_html(found)
    assert 'id="history-unplaced"' in page and 'data-demand="2025-nowhere/meals"' in page
    book = load_workbook(io.BytesIO(render_xlsx(found)))
    rows = _records(book["history"])
    assert [(r["Region code"], r["Demand"]) for r in rows] == [(None, "2025-nowhere/meals")]


# --- the same report asked again (matchmaker/answers.py) ---


@pytest.mark.parametrize("suffix", [".html", ".xlsx"])
def test_a_report_asked_again_is_written_again_without_loading(
    cli, own_cache: Path, loads: list[tuple], tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"report{suffix}"
    options = ("report", "--draws", "20", *TODAY, "-o", str(target))
    assert cli(*options).exit_code == 0
    written = target.read_bytes()
    target.unlink()
    again = cli(*options)
    assert again.exit_code == 0 and len(loads) == 1
    assert target.read_bytes() == written  # a workbook's bytes, as they were written


def test_a_report_within_a_time_limit_is_never_answered_from_the_cache(
    cli, own_cache: Path, loads: list[tuple], tmp_path: Path
) -> None:
    options = ("report", "--draws", "20", *TODAY, "--time-limit", "60")
    for _ in range(2):
        assert cli(*options, "-o", str(tmp_path / "report.html")).exit_code == 0
    assert len(loads) == 2 and not list(own_cache.rglob("*.out"))
