"""Rules over the proposals: unique, current, plausible, and not filed twice."""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.loading.documents import LoadedDocument
from matchmaker.models import Proposal
from matchmaker.resubmissions import Filed, find_repeats

PLAUSIBLE_YEARS_AHEAD = 10


@rule("duplicate-proposal-id", scope="documents", severity=Severity.ERROR,
      en="proposal id '{value}' is also used by {other}",
      ko="제안서 id '{value}'을(를) {other}에서도 씁니다")
def duplicate_proposal_id(context: CheckContext) -> Iterator[Diagnostic]:
    """Two proposal files with the same id, so `PROPOSAL/DEMAND` would be ambiguous."""
    seen: dict[str, str] = {}
    for document in context.of_kind("proposal"):
        assert isinstance(document.model, Proposal)
        proposal_id = document.model.id
        if proposal_id in seen:
            yield at(document, ("id",), "duplicate-proposal-id",
                     {"value": proposal_id, "other": seen[proposal_id]}, "rename-id")
        else:
            seen[proposal_id] = document.file


@rule("repeated-demand", scope="documents", severity=Severity.WARNING,
      en="{region} already asks for '{value}' in {other} ({how}); it is ranked, but counted "
      "once for synergy",
      ko="{region}은(는) {other}에서 이미 '{value}'을(를) 요청했습니다({how}). 순위는 매기지만 "
      "시너지에는 한 번만 셉니다")
def repeated_demand(context: CheckContext) -> Iterator[Diagnostic]:
    """A demand a region already filed in another proposal: the same id, the same title, or
    nearly the same text (a resubmission), so it must not count twice."""
    index = context.catalog.region_index
    filed: list[Filed] = []
    places: list[tuple[LoadedDocument, int, str]] = []
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        region = index.resolve(model.region).region
        if region is None:
            continue
        for position, demand in enumerate(model.demands):
            filed.append(Filed(region.code, model.id, demand))
            places.append((document, position, region.name_ko))
    for repeat in find_repeats(filed):
        document, position, region_name = places[repeat.later]
        earlier = places[repeat.earlier][0]
        how = {"id": ("the same id", "같은 id"), "title": ("the same title", "같은 제목"),
               "text": (f"{repeat.similarity:.0f}% the same text",
                        f"글이 {repeat.similarity:.0f}% 같음")}[repeat.how]
        yield at(document, ("demands", position, "id"), "repeated-demand",
                 {"region": region_name, "value": filed[repeat.later].demand.title,
                  "other": earlier.file, "how": how[0], "how@ko": how[1]})


@rule("expired-proposal", scope="documents", severity=Severity.WARNING,
      en="the proposal was valid until {date}; it is no longer matched as current",
      ko="이 제안서는 {date}까지 유효했습니다")
def expired_proposal(context: CheckContext) -> Iterator[Diagnostic]:
    """A proposal whose valid_until date has passed."""
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        if model.valid_until is not None and model.valid_until < context.today:
            yield at(document, ("valid_until",), "expired-proposal",
                     {"date": model.valid_until.isoformat()})


@rule("implausible-years", scope="documents", severity=Severity.WARNING,
      en="{detail}", ko="{detail}")
def implausible_years(context: CheckContext) -> Iterator[Diagnostic]:
    """A demand starting in the past or far ahead, or an outcome due before it starts."""
    this_year = context.today.year
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        for i, demand in enumerate(model.demands):
            start = demand.start_year
            if start is not None and start < this_year:
                yield at(document, ("demands", i, "start"), "implausible-years", {
                    "detail": f"the demand starts in {start}, which has passed",
                    "detail@ko": f"시작 연도 {start}년이 이미 지났습니다"})
            if start is not None and start > this_year + PLAUSIBLE_YEARS_AHEAD:
                yield at(document, ("demands", i, "start"), "implausible-years", {
                    "detail": f"the demand starts in {start}, more than "
                              f"{PLAUSIBLE_YEARS_AHEAD} years ahead",
                    "detail@ko": f"시작 연도 {start}년은 {PLAUSIBLE_YEARS_AHEAD}년 넘게 "
                                 "남았습니다"})
            for j, outcome in enumerate(demand.outcomes):
                if outcome.by is not None and start is not None and outcome.by < start:
                    yield at(document, ("demands", i, "outcomes", j, "by"),
                             "implausible-years", {
                                 "detail": f"the target year {outcome.by} is before the start "
                                           f"({start})",
                                 "detail@ko": f"목표 연도 {outcome.by}년이 시작 연도 {start}년보다 "
                                              "앞섭니다"})
