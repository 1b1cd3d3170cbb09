"""Score every (demand, project) pair: features → components → weighted total.

`score` is the library entry point a notebook calls; `rank` and `explain` render what it
returns. It is pure: no file is read and nothing is printed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from matchmaker.cache import Store, digest
from matchmaker.catalog import Catalog
from matchmaker.models import Profile
from matchmaker.models.common import Names
from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.scoring.components import (
    CLEAR_FIT,
    EVERYWHERE,
    FIT_BAND,
    STRONG_FIT,
    Component,
    demand_fit,
    long_term,
    synergy,
)
from matchmaker.scoring.eligibility import Eligibility, check_eligibility
from matchmaker.scoring.features import (
    DemandFeatures,
    ProjectFeatures,
    TextReading,
    build_demand_features,
    build_project_features,
)
from matchmaker.scoring.similarity import Entries, ProblemIndex, ProjectTermIndex
from matchmaker.scoring.ties import TieIndex, continuity_and_running
from matchmaker.text.terms import terms
from matchmaker.text.vocabulary import Vocabulary

if TYPE_CHECKING:
    from matchmaker.records.history import History, TrackRecord

COMPONENTS = ("demand_fit", "long_term", "synergy")


@dataclass(slots=True)
class SynergyInputs:
    """Complements among the region's other strong candidates, and neighbours' interest.

    Every pair's (`complements`, `neighbours`, `neighbour_regions`: D × P, computed when
    first read), or some pairs' alone (`complements_at`, `neighbours_at`,
    `neighbour_regions_at`): the same numbers, from the same operations on the same
    inputs, for those pairs only. `rank` needs them only where synergy counts (~1-2% of
    the pairs) and for the pairs it shows."""

    wanted_elsewhere: np.ndarray  # D × P bool: strong for another demand of the region
    links: ProjectLinks
    region_rows: np.ndarray  # D: each demand's row of the regions' counts
    region_wants: np.ndarray  # R × P, 0/1: which regions want each project
    province_counts: np.ndarray  # provinces × P: how many regions of each want it
    region_province: np.ndarray  # R: each region's province row
    _complements: np.ndarray | None = field(default=None, init=False, repr=False)
    _wanting: np.ndarray | None = field(default=None, init=False, repr=False)

    @property
    def complements(self) -> np.ndarray:
        """D × P, 0–1: complements wanted by another demand of the region (a half each),
        and a quarter for sharing a theme with one."""
        if self._complements is None:
            wanted = self.wanted_elsewhere
            complement_hits = self.links.complement_hits(wanted)
            theme_hits = self.links.theme_hits(wanted)
            self._complements = np.clip(complement_hits / 2.0 + 0.25 * theme_hits, 0.0, 1.0)
        return self._complements

    def complements_at(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """`complements[rows, columns]`, computed for those pairs alone."""
        wanted = self.wanted_elsewhere
        complement_hits = self.links.complement_hits_at(wanted, rows, columns)
        theme_hits = self.links.theme_hits_at(wanted, rows, columns)
        return np.clip(complement_hits / 2.0 + 0.25 * theme_hits, 0.0, 1.0)

    @property
    def neighbour_regions(self) -> np.ndarray:
        """D × P int: other regions of the demand's province that want the project."""
        return self._neighbours_wanting().astype(int)

    def neighbour_regions_at(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        return self._neighbours_wanting_at(rows, columns).astype(int)

    @property
    def neighbours(self) -> np.ndarray:
        """D × P, 0–1: a third for each other region of the province wanting it."""
        return np.clip(self._neighbours_wanting() / 3.0, 0.0, 1.0)

    def neighbours_at(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        return np.clip(self._neighbours_wanting_at(rows, columns) / 3.0, 0.0, 1.0)

    def _neighbours_wanting(self) -> np.ndarray:
        if self._wanting is None:
            regions = self.region_rows
            self._wanting = (
                self.province_counts[self.region_province[regions]] - self.region_wants[regions]
            )
        return self._wanting

    def _neighbours_wanting_at(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        regions = self.region_rows[rows]
        return (
            self.province_counts[self.region_province[regions], columns]
            - self.region_wants[regions, columns]
        )


@dataclass(slots=True)
class Scores:
    """All pairs of one run, with the evidence behind every number. Scored for `rank`
    (`second_pass(..., every_pair=False)`), long-term value and synergy keep no D × P
    parts: their sub-signals come per pair from `Component.evidence_at`."""

    demands: DemandFeatures
    projects: ProjectFeatures
    profile: Profile
    theme_ids: list[str]
    cosine: np.ndarray
    needs: np.ndarray  # D × P, 0–1: best cosine with one of the project's problems
    needs_statement: np.ndarray  # D × P: the problem statement row behind it (-1: none)
    fit: Component
    long: Component
    syn: Component
    eligibility: Eligibility
    total: np.ndarray  # D × P, 0–100 (plus the profile's decline bonus)
    strong: np.ndarray  # D × P bool: eligible and demand fit ≥ STRONG_FIT
    ties: TieIndex
    synergy_inputs: SynergyInputs
    theme_labels: dict[str, Names]
    relevance: np.ndarray  # D × P, 0–1: the factor on long-term value and synergy
    best_fit: np.ndarray  # D: the best demand fit among eligible projects (nan: none)
    no_fit: np.ndarray  # D bool: the answer is "no suitable project" (see no_suitable)
    unserved: list[tuple[str, ...]]  # per demand: needs read that no project serves
    track: TrackRecord | None = None  # earlier rounds' track record, when history is given

    @property
    def weights(self) -> tuple[float, float, float]:
        return self.profile.weights.normalised()

    @property
    def confidence(self) -> np.ndarray:
        """D × P, 0–1: the components' evidence shares, weighted as the total is."""
        w_fit, w_long, w_syn = self.weights
        return w_fit * self.fit.known + w_long * self.long.known + w_syn * self.syn.known

    def confidence_at(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """`confidence` of the pairs (rows[i], columns[i]) alone (the same doubles):
        what `rank` shows needs no other pair's."""
        w_fit, w_long, w_syn = self.weights
        return (
            w_fit * self.fit.known_at(rows, columns)
            + w_long * self.long.known_at(rows, columns)
            + w_syn * self.syn.known_at(rows, columns)
        )

    def component(self, name: str) -> Component:
        return {"demand_fit": self.fit, "long_term": self.long, "synergy": self.syn}[name]


def _layers(group: np.ndarray, item: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Pairs (group, item), sorted by group, as layers: the k-th item of every group that
    has one. Within a layer each group appears once, so `out[:, groups] += x[:, items]`
    adds every pair of the layer (no index repeated in one assignment)."""
    if not len(group):
        return []
    _, first, size = np.unique(group, return_index=True, return_counts=True)
    rank = np.arange(len(group)) - np.repeat(first, size)
    return [(group[rank == k], item[rank == k]) for k in range(int(size.max()))]


@dataclass(frozen=True, slots=True)
class ProjectLinks:
    """The projects' complements and themes as lists of projects, built once per run, so
    that counting a demand's wanted complements and shared themes adds a few columns of
    the wanted projects instead of multiplying D × P by P × P. All counts are small
    whole numbers: exact whatever the order they are added in, as the products they
    replace were."""

    complements: list[tuple[np.ndarray, np.ndarray]]  # layers of (project, complement)
    members: list[tuple[np.ndarray, np.ndarray]]  # layers of (theme, project)
    theme_count: int
    themes: np.ndarray  # P × K theme columns of each project, padded with T (none)
    complement_count: int  # P: how many projects the layers index
    theme_members: np.ndarray  # every theme's projects, theme after theme
    theme_starts: np.ndarray  # where each theme with a project starts in theme_members
    listed_themes: np.ndarray  # the themes with a project, in order

    @classmethod
    def of(cls, p: ProjectFeatures) -> ProjectLinks:
        target, source = np.nonzero(p.complements.T)  # row-major: by target, then source
        theme, member = np.nonzero(p.themes.T)
        listed, starts = np.unique(theme, return_index=True)
        return cls(
            _layers(target, source),
            _layers(theme, member),
            p.themes.shape[1],
            p.theme_columns,
            p.complements.shape[0],
            member,
            starts,
            listed,
        )

    def complement_hits(self, wanted: np.ndarray) -> np.ndarray:
        """D × P: how many of each project's complements are wanted. Added projects ×
        demands (rows gather fast, columns slowly), then turned back."""
        hits = np.zeros((wanted.shape[1], wanted.shape[0]))
        counted = np.ascontiguousarray(wanted.T, dtype=float)
        for projects, complements in self.complements:
            hits[projects] += counted[complements]
        return np.ascontiguousarray(hits.T)

    def complement_hits_at(
        self, wanted: np.ndarray, rows: np.ndarray, columns: np.ndarray
    ) -> np.ndarray:
        """`complement_hits(wanted)[rows, columns]` for those pairs alone: the same whole
        numbers (each a count of wanted complements, exact in any order)."""
        hits = np.zeros(len(rows))
        at = np.full(self.complement_count + 1, -1)
        for projects, complements in self.complements:
            at[:] = -1
            at[projects] = complements  # this layer's complement of each project, if any
            found = at[columns]
            has = found >= 0
            hits[has] += wanted[rows[has], found[has]]
        return hits

    def theme_hits_at(
        self, wanted: np.ndarray, rows: np.ndarray, columns: np.ndarray
    ) -> np.ndarray:
        """`theme_hits(wanted)[rows, columns]` for those pairs alone, from the same counts
        of wanted projects per theme (of the pairs' demands only)."""
        demands, at = np.unique(rows, return_inverse=True)
        counted = np.ascontiguousarray(wanted[demands].T)  # P × demands, bool
        # themes × demands: how many wanted projects have the theme (whole numbers, the
        # same whatever the order they are added in), each theme's projects summed in one
        # pass; -1 for none (the padding)
        per_theme = np.zeros((self.theme_count + 1, len(demands)), dtype=np.int64)
        per_theme[-1] = -1
        if len(self.theme_members) and len(demands):
            per_theme[self.listed_themes] = np.add.reduceat(
                counted[self.theme_members], self.theme_starts, axis=0, dtype=np.int64
            )
        most = per_theme[self.themes[columns, 0], at]
        for k in range(1, self.themes.shape[1]):
            np.maximum(most, per_theme[self.themes[columns, k], at], out=most)
        return most > counted[columns, at]

    def theme_hits(self, wanted: np.ndarray) -> np.ndarray:
        """D × P bool: another wanted project shares a theme with this one. A project
        shares theme t with another wanted one when more projects with t are wanted
        than the project itself (1 if it is wanted, else 0)."""
        counted = np.ascontiguousarray(wanted.T, dtype=float)  # P × D
        # themes × D: how many wanted projects have the theme; -1 for none (the padding)
        per_theme = np.zeros((self.theme_count + 1, len(wanted)))
        per_theme[-1] = -1.0
        for themes, projects in self.members:
            per_theme[themes] += counted[projects]
        most = per_theme[self.themes[:, 0]]
        for k in range(1, self.themes.shape[1]):
            np.maximum(most, per_theme[self.themes[:, k]], out=most)
        return np.ascontiguousarray((most > counted).T)


class RegionDemand:
    """How many demands of each region find each project a strong candidate.

    Filled over the whole run first (in chunks if need be), then read per demand, so a
    demand's synergy sees every other demand of its region and province however the run
    is split. Work and memory grow with regions × projects, not with pairs.
    """

    def __init__(self, projects: int, province_of: dict[str, str]) -> None:
        self.projects = projects
        self.province_of = province_of
        self.rows: dict[str, int] = {}
        self.counts = np.zeros((0, projects))
        # Built on first use and kept while the counts stay as they are: the regions'
        # wants by province, and the projects' complements and themes as indexes.
        self._province: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._links: tuple[ProjectFeatures, ProjectLinks] | None = None

    def add(
        self, region_codes: list[str], strong: np.ndarray, counted: np.ndarray | None = None
    ) -> None:
        """Count the strong candidates of these demands; a demand that repeats an earlier
        one of its region (`counted` False) is left out, so a resubmission is one demand."""
        if counted is not None:
            strong = strong & counted[:, None]
        self._province = None
        for code in region_codes:
            if code not in self.rows:
                self.rows[code] = len(self.rows)
        if len(self.rows) > self.counts.shape[0]:
            grown = np.zeros((len(self.rows), self.projects))
            grown[: self.counts.shape[0]] = self.counts
            self.counts = grown
        rows = np.array([self.rows[c] for c in region_codes], dtype=int)
        np.add.at(self.counts, rows, strong.astype(float))

    def restore(self, rows: dict[str, int], counts: np.ndarray) -> None:
        """Counts added up by an earlier run with the same records (a cached first pass)."""
        self.rows = dict(rows)
        self.counts = counts
        self._province = None

    def links(self, p: ProjectFeatures) -> ProjectLinks:
        if self._links is None or self._links[0] is not p:
            self._links = (p, ProjectLinks.of(p))
        return self._links[1]

    def province_wants(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Which regions want each project (R × P, 0/1), how many regions of each
        province do (provinces × P), and each region's province row."""
        if self._province is None:
            region_wants = (self.counts > 0).astype(float)  # R × P
            codes = sorted(self.rows, key=self.rows.__getitem__)
            provinces = sorted({self.province_of[c] for c in codes})
            province_row = {code: i for i, code in enumerate(provinces)}
            members = np.zeros((len(provinces), len(codes)))
            members[[province_row[self.province_of[c]] for c in codes], np.arange(len(codes))] = 1
            province_counts = members @ region_wants  # regions of a province wanting it
            region_province = np.array(
                [province_row[self.province_of[c]] for c in codes], dtype=int
            )
            self._province = (region_wants, province_counts, region_province)
        return self._province

    def synergy_inputs(
        self, d: DemandFeatures, p: ProjectFeatures, strong: np.ndarray
    ) -> SynergyInputs:
        """Complements among the region's other strong candidates, and neighbours' interest."""
        rows = np.array([self.rows[c] for c in d.region_codes], dtype=int)
        # Other demands of the region: a repeat was never counted, and what it repeats is
        # itself, not another demand, so both subtract the same strong candidates.
        others = np.maximum(self.counts[rows] - strong, 0.0)
        wanted_elsewhere = others > 0
        region_wants, province_counts, region_province = self.province_wants()
        return SynergyInputs(
            wanted_elsewhere, self.links(p), rows, region_wants, province_counts, region_province
        )


@dataclass(slots=True)
class Prepared:
    """The catalog's side, read once per run and shared by every chunk of demands."""

    catalog: Catalog
    theme_ids: list[str]
    vocabulary: Vocabulary
    projects: ProjectFeatures
    term_index: ProjectTermIndex
    problem_index: ProblemIndex
    ties: TieIndex
    text_store: Store | None = None  # cached demand readings (None: read every time)
    vocabulary_key: str = ""  # the theme vocabulary's fingerprint, part of each cache key
    # cached term entries (TermEntries) by group of demands (scoring/entry_groups.py),
    # under their texts and `index_key`: the fingerprint of the project and problem terms
    # the term indexes are built from
    entries_store: Store | None = None
    index_key: str = ""

    @classmethod
    def of(cls, catalog: Catalog) -> Prepared:
        theme_ids = sorted(catalog.theme_ids)
        projects = build_project_features(catalog, theme_ids, Store("project-text"))
        key = index_key(projects)
        term_index, problem_index = term_indexes(projects, key, Store("term-index"))
        return cls(
            catalog,
            theme_ids,
            Vocabulary(catalog.themes.themes),
            projects,
            term_index,
            problem_index,
            TieIndex.build(catalog),
            Store("demand-text"),
            # The themes' values as Python writes them, which is all a key needs:
            # `model_dump_json` would build the model's serializer first (~20 ms a run,
            # pydantic's plugin loader and importlib.metadata with it).
            digest(repr(catalog.themes)),
            Store("term-entries"),
            key,
        )

    @property
    def learning_columns(self) -> np.ndarray:
        """Theme columns (in `theme_ids` order) that are requests to learn (`learning`)."""
        learning = {theme.id for theme in self.catalog.themes.themes if theme.learning}
        return np.array([theme in learning for theme in self.theme_ids], dtype=bool)

    def region_demand(self) -> RegionDemand:
        province_of = {r.code: r.province_code for r in self.catalog.region_index.regions}
        return RegionDemand(len(self.projects.projects), province_of)


def index_key(projects: ProjectFeatures) -> str:
    """The fingerprint of what the term indexes are built from: every project's terms
    and every problem statement's, in order."""
    return digest(
        *("\x1f".join(words) for words in projects.terms),
        "\x1e",
        *("\x1f".join(words) for words in projects.problem_terms),
    )


def term_indexes(
    projects: ProjectFeatures, key: str, store: Store
) -> tuple[ProjectTermIndex, ProblemIndex]:
    """The projects' and their problem statements' term indexes, from the cache when
    built before from the same terms (`key`: `index_key`): building the project index
    is Python over every project's terms, ~0.1 s of each run at 1,000 projects."""
    count = len(projects.projects)
    found = store.get(key) if store.usable else None
    if (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], ProjectTermIndex)
        and isinstance(found[1], ProblemIndex)
        and found[0].projects == count
        and found[1].projects == count
        and np.array_equal(found[1].owner, projects.problem_owner)
    ):
        term_index, problem_index = found
        return term_index.with_dense(), problem_index.with_dense()
    term_index = ProjectTermIndex.build(projects.terms)
    problem_index = ProblemIndex.build(projects.problem_terms, projects.problem_owner, count)
    store.put(key, (term_index.without_dense(), problem_index.without_dense()))
    return term_index, problem_index


def refinement_share(fit: np.ndarray, eligible: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How much of its long-term value and synergy each pair may add to its total (0–1),
    and the best eligible demand fit of each demand.

    Fit decides; the rest refines. Long-term value and synergy belong to a match, not to a
    project alone, so they count:
    - in proportion to fit up to the strong-candidate level (a durable, well-connected
      project gains nothing for a demand it does not answer), and
    - only for projects whose fit is within FIT_BAND of the demand's best: a project
      FIT_BAND or more below the best adds nothing, so its total stays below the best
      project's and no weight profile can rank it first by durability or connections.
    """
    masked = np.where(eligible, fit, -np.inf)
    best = masked.max(axis=1) if fit.shape[1] else np.full(fit.shape[0], -np.inf)
    best_fit = np.where(np.isfinite(best), best, np.nan)
    gap = np.nan_to_num(best_fit, nan=0.0)[:, None] - fit
    near = np.clip(1.0 - gap / FIT_BAND, 0.0, 1.0)
    return np.clip(fit / STRONG_FIT, 0.0, 1.0) * near, best_fit


def no_suitable(
    d: DemandFeatures,
    p: ProjectFeatures,
    theme_ids: list[str],
    learning_columns: np.ndarray,
    best_fit: np.ndarray,
    threshold: float,
) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """Which demands are answered "no suitable project", and the unserved needs read.

    Either no eligible project reaches the profile's fit threshold, or the demand reads
    mainly as needs that no project serves (themes no project lists: health care,
    transport, …) and no project fits it clearly. A passing mention of such a need in a
    demand about something Seoul does offer leaves the answer alone: the strongest
    unserved theme read must weigh at least as much as the strongest served one. (The
    strongest, not the sum: a road to a closed-school campsite names the campsite as
    tourism and as an idle building, two served themes for one place, while what it asks
    for is the road.) Nor does a request to learn how others
    run such a service (a `learning` theme read: "how do you run on-demand buses?"):
    what it asks for is the know-how, which a policy-sharing project offers.
    """
    served = p.themes.any(axis=0)
    weights = d.theme_weights
    unserved_weight = weights[:, ~served].max(axis=1, initial=0.0)
    served_weight = weights[:, served].max(axis=1, initial=0.0)
    learning = (weights[:, learning_columns] > 0).any(axis=1)
    # A tie counts as unserved: a closed school to become an elder day-care centre reads as
    # much care (unserved) as idle facilities (served) and asks for the care.
    mainly_unserved = (
        (unserved_weight > 0)
        & (unserved_weight >= served_weight)
        & ~(best_fit >= CLEAR_FIT)
        & ~learning
    )
    no_fit = ~(best_fit >= threshold) | mainly_unserved
    # each demand's unserved themes read, in theme order (one nonzero for the chunk,
    # not one per demand: most demands read none)
    grouped: list[list[str]] = [[] for _ in range(len(d.records))]
    rows, columns = np.nonzero((weights > 0) & ~served)
    for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
        grouped[row].append(theme_ids[column])
    return no_fit, [tuple(themes) for themes in grouped]


@dataclass(frozen=True, slots=True)
class TermEntries:
    """A chunk's demands as entries of the prepared term indexes: the part of the cosines
    computed in Python, per demand and term. The first measure of a chunk keeps them on
    its DemandFeatures (a few hundred KiB a chunk), so the second pass of a streamed run
    measures the chunk again with numpy alone."""

    prepared: Prepared  # the indexes they belong to
    words: Entries
    problems: Entries | None
    ruled_out_terms: list[list[str]]
    ruled_out: Entries

    @classmethod
    def of(cls, prepared: Prepared, demands: DemandFeatures) -> TermEntries:
        """The demands' entries: those kept on them (streamed scoring gives each chunk
        its entries from the cache, scoring/entry_groups.py), else computed and kept."""
        kept = demands.term_entries
        if isinstance(kept, TermEntries) and kept.prepared is prepared:
            return kept
        problems = prepared.problem_index.terms
        ruled_out_terms = [terms(" ".join(phrases)) for phrases in demands.ruled_out]
        found = cls(
            prepared,
            prepared.term_index.demand_entries(demands.terms),
            None if problems is None else problems.demand_entries(demands.terms),
            ruled_out_terms,
            prepared.term_index.demand_entries(ruled_out_terms),
        )
        demands.term_entries = found
        return found


def _is_entries(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and all(isinstance(part, np.ndarray) and part.ndim == 1 for part in value)
        and len({len(part) for part in value}) == 1
    )


def _entries_of(
    value: object, demands: int
) -> tuple[Entries, Entries | None, list[list[str]], Entries] | None:
    """A cached (words, problems, ruled-out terms, ruled-out entries) of `demands`
    demands, or None when it is not one (a miss: computed again)."""
    if not (isinstance(value, tuple) and len(value) == 4):
        return None
    words, problems, ruled_out_terms, ruled_out = value
    sound = (
        _is_entries(words)
        and (problems is None or _is_entries(problems))
        and isinstance(ruled_out_terms, list)
        and len(ruled_out_terms) == demands
        and _is_entries(ruled_out)
    )
    return (words, problems, ruled_out_terms, ruled_out) if sound else None


@dataclass(slots=True)
class FirstPass:
    demands: DemandFeatures
    cosine: np.ndarray
    needs: np.ndarray
    needs_statement: np.ndarray
    eligibility: Eligibility
    fit: Component
    strong: np.ndarray


def first_pass(
    prepared: Prepared,
    records: list[ResolvedDemand],
    read: tuple[Sequence[TextReading], Sequence[str]] | None = None,
    entries: TermEntries | None = None,
) -> FirstPass:
    """Read the demands and score their fit: everything synergy needs from them. `read`:
    their readings and text keys, read with the rest of the run (`read_texts`);
    `entries`: their term entries, from the cache (scoring/entry_groups.py)."""
    demands = build_demand_features(
        records,
        prepared.vocabulary,
        prepared.theme_ids,
        prepared.text_store,
        prepared.vocabulary_key,
        read,
    )
    if entries is not None:
        demands.term_entries = entries
    return measure(prepared, demands)


def measure(prepared: Prepared, demands: DemandFeatures) -> FirstPass:
    """The first pass on demands already read: similarity, eligibility and fit. Streamed
    scoring keeps the read features between its passes and calls this again, so no
    demand's text is read twice."""
    entries = TermEntries.of(prepared, demands)
    cosine = prepared.term_index.cosine(demands.terms, entries.words)
    needs, statement = prepared.problem_index.best(demands.terms, entries.problems)
    ruled_out = prepared.term_index.cosine(entries.ruled_out_terms, entries.ruled_out)
    eligibility = check_eligibility(demands, prepared.projects)
    fit = demand_fit(demands, prepared.projects, cosine, needs, ruled_out)
    strong = eligibility.eligible & (fit.values >= STRONG_FIT)
    return FirstPass(demands, cosine, needs, statement, eligibility, fit, strong)


def _every_pair(
    demands: DemandFeatures,
    projects: ProjectFeatures,
    continuity: np.ndarray,
    running: np.ndarray,
    inputs: SynergyInputs,
) -> tuple[Component, Component]:
    """Long-term value and synergy of every pair (before relevance scales them)."""
    long = long_term(demands, projects, continuity, EVERYWHERE)
    syn = synergy(inputs.complements, running, inputs.neighbours)
    return long, syn


def _where_relevant(
    demands: DemandFeatures,
    projects: ProjectFeatures,
    continuity: np.ndarray,
    running: np.ndarray,
    inputs: SynergyInputs,
    relevance: np.ndarray,
) -> tuple[Component, Component]:
    """Long-term value and synergy, already scaled by relevance, computed only where the
    relevance is above 0 (~1-2% of the pairs: those fit for the demand and within
    FIT_BAND of its best). Elsewhere they are 0.0, as value × 0.0 was (both are finite
    and never negative), so every total is the same double. Each component computes its
    sub-signals for any other pairs when asked (`Component.at_pairs`): the same
    functions, applied to those pairs alone."""

    def long_at(rows: np.ndarray, columns: np.ndarray) -> Component:
        given = continuity[rows, columns][None, :]
        return long_term(demands, projects, given, EVERYWHERE, (rows, columns))

    def syn_at(rows: np.ndarray, columns: np.ndarray) -> Component:
        return synergy(
            inputs.complements_at(rows, columns)[None, :],
            running[rows, columns][None, :],
            inputs.neighbours_at(rows, columns)[None, :],
        )

    rows, columns = np.nonzero(relevance > 0)
    found = []
    for at_pairs in (long_at, syn_at):
        component = at_pairs(rows, columns)
        values = np.zeros(relevance.shape)
        values[rows, columns] = component.values[0] * relevance[rows, columns]
        found.append(Component(component.name, values, {}, component.signals, None, at_pairs))
    return found[0], found[1]


def second_pass(
    prepared: Prepared,
    first: FirstPass,
    region_demand: RegionDemand,
    profile: Profile,
    history: History | None = None,
    every_pair: bool = True,
) -> Scores:
    """Long-term value, synergy and the weighted total, once region demand is complete.

    With `history`, pairs funded in earlier rounds count as ties of their region with
    that project (continuity and "builds on what runs there"), and each pair's long-term
    value moves by its track record (see matchmaker/records/history.py); without it,
    scores are exactly those of a run without history.

    `every_pair` False (what `rank` shows needs no more): long-term value and synergy
    are computed only for the pairs they count for (see `_where_relevant`), their
    sub-signals for any other pair on demand; every total is the same double."""
    demands, projects = first.demands, prepared.projects
    relevance, best_fit = refinement_share(first.fit.values, first.eligibility.eligible)
    # Pairs funded in earlier rounds join the documented ties (continuity, running).
    ties = prepared.ties if history is None else prepared.ties.with_history(history)
    continuity, running = continuity_and_running(demands, projects, ties)
    inputs = region_demand.synergy_inputs(demands, projects, first.strong)
    track = None
    if every_pair or history is not None:
        long, syn = _every_pair(demands, projects, continuity, running, inputs)
    else:
        long, syn = _where_relevant(demands, projects, continuity, running, inputs, relevance)
    if history is not None:
        from matchmaker.records.history import TRACK_RECORD_EVIDENCE, track_record

        track = track_record(history, demands.region_codes, projects.ids)
        moved = track.shift != 0
        long.values = np.where(moved, np.clip(long.values + track.shift, 0.0, 100.0), long.values)
        long.known = (long.known + TRACK_RECORD_EVIDENCE * track.evidence) / (
            1.0 + TRACK_RECORD_EVIDENCE
        )
    if every_pair or history is not None:
        long.values *= relevance
        syn.values *= relevance
    w_fit, w_long, w_syn = profile.weights.normalised()
    # The same operations in the same order as `w_fit * fit + w_long * long + w_syn *
    # syn + bonus * decline`, then rounded, into two D x P arrays instead of seven.
    total = np.multiply(w_fit, first.fit.values)
    weighted = np.multiply(w_long, long.values)
    total += weighted
    total += np.multiply(w_syn, syn.values, out=weighted)
    decline = np.array([r.region.population_decline for r in demands.records], dtype=bool)
    total += (profile.population_decline_bonus * decline)[:, None]
    np.round(total, 6, out=total)
    return Scores(
        demands,
        projects,
        profile,
        prepared.theme_ids,
        first.cosine,
        first.needs,
        first.needs_statement,
        first.fit,
        long,
        syn,
        first.eligibility,
        total,
        first.strong,
        ties,
        inputs,
        {theme.id: theme.label for theme in prepared.catalog.themes.themes},
        relevance,
        best_fit,
        *no_suitable(
            demands,
            projects,
            prepared.theme_ids,
            prepared.learning_columns,
            best_fit,
            profile.fit_threshold,
        ),
        track=track,
    )


def score(
    catalog: Catalog,
    records: list[ResolvedDemand],
    profile: Profile,
    history: History | None = None,
) -> Scores:
    """Score every pair of a run that fits in memory: the streamed path in one chunk;
    `history` (earlier rounds' records) adds each pair's track record to its long-term
    value."""
    from matchmaker.scoring.stream import score_chunks

    ((_, scores),) = score_chunks(
        catalog, records, profile, chunk=max(len(records), 1), history=history
    )
    return scores
