"""`survey` output: the demand picture as tables, JSON, CSV (one row per figure) or
Markdown. Every figure is shown for all demands, those with a strong match and the rest."""

from __future__ import annotations

import io
from dataclasses import asdict

from matchmaker.gaps.survey import NO_AREA, SECTIONS, Counts, DemandSurvey, SurveyReport
from matchmaker.messages import label, say
from matchmaker.render.cells import csv_writer, markdown_text
from matchmaker.render.envelope import envelope, to_json
from matchmaker.render.rank import UTF8_BOM, profile_json
from matchmaker.report.formatting import krw_short

Row = tuple[str, str, tuple[int | str, ...]]  # item id, its words, one figure per section
LANGUAGES = {"ko": ("Korean", "한국어"), "en": ("English", "영어"), "mixed": ("mixed", "혼용")}


def section_title(name: str, language: str) -> str:
    return {
        "all": say(language, "all", "전체"),
        "strong": say(language, "strong match", "강한 매칭"),
        "without": say(language, "no strong match", "강한 매칭 없음"),
    }[name]


def _item_words(report: SurveyReport, dimension: str, item: str, language: str) -> str:
    if item == "unstated":
        return say(language, "not stated", "기재 안 함")
    if dimension == "policy_areas":
        if item == NO_AREA:
            return say(language, "outside the plan's areas", "종합계획 분야 밖")
        names = report.policy_area_names.get(item)
    elif dimension == "themes":
        names = report.theme_labels.get(item)
    elif dimension == "provinces":
        names = report.province_names.get(item)
    elif dimension == "region_kinds":
        return label("region-kind", item, language)
    elif dimension == "modes":
        return label("mode", item, language)
    elif dimension == "partner_kinds":
        return label("partner-kind", item, language)
    elif dimension == "languages":
        return say(language, *LANGUAGES[item])
    else:
        return item
    return names.display(language) if names else item


def _counts_rows(report: SurveyReport, dimension: str, language: str) -> list[Row]:
    tables: dict[str, dict[str, int]] = {
        name: dict(getattr(report.section(name), dimension)) for name in SECTIONS
    }
    # Items in the order of the whole run's counts (most first), then any the others add.
    items = [item for item, _ in getattr(report.section("all"), dimension)]
    return [
        (
            item,
            _item_words(report, dimension, item, language),
            tuple(tables[name].get(item, 0) for name in SECTIONS),
        )
        for item in items
    ]


DIMENSIONS = (
    ("policy_areas", ("Policy area", "정책 분야")),
    ("themes", ("Theme", "주제")),
    ("provinces", ("Province", "시·도")),
    ("region_kinds", ("Region kind", "지역 종류")),
    ("languages", ("Language", "언어")),
    ("decline", ("Population-decline areas", "인구감소지역")),
    ("budgets", ("Budget requested (a year)", "요청 예산(연)")),
    ("years", ("Years asked", "요청 기간(년)")),
    ("starts", ("Start year", "시작 연도")),
    ("modes", ("Delivery modes asked for", "요청한 추진 방식")),
    ("partners", ("Partners named", "협력 주체 명시")),
    ("partner_kinds", ("Partner kinds", "협력 주체 종류")),
)


def _money(value: float | int | None, language: str) -> str:
    return krw_short(None if value is None else int(value), language)


