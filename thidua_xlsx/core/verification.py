"""Verification (*thẩm định*) by the upper level (SPEC §4), pure: what a verification workbook
lists, what it was read to say, and how its verified scores are applied to the units' cards.

Verification belongs to the upper level alone: nothing a unit's own file holds in its
verification column counts (the check reports it). The upper level writes its own workbook
(``thidua verify``: each accepted unit's criteria with the self score, open cells for the
verified score and a reason) and ``merge --verified`` applies it: the verified score becomes
the final score of its criterion (caps applied again by :func:`~.scoring.score_card`); the
unit's file, and so its saved time and lateness, stay its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..words.issues import Issue, Severity
from .model import Campaign, Unit
from .results import FileResult
from .scoring import score_card
from .submissions import Completeness, UnitSubmission
from .vi_text import format_decimal

if TYPE_CHECKING:  # only passed through (the reports module imports this one)
    from .reports import CheckReport

__all__ = [
    "VERIFICATION_KIND",
    "PlannedRow",
    "PlannedUnit",
    "VerificationPlan",
    "VerificationResult",
    "VerifiedScore",
    "apply_verification",
    "listing_fingerprint",
]

VERIFICATION_KIND = "verification"  # the ``kind`` in a verification workbook's hidden sheet


@dataclass(frozen=True)
class PlannedRow:
    """One criterion of one unit in a verification workbook: where it is and the self score
    the verifier saw."""

    unit: str
    criterion: str
    row: int  # 0-based row of the verification sheet
    self_score: Decimal


@dataclass(frozen=True)
class PlannedUnit:
    """An accepted unit to verify: its name, file, self total and its criteria's rows."""

    unit: Unit
    file: str  # the unit's file (as listed by the merge)
    self_total: Decimal
    late: bool
    criteria: tuple[tuple[str, Decimal], ...]  # leaf code → self score, in the card's order


@dataclass(frozen=True)
class VerificationPlan:
    """What ``thidua verify`` writes: the accepted units of an inbox and their self scores.
    ``check`` and ``completeness`` are the inbox as checked (the same as a merge's)."""

    campaign: Campaign
    parent: Unit | None
    check: CheckReport
    completeness: Completeness
    units: tuple[PlannedUnit, ...]
    cluster: str | None = None

    @property
    def exit_code(self) -> int:
        return self.check.exit_code


def listing_fingerprint(campaign_fingerprint: str, rows: Iterable[PlannedRow]) -> str:
    """The verification workbook's own fingerprint: the campaign's criteria fingerprint and
    every listed row (unit, criterion, row, self score)."""
    digest = hashlib.sha256(campaign_fingerprint.encode())
    for r in rows:
        digest.update(f"\n{r.unit}\t{r.criterion}\t{r.row}\t{r.self_score}".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class VerifiedScore:
    """One verified score as the upper level typed it, with its reason and cell."""

    unit: str
    criterion: str
    score: Decimal
    reason: str
    cell: str
    self_seen: Decimal  # the self score the verification workbook showed
    source: str = ""  # the verification workbook's file name


@dataclass(frozen=True)
class VerificationResult:
    """One verification workbook read and checked. It is applied whole or not at all: any
    error (other campaign, damaged, a bad value) keeps all of it out."""

    path: Path
    issues: tuple[Issue, ...]
    scores: tuple[VerifiedScore, ...] = ()
    units: tuple[str, ...] = ()  # the units it lists
    readable: bool = True  # False: not a verification workbook this campaign can use
    sheet: str = ""  # the sheet its cells are on

    @property
    def accepted(self) -> bool:
        return self.readable and not any(i.severity is Severity.ERROR for i in self.issues)

    @property
    def status(self) -> str:
        return "accepted" if self.accepted else "rejected"

    def with_issues(self, more: Sequence[Issue]) -> VerificationResult:
        return replace(self, issues=(*self.issues, *more)) if more else self


def apply_verification(
    campaign: Campaign, completeness: Completeness, results: Sequence[VerificationResult]
) -> tuple[Completeness, tuple[VerificationResult, ...], dict[str, dict[str, VerifiedScore]]]:
    """Apply the accepted workbooks, in the order given (a later one wins a criterion verified
    twice), to the counted submissions: each unit's card is scored again with its verified
    scores. Returns the new completeness, the results with the issues found across them
    (units unknown or not counted, self scores changed since, criteria verified twice) and the
    scores applied: unit → criterion → score."""
    counted = {u.unit: u for u in completeness.counted if u.result and u.result.card}
    applied: dict[str, dict[str, VerifiedScore]] = {}
    checked: list[VerificationResult] = []
    for result in results:
        if not result.accepted:
            checked.append(result)
            continue
        found: list[Issue] = []
        for unit in result.units:
            if not campaign.has_unit(unit):
                found.append(_issue("verification_unit_unknown", result, value=unit))
            elif unit not in counted:
                found.append(_issue("verification_unit_not_counted", result, value=unit))
        for score in result.scores:
            submission = counted.get(score.unit)
            if submission is None or submission.result is None:
                continue
            card = submission.result.card
            assert card is not None
            current = card.self_nodes.get(score.criterion)
            if current is not None and current != score.self_seen:
                found.append(
                    _issue(
                        "verification_self_changed",
                        result,
                        cell=score.cell,
                        criterion=score.criterion,
                        value=format_decimal(score.self_seen),
                        current=format_decimal(current),
                    )
                )
            earlier = applied.setdefault(score.unit, {}).get(score.criterion)
            if earlier is not None:
                found.append(
                    _issue(
                        "verification_twice",
                        result,
                        cell=score.cell,
                        criterion=score.criterion,
                        value=score.unit,
                        first=earlier.source,
                    )
                )
            applied[score.unit][score.criterion] = score
        checked.append(result.with_issues(found))
    applied = {unit: scores for unit, scores in applied.items() if scores}
    if not applied:
        return completeness, tuple(checked), applied
    units = tuple(_rescored(campaign, u, applied.get(u.unit)) for u in completeness.units)
    return replace(completeness, units=units), tuple(checked), applied


def _rescored(
    campaign: Campaign, submission: UnitSubmission, scores: Mapping[str, VerifiedScore] | None
) -> UnitSubmission:
    result = submission.result
    if not scores or result is None or result.card is None:
        return submission
    verified = {code: s.score for code, s in scores.items()}
    card = score_card(campaign, result.inputs, verified)
    rescored: FileResult = replace(result, card=card, verified=verified)
    return replace(submission, result=rescored)


def _issue(
    code: str,
    result: VerificationResult,
    cell: str = "",
    criterion: str = "",
    value: str = "",
    **params: str,
) -> Issue:
    return Issue(
        code,
        file=str(result.path),
        sheet=result.sheet if cell else "",
        cell=cell,
        criterion=criterion,
        value=value,
        params=params,
    )
