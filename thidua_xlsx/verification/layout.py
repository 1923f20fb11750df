"""Where everything is in a verification workbook (pure: no spreadsheet library).

One sheet, *Thẩm định*: under a Decree-30 header, for each accepted unit a heading row, then
one row per criterion it scored (its leaves, in the card's order) with the self score and two
open cells, the verified score and the reason. A very hidden metadata sheet (the same name as
a card's, ``kind`` = ``verification``) holds the campaign's fingerprint, the listing of every
row (unit, criterion, row, self score) and the workbook's own fingerprint over that listing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.verification import PlannedRow, PlannedUnit, VerificationPlan

__all__ = [
    "GUIDE_SHEET",
    "HEADER_ROW",
    "LISTING_MARK",
    "VCOL",
    "VERIFICATION_SHEET",
    "SheetLayout",
    "plan_sheet",
]

VERIFICATION_SHEET = "Thẩm định"
GUIDE_SHEET = "Hướng dẫn"
LISTING_MARK = "row"  # a metadata row listing one criterion row: row, unit, criterion, self
HEADER_ROW = 8  # 0-based row of the column titles
VCOL = {
    "unit": 0,
    "criterion": 1,
    "content": 2,
    "max": 3,
    "self": 4,
    "verified": 5,
    "difference": 6,
    "reason": 7,
}
LAST_VCOL = 7
COLUMN_TITLES = (
    "Mã đơn vị",
    "Mã tiêu chí",
    "Nội dung tiêu chí",
    "Điểm tối đa",
    "Điểm tự chấm",
    "Điểm thẩm định",
    "Chênh lệch",
    "Lý do thẩm định",
)


@dataclass(frozen=True)
class SheetLayout:
    """The rows of the verification sheet: each unit's heading row, each criterion's row."""

    headings: tuple[tuple[int, PlannedUnit], ...]
    rows: tuple[PlannedRow, ...]
    end: int  # the first row after the table


def plan_sheet(plan: VerificationPlan) -> SheetLayout:
    """Rows in order: a unit's heading, then its criteria; units in the plan's order."""
    headings: list[tuple[int, PlannedUnit]] = []
    rows: list[PlannedRow] = []
    row = HEADER_ROW + 1
    for unit in plan.units:
        headings.append((row, unit))
        row += 1
        for code, self_score in unit.criteria:
            rows.append(PlannedRow(unit.unit.code, code, row, self_score))
            row += 1
    return SheetLayout(tuple(headings), tuple(rows), row)
