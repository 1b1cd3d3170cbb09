#!/usr/bin/env python3
"""Write a synthetic catalog and synthetic proposals of any size, the same for a seed.

    python benchmarks/generate.py --demands 10000 --projects 1000 --out benchmarks/out/x

DIR/catalog/ gets the bundled regions, themes, policy areas and ties (copied byte for
byte) and P project files `synthetic-0001.yaml`…; DIR/proposals/ gets proposal files of
1-4 demands each until D demands are written. The text is built from the real themes'
Korean and English synonyms, with particles, filler sentences and the odd one-letter typo,
so reading it costs what reading real proposals costs; the optional fields are filled at
rates close to the bundled examples, so validation and scoring do their usual work.

Only the bundled catalog is read (for theme synonyms, policy areas and region names);
nothing here is random without the seed, and files are written in a fixed order.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_FILES = ("regions.yaml", "themes.yaml", "policy-areas.yaml", "ties.yaml")
# Bump when the output for a seed changes, so bench_rank.py regenerates its cached data.
GENERATOR_VERSION = 2  # 2: ties without links to real projects; Seoul partners by code

MODES = (
    "exchange",
    "procurement",
    "sales",
    "marketing",
    "investment",
    "facility",
    "training",
    "education",
    "experience",
    "employment",
    "start-up-support",
    "consulting",
    "networking",
)
PARTNER_KINDS = (
    "private",
    "social-enterprise",
    "cooperative",
    "university",
    "research",
    "civil",
    "public",
    "media",
)
TIE_KINDS = ("friendship-agreement", "public-meals-pair", "sister-district", "project", "other")
SEOUL = "11"

# --- text -----------------------------------------------------------------------------------

# Korean particles come in pairs chosen by whether the noun ends in a consonant (받침);
# `{a|을를}` in a template is slot a followed by the right one of the pair.
KO_DEMAND_SENTENCES = (
    "{a|을를} 확대하고자 합니다.",
    "관내에는 {a|이가} 부족하여 서울시와의 협력이 필요합니다.",
    "{a|과와} {b|을를} 함께 추진하려고 합니다.",
    "{a|을를} 위해 서울 자치구와의 연계를 희망합니다.",
    "우리 지역은 {a|은는} 강점이 있지만 {b|은는} 아직 걸음마 단계입니다.",
    "{a|으로로} 지역 주민의 소득을 높이고 싶습니다.",
    "{a|은는} 지역의 오랜 숙원 사업입니다.",
    "서울 시민이 {a|을를} 직접 경험할 수 있도록 {b|을를} 준비하고 있습니다.",
    "2025년부터 자체 예산으로 {a|을를} 시범 운영해 왔습니다.",
    "{a|에} 필요한 인력과 공간은 이미 확보했습니다.",
)
KO_PROJECT_SENTENCES = (
    "서울시가 {a|을를} 지원하는 사업이다.",
    "{a|과와} {b|을를} 연계하여 서울과 지역을 잇는다.",
    "참여 지역에는 {a|을를} 위한 예산과 전문가 자문을 제공한다.",
    "자치구와 지역이 짝을 맺어 {a|을를} 함께 운영한다.",
    "{a|은는} 지역 주민과 서울 시민 모두에게 혜택이 돌아가도록 설계되었다.",
)
KO_FILLERS = (
    "인구 감소와 고령화로 지역의 활력이 떨어지고 있습니다.",
    "관련 조례와 전담 조직이 이미 마련되어 있습니다.",
    "주민 설명회를 거쳐 참여 의사를 확인했습니다.",
    "단계적으로 추진하여 3년 안에 자립 기반을 갖추겠습니다.",
    "서울 시민과 지역 주민이 함께 혜택을 누릴 수 있도록 하겠습니다.",
    "군청 담당 부서가 행정 절차와 사후 관리를 맡습니다.",
    "작년에 실시한 수요 조사에서 주민 다수가 찬성했습니다.",
    "세부 계획은 서울시와 협의하여 조정할 수 있습니다.",
)
EN_DEMAND_SENTENCES = (
    "We want to expand {a} together with Seoul.",
    "Our county lacks {a}, so we ask for Seoul's support.",
    "The plan combines {a} with {b} for residents of both sides.",
    "Local residents have asked for {a} for several years.",
    "We already run a small pilot of {a} and would like to scale it up.",
    "Seoul citizens could take part in {a} while we work on {b}.",
)
EN_PROJECT_SENTENCES = (
    "Seoul supports {a} in partner regions.",
    "The project links {a} with {b} between Seoul and the regions.",
    "Participating regions receive funding and expert advice for {a}.",
    "A Seoul gu and a partner region run {a} together.",
)
EN_FILLERS = (
    "The population is shrinking and ageing, so the region needs new links with the capital.",
    "A council ordinance and a dedicated team are already in place.",
    "We will phase the work over three years and then run it on our own.",
    "Details can be adjusted in consultation with the Seoul Metropolitan Government.",
    "A survey last year showed broad support among residents.",
)
KO_TITLE_GOALS = ("확대", "지원 요청", "협력 사업", "활성화", "기반 구축", "연계 추진")
EN_TITLE_GOALS = ("expansion", "support", "partnership", "for our residents", "pilot")
KO_PARTNER_NAMES = (
    "로컬푸드 협동조합",
    "농촌체험휴양마을 협의회",
    "청년 영농조합법인",
    "지역 대학 산학협력단",
    "마을기업 연합회",
    "사회적협동조합 들녘",
    "지역 문화재단",
    "농업기술센터",
)
KO_INDICATORS = (
    "참여 농가 소득",
    "공급 대상 시설 수",
    "참가자 수",
    "귀농 귀촌 인구",
    "연간 판매액",
    "재방문율",
    "일자리 수",
    "교육 이수자 수",
)
KO_UNITS = ("명", "개소", "원", "%", "가구")
KO_READINESS = (
    "전담 조직 운영 중",
    "관련 조례 제정",
    "시범 사업 실적 보유",
    "부지 확보",
    "주민 협의체 구성",
)
KO_LOCAL_BODIES = ("지역협력센터", "공공급식센터", "중간지원조직", "청년센터", "교류사무소")

_HANGUL_FIRST, _HANGUL_LAST, _FINALS = 0xAC00, 0xD7A3, 28
_SLOT = re.compile(r"\{([ab])(?:\|([^}]*))?\}")
_TYPED = re.compile(
    r"(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|true|false|null|~|yes|no|on|off)", re.IGNORECASE
)
_UNSAFE_START = frozenset("-?:,[]{}#&*!|>'\"%@` ")


def _has_final(word: str) -> tuple[bool, bool]:
    """(ends in a consonant, that consonant is ㄹ) for the last Hangul syllable."""
    last = word.rstrip()[-1:]
    if not last or not _HANGUL_FIRST <= ord(last) <= _HANGUL_LAST:
        return False, False
    final = (ord(last) - _HANGUL_FIRST) % _FINALS
    return final != 0, final == 8


def _particle(word: str, pair: str) -> str:
    if not pair:
        return ""
    if pair in ("에", "의", "도"):
        return pair
    final, rieul = _has_final(word)
    if pair == "으로로":  # 으로 after a consonant except ㄹ: 서울로, 농촌으로
        return "으로" if final and not rieul else "로"
    return pair[0] if final else pair[1]


def _typo(word: str, rng: random.Random) -> str:
    """One jamo off: the final consonant of one syllable changed, as a slip of the key."""
    positions = [i for i, c in enumerate(word) if _HANGUL_FIRST <= ord(c) <= _HANGUL_LAST]
    if len(positions) < 3:
        return word
    i = rng.choice(positions)
    code = ord(word[i]) - _HANGUL_FIRST
    base, final = code - code % _FINALS, code % _FINALS
    new_final = (final + rng.randint(1, _FINALS - 1)) % _FINALS
    return word[:i] + chr(_HANGUL_FIRST + base + new_final) + word[i + 1 :]


@dataclass(frozen=True, slots=True)
class ThemeWords:
    id: str
    policy_areas: tuple[str, ...]
    ko: tuple[str, ...]
    en: tuple[str, ...]
    label_ko: str
    label_en: str


@dataclass(frozen=True, slots=True)
class RegionRef:
    code: str
    written: tuple[str, ...]  # ways to write it that name it alone: Korean, English, code


@dataclass(frozen=True, slots=True)
class Source:
    themes: tuple[ThemeWords, ...]
    policy_areas: tuple[str, ...]
    regions: tuple[RegionRef, ...]
    province_codes: tuple[str, ...]
    seoul_parties: tuple[str, ...]


def read_bundled(catalog_dir: Path) -> Source:
    """What the generator borrows from the real catalog, loaded with the real loader."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from matchmaker.catalog import load_catalog

    catalog, problems = load_catalog(catalog_dir)
    if catalog is None:
        raise SystemExit(f"the bundled catalog does not load: {problems[:3]}")
    themes = tuple(
        ThemeWords(
            theme.id,
            tuple(theme.policy_areas or ()),
            tuple(theme.synonyms.ko),
            tuple(theme.synonyms.en),
            theme.label.ko or theme.id,
            theme.label.en or theme.id,
        )
        for theme in catalog.themes.themes
    )
    index = catalog.region_index
    regions: list[RegionRef] = []
    for region in index.regions:
        if region.province_code == SEOUL:
            continue  # Seoul's own gu do not propose to Seoul
        # Only spellings the strict resolver maps to this region alone (중구 is not one).
        written = tuple(
            text
            for text in (region.name_ko, region.name_en, region.code)
            if index.resolve(text).region == region
        )
        if written:
            regions.append(RegionRef(region.code, written))
    # codes, not names: a gu name such as 중구 is shared with other cities and is refused
    seoul = [r.code for r in index.regions if r.province_code == SEOUL]
    provinces = tuple(r.code for r in index.regions if r.is_province and r.code != SEOUL)
    return Source(
        themes,
        tuple(a.id for a in catalog.policy_areas.policy_areas),
        tuple(regions),
        provinces,
        tuple(seoul),
    )


