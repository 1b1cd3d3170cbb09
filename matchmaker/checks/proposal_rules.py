"""Rules over the proposals: unique, current, plausible, and not filed twice."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Proposal

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


def _same_text(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).lower().split())


@rule("repeated-demand", scope="documents", severity=Severity.WARNING,
      en="{region} already asks for '{value}' in {other}",
      ko="{region}은(는) {other}에서 이미 '{value}'을(를) 요청했습니다")
def repeated_demand(context: CheckContext) -> Iterator[Diagnostic]:
    """Two proposals from one region with the same demand (same id or same title)."""
    index = context.catalog.region_index
    seen: dict[tuple[str, str], str] = {}
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        region = index.resolve(model.region).region
        if region is None:
            continue
        for position, demand in enumerate(model.demands):
            keys = {(region.code, "id:" + demand.id), (region.code, "title:" +
                                                        _same_text(demand.title))}
            earlier = next((seen[key] for key in sorted(keys) if key in seen), None)
            if earlier is not None:
                yield at(document, ("demands", position, "id"), "repeated-demand",
                         {"region": region.name_ko, "value": demand.title, "other": earlier})
            for key in keys:
                seen.setdefault(key, document.file)


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
