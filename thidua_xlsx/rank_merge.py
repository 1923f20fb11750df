"""``merge --mode rank``: check an inbox, pick each unit's file, rank the units (SPEC §7).

Returns a :class:`RankReport`; :mod:`thidua_xlsx.summary_writer` turns it into the summary
workbook and :meth:`RankReport.to_json` into the ``--json`` document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .check_run import CheckReport, Progress, run_check
from .collector import collector_paused
from .containment import DEFAULT_LIMITS, ReadLimits
from .errors import UnitSelectionError
from .model import Campaign, Unit
from .ranking import RankedUnit, rank_units
from .scoring import ScoreCard
from .submissions import (
    Completeness,
    SubmissionStatus,
    UnitSubmission,
    choose_level_submissions,
)
from .text import fold

__all__ = ["RankReport", "expected_units", "merge_rank"]

_WORDS = {
    SubmissionStatus.ACCEPTED: ("đã nộp", "submitted"),
    SubmissionStatus.LATE: ("nộp muộn", "late"),
    SubmissionStatus.REJECTED: ("bị trả lại", "rejected"),
    SubmissionStatus.MISSING: ("chưa nộp", "missing"),
}


@dataclass(frozen=True)
class RankReport:
    """The ranked summary of one level: every expected unit, ranked or not, and why."""

    campaign: Campaign
    parent: Unit | None
    check: CheckReport
    completeness: Completeness
    ranking: tuple[RankedUnit, ...]
    cluster: str | None = None  # the summary of one cụm thi đua

    @property
    def exit_code(self) -> int:
        return self.check.exit_code

    def card(self, unit: str) -> ScoreCard | None:
        submission = self._submissions.get(unit)
        return submission.result.card if submission and submission.result else None

    def submission(self, unit: str) -> UnitSubmission | None:
        """The submission of an expected unit (None for a unit not expected here)."""
        return self._submissions.get(unit)

    def place(self, unit: str) -> RankedUnit | None:
        """The unit's place in the ranking (None when it is not ranked)."""
        return self._places.get(unit)

    # looked up once per unit by the summary: dictionaries, not scans (50,000 units)
    @cached_property
    def _submissions(self) -> dict[str, UnitSubmission]:
        return {u.unit: u for u in reversed(self.completeness.units)}  # the first wins

    @cached_property
    def _places(self) -> dict[str, RankedUnit]:
        return {r.unit: r for r in reversed(self.ranking)}

    def status_word(self, status: SubmissionStatus, lang: str = "vi") -> str:
        return _WORDS[status][1 if lang == "en" else 0]

    def summary_line(self, lang: str = "vi") -> str:
        """``12/14 đơn vị đã nộp, 1 nộp muộn, 1 bị trả lại, 2 chưa nộp.``"""
        units = self.completeness.units
        count = {status: sum(1 for u in units if u.status is status) for status in SubmissionStatus}
        sent = len(units) - count[SubmissionStatus.MISSING]
        if lang == "en":
            return (
                f"{sent}/{len(units)} units submitted, {count[SubmissionStatus.LATE]} late, "
                f"{count[SubmissionStatus.REJECTED]} rejected, "
                f"{count[SubmissionStatus.MISSING]} missing; {len(self.ranking)} ranked."
            )
        return (
            f"{sent}/{len(units)} đơn vị đã nộp, {count[SubmissionStatus.LATE]} nộp muộn, "
            f"{count[SubmissionStatus.REJECTED]} bị trả lại, "
            f"{count[SubmissionStatus.MISSING]} chưa nộp; {len(self.ranking)} đơn vị được xếp hạng."
        )

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        """The check document plus ``ranking`` and ``missing`` (SPEC §8)."""
        document = self.check.to_json(lang)
        document["summary"]["line"] = self.summary_line(lang)
        document["ranking"] = [
            {
                "unit": r.unit,
                "name": r.name,
                "total": str(r.total),
                "rank": r.rank,
                "cluster_rank": r.cluster_rank,
                "band": r.band,
                "tied": r.tied,
            }
            for r in self.ranking
        ]
        document["missing"] = list(self.completeness.missing)
        document["superseded"] = [
            {"unit": u.unit, "path": str(f.path)}
            for u in self.completeness.units
            for f in u.superseded
        ]
        return document


def expected_units(
    campaign: Campaign, parent: str | None, cluster: str | None = None
) -> tuple[Unit | None, list[str]]:
    """The units a summary covers: the children of ``parent``, or of the single top unit;
    only those of one *cụm thi đua* when ``cluster`` is given (matched ignoring case and
    accents), for the cluster's lead unit to rank its own members."""
    top: Unit | None
    if parent is not None:
        found = campaign.unit_by_upper_code(parent.upper())
        if found is None:
            raise UnitSelectionError([parent], [u.code for u in campaign.units])
        top = campaign.unit(found)
    else:
        roots = campaign.root_units
        top = roots[0] if len(roots) == 1 else None
    children = campaign.children_units(top.code if top else None)
    if cluster is not None:
        clusters = {fold(u.cluster): u.cluster for u in children if u.cluster}
        if fold(cluster) not in clusters:
            raise UnitSelectionError([cluster], sorted(clusters.values()), cluster=True)
        children = tuple(u for u in children if fold(u.cluster) == fold(cluster))
    return top, [u.code for u in children]


def merge_rank(
    campaign: Campaign,
    inbox: Iterable[str | Path],
    parent: str | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    cluster: str | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> RankReport:
    """Check every file, choose each expected unit's submission, rank the counted ones.
    The inbox may hold units' cards (their own or composed) and summaries of a level below,
    whose units take part like files of their own; this level's own summary is rejected."""
    top, expected = expected_units(campaign, parent, cluster)
    with collector_paused():  # tens of thousands of acyclic results: see collector.py
        check = run_check(campaign, inbox, workers=workers, progress=progress, limits=limits)
        check, completeness = choose_level_submissions(
            check, expected, top.code if top else None, cluster
        )
        cards = {
            u.unit: u.result.card
            for u in completeness.counted
            if u.result is not None and u.result.card is not None
        }
        ranking = tuple(rank_units(campaign, cards))
        return RankReport(campaign, top, check, completeness, ranking, cluster)
