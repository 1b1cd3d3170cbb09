"""Which demands are unmet: answered "no suitable project", or served only weakly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.scoring.engine import Scores

# A demand whose best fit is above the profile's threshold by less than this is "served
# only weakly": a project is named for it, but a planner would not call it an answer.
# Eight points is a little more than FIT_BAND (5), the distance within which two projects
# count as comparable fits, so "weak" means "barely past the line", not "ordinary".
WEAK_BAND = 8.0

Status = Literal["unmet", "weak"]


@dataclass(frozen=True, slots=True)
class UnmetDemand:
    """One demand no project serves (`unmet`) or serves only weakly (`weak`)."""

    row: int  # the demand's row in the run's Scores
    record: ResolvedDemand
    status: Status
    best_fit: float | None  # None: no project is eligible at all

    @property
    def key(self) -> str:
        return self.record.key


def unmet_demands(
    scores: Scores, region_codes: set[str] | None = None, weak_band: float = WEAK_BAND
) -> list[UnmetDemand]:
    """The run's unmet and weakly served demands, sorted by key (so the order of the input
    files never matters), optionally only those of some regions (or provinces)."""
    threshold = scores.profile.fit_threshold
    found: list[UnmetDemand] = []
    for row, record in enumerate(scores.demands.records):
        region = record.region
        if region_codes is not None and not (
            region.code in region_codes or region.province_code in region_codes
        ):
            continue
        best = scores.best_fit[row]
        best_fit = None if np.isnan(best) else round(float(best), 2)
        if scores.no_fit[row]:
            found.append(UnmetDemand(row, record, "unmet", best_fit))
        elif best_fit is not None and best_fit < threshold + weak_band:
            found.append(UnmetDemand(row, record, "weak", best_fit))
    return sorted(found, key=lambda item: item.key)
