"""What units already reported in earlier periods, for criteria whose target is for the whole
campaign (*Cộng dồn*; SPEC §11): read from the summaries of earlier periods
(``thidua templates --period … --earlier SUMMARY.xlsx…``), so that each period's card shows it.

The summaries are checked as a merge checks a lower level's summary (every carried value
checked again); one that is not of this campaign, not of an earlier period, or rejected is
left out with its reason, and the cards are written without it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..checking.run import run_check
from ..core.model import Campaign
from ..core.periods import EarlierReport, EarlierReports, Period
from ..core.results import FileResult
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits
from ..words.issues import Issue, Severity

__all__ = ["earlier_reports"]


def earlier_reports(
    campaign: Campaign,
    summaries: Iterable[str | Path],
    limits: ReadLimits = DEFAULT_LIMITS,
) -> EarlierReports:
    """The reports of the cumulative criteria in ``summaries`` (of periods before
    ``campaign.period``); the newest summary of each earlier period counts."""
    paths = [Path(p) for p in summaries]
    current = campaign.period
    cumulative = [leaf.code for leaf in campaign.leaves if leaf.cumulative]
    if current is None or not paths:
        return EarlierReports()
    check = run_check(replace(campaign, period=None), paths, limits=limits)  # of any period
    chosen: dict[int, tuple[Period, FileResult]] = {}
    skipped: list[tuple[Path, Issue]] = []
    for result in check.files:
        period = next(
            (p for p in campaign.periods if result.period and p.same(result.period)), None
        )
        if not result.is_summary or not result.accepted:
            errors = [i for i in result.issues if i.severity is Severity.ERROR]
            skipped.append((result.path, errors[0] if errors else Issue("summary_no_units")))
        elif period is None or period.index >= current.index:
            issue = Issue(
                "earlier_not_earlier", value=result.period or "?", params={"expected": current.name}
            )
            skipped.append((result.path, issue))
        else:
            kept = chosen.get(period.index)
            if kept is not None:
                older = kept[1] if _newer(result, kept[1]) else result
                skipped.append((older.path, Issue("file_superseded_earlier", value=period.name)))
                if older is result:
                    continue
            chosen[period.index] = (period, result)
    reports: dict[str, dict[str, list[EarlierReport]]] = {}
    for index in sorted(chosen):
        period, summary = chosen[index]
        for member in summary.members:
            if member.unit is None or not member.accepted:
                continue
            for code in cumulative:
                raw = member.inputs.get(code)
                report = EarlierReport(
                    period.name,
                    raw.amount if raw is not None else None,
                    raw.met if raw is not None else None,
                )
                reports.setdefault(member.unit, {}).setdefault(code, []).append(report)
    return EarlierReports(
        {u: {c: tuple(r) for c, r in by.items()} for u, by in reports.items()},
        tuple(summary.path for _, summary in (chosen[i] for i in sorted(chosen))),
        tuple(skipped),
    )


def _newer(one: FileResult, other: FileResult) -> bool:
    """Whether ``one`` was saved after ``other`` (then by file name, as a merge chooses)."""
    key = (one.saved_at.timestamp() if one.saved_at else 0.0, one.path.name)
    return key > (other.saved_at.timestamp() if other.saved_at else 0.0, other.path.name)
