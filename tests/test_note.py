"""`matchmaker note`: the method and distribution note, whose every number is the
allocation's own (`allocate --format json` with the same inputs and options)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

import matchmaker
from matchmaker.allocation.problem import AllocationOptions
from matchmaker.records.note import Distribution, Group, MethodNote, Tally, build_note
from matchmaker.render.note import NoteReport, render_markdown

TODAY = "2026-11-28"
BUDGET = "1000000000"  # tight enough that the budget leaves demands unfunded
HISTORY = Path(__file__).resolve().parent.parent / "examples" / "records"


def _tables(markdown: str) -> dict[str, dict[str, list[str]]]:
    """Each `### title` table of the note as first cell → the other cells."""
    found: dict[str, dict[str, list[str]]] = {}
    title = ""
    for line in markdown.splitlines():
        if line.startswith("### "):
            title = line[4:]
            found[title] = {}
        elif title and line.startswith("| ") and not line.startswith("| ---"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            if cells[0] != title:  # the header row
                found[title][cells[0]] = cells[1:]
        elif not line.strip() and found.get(title):
            title = ""
    return found


def _note(**options: object) -> MethodNote:
    run = matchmaker.load_run(today=dt.date(2026, 11, 28))
    scores = matchmaker.score(run)
    chosen = AllocationOptions(**options)  # type: ignore[arg-type]
    result = matchmaker.allocate(run, chosen, scores=scores)
    assert run.catalog is not None
    return build_note(scores, result, chosen, 2027, run.catalog)


def test_the_notes_numbers_are_the_allocation_jsons(cli, tmp_path: Path) -> None:
    common = ("--today", TODAY, "--budget", BUDGET, "--min-per-province", "1", "--lang", "en")
    allocation = cli("allocate", *common, "--format", "json").json()
    run = cli("note", *common, "--round", "2027", "--output", str(tmp_path / "note.md"))
    assert run.exit_code == 0, run.output
    tables = _tables((tmp_path / "note.md").read_text("utf-8"))
    loaded = matchmaker.load_run(today=dt.date(2026, 11, 28))
    assert loaded.catalog is not None
    province_name = {
        r.province_code: r.province_name_en for r in loaded.catalog.region_index.regions
    }
    unfunded = Counter(
        province_name[loaded.catalog.region_index.by_code(u["region"]["code"]).province_code]
        for u in allocation["unassigned"]
    )
    by_province = allocation["equity"]["by_province"]
    rows = tables["By province"]
    assert {province_name[code] for code in by_province} <= set(rows)
    for name, (demands, funded, missed, assignments, krw) in rows.items():
        code = next(c for c, n in province_name.items() if n == name)
        given = by_province.get(code, {"assignments": 0, "krw": 0})
        assert int(assignments) == given["assignments"]
        assert int(krw.replace(",", "")) == given["krw"]
        assert int(missed) == unfunded[name]
        assert int(funded) + int(missed) == int(demands)
    kinds = tables["By region kind"]
    from matchmaker.messages import label

    for kind, given in allocation["equity"]["by_region_kind"].items():
        cells = kinds[label("region-kind", kind, "en")]
        assert (int(cells[3]), int(cells[4].replace(",", ""))) == (
            given["assignments"],
            given["krw"],
        )
    # The reasons demands went unfunded are the allocation's codes, counted.
    codes = Counter(u["code"] for u in allocation["unassigned"])
    text = (tmp_path / "note.md").read_text("utf-8")
    for code, count in codes.items():
        assert f"| `{code}` | {count} |" in text
    # The price of the fairness rule is the allocation's.
    price = allocation["fairness_prices"]["min-per-province"]
    assert f"| `--min-per-province` | {price:.1f} |" in (tmp_path / "note.md").read_text("utf-8")


def test_a_demand_counts_in_each_theme_it_reads_as_as_the_survey_counts_it() -> None:
    run = matchmaker.load_run(today=dt.date(2026, 11, 28))
    scores = matchmaker.score(run)
    options = AllocationOptions(budget=10**9)
    result = matchmaker.allocate(run, options, scores=scores)
    assert run.catalog is not None
    note = build_note(scores, result, options, 2027, run.catalog)
    counted = matchmaker.survey(run, scores=scores).section("all").themes
    themes = {
        g.key: t for g, t in next(d for d in note.distributions if d.dimension == "theme").rows
    }
    assert {k: t.demands for k, t in themes.items()} == dict(counted)
    funded = {a.demand_key for a in result.assignments}
    assert note.totals.funded == len(funded)
    assert note.totals.unfunded == len(result.unassigned)
    assert note.totals.krw == sum(v["krw"] for v in result.equity["by_province"].values())


def test_over_rounds_the_earlier_rounds_are_their_decisions(cli, tmp_path: Path) -> None:
    out = tmp_path / "note.md"
    run = cli(
        "note",
        "--today",
        TODAY,
        "--round",
        "2026",
        "--history",
        str(HISTORY),
        "--lang",
        "en",
        "-o",
        str(out),
    )
    assert run.exit_code == 0, run.output
    text = out.read_text("utf-8")
    tables = _tables(text.split("## Over rounds")[1])
    provinces = tables["By province"]
    # examples/records/2025/decision.yaml, by hand: Andong (Gyeongbuk) KRW 200,000,000,
    # Gochang (Jeonbuk) amount not recorded, Sinan (Jeonnam) KRW 90,000,000; no reserve.
    columns = {"2024": slice(0, 3), "2025": slice(3, 6), "2026": slice(6, 9)}
    assert provinces["Gyeongsangbuk-do"][columns["2025"]] == ["1", "200,000,000", "0"]
    assert provinces["Jeonbuk State"][columns["2025"]] == ["1", "0 +1 unknown", "0"]
    assert provinces["Jeollanam-do"][columns["2025"]] == ["1", "90,000,000", "0"]
    # 2024: Wanju (Jeonbuk) KRW 300,000,000 and Goesan (Chungbuk) KRW 200,000,000.
    assert provinces["Chungcheongbuk-do"][columns["2024"]] == ["1", "200,000,000", "0"]
    assert "Track record:" in text


def test_without_history_the_note_has_no_rounds_and_is_byte_identical(cli, tmp_path) -> None:
    for name in ("a.md", "b.md"):
        assert (
            cli("note", "--today", TODAY, "--round", "2027", "-o", str(tmp_path / name)).exit_code
            == 0
        )
    first = (tmp_path / "a.md").read_bytes()
    assert first == (tmp_path / "b.md").read_bytes()
    text = first.decode("utf-8")
    assert text.startswith("# 2027년 회차 방법 및 배분 공개 자료\n")  # Korean by default
    assert "회차별 배분" not in text and "실적:" not in text


def test_names_are_escaped_so_no_text_breaks_a_table_or_becomes_markup() -> None:
    hostile = Group("x", {"ko": "a | b <b>c</b> [d](http://e)", "en": "a | b <b>c</b>"})
    note = MethodNote(
        round=2027,
        profile={
            "id": "p",
            "name": {"ko": "# 제목", "en": "# title"},
            "weights": {"demand_fit": 0.5, "long_term": 0.3, "synergy": 0.2},
            "population_decline_bonus": 0,
            "fit_threshold": 27,
        },
        gates=(),
        pairs=0,
        options={},
        flags=("--lock a`b=c",),
        fairness_prices={},
        unknown_cost=None,
        status="optimal",
        history=False,
        totals=Tally(1, 0, 0, 0),
        distributions=(Distribution("province", ((hostile, Tally(1, 0, 0, 0)),)),),
    )
    text = render_markdown(NoteReport(note, "ko", {"p|q.yaml": "0" * 64}))
    assert re.search(r"(?<!\\)<b", text) is None
    assert re.search(r"(?<!\\)\]\(http", text) is None
    assert "a \\| b" in text and "p\\|q.yaml" in text
    assert "- ``--lock a`b=c``" in text
    assert not any(line.startswith("# 제목") for line in text.splitlines())


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_gate_is_explained_and_counted(lang: str) -> None:
    note = _note()
    text = render_markdown(NoteReport(note, lang, {}))
    for gate, count in note.gates:
        assert re.search(rf"\| `{gate}` \| [^|]+ \| {count} \|", text)
    assert sum(count for _, count in note.gates) <= note.pairs


UNPLACED = """\
kind: decision
round: 2025
pairs:
  - {demand: 2025-wanju/meals, project: urban-rural-public-meals, region: "52710", amount: 100}
  - {demand: 2025-nowhere/meals, project: urban-rural-public-meals}
"""


def test_a_recorded_pair_without_a_region_is_named_not_dropped(cli, tmp_path: Path) -> None:
    (tmp_path / "records" / "2025").mkdir(parents=True)
    (tmp_path / "records" / "2025" / "decision.yaml").write_text(UNPLACED, "utf-8")
    out = tmp_path / "note.md"
    run = cli(
        "note",
        "--today",
        TODAY,
        "--round",
        "2026",
        "--history",
        str(tmp_path / "records"),
        "--lang",
        "en",
        "-o",
        str(out),
    )
    assert run.exit_code == 0, run.output
    text = out.read_text("utf-8")
    assert "Not in the tables: 1 recorded pair(s)" in text and "`2025 2025-nowhere/meals`" in text
    provinces = _tables(text.split("## Over rounds")[1])["By province"]
    assert provinces["Jeonbuk State"][0:3] == ["1", "100", "0"]
    themes = _tables(text.split("## Over rounds")[1])["By theme"]
    assert sum(int(cells[0]) for cells in themes.values()) >= 1