class Writer:
    """Random text and values drawn from one seeded generator, in a fixed order."""

    def __init__(self, source: Source, seed: int) -> None:
        self.source = source
        self.rng = random.Random(seed)

    # -- text

    def _words(self, themes: Sequence[ThemeWords], language: str) -> tuple[str, str]:
        rng = self.rng
        pool_a = rng.choice(themes)
        pool_b = rng.choice(themes) if rng.random() < 0.7 else rng.choice(self.source.themes)
        pick = (lambda t: rng.choice(t.ko)) if language == "ko" else (lambda t: rng.choice(t.en))
        a, b = pick(pool_a), pick(pool_b)
        if language == "ko" and rng.random() < 0.05:
            a = _typo(a, rng)
        return a, b

    def _fill(self, template: str, a: str, b: str) -> str:
        def slot(match: re.Match[str]) -> str:
            word = a if match.group(1) == "a" else b
            return word + _particle(word, match.group(2) or "")

        return _SLOT.sub(slot, template)

    def paragraph(
        self,
        themes: Sequence[ThemeWords],
        language: str,
        sentences: int,
        templates: Sequence[str],
        fillers: Sequence[str],
    ) -> str:
        rng = self.rng
        out: list[str] = []
        for _ in range(sentences):
            if themes and rng.random() < 0.7:
                a, b = self._words(themes, language)
                out.append(self._fill(rng.choice(templates), a, b))
            else:
                out.append(rng.choice(fillers))
        return " ".join(out)

    def demand_text(self, themes: Sequence[ThemeWords]) -> tuple[str, str]:
        """(title, description) in Korean, English or both."""
        rng = self.rng
        roll = rng.random()
        language = "ko" if roll < 0.6 else "en" if roll < 0.85 else "both"
        lead = rng.choice(themes) if themes else None
        sentences = rng.randint(2, 6)
        if language == "en":
            title = (
                f"{rng.choice(lead.en).capitalize()} {rng.choice(EN_TITLE_GOALS)}"
                if lead
                else "Cooperation with Seoul"
            )
            text = self.paragraph(themes, "en", sentences, EN_DEMAND_SENTENCES, EN_FILLERS)
            return title, text
        title = (
            f"{rng.choice(lead.ko)} {rng.choice(KO_TITLE_GOALS)}"
            if lead
            else "서울시와의 교류 협력"
        )
        text = self.paragraph(themes, "ko", sentences, KO_DEMAND_SENTENCES, KO_FILLERS)
        if language == "both":
            text += "\n" + self.paragraph(
                themes, "en", rng.randint(1, 3), EN_DEMAND_SENTENCES, EN_FILLERS
            )
        return title, text

    def some(self, pool: Sequence[str], low: int, high: int) -> list[str]:
        return self.rng.sample(list(pool), self.rng.randint(low, min(high, len(pool))))

    def partners(self, low: int, high: int) -> list[dict[str, str]]:
        rng = self.rng
        found = []
        for _ in range(rng.randint(low, high)):
            partner = {"name": rng.choice(KO_PARTNER_NAMES), "kind": rng.choice(PARTNER_KINDS)}
            if rng.random() < 0.5:
                partner["role"] = rng.choice(("운영", "품질 관리", "교육 운영", "홍보와 판로"))
            found.append(partner)
        return found


