"""Find Korean local governments by code, name, alias, typo or initial consonants.

Two ways in, with different promises. `RegionIndex.resolve` is for files: it accepts only
what names one region without guessing (codes, names, aliases, a name without its 시/군/구
suffix, a name qualified by its province), so a typo is reported, never silently mapped
to a neighbour; it still offers the closest names so the error can say "did you mean".
`RegionIndex.search` is for people looking a region up: it ranks exact matches first,
then names that start with the query, then typos, and understands initial consonants
(`ㅇㅈㄱ` finds 완주군) the way Korean search boxes do.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from matchmaker.models.reference import Municipality, Province, RegionsFile
from matchmaker.text.hangul import INITIAL_LETTERS, choseong, is_syllable, keyboard_jamo
from matchmaker.text.normalise import normalise

Kind = Literal["province", "si", "gun", "gu"]
Status = Literal["found", "ambiguous", "not-found"]

# Names are short; hostile input may be megabytes. Everything past this is ignored, so
# resolving and searching cost the same whatever is thrown at them.
MAX_QUERY_CHARS = 100
MAX_CANDIDATES = 5
FUZZY_CUTOFF = 65.0
CANDIDATE_SPREAD = 15.0

# --- Hangul helpers -----------------------------------------------------------------------

# A lone initial typed on some systems arrives as a conjoining jamo (U+1100–U+1112);
# NFC leaves it alone, so map it to the compatibility letter people see on keyboards.
_CONJOINING_INITIALS = {0x1100 + index: letter for index, letter in enumerate(INITIAL_LETTERS)}


def is_choseong_query(text: str) -> bool:
    """Whether `text` is made only of initial consonants (ㄱ-ㅎ), as typed for 초성 search."""
    return bool(text) and all(char in INITIAL_LETTERS for char in text)


def normalise_query(text: str) -> str:
    """NFC, conjoining initials as keyboard letters, single spaces, at most 100 chars."""
    # Cut before normalising too: NFC of a huge string is the expensive part.
    text = unicodedata.normalize("NFC", text[: MAX_QUERY_CHARS * 4])
    text = text.translate(_CONJOINING_INITIALS)
    return " ".join(text.split())[:MAX_QUERY_CHARS].strip()


def _key(text: str) -> str:
    # "Wanju-gun", "wanju gun" and "WANJUGUN" name the same place; so do "완 주군" and "완주군".
    return "".join(normalise(text).split())


def _search_key(text: str) -> str:
    return keyboard_jamo(_key(text))


_KO_SUFFIXES = ("시", "군", "구")
_EN_SUFFIX = re.compile(r"(?:-(?:si|gun|gu|do)| State)$", re.IGNORECASE)
_CODE = re.compile(r"[0-9]{2}(?:[0-9]{3})?")
_SEPARATORS = re.compile(r"[\s,()]+")
_MAX_QUALIFIED_PARTS = 6


def _ko_stem(name: str) -> str | None:
    # 완주군 → 완주. A one-syllable stem (중구 → 중) names nothing people would write.
    if name.endswith(_KO_SUFFIXES) and len(name) >= 3:
        return name[:-1]
    return None


def _en_stem(name: str) -> str | None:
    stem = _EN_SUFFIX.sub("", name)
    return stem if stem != name and len(stem) >= 2 else None


# --- the values ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """One local government: a province (시·도) or a si, gun or autonomous gu."""

    code: str
    name_ko: str
    name_en: str
    kind: Kind
    province_code: str  # its own code for a province
    province_name_ko: str
    province_name_en: str
    population_decline: bool
    # Set for a region created or abolished since the base list (Incheon, 2026-07-01).
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    successors: tuple[str, ...] = ()
    code_inferred: bool = False

    @property
    def is_province(self) -> bool:
        return self.kind == "province"

    def in_force(self, day: dt.date) -> bool:
        """Whether the region exists on `day` (not yet created or already abolished)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def name(self, language: str) -> str:
        return self.name_ko if language == "ko" else self.name_en

    def province_name(self, language: str) -> str:
        return self.province_name_ko if language == "ko" else self.province_name_en

    def display(self, language: str = "ko") -> str:
        """`완주군 (전북특별자치도)` / `Wanju-gun (Jeonbuk State)`; a province, just its name."""
        if self.is_province:
            return self.name(language)
        return f"{self.name(language)} ({self.province_name(language)})"


@dataclass(frozen=True)
class Resolution:
    """What a region reference in a file turned out to name.

    `candidates` lists every match when the reference is ambiguous, and the closest names
    (at most five) when nothing matched, so the message can say "did you mean".
    `via` says how the region was matched; it is empty when nothing was.
    """

    query: str
    region: Region | None
    candidates: tuple[Region, ...]
    status: Status
    via: str


