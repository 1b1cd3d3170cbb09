"""Read every document once into features; scoring then works on arrays only.

A demand's text is read against the theme vocabulary and cut into n-gram terms here, once
per document. Everything per pair (demand × project) happens later in numpy, so the cost
of reading grows with the number of documents, not with the number of pairs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

import numpy as np

from matchmaker.cache import Store, digest
from matchmaker.catalog import Catalog
from matchmaker.models import Demand, Project
from matchmaker.models.common import Mode
from matchmaker.resolve.catalog import eligible_provinces
from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.text.terms import terms
from matchmaker.text.vocabulary import ThemeHit, Vocabulary

# Partner kinds that bring the study's fourth principle (public-private partnership).
NON_PUBLIC_PARTNERS = frozenset(
    {"private", "social-enterprise", "cooperative", "university", "research", "civil"}
)
TRAINING_MODES = frozenset({"training", "education", "consulting"})
# Words that mark an indicator as an outcome (a change in the region) rather than an
# output (an activity counted). Checked as substrings of the normalised indicator.
OUTCOME_WORDS = (
    "소득",
    "매출",
    "판매액",
    "공급액",
    "정착",
    "귀농",
    "귀촌",
    "일자리",
    "고용",
    "창업",
    "인구",
    "만족",
    "재방문",
    "유지",
    "생존",
    "지속",
    "전입",
    "income",
    "revenue",
    "sales",
    "settle",
    "jobs",
    "employ",
    "retention",
    "satisf",
    "return",
    "survival",
    "start-up",
    "startup",
    "population",
)


@dataclass(slots=True)
class DemandFeatures:
    records: list[ResolvedDemand]
    theme_weights: np.ndarray  # D × T, 1.0 declared, 0.5–1.0 read from the text
    declared_themes: list[tuple[str, ...]]
    theme_hits: list[Mapping[str, tuple[ThemeHit, ...]]]
    terms: list[Sequence[str]]
    modes: np.ndarray  # D × M bool
    budget: np.ndarray  # D float, nan when not given
    local_match: np.ndarray  # D float, nan
    years: np.ndarray  # D float, nan
    priority: np.ndarray  # D float, nan
    training_signal: np.ndarray  # D bool: asks for training / workshops
    partner_kinds: np.ndarray  # D int: distinct non-public partner kinds
    partners_given: np.ndarray  # D bool
    outcome_share: np.ndarray  # D float, nan when no outcomes
    readiness: np.ndarray  # D int
    region_codes: list[str] = field(default_factory=list)
    counted: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # not repeats
    ruled_out: list[tuple[str, ...]] = field(default_factory=list)  # phrases set aside
    ruled_out_themes: list[frozenset[str]] = field(default_factory=list)
    # The demands' entries in the run's term indexes (scoring.engine.TermEntries), kept
    # by their first measure for the second pass of streamed scoring.
    term_entries: object | None = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class ProjectFeatures:
    projects: list[Project]
    themes: np.ndarray  # P × T bool
    terms: list[list[str]]
    modes: np.ndarray  # P × M bool
    budget_min: np.ndarray  # P float, nan
    budget_max: np.ndarray  # P float, nan
    years: np.ndarray  # P float, nan
    local_match_min: np.ndarray  # P float, nan
    status: list[str | None]
    capacity_building: np.ndarray  # P float: 1, 0, or nan when unknown
    partner_kinds: np.ndarray  # P int
    outcome_indicators: np.ndarray  # P bool
    complements: np.ndarray  # P × P bool, symmetric: either side declared it
    problem_terms: list[list[str]] = field(default_factory=list)  # one per problem statement
    problem_owner: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    problem_position: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    # Province codes each project's eligibility names, resolved from codes or names
    # (None: no province rule).
    eligible_provinces: list[frozenset[str] | None] = field(default_factory=list)
    _ids: list[str] | None = field(default=None, init=False, repr=False, compare=False)
    _theme_columns: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def ids(self) -> list[str]:
        """The projects' ids, built once: reasons read them per complement checked
        (rebuilding the list each time was a fifth of `rank` at 10,000 demands)."""
        if self._ids is None:
            self._ids = [p.id for p in self.projects]
        return self._ids

    @property
    def theme_columns(self) -> np.ndarray:
        """`theme_columns(self.themes)`, built once: demand fit reads it for every chunk
        of a streamed run, and it depends on the catalog alone."""
        if self._theme_columns is None:
            self._theme_columns = theme_columns(self.themes)
        return self._theme_columns


def theme_columns(themes: np.ndarray) -> np.ndarray:
    """P × K: each project's theme columns, ascending, padded with T (no theme), K the
    most themes a project has (at least 1)."""
    count, total = themes.shape
    width = max(1, int(themes.sum(axis=1).max())) if count else 1
    columns = np.argsort(~themes, axis=1, kind="stable")[:, :width]  # its themes first
    listed = np.arange(width)[None, :] < themes.sum(axis=1)[:, None]
    return np.where(listed, columns, total)


# The delivery modes in the order of the models' Mode literal: one list, not two.
MODES: tuple[str, ...] = get_args(Mode)
_MODE_INDEX = {mode: i for i, mode in enumerate(MODES)}


def _modes(values: Sequence[Sequence[str]]) -> np.ndarray:
    matrix = np.zeros((len(values), len(MODES)), dtype=bool)
    for row, modes in enumerate(values):
        for mode in modes:
            matrix[row, _MODE_INDEX[mode]] = True
    return matrix


def project_text(project: Project) -> str:
    parts = [project.name.ko or "", project.name.en or "", project.description.joined()]
    return "\n".join(part for part in parts if part)


def terms_of(texts: list[str], store: Store | None = None) -> list[list[str]]:
    """`terms` of each text; with a store, kept there under a hash of every text (one
    entry for the catalog's projects: a warm run of 1,000 projects read them in ~0.4 s).
    The store's folder is versioned by the package's source, analyser included."""
    key = digest("project-terms", *texts) if store is not None else ""
    if store is not None and store.usable:
        found = store.get(key)
        if isinstance(found, list) and len(found) == len(texts):
            return found
    read = [terms(text) for text in texts]
    if store is not None and store.usable:
        store.put(key, read)
    return read


def build_project_features(
    catalog: Catalog, theme_ids: Sequence[str], store: Store | None = None
) -> ProjectFeatures:
    """The projects' side of scoring, in id order; `store` keeps their texts' terms."""
    projects = [catalog.projects[key] for key in sorted(catalog.projects)]
    index = {theme: i for i, theme in enumerate(theme_ids)}
    count = len(projects)
    themes = np.zeros((count, len(theme_ids)), dtype=bool)
    for row, project in enumerate(projects):
        for theme in project.themes:
            if theme in index:
                themes[row, index[theme]] = True
    position = {p.id: i for i, p in enumerate(projects)}
    complements = np.zeros((count, count), dtype=bool)
    for row, project in enumerate(projects):
        for other in project.complements:
            if other in position and other != project.id:
                complements[row, position[other]] = complements[position[other], row] = True

    def number(values: list[float | None]) -> np.ndarray:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float)

    budgets = [p.budget_per_region for p in projects]
    problem_texts: list[str] = []
    owners: list[int] = []
    positions: list[int] = []
    for row, project in enumerate(projects):
        for place, problem in enumerate(project.problems):
            # Each language is its own statement: a Korean demand is read against the
            # Korean wording, an English one against the English.
            problem_texts += [problem.ko, problem.en]
            owners += [row, row]
            positions += [place, place]
    # the projects' texts, then their problem statements, read (or found) at once
    read = terms_of([project_text(p) for p in projects] + problem_texts, store)
    project_terms, problem_terms = read[:count], read[count:]
    return ProjectFeatures(
        eligible_provinces=[eligible_provinces(catalog, p) for p in projects],
        projects=projects,
        themes=themes,
        terms=project_terms,
        modes=_modes([p.modes for p in projects]),
        budget_min=number([b.min if b else None for b in budgets]),
        budget_max=number([b.max if b else None for b in budgets]),
        years=number([p.years for p in projects]),
        local_match_min=number([p.local_match_min for p in projects]),
        status=[p.status for p in projects],
        capacity_building=number(
            [
                None
                if p.long_term is None or p.long_term.capacity_building is None
                else float(p.long_term.capacity_building)
                for p in projects
            ]
        ),
        partner_kinds=np.array(
            [len({x.kind for x in p.partners} & NON_PUBLIC_PARTNERS) for p in projects], dtype=int
        ),
        outcome_indicators=np.array(
            [bool(p.long_term and p.long_term.outcome_indicators) for p in projects], dtype=bool
        ),
        complements=complements,
        problem_terms=problem_terms,
        problem_owner=np.array(owners, dtype=int),
        problem_position=np.array(positions, dtype=int),
    )


def _is_outcome(indicator: str) -> bool:
    text = indicator.lower()
    return any(word in text for word in OUTCOME_WORDS)


@dataclass(frozen=True, slots=True)
class DemandText:
    """A demand's title and description with what it rules out set aside."""

    title: str
    description: str
    ruled_out: tuple[str, ...]

    @classmethod
    def of(cls, demand: Demand) -> DemandText:
        # Imported here: a warm run takes every reading from the cache and never asks
        # (the module and its patterns, ~7-10 ms of every start-up).
        from matchmaker.text.contrast import rule_out

        title, description = rule_out(demand.title), rule_out(demand.description)
        return cls(title.kept, description.kept, title.ruled_out + description.ruled_out)


def read_theme_weights(
    demand: Demand, vocabulary: Vocabulary, text: DemandText | None = None
) -> tuple[dict[str, float], dict[str, tuple[ThemeHit, ...]]]:
    """Declared themes count fully; themes read from the text count by their evidence:
    a hit in the title or two distinct words make a theme as strong as a declared one.
    Words the demand rules out ("급식이 아니라 …") are not read."""
    text = text or DemandText.of(demand)
    hits = vocabulary.read(text.description, title=text.title)
    weights: dict[str, float] = {}
    for theme, found in hits.items():
        strength = 0.6
        if len(found) >= 2 or any(hit.in_title for hit in found):
            strength = 1.0
        if all(not hit.exact for hit in found):
            strength *= 0.8  # read only through typo tolerance
        weights[theme] = strength
    for theme in demand.themes:
        weights[theme] = 1.0
    return weights, hits


# A ThemeHit's fields, in order, as the cache stores them.
PlainHit = tuple[str, str, str, bool, bool]


class StoredHits(Mapping[str, tuple[ThemeHit, ...]]):
    """A reading's theme hits as the cache keeps them, plain tuples, each theme's made
    into ThemeHit objects when first asked for. A warm run unpickles every reading
    (~40,000 hits at 10,000 demands, a third of the time it took to unpickle them), and
    reads the hits only for the themes of the pairs it shows (their reasons)."""

    __slots__ = ("_made", "_plain")

    def __init__(self, plain: dict[str, tuple[PlainHit, ...]]) -> None:
        self._plain = plain
        self._made: dict[str, tuple[ThemeHit, ...]] = {}

    def __getitem__(self, theme: str) -> tuple[ThemeHit, ...]:
        made = self._made.get(theme)
        if made is None:
            made = tuple(ThemeHit(*fields) for fields in self._plain[theme])
            self._made[theme] = made
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._plain)

    def __len__(self) -> int:
        return len(self._plain)

    def __repr__(self) -> str:
        return repr(dict(self))

    def plain(self) -> dict[str, tuple[PlainHit, ...]]:
        return self._plain


