"""Scoring: worked examples, checked by hand, pin the arithmetic of each component."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from matchmaker.scoring import components
from matchmaker.scoring.engine import Scores, refinement_share
from matchmaker.scoring.features import MODES, DemandFeatures, ProjectFeatures


def _demand(**fields: object) -> DemandFeatures:
    """One demand with nothing known, then the given fields."""
    base: dict[str, object] = dict(
        records=[None],
        theme_weights=np.zeros((1, 3)),
        declared_themes=[()],
        theme_hits=[{}],
        terms=[[]],
        modes=np.zeros((1, len(MODES)), dtype=bool),
        budget=np.array([np.nan]),
        local_match=np.array([np.nan]),
        years=np.array([np.nan]),
        priority=np.array([np.nan]),
        training_signal=np.array([False]),
        partner_kinds=np.array([0]),
        partners_given=np.array([False]),
        outcome_share=np.array([np.nan]),
        readiness=np.array([0]),
        region_codes=["52710"],
    )
    base.update(fields)
    return DemandFeatures(**base)  # type: ignore[arg-type]


def _project(**fields: object) -> ProjectFeatures:
    base: dict[str, object] = dict(
        projects=[None],
        themes=np.zeros((1, 3), dtype=bool),
        terms=[[]],
        modes=np.zeros((1, len(MODES)), dtype=bool),
        budget_min=np.array([np.nan]),
        budget_max=np.array([np.nan]),
        years=np.array([np.nan]),
        local_match_min=np.array([np.nan]),
        status=[None],
        capacity_building=np.array([np.nan]),
        partner_kinds=np.array([0]),
        outcome_indicators=np.array([False]),
        complements=np.zeros((1, 1), dtype=bool),
    )
    base.update(fields)
    return ProjectFeatures(**base)  # type: ignore[arg-type]


def _modes(*names: str) -> np.ndarray:
    return np.array([[name in names for name in MODES]])


def test_demand_fit_worked_example() -> None:
    # Themes: the demand asks for a (declared, 1.0) and b (read once, 0.6); the project
    # offers a and c. Coverage 1.0/1.6 = 0.625, precision 1/2 = 0.5, themes 0.6.
    # Text: cosine 0.175 / 0.25 = 0.7. Needs: problem cosine 0.07 / 0.20 = 0.35.
    # Modes: 1 of 2 = 0.5. Budget: 300 M asked, 200 M max = 0.667. Timing: active = 1.
    # Fit = 0.10×0.6 + 0.36×0.7 + 0.36×0.35 + 0.06×0.5 + 0.06×0.667 + 0.06×1
    #     = 0.06 + 0.252 + 0.126 + 0.03 + 0.04 + 0.06 = 0.568,
    # then priority 2 costs 3%: 56.8 × 0.97 = 55.096.
    demand = _demand(
        theme_weights=np.array([[1.0, 0.6, 0.0]]),
        modes=_modes("procurement", "education"),
        budget=np.array([3e8]),
        priority=np.array([2.0]),
    )
    project = _project(
        themes=np.array([[True, False, True]]),
        modes=_modes("procurement"),
        budget_max=np.array([2e8]),
        status=["active"],
        problem_owner=np.array([0]),
    )
    fit = components.demand_fit(demand, project, np.array([[0.175]]), np.array([[0.07]]))
    assert fit.parts["themes"][0][0, 0] == pytest.approx(0.6)
    assert fit.parts["text"][0][0, 0] == pytest.approx(0.7)
    assert fit.parts["needs"][0][0, 0] == pytest.approx(0.35)
    assert fit.parts["modes"][0][0, 0] == pytest.approx(0.5)
    assert fit.parts["budget"][0][0, 0] == pytest.approx(2 / 3)
    assert fit.values[0, 0] == pytest.approx(56.8 * 0.97, abs=1e-3)
    assert fit.known[0, 0] == pytest.approx(1.0)


def test_missing_data_takes_the_stated_prior_and_lowers_confidence() -> None:
    # Nothing but the text is known: themes prior 0, text 1.0 (cosine above saturation),
    # needs 0 (the project states no problems), modes 0.5, budget 0.5, timing 1.0 (an
    # unknown status counts as running: missing data must not rank one project first):
    # 0.36 + 0.06×0.5 + 0.06×0.5 + 0.06×1.0 = 0.36 + 0.03 + 0.03 + 0.06 = 0.48.
    fit = components.demand_fit(_demand(), _project(), np.array([[0.9]]), np.zeros((1, 1)))
    assert fit.values[0, 0] == pytest.approx(48.0)
    assert fit.known[0, 0] == pytest.approx(0.36)  # only the text sub-signal had evidence
    assert not fit.parts["budget"][1][0, 0]
    assert not fit.parts["needs"][1][0, 0]


def test_a_budget_within_range_scores_full_and_below_the_floor_by_ratio() -> None:
    project = _project(budget_min=np.array([1e8]), budget_max=np.array([5e8]))
    nothing = np.zeros((1, 1))
    within = components.demand_fit(_demand(budget=np.array([3e8])), project, nothing, nothing)
    below = components.demand_fit(_demand(budget=np.array([5e7])), project, nothing, nothing)
    assert within.parts["budget"][0][0, 0] == pytest.approx(1.0)
    assert below.parts["budget"][0][0, 0] == pytest.approx(0.5)


def test_long_term_worked_example() -> None:
    # years min(3, 4)/5 = 0.6; capacity building (project) 1.0; co-funding 0.4/0.5 = 0.8;
    # partners: two non-public kinds 0.8; outcomes 0.4 + 0.6 × 0.5 = 0.7; readiness 3
    # items 1.0; continuity 0.6. 0.12+0.15+0.12+0.12+0.105+0.1+0.06 = 0.775.
    demand = _demand(
        years=np.array([3.0]),
        local_match=np.array([0.4]),
        partner_kinds=np.array([2]),
        partners_given=np.array([True]),
        outcome_share=np.array([0.5]),
        readiness=np.array([3]),
    )
    project = _project(years=np.array([4.0]), capacity_building=np.array([1.0]))
    value = components.long_term(demand, project, np.array([[0.6]]), np.array([[True]]))
    assert value.values[0, 0] == pytest.approx(77.5)
    assert value.known[0, 0] == pytest.approx(1.0)


def test_long_term_of_a_one_line_proposal_is_mostly_assumed() -> None:
    # years 0.4, capacity 0.3, co-funding 0.3, partners 0.2, outcomes 0.2, readiness 0.2
    # are priors; continuity 0 is known (no recorded tie).
    value = components.long_term(_demand(), _project(), np.array([[0.0]]), np.array([[True]]))
    assert value.values[0, 0] == pytest.approx(
        100 * (0.2 * 0.4 + 0.15 * 0.3 + 0.15 * 0.3 + 0.15 * 0.2 + 0.15 * 0.2 + 0.1 * 0.2)
    )
    assert value.known[0, 0] == pytest.approx(0.10)


def test_synergy_worked_example() -> None:
    # 0.45 × 0.5 + 0.30 × 1.0 + 0.25 × (1/3) = 0.6083
    value = components.synergy(np.array([[0.5]]), np.array([[1.0]]), np.array([[1 / 3]]))
    assert value.values[0, 0] == pytest.approx(60.8333, abs=1e-3)


def test_streaming_in_chunks_gives_the_same_top_k_as_scoring_at_once() -> None:
    import datetime as dt

    from matchmaker.bundled import default_profile_path, proposals_dir
    from matchmaker.inputs import load_run
    from matchmaker.ranking import top_projects
    from matchmaker.scoring.engine import score
    from matchmaker.scoring.stream import stream_top_k

    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    whole = score(inputs.catalog, records, inputs.profile)
    streamed = stream_top_k(inputs.catalog, records, inputs.profile, k=3, chunk=4)
    for row in range(len(records)):
        expected = top_projects(whole, row, 3)
        got = [streamed.project_ids[c] for c in streamed.projects[row] if c >= 0]
        assert got == expected


@pytest.mark.parametrize("every_pair", [True, False])
def test_no_demands_score_to_empty_arrays_not_an_error(every_pair: bool) -> None:
    # A library caller may filter every demand away; the synergy inputs then index an
    # empty region list, which must still be an integer index.
    from matchmaker.bundled import catalog_dir, default_profile_path
    from matchmaker.catalog import load_catalog
    from matchmaker.loading.documents import load_file
    from matchmaker.scoring.engine import score
    from matchmaker.scoring.stream import score_chunks

    catalog, _ = load_catalog(catalog_dir())
    assert catalog is not None
    profile = load_file(default_profile_path()).model
    projects = len(catalog.projects)
    assert score(catalog, [], profile).total.shape == (0, projects)
    chunks = list(score_chunks(catalog, [], profile, every_pair=every_pair))
    assert [scores.total.shape for _, scores in chunks] == [(0, projects)]


def test_a_clearly_better_fit_is_never_overturned_by_long_term_value_or_synergy() -> None:
    # Fits 60, 57 and 40 for one demand: the 57 is within FIT_BAND (5) of the best and
    # may add part of its long-term value and synergy; the 40 is 20 below and adds none.
    fit = np.array([[60.0, 57.0, 40.0]])
    share, best = refinement_share(fit, np.ones((1, 3), dtype=bool))
    assert best[0] == 60.0
    assert share[0].tolist() == pytest.approx([1.0, 0.4, 0.0])
    # Even with all weight on long-term value and synergy at 100, the 40 totals below the
    # 60 under every profile: its total is w_fit × 40, the best's at least w_fit × 60.
    for weights in ((1.0, 0.0, 0.0), (0.5, 0.3, 0.2), (0.1, 0.6, 0.3)):
        totals = weights[0] * fit + (weights[1] + weights[2]) * 100 * share
        assert totals[0, 2] < totals[0, 0]


def test_an_ineligible_project_does_not_set_the_best_fit() -> None:
    fit = np.array([[80.0, 30.0], [10.0, 20.0]])
    eligible = np.array([[False, True], [False, False]])
    share, best = refinement_share(fit, eligible)
    assert best[0] == 30.0 and np.isnan(best[1])
    assert share[0, 1] == pytest.approx(30.0 / components.STRONG_FIT)


def test_a_project_the_demand_rules_out_loses_part_of_its_fit() -> None:
    # Same evidence for two projects; the demand's ruled-out words match the first fully
    # (cosine at saturation): it keeps 1 − RULED_OUT_PENALTY of its fit.
    demand, project = (
        _demand(),
        _project(
            projects=[None, None],
            status=[None, None],
            themes=np.zeros((2, 3), dtype=bool),
            modes=np.zeros((2, len(MODES)), dtype=bool),
            budget_min=np.full(2, np.nan),
            budget_max=np.full(2, np.nan),
        ),
    )
    cosine = np.array([[0.2, 0.2]])
    fit = components.demand_fit(
        demand, project, cosine, np.zeros((1, 2)), ruled_out=np.array([[0.9, 0.0]])
    )
    assert fit.values[0, 0] == pytest.approx(fit.values[0, 1] * (1 - components.RULED_OUT_PENALTY))


# --- names resolved once, however the catalog writes them -------------------------------


def _scores_with(
    tmp_path: Path, edit: Callable[[Path], object], proposals: list[Path] | None = None
) -> Scores:
    """Score proposals (default: the bundled examples) against a copy of the catalog
    changed by `edit`."""
    import datetime as dt
    import shutil

    from matchmaker.bundled import catalog_dir
    from matchmaker.inputs import load_run
    from matchmaker.scoring.engine import score

    copy = tmp_path / "catalog"
    if not copy.exists():
        shutil.copytree(catalog_dir(), copy)
    edit(copy)
    run = load_run(proposals, copy, None, dt.date(2026, 11, 28))
    assert run.ok, [d.code for d in run.diagnostics]
    return score(run.catalog, run.records(), run.profile)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_province_named_in_eligibility_is_the_province_coded(tmp_path: Path) -> None:
    # next-local lists "52" (전북특별자치도) by code; written by name, the same regions
    # stay eligible and every score is the same (the first wave read "전북" as a code).
    canonical = _scores_with(tmp_path / "a", lambda copy: None)
    named = _scores_with(
        tmp_path / "b",
        lambda copy: _replace(
            copy / "projects" / "next-local.yaml", '"51", "52"]', '"51", "전북특별자치도"]'
        ),
    )
    np.testing.assert_array_equal(named.eligibility.gate, canonical.eligibility.gate)
    np.testing.assert_array_equal(named.total, canonical.total)
    from matchmaker.scoring.eligibility import GATES

    wanju = [r for r, rec in enumerate(named.demands.records) if rec.region.code == "52710"]
    column = named.projects.ids.index("next-local")
    assert wanju and all(
        named.eligibility.gate[r, column] != GATES.index("province") for r in wanju
    )


def test_a_tie_written_with_a_former_code_counts_for_the_region(tmp_path: Path) -> None:
    # Wanju was 45710 before Jeonbuk became a special self-governing province (52710).
    # A Wanju proposal that records no prior ties of its own relies on the catalog's.
    proposal = tmp_path / "wanju.yaml"
    proposal.write_text(
        "kind: proposal\nid: wanju-meals\nregion: 완주군\ndemands:\n  - id: meals\n"
        "    title: 서울 어린이집 급식에 친환경 농산물 공급\n"
        "    description: 공공급식 식재료를 서울 자치구 어린이집과 복지시설에 납품하고 싶습니다.\n",
        encoding="utf-8",
    )
    canonical = _scores_with(tmp_path / "a", lambda copy: None, [proposal])
    former = _scores_with(
        tmp_path / "b",
        lambda copy: _replace(
            copy / "ties.yaml",
            'seoul_party: "11740"\n    region: "52710"',
            'seoul_party: "11740"\n    region: "45710"',
        ),
        [proposal],
    )
    column = canonical.projects.ids.index("urban-rural-public-meals")
    assert canonical.long.parts["continuity"][0][0, column] == 1.0  # the pair ran there
    np.testing.assert_array_equal(former.long.values, canonical.long.values)
    np.testing.assert_array_equal(former.total, canonical.total)


def test_no_suitable_lists_each_demands_unserved_themes_in_theme_order() -> None:
    from matchmaker.scoring.engine import no_suitable

    # themes a, b, c, d; the projects offer only b. Demand 0 reads a, b and d (a and d
    # unserved, outweighing b); 1 reads b alone; 2 reads nothing; 3 reads d a little;
    # 4 reads b and d as much (a tie counts as unserved); 5 is demand 4 with a clear fit.
    weights = np.array(
        [
            [0.6, 0.6, 0.0, 1.0],
            [0.0, 1.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0],
            [0.0, 1.0, 0.0, 0.6],
            [0.0, 1.0, 0.0, 1.0],
            [0.0, 1.0, 0.0, 1.0],
        ]
    )
    demands = _demand(records=[None] * 6, theme_weights=weights)
    projects = _project(themes=np.array([[False, True, False, False]]))
    best_fit = np.array([30.0, 30.0, np.nan, 30.0, 30.0, 50.0])
    no_learning = np.zeros(4, dtype=bool)
    no_fit, unserved = no_suitable(
        demands, projects, ["a", "b", "c", "d"], no_learning, best_fit, 27.0
    )
    assert unserved == [("a", "d"), (), (), ("d",), ("d",), ("d",)]
    assert no_fit.tolist() == [True, False, True, False, True, False]


def test_the_strongest_need_decides_not_how_many_served_themes_describe_the_place() -> None:
    from matchmaker.scoring.engine import no_suitable

    # themes: road (unserved), tourism and idle buildings (both served). Demand 0 asks
    # for a road to a closed-school campsite: the campsite reads as tourism and as an
    # idle building, together more than the road, yet the road is as strong as either.
    # Demand 1 mentions the road in passing (weaker than the campsite it is about).
    weights = np.array([[1.0, 1.0, 0.6], [0.6, 1.0, 1.0]])
    demands = _demand(records=[None] * 2, theme_weights=weights)
    projects = _project(themes=np.array([[False, True, True]]))
    no_fit, unserved = no_suitable(
        demands,
        projects,
        ["road", "tourism", "idle"],
        np.zeros(3, dtype=bool),
        np.array([38.9, 38.9]),
        24.0,
    )
    assert unserved == [("road",), ("road",)]
    assert no_fit.tolist() == [True, False]


def test_a_request_to_learn_about_an_unserved_need_is_not_answered_no_suitable() -> None:
    from matchmaker.scoring.engine import no_suitable

    # themes: learning (offered), transport (unserved). Demand 0 asks how others run
    # on-demand buses (both read, transport more); demand 1 asks for buses alone.
    weights = np.array([[0.6, 1.0], [0.0, 1.0]])
    demands = _demand(records=[None] * 2, theme_weights=weights)
    projects = _project(themes=np.array([[True, False]]))
    learning = np.array([True, False])
    best_fit = np.array([38.0, 38.0])
    no_fit, unserved = no_suitable(
        demands, projects, ["learning", "transport"], learning, best_fit, 24.0
    )
    assert no_fit.tolist() == [False, True]
    assert unserved == [("transport",), ("transport",)]
    # below the threshold it is still no suitable project, learning or not
    low, _ = no_suitable(
        demands, projects, ["learning", "transport"], learning, np.array([20.0, 20.0]), 24.0
    )
    assert low.tolist() == [True, True]


def _gate_of_one_pair(d, p, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    """The first gate a pair fails, read from its demand and project alone."""
    region = d.records[row].region
    rule = p.projects[column].eligible
    if rule is not None and rule.kinds is not None and region.kind not in rule.kinds:
        return "region-kind"
    provinces = p.eligible_provinces[column] if rule is not None else None
    if provinces is not None and region.province_code not in provinces:
        return "province"
    if rule is not None and rule.population_decline_only and not region.population_decline:
        return "population-decline"
    if d.local_match[row] < p.local_match_min[column]:
        return "co-funding"
    asked, offered = d.modes[row], p.modes[column]
    if asked.any() and offered.any() and not (asked & offered).any():
        return "modes"
    return "eligible"


@pytest.mark.parametrize("seed", range(4))
def test_each_pair_fails_the_first_gate_it_fails_alone(seed: int) -> None:
    """check_eligibility's gates, computed once per combination of region kind,
    province and decline and per set of modes for all projects at once, are each
    pair's own; here with modes, co-funding shares and project minimums drawn at random
    (seeded), some missing."""
    import datetime as dt
    from dataclasses import replace

    import matchmaker
    from matchmaker.scoring.eligibility import GATES, check_eligibility

    scores = matchmaker.score(matchmaker.load_run(today=dt.date(2026, 11, 28)))
    rng = np.random.default_rng(seed)
    d, p = scores.demands, scores.projects
    d = replace(
        d,
        modes=rng.random(d.modes.shape) < 0.15,
        local_match=np.where(rng.random(len(d.records)) < 0.3, np.nan, rng.random(len(d.records))),
    )
    provinces = sorted({record.region.province_code for record in d.records})
    p = replace(
        p,
        eligible_provinces=[
            frozenset(rng.choice(provinces, 1).tolist()) if rng.random() < 0.8 else None
            for _ in p.projects  # (read only for projects with a rule, as resolved)
        ],
        modes=rng.random(p.modes.shape) < 0.2,
        local_match_min=np.where(
            rng.random(len(p.projects)) < 0.5, np.nan, rng.random(len(p.projects)) * 0.5
        ),
    )
    gate = check_eligibility(d, p).gate
    expected = [
        [GATES.index(_gate_of_one_pair(d, p, r, c)) for c in range(len(p.projects))]
        for r in range(len(d.records))
    ]
    assert gate.tolist() == expected
    kinds = ("eligible", "region-kind", "province", "co-funding", "modes")
    assert set(gate.ravel().tolist()) >= {GATES.index(kind) for kind in kinds}
