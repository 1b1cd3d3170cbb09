"""`matchmaker letters`: one Markdown letter per region, whose reason for every unfunded
demand is the allocate JSON's reason, word for word, in Korean or English."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import matchmaker
from matchmaker.allocation.problem import AllocationOptions
from matchmaker.letters import build_letters
from matchmaker.render.cells import markdown_text
from matchmaker.render.letters import render_letter

TODAY = "2026-11-28"
BUDGET = "1000000000"  # tight enough that the budget leaves demands unfunded


@pytest.mark.parametrize(
    ("lang", "reason_label", "funded_label"),
    [
        ("ko", "- 이유: ", "지원 결정"),
        ("en", "- Reason: ", "funded"),
    ],
)
def test_every_unfunded_demands_reason_is_the_allocations(
    cli, tmp_path: Path, lang: str, reason_label: str, funded_label: str
) -> None:
    common = ("--today", TODAY, "--budget", BUDGET, "--lang", lang)
    allocation = cli("allocate", *common, "--format", "json").json()
    run = cli("letters", *common, "--round", "2027", "--output", str(tmp_path / "letters"))
    assert run.exit_code == 0, run.output
    written = {p.name: p.read_text("utf-8") for p in (tmp_path / "letters").iterdir()}
    regions = {a["region"]["code"] for a in allocation["assignments"]} | {
        u["region"]["code"] for u in allocation["unassigned"]
    }
    assert sorted(written) == sorted(f"2027-{code}.md" for code in regions)
    codes = set()
    for miss in allocation["unassigned"]:
        letter = written[f"2027-{miss['region']['code']}.md"]
        assert f"`{miss['proposal']}/{miss['demand']}`" in letter
        assert reason_label + markdown_text(miss["reason"]) + "\n" in letter
        codes.add(miss["code"])
    assert {"budget", "no-suitable-project"} <= codes  # both kinds of reason were checked
    for given in allocation["assignments"]:
        letter = written[f"2027-{given['region']['code']}.md"]
        assert f"(`{given['proposal']}/{given['demand']}`): {funded_label}" in letter
        assert f"(`{given['project']}`)" in letter


def test_letters_take_allocates_options_and_give_its_reasons(cli, tmp_path: Path) -> None:
    # A capacity and a lock given by name: the letters' allocation is allocate's.
    common = (
        "--today", TODAY, "--lang", "en",
        "--capacity", "도농상생공공급식=1",
        "--lock", "2026-andong/public-meals-apples-grains=도농상생 공공급식",
    )  # fmt: skip
    allocation = cli("allocate", *common, "--format", "json").json()
    run = cli("letters", *common, "--round", "2027", "--output", str(tmp_path / "letters"))
    assert run.exit_code == 0, run.output
    capacity_misses = [u for u in allocation["unassigned"] if u["code"] == "capacity"]
    assert capacity_misses  # the capacity of one left others out
    for miss in allocation["unassigned"]:
        letter = (tmp_path / "letters" / f"2027-{miss['region']['code']}.md").read_text("utf-8")
        assert "- Reason: " + markdown_text(miss["reason"]) + "\n" in letter


def test_letters_refuse_a_lock_that_cannot_hold(cli, tmp_path: Path) -> None:
    run = cli(
        "letters", "--today", TODAY, "--round", "2027", "--output", str(tmp_path / "letters"),
        "--lock", "2026-andong/public-meals-apples-grains=seoul-farms",
    )  # fmt: skip
    assert run.exit_code == 2
    assert "cannot hold" in run.stderr


def test_a_capacity_miss_says_how_many_points_would_have_changed_it() -> None:
    run = matchmaker.load_run(today=dt.date(2026, 11, 28))
    scores = matchmaker.score(run)
    result = matchmaker.allocate(
        run,
        AllocationOptions(capacities={"urban-rural-public-meals": 1}),
        scores=scores,
        language="en",
    )
    [miss] = [u for u in result.unassigned if u.code == "capacity"]
    [taker] = [a for a in result.assignments if a.project == miss.best_project]
    letter = next(
        letter
        for letter in build_letters(scores, result, 2027, "en")
        if any(u.key == miss.demand_key for u in letter.unfunded)
    )
    [said] = [u for u in letter.unfunded if u.key == miss.demand_key]
    assert said.reason == miss.reason
    needed = taker.score - miss.best_score + 0.1
    assert said.would_change == (
        f"a score {needed:.1f} points higher (the lowest demand given "
        f"{miss.best_project} scored {taker.score:.1f})"
    )


HOSTILE = """\
kind: proposal
id: 2027-wanju
region: 완주군
demands:
  - id: meals
    title: "# 긴급 <b>급식</b> [여기](http://example.org) `코드`"
    description: 관내 친환경 농산물을 서울 자치구 어린이집 급식에 공급하고 싶습니다.