def plain_hits(hits: Mapping[str, tuple[ThemeHit, ...]]) -> dict[str, tuple[PlainHit, ...]]:
    if isinstance(hits, StoredHits):
        return hits.plain()
    return {
        theme: tuple((h.theme, h.synonym, h.found, h.exact, h.in_title) for h in found)
        for theme, found in hits.items()
    }


# Between the terms of a demand in a cached reading (a term never holds it: checked).
TERM_SEPARATOR = "\x1f"


class StoredTerms(Sequence[str]):
    """A reading's terms as the cache keeps them, one string, split when first used. A
    warm run finds its cosines' term entries in the cache too, so it never reads most
    demands' terms (~50 a demand: half of the readings' unpickling)."""

    __slots__ = ("_joined", "_split")

    def __init__(self, joined: str) -> None:
        self._joined = joined
        self._split: list[str] | None = None

    def _terms(self) -> list[str]:
        if self._split is None:
            self._split = self._joined.split(TERM_SEPARATOR)
        return self._split

    def __getitem__(self, index: int | slice) -> Any:
        return self._terms()[index]

    def __len__(self) -> int:
        return len(self._terms())

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StoredTerms | list):
            return self._terms() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # as a list's

    def __repr__(self) -> str:
        return repr(self._terms())

    def joined(self) -> str:
        return self._joined


