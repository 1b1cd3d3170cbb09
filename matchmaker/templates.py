"""A commented proposal for a region to fill in (`matchmaker new proposal`).

The template is written for officials, not programmers: Korean first, every optional
field present but commented out with what it means, and the three blanks a proposal
cannot do without (`id`, `title`, `description` of a demand) left as `""`, which
`matchmaker validate` rejects, so an unfinished file can never pass as finished.
Every commented-out field is valid as written once uncommented (tests check that), so
"remove the `# `" is the whole instruction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, get_args

from matchmaker.diagnostics.render import display_width
from matchmaker.models.common import Mode, PartnerKind
from matchmaker.models.proposal import PriorTie
from matchmaker.models.reference import Theme
from matchmaker.regions import Region
from matchmaker.schema import ENUM_LABELS

SCHEMA_FILE_NAME: Final = "proposal.schema.json"
# Relative to the proposal file: yaml-language-server resolves a relative modeline
# against the YAML file's own folder, so the pair can be moved or mailed together.
SCHEMA_REFERENCE: Final = f"./{SCHEMA_FILE_NAME}"
BLANK: Final = '""'
FILL_IN: Final = "← 채우세요 / fill in"
NOTE_COLUMN: Final = 40

_EN_KIND_SUFFIX = re.compile(r"(?:-(?:si|gun|gu|do)| State)$", re.IGNORECASE)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


# The tie kinds a proposal may declare, read from the model so the list cannot drift.
TieKind = PriorTie.model_fields["kind"].annotation


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def _stem(english_name: str) -> str:
    # Wanju-gun → wanju, Gangwon State → gangwon, Gyeonggi-do → gyeonggi.
    return _slug(_EN_KIND_SUFFIX.sub("", english_name))


def region_slug(region: Region, regions: Sequence[Region]) -> str:
    """`wanju` for Wanju-gun; `goseong-gangwon` where two regions share the name."""
    stem = _stem(region.name_en) or region.code
    namesakes = [
        other for other in regions if other.code != region.code and _stem(other.name_en) == stem
    ]
    if not namesakes or region.is_province:
        return stem
    # Two namesakes in one province (none today) would still collide: the code settles it.
    if any(other.province_code == region.province_code for other in namesakes):
        return f"{stem}-{region.code}"
    return f"{stem}-{_stem(region.province_name_en)}"


def proposal_id(year: int, region: Region, regions: Sequence[Region]) -> str:
    return f"{year}-{region_slug(region, regions)}"


def _labelled(values: Sequence[str]) -> list[str]:
    return [
        f"{value}({ENUM_LABELS[value].split(' / ')[0]})" if value in ENUM_LABELS else value
        for value in values
    ]


def _wrapped(items: Sequence[str], indent: str, width: int = 96) -> list[str]:
    """A comma-separated list as comment lines no wider than `width` terminal cells.

    Items are never split: a broken id (`idle-` / `facilities`) would be copied wrong.
    """
    lines: list[str] = []
    current = ""
    prefix = f"{indent}#   "
    for index, item in enumerate(items):
        piece = item + ("," if index < len(items) - 1 else "")
        candidate = f"{current} {piece}" if current else piece
        if current and display_width(prefix + candidate) > width:
            lines.append(prefix + current)
            candidate = piece
        current = candidate
    if current:
        lines.append(prefix + current)
    return lines


def _noted(code: str, note: str) -> str:
    """`code` with its comment lined up in one column, Hangul counted two cells wide."""
    return f"{code}{' ' * max(1, NOTE_COLUMN - display_width(code))}# {note}"


def proposal_template(
    *,
    year: int,
    region: Region | None,
    regions: Sequence[Region],
    themes: Sequence[Theme],
    file_name: str | None = None,
) -> str:
    """The text of a new proposal for `region` (None leaves the region blank too)."""
    shown_file = file_name or "제안서.yaml"
    heading = "# 지역 수요 제안서 / Demand proposal"
    if region is not None:
        heading += f" — {region.display('ko')}"
        identity = [
            _noted(
                f"id: {proposal_id(year, region, regions)}",
                "제안서 id: 연도-지역 / proposal id: year-region",
            ),
            _noted(f'region: "{region.code}"', f"{region.display('ko')} / {region.display('en')}"),
        ]
    else:
        identity = [
            _noted(f"id: {BLANK}", f"{FILL_IN}: 연도-지역 (예: {year}-wanju)"),
            _noted(f"region: {BLANK}", f"{FILL_IN}: 지역 코드나 이름 (찾기: matchmaker regions)"),
        ]
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_REFERENCE}",
        heading,
        "#",
        "# 작성 방법 / How to fill in",
        f'#   1. "{FILL_IN}" 표시가 붙은 빈칸("")을 모두 채우세요.',
        "#      Fill in every blank marked 'fill in'.",
        '#   2. 나머지 항목은 선택입니다. 쓰려는 줄 앞의 "# "을 지우고 값을 고치세요.',
        "#      Everything else is optional: remove the leading '# ' and edit the value.",
        f"#   3. 다 쓰면 확인하세요 / then check it: matchmaker validate {shown_file}",
        "# 첫 줄 덕분에 편집기(VS Code의 YAML 확장 등)가 같은 폴더의 스키마 파일",
        f"# ({SCHEMA_FILE_NAME})로 항목을 자동 완성하고 설명합니다. 그 파일을 만들려면:",
        "# The first line lets editors complete and explain fields; to make the schema file:",
        f"#   matchmaker schema proposal --output {SCHEMA_FILE_NAME}",
        "",
        "kind: proposal",
        *identity,
        _noted(f"# submitted: {year}-03-31", "제출일 / date submitted (YYYY-MM-DD)"),
        _noted(f"# valid_until: {year + 1}-12-31", "제안이 유효한 마지막 날 / last day it holds"),
        "",
        "# 담당자 (선택) / contact person (optional)",
        "# contact:",
        "#   name: 홍길동",
        "#   department: 기획예산실",
        "#   email: someone@example.go.kr",
        '#   phone: "063-000-0000"',
        "",
        "# 서울과 이미 맺은 관계 (선택) / earlier cooperation with Seoul (optional)",
        "# 관계 종류 / kinds of tie:",
        *_wrapped(_labelled(get_args(TieKind)), ""),
        "# prior_ties:",
        _noted("#   - partner: 강동구", "서울시 또는 자치구 / the city or a Seoul gu"),
        "#     kind: public-meals-pair",
        _noted(f"#     since: {year - 5}", "시작한 해 / year it began"),
        _noted("#     project: urban-rural-public-meals", "관련 서울 사업 id / project id"),
        "#     note: 공공급식 식재료 공급",
        "",
        "# 수요: 필요한 것마다 하나씩 적습니다(여러 개 가능). / Demands: one entry per need.",
        "demands:",
        _noted(f"  - id: {BLANK}", f"{FILL_IN}: 영문 소문자와 - (예: public-meals)"),
        _noted(f"    title: {BLANK}", f"{FILL_IN}: 한 줄 제목 / one-line title"),
        "    # 설명: 무엇이 필요하고 왜 필요한지 자유롭게 쓰세요(한국어 또는 영어). 도구가",
        '    # 이 글을 읽고 사업을 찾습니다. 길면 "" 대신 > 를 쓰고 다음 줄부터 6칸 들여 쓰세요.',
        "    # What is needed and why, in your own words (Korean or English).",
        _noted(f"    description: {BLANK}", FILL_IN),
        "",
        "    # ── 아래는 모두 선택 / everything below is optional ──",
        "    # 주제 (여러 개 가능) / themes (any of):",
        *_wrapped([f"{theme.id}({theme.label.display('ko')})" for theme in themes], "    "),
        f"    # themes: [{themes[0].id if themes else 'public-meals'}]",
        _noted("    # priority: 1", "우선순위, 1이 가장 중요 / 1 = most important"),
        "    # 추진 방식 (여러 개 가능) / modes (any of):",
        *_wrapped(_labelled(get_args(Mode)), "    "),
        "    # modes: [procurement]",
        _noted("    # budget_request: 300000000", "서울에 요청하는 연간 예산(원) / KRW a year"),
        _noted("    # local_match: 0.3", "지역 부담 비율 0~1 (0.3 = 30%) / share co-funded"),
        _noted(f"    # start: {year + 1}", f"연도 또는 날짜({year + 1}-03-01) / year or date"),
        _noted("    # years: 3", "추진 기간(년, 1~30) / years committed"),
        "    # 협력 주체 종류 / partner kinds:",
        *_wrapped(_labelled(get_args(PartnerKind)), "    "),
        "    # partners:",
        "    #   - name: 지역 로컬푸드 협동조합",
        "    #     kind: cooperative",
        _noted("    #     role: 수집, 선별, 출하", "역할 (선택) / role (optional)"),
        _noted("    # outcomes:", "성과 지표와 목표 / outcome indicators and targets"),
        "    #   - indicator: 공급 대상 시설 수",
        _noted('    #     target: "120"', "목표값 / target"),
        _noted('    #     baseline: "80"', "현재값 / baseline today"),
        "    #     unit: 개소",
        f"    #     by: {year + 3}",
        _noted("    # readiness: [공공급식지원센터 운영 중]", "이미 갖춘 것 / what is in place"),
    ]
    return "\n".join(lines) + "\n"
