"""Which file counts for each unit, and who has not sent one (SPEC §7, §9). Pure.

* A unit's submission is its newest file by the workbook's saved time, then by file name
  (the greater name wins: "NH-CA (2).xlsx" after "NH-CA.xlsx"); the others are *superseded*
  and named. The newest file counts even when it is rejected: it is the unit's last word.
* Every expected unit is *submitted* (accepted, possibly late), *rejected* or *missing*.
* Every input file is accounted for exactly once: counted, superseded, unidentified (no
  unit could be read from it) or outside the expected units. A summary read back is
  accounted as a summary, and each unit it carries takes part like a file of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum

from .checks import FileResult

__all__ = ["Completeness", "SubmissionStatus", "UnitSubmission", "choose_submissions"]

_OLDEST = datetime.min.replace(tzinfo=UTC)


class SubmissionStatus(Enum):
    ACCEPTED = "accepted"  # đã nộp
    LATE = "late"  # nộp muộn (accepted)
    REJECTED = "rejected"  # bị trả lại
    MISSING = "missing"  # chưa nộp


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
        files += list(self.unidentified) + list(self.outside)
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
    for result in _with_carried_units(results, summaries):
        if result.unit is None:
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
        if not chosen.accepted:
            status = SubmissionStatus.REJECTED
        elif any(i.code == "file_late" for i in chosen.issues):
            status = SubmissionStatus.LATE
        else:
            status = SubmissionStatus.ACCEPTED
        units.append(UnitSubmission(code, status, chosen, older))
    return Completeness(tuple(units), tuple(unidentified), tuple(outside), tuple(summaries))


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