def stored_terms(terms: Sequence[str]) -> str | Sequence[str]:
    """The terms as one string when they split back into the same list, else as they are."""
    if isinstance(terms, StoredTerms):
        return terms.joined()
    joined = TERM_SEPARATOR.join(terms)
    if joined and joined.count(TERM_SEPARATOR) == len(terms) - 1:
        return joined
    return terms


@dataclass(frozen=True, slots=True)
class TextReading:
    """Everything scoring takes from a demand's words: the slow part of reading it."""

    theme_weights: dict[str, float]
    hits: Mapping[str, tuple[ThemeHit, ...]]
    terms: Sequence[str]
    ruled_out: tuple[str, ...]
    ruled_out_themes: frozenset[str]

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled with its hits as plain tuples (`StoredHits`) and its terms as one
        # string (`StoredTerms`), restored without a Python call per hit or term.
        return (
            _restored,
            (
                self.theme_weights,
                plain_hits(self.hits),
                stored_terms(self.terms),
                self.ruled_out,
                self.ruled_out_themes,
            ),
        )


def _restored(
    theme_weights: dict[str, float],
    hits: dict[str, tuple[PlainHit, ...]],
    terms: str | Sequence[str],
    ruled_out: tuple[str, ...],
    ruled_out_themes: frozenset[str],
) -> TextReading:
    words = StoredTerms(terms) if isinstance(terms, str) else terms
    return TextReading(theme_weights, StoredHits(hits), words, ruled_out, ruled_out_themes)


