"""``merge --mode compose``: the sectors' scorecards become the parent's own (SPEC §2, §4).

For each leaf, the raw inputs of the sectors that sent an accepted file are combined (points,
counts and results summed, Đạt if any sector has Đạt, entered targets summed) and scored once
at the parent. Two sectors citing the same evidence for one criterion are reported ("each
activity is scored once"). The parent's card is written in the template format, so the next
level's ``rank`` reads it like any other unit's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .check_run import CheckReport, Progress, run_check
from .containment import DEFAULT_LIMITS, ReadLimits
from .errors import UnitSelectionError
from .issues import Issue
from .model import Campaign, Unit
from .scorecard_layout import input_cells, is_sector
from .scoring import RawInput, ScoreCard, combine_inputs, compose
from .submissions import Completeness, choose_level_submissions
from .text import fold

__all__ = ["ComposeReport", "merge_compose"]


@dataclass(frozen=True)
class ComposeReport:
    """The parent's composed card, each sector's part, and what was found on the way."""

    campaign: Campaign
    parent: Unit
    check: CheckReport
    completeness: Completeness
    parts: dict[str, dict[str, RawInput]]  # sector → leaf → what it entered
    combined: dict[str, RawInput]  # leaf → the sectors' inputs combined
    card: ScoreCard
    issues: tuple[Issue, ...]  # found when composing (duplicate evidence)

    @property
    def exit_code(self) -> int:
        return self.check.exit_code

    def values(self) -> dict[tuple[str, str], object]:
        """The combined inputs as the parent's card shows them (cell contents)."""
        cells: dict[tuple[str, str], object] = {}
        for code, raw in self.combined.items():
            for column, value in input_cells(self.campaign.criterion(code), raw).items():
                cells[(code, column)] = value
        return cells


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
    sectors = [u.code for u in campaign.children_units(top.code) if is_sector(campaign, u.code)]
    check = run_check(campaign, inbox, workers=workers, progress=progress, limits=limits)
    check, completeness = choose_level_submissions(check, sectors, top.code)
    parts = {
        u.unit: dict(u.result.inputs)
        for u in completeness.counted
        if u.result is not None and u.result.card is not None
    }
    card = compose(campaign, parts.values())
    gathered: dict[str, list[RawInput]] = {}
    for inputs in parts.values():
        for code, raw in inputs.items():
            gathered.setdefault(code, []).append(raw)
    combined = {code: combine_inputs(raws) for code, raws in gathered.items()}
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
