"""Print the ranking-quality tables of the README from the judged sets.

    python tools/quality_report.py            # Markdown, every set in tests/judged/sets.yaml

Each set is scored with the bundled catalog and the default profile; figures are given
for the full score and the simple baselines (demand fit alone, wording cosine alone),
per set, per language and per kind, with the "no suitable project" answers and the
paraphrase groups. Nothing here is tuned: it only reports.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matchmaker.bundled import catalog_dir, default_profile_path  # noqa: E402
from matchmaker.catalog import load_catalog  # noqa: E402
from matchmaker.judged import (  # noqa: E402
    Figures,
    SetResult,
    evaluate,
    load_corrections,
    load_judged,
)
from matchmaker.loading.documents import load_file  # noqa: E402
from matchmaker.models import Profile  # noqa: E402

JUDGED = ROOT / "tests" / "judged"


def _pair(figures: Figures) -> str:
    if figures.demands == 0:
        return "–"
    return f"{figures.ndcg3:.3f} / {figures.top1:.3f}"


def _row(label: str, demands: int, by_ranker: dict[str, Figures]) -> str:
    return (
        f"| {label} | {demands} | {_pair(by_ranker['full'])} | "
        f"{_pair(by_ranker['demand_fit'])} | {_pair(by_ranker['cosine'])} |"
    )


HEADER = (
    "| set | demands with a right project | full score | demand fit only | "
    "cosine only |\n| --- | --- | --- | --- | --- |"
)


def main() -> None:
    catalog, problems = load_catalog(catalog_dir())
    assert catalog is not None, problems
    profile = load_file(default_profile_path()).model
    assert isinstance(profile, Profile)
    registry = yaml.safe_load((JUDGED / "sets.yaml").read_text(encoding="utf-8"))["sets"]
    corrections = load_corrections(JUDGED / "corrections.yaml")

    def measured(name: str, grades_as_written: bool = False) -> SetResult:
        entries = load_judged(JUDGED / name, corrections, grades_as_written=grades_as_written)
        return evaluate(catalog, profile, entries, name)

    results: list[tuple[dict[str, str], SetResult]] = [
        (entry, measured(entry["file"])) for entry in registry
    ]
    regraded = {c.set for c in corrections if c.field == "relevance"}
    print("nDCG@3 / top-1 over the demands that have a right project.\n")
    print(HEADER)
    for entry, result in results:
        label = f"`{entry['file']}` ({entry['provenance']})"
        print(_row(label, result.figures["full"].demands, result.figures))
        if entry["file"] in regraded:  # a corrected grade: the figures as first graded too
            first = measured(entry["file"], grades_as_written=True)
            label = f"`{entry['file']}` as first graded"
            print(_row(label, first.figures["full"].demands, first.figures))
    if corrections:
        print("\nCorrections (tests/judged/corrections.yaml), applied above:\n")
        for c in corrections:
            what = f"{c.project} graded" if c.field == "relevance" else c.field
            print(f"- {c.set}, {c.demand}: {what} {c.was} → {c.now}")
    for title, attribute in (("language", "by_language"), ("kind", "by_kind")):
        print(f"\nBy {title} (the tagged sets):\n")
        print(HEADER.replace("| set |", f"| set, {title} |"))
        for entry, result in results:
            for part, figures in getattr(result, attribute).items():
                if part == "untagged" or figures["full"].demands == 0:
                    continue
                print(_row(f"{entry['file']}, {part}", figures["full"].demands, figures))
    print(
        '\n| set | no-fit answered "no suitable project" | wrongly answered so | '
        "paraphrase groups agreeing | groups answered rightly in every version | "
        "most often first on no-fit |\n| --- | --- | --- | --- | --- | --- |"
    )
    for entry, result in results:
        answered, no_fit = result.no_fit_answered
        wrong, right = result.false_no_fit
        agreeing, groups = result.groups_agreeing
        rightly, _ = result.groups_right
        project, times, _ = result.most_first_on_no_fit
        print(
            f"| `{entry['file']}` | {answered} of {no_fit} | {wrong} of {right} | "
            f"{agreeing} of {groups} | {rightly} of {groups} | "
            f"{project if times else '–'} ({times}) |"
        )


if __name__ == "__main__":
    main()
