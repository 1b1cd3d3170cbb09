"""`gaps` output: clusters of unmet demand as a table, JSON, CSV (Excel-ready) or Markdown."""

from __future__ import annotations

import io

from matchmaker.gaps.clusters import GapCluster, GapsReport
from matchmaker.messages import label, say
from matchmaker.render.cells import csv_writer, markdown_text
from matchmaker.render.envelope import envelope, to_json
from matchmaker.render.rank import UTF8_BOM, demand_json, profile_json
from matchmaker.report.formatting import krw_short


def theme_name(report: GapsReport, theme: str, language: str) -> str:
    names = report.theme_labels.get(theme)
    return names.display(language) if names else theme


def area_name(report: GapsReport, area: str | None, language: str) -> str:
    if area is None:
        return say(language, "outside the plan's five areas", "종합계획의 다섯 분야 밖")
    names = report.policy_area_names.get(area)
    return names.display(language) if names else area


def shortfall(report: GapsReport, cluster: GapCluster, language: str) -> str:
    """Why the closest project does not serve the cluster, in one sentence."""
    closest = cluster.closest
    if closest is None:
        return say(
            language,
            "No project in the catalog is open to these regions.",
            "카탈로그의 어떤 사업도 이 지역들이 참여할 수 없습니다.",
        )
    name = closest.name.display(language)
    fit = say(
        language,
        f"{name}: mean demand fit {closest.mean_fit:.0f} against the threshold of "
        f"{report.threshold:.0f}",
        f"{name}: 평균 수요 적합도 {closest.mean_fit:.0f}점, 기준 {report.threshold:.0f}점",
    )
    parts = [fit]
    if closest.missing_themes:
        needs = ", ".join(theme_name(report, t, language) for t in closest.missing_themes[:3])
        parts.append(say(language, f"it does not cover {needs}", f"{needs}을(를) 다루지 않음"))
    if closest.eligible < len(cluster.demands):
        parts.append(
            say(
                language,
                f"open to {closest.eligible} of the {len(cluster.demands)} demands",
                f"수요 {len(cluster.demands)}건 중 {closest.eligible}건만 참여 가능",
            )
        )
    return "; ".join(parts) + "."


def _provinces(cluster: GapCluster, language: str) -> str:
    return ", ".join(f"{names.display(language)} {n}" for _, names, n in cluster.provinces)


def _kinds(cluster: GapCluster, language: str) -> str:
    return ", ".join(f"{label('region-kind', k, language)} {n}" for k, n in cluster.region_kinds)


def _budget(cluster: GapCluster, language: str) -> str:
    if not cluster.budget_stated:
        return say(language, "no budget stated", "요청 예산 없음")
    return say(
        language,
        f"{krw_short(cluster.budget_total, language)} a year requested "
        f"({cluster.budget_stated} of {len(cluster.demands)} state one)",
        f"연 {krw_short(cluster.budget_total, language)} 요청"
        f"({len(cluster.demands)}건 중 {cluster.budget_stated}건 기재)",
    )


def summary_lines(report: GapsReport, cluster: GapCluster, language: str) -> list[str]:
    """The cluster's facts, one line each, the same in the table, Markdown and the report."""
    label_text = cluster.label.ko if language == "ko" else cluster.label.en
    return [
        f"{cluster.id} · {label_text}",
        say(
            language,
            f"{len(cluster.demands)} demand(s) ({cluster.unmet} unmet, "
            f"{len(cluster.demands) - cluster.unmet} weakly served) from "
            f"{len(cluster.regions)} region(s); {cluster.decline_share:.0%} from "
            "population-decline areas",
            f"수요 {len(cluster.demands)}건(미충족 {cluster.unmet}, 약한 충족 "
            f"{len(cluster.demands) - cluster.unmet}), 지역 {len(cluster.regions)}곳, "
            f"인구감소지역 {cluster.decline_share:.0%}",
        ),
        say(language, "Provinces: ", "시·도: ")
        + _provinces(cluster, language)
        + say(language, "; kinds: ", "; 종류: ")
        + _kinds(cluster, language),
        say(language, "Budget: ", "예산: ") + _budget(cluster, language),
        say(language, "Policy area: ", "정책 분야: ")
        + area_name(report, cluster.policy_area, language),
        say(language, "Closest project: ", "가장 가까운 사업: ")
        + shortfall(report, cluster, language),
        say(language, "Representative demands: ", "대표 수요: ")
        + "; ".join(d.record.demand.title for d in cluster.representatives),
    ]


def _heading(report: GapsReport, language: str) -> str:
    unmet = sum(c.unmet for c in report.clusters)
    weak = sum(len(c.demands) for c in report.clusters) - unmet
    line = report.threshold + report.weak_band
    return say(
        language,
        f"{unmet} of {report.demands} demands unmet (no project reaches a demand fit of "
        f"{report.threshold:.0f}) and {weak} served only weakly (best fit below "
        f"{line:.0f}), in {len(report.clusters)} cluster(s).",
        f"수요 {report.demands}건 중 미충족 {unmet}건"
        f"(수요 적합도 {report.threshold:.0f}점에 이르는 사업 없음), 약한 충족 {weak}건"
        f"(최고 적합도 {line:.0f}점 미만), 군집 {len(report.clusters)}개.",
    )