def rows(report: SurveyReport, dimension: str, language: str) -> list[Row]:
    """The figures of one dimension, one row per item, one column per section."""
    surveys = [report.section(name) for name in SECTIONS]
    if dimension == "decline":
        return [
            (
                "decline",
                say(language, "decline areas", "인구감소지역"),
                tuple(s.decline for s in surveys),
            ),
            (
                "other",
                say(language, "other regions", "그 밖의 지역"),
                tuple(s.demands - s.decline for s in surveys),
            ),
        ]
    if dimension == "budgets":
        return [
            (
                "stated",
                say(language, "demands stating one", "기재한 수요"),
                tuple(s.budgets.stated for s in surveys),
            ),
            (
                "total",
                say(language, "total", "합계"),
                tuple(_money(s.budgets.total, language) for s in surveys),
            ),
            (
                "median",
                say(language, "median", "중앙값"),
                tuple(_money(s.budgets.median, language) for s in surveys),
            ),
            (
                "smallest",
                say(language, "smallest", "최소"),
                tuple(_money(s.budgets.smallest, language) for s in surveys),
            ),
            (
                "largest",
                say(language, "largest", "최대"),
                tuple(_money(s.budgets.largest, language) for s in surveys),
            ),
        ]
    if dimension == "partners":
        return [
            (
                "with_partners",
                say(language, "demands naming partners", "협력 주체를 적은 수요"),
                tuple(len(s.with_partners) for s in surveys),
            )
        ]
    return _counts_rows(report, dimension, language)


def _header(report: SurveyReport, language: str) -> list[str]:
    return [
        f"{section_title(name, language)} ({report.section(name).demands})" for name in SECTIONS
    ]


def _counts_json(counts: Counts) -> dict[str, int]:
    return dict(counts)


def survey_json(survey: DemandSurvey) -> dict[str, object]:
    return {
        "demands": survey.demands,
        "policy_areas": _counts_json(survey.policy_areas),
        "themes": _counts_json(survey.themes),
        "provinces": _counts_json(survey.provinces),
        "region_kinds": _counts_json(survey.region_kinds),
        "languages": _counts_json(survey.languages),
        "population_decline": {"decline": survey.decline, "other": survey.demands - survey.decline},
        "budgets": asdict(survey.budgets),
        "years": _counts_json(survey.years),
        "starts": _counts_json(survey.starts),
        "modes": _counts_json(survey.modes),
        "partner_kinds": _counts_json(survey.partner_kinds),
        "with_partners": list(survey.with_partners),
    }


def render_json(report: SurveyReport) -> str:
    return to_json(
        envelope(
            report.inputs,
            {
                "options": {"language": report.language, **dict(report.options)},
                "profile": profile_json(report.profile),
                "sections": {name: survey_json(report.section(name)) for name in SECTIONS},
            },
        )
    )


def render_csv(report: SurveyReport) -> str:
    language = report.language
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(["dimension", "item", "label", *SECTIONS])
    for dimension, _ in DIMENSIONS:
        for item, words, figures in rows(report, dimension, "en" if language != "ko" else "ko"):
            writer.writerow([dimension, item, words, *figures])
    return UTF8_BOM + buffer.getvalue()


def render_markdown(report: SurveyReport) -> str:
    language = report.language
    md = markdown_text
    lines = [say(language, "# Demand survey", "# 수요 조사"), ""]
    header = _header(report, language)
    for dimension, titles in DIMENSIONS:
        lines += [f"## {say(language, *titles)}", ""]
        lines.append("| " + " | ".join(["", *header]) + " |")
        lines.append("| " + " | ".join(["---"] + ["---:"] * len(header)) + " |")
        for _, words, figures in rows(report, dimension, language):
            lines.append("| " + " | ".join([md(words), *(md(str(f)) for f in figures)]) + " |")
        lines.append("")
    partners = report.section("all").with_partners
    if partners:
        lines += [say(language, "Demands naming partners:", "협력 주체를 적은 수요:"), ""]
        lines += [f"- {md(key)}" for key in partners]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_table(report: SurveyReport, width: int = 80) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    language = report.language
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=False, color_system=None, soft_wrap=False
    )
    header = _header(report, language)
    for dimension, titles in DIMENSIONS:
        table = Table(
            title=Text(say(language, *titles)),
            title_justify="left",
            box=None,
            pad_edge=False,
            show_edge=False,
        )
        table.add_column("", overflow="fold", max_width=30)
        for column in header:
            table.add_column(column, justify="right", no_wrap=True)
        for _, words, figures in rows(report, dimension, language):
            table.add_row(Text(words), *(str(f) for f in figures))
        console.print(table)
        console.print()
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