# --- YAML by hand ---------------------------------------------------------------------------
# Written as people write these files (block mappings, flow lists of ids, folded text), and
# in a fixed key order so the same seed gives the same bytes.


def scalar(text: str) -> str:
    if (
        not text
        or text[0] in _UNSAFE_START
        or text[-1] in " :"
        or ": " in text
        or " #" in text
        or "\n" in text
        or "\t" in text
        or _TYPED.fullmatch(text)
    ):
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
    return text


def flow_ids(ids: Sequence[str]) -> str:
    return "[" + ", ".join(ids) + "]"


def folded(key: str, text: str, indent: int) -> list[str]:
    pad = " " * indent
    lines = [f"{pad}{key}: >-"]
    for paragraph in text.split("\n"):
        lines += [
            pad + "  " + line
            for line in textwrap.wrap(paragraph, 88, break_on_hyphens=False, break_long_words=False)
        ]
        lines.append("")  # a blank line keeps the paragraph break in a folded scalar
    lines.pop()
    return lines


def partner_lines(partners: list[dict[str, str]], indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for partner in partners:
        lines.append(f"{pad}- name: {scalar(partner['name'])}")
        lines.append(f"{pad}  kind: {partner['kind']}")
        if "role" in partner:
            lines.append(f"{pad}  role: {scalar(partner['role'])}")
    return lines


# --- documents ------------------------------------------------------------------------------


def project_id(number: int, width: int) -> str:
    return f"synthetic-{number:0{width}d}"


def project_yaml(w: Writer, number: int, total: int, width: int) -> str:
    rng, source = w.rng, w.source
    pid = project_id(number, width)
    themes = rng.sample(source.themes, rng.choice((1, 1, 2, 2, 2, 3)))
    lead = themes[0]
    area = lead.policy_areas[0] if lead.policy_areas else rng.choice(source.policy_areas)
    lines = [
        "# Synthetic project written by benchmarks/generate.py; not a real project.",
        "kind: project",
        f"id: {pid}",
        "name:",
        f"  ko: {scalar(f'{lead.label_ko} 협력 사업 {number}')}",
        f"  en: {scalar(f'{lead.label_en} partnership {number}')}",
        f"policy_area: {area}",
        f"policy_area_basis: {rng.choice(('documented', 'inferred'))}",
    ]
    if rng.random() < 0.6:
        lines.append(f"started: {rng.randint(2012, 2025)}")
    lines.append(f"status: {rng.choices(('active', 'ended', 'unknown'), (7, 2, 1))[0]}")
    lines.append(f"themes: {flow_ids([t.id for t in themes])}")
    lines.append("description:")
    lines += folded(
        "ko", w.paragraph(themes, "ko", rng.randint(3, 6), KO_PROJECT_SENTENCES, KO_FILLERS), 2
    )
    if rng.random() < 0.8:
        lines += folded(
            "en", w.paragraph(themes, "en", rng.randint(2, 4), EN_PROJECT_SENTENCES, EN_FILLERS), 2
        )
    lines.append(f"modes: {flow_ids(w.some(MODES, 1, 3))}")
    if rng.random() < 0.35:
        lines.append("eligible:")
        lines.append(f"  kinds: {flow_ids(w.some(('province', 'si', 'gun', 'gu'), 1, 3))}")
        if rng.random() < 0.3:
            codes = w.some(source.province_codes, 1, 5)
            lines.append("  provinces: [" + ", ".join(f'"{c}"' for c in codes) + "]")
        if rng.random() < 0.15:
            lines.append("  population_decline_only: true")
    if rng.random() < 0.4:
        lines.append(f"capacity: {rng.randint(1, 30)}")
    if rng.random() < 0.5:
        low = rng.randint(1, 30) * 10_000_000
        lines.append("budget_per_region:")
        if rng.random() < 0.8:
            lines.append(f"  min: {low}")
        lines.append(f"  max: {low * rng.randint(1, 5)}")
    if rng.random() < 0.5:
        lines.append(f"years: {rng.randint(1, 5)}")
    if rng.random() < 0.25:
        lines.append(f"local_match_min: {rng.choice((0.1, 0.2, 0.3, 0.5))}")
    if rng.random() < 0.5:
        lines.append("partners:")
        lines += partner_lines(w.partners(1, 3), 2)
    if rng.random() < 0.6:
        lines.append("long_term:")
        if rng.random() < 0.7:
            lines.append(f"  capacity_building: {rng.choice(('true', 'false'))}")
        if rng.random() < 0.7:
            lines.append("  outcome_indicators: [" + ", ".join(w.some(KO_INDICATORS, 1, 3)) + "]")
        if rng.random() < 0.5:
            lines.append(f"  local_body: {rng.choice(KO_LOCAL_BODIES)}")
        if lines[-1] == "long_term:":
            lines[-1] = "long_term: {}"
    if total > 1 and rng.random() < 0.4:
        others = {rng.randint(1, total) for _ in range(rng.randint(1, 3))} - {number}
        if others:
            lines.append(f"complements: {flow_ids([project_id(o, width) for o in sorted(others)])}")
    lines += [
        "notes: Synthetic; every fact here is made up for benchmarking.",
        "source:",
        f"  - url: https://example.org/matchmaker/synthetic/{pid}",
        f"    title: Synthetic project {number}",
        "    note: Generated by benchmarks/generate.py.",
    ]
    return "\n".join(lines) + "\n"


def proposal_yaml(
    w: Writer, number: int, demands: int, first_demand: int, project_ids: Sequence[str]
) -> str:
    rng, source = w.rng, w.source
    region = rng.choice(source.regions)
    written = rng.choices(region.written, (6, 2, 2)[: len(region.written)])[0]
    lines = [
        "kind: proposal",
        f"id: synthetic-{number:06d}",
        f"region: {scalar(written) if not written.isdigit() else written}",
    ]
    if rng.random() < 0.7:
        lines.append(f"submitted: 2026-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}")
    if rng.random() < 0.5:
        lines.append(f"valid_until: {rng.randint(2027, 2030)}-12-31")
    if rng.random() < 0.5:
        lines += [
            "contact:",
            "  name: 홍길동",
            f"  department: {rng.choice(KO_LOCAL_BODIES)}",
            "  email: cooperation@example.go.kr",
        ]
    if rng.random() < 0.3:
        lines.append("prior_ties:")
        for _ in range(rng.randint(1, 2)):
            lines.append(f'  - partner: "{rng.choice(source.seoul_parties)}"')
            lines.append(f"    kind: {rng.choice(TIE_KINDS)}")
            if rng.random() < 0.6:
                lines.append(f"    since: {rng.randint(2010, 2025)}")
            if rng.random() < 0.5:
                lines.append(f"    project: {rng.choice(project_ids)}")
    lines.append("demands:")
    for offset in range(demands):
        lines += demand_lines(w, first_demand + offset, offset + 1)
    return "\n".join(lines) + "\n"


def demand_lines(w: Writer, number: int, priority: int) -> list[str]:
    rng, source = w.rng, w.source
    # One demand in ten is vague (no theme words); the rest name one to three themes.
    themes = [] if rng.random() < 0.1 else rng.sample(source.themes, rng.choice((1, 1, 2, 3)))
    title, text = w.demand_text(themes)
    # Demand ids are unique across the run, so a region filing many proposals is not
    # reported as repeating itself.
    lines = [f"  - id: d{number:07d}", f"    title: {scalar(title)}"]
    lines += folded("description", text, 4)
    if themes and rng.random() < 0.5:
        lines.append(f"    themes: {flow_ids([t.id for t in themes])}")
    if rng.random() < 0.6:
        lines.append(f"    priority: {priority}")
    if rng.random() < 0.6:
        lines.append(f"    modes: {flow_ids(w.some(MODES, 1, 3))}")
    if rng.random() < 0.5:
        lines.append(f"    budget_request: {rng.randint(2, 60) * 10_000_000}")
    if rng.random() < 0.4:
        lines.append(f"    local_match: {rng.choice((0.1, 0.2, 0.3, 0.4, 0.5))}")
    if rng.random() < 0.5:
        year = rng.randint(2027, 2029)
        lines.append(f"    start: {year}" if rng.random() < 0.7 else f"    start: {year}-04-01")
    if rng.random() < 0.5:
        lines.append(f"    years: {rng.randint(1, 5)}")
    if rng.random() < 0.4:
        lines.append("    partners:")
        lines += partner_lines(w.partners(1, 2), 6)
    if rng.random() < 0.4:
        lines.append("    outcomes:")
        for indicator in w.some(KO_INDICATORS, 1, 2):
            lines.append(
                f'      - {{indicator: {indicator}, target: "{rng.randint(10, 900)}",'
                f" unit: {scalar(rng.choice(KO_UNITS))}, by: {rng.randint(2030, 2032)}}}"
            )
    if rng.random() < 0.3:
        lines.append("    readiness: [" + ", ".join(w.some(KO_READINESS, 1, 2)) + "]")
    return lines


def unlink_tie_projects(path: Path) -> None:
    """Drop the `project:` line of each copied tie: it names a real project the synthetic
    catalog does not have, and the catalog rules `rank` runs refuse such a tie. The ties
    themselves (region, Seoul party, kind, year, source) stay as they are."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.lstrip().startswith("project:")]
    path.write_text("".join(kept), encoding="utf-8")


def generate(
    demands: int, projects: int, out: Path, seed: int = 1, catalog_dir: Path | None = None
) -> tuple[int, int]:
    """Write DIR/catalog and DIR/proposals; returns (project files, proposal files)."""
    if demands < 1 or projects < 1:
        raise ValueError("need at least one demand and one project")
    catalog_dir = catalog_dir or ROOT / "catalog"
    source = read_bundled(catalog_dir)
    writer = Writer(source, seed)
    for folder in ("catalog", "proposals"):
        if (out / folder).exists():
            shutil.rmtree(out / folder)
    (out / "catalog" / "projects").mkdir(parents=True)
    (out / "proposals").mkdir(parents=True)
    for name in REFERENCE_FILES:
        shutil.copyfile(catalog_dir / name, out / "catalog" / name)
    unlink_tie_projects(out / "catalog" / "ties.yaml")
    width = max(4, len(str(projects)))
    for number in range(1, projects + 1):
        text = project_yaml(writer, number, projects, width)
        path = out / "catalog" / "projects" / f"{project_id(number, width)}.yaml"
        path.write_text(text, encoding="utf-8")
    project_ids = [project_id(n, width) for n in range(1, projects + 1)]
    written = files = 0
    while written < demands:
        count = min(writer.rng.randint(1, 4), demands - written)
        files += 1
        text = proposal_yaml(writer, files, count, written + 1, project_ids)
        # Spread over folders of 1,000: a flat folder of 40,000 files is slow to list.
        folder = out / "proposals" / f"{(files - 1) // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"synthetic-{files:06d}.yaml").write_text(text, encoding="utf-8")
        written += count
    return projects, files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demands", type=int, required=True, help="demands in all (D)")
    parser.add_argument("--projects", type=int, required=True, help="project files (P)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    projects, files = generate(args.demands, args.projects, args.out, args.seed)
    print(
        f"wrote {projects} projects to {args.out / 'catalog'} and {args.demands} demands "
        f"in {files} proposal files to {args.out / 'proposals'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
