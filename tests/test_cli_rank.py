"""`matchmaker rank` and `explain`: formats, options, determinism, safety of --output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from matchmaker.bundled import proposals_dir

TODAY = ("--today", "2026-11-28")


@pytest.fixture(scope="module")
def ranked_json() -> dict:
    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    result = CliRunner().invoke(
        app,
        ["rank", "--format", "json", *TODAY],
        env={"MATCHMAKER_LANG": "en"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_rank_with_no_arguments_ranks_the_bundled_examples(ranked_json: dict) -> None:
    demands = {(m["proposal"], m["demand"]) for m in ranked_json["matches"]}
    assert len(demands) >= 20
    assert all(1 <= m["rank"] <= 3 for m in ranked_json["matches"])


def test_json_has_the_documented_shape(ranked_json: dict) -> None:
    assert ranked_json["version"] == 1
    assert ranked_json["tool"]["name"] == "matchmaker"
    assert ranked_json["profile"]["id"] == "default"
    assert any(path.startswith("catalog/projects/") for path in ranked_json["inputs"])
    assert all(len(digest) == 64 for digest in ranked_json["inputs"].values())
    match = ranked_json["matches"][0]
    assert set(match) == {
        "proposal",
        "demand",
        "region",
        "project",
        "rank",
        "score",
        "components",
        "eligible",
        "reasons",
        "confidence",
        "suitable",
    }
    assert set(match["components"]) == {"demand_fit", "long_term", "synergy"}
    assert set(match["region"]) == {"code", "name"}
    assert match["reasons"]


def test_a_demand_no_project_serves_is_answered_no_suitable_project(ranked_json: dict) -> None:
    # Sinan's island emergency care: no Seoul project is about health care.
    unsuitable = ranked_json["no_suitable_project"]
    assert [(u["proposal"], u["demand"]) for u in unsuitable] == [
        ("2026-sinan", "island-emergency-care")
    ]
    assert unsuitable[0]["best_fit"] < unsuitable[0]["threshold"] == 24
    shown = [m for m in ranked_json["matches"] if m["demand"] == "island-emergency-care"]
    assert shown and not any(m["suitable"] for m in shown)
    assert all(
        m["suitable"] for m in ranked_json["matches"] if m["demand"] != "island-emergency-care"
    )


def test_no_suitable_lists_only_those_demands_in_every_format(cli) -> None:
    table = cli("rank", "--no-suitable", "--lang", "en", *TODAY).output
    assert "2026-sinan/island-emergency-care" in table
    assert "No suitable project: the best demand fit is" in table
    assert "2026-wanju" not in table
    markdown = cli("rank", "--no-suitable", "--format", "markdown", "--lang", "ko", *TODAY)
    assert "**적합한 사업 없음: 가장 높은 수요 적합도" in markdown.output
    rows = cli("rank", "--no-suitable", "--format", "csv", *TODAY).output.splitlines()
    header = rows[0].lstrip("\ufeff").split(",")
    assert all(row.split(",")[header.index("suitable")] == "no" for row in rows[1:])


def test_scores_are_the_weighted_mean_of_the_components(ranked_json: dict) -> None:
    weights = ranked_json["profile"]["weights"]
    for match in ranked_json["matches"]:
        c = match["components"]
        expected = sum(weights[name] * c[name] for name in c)
        assert match["score"] == pytest.approx(expected, abs=0.02)


def test_same_inputs_give_byte_identical_output(cli) -> None:
    first = cli("rank", "--format", "json", *TODAY).output
    second = cli("rank", "--format", "json", *TODAY).output
    assert first == second


def test_ranks_within_a_demand_are_ordered_by_score(ranked_json: dict) -> None:
    by_demand: dict[tuple[str, str], list[dict]] = {}
    for match in ranked_json["matches"]:
        by_demand.setdefault((match["proposal"], match["demand"]), []).append(match)
    for matches in by_demand.values():
        scores = [m["score"] for m in sorted(matches, key=lambda m: m["rank"])]
        assert scores == sorted(scores, reverse=True)


def test_top_zero_lists_every_eligible_project(cli) -> None:
    data = cli("rank", "--format", "json", "--top", "0", *TODAY).json()
    counts: dict[str, int] = {}
    for match in data["matches"]:
        counts[match["demand"]] = counts.get(match["demand"], 0) + 1
    assert max(counts.values()) > 3


def test_by_project_groups_demands_under_each_project(cli) -> None:
    data = cli("rank", "--by", "project", "--top", "2", "--format", "json", *TODAY).json()
    projects = [m["project"] for m in data["matches"]]
    assert projects == sorted(projects)
    assert max(projects.count(p) for p in set(projects)) <= 2


def test_region_and_project_filters(cli) -> None:
    data = cli(
        "rank",
        "--region",
        "완주군",
        "--project",
        "urban-rural-public-meals",
        "--format",
        "json",
        *TODAY,
    ).json()
    assert {m["region"]["code"] for m in data["matches"]} == {"52710"}
    assert {m["project"] for m in data["matches"]} == {"urban-rural-public-meals"}


def test_unknown_project_filter_is_a_usage_error_with_a_suggestion(cli) -> None:
    run = cli("rank", "--project", "seoul-farm", *TODAY)
    assert run.exit_code == 2
    assert "seoul-farms" in run.output


def test_include_ineligible_lists_excluded_pairs_with_their_reason(cli) -> None:
    data = cli("rank", "--include-ineligible", "--top", "1", "--format", "json", *TODAY).json()
    excluded = [m for m in data["matches"] if not m["eligible"]]
    assert excluded
    assert all(m["rank"] == 0 and m["reasons"][0].startswith("Not eligible") for m in excluded)


def test_csv_opens_in_excel_with_hangul(cli, tmp_path: Path) -> None:
    target = tmp_path / "matches.csv"
    run = cli("rank", "--format", "csv", "--lang", "ko", "--output", str(target), *TODAY)
    assert run.exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["proposal", "demand", "region_code", "region"]
    assert any("군" in row[3] for row in rows[1:])


def test_markdown_has_a_paragraph_per_match(cli) -> None:
    text = cli("rank", "--format", "markdown", "--top", "1", *TODAY).output
    assert text.startswith("# Matches")
    assert text.count("\n### 1. ") >= 20
    assert "Demand fit" in text


def test_table_fits_80_columns_with_korean(cli) -> None:
    from matchmaker.diagnostics.render import display_width

    text = cli("rank", "--lang", "ko", *TODAY).output
    assert "완주군" in text
    assert max(display_width(line) for line in text.splitlines()) <= 80


def test_output_refuses_to_overwrite_an_input(cli, tmp_path: Path) -> None:
    proposal = tmp_path / "p.yaml"
    source = proposals_dir() / "2026-wanju.yaml"
    proposal.write_bytes(source.read_bytes())
    run = cli("rank", str(proposal), "--output", str(proposal), *TODAY)
    assert run.exit_code == 2
    assert proposal.read_bytes() == source.read_bytes()


def test_a_broken_proposal_stops_the_run_with_diagnostics(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "kind: proposal\nid: x\nregion: 중구\ndemands:\n  - {id: d, title: t, description: d}\n",
        encoding="utf-8",
    )
    run = cli("rank", str(bad), *TODAY)
    assert run.exit_code == 1
    assert "ambiguous-region" in run.output


def test_explain_shows_points_weights_gates_and_a_counterfactual(cli) -> None:
    run = cli("explain", "2026-wanju/public-meals-second-gu", "urban-rural-public-meals", *TODAY)
    assert run.exit_code == 0, run.output
    text = run.output
    for words in ("demand fit", "long-term value", "synergy", "Gates:", "Reasons:"):
        assert words in text
    assert "would tie them" in text or "No change of a single weight" in text


def test_explain_json_counterfactual_ties_the_two_projects(cli, ranked_json: dict) -> None:
    # The first bundled first-ranked pair that one weight change can reorder.
    for match in (m for m in ranked_json["matches"] if m["rank"] == 1):
        demand = f"{match['proposal']}/{match['demand']}"
        data = cli("explain", demand, match["project"], "--format", "json", *TODAY).json()
        if data["counterfactual"] and data["counterfactual"]["component"] is not None:
            break
    else:
        pytest.fail("no first-ranked bundled pair has a single-weight counterfactual")
    counterfactual = data["counterfactual"]
    breakdown = {part["component"]: part["points"] for part in data["breakdown"]}
    assert sum(part["contribution"] for part in data["breakdown"]) == pytest.approx(
        data["match"]["score"] - data["population_decline_bonus"], abs=0.05
    )
    other = cli(
        "explain", demand, counterfactual["other_project"], "--format", "json", *TODAY
    ).json()
    other_points = {part["component"]: part["points"] for part in other["breakdown"]}
    weights = counterfactual["new_weights"]
    this_total = sum(weights[k] * breakdown[k] for k in weights)
    other_total = sum(weights[k] * other_points[k] for k in weights)
    assert this_total == pytest.approx(other_total, abs=0.05)


def test_explain_of_the_only_eligible_project_has_no_counterfactual(cli) -> None:
    # Andong's public-meals demand has one eligible project; explaining it used to crash.
    data = cli(
        "explain",
        "2026-andong/public-meals-apples-grains",
        "urban-rural-public-meals",
        "--format",
        "json",
        *TODAY,
    ).json()
    assert data["counterfactual"] is None


def test_explain_unknown_demand_suggests_the_closest(cli) -> None:
    run = cli("explain", "2026-wanju/public-meal", "urban-rural-public-meals", *TODAY)
    assert run.exit_code == 2
    assert "public-meals-second-gu" in run.output


def test_long_term_and_synergy_fade_for_projects_that_do_not_answer_the_demand(cli) -> None:
    data = cli("rank", "--format", "json", "--top", "0", *TODAY).json()
    weak = [m for m in data["matches"] if m["components"]["demand_fit"] < 45]
    assert weak
    for match in weak:
        relevance = match["components"]["demand_fit"] / 45
        assert match["components"]["long_term"] <= 100 * relevance + 0.01
        assert match["components"]["synergy"] <= 100 * relevance + 0.01


def test_korean_output_shows_no_identifiers_in_its_sentences(cli) -> None:
    # Reasons name region kinds, partner kinds and assumed signals in Korean; JSON and
    # CSV keep the identifiers for programs.
    text = cli(
        "rank", "--lang", "ko", "--format", "markdown", "--include-ineligible", *TODAY
    ).stdout
    for identifier in (
        "co_funding",
        "capacity_building",
        "readiness",
        "continuity",
        "cooperative",
        "social-enterprise",
        "university",
        "timing",
    ):
        assert identifier not in text, identifier
    assert "자료 없음(중립값 가정): " in text and "지역 부담" in text


def test_an_expired_proposal_is_left_out_unless_asked_for(cli) -> None:
    # Andong's proposal is valid until 2028-06-30.
    late = ("--today", "2029-06-01")
    left_out = cli("rank", "--format", "json", *late)
    assert "expired-proposal" in left_out.stderr and "2026-andong" in left_out.stderr
    assert not any(m["proposal"] == "2026-andong" for m in left_out.json()["matches"])
    kept = cli("rank", "--format", "json", "--include-expired", *late).json()
    assert any(m["proposal"] == "2026-andong" for m in kept["matches"])
    assert kept["options"]["include_expired"] is True


def test_every_option_that_shapes_the_ranking_is_recorded(cli) -> None:
    options = cli(
        "rank",
        "--format",
        "json",
        "--region",
        "완주군",
        "--project",
        "seoul-farms",
        "--include-ineligible",
        *TODAY,
    ).json()["options"]
    assert options == {
        "by": "demand",
        "top": 3,
        "language": "en",
        "regions": ["52710"],
        "projects": ["seoul-farms"],
        "include_ineligible": True,
        "no_suitable": False,
        "include_expired": False,
        "today": "2026-11-28",
    }


def test_an_excluded_pair_in_the_table_says_why(cli) -> None:
    wanju = str(proposals_dir() / "2026-wanju.yaml")
    out = cli("rank", wanju, "--include-ineligible", "--top", "1", *TODAY).stdout
    assert "Not eligible:" in out


# --- the same question asked again (matchmaker/answers.py) ---

LATER = ("--today", "2030-11-28", "--include-expired")  # warnings: expired, stale regions


def test_rank_asked_again_prints_the_same_warnings_and_output_without_loading(
    cli, own_cache: Path, loads: list[tuple]
) -> None:
    first = cli("rank", "-f", "json", *LATER)
    assert first.exit_code == 0 and "warning[expired-proposal]" in first.stderr
    again = cli("rank", "-f", "json", *LATER)
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, first.stderr)
    assert len(loads) == 1
    table = cli("rank", *LATER)  # another format: another question
    assert len(loads) == 2 and table.stdout != first.stdout


@pytest.mark.parametrize(
    "change",
    ["reworded", "added", "removed", "--top", "--today", "--lang", "--region", "--no-suitable"],
)
def test_any_change_is_answered_afresh_as_without_a_cache(
    cli, own_cache: Path, loads: list[tuple], tmp_path: Path, change: str
) -> None:
    import shutil

    folder = tmp_path / "proposals"
    shutil.copytree(proposals_dir(), folder)
    options = ["-f", "json", *TODAY]
    assert cli("rank", str(folder), *options).exit_code == 0
    first = sorted(folder.glob("*.yaml"))[0]
    if change == "reworded":
        text = first.read_text(encoding="utf-8")
        first.write_text(text.replace("description: ", "description: 다시 ", 1), encoding="utf-8")
    elif change == "added":  # the first again, its ids changed, in a new sub-folder
        (folder / "more").mkdir()
        lines = first.read_text(encoding="utf-8").splitlines(keepends=True)
        renamed = [
            line.rstrip("\n") + "-added\n" if line.lstrip().startswith(("id: ", "- id: ")) else line
            for line in lines
        ]
        (folder / "more" / "added.yaml").write_text("".join(renamed), encoding="utf-8")
    elif change == "removed":
        first.unlink()
    else:
        options += {
            "--top": ["--top", "2"],
            "--today": ["--today", "2026-11-29"],
            "--lang": ["--lang", "ko"],
            "--region": ["--region", "완주군"],
            "--no-suitable": ["--no-suitable"],
        }[change]
    fresh = cli("rank", str(folder), *options)
    assert len(loads) == 2  # loaded and scored again
    plain = cli("--no-cache", "rank", str(folder), *options)
    assert (fresh.exit_code, fresh.stdout, fresh.stderr) == (0, plain.stdout, plain.stderr)


def test_an_answer_written_to_a_file_is_written_again_keeping_its_mode(
    cli, own_cache: Path, loads: list[tuple], tmp_path: Path
) -> None:
    target = tmp_path / "ranked.json"
    assert cli("rank", "-f", "json", *TODAY, "-o", str(target)).exit_code == 0
    written = target.read_bytes()
    target.write_text("older\n")
    target.chmod(0o600)
    again = cli("rank", "-f", "json", *TODAY, "-o", str(target))
    assert again.exit_code == 0 and len(loads) == 1
    assert target.read_bytes() == written and target.stat().st_mode & 0o777 == 0o600


def test_a_run_that_fails_or_is_told_no_cache_keeps_no_answer(
    cli, own_cache: Path, loads: list[tuple], tmp_path: Path
) -> None:
    import shutil

    folder = tmp_path / "proposals"
    shutil.copytree(proposals_dir(), folder)
    (folder / "broken.yaml").write_text("kind: proposal\nregion: [\n", encoding="utf-8")
    for _ in range(2):
        assert cli("rank", str(folder), *TODAY).exit_code == 1
    assert len(loads) == 2
    for _ in range(2):
        assert cli("--no-cache", "rank", *TODAY).exit_code == 0
    assert len(loads) == 4
    assert not list(own_cache.rglob("*.out"))


def test_a_kept_answer_never_replaces_one_of_the_files_it_was_made_from(
    own_cache: Path, tmp_path: Path
) -> None:
    import typer

    from matchmaker.answers import Recording
    from matchmaker.cli.shell import replay_answer

    source = tmp_path / "a.yaml"
    source.write_text("kind: proposal\n", encoding="utf-8")
    with Recording("a" * 64, files=[source]) as recording:
        list(recording.tee(["{}\n"]))
        recording.keep()
    with pytest.raises(typer.Exit) as stopped:
        replay_answer(recording, source, "en")
    assert stopped.value.exit_code == 2 and source.read_text() == "kind: proposal\n"


def test_relative_paths_from_another_folder_are_another_question(
    cli, own_cache: Path, loads: list[tuple], tmp_path: Path, monkeypatch
) -> None:
    import shutil

    for name in ("one", "two"):  # the same file name, other bytes in each folder
        shutil.copytree(proposals_dir(), tmp_path / name / "proposals")
    edited = sorted((tmp_path / "two" / "proposals").glob("*.yaml"))[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("description: ", "description: 다시 ", 1), encoding="utf-8")
    ranked = []
    for name in ("one", "two", "one"):
        monkeypatch.chdir(tmp_path / name)
        ranked.append(cli("rank", "proposals", "-f", "json", *TODAY).stdout)
    assert len(loads) == 2 and ranked[0] == ranked[2] != ranked[1]
