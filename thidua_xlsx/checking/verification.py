"""Check an upper level's verification workbook (SPEC §4, §6), read like any input: this
campaign's and its current criteria (the campaign fingerprint), its own listing unchanged (its
own fingerprint), every row the listing names still there, and every verified score typed a
number from 0 to the criterion's maximum, with a reason where it differs from the self score.
A workbook with any error is applied not at all; checks never raise on the user's file.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..core.cellref import cell_name, cell_text
from ..core.model import Campaign
from ..core.periods import PERIOD_KEY
from ..core.verification import (
    VERIFICATION_KIND,
    PlannedRow,
    VerificationResult,
    VerifiedScore,
    listing_fingerprint,
)
from ..core.vi_text import format_decimal
from ..errors import UnusableFileError
from ..intake.reader import ReturnedFileReader
from ..intake.verification_file import VerificationFile
from ..verification.layout import VCOL
from ..words.issues import Issue
from .cell_values import is_blank, read_number, read_text, shown
from .check_log import Checked, CheckLog, clip, message_params

__all__ = ["VerificationChecker", "check_verification", "check_verification_file"]


class VerificationChecker:
    """Reads and checks verification workbooks against one campaign (in a worker process:
    see :func:`thidua_xlsx.merge.verify.read_verifications`)."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.reader = ReturnedFileReader()

    def __call__(self, path: Path) -> VerificationResult:
        try:
            returned = self.reader.read(path)
        except UnusableFileError as exc:
            return refused(path, exc.code, exc.detail)
        except Exception as exc:  # one strange file must never stop a run
            return refused(path, "file_check_failed", f"{type(exc).__name__}: {exc}")
        if not isinstance(returned, VerificationFile):
            kind = returned.metadata.get("kind") or "card"
            issue = Issue("verification_not_workbook", file=str(path), value=kind)
            return VerificationResult(path, (issue,), readable=False)
        try:
            return check_verification(self.campaign, returned)
        except Exception as exc:
            return refused(path, "file_check_failed", f"{type(exc).__name__}: {exc}")


def check_verification_file(campaign: Campaign, path: Path) -> VerificationResult:
    """Read and check one verification workbook (see :class:`VerificationChecker`)."""
    return VerificationChecker(campaign)(path)


def refused(path: Path, code: str, detail: str) -> VerificationResult:
    """A file that could not be read as a verification workbook: rejected alone."""
    issue = Issue(code, file=str(path), params=message_params(detail=clip(detail, 120)))
    return VerificationResult(path, (issue,), readable=False)


def check_verification(campaign: Campaign, file: VerificationFile) -> VerificationResult:
    """Every issue of one verification workbook, and the verified scores it holds."""
    log = CheckLog(Checked(file.path, file.sheet, file.saved_at))
    meta = file.metadata
    if meta.get("kind") != VERIFICATION_KIND:
        log.add("verification_not_workbook", value=meta.get("kind", ""))
        return _result(file, log, (), ())
    if meta.get("campaign_id") != campaign.info.campaign_id:
        log.add(
            "verification_other_campaign",
            value=meta.get("campaign_id", ""),
            expected=campaign.info.campaign_id,
        )
        return _result(file, log, (), ())
    if meta.get("fingerprint") != campaign.fingerprint:
        log.add(
            "verification_outdated",
            value=meta.get("fingerprint", ""),
            expected=campaign.fingerprint,
        )
        return _result(file, log, (), ())
    period = campaign.period
    if period is not None and not period.same(meta.get(PERIOD_KEY, "")):
        log.add(
            "verification_wrong_period",
            value=meta.get(PERIOD_KEY, "") or "—",
            expected=period.name,
        )
        return _result(file, log, (), ())
    rows = _listing(file)
    if rows is None or not file.sheet:
        log.add("verification_damaged", detail=file.sheet or "sheet")
        return _result(file, log, (), ())
    own = listing_fingerprint(campaign.fingerprint, rows)
    if meta.get("verification_fingerprint") != own:
        log.add("verification_damaged", detail="fingerprint")
        return _result(file, log, (), ())
    units = tuple(dict.fromkeys(r.unit for r in rows))
    found = _rows_found(file)
    scores: list[VerifiedScore] = []
    leaves = campaign.leaf_map
    for planned in rows:
        criterion = leaves.get(planned.criterion)
        index = found.get((planned.unit, planned.criterion))
        if criterion is None or index is None:
            log.add("verification_damaged", detail=f"{planned.unit} {planned.criterion}")
            continue
        score = _verified(log, file, index, planned, criterion.max_points)
        if score is not None:
            scores.append(score)
    return _result(file, log, tuple(scores), units)


def _result(
    file: VerificationFile,
    log: CheckLog,
    scores: tuple[VerifiedScore, ...],
    units: tuple[str, ...],
) -> VerificationResult:
    return VerificationResult(file.path, tuple(log.issues), scores, units, sheet=file.sheet)


def _listing(file: VerificationFile) -> list[PlannedRow] | None:
    """The hidden listing as rows (None when a line of it does not read)."""
    rows = []
    for line in file.listing:
        try:
            row, unit, code, own = line
            rows.append(PlannedRow(unit, code, int(row) - 1, Decimal(own)))
        except (ValueError, InvalidOperation):
            return None
    return rows  # empty: no unit was accepted when it was written (nothing to verify)


def _rows_found(file: VerificationFile) -> dict[tuple[str, str], int]:
    """Each (unit, criterion) row of the sheet, found by its codes (the first one wins)."""
    found: dict[tuple[str, str], int] = {}
    unit_col, code_col = VCOL["unit"], VCOL["criterion"]
    for index, row in enumerate(file.cells):
        if len(row) > code_col:
            key = (cell_text(row[unit_col]).strip(), cell_text(row[code_col]).strip())
            if all(key):
                found.setdefault(key, index)
    return found


def _verified(
    log: CheckLog, file: VerificationFile, index: int, planned: PlannedRow, cap: Decimal
) -> VerifiedScore | None:
    """The verified score typed on row ``index``, checked (None: blank or not usable)."""
    ref = cell_name(index, VCOL["verified"])
    typed = file.cell(ref)
    error = file.error_cells.get(ref)  # an error value reads as blank
    if error is None and (typed is None or is_blank(typed)):
        return None
    code = planned.criterion
    read = read_number(typed, error)
    for problem in read.problems:
        log.add_problem(problem, ref, code)
    number = read.number
    if number is None:
        if not read.problems:
            log.add("value_not_number", cell=ref, criterion=code, value=shown(typed))
        return None
    if number < 0:
        log.add("verified_negative", cell=ref, criterion=code, value=format_decimal(number))
        return None
    if number > cap:
        log.add(
            "verified_over_max",
            cell=ref,
            criterion=code,
            value=format_decimal(number),
            maximum=format_decimal(cap),
        )
        return None
    reason_ref = cell_name(index, VCOL["reason"])
    reason, problems = read_text(file.cell(reason_ref))
    for problem in problems:
        log.add_problem(problem, reason_ref, code)
    if number != planned.self_score and not reason.strip():
        log.add(
            "verified_without_reason",
            cell=reason_ref,
            criterion=code,
            value=format_decimal(number),
            self_score=format_decimal(planned.self_score),
        )
    return VerifiedScore(
        planned.unit, code, number, reason.strip(), ref, planned.self_score, file.path.name
    )
