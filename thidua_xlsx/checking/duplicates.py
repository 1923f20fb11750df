"""Units that sent more than one file (SPEC §6: duplicate submissions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..core.model import Campaign
from ..core.results import FileResult
from ..words.issues import Issue
from .check_log import clip, message_params

__all__ = ["flag_duplicate_units"]


def flag_duplicate_units(campaign: Campaign, results: Sequence[FileResult]) -> list[FileResult]:
    """Warn on every file of a unit that sent more than one; a merge counts the newest (see
    :mod:`thidua_xlsx.core.submissions`). Summaries are left alone: a unit's own card
    supersedes the copy a summary carries; so are the files this tool wrote (an unchanged
    feedback copy is not one of the unit's files)."""
    by_unit: dict[str, list[int]] = {}
    for index, result in enumerate(results):
        if result.unit is None or result.is_summary or result.is_own_file:
            continue
        if campaign.has_unit(result.unit):
            by_unit.setdefault(result.unit, []).append(index)
    flagged = list(results)
    for unit, indexes in by_unit.items():
        if len(indexes) < 2:
            continue
        for index in indexes:
            result = results[index]
            others = ", ".join(results[i].path.name for i in indexes if i != index)
            issue = Issue(
                "unit_duplicate",
                file=str(result.path),
                value=unit,
                params=message_params(count=len(indexes), others=clip(others)),
            )
            flagged[index] = replace(result, issues=(*result.issues, issue))
    return flagged