"""


def test_titles_are_escaped_so_no_text_becomes_markdown(cli, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(HOSTILE, "utf-8")
    out = tmp_path / "letters"
    run = cli(
        "letters", str(tmp_path / "p.yaml"), "--today", TODAY, "--round", "2027", "-o", str(out)
    )
    assert run.exit_code == 0, run.output
    [letter] = [p.read_text("utf-8") for p in out.iterdir()]
    assert re.search(r"(?<!\\)<b", letter) is None
    assert re.search(r"(?<!\\)\]\(http", letter) is None
    assert not any(line.startswith("# 긴급") for line in letter.splitlines())
    assert markdown_text("# 긴급 <b>급식</b> [여기](http://example.org) `코드`") in letter


def test_letters_are_byte_identical_across_runs(cli, tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert (
            cli(
                "letters", "--today", TODAY, "--round", "2027", "-o", str(tmp_path / name)
            ).exit_code
            == 0
        )
    first = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    assert first == {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}


def test_what_a_region_left_out_is_what_to_strengthen() -> None:
    run = matchmaker.load_run(today=dt.date(2026, 11, 28))
    scores = matchmaker.score(run)
    result = matchmaker.allocate(run, AllocationOptions(budget=10**9), scores=scores)
    letters = build_letters(scores, result, 2027, "en")
    for letter in letters:
        for miss in letter.unfunded:
            row = [r.key for r in scores.demands.records].index(miss.key)
            demand = scores.demands.records[row].demand
            if miss.strengthen is not None and "outcome indicators" in miss.strengthen:
                assert not demand.outcomes
            if demand.outcomes and demand.partners and demand.readiness:
                assert miss.strengthen is None or "partners" not in miss.strengthen
    assert render_letter(letters[0]).endswith("\n")


# --- letters --format html: a printable page per region, in the report's style ---------


def test_each_html_letters_reason_is_the_allocations(cli, tmp_path: Path) -> None:
    import html

    common = ("--today", TODAY, "--budget", BUDGET, "--lang", "en")
    allocation = cli("allocate", *common, "--format", "json").json()
    out = tmp_path / "letters"
    run = cli("letters", *common, "--round", "2027", "--format", "html", "-o", str(out))
    assert run.exit_code == 0, run.output
    written = {p.name: p.read_text("utf-8") for p in out.iterdir()}
    codes = {u["region"]["code"] for u in allocation["unassigned"]} | {
        a["region"]["code"] for a in allocation["assignments"]
    }
    assert sorted(written) == sorted(f"2027-{code}.html" for code in codes)
    for miss in allocation["unassigned"]:
        page = written[f"2027-{miss['region']['code']}.html"]
        key = f"{miss['proposal']}/{miss['demand']}"
        assert f'data-demand="{key}" data-code="{miss["code"]}"' in page
        assert f'<dd class="reason" lang="en">{html.escape(miss["reason"])}</dd>' in page
    for given in allocation["assignments"]:
        page = written[f"2027-{given['region']['code']}.html"]
        key = f"{given['proposal']}/{given['demand']}"
        assert f'data-demand="{key}" data-project="{given["project"]}"' in page
        assert f'<li data-demand="{key}" data-funded="true">' in page


def test_an_html_letter_is_self_contained_and_runs_nothing(cli, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        HOSTILE.replace("`코드`", "<script>alert(1)</script>"), "utf-8"
    )
    out = tmp_path / "letters"
    run = cli(
        "letters",
        str(tmp_path / "p.yaml"),
        "--today",
        TODAY,
        "--round",
        "2027",
        "--format",
        "html",
        "-o",
        str(out),
    )
    assert run.exit_code == 0, run.output
    [page] = [p.read_text("utf-8") for p in out.iterdir()]
    assert page.startswith('<!DOCTYPE html>\n<html lang="ko">')
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;급식" in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None and "default-src 'none'" in policy.group(1)
    assert "script-src" not in policy.group(1)  # no script is admitted at all
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert "http://example.org" in page and 'href="http' not in page


def test_html_letters_are_byte_identical_and_markdown_stays_the_default(
    cli, tmp_path: Path
) -> None:
    for name in ("a", "b"):
        run = cli(
            "letters",
            "--today",
            TODAY,
            "--round",
            "2027",
            "--format",
            "html",
            "-o",
            str(tmp_path / name),
        )
        assert run.exit_code == 0
    first = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    assert first == {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert (
        cli("letters", "--today", TODAY, "--round", "2027", "-o", str(tmp_path / "m")).exit_code
        == 0
    )
    assert all(p.suffix == ".md" for p in (tmp_path / "m").iterdir())