def read_text(demand: Demand, vocabulary: Vocabulary) -> TextReading:
    text = DemandText.of(demand)
    theme_weights, hits = read_theme_weights(demand, vocabulary, text)
    return TextReading(
        theme_weights,
        hits,
        terms(f"{text.title}\n{text.description}"),
        text.ruled_out,
        frozenset(vocabulary.read("\n".join(text.ruled_out))) if text.ruled_out else frozenset(),
    )


def text_key(demand: Demand) -> str:
    """What a demand's reading depends on, besides the vocabulary: its title, description
    and declared themes."""
    return digest(demand.title, demand.description, "\x1f".join(demand.themes))


# Readings are cached in groups of demands whose ends depend on the demands alone: a group
# ends after a demand whose text key is 0 modulo GROUP (so ~GROUP demands a group; a warm
# 10,000-demand run opens ~160 entries), or at MAX_GROUP demands, or at the end. Adding,
# removing or editing one demand then changes only the group it falls in; groups of fixed
# size would all shift, and every demand after it would be read again.
GROUP = 64
MAX_GROUP = 1024


def group_ends(keys: Sequence[str]) -> list[int]:
    """Where each group of the demands with these text keys ends (see GROUP)."""
    ends: list[int] = []
    start = 0
    for end, key in enumerate(keys, 1):
        if int(key[-8:], 16) % GROUP == 0 or end - start >= MAX_GROUP or end == len(keys):
            ends.append(end)
            start = end
    return ends


