"""Choose the reporting period a command runs for (``--period``; SPEC §11)."""

from __future__ import annotations

from ..core.model import Campaign
from ..core.periods import find_period
from ..errors import PeriodError

__all__ = ["campaign_for_period"]


def campaign_for_period(campaign: Campaign, typed: str | None) -> Campaign:
    """The campaign as a run of the period ``typed`` (its name or number); the campaign as
    it is when it has no periods and none is asked for. Raises :class:`PeriodError` when a
    campaign with periods is given none, an unknown one, or one is asked of a campaign
    without periods."""
    listed = ", ".join(p.name for p in campaign.periods)
    if not campaign.periods:
        if typed is not None and typed.strip():
            raise PeriodError("error.no_periods", typed=typed)
        return campaign
    if typed is None or not typed.strip():
        raise PeriodError("error.period_needed", listed=listed)
    period = find_period(campaign.periods, typed)
    if period is None:
        raise PeriodError("error.period_unknown", typed=typed, listed=listed)
    return campaign.for_period(period)
