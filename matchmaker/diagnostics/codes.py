"""Every diagnostic code matchmaker can report, with its documentation and messages.

Codes are kebab-case names that users see and search for; once published they never
change meaning. Each code has one documentation line (rendered into docs/diagnostics.md),
a message template in Korean and English, and a default severity. Hints are kept apart
because one hint (say, "quote the text") helps with several codes.

The codes of reading, syntax and schema are in the table below. The code of each
consistency rule is written once, in that rule's own module under
matchmaker/checks/rules/, and `CODES` imports that package the first time it is asked
for a code it does not hold or for the whole list: every code is known as soon as this
module is imported, and importing it stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from matchmaker.diagnostics.severity import Severity

Language = Literal["ko", "en"]
LANGUAGES: tuple[Language, ...] = ("ko", "en")


class _Params(dict[str, str]):
    """Format mapping: `name@ko` wins over `name` in Korean; unknown names stay visible."""

    def __init__(self, params: Mapping[str, str], language: Language) -> None:
        super().__init__(params)
        self.language = language

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"

    def __getitem__(self, key: str) -> str:
        localised = f"{key}@{self.language}"
        if localised in self:
            return super().__getitem__(localised)
        return super().__getitem__(key)


def _fill(template: str, params: Mapping[str, str], language: Language) -> str:
    return template.format_map(_Params(params, language))


@dataclass(frozen=True, slots=True, order=True)
class CodeInfo:
    code: str
    severity: Severity
    group: str
    doc: str
    en: str
    ko: str

    def render_message(self, language: Language, params: Mapping[str, str]) -> str:
        return _fill(self.ko if language == "ko" else self.en, params, language)


@dataclass(frozen=True, slots=True)
class HintInfo:
    hint: str
    en: str
    ko: str

    def render(self, language: Language, params: Mapping[str, str]) -> str:
        return _fill(self.ko if language == "ko" else self.en, params, language)


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

_CODE_TABLE: tuple[CodeInfo, ...] = (
    # -- reading the file ------------------------------------------------------------
    CodeInfo(
        "unreadable-file",
        _E,
        "file",
        "The file cannot be opened or read.",
        "cannot read the file: {detail}",
        "파일을 읽을 수 없습니다: {detail}",
    ),
    CodeInfo(
        "no-current-proposals",
        _E,
        "file",
        "Every proposal of a run is past its valid_until on the run's date, so nothing is "
        "left to rank.",
        "all {count} proposal(s) in {where} expired before {today}; nothing is left to rank",
        "{where}의 제안서 {count}건이 모두 {today} 이전에 유효 기한이 지나 순위를 매길 것이 "
        "없습니다",
    ),
    CodeInfo(
        "no-proposals",
        _E,
        "file",
        "A run was given no proposal file: the folders named hold no YAML file or workbook.",
        "no proposal files in {where}; give proposal files or a folder that holds them",
        "{where}에 제안서 파일이 없습니다. 제안서 파일이나 그것이 든 폴더를 주세요",
    ),
    CodeInfo(
        "no-records",
        _E,
        "file",
        "A run was given --history with a folder that holds no record file.",
        "no record files in {where}; give the records folder (records/ROUND/…)",
        "{where}에 기록 파일이 없습니다. 기록 폴더(records/회차/…)를 주세요",
    ),
    CodeInfo(
        "file-too-large",
        _E,
        "file",
        "The file is larger than matchmaker accepts for its kind.",
        "the file is {size} bytes; at most {limit} bytes are accepted",
        "파일 크기가 {size}바이트입니다. 최대 {limit}바이트까지 받습니다",
    ),
    CodeInfo(
        "not-utf8",
        _E,
        "file",
        "The file is in another encoding (UTF-16, UTF-32).",
        "the file is encoded as {encoding}, not UTF-8",
        "파일이 UTF-8이 아닌 {encoding}(으)로 저장되어 있습니다",
    ),
    CodeInfo(
        "invalid-utf8",
        _E,
        "file",
        "Bytes that are not valid UTF-8.",
        "byte {byte} is not valid UTF-8 here",
        "이 위치의 바이트 {byte}은(는) 올바른 UTF-8이 아닙니다",
    ),
    CodeInfo(
        "control-character",
        _E,
        "file",
        "An invisible control character (NUL, escape, a BOM inside the text…).",
        "invisible control character {char} in the text",
        "보이지 않는 제어 문자 {char}이(가) 들어 있습니다",
    ),
    CodeInfo(
        "unusual-line-break",
        _E,
        "file",
        "A line separator other than LF or CRLF (U+2028, U+2029, NEL).",
        "unusual line separator {char}; editors and YAML disagree on where lines end",
        "특수한 줄 구분 문자 {char}이(가) 있습니다. 편집기와 YAML이 줄을 다르게 셉니다",
    ),
    CodeInfo(
        "bidi-control",
        _E,
        "file",
        "A bidirectional-text control character that can make text display differently "
        "from what it says.",
        "bidirectional control character {char} can make the text look different from what it is",
        "양방향 제어 문자 {char}은(는) 글자가 실제와 다르게 보이게 할 수 있습니다",
    ),
    # -- YAML syntax -----------------------------------------------------------------
    CodeInfo(
        "yaml-syntax",
        _E,
        "syntax",
        "The text is not well-formed YAML.",
        "YAML syntax error: {detail}",
        "YAML 문법 오류: {detail}",
    ),
    CodeInfo(
        "empty-file",
        _E,
        "syntax",
        "The file is empty or holds only comments.",
        "the file is empty (or holds only comments)",
        "파일이 비어 있거나 주석만 있습니다",
    ),
    CodeInfo(
        "multiple-documents",
        _E,
        "syntax",
        "More than one YAML document in one file.",
        "a second YAML document starts here; one file holds one document",
        "두 번째 YAML 문서가 여기서 시작합니다. 파일 하나에는 문서 하나만 둡니다",
    ),
    CodeInfo(
        "not-a-mapping",
        _E,
        "syntax",
        "The document is not a mapping of keys to values.",
        "the document must be a mapping of keys (starting with kind:), not {found}",
        "문서는 키와 값의 매핑(kind:로 시작)이어야 하는데 {found}입니다",
    ),
    CodeInfo(
        "duplicate-key",
        _E,
        "syntax",
        "The same key twice in one mapping.",
        "duplicate key '{key}': already given on line {first_line}",
        "키 '{key}'이(가) 중복되었습니다. 이미 {first_line}행에 있습니다",
    ),
    CodeInfo(
        "merge-key",
        _E,
        "syntax",
        "A YAML merge key (<<), which hides where values come from.",
        "merge keys (<<) are not accepted",
        "병합 키(<<)는 쓸 수 없습니다",
    ),
    CodeInfo(
        "explicit-tag",
        _E,
        "syntax",
        "An explicit YAML tag other than !!str.",
        "explicit tag {tag} is not accepted",
        "명시적 태그 {tag}은(는) 쓸 수 없습니다",
    ),
    CodeInfo(
        "complex-key",
        _E,
        "syntax",
        "A key that is a list or mapping instead of text.",
        "a key must be plain text, not a {found}",
        "키는 일반 텍스트여야 하는데 {found}입니다",
    ),
    CodeInfo(
        "anchor-not-allowed",
        _E,
        "syntax",
        "YAML anchors or aliases (&name, *name) in a proposal.",
        "anchors and aliases ({what}) are not accepted in a {kind} file",
        "{kind} 파일에서는 앵커와 별칭({what})을 쓸 수 없습니다",
    ),
    CodeInfo(
        "unknown-alias",
        _E,
        "syntax",
        "An alias (*name) to an anchor that is not defined before it.",
        "alias *{name} refers to no anchor defined before it",
        "별칭 *{name}이(가) 앞에서 정의된 앵커를 가리키지 않습니다",
    ),
    CodeInfo(
        "too-deep",
        _E,
        "limits",
        "Nesting deeper than matchmaker accepts.",
        "nesting is deeper than {limit} levels",
        "중첩이 {limit}단계보다 깊습니다",
    ),
    CodeInfo(
        "too-many-nodes",
        _E,
        "limits",
        "More values than accepted (aliases counted as expanded).",
        "the document holds more than {limit} values (aliases counted as expanded)",
        "문서의 값이 {limit}개를 넘습니다(별칭은 펼친 크기로 셉니다)",
    ),
    CodeInfo(
        "scalar-too-long",
        _E,
        "limits",
        "One text value longer than accepted.",
        "a single value is {length} characters long; at most {limit} are accepted",
        "값 하나의 길이가 {length}자입니다. 최대 {limit}자까지 받습니다",
    ),
    CodeInfo(
        "number-out-of-range",
        _E,
        "syntax",
        "A number too long or too large to be an amount, share or year.",
        "the number {value} is too large",
        "숫자 {value}이(가) 너무 큽니다",
    ),
    # -- the document's shape --------------------------------------------------------
    CodeInfo(
        "missing-kind",
        _E,
        "schema",
        "The document does not say what it is (kind:).",
        "the document has no 'kind:'; say what it is: {kinds}",
        "문서에 'kind:'가 없습니다. 종류를 적어 주세요: {kinds}",
    ),
    CodeInfo(
        "unknown-kind",
        _E,
        "schema",
        "kind: names no kind matchmaker knows.",
        "unknown kind '{value}'; expected one of {kinds}",
        "알 수 없는 kind '{value}'입니다. 다음 중 하나여야 합니다: {kinds}",
    ),
    CodeInfo(
        "missing-field",
        _E,
        "schema",
        "A required field is absent.",
        "required field '{field}' is missing",
        "필수 항목 '{field}'이(가) 없습니다",
    ),
    CodeInfo(
        "unknown-field",
        _E,
        "schema",
        "A key the format does not define (often a typo).",
        "unknown field '{field}'",
        "알 수 없는 항목 '{field}'입니다",
    ),
    CodeInfo(
        "wrong-type",
        _E,
        "schema",
        "A value of the wrong type (text for a number…).",
        "'{field}' must be {expected}, not {found}",
        "'{field}'은(는) {expected}이어야 하는데 {found}입니다",
    ),
    CodeInfo(
        "invalid-value",
        _E,
        "schema",
        "A value outside the allowed choices.",
        "'{value}' is not a valid {field}; expected {expected}",
        "'{value}'은(는) 올바른 {field} 값이 아닙니다. 가능한 값: {expected}",
    ),
    CodeInfo(
        "out-of-range",
        _E,
        "schema",
        "A number or list length outside its bounds.",
        "'{field}' {detail}",
        "'{field}': {detail}",
    ),
    CodeInfo(
        "invalid-id",
        _E,
        "schema",
        "An id that is not a lowercase slug.",
        "'{value}' is not a valid id: use lowercase letters, digits and hyphens",
        "'{value}'은(는) 올바른 id가 아닙니다. 영문 소문자, 숫자, 하이픈만 씁니다",
    ),
    CodeInfo(
        "invalid-date",
        _E,
        "schema",
        "A date that is not a real ISO date.",
        "'{value}' is not a valid date: {detail}",
        "'{value}'은(는) 올바른 날짜가 아닙니다: {detail}",
    ),
    CodeInfo(
        "duplicate-id",
        _E,
        "schema",
        "The same id twice where ids must be unique.",
        "{what} id '{value}' is used twice (first on line {first_line})",
        "{what} id '{value}'이(가) 두 번 쓰였습니다(처음은 {first_line}행)",
    ),
    CodeInfo(
        "field-constraint",
        _E,
        "schema",
        "A value that breaks a rule of its field.",
        "'{field}': {detail}",
        "'{field}': {detail}",
    ),
    # -- workbooks ---------------------------------------------------------------------
    CodeInfo(
        "not-a-workbook",
        _E,
        "workbook",
        "A file named .xlsx that is not an Excel workbook (CSV, HTML, an old .xls or "
        "damaged data renamed).",
        "the file is not an Excel workbook (.xlsx): it is {found}",
        "엑셀 통합 문서(.xlsx)가 아닙니다: {found}",
    ),
    CodeInfo(
        "workbook-zip-bomb",
        _E,
        "workbook",
        "A workbook whose parts would unpack far beyond its size (a zip bomb); refused "
        "before anything is unpacked.",
        "the workbook would unpack to far more than it holds: {detail}",
        "통합 문서를 풀면 지나치게 커집니다: {detail}",
    ),
    CodeInfo(
        "workbook-macros",
        _E,
        "workbook",
        "A macro-enabled workbook (.xlsm, or VBA inside); macros are never run or kept.",
        "the workbook contains macros (VBA); macro workbooks are not accepted",
        "매크로(VBA)가 든 통합 문서는 받지 않습니다",
    ),
    CodeInfo(
        "workbook-external-link",
        _E,
        "workbook",
        "A workbook that links to other files or data sources; links are never followed.",
        "the workbook links to another workbook or data source ({part}); links are not followed",
        "다른 통합 문서나 데이터 원본에 연결되어 있습니다({part}). 연결은 따라가지 않습니다",
    ),
    CodeInfo(
        "workbook-too-large",
        _E,
        "workbook",
        "A workbook with more rows or cells than a proposal needs.",
        "the workbook has {what}",
        "통합 문서에 {what} 있습니다",
    ),
    CodeInfo(
        "workbook-hidden-sheet",
        _E,
        "workbook",
        "A hidden sheet: what a reviewer cannot see must not count.",
        "sheet '{sheet}' is hidden",
        "'{sheet}' 시트가 숨겨져 있습니다",
    ),
    CodeInfo(
        "workbook-hidden-cell",
        _E,
        "workbook",
        "A value in a hidden row or column of a sheet that is read.",
        "this value is in a hidden row or column",
        "숨긴 행이나 열에 값이 있습니다",
    ),
    CodeInfo(
        "workbook-merged-cells",
        _E,
        "workbook",
        "Merged cells where values are read: which row or field they belong to is unclear.",
        "cells {range} are merged where values are read",
        "값을 읽는 영역에 병합된 셀 {range}이(가) 있습니다",
    ),
    CodeInfo(
        "workbook-formula",
        _E,
        "workbook",
        "A formula where a value belongs; formulas are never evaluated.",
        "the cell holds a formula ({formula}); formulas are not calculated",
        "셀에 수식({formula})이 있습니다. 수식은 계산하지 않습니다",
    ),
    CodeInfo(
        "workbook-missing-sheet",
        _E,
        "workbook",
        "A proposal workbook without one of the sheets every proposal needs.",
        "the workbook has no '{sheet}' sheet",
        "통합 문서에 '{sheet}' 시트가 없습니다",
    ),
    CodeInfo(
        "workbook-unknown-demand",
        _E,
        "workbook",
        "A row of partners or outcomes naming a demand the demands sheet does not have.",
        "no demand has the id '{value}' on the {sheet} sheet",
        "{sheet} 시트에 id가 '{value}'인 수요가 없습니다",
    ),
    CodeInfo(
        "workbook-unknown-sheet",
        _W,
        "workbook",
        "A sheet the proposal reader does not read; what it holds is not part of the proposal.",
        "sheet '{sheet}' is not read (only 제안, 수요, 협력, 성과 and 관계 are)",
        "'{sheet}' 시트는 읽지 않습니다(제안, 수요, 협력, 성과, 관계만 읽습니다)",
    ),
    CodeInfo(
        "workbook-unread-cell",
        _W,
        "workbook",
        "A value in a column (or form row) that names no field, so it is not read.",
        "this value is not read: its column names no field in row 2 (or its row no field "
        "in column B)",
        "이 값은 읽지 않습니다. 열의 2행(또는 행의 B열)에 항목 이름이 없습니다",
    ),
    CodeInfo(
        "unreadable-value",
        _E,
        "schema",
        "A value that cannot be read as what its field holds (an amount, a share, a date, "
        "one of a closed list).",
        "cannot read '{value}' as {expected}",
        "'{value}'을(를) {expected}(으)로 읽을 수 없습니다",
    ),
    CodeInfo(
        "ambiguous-value",
        _E,
        "schema",
        "A value that can be read in more than one way (`30` as a share, `03/04/2027`, "
        "`3억 5000`); the hint gives the reading the tool would take.",
        "'{value}' can be read in more than one way as {expected}",
        "'{value}'은(는) {expected}(으)로 두 가지 이상 읽힐 수 있습니다",
    ),
    CodeInfo(
        "too-many-errors",
        _I,
        "output",
        "More findings in one file than are shown.",
        "… and {count} more",
        "… 외 {count}건",
    ),
)

_HINT_TABLE: tuple[HintInfo, ...] = (
    HintInfo(
        "tab-indent",
        "indent with spaces, not tabs (set your editor to insert spaces)",
        "들여쓰기는 탭이 아닌 공백으로 하세요(편집기에서 탭을 공백으로 바꾸도록 설정)",
    ),
    HintInfo(
        "save-as-utf8",
        "save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)",
        "파일을 UTF-8로 저장하세요(메모장: 다른 이름으로 저장 → 인코딩: UTF-8)",
    ),
    HintInfo(
        "delete-character",
        "delete the invisible character (it often comes from copying out of a "
        "word processor or web page)",
        "보이지 않는 문자를 지우세요(워드프로세서나 웹 페이지에서 복사할 때 자주 섞입니다)",
    ),
    HintInfo("use-newline", "replace it with an ordinary line break", "일반 줄바꿈으로 바꾸세요"),
    HintInfo(
        "split-file", "split the content into smaller files", "내용을 더 작은 파일로 나누세요"
    ),
    HintInfo(
        "one-document",
        "put each document in its own file, or remove the '---' line",
        "문서마다 파일을 따로 만들거나 '---' 줄을 지우세요",
    ),
    HintInfo(
        "remove-duplicate-key",
        "keep one of the two, or rename one",
        "둘 중 하나를 지우거나 이름을 바꾸세요",
    ),
    HintInfo(
        "write-out-merge",
        "write the keys out in full instead of merging them",
        "병합하지 말고 키를 모두 직접 적으세요",
    ),
    HintInfo(
        "remove-tag",
        "remove the tag; quote the value if it must stay text",
        "태그를 지우세요. 텍스트로 두려면 값을 따옴표로 감싸세요",
    ),
    HintInfo(
        "write-out-alias",
        "write the value out in full instead of using an alias",
        "별칭 대신 값을 직접 적으세요",
    ),
    HintInfo(
        "start-with-kind",
        "begin the file with a line such as 'kind: proposal'",
        "파일 첫 줄에 'kind: proposal'과 같이 적으세요",
    ),
    HintInfo("did-you-mean", "did you mean '{suggestion}'?", "'{suggestion}'을(를) 뜻했나요?"),
    HintInfo("allowed-fields", "allowed here: {allowed}", "여기에 쓸 수 있는 항목: {allowed}"),
    HintInfo("add-field", "add '{field}:' to {where}", "{where}에 '{field}:'을(를) 추가하세요"),
    HintInfo(
        "quote-text",
        'put the value in quotes if it is meant as text: "{value}"',
        '텍스트로 쓰려면 따옴표로 감싸세요: "{value}"',
    ),
    HintInfo(
        "no-leading-zero",
        "write the number as a plain decimal: {suggestion}",
        "숫자를 일반 십진수로 쓰세요: {suggestion}",
    ),
    HintInfo(
        "no-separators",
        "write the number without separators or units: {suggestion}",
        "쉼표, 밑줄, 단위 없이 숫자만 쓰세요: {suggestion}",
    ),
    HintInfo("true-false", "write true or false", "true 또는 false로 쓰세요"),
    HintInfo(
        "iso-date",
        "write the date as YYYY-MM-DD, for example 2026-03-31",
        "날짜는 YYYY-MM-DD 형식으로 쓰세요(예: 2026-03-31)",
    ),
    HintInfo("slug", "for example '{suggestion}'", "예: '{suggestion}'"),
    HintInfo(
        "share",
        "write a share between 0 and 1, e.g. 0.3 for 30%",
        "0과 1 사이의 비율로 쓰세요(예: 30%는 0.3)",
    ),
    HintInfo(
        "list-expected",
        "write a list, one item per line starting with '- '",
        "목록으로 쓰세요. 한 줄에 하나씩 '- '로 시작합니다",
    ),
    HintInfo(
        "mapping-expected",
        "write 'key: value' lines indented under this key",
        "이 키 아래에 들여써서 '키: 값' 줄을 쓰세요",
    ),
    HintInfo("rename-id", "give one of them another id", "둘 중 하나의 id를 바꾸세요"),
    HintInfo(
        "qualify-region",
        "add the province, for example '{example}', or use the code",
        "시·도를 함께 쓰거나(예: '{example}') 지역 코드를 쓰세요",
    ),
    HintInfo(
        "find-region",
        "look the name or code up with 'matchmaker regions NAME'",
        "'matchmaker regions 이름'으로 이름이나 코드를 찾아보세요",
    ),
    HintInfo(
        "use-code", "write the current code: {suggestion}", "현재 코드를 쓰세요: {suggestion}"
    ),
    HintInfo("write-as", "write {suggestion}", "{suggestion}(으)로 쓰세요"),
    HintInfo(
        "did-you-mean-label",
        "did you mean '{suggestion}' ({label})?",
        "'{suggestion}'({label})을(를) 뜻했나요?",
    ),
    HintInfo(
        "write-id",
        "write the id '{suggestion}' ({label})",
        "id '{suggestion}'({label})(으)로 쓰세요",
    ),
    HintInfo(
        "write-reading",
        "it would be read as {reading}; if that is meant, write {suggestion}",
        "{reading}(으)로 읽힙니다. 그 뜻이 맞다면 {suggestion}(으)로 쓰세요",
    ),
    HintInfo(
        "pick-one",
        "it names several; pick one: {candidates}",
        "여러 값에 해당합니다. 하나를 고르세요: {candidates}",
    ),
    HintInfo(
        "save-as-xlsx",
        "open it in Excel and save it as an Excel Workbook (*.xlsx)",
        "엑셀에서 열어 'Excel 통합 문서(*.xlsx)'로 다시 저장하세요",
    ),
    HintInfo(
        "paste-values",
        "copy the cells and paste them as values only (Paste Special → Values)",
        "셀을 복사해 '값만 붙여넣기'(선택하여 붙여넣기 → 값)로 바꾸세요",
    ),
    HintInfo(
        "unhide-sheet",
        "unhide the sheet (right-click a sheet tab → Unhide) or delete it",
        "시트 탭을 오른쪽 클릭해 '숨기기 취소'를 하거나 시트를 지우세요",
    ),
    HintInfo(
        "unhide-cell",
        "unhide the row or column (select around it, right-click → Unhide) or delete the value",
        "행이나 열의 숨기기를 취소하거나(주변을 선택하고 오른쪽 클릭 → 숨기기 취소) 값을 지우세요",
    ),
    HintInfo(
        "unmerge",
        "unmerge the cells and write the value in each row it belongs to",
        "셀 병합을 풀고 값이 속한 행마다 적으세요",
    ),
    HintInfo(
        "use-template",
        "start from the template: matchmaker new proposal --format xlsx",
        "서식에서 시작하세요: matchmaker new proposal --format xlsx",
    ),
    HintInfo(
        "name-the-field",
        "move it into the column of its field, or delete it",
        "알맞은 항목의 열로 옮기거나 지우세요",
    ),
    HintInfo("fill-cell", "fill in '{field}' here", "여기에 '{field}'을(를) 채우세요"),
    HintInfo(
        "include-expired",
        "add --include-expired to rank them anyway, or --today for the date the run is for",
        "그래도 포함하려면 --include-expired를, 다른 기준일이면 --today를 주세요",
    ),
    HintInfo(
        "successor-region",
        "write the region that replaced it: {suggestion}",
        "이어받은 지자체를 쓰세요: {suggestion}",
    ),
    HintInfo(
        "refresh-regions",
        "update catalog/regions.yaml (tools/build_regions.py) or pass the date the run is for "
        "with --today",
        "catalog/regions.yaml을 새로 만들거나(tools/build_regions.py) --today로 기준일을 주세요",
    ),
    HintInfo(
        "add-evidence",
        "add an 'evidence' list naming where the value is published (url or title)",
        "값이 공표된 곳을 'evidence' 목록에 쓰세요(url 또는 title)",
    ),
    HintInfo(
        "check-round-proposals",
        "check the records together with the round's proposals, e.g. "
        "'matchmaker check proposals/ records/'",
        "그 회차의 제안서와 함께 확인하세요(예: 'matchmaker check proposals/ records/')",
    ),
    HintInfo(
        "record-decision-first",
        "record the round's decision first ('matchmaker record decision'), or fix the pair",
        "먼저 그 회차의 결정을 기록하거나('matchmaker record decision') 짝을 고치세요",
    ),
    HintInfo(
        "merge-years",
        "keep one result per pair and year: merge the two files",
        "짝과 연도마다 결과는 하나입니다. 두 파일을 합치세요",
    ),
    HintInfo(
        "use-indicator-id",
        "write the indicator's id '{suggestion}' (catalog/indicators.yaml)",
        "지표 id '{suggestion}'을(를) 쓰세요(catalog/indicators.yaml)",
    ),
    HintInfo(
        "list-indicators",
        "use an id from catalog/indicators.yaml",
        "catalog/indicators.yaml에 있는 id를 쓰세요",
    ),
    HintInfo(
        "show-all",
        "fix these first, then run again to see the rest",
        "먼저 이것들을 고친 뒤 다시 실행하면 나머지가 보입니다",
    ),
)

# Imported on demand; its modules register their codes through `register_codes`.
_RULES_PACKAGE = "matchmaker.checks.rules"


class CodeRegistry(Mapping[str, CodeInfo]):
    """The codes by name, complete whatever was imported first.

    Looking up a code it does not hold, or listing the codes, first imports the rules
    package (once), whose modules register their codes. Not at import time: the rules
    read the catalog and the models, which themselves report diagnostics.
    """

    def __init__(self, infos: Iterable[CodeInfo]) -> None:
        self._codes = {info.code: info for info in infos}
        self._rules = "absent"  # "absent", "importing" or "imported"

    def register(self, info: CodeInfo) -> None:
        if info.code in self._codes and self._codes[info.code] != info:
            raise ValueError(f"diagnostic code {info.code!r} registered twice")
        self._codes[info.code] = info

    def _import_rules(self) -> None:
        if self._rules != "absent":
            return  # done, or under way (a rule module looking a code up while it loads)
        self._rules = "importing"
        try:
            importlib.import_module(_RULES_PACKAGE)
        except BaseException:
            self._rules = "absent"
            raise
        self._rules = "imported"

    def __getitem__(self, code: str) -> CodeInfo:
        if code not in self._codes:
            self._import_rules()
        return self._codes[code]

    def __iter__(self) -> Iterator[str]:
        self._import_rules()
        return iter(list(self._codes))

    def __len__(self) -> int:
        self._import_rules()
        return len(self._codes)


CODES = CodeRegistry(_CODE_TABLE)
HINTS: dict[str, HintInfo] = {info.hint: info for info in _HINT_TABLE}


def register_codes(*infos: CodeInfo) -> None:
    """Add codes defined next to the rules that report them (matchmaker/checks/rules/)."""
    for info in infos:
        CODES.register(info)
