"""A minimal catalog written from literal snippets, and `lint`, which runs one rule.

Every rule test starts from the catalog below, replaces or adds files with its own
snippets, and asserts each finding's file, line, column and code, as yamllint's
tests/rules/ do. The snippets must load cleanly (no syntax or schema finding), so a
test that expects no finding cannot pass because its snippet never reached the rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from matchmaker.catalog import load_catalog
from matchmaker.checks import RULES, CheckContext
from matchmaker.diagnostics import Diagnostic
from matchmaker.loading.documents import load_file

TODAY = dt.date(2026, 11, 28)

CATALOG: dict[str, str] = {
    "regions.yaml": """\
kind: regions
valid_from: 2024-01-18
source:
  - title: 행정안전부 법정동코드
provinces:
  - {code: "11", name: {ko: 서울특별시, en: Seoul}, type: special-city, aliases: [서울]}
  - {code: "26", name: {ko: 부산광역시, en: Busan}, type: metropolitan-city, aliases: [부산]}
  - code: "52"
    name: {ko: 전북특별자치도, en: Jeonbuk State}
    type: special-self-governing-province
    aliases: [전북, 전라북도]
    former_code: "45"
municipalities:
  - {code: "11140", province: "11", name: {ko: 중구, en: Jung-gu}, kind: gu}
  - {code: "11740", province: "11", name: {ko: 강동구, en: Gangdong-gu}, kind: gu}
  - {code: "26110", province: "26", name: {ko: 중구, en: Jung-gu}, kind: gu}
  - code: "52710"
    province: "52"
    name: {ko: 완주군, en: Wanju-gun}
    kind: gun
    population_decline: true
    former_code: "45710"
""",
    "themes.yaml": """\
kind: themes
themes:
  - id: public-meals
    label: {ko: 공공급식}
    policy_areas: [safe-food]
  - id: farm-stays
    label: {ko: 농촌 체험}
    policy_areas: [rural-experience]
""",
    "policy-areas.yaml": """\
kind: policy-areas
source:
  - title: 지역상생발전 종합계획
policy_areas:
  - id: safe-food
    name: {ko: 안전한 먹거리 확보}
  - id: rural-experience
    name: {ko: 농어촌 체험·교류}
""",
    "ties.yaml": """\
kind: ties
ties:
  - id: gangdong-wanju
    kind: public-meals-pair
    seoul_party: "11740"
    region: "52710"
    project: meals
    source:
      - title: 서울신문 2017-05-23
""",
    "projects/meals.yaml": """\
kind: project
id: meals
name: {ko: 도농상생 공공급식}
policy_area: safe-food
themes: [public-meals]
description: {ko: 산지 농산물을 자치구 공공급식에 공급한다.}
source:
  - url: "https://example.org/meals"
""",
    "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
complements: [meals]
source:
  - url: "https://example.org/farms"
""",
}


@dataclass(frozen=True)
class Found:
    """One finding as a test states it; the Diagnostic rides along for its text."""

    file: str
    line: int
    column: int
    code: str
    found: Diagnostic | None = field(default=None, compare=False, repr=False)

    @property
    def diagnostic(self) -> Diagnostic:
        assert self.found is not None, "only lint() knows the Diagnostic"
        return self.found


Lint = Callable[..., list[Found]]


@pytest.fixture
def lint(tmp_path: Path) -> Lint:
    """`lint(rule, catalog={...}, files={...}, today=...)`: the findings of one rule.

    `catalog` replaces or adds catalog files (a value of None removes one); `files` are
    further documents (proposals, projects) given as `check` would be given them. Files
    are named in findings as they are named here.
    """

    def run(
        rule: str,
        *,
        catalog: Mapping[str, str | None] | None = None,
        files: Mapping[str, str] | None = None,
        today: dt.date = TODAY,
    ) -> list[Found]:
        root, extra = tmp_path / "catalog", tmp_path / "files"
        for name, text in {**CATALOG, **(catalog or {})}.items():
            if text is not None:
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_text(text, encoding="utf-8")
        paths = []
        for name, text in (files or {}).items():
            (extra / name).parent.mkdir(parents=True, exist_ok=True)
            (extra / name).write_text(text, encoding="utf-8")
            paths.append(extra / name)
        loaded, problems = load_catalog(root)
        assert loaded is not None, problems
        documents = [
            *loaded.documents.values(),
            *loaded.project_documents,
            *(load_file(path) for path in paths),
        ]
        unread = [(d.file, d.line, d.code) for doc in documents for d in doc.diagnostics]
        assert unread == [], "a snippet does not load cleanly"
        context = CheckContext(loaded, documents, today)

        def named(file: str) -> str:
            path = Path(file)
            return (
                path.relative_to(root) if path.is_relative_to(root) else path.relative_to(extra)
            ).as_posix()

        return [
            Found(named(d.file), d.line, d.column, d.code, d) for d in RULES[rule].check(context)
        ]

    return run
