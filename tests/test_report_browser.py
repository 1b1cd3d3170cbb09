"""The HTML report in a real browser: Debian's Chromium (/usr/bin/chromium), driven by
Playwright, which never downloads a browser of its own here.

The page must load from the file alone (every request other than the file itself is
recorded and refused), with no console error; its tables sort on a click; its figures
are those of `allocate --format json` with the same options. A screenshot and an A4 PDF
are saved under tests/artifacts/ for people to look at.

Without Chromium or Playwright these tests skip on a workstation, and fail in CI
(`CI=true`, set by .ci/run), so a broken CI image cannot make them pass silently.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from matchmaker.report.formatting import krw_compact

TODAY = ("--today", "2026-11-28")
OPTIONS = ("--budget", "2000000000", "--min-decline-share", "0.5", *TODAY)
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
IN_CI = os.environ.get("CI") == "true"
# As root on a closed network: no sandbox, and none of Chromium's background connections
# (which this machine refuses, many at a time).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    found = shutil.which("chromium")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = []
    executable = _chromium()
    if executable is None:
        missing.append("Chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("Playwright (pip install '.[test]')")
    if missing:
        message = "the browser tests need " + " and ".join(missing)
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        yield launched
        launched.close()


@dataclass
class Visit:
    page: Any
    requests: list[str] = field(default_factory=list)  # every request the page made
    refused: list[str] = field(default_factory=list)  # those that were not the file
    errors: list[str] = field(default_factory=list)  # console errors, uncaught errors
    dialogs: list[str] = field(default_factory=list)  # alert() and friends


@pytest.fixture
def visit(browser: Any) -> Iterator[Callable[[Path], Visit]]:
    contexts = []

    def open_page(path: Path) -> Visit:
        context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="ko-KR")
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page)
        context.on("request", lambda request: seen.requests.append(request.url))

        def only_the_file(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                seen.refused.append(route.request.url)
                route.abort()

        context.route("**/*", only_the_file)
        page.on(
            "console",
            lambda message: seen.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: seen.errors.append(str(error)))

        def dismiss(dialog: Any) -> None:
            seen.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)
        page.goto(path.resolve().as_uri(), wait_until="load")
        return seen

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    target = tmp_path_factory.mktemp("browser") / "report.html"
    result = CliRunner().invoke(
        app, ["report", *OPTIONS, "--output", str(target)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="module")
def allocated() -> dict:
    import json

    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    result = CliRunner().invoke(
        app,
        ["allocate", "--format", "json", *OPTIONS],
        env={"MATCHMAKER_LANG": "ko"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _column(page: Any, index: int) -> list[str | None]:
    """The data-sort values of one column of the allocation table, in page order."""
    return page.eval_on_selector_all(
        "#allocation-table tbody tr",
        f"rows => rows.map(row => row.cells[{index}].getAttribute('data-sort'))",
    )


def test_the_checks_see_requests_and_console_errors(visit, tmp_path: Path) -> None:
    # The harness itself: a page that fetches and logs an error is caught, so the clean
    # result below means something.
    leaky = tmp_path / "leaky.html"
    leaky.write_text(
        '<!DOCTYPE html><meta charset="utf-8"><img src="http://example.invalid/'
        'x.png"><script>console.error("boom")</script>',
        encoding="utf-8",
    )
    seen = visit(leaky)
    assert seen.refused == ["http://example.invalid/x.png"]
    assert "boom" in seen.errors


def test_the_page_loads_offline_without_errors(visit, report: Path) -> None:
    seen = visit(report)
    assert seen.requests == [report.resolve().as_uri()]
    assert seen.refused == []
    assert seen.errors == []
    # The page's own script ran (the policy admitted it by its hash): rows got indexed.
    assert seen.page.locator("#allocation-table tbody tr[data-index]").count() > 0
    assert seen.page.title() == "지역상생 협력사업 매칭 보고서"


def test_key_figures_on_the_page_equal_allocate_json(visit, report: Path, allocated: dict) -> None:
    page = visit(report).page

    def figure(name: str) -> tuple[str, str]:
        element = page.locator(f'[data-figure="{name}"]')
        return element.get_attribute("data-value"), element.inner_text()

    value, shown = figure("assignments")
    assert int(value) == int(shown) == len(allocated["assignments"])
    value, shown = figure("objective")
    assert float(value) == allocated["objective"]
    assert shown == f"{allocated['objective']:,.1f}"
    value, shown = figure("budget-used")
    assert int(value) == allocated["budget_used"]
    assert shown == "20억 원"
    # The table says the same: one row per assignment, and the costs add up, each cost
    # nobody published counted at the stated estimate.
    rows = page.locator("#allocation-table tbody tr")
    assert rows.count() == len(allocated["assignments"])
    shown_costs = _column(page, 5)
    costs = [int(c) for c in shown_costs if c]
    unknown = sum(1 for c in shown_costs if not c)
    estimate = allocated["unknown_cost"]["estimate"] or 0
    assert sum(costs) + unknown * estimate == pytest.approx(allocated["budget_used"], abs=1)
    scores = sorted(float(s) for s in _column(page, 4))
    assert scores == sorted(a["score"] for a in allocated["assignments"])


def test_clicking_a_heading_sorts_the_table(visit, report: Path) -> None:
    page = visit(report).page
    score = page.locator("#allocation-table thead th").nth(4)
    score.locator("button").click()
    assert score.get_attribute("aria-sort") == "ascending"
    values = [float(v) for v in _column(page, 4)]
    assert values == sorted(values)
    score.locator("button").click()
    assert score.get_attribute("aria-sort") == "descending"
    assert [float(v) for v in _column(page, 4)] == sorted(values, reverse=True)

    cost = page.locator("#allocation-table thead th").nth(5)
    cost.locator("button").click()
    assert score.get_attribute("aria-sort") is None
    costs = [int(v) if v else None for v in _column(page, 5)]
    known = [c for c in costs if c is not None]
    assert known == sorted(known) and costs[len(known) :] == [None] * (len(costs) - len(known))

    # Keyboard too: the headings are buttons.
    demand = page.locator("#allocation-table thead th").nth(0)
    demand.locator("button").focus()
    page.keyboard.press("Enter")
    ascending = _column(page, 0)
    page.keyboard.press("Enter")
    assert demand.get_attribute("aria-sort") == "descending"
    assert _column(page, 0) == list(reversed(ascending))


def test_the_table_filters_by_text_and_by_decline_area(
    visit, report: Path, allocated: dict
) -> None:
    page = visit(report).page
    assignments = allocated["assignments"]
    page.fill("#allocation-filter", "완주")
    wanju = sum(1 for a in assignments if "완주" in a["region"]["name"]["ko"])
    assert 0 < wanju < len(assignments)
    assert page.locator("#allocation-table tbody tr:visible").count() == wanju
    assert page.inner_text("#allocation-shown") == str(wanju)
    page.fill("#allocation-filter", "")
    page.check("#decline-only")
    decline = round(
        allocated["equity"]["population_decline"]["assignments_share"] * len(assignments)
    )
    assert page.locator("#allocation-table tbody tr:visible").count() == decline
    page.uncheck("#decline-only")
    assert page.locator("#allocation-table tbody tr:visible").count() == len(assignments)


def test_the_map_switches_measure(visit, report: Path, allocated: dict) -> None:
    page = visit(report).page
    jeonbuk = page.locator("#tilemap g.tile[data-code='52']")
    demands_fill = jeonbuk.locator("rect.tile-bg").get_attribute("fill")
    page.check("#tilemap input[value='krw']")
    assert page.get_attribute("#tilemap", "data-measure") == "krw"
    assert (
        jeonbuk.locator("rect.tile-bg").get_attribute("fill")
        == jeonbuk.get_attribute("data-fill-krw")
        != demands_fill
    )
    krw = allocated["equity"]["by_province"]["52"]["krw"]
    assert jeonbuk.locator("text.tile-value").text_content() == krw_compact(krw, "ko")
    assert page.locator("g.legend-labels[data-measure='krw']").get_attribute("display") is None
    assert (
        page.locator("g.legend-labels[data-measure='demands']").get_attribute("display") == "none"
    )
    # Population-decline areas are marked with their count of demands.
    assert page.locator("#tilemap g.tile[data-code='52'] .decline-mark").count() == 1


@pytest.fixture(scope="module")
def gaps_printed() -> dict:
    import json

    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    result = CliRunner().invoke(
        app,
        ["gaps", "--format", "json", *TODAY],
        env={"MATCHMAKER_LANG": "ko"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_unmet_demand_cards_are_the_clusters_gaps_prints(
    visit, report: Path, gaps_printed: dict
) -> None:
    page = visit(report).page
    cards = page.locator("#gaps article.gap")
    clusters = gaps_printed["clusters"]
    assert cards.count() == len(clusters) > 0
    for index, cluster in enumerate(clusters):
        card = cards.nth(index)
        assert card.get_attribute("data-cluster") == cluster["id"]
        assert int(card.get_attribute("data-demands")) == cluster["demand_count"]
        assert cluster["label"]["ko"] in card.locator("h3").inner_text()
        shown = card.locator("ol.representatives li").all_inner_texts()
        assert shown == cluster["representatives"]
    figure = page.locator('[data-figure="unmet"]')
    assert int(figure.get_attribute("data-value")) == gaps_printed["unmet"]
    # The theme × province heat map counts every clustered demand once.
    cells = page.eval_on_selector_all(
        "#unmet-heat tbody td", "cells => cells.map(c => Number(c.dataset.value))"
    )
    assert sum(cells) == sum(c["demand_count"] for c in clusters)


def test_the_map_colours_by_unmet_share(visit, report: Path, gaps_printed: dict) -> None:
    page = visit(report).page
    jeonnam = page.locator("#tilemap g.tile[data-code='46']")  # 신안군's island care need
    page.check("#tilemap input[value='unmet_share']")
    assert page.get_attribute("#tilemap", "data-measure") == "unmet_share"
    assert jeonnam.locator("rect.tile-bg").get_attribute("fill") == jeonnam.get_attribute(
        "data-fill-unmet_share"
    )
    unmet = sum(
        1
        for c in gaps_printed["clusters"]
        for d in c["demands"]
        if d["region"]["code"].startswith("46")
    )
    assert unmet > 0
    shown = jeonnam.locator("text.tile-value").text_content()
    assert shown is not None and shown.endswith("%") and shown != "0%"


def test_the_survey_tables_split_all_demands_into_strong_and_not(visit, report: Path) -> None:
    page = visit(report).page
    tables = page.locator("#survey table.survey")
    assert tables.count() >= 10
    kinds = page.locator("#survey table[data-dimension='region_kinds'] tbody tr")
    for index in range(kinds.count()):
        values = [int(v) for v in kinds.nth(index).locator("td").all_inner_texts()]
        assert values[0] == values[1] + values[2]


def test_text_from_a_proposal_stays_text(visit, cli, tmp_path: Path) -> None:
    folder = tmp_path / "proposals"
    folder.mkdir()
    (folder / "2027-hostile.yaml").write_text(
        "kind: proposal\nid: 2027-hostile\nregion: 완주군\ndemands:\n"
        '  - id: script-title\n    title: "<script>alert(1)</script> 공공급식"\n'
        '    description: "\\"><img src=x onerror=alert(2)> 공공급식 식재료 공급"\n',
        encoding="utf-8",
    )
    target = tmp_path / "hostile.html"
    assert cli("report", str(folder), "--output", str(target), *TODAY).exit_code == 0
    seen = visit(target)
    assert seen.dialogs == [] and seen.errors == [] and seen.refused == []
    heading = seen.page.locator("article.demand h3").first
    assert "<script>alert(1)</script> 공공급식" in heading.inner_text()


def test_a_screenshot_and_an_a4_print_are_saved(visit, report: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = visit(report).page
    # The whole page, and its first screen (small enough to glance at).
    for name, full in (("report.png", True), ("report-top.png", False)):
        page.screenshot(path=str(ARTIFACTS / name), full_page=full)
        assert (ARTIFACTS / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (ARTIFACTS / "report-a4.pdf").write_bytes(pdf)
    boxes = set(re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert len(boxes) == 1
    width, height = (float(x) for x in boxes.pop())
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 in points
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) > 1


HISTORY = Path(__file__).resolve().parent.parent / "examples" / "records"


@pytest.fixture(scope="module")
def history_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    target = tmp_path_factory.mktemp("browser-history") / "report.html"
    result = CliRunner().invoke(
        app,
        ["report", *OPTIONS, "--history", str(HISTORY), "--draws", "0", "--output", str(target)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="module")
def monitored() -> dict:
    import json

    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    result = CliRunner().invoke(
        app,
        ["monitor", "--history", str(HISTORY), "--format", "json", *TODAY],
        env={"MATCHMAKER_LANG": "ko"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_history_section_loads_offline_and_is_in_the_contents(
    visit, history_report: Path
) -> None:
    seen = visit(history_report)
    assert seen.refused == [] and seen.errors == []
    assert seen.page.locator("nav.toc a[href='#history']").count() == 1
    assert seen.page.locator("#history").is_visible()
    # Its own style applied: the timeline is a grid of cards.
    display = seen.page.eval_on_selector("#history .timeline", "e => getComputedStyle(e).display")
    assert display == "grid"


def test_the_timeline_has_a_card_per_region_with_its_pairs_and_results(
    visit, history_report: Path, monitored: dict
) -> None:
    import yaml

    page = visit(history_report).page
    funded: dict[str, int] = {}
    for decision in sorted(HISTORY.glob("*/decision.yaml")):
        for pair in yaml.safe_load(decision.read_text("utf-8"))["pairs"]:
            funded[pair["region"]] = funded.get(pair["region"], 0) + 1
    cards = page.locator("#history article.region-history")
    assert cards.count() == len(funded)
    for index in range(cards.count()):
        card = cards.nth(index)
        code = card.get_attribute("data-region")
        assert card.locator("ol.rounds > li").count() == funded[code]
        region = monitored["attainment"]["by_region"].get(code)
        if region is not None:
            assert f"{region['met']}/{region['of']}" in card.locator("p.attained").inner_text()
    # Every result year shown counts its targets as monitor does, in sum per region.
    for code, attained in monitored["attainment"]["by_region"].items():
        years = page.locator(f"#history article[data-region='{code}'] ul.results li[data-met]")
        met = sum(int(years.nth(i).get_attribute("data-met")) for i in range(years.count()))
        of = sum(int(years.nth(i).get_attribute("data-of")) for i in range(years.count()))
        assert (met, of) == (attained["met"], attained["of"])


def test_the_attainment_chart_and_table_are_monitors_figures(
    visit, history_report: Path, monitored: dict
) -> None:
    page = visit(history_report).page
    by_project = monitored["attainment"]["by_project"]
    rows = page.locator("#attainment-table tbody tr")
    assert rows.count() == len(
        set(by_project) | set(monitored["attainment"]["continued_after_support"])
    )
    for project, attained in by_project.items():
        row = page.locator(f"#attainment-table tr[data-project='{project}']")
        assert (int(row.get_attribute("data-met")), int(row.get_attribute("data-of"))) == (
            attained["met"],
            attained["of"],
        )
    bars = page.locator("#chart-attainment .bar-row")
    assert bars.count() == len(by_project)
    widths = page.eval_on_selector_all(
        "#chart-attainment .bar-fill", "bars => bars.map(b => b.style.width)"
    )
    expected = [100 * by_project[p]["share"] for p in sorted(by_project)]
    assert [float(w.rstrip("%")) for w in widths] == pytest.approx(expected)


def test_the_history_page_prints_on_a4(visit, history_report: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = visit(history_report).page
    page.locator("#history").screenshot(path=str(ARTIFACTS / "report-history.png"))
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (ARTIFACTS / "report-history-a4.pdf").write_bytes(pdf)
    boxes = set(re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert len(boxes) == 1


def test_an_html_letter_loads_offline_and_prints_on_a4(visit, cli, tmp_path: Path) -> None:
    out = tmp_path / "letters"
    run = cli(
        "letters",
        *TODAY,
        "--round",
        "2027",
        "--budget",
        "1000000000",
        "--format",
        "html",
        "-o",
        str(out),
    )
    assert run.exit_code == 0, run.output
    page_file = out / "2027-52710.html"  # 완주군: one demand funded, two not
    seen = visit(page_file)
    assert seen.requests == [page_file.resolve().as_uri()]
    assert seen.refused == [] and seen.errors == []
    page = seen.page
    # The report's style applied: its accent colour on the headings.
    colour = page.eval_on_selector("h1", "e => getComputedStyle(e).color")
    assert colour == "rgb(8, 48, 107)"
    assert page.locator("#unfunded article.card").count() == 2
    assert page.locator("#funded article.card").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "letter.png"), full_page=True)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (ARTIFACTS / "letter-a4.pdf").write_bytes(pdf)
    boxes = set(re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert len(boxes) == 1
    width, height = (float(x) for x in boxes.pop())
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 in points