def cluster_json(report: GapsReport, cluster: GapCluster) -> dict[str, object]:
    closest = cluster.closest
    return {
        "id": cluster.id,
        "label": {"ko": cluster.label.ko, "en": cluster.label.en},
        "words": {"ko": list(cluster.label.words_ko), "en": list(cluster.label.words_en)},
        "main_theme": cluster.main_theme,
        "themes": list(cluster.themes),
        "policy_area": cluster.policy_area,
        "demand_count": len(cluster.demands),
        "unmet": cluster.unmet,
        "weak": len(cluster.demands) - cluster.unmet,
        "region_count": len(cluster.regions),
        "regions": [
            {"code": r.code, "name": {"ko": r.name_ko, "en": r.name_en}, "kind": r.kind}
            for r in cluster.regions
        ],
        "provinces": [
            {"code": code, "name": {"ko": names.ko, "en": names.en}, "demands": n}
            for code, names, n in cluster.provinces
        ],
        "region_kinds": dict(cluster.region_kinds),
        "decline_share": cluster.decline_share,
        "budget": {"total": cluster.budget_total, "stated": cluster.budget_stated},
        "closest_project": None
        if closest is None
        else {
            "id": closest.project_id,
            "mean_fit": closest.mean_fit,
            "eligible_demands": closest.eligible,
            "missing_themes": list(closest.missing_themes),
            "why": shortfall(report, cluster, report.language),
        },
        "representatives": [d.record.demand.title for d in cluster.representatives],
        "demands": [
            {
                **demand_json(d.record),
                "title": d.record.demand.title,
                "status": d.status,
                "best_fit": d.best_fit,
            }
            for d in cluster.demands
        ],
    }


def render_json(report: GapsReport) -> str:
    unmet = sum(c.unmet for c in report.clusters)
    return to_json(
        envelope(
            report.inputs,
            {
                "options": {"language": report.language, **dict(report.options)},
                "profile": profile_json(report.profile),
                "threshold": report.threshold,
                "weak_band": report.weak_band,
                "demands": report.demands,
                "unmet": unmet,
                "weak": sum(len(c.demands) for c in report.clusters) - unmet,
                "clusters": [cluster_json(report, c) for c in report.clusters],
            },
        )
    )


CSV_COLUMNS = (
    "cluster",
    "cluster_label",
    "main_theme",
    "policy_area",
    "closest_project",
    "proposal",
    "demand",
    "region_code",
    "region",
    "province",
    "population_decline",
    "status",
    "best_fit",
    "budget_request",
    "title",
)


def render_csv(report: GapsReport) -> str:
    """One row per demand, with its cluster's facts repeated, for a pivot table."""
    language = report.language
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for cluster in report.clusters:
        for d in cluster.demands:
            region = d.record.region
            writer.writerow(
                [
                    cluster.id,
                    cluster.label.ko if language == "ko" else cluster.label.en,
                    cluster.main_theme or "",
                    cluster.policy_area or "",
                    cluster.closest.project_id if cluster.closest else "",
                    d.record.proposal.id,
                    d.record.demand.id,
                    region.code,
                    region.name(language),
                    region.province_name(language),
                    "yes" if region.population_decline else "no",
                    d.status,
                    "" if d.best_fit is None else f"{d.best_fit:.2f}",
                    ""
                    if d.record.demand.budget_request is None
                    else d.record.demand.budget_request,
                    d.record.demand.title,
                ]
            )
    return UTF8_BOM + buffer.getvalue()


def render_markdown(report: GapsReport) -> str:
    language = report.language
    md = markdown_text
    lines = [
        say(language, "# Unmet demand", "# 충족되지 않은 수요"),
        "",
        md(_heading(report, language)),
    ]
    for cluster in report.clusters:
        first, *facts = summary_lines(report, cluster, language)
        lines += ["", f"## {md(first)}", ""]
        lines += [f"- {md(fact)}" for fact in facts]
        lines += ["", say(language, "Demands:", "수요:"), ""]
        for d in cluster.demands:
            lines.append(
                f"- {md(d.key)} · {md(d.record.region.display(language))}: "
                f"{md(d.record.demand.title)} ({_status(d.status, d.best_fit, language)})"
            )
    return "\n".join(lines) + "\n"


def _status(status: str, best_fit: float | None, language: str) -> str:
    fit = "–" if best_fit is None else f"{best_fit:.0f}"
    if status == "unmet":
        return say(language, f"unmet, best fit {fit}", f"미충족, 최고 적합도 {fit}")
    return say(language, f"weakly served, best fit {fit}", f"약한 충족, 최고 적합도 {fit}")


def render_table(report: GapsReport, width: int = 80) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    language = report.language
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=False, color_system=None, soft_wrap=False
    )
    console.print(Text(_heading(report, language)))
    console.print()
    for cluster in report.clusters:
        table = Table(
            title=Text("\n".join(summary_lines(report, cluster, language))),
            title_justify="left",
            expand=False,
            box=None,
            pad_edge=False,
            show_edge=False,
        )
        table.add_column(say(language, "demand", "수요"), overflow="fold", max_width=30)
        table.add_column(say(language, "region", "지역"), no_wrap=True)
        table.add_column(say(language, "title", "제목"), overflow="fold", max_width=30)
        table.add_column(say(language, "fit", "적합"), justify="right", no_wrap=True)
        for d in cluster.demands:
            table.add_row(
                Text(d.key),  # the user's text, never read as rich markup
                Text(d.record.region.name(language)),
                Text(d.record.demand.title),
                ("–" if d.best_fit is None else f"{d.best_fit:.0f}")
                + ("" if d.status == "unmet" else "*"),
            )
        console.print(table)
        console.print()
    if report.clusters:
        console.print(
            Text(
                say(
                    language,
                    "* served only weakly: a project passes the threshold, barely.",
                    "* 약한 충족: 기준을 겨우 넘는 사업만 있음.",
                )
            )
        )
    else:
        console.print(
            say(language, "Every demand is well served.", "모든 수요에 잘 맞는 사업이 있습니다.")
        )
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
