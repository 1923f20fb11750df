"""Which file counts for each unit, and who has not sent one (SPEC §7, §9). Pure.

* A unit's submission is its newest file by the workbook's saved time, then by file name
  (the greater name wins: "NH-CA (2).xlsx" after "NH-CA.xlsx"); the others are *superseded*
  and named. The newest file counts even when it is rejected: it is the unit's last word.
* Every expected unit is *submitted* (accepted, possibly late), *rejected*, *blank* (its file
  is a card with nothing entered: ``card_blank``), *rejected below* (a summary of the level
  below says its file was rejected there: ``unit_rejected_below``) or *missing*. Only
  submitted units are counted and ranked.
* Every input file is accounted for exactly once: counted, superseded, unidentified (no
  unit could be read from it) or outside the expected units. A summary read back is
  accounted as a summary, and each unit it carries takes part like a file of its own.
* Files this tool wrote are never a unit's: an unchanged feedback copy (recognised by the
  checker) and the level's own summary (recognised here, :func:`choose_level_submissions`)
  are rejected, accounted for once, and stand for no unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING

from ..words.issues import Issue
from .results import FileResult
from .vi_text import fold

if TYPE_CHECKING:  # the report is only passed through (this module stays free of the engine)
    from .reports import CheckReport

__all__ = [
    "Completeness",
    "SubmissionStatus",
    "UnitSubmission",
    "choose_level_submissions",
    "choose_submissions",
]

_OLDEST = datetime.min.replace(tzinfo=UTC)


class SubmissionStatus(Enum):
    ACCEPTED = "accepted"  # đã nộp
    LATE = "late"  # nộp muộn (accepted)
    REJECTED = "rejected"  # bị trả lại
    BLANK = "blank"  # gửi phiếu trống: a card with nothing entered (card_blank)
    REJECTED_BELOW = "rejected_below"  # bị trả lại ở cấp dưới (a summary below says so)
    MISSING = "missing"  # chưa nộp

    @classmethod
    def of(cls, result: FileResult) -> SubmissionStatus:
        """The status a unit has when ``result`` is the file that counts for it."""
        codes = {i.code for i in result.issues}
        if "card_blank" in codes:
            return cls.BLANK
        if "unit_rejected_below" in codes:
            return cls.REJECTED_BELOW
        if not result.accepted:
            return cls.REJECTED
        return cls.LATE if "file_late" in codes else cls.ACCEPTED


@dataclass(frozen=True)
class UnitSubmission:
    """An expected unit and the file that counts for it (None when it sent none)."""

    unit: str
    status: SubmissionStatus
    result: FileResult | None
    superseded: tuple[FileResult, ...] = ()


@dataclass(frozen=True)
class Completeness:
    """Every expected unit's submission, and every other file with the reason it is left out."""

    units: tuple[UnitSubmission, ...]
    unidentified: tuple[FileResult, ...]  # no unit could be read from the file
    outside: tuple[FileResult, ...]  # a unit that is not expected here
    summaries: tuple[FileResult, ...] = ()  # summaries read back: their units are listed above
    own_files: tuple[FileResult, ...] = ()  # unchanged feedback copies: no unit's file

    @property
    def counted(self) -> tuple[UnitSubmission, ...]:
        """Submissions that enter totals and ranks: accepted, on time or late."""
        return tuple(
            u for u in self.units if u.status in (SubmissionStatus.ACCEPTED, SubmissionStatus.LATE)
        )

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(u.unit for u in self.units if u.status is SubmissionStatus.MISSING)

    def accounted_files(self) -> list[FileResult]:
        """Every input file, once: counted or rejected, superseded, unidentified, outside,
        or a summary (whose units are counted, superseded or outside in their own right)."""
        files: list[FileResult] = []
        for unit in self.units:
            files += [unit.result] if unit.result is not None else []
            files += unit.superseded
        files += list(self.unidentified) + list(self.outside) + list(self.own_files)
        return [f for f in files if not f.source] + list(self.summaries)


def _newest_first(result: FileResult) -> tuple[datetime, str]:
    return (result.saved_at or _OLDEST, result.name)


def choose_submissions(results: Iterable[FileResult], expected: Sequence[str]) -> Completeness:
    """Pick each expected unit's file among ``results`` and mark the units that sent none."""
    by_unit: dict[str, list[FileResult]] = {}
    unidentified: list[FileResult] = []
    outside: list[FileResult] = []
    wanted = set(expected)
    summaries: list[FileResult] = []
    own_files: list[FileResult] = []
    for result in _with_carried_units(results, summaries):
        if result.is_own_file:
            own_files.append(result)
        elif result.unit is None:
            unidentified.append(result)
        elif result.unit not in wanted:
            outside.append(result)
        else:
            by_unit.setdefault(result.unit, []).append(result)
    units: list[UnitSubmission] = []
    for code in expected:
        files = sorted(by_unit.get(code, []), key=_newest_first, reverse=True)
        if not files:
            units.append(UnitSubmission(code, SubmissionStatus.MISSING, None))
            continue
        chosen, older = files[0], tuple(files[1:])
        units.append(UnitSubmission(code, SubmissionStatus.of(chosen), chosen, older))
    return Completeness(
        tuple(units), tuple(unidentified), tuple(outside), tuple(summaries), tuple(own_files)
    )


def choose_level_submissions(
    check: CheckReport, expected: Sequence[str], parent: str | None, cluster: str | None = None
) -> tuple[CheckReport, Completeness]:
    """:func:`choose_submissions` for the level ``parent`` (``None``: the units without a
    parent), ranking one ``cluster`` or all its units. A summary this level made itself
    (of ``parent``, over the same cluster or all units alike) is not a roll-up of its units:
    it is rejected with ``file_own_summary`` in the returned report and stands for no unit.
    A summary of a level below, or of one cluster in a merge of all units, still counts."""
    files = tuple(_reject_own_summary(r, parent, cluster) for r in check.files)
    if any(new is not old for new, old in zip(files, check.files, strict=True)):
        check = replace(check, files=files)
    return check, choose_submissions(check.files, expected)


def _reject_own_summary(result: FileResult, parent: str | None, cluster: str | None) -> FileResult:
    own = (
        result.is_summary
        and result.unit == parent
        and fold(result.cluster) == fold(cluster or "")
        and not any(i.code == "file_own_summary" for i in result.issues)
    )
    if not own:
        return result
    issue = Issue("file_own_summary", file=str(result.path), value=parent or "")
    return replace(result, issues=(*result.issues, issue))


def _with_carried_units(
    results: Iterable[FileResult], summaries: list[FileResult]
) -> Iterable[FileResult]:
    """Each file, except that an accepted summary stands for the units it carries."""
    for result in results:
        if result.is_summary:
            summaries.append(result)
            if result.accepted:
                yield from result.members
        else:
            yield result