def read_texts(
    demands: Sequence[Demand], vocabulary: Vocabulary, store: Store | None, vocabulary_key: str
) -> tuple[list[TextReading], list[str]]:
    """Each demand's reading and its text key (`text_key`; none without a cache), from
    the cache for each group of demands (see GROUP) read before against the same
    vocabulary, so a run's demands are read once across runs, whatever was added or
    removed around them. Pass a whole run's demands: a group is cut at the end of the
    demands given."""
    if store is None or not store.usable:
        return [read_text(demand, vocabulary) for demand in demands], []
    keys = [text_key(demand) for demand in demands]
    readings: list[TextReading] = []
    start = 0
    for end in group_ends(keys):
        key = digest("group", vocabulary_key, *keys[start:end])
        found = store.get(key)
        if (
            isinstance(found, list)
            and len(found) == end - start
            and all(isinstance(item, TextReading) for item in found)
        ):
            readings += found
        else:
            read = [read_text(demand, vocabulary) for demand in demands[start:end]]
            store.put(key, read)
            readings += read
        start = end
    return readings, keys


def build_demand_features(
    records: list[ResolvedDemand],
    vocabulary: Vocabulary,
    theme_ids: Sequence[str],
    store: Store | None = None,
    vocabulary_key: str = "",
    read: tuple[Sequence[TextReading], Sequence[str]] | None = None,
) -> DemandFeatures:
    """The records' features; their texts read (`read_texts`) unless `read` gives their
    readings and text keys, read with the rest of a run's demands."""
    index = {theme: i for i, theme in enumerate(theme_ids)}
    count = len(records)
    weights = np.zeros((count, len(theme_ids)), dtype=float)
    all_hits: list[Mapping[str, tuple[ThemeHit, ...]]] = []
    all_terms: list[Sequence[str]] = []
    training = np.zeros(count, dtype=bool)
    ruled_out: list[tuple[str, ...]] = []
    ruled_out_themes: list[frozenset[str]] = []
    readings, _ = read or read_texts(
        [record.demand for record in records], vocabulary, store, vocabulary_key
    )
    for row, (record, reading) in enumerate(zip(records, readings, strict=True)):
        demand = record.demand
        for theme, weight in reading.theme_weights.items():
            if theme in index:
                weights[row, index[theme]] = weight
        all_hits.append(reading.hits)
        all_terms.append(reading.terms)
        ruled_out.append(reading.ruled_out)
        ruled_out_themes.append(reading.ruled_out_themes)
        training[row] = bool(TRAINING_MODES & set(demand.modes)) or any(
            word in demand.description for word in ("교육", "연수", "워크숍", "컨설팅")
        )

    def number(values: list[float | int | None]) -> np.ndarray:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float)

    demands = [r.demand for r in records]
    outcome_share = np.array(
        [
            np.nan
            if not d.outcomes
            else sum(_is_outcome(o.indicator) for o in d.outcomes) / len(d.outcomes)
            for d in demands
        ],
        dtype=float,
    )
    return DemandFeatures(
        records=records,
        theme_weights=weights,
        declared_themes=[tuple(d.themes) for d in demands],
        theme_hits=all_hits,
        terms=all_terms,
        modes=_modes([d.modes for d in demands]),
        budget=number([d.budget_request for d in demands]),
        local_match=number([d.local_match for d in demands]),
        years=number([d.years for d in demands]),
        priority=number([d.priority for d in demands]),
        training_signal=training,
        partner_kinds=np.array(
            [len({p.kind for p in d.partners} & NON_PUBLIC_PARTNERS) for d in demands], dtype=int
        ),
        partners_given=np.array([bool(d.partners) for d in demands], dtype=bool),
        outcome_share=outcome_share,
        readiness=np.array([len(d.readiness) for d in demands], dtype=int),
        region_codes=[r.region.code for r in records],
        counted=np.array([r.repeats is None for r in records], dtype=bool),
        ruled_out=ruled_out,
        ruled_out_themes=ruled_out_themes,
    )
