"""Unmet demand (`matchmaker.gaps`): which demands are unmet, how they cluster, how the
clusters are named and described, and that none of it depends on the order of the files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import matchmaker
from matchmaker.gaps.clusters import GapsReport
from matchmaker.gaps.labels import characteristic_terms, label
from matchmaker.gaps.unmet import WEAK_BAND, unmet_demands
from matchmaker.text.terms import terms

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 28)

ELDERLY_CARE = {
    "청송군": (
        "홀로 사는 어르신 방문 돌봄",
        "홀로 사는 어르신이 늘어 방문요양을 기다립니다. "
        "요양보호사가 부족해 노인돌봄 인력이 필요합니다.",
    ),
    "봉화군": (
        "노인돌봄 인력 확충",
        "산골 마을 독거노인을 찾아가는 방문요양과 노인돌봄 서비스를 늘리고 싶습니다.",
    ),
    "함평군": (
        "독거노인 방문요양 지원",
        "요양보호사가 모자라 독거노인 방문요양이 끊깁니다. 노인돌봄 인력을 지원해 주세요.",
    ),
}


def write_proposal(folder: Path, slug: str, region: str, title: str, description: str) -> Path:
    path = folder / f"{slug}.yaml"
    path.write_text(
        f"kind: proposal\nid: {slug}\nregion: {region}\ndemands:\n"
        f"  - id: need\n    title: {title}\n    description: {description}\n",
        encoding="utf-8",
    )
    return path


def elderly_care_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, (region, (title, description)) in enumerate(ELDERLY_CARE.items()):
        write_proposal(folder, f"2027-care-{number}", region, title, description)
    return folder


def gaps_of(*paths: Path) -> GapsReport:
    run = matchmaker.load_run(list(paths), today=TODAY)
    return matchmaker.find_gaps(run)


def test_three_elderly_care_demands_from_three_gun_form_one_cluster(tmp_path: Path) -> None:
    report = gaps_of(REPO / "examples" / "proposals", elderly_care_folder(tmp_path / "care"))
    care = [c for c in report.clusters if any(d.key.startswith("2027-care") for d in c.demands)]
    assert len(care) == 1
    (cluster,) = care
    assert sorted(d.key for d in cluster.demands) == [f"2027-care-{n}/need" for n in range(3)]
    assert sorted(r.name_ko for r in cluster.regions) == sorted(ELDERLY_CARE)
    assert cluster.region_kinds == (("gun", 3),)
    assert cluster.main_theme == "care-services"
    assert cluster.label.ko.startswith("돌봄·복지 서비스: ")
    assert "방문요양" in cluster.label.words_ko
    assert cluster.decline_share == 1.0  # all three are designated decline areas
    assert cluster.policy_area is None  # care services lie outside the plan's five areas
    assert len(cluster.representatives) == 3


def test_the_illustrative_unmet_demands_form_separate_clusters() -> None:
    report = gaps_of(REPO / "examples" / "proposals", REPO / "examples" / "unmet-demand")
    by_key = {d.key: c.id for c in report.clusters for d in c.demands}
    care = {
        by_key[f"example-2026-{r}/{d}"]
        for r, d in (
            ("uiseong", "elderly-home-care"),
            ("namhae", "elderly-care-workers"),
            ("boseong", "elderly-care-visits"),
        )
    }
    buses = {
        by_key["example-2026-uiseong/demand-responsive-bus"],
        by_key["example-2026-yeongyang/rural-bus"],
    }
    maternity = {by_key["example-2026-jinan/maternity-care"]}
    assert len(care) == len(buses) == len(maternity) == 1
    assert len(care | buses | maternity) == 3  # three needs, three clusters
    cluster = report.find(care.pop())
    assert cluster is not None and len(cluster.demands) == 3  # nothing else joined them


def test_bundled_examples_alone_have_only_the_demands_rank_calls_unsuitable_or_weak() -> None:
    run = matchmaker.load_run(today=TODAY)
    scores = matchmaker.score(run)
    found = unmet_demands(scores)
    ranked = matchmaker.rank(run, scores=scores)
    assert {d.key for d in found if d.status == "unmet"} == {
        item.record.key for item in ranked.no_suitable
    }
    threshold = scores.profile.fit_threshold
    for item in found:
        if item.status == "weak":
            assert item.best_fit is not None
            assert threshold <= item.best_fit < threshold + WEAK_BAND


def test_clusters_and_labels_do_not_depend_on_the_order_of_the_files(tmp_path: Path) -> None:
    sources = sorted((REPO / "examples" / "unmet-demand").glob("*.yaml"))
    sources += sorted((REPO / "examples" / "proposals").glob("*.yaml"))
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    for folder, ordered in ((forward, sources), (backward, sources[::-1])):
        folder.mkdir()
        for number, source in enumerate(ordered):  # file names set the reading order
            shutil.copy(source, folder / f"{number:02d}.yaml")
    one, other = gaps_of(forward), gaps_of(backward)
    assert [(c.id, c.label, [d.key for d in c.demands]) for c in one.clusters] == [
        (c.id, c.label, [d.key for d in c.demands]) for c in other.clusters
    ]


def test_characteristic_terms_need_two_demands_to_share_them() -> None:
    cluster = [terms("버스 노선 확대"), terms("버스 배차 간격"), terms("마을 버스와 경로당")]
    everywhere = {t: 1 for t in terms("버스 노선 확대 배차 간격 마을 경로당")}
    from collections import Counter

    ranked = characteristic_terms(cluster, cluster, Counter(everywhere), 10)
    assert ranked == ["k:버스"]  # the only term two of the three demands share


def test_a_label_shows_words_as_written_not_bigrams() -> None:
    texts = ["노인돌봄 인력을 늘리고 싶습니다", "노인돌봄 서비스가 부족합니다"]
    named = label(["k:돌봄", "k:노인"], texts, "돌봄·복지 서비스", "Care and welfare services")
    assert named.words_ko == ("노인돌봄",)  # 노인 is inside the word already shown
    assert named.ko == "돌봄·복지 서비스: 노인돌봄"
    assert named.en == "Care and welfare services"  # no English words of its own


@pytest.mark.parametrize("band", [0.0, 100.0])
def test_the_weak_band_decides_which_demands_count_as_served_only_weakly(band: float) -> None:
    scores = matchmaker.score(matchmaker.load_run(today=TODAY))
    found = unmet_demands(scores, weak_band=band)
    weak = [d for d in found if d.status == "weak"]
    eligible_rows = sum(1 for row in range(len(scores.demands.records)) if not scores.no_fit[row])
    assert len(weak) == (0 if band == 0.0 else eligible_rows)
