"""Verification by the upper level (SPEC §4): ``thidua verify`` checks an inbox as a merge does
and plans the verification workbook (each accepted unit's criteria with the self score);
``merge --verified`` reads the filled workbooks back, each in a contained worker like any
input, and applies them (:func:`~thidua_xlsx.core.verification.apply_verification`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..checking.run import Progress, run_check
from ..checking.verification import VerificationChecker, refused
from ..core.model import Campaign
from ..core.submissions import SubmissionStatus, choose_level_submissions
from ..core.verification import PlannedUnit, VerificationPlan, VerificationResult
from ..errors import InboxError
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits, run_contained
from ..scorecard.layout import plan_card
from .rank import expected_units

__all__ = ["plan_verification", "read_verifications"]


def plan_verification(
    campaign: Campaign,
    inbox: Iterable[str | Path],
    parent: str | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    cluster: str | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> VerificationPlan:
    """Check the inbox as ``merge`` does and list each accepted unit (on time or late) with
    the criteria on its card and their self scores, for
    :func:`~thidua_xlsx.verification.writer.write_verification_workbook`."""
    top, expected = expected_units(campaign, parent, cluster)
    check = run_check(campaign, inbox, workers=workers, progress=progress, limits=limits)
    check, completeness = choose_level_submissions(
        check, expected, top.code if top else None, cluster
    )
    units = []
    for submission in completeness.counted:
        result = submission.result
        if result is None or result.card is None:
            continue
        unit = campaign.unit(submission.unit)
        leaves = [c.code for c in plan_card(campaign, unit).criteria if c.is_leaf]
        units.append(
            PlannedUnit(
                unit,
                result.name,
                result.card.self_total,
                submission.status is SubmissionStatus.LATE,
                tuple((code, result.card.self_nodes[code]) for code in leaves),
            )
        )
    return VerificationPlan(campaign, top, check, completeness, tuple(units), cluster)


def read_verifications(
    campaign: Campaign,
    paths: Iterable[str | Path],
    limits: ReadLimits = DEFAULT_LIMITS,
) -> tuple[VerificationResult, ...]:
    """Read and check each verification workbook in a contained worker; one that cannot be
    read, or that crashes or hangs the reading library, is rejected alone. Raises
    :class:`InboxError` for a path that does not exist or is a folder."""
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise InboxError(str(path), "missing")
    results = run_contained(VerificationChecker(campaign), _unreadable, files, 1, limits)
    return tuple(results)


def _unreadable(path: Path, code: str, detail: str) -> VerificationResult:
    return refused(path, code, detail)
