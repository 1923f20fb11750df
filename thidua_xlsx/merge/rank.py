"""``merge --mode rank``: check an inbox, pick each unit's file, rank the units (SPEC §7).

Returns a :class:`RankReport`; :mod:`thidua_xlsx.summary.writer` turns it into the summary
workbook and :meth:`RankReport.to_json` into the ``--json`` document.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..checking.run import Progress, run_check
from ..core.model import Campaign, Unit
from ..core.ranking import rank_units
from ..core.reports import RankReport
from ..core.submissions import (
    choose_level_submissions,
)
from ..core.verification import VerificationResult, VerifiedScore, apply_verification
from ..core.vi_text import fold
from ..errors import UnitSelectionError
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits

__all__ = ["expected_units", "merge_rank"]


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
    verified: Iterable[str | Path] = (),
) -> RankReport:
    """Check every file, choose each expected unit's submission, rank the counted ones.
    The inbox may hold units' cards (their own or composed) and summaries of a level below,
    whose units take part like files of their own; this level's own summary is rejected.

    ``verified``: the upper level's verification workbooks (``thidua verify``), applied in
    order: their verified scores become the final scores of their criteria. A workbook with
    an error is applied not at all and makes the exit code 1; the merge goes on."""
    from .verify import read_verifications  # (verify imports this module's expected_units)

    top, expected = expected_units(campaign, parent, cluster)
    check = run_check(campaign, inbox, workers=workers, progress=progress, limits=limits)
    check, completeness = choose_level_submissions(
        check, expected, top.code if top else None, cluster
    )
    verification: tuple[VerificationResult, ...] = ()
    applied: dict[str, dict[str, VerifiedScore]] = {}
    workbooks = list(verified)
    if workbooks:
        results = read_verifications(campaign, workbooks, limits)
        completeness, verification, applied = apply_verification(campaign, completeness, results)
    cards = {
        u.unit: u.result.card
        for u in completeness.counted
        if u.result is not None and u.result.card is not None
    }
    ranking = tuple(rank_units(campaign, cards))
    return RankReport(campaign, top, check, completeness, ranking, cluster, verification, applied)
