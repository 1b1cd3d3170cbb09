"""The report as one self-contained HTML page, rendered through Jinja2 templates.

Every value reaches the page through the template with autoescaping on, so text from
proposals (titles, names, reasons) can never become markup. The page's CSS and script are
package files inlined verbatim; the Content-Security-Policy allows that one script (by its
hash) and no request of any kind, so the page works offline and a browser enforces it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from matchmaker.report import charts
from matchmaker.report.data import ReportData
from matchmaker.report.formatting import (
    NONE,
    krw,
    krw_short,
    number,
    percent,
    weight_bound,
)
from matchmaker.report.labels import labels

COMPONENTS = ("demand_fit", "long_term", "synergy")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def lang_of(text: str | None) -> str:
    """`ko` for text with Hangul, else `en`: marks English data on a Korean page (and the
    reverse) so screen readers and fonts treat it right."""
    return "ko" if text and _HANGUL.search(text) else "en"


def meter(value: float | None) -> str:
    """A 0–100 score as a CSS width."""
    return f"{min(max(value or 0.0, 0.0), 100.0):.1f}%"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("matchmaker.report", "templates"),
        autoescape=True,  # every {{ value }} is HTML-escaped
        undefined=jinja2.StrictUndefined,  # a misspelt name fails the render, not the page
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        number=number,
        krw=krw,
        krw_short=krw_short,
        percent=percent,
        weight_bound=weight_bound,
        lang_of=lang_of,
        meter=meter,
    )
    return env


def _asset(name: str) -> str:
    env = environment()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_html(data: ReportData) -> str:
    """The whole page; the same data always gives the same bytes."""
    script = _asset("report.js")
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            **context(data),
            style=Markup(_asset("report.css")),
            # The history section's own rules, only on a page that has it, so a report
            # without --history stays byte for byte what it was.
            history_style=Markup(_asset("history.css")) if data.history else "",
            script=Markup(script),
            script_hash=_csp_hash(script),
        )
    )


def context(data: ReportData) -> dict[str, Any]:
    """What the template reads, derived from the report data and nothing else."""
    language = data.language
    t = labels(language)
    demand_row = {d["key"]: i for i, d in enumerate(data.demands)}
    project_column = {p["id"]: i for i, p in enumerate(data.projects)}
    demand_of = {d["key"]: d for d in data.demands}
    project_name = {p["id"]: p["name"][language] for p in data.projects}
    short = {p["code"]: (p["short"] or p["name"])[language] for p in data.provinces}
    places = {d["key"]: _place(d, short, language) for d in data.demands}
    assignments = data.allocation["assignments"]
    assigned = {
        (demand_row[f"{a['proposal']}/{a['demand']}"], project_column[a["project"]])
        for a in assignments
    }
    rows = []
    for a in assignments:
        demand = demand_of[f"{a['proposal']}/{a['demand']}"]
        rows.append(
            {
                **a,
                "key": demand["key"],
                "title": demand["title"],
                "region_name": a["region"]["name"][language],
                "province_name": short.get(
                    demand["province"]["code"], demand["province"]["name"][language]
                ),
                "decline": demand["population_decline"],
                "project_name": project_name.get(a["project"], a["project"]),
            }
        )
    unassigned = [
        {
            **u,
            "key": f"{u['proposal']}/{u['demand']}",
            "title": demand_of[f"{u['proposal']}/{u['demand']}"]["title"],
            "region_name": places[f"{u['proposal']}/{u['demand']}"],
        }
        for u in data.allocation["unassigned"]
    ]
    groups = [
        {
            "demand": d,
            "sensitivity": data.sensitivity.get(d["key"]),
            "matches": [m for m in data.matches if m["key"] == d["key"]],
        }
        for d in data.demands
    ]
    region_name = {d["region"]["code"]: places[d["key"]] for d in data.demands}
    synergy = [
        {
            "region": region_name.get(pair["region"], pair["region"]),
            "projects": " + ".join(project_name.get(p, p) for p in pair["projects"].split("+")),
        }
        for pair in data.allocation["synergy"]
    ]
    profile_names = data.profile["name"]
    return {
        "data": data,
        "t": t,
        "lang": language,
        "components": COMPONENTS,
        "profile_name": profile_names.get(language)
        or profile_names.get("en")
        or profile_names.get("ko")
        or data.profile["id"],
        "heat": charts.heatmap(data.scores, assigned),
        "map": charts.tile_map(data.provinces, language),
        "gaps_heat": charts.unmet_heat(data.gaps["by_theme_province"]),
        "measures": charts.MEASURES,
        "equity": charts.equity_charts(data, t),
        "allocation_rows": rows,
        "unassigned": unassigned,
        "synergy": synergy,
        "groups": groups,
        "places": places,
        "option_rows": [(name, _option_text(value)) for name, value in data.options.items()],
        # With --draws 0 no shares were computed: the cards say so instead of 0%.
        "shares_computed": bool(data.options.get("draws")),
        "attainment": charts.attainment_chart(data.history, language) if data.history else [],
    }


def _place(demand: dict[str, Any], short: dict[str, str], language: str) -> str:
    """A region as people tell it apart: 고성군 (강원) is not 고성군 (경남)."""
    region = demand["region"]["name"][language]
    if demand["kind"] == "province":
        return region
    return f"{region} ({short.get(demand['province']['code'], '')})"


def _option_text(value: object) -> str:
    if value is None:
        return NONE
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or NONE
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or NONE
    return str(value)
