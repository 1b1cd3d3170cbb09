"""Where each field of a proposal sits in a workbook: one layout for the reader, the
template and `convert`, so the three cannot drift apart.

The 제안 (proposal) sheet is a form: one row per field, the Korean label in column A, the
YAML field in column B, the value in column C. The 수요 (demands) sheet and the sheets of
sub-lists (협력 partners, 성과 outcomes, 관계 prior ties) are tables: Korean headers in
row 1, the YAML field of each column in row 2, one entry per row from row 3. The reader
finds columns and form rows by their YAML field, so moving a column does no harm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ValueKind = Literal[
    "text",
    "date",
    "amount",
    "share",
    "whole",
    "year",
    "start",
    "themes",
    "modes",
    "partner-kind",
    "tie-kind",
    "lines",
    "number-or-text",
    "region",
]

FORM_SHEET = "제안"
DEMANDS_SHEET = "수요"
PARTNERS_SHEET = "협력"
OUTCOMES_SHEET = "성과"
TIES_SHEET = "관계"
GUIDE_SHEET = "안내"
# The template keeps its long dropdown lists (243 regions) here, hidden as Excel advises;
# the reader never reads it, so nothing hidden there can change a proposal.
LISTS_SHEET = "목록"

FORM_LABEL_COLUMN, FORM_FIELD_COLUMN, FORM_VALUE_COLUMN, FORM_HELP_COLUMN = 1, 2, 3, 4
FORM_FIRST_ROW = 2
HEADER_ROW, FIELD_ROW, FIRST_DATA_ROW = 1, 2, 3
# The column of a sub-list sheet that names the demand a row belongs to.
DEMAND_LINK = "demand"


@dataclass(frozen=True, slots=True)
class Column:
    """One field: its YAML name (dotted inside a mapping: `contact.name`), its headers,
    how its cells are read, and the help the template shows."""

    field: str
    ko: str
    en: str
    kind: ValueKind
    help_ko: str
    help_en: str
    example: object = None
    required: bool = False

    def header(self, language: str) -> str:
        return self.ko if language == "ko" else self.en

    def help(self, language: str) -> str:
        return self.help_ko if language == "ko" else self.help_en


@dataclass(frozen=True, slots=True)
class Table:
    """A sheet of rows: each row one item of the list at `field` (of the proposal, or of
    the demand its `demand` column names)."""

    sheet: str
    field: str
    per_demand: bool
    columns: tuple[Column, ...]
    title_ko: str
    title_en: str

    def column(self, field: str) -> Column | None:
        return next((c for c in self.columns if c.field == field), None)


_DEMAND_LINK_COLUMN = Column(
    DEMAND_LINK,
    "수요 id",
    "demand id",
    "text",
    "이 행이 속한 수요의 id(수요 시트의 id 열).",
    "The id of the demand this row belongs to (the id column of the demands sheet).",
    "public-meals",
    required=True,
)

FORM = (
    Column(
        "id",
        "제안서 id",
        "proposal id",
        "text",
        "연도-지역 형식의 영문 소문자 id.",
        "A lowercase id, year-region.",
        "2027-wanju",
        required=True,
    ),
    Column(
        "region",
        "지역",
        "region",
        "region",
        "제안하는 지역(목록에서 고르기). 코드(52710)도 됩니다.",
        "The proposing region (pick from the list); a code (52710) also works.",
        "완주군",
        required=True,
    ),
    Column(
        "submitted",
        "제출일",
        "submitted",
        "date",
        "제출한 날짜.",
        "Date submitted.",
        "2027-03-31",
    ),
    Column(
        "valid_until",
        "유효 기한",
        "valid until",
        "date",
        "제안이 유효한 마지막 날.",
        "Last day the proposal holds.",
        "2027-12-31",
    ),
    Column("contact.name", "담당자", "contact name", "text", "담당자 이름.", "Name.", "홍길동"),
    Column(
        "contact.department",
        "담당 부서",
        "department",
        "text",
        "담당 부서.",
        "Department.",
        "농업정책과",
    ),
    Column(
        "contact.email",
        "이메일",
        "e-mail",
        "text",
        "담당자 이메일.",
        "E-mail.",
        "someone@example.go.kr",
    ),
    Column("contact.phone", "전화", "phone", "text", "담당자 전화.", "Phone.", "063-000-0000"),
)

DEMANDS = Table(
    DEMANDS_SHEET,
    "demands",
    False,
    (
        Column(
            "id",
            "수요 id",
            "demand id",
            "text",
            "영문 소문자·숫자와 하이픈, 제안서 안에서 유일.",
            "Lowercase letters, digits and hyphens; unique in the proposal.",
            "public-meals",
            required=True,
        ),
        Column(
            "title",
            "제목",
            "title",
            "text",
            "수요를 한 줄로.",
            "The demand in one line.",
            "공공급식 식재료 공급 확대",
            required=True,
        ),
        Column(
            "description",
            "설명",
            "description",
            "text",
            "무엇이 왜 필요한지 자유롭게(한국어 또는 영어). 도구가 이 글을 읽습니다.",
            "What is needed and why, in your own words; the tool reads it.",
            "관내 친환경 농산물을 서울 자치구 어린이집 급식에 안정적으로 공급하고 싶습니다.",
            required=True,
        ),
        Column(
            "themes",
            "주제",
            "themes",
            "themes",
            "목록에서 고르기. 여러 개는 쉼표(,)로 나눕니다.",
            "Pick from the list; separate several with commas.",
            "공공급식, 농특산물 판매·직거래",
        ),
        Column(
            "priority",
            "우선순위",
            "priority",
            "whole",
            "1이 가장 중요.",
            "1 is the most important.",
            1,
        ),
        Column(
            "modes",
            "추진 방식",
            "modes",
            "modes",
            "목록에서 고르기. 여러 개는 쉼표(,)로 나눕니다.",
            "Pick from the list; separate several with commas.",
            "조달, 교육",
        ),
        Column(
            "budget_request",
            "요청 예산(원/년)",
            "budget a year (KRW)",
            "amount",
            "서울에 요청하는 연간 예산. 300000000, 3억원, 3억 5천만 원 모두 됩니다.",
            "Asked of Seoul per year; 300000000, 3억원 or 3억 5천만 원.",
            300_000_000,
        ),
        Column(
            "local_match",
            "지역 부담 비율",
            "local co-funding share",
            "share",
            "지역이 부담하는 비율: 30% 또는 0.3.",
            "Share the region co-funds: 30% or 0.3.",
            0.3,
        ),
        Column(
            "start",
            "시작",
            "start",
            "start",
            "시작 연도(2028) 또는 날짜(2028-03-01).",
            "A year (2028) or a date (2028-03-01).",
            2028,
        ),
        Column(
            "years",
            "기간(년)",
            "years",
            "whole",
            "약속하는 추진 기간, 1~30년.",
            "Years committed, 1-30.",
            3,
        ),
        Column(
            "readiness",
            "이미 갖춘 것",
            "readiness",
            "lines",
            "조직·시설·실적. 한 줄에 하나(Alt+Enter로 줄바꿈).",
            "Bodies, facilities, track record; one per line (Alt+Enter).",
            "공공급식지원센터 운영 중",
        ),
    ),
    "수요: 필요한 것마다 한 행",
    "Demands: one row per need",
)

PARTNERS = Table(
    PARTNERS_SHEET,
    "partners",
    True,
    (
        _DEMAND_LINK_COLUMN,
        Column(
            "name",
            "기관·단체 이름",
            "name",
            "text",
            "함께할 기관이나 단체.",
            "The partner organisation.",
            "완주로컬푸드협동조합",
            required=True,
        ),
        Column(
            "kind",
            "종류",
            "kind",
            "partner-kind",
            "목록에서 고르기.",
            "Pick from the list.",
            "협동조합",
            required=True,
        ),
        Column("role", "역할", "role", "text", "맡는 일.", "What it does.", "수집, 선별, 출하"),
    ),
    "협력 주체: 수요마다 여러 행 가능",
    "Partners: any number of rows per demand",
)

OUTCOMES = Table(
    OUTCOMES_SHEET,
    "outcomes",
    True,
    (
        _DEMAND_LINK_COLUMN,
        Column(
            "indicator",
            "성과 지표",
            "indicator",
            "text",
            "산출이 아닌 성과.",
            "An outcome, not only an output.",
            "공급 대상 시설 수",
            required=True,
        ),
        Column(
            "target",
            "목표값",
            "target",
            "number-or-text",
            "숫자 또는 글.",
            "A number or text.",
            120,
        ),
        Column("unit", "단위", "unit", "text", "목표값의 단위.", "Unit of the target.", "개소"),
        Column(
            "baseline",
            "현재값",
            "baseline",
            "number-or-text",
            "지금의 값.",
            "The value today.",
            80,
        ),
        Column("by", "목표 연도", "by", "year", "목표를 이룰 해.", "Year it is reached.", 2030),
    ),
    "성과 지표: 수요마다 여러 행 가능",
    "Outcomes: any number of rows per demand",
)

TIES = Table(
    TIES_SHEET,
    "prior_ties",
    False,
    (
        Column(
            "partner",
            "서울 측 상대",
            "Seoul partner",
            "text",
            "서울시 또는 자치구.",
            "The city or a Seoul gu.",
            "강동구",
            required=True,
        ),
        Column(
            "kind",
            "관계 종류",
            "kind of tie",
            "tie-kind",
            "목록에서 고르기.",
            "Pick from the list.",
            "공공급식 짝",
            required=True,
        ),
        Column("since", "시작 연도", "since", "year", "관계가 시작된 해.", "Year it began.", 2017),
        Column(
            "project",
            "서울 사업 id",
            "project id",
            "text",
            "관련 서울 사업의 id.",
            "Id of the Seoul project.",
            "urban-rural-public-meals",
        ),
        Column(
            "note", "메모", "note", "text", "관계에 대한 메모.", "Notes.", "공공급식 식재료 공급"
        ),
    ),
    "서울과 이미 맺은 관계",
    "Earlier cooperation with Seoul",
)

TABLES = (DEMANDS, PARTNERS, OUTCOMES, TIES)
DATA_SHEETS = (FORM_SHEET, *(table.sheet for table in TABLES))