# --- the index ----------------------------------------------------------------------------


class RegionIndex:
    """Every region of a regions file, looked up by code, name, alias and spelling."""

    def __init__(self, regions: RegionsFile) -> None:
        provinces = {province.code: province for province in regions.provinces}
        built = [_province_region(province) for province in regions.provinces]
        built += [
            _municipality_region(municipality, provinces.get(municipality.province))
            for municipality in regions.municipalities
        ]
        self._regions = tuple(sorted(built, key=lambda region: region.code))
        self._by_code = {region.code: region for region in self._regions}
        self._former: dict[str, Region] = {}
        # Exact names and aliases win over suffix-less stems: 광주 is the metropolitan city
        # (an alias), never 경기 광주시 (whose stem is also 광주).
        self._names: dict[str, list[tuple[Region, str]]] = {}
        self._stems: dict[str, list[tuple[Region, str]]] = {}
        # The search keys (keyboard jamo, initial consonants) serve typo and 초성 search
        # only: built on the first search, not for every run that resolves names.
        self._spellings: list[tuple[Region, tuple[str, ...], str | None, str | None]] = []
        self._keys: (
            tuple[
                dict[str, tuple[str, ...]],
                dict[str, tuple[str, ...]],
                dict[str, tuple[str, str, tuple[str, ...]]],
            ]
            | None
        ) = None
        # A run names a few hundred regions tens of thousands of times (every proposal,
        # every partner): each spelling is resolved once. The index never changes.
        self._resolved: dict[str, Resolution] = {}

        every: list[Province | Municipality] = [*regions.provinces, *regions.municipalities]
        entries: list[tuple[Province | Municipality, Region]] = [
            (entry, self._by_code[entry.code]) for entry in every if entry.code in self._by_code
        ]
        for entry, region in entries:
            if entry.former_code and entry.former_code not in self._by_code:
                self._former.setdefault(entry.former_code, region)
            self._index(region, entry.aliases)
        self._province_keys = sorted(
            {
                key
                for key, hits in self._names.items()
                if any(region.is_province for region, _via in hits)
            }
        )

    # -- building

    def _index(self, region: Region, aliases: Iterable[str]) -> None:
        aliases = tuple(aliases)
        _add(self._names, region.name_ko, region, "name-ko")
        _add(self._names, region.name_en, region, "name-en")
        for alias in aliases:
            _add(self._names, alias, region, "alias")
        ko_stem = None if region.is_province else _ko_stem(region.name_ko)
        # "Jung" is no more a name than 중; English stems follow the Korean rule.
        en_stem = _en_stem(region.name_en) if region.is_province or ko_stem else None
        if ko_stem:
            _add(self._stems, ko_stem, region, "name-ko")
        if en_stem:
            _add(self._stems, en_stem, region, "name-en")
        self._spellings.append((region, aliases, ko_stem, en_stem))

    def _search_keys(
        self,
    ) -> tuple[
        dict[str, tuple[str, ...]],
        dict[str, tuple[str, ...]],
        dict[str, tuple[str, str, tuple[str, ...]]],
    ]:
        """Per region code: its spellings' search keys, its stems' search keys, and the
        initial consonants of its name, stem and Korean aliases."""
        if self._keys is None:
            search: dict[str, tuple[str, ...]] = {}
            stems: dict[str, tuple[str, ...]] = {}
            initials: dict[str, tuple[str, str, tuple[str, ...]]] = {}
            for region, aliases, ko_stem, en_stem in self._spellings:
                spellings = (region.name_ko, region.name_en, *aliases)
                search[region.code] = tuple(_search_key(text) for text in spellings)
                # Stems are compared for typos only, so "완쥬" is as close to 완주군 as
                # "완쥬군" is.
                stems[region.code] = tuple(_search_key(stem) for stem in (ko_stem, en_stem) if stem)
                initials[region.code] = (
                    choseong(region.name_ko),
                    choseong(ko_stem) if ko_stem else "",
                    tuple(choseong(alias) for alias in aliases if _is_hangul_word(alias)),
                )
            self._keys = search, stems, initials
        return self._keys

    # -- codes

    @property
    def regions(self) -> tuple[Region, ...]:
        """Every region, provinces and municipalities, sorted by code."""
        return self._regions

    def by_code(self, code: str) -> Region | None:
        """The region with this code, or whose code this was before a rename (45710 → 52710)."""
        code = code.strip()
        return self._by_code.get(code) or self._former.get(code)

    def in_force(self, day: dt.date) -> tuple[Region, ...]:
        """The regions that exist on `day`: lists and dropdowns offer only these."""
        return tuple(region for region in self._regions if region.in_force(day))

    def is_former_code(self, code: str) -> bool:
        """Whether `code` is outdated: it named a region that has a new code since."""
        return code.strip() in self._former

    # -- resolve: exact rules only

    def resolve(self, text: str) -> Resolution:
        """Name one region without guessing; ambiguous and unknown names say so."""
        known = self._resolved.get(text)
        if known is None:
            known = self._resolved[text] = self._resolve(text)
        return known

    def _resolve(self, text: str) -> Resolution:
        query = normalise_query(text)
        regions, via, near = self._exact(query)
        if len(regions) == 1:
            return Resolution(query, regions[0], regions, "found", via)
        if regions:
            return Resolution(query, None, regions, "ambiguous", via)
        # Regions with the right name in another province come first: "경북 완주군" most
        # likely means 완주군 (전북특별자치도), whatever the typo scores say.
        candidates = list(near)
        similar = self._similar(query)
        best = similar[0][1] if similar else 0.0
        # Only the close ones: a list trailing off into unrelated names hides the answer.
        for region, score in similar:
            if score >= best - CANDIDATE_SPREAD and region not in candidates:
                candidates.append(region)
        return Resolution(query, None, tuple(candidates[:MAX_CANDIDATES]), "not-found", "")

    def _exact(self, query: str) -> tuple[tuple[Region, ...], str, tuple[Region, ...]]:
        """(matches, how, names that exist but in another province)."""
        if not query:
            return (), "", ()
        if _CODE.fullmatch(query):
            if query in self._by_code:
                return (self._by_code[query],), "code", ()
            if query in self._former:
                return (self._former[query],), "former-code", ()
            return (), "", ()
        regions, via = self._lookup(_key(query))
        if regions:
            return regions, via, ()
        return self._qualified(query)

    def _lookup(self, key: str) -> tuple[tuple[Region, ...], str]:
        # An official name (Korean or English, in full) names its region. Any shorter way
        # of writing one (an alias, the name without its suffix) that two regions can
        # claim is ambiguous, never a guess: 광주 is 광주광역시's alias and 경기도 광주시
        # without its 시; 광주시 is 경기도 광주시's name and, like 부산시 for 부산광역시,
        # a way to write 광주광역시.
        named = [hit for hit in self._names.get(key, []) if hit[1] in ("name-ko", "name-en")]
        hits = [*self._names.get(key, []), *self._stems.get(key, [])]
        if key.endswith("시") and len(key) > 2:
            hits += [hit for hit in self._names.get(key[:-1], []) if hit[0].is_province]
        regions = _unique(region for region, _via in sorted(hits, key=lambda h: h[0].code))
        if (
            len(regions) > 1
            and len({region for region, _via in named}) == 1
            and not (
                key.endswith("시") and any(hit[0].is_province for hit in hits if hit not in named)
            )
        ):
            return (named[0][0],), named[0][1]
        if not hits:
            return (), ""
        ordered = sorted(hits, key=lambda hit: hit[0].code)
        return regions, ordered[0][1]

    def _qualified(self, query: str) -> tuple[tuple[Region, ...], str, tuple[Region, ...]]:
        # "부산 중구", "중구, 부산", "Jung-gu, Busan", "완주군 (전북특별자치도)", "부산중구".
        pairs: list[tuple[str, str]] = []
        parts = [part for part in _SEPARATORS.split(query) if part]
        if 2 <= len(parts) <= _MAX_QUALIFIED_PARTS:
            for cut in range(1, len(parts)):
                left, right = " ".join(parts[:cut]), " ".join(parts[cut:])
                pairs += [(left, right), (right, left)]
        compact = _key(query)
        for province_key in self._province_keys:
            if compact.startswith(province_key) and len(compact) > len(province_key):
                pairs.append((province_key, compact[len(province_key) :]))
        found: list[Region] = []
        elsewhere: list[Region] = []
        for province_text, name_text in pairs:
            provinces, _via = self._lookup(_key(province_text))
            codes = {region.code for region in provinces if region.is_province}
            if not codes:
                continue
            names, _via = self._lookup(_key(name_text))
            for region in names:
                if region.is_province:
                    continue
                (found if region.province_code in codes else elsewhere).append(region)
        if found:
            return _sorted(found), "province-qualified", ()
        return (), "", _sorted(elsewhere)

    # -- search: ranked, forgiving

    def search(self, query: str, limit: int | None = 10) -> list[tuple[Region, float]]:
        """Regions ranked for a person looking one up: best first, then by code.

        Scores are 0-100: 100 for an exact match (code, name, alias, qualified name),
        86-99 for names that start with the query, 60-95 for initial consonants, and at
        most 85 for typos.
        """
        text = normalise_query(query)
        if not text:
            return []
        scores: dict[str, float] = {}
        exact, _via, _near = self._exact(text)
        for region in exact:
            scores[region.code] = 100.0
        for region, score in self._similar(text):
            scores.setdefault(region.code, score)
        ranked = _ranked((self._by_code[code], score) for code, score in scores.items())
        return ranked if limit is None else ranked[:limit]

    def _similar(self, text: str) -> list[tuple[Region, float]]:
        """Regions near `text` by prefix, initial consonants or typo, best first."""
        return _ranked(self._near(text))

    def _near(self, text: str) -> list[tuple[Region, float]]:
        compact = _key(text)
        if not compact:
            return []
        if is_choseong_query(compact):
            return self._by_choseong(compact)
        if compact.isdigit():
            return self._by_code_prefix(compact)
        from rapidfuzz import fuzz  # only a search needs it (~60 ms to import)

        query = keyboard_jamo(compact)
        search_keys, stem_keys, _initials = self._search_keys()
        found: list[tuple[Region, float]] = []
        for region in self._regions:
            keys = search_keys[region.code]
            prefix = max(
                (len(query) / len(key) for key in keys if key.startswith(query)), default=0.0
            )
            if prefix:
                found.append((region, round(min(99.0, 86.0 + 13.0 * prefix), 1)))
                continue
            ratio = max(
                fuzz.ratio(query, key, score_cutoff=FUZZY_CUTOFF)
                for key in (*keys, *stem_keys[region.code])
            )
            if ratio:
                found.append((region, round(ratio * 0.85, 1)))
        return found

    def _by_choseong(self, query: str) -> list[tuple[Region, float]]:
        initials = self._search_keys()[2]
        found: list[tuple[Region, float]] = []
        for region in self._regions:
            name, stem, aliases = initials[region.code]
            best = 0.0
            for key in (name, stem, *aliases):
                if not key:
                    continue
                coverage = len(query) / len(key)
                if key == query:
                    score = 95.0 if key == name else 90.0
                elif key.startswith(query):
                    score = 80.0 + 10.0 * coverage
                elif query in key:
                    score = 60.0 + 10.0 * coverage
                else:
                    continue
                best = max(best, score)
            if best:
                found.append((region, round(best, 1)))
        return found

    def _by_code_prefix(self, digits: str) -> list[tuple[Region, float]]:
        found: dict[str, tuple[Region, float]] = {}
        # Former codes count too: an official may still have the old one on file.
        for code, region in [*self._by_code.items(), *self._former.items()]:
            if code.startswith(digits) and code != digits:
                score = round(86.0 + 13.0 * len(digits) / len(code), 1)
                if score > found.get(region.code, (region, 0.0))[1]:
                    found[region.code] = (region, score)
        return list(found.values())


