"""`monitor` output: results due or late, and attainment per project and region."""

from __future__ import annotations

import io
from dataclasses import dataclass

from matchmaker.messages import say
from matchmaker.records.history import Attainment
from matchmaker.records.monitor import Monitoring
from matchmaker.render.envelope import envelope, to_json


@dataclass(frozen=True, slots=True)
class MonitorReport:
    monitoring: Monitoring
    language: str
    today: str
    inputs: dict[str, str]
    region_names: dict[str, str]  # code → name in the report's language


def _attainment(attainment: Attainment) -> dict[str, object]:
    return {
        "met": attainment.met,
        "of": attainment.total,
        "share": round(attainment.met / attainment.total, 4) if attainment.total else None,
        "years": list(attainment.years),
    }


def render_json(report: MonitorReport) -> str:
    m = report.monitoring
    return to_json(
        envelope(
            report.inputs,
            {
                "today": report.today,
                "owed": [
                    {
                        "round": o.round,
                        "demand": o.demand,
                        "project": o.project,
                        "region": o.region,
                        "year": o.year,
                        "state": o.state,
                        "late_after": o.deadline.isoformat(),
                    }
                    for o in m.owed
                ],
                "attainment": {
                    "by_project": {k: _attainment(v) for k, v in m.projects.items()},
                    "by_region": {k: _attainment(v) for k, v in m.regions.items()},
                    "continued_after_support": {k: _attainment(v) for k, v in m.continued.items()},
                },
            },
        )
    )


def render_table(report: MonitorReport) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    m, lang = report.monitoring, report.language
    buffer = io.StringIO()
    console = Console(file=buffer, width=200, force_terminal=False, color_system=None)
    if m.owed:
        owed = Table(
            title=say(lang, "Results owed", "제출할 결과"),
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
        )
        for header in say(
            lang, "state|year|demand|project|region|late after", "상태|연도|수요|사업|지역|기한"
        ).split("|"):
            owed.add_column(header, no_wrap=True)
        for o in m.owed:
            state = {"late": say(lang, "late", "지연"), "due": say(lang, "due", "제출 예정")}[
                o.state
            ]
            region = report.region_names.get(o.region or "", o.region or "-")
            owed.add_row(
                state,
                str(o.year),
                Text(o.demand),
                Text(o.project),
                Text(region),
                o.deadline.isoformat(),
            )
        console.print(owed)
    else:
        console.print(say(lang, "No results owed.", "제출할 결과가 없습니다."))
    attained = Table(
        title=say(lang, "Attainment", "목표 달성"),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    for header in say(
        lang,
        "project or region|targets met|years|continued after support",
        "사업 또는 지역|목표 달성|연도|지원 뒤 협력 지속",
    ).split("|"):
        attained.add_column(header, no_wrap=True)
    for project, a in m.projects.items():
        c = m.continued.get(project)
        attained.add_row(
            Text(project),
            f"{a.met}/{a.total}",
            a.span(),
            f"{c.met}/{c.total}" if c is not None else "-",
        )
    for code, a in m.regions.items():
        attained.add_row(
            Text(report.region_names.get(code, code)), f"{a.met}/{a.total}", a.span(), ""
        )
    console.print(attained)
    return buffer.getvalue()
