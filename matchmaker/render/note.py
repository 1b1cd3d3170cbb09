"""The method and distribution note as Markdown (`matchmaker note`).

Every text from the inputs or the catalog (names, themes, options as typed) goes through
`markdown_text`, so a name with `|`, `#` or `<b>` can neither break a table nor become a
heading or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchmaker.messages import say
from matchmaker.records.history import PRIOR, PSEUDO_TARGETS, TRACK_RECORD_POINTS
from matchmaker.records.note import MethodNote, RoundsDistribution, Tally
from matchmaker.render.cells import markdown_code, markdown_text
from matchmaker.render.explain import COMPONENT_NAMES


@dataclass(frozen=True, slots=True)
class NoteReport:
    note: MethodNote
    language: str
    inputs: dict[str, str]  # file → SHA-256, as in the allocation's JSON


# Eligibility gates as a reader understands them (scoring/eligibility.py GATES).
GATE_WORDS = {
    "region-kind": (
        "the project is not open to the region's kind (si, gun, gu, province)",
        "사업 대상이 아닌 지역 유형(시·군·구·시도)",
    ),
    "province": ("the project is not open to the region's province", "사업 대상이 아닌 시·도"),
    "population-decline": (
        "the project is only for population-decline areas",
        "인구감소지역만 대상인 사업",
    ),
    "co-funding": (
        "the demand's co-funding share is below the project's minimum",
        "지역 부담 비율이 사업의 최소 기준보다 낮음",
    ),
    "modes": (
        "the project delivers none of the modes the demand asks for",
        "요청한 추진 방식을 사업이 하나도 제공하지 않음",
    ),
}
# Fairness rules by their price key (allocation/solve.py FAIRNESS_GROUPS), as typed.
RULE_FLAGS = {
    "min-per-province": "--min-per-province",
    "decline-share": "--min-decline-share",
    "decline-krw-share": "--min-decline-krw-share",
    "region-share": "--max-region-share",
    "repeat-cap": "--max-repeat",
    "new-share": "--min-new-share",
    "reserve-priority": "--reserve-priority",
}
DIMENSION_TITLES = {
    "province": ("By province", "시·도별"),
    "kind": ("By region kind", "지역 유형별"),
    "theme": ("By theme", "주제별"),
}


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows)]


def _tally_cells(tally: Tally) -> list[str]:
    return [
        str(tally.demands),
        str(tally.funded),
        str(tally.unfunded),
        str(tally.assignments),
        f"{tally.krw:,}",
    ]


def render_markdown(report: NoteReport) -> str:
    note, lang = report.note, report.language
    lines = [
        say(
            lang,
            f"# Method and distribution note: round {note.round}",
            f"# {note.round}년 회차 방법 및 배분 공개 자료",
        ),
        "",
        say(
            lang,
            "How the round's demands were scored and allocated, and who was funded and who "
            "was not. Every number is the allocation's own (`matchmaker allocate --format "
            "json` with the same inputs and options gives the same).",
            "이 회차의 수요를 어떻게 평가·배정했는지, 어느 지역이 지원받고 받지 못했는지 "
            "공개합니다. 모든 수치는 같은 입력과 옵션으로 실행한 `matchmaker allocate "
            "--format json`의 결과와 같습니다.",
        ),
    ]
    lines += _method(note, lang)
    lines += _gates(note, lang)
    lines += _rules(note, lang)
    lines += _this_round(note, lang)
    if note.history:
        lines += _over_rounds(note, lang)
    lines += ["", say(lang, "## Input files", "## 입력 파일"), ""]
    lines += _table(
        [say(lang, "file", "파일"), "SHA-256"],
        [[markdown_text(name), markdown_code(digest)] for name, digest in report.inputs.items()],
    )
    return "\n".join(lines) + "\n"


def _method(note: MethodNote, lang: str) -> list[str]:
    profile = note.profile
    names = profile["name"]
    assert isinstance(names, dict)
    name = names.get(lang) or names.get("en") or names.get("ko") or profile["id"]
    weights = profile["weights"]
    assert isinstance(weights, dict)
    words = COMPONENT_NAMES[lang]
    lines = [
        "",
        say(lang, "## How pairs were scored", "## 점수 산정 방법"),
        "",
        say(lang, "Profile: ", "프로필: ") + f"{markdown_text(str(name))} (`{profile['id']}`)",
        "",
    ]
    lines += _table(
        [say(lang, "component", "구성 요소"), say(lang, "weight", "가중치")],
        [[words[k], f"{float(v):.2f}"] for k, v in weights.items()],
    )
    lines += [
        "",
        say(
            lang,
            f"- A demand no eligible project fits to {profile['fit_threshold']} points of demand "
            "fit is answered \u201cno suitable project\u201d and is not allocated.",
            f"- 수요 적합도가 {profile['fit_threshold']}점에 이르는 대상 사업이 없는 수요는 "
            "'적합한 사업 없음'으로 답하고 배정하지 않습니다.",
        ),
        say(
            lang,
            f"- Population-decline areas get {profile['population_decline_bonus']} extra points.",
            f"- 인구감소지역 가점: {profile['population_decline_bonus']}점.",
        ),
    ]
    if note.history:
        lines.append(
            say(
                lang,
                f"- Track record: each pair's long-term value moves by up to "
                f"±{TRACK_RECORD_POINTS:g} points with the targets its project and region met "
                f"and the cooperation that continued after support in earlier rounds, each share "
                f"shrunk toward {PRIOR:g} by {PSEUDO_TARGETS} pseudo-targets.",
                f"- 실적: 이전 회차에 사업과 지역이 달성한 목표, 지원 종료 뒤 이어진 협력의 "
                f"비율에 따라 짝의 장기 가치가 최대 ±{TRACK_RECORD_POINTS:g}점 움직입니다. 각 "
                f"비율은 가상 목표 {PSEUDO_TARGETS}건으로 {PRIOR:g}쪽으로 줄여 잡습니다.",
            )
        )
    return lines


def _gates(note: MethodNote, lang: str) -> list[str]:
    lines = [
        "",
        say(lang, "## Eligibility gates", "## 대상 요건"),
        "",
        say(
            lang,
            f"A pair that fails a gate is not scored into a ranking; each pair is counted at "
            f"the first gate it fails, of {note.pairs:,} pairs.",
            f"요건을 충족하지 못한 짝은 순위에 들지 않습니다. 전체 {note.pairs:,}개 짝 가운데 "
            "처음 걸린 요건 하나로 셉니다.",
        ),
        "",
    ]
    lines += _table(
        [
            say(lang, "gate", "요건"),
            say(lang, "meaning", "뜻"),
            say(lang, "pairs excluded", "제외된 짝"),
        ],
        [[f"`{gate}`", say(lang, *GATE_WORDS[gate]), str(count)] for gate, count in note.gates],
    )
    return lines


def _rules(note: MethodNote, lang: str) -> list[str]:
    lines = [
        "",
        say(lang, "## Allocation rules and options", "## 배정 규칙과 옵션"),
        "",
        say(
            lang,
            "The portfolio maximises the total score (with a bonus for complementary "
            f"projects in one region) under capacities and budgets; solver status: "
            f"{note.status}.",
            "정원과 예산 안에서 점수 합(한 지역의 상호보완 사업에는 가점)을 최대로 하는 배정을 "
            f"골랐습니다. 풀이 상태: {note.status}.",
        ),
        "",
    ]
    if note.flags:
        lines.append(say(lang, "Options given:", "지정한 옵션:"))
        lines += ["- " + markdown_code(flag) for flag in note.flags]
    else:
        lines.append(say(lang, "Options given: none (the defaults).", "지정한 옵션: 없음(기본값)."))
    if note.fairness_prices:
        lines += ["", say(lang, "Price of each fairness rule:", "형평성 규칙별 비용:"), ""]
        lines += _table(
            [say(lang, "rule", "규칙"), say(lang, "objective lost (points)", "줄어든 목적값(점)")],
            [
                [f"`{RULE_FLAGS.get(rule, rule)}`", f"{price:.1f}"]
                for rule, price in sorted(note.fairness_prices.items())
            ],
        )
    else:
        lines += [
            "",
            say(lang, "No fairness rule was applied.", "형평성 규칙은 적용하지 않았습니다."),
        ]
    if note.unknown_cost and lang in note.unknown_cost:
        lines += ["", markdown_text(note.unknown_cost[lang]) + "."]
    return lines


def _this_round(note: MethodNote, lang: str) -> list[str]:
    t = note.totals
    lines = [
        "",
        say(lang, f"## Funded and unfunded, round {note.round}", f"## {note.round}년 회차 배분"),
        "",
        say(
            lang,
            f"{t.demands} demand(s): {t.funded} funded, {t.unfunded} not; {t.assignments} "
            f"assignment(s), KRW {t.krw:,} a year. A demand counts in each theme it reads as.",
            f"수요 {t.demands}건: 지원 {t.funded}건, 미지원 {t.unfunded}건. "
            f"배정 {t.assignments}건, 연 {t.krw:,}원. 수요는 읽히는 주제마다 한 번씩 셉니다.",
        ),
    ]
    header = [
        "",
        say(lang, "demands", "수요"),
        say(lang, "funded", "지원"),
        say(lang, "unfunded", "미지원"),
        say(lang, "assignments", "배정"),
        say(lang, "KRW a year", "연간 금액(원)"),
    ]
    if note.unfunded_by_reason:
        lines += ["", say(lang, "Why demands went unfunded:", "지원하지 못한 이유:"), ""]
        lines += _table(
            [say(lang, "reason", "이유"), say(lang, "demands", "수요")],
            [[markdown_code(code), str(count)] for code, count in note.unfunded_by_reason],
        )
    for distribution in note.distributions:
        title = say(lang, *DIMENSION_TITLES[distribution.dimension])
        lines += ["", f"### {title}", ""]
        lines += _table(
            [title, *header[1:]],
            [
                [markdown_text(group.names[lang]), *_tally_cells(tally)]
                for group, tally in distribution.rows
            ],
        )
    return lines


def _over_rounds(note: MethodNote, lang: str) -> list[str]:
    lines = [
        "",
        say(lang, "## Over rounds", "## 회차별 배분"),
        "",
        say(
            lang,
            f"Funded pairs, the KRW recorded for them, and demands on the reserve list, per "
            f"round: earlier rounds from their decisions, round {note.round} from this "
            "allocation. The records keep no other unfunded demands, and not the demands "
            "themselves, so a pair's theme here is its project's. Amounts not recorded are "
            "counted apart (\u201c+n unknown\u201d).",
            f"회차별 지원 짝, 기록된 금액, 예비 목록의 수요입니다. 이전 회차는 결정 기록에서, "
            f"{note.round}년 회차는 이번 배정에서 셉니다. 기록에는 그 밖의 미지원 수요와 수요 "
            "내용이 없으므로 주제는 사업의 주제로 셉니다. 기록되지 않은 금액은 따로 셉니다"
            "('+n 미상').",
        ),
    ]
    if note.unplaced:
        named = ", ".join(markdown_code(item) for item in note.unplaced)
        lines += [
            "",
            say(
                lang,
                f"Not in the tables: {len(note.unplaced)} recorded pair(s) or reserve "
                f"entries whose decision names no region the regions file knows: {named}.",
                f"표에 넣지 못한 기록 {len(note.unplaced)}건(결정 파일에 지역이 없거나 지역 "
                f"목록에 없는 지역): {named}.",
            ),
        ]
    for distribution in note.over_rounds:
        lines += _rounds_table(distribution, lang)
    return lines


def _rounds_table(distribution: RoundsDistribution, lang: str) -> list[str]:
    title = say(lang, *DIMENSION_TITLES[distribution.dimension])
    header = [title]
    for year in distribution.rounds:
        header += [
            say(lang, f"{year} funded", f"{year} 지원"),
            say(lang, f"{year} KRW", f"{year} 금액(원)"),
            say(lang, f"{year} reserve", f"{year} 예비"),
        ]
    rows = []
    for group, by_round in distribution.rows:
        cells = [markdown_text(group.names[lang])]
        for year in distribution.rounds:
            tally = by_round.get(year)
            if tally is None:
                cells += ["0", "0", "0"]
                continue
            unknown = (
                say(lang, f" +{tally.unknown_amounts} unknown", f" +{tally.unknown_amounts} 미상")
                if tally.unknown_amounts
                else ""
            )
            cells += [str(tally.funded), f"{tally.krw:,}{unknown}", str(tally.reserve)]
        rows.append(cells)
    return ["", f"### {title}", "", *_table(header, rows)]