# --- building helpers ---------------------------------------------------------------------


def _province_region(province: Province) -> Region:
    name_ko, name_en = _names(province.name.ko, province.name.en, province.code)
    return Region(
        code=province.code,
        name_ko=name_ko,
        name_en=name_en,
        kind="province",
        province_code=province.code,
        province_name_ko=name_ko,
        province_name_en=name_en,
        population_decline=False,
    )


def _municipality_region(municipality: Municipality, province: Province | None) -> Region:
    name_ko, name_en = _names(municipality.name.ko, municipality.name.en, municipality.code)
    # A dangling province code is a catalog error that `check` reports; the index still
    # works, naming the province by its code.
    if province is None:
        province_ko = province_en = municipality.province
    else:
        province_ko, province_en = _names(province.name.ko, province.name.en, province.code)
    return Region(
        code=municipality.code,
        name_ko=name_ko,
        name_en=name_en,
        kind=municipality.kind,
        province_code=municipality.province,
        province_name_ko=province_ko,
        province_name_en=province_en,
        population_decline=municipality.population_decline,
        valid_from=municipality.valid_from,
        valid_until=municipality.valid_until,
        successors=tuple(municipality.successors),
        code_inferred=municipality.code_inferred,
    )


def _names(ko: str | None, en: str | None, code: str) -> tuple[str, str]:
    return ko or en or code, en or ko or code


def _add(table: dict[str, list[tuple[Region, str]]], text: str, region: Region, via: str) -> None:
    key = _key(text)
    if key and all(existing is not region for existing, _via in table.get(key, [])):
        table.setdefault(key, []).append((region, via))


def _is_hangul_word(text: str) -> bool:
    return bool(text) and all(is_syllable(char) for char in text)


def _ranked(scored: Iterable[tuple[Region, float]]) -> list[tuple[Region, float]]:
    return sorted(scored, key=lambda item: (-item[1], item[0].code))


def _unique(regions: Iterable[Region]) -> tuple[Region, ...]:
    return tuple(dict.fromkeys(regions))


def _sorted(regions: Iterable[Region]) -> tuple[Region, ...]:
    return tuple(sorted(_unique(regions), key=lambda region: region.code))
