"""``merge --mode compose``: the sectors' scorecards become the parent's own (SPEC §2, §4).

For each leaf, the raw inputs of the sectors that sent an accepted file are combined by the
leaf's compose rule (*Cách tổng hợp*: sum, the highest, the average, or the lead sector's entry;
by default counts, deductions and % results summed, Đạt/Không đạt, direct and bonus points from
the lead sector) and scored once at the parent, where the caps apply. Two sectors citing the
same evidence for one criterion are reported ("each activity is scored once"). The parent's
card is written in the template format, so the next
level's ``rank`` reads it like any other unit's.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from ..checking.run import Progress, run_check
from ..core.model import Campaign
from ..core.reports import ComposeReport
from ..core.scoring import RawInput, combine_parts, score_card
from ..core.submissions import choose_level_submissions
from ..core.vi_text import fold
from ..errors import NoSectorsError, UnitSelectionError
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits
from ..scorecard.layout import is_sector
from ..words.issues import Issue

__all__ = ["merge_compose"]


def merge_compose(
    campaign: Campaign,
    inbox: Iterable[str | Path],
    parent: str,
    workers: int = 1,
    progress: Progress | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> ComposeReport:
    """Combine the accepted sector cards under ``parent`` into the parent's own card."""
    found = campaign.unit_by_upper_code(parent.upper())
    if found is None:
        raise UnitSelectionError([parent], [u.code for u in campaign.units])
    top = campaign.unit(found)
    below = campaign.children_units(top.code)
    sectors = [u.code for u in below if is_sector(campaign, u.code)]
    if not sectors:  # nothing to compose: a card of 0 points would look like a real one
        raise NoSectorsError(top.code, top.name, [u.code for u in below])
    check = run_check(campaign, inbox, workers=workers, progress=progress, limits=limits)
    check, completeness = choose_level_submissions(check, sectors, top.code)
    parts = {
        u.unit: dict(u.result.inputs)
        for u in completeness.counted
        if u.result is not None and u.result.card is not None
    }
    combined = combine_parts(campaign, parts)
    card = score_card(campaign, combined)
    issues = tuple(_shared_evidence(parts, campaign))
    return ComposeReport(campaign, top, check, completeness, parts, combined, card, issues)


def _shared_evidence(parts: dict[str, dict[str, RawInput]], campaign: Campaign) -> list[Issue]:
    """Two sectors citing the same document for one criterion: scored once only."""
    issues = []
    for code in (leaf.code for leaf in campaign.leaves):
        seen: dict[str, str] = {}
        for sector, inputs in parts.items():
            raw = inputs.get(code)
            if raw is None or not raw.evidence or not _scores(raw):
                continue
            key = fold(raw.evidence)
            if key in seen:
                issues.append(
                    Issue(
                        "compose_shared_evidence",
                        criterion=code,
                        value=raw.evidence,
                        params={"first": seen[key], "second": sector},
                    )
                )
            else:
                seen[key] = sector
    return issues


def _scores(raw: RawInput) -> bool:
    return bool(raw.met) or (raw.amount is not None and raw.amount > Decimal(0))
