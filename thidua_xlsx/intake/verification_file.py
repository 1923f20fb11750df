"""A verification workbook read into plain data (SPEC §4): its hidden information, the listing
of its rows (unit, criterion, row, self score) and the cells of its verification sheet, with
the cells holding error values. Nothing in it is trusted: it is checked by
:mod:`~thidua_xlsx.checking.verification`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.cellref import CellValue, cell_text, parse_cell
from ..scorecard.layout import META_SHEET
from ..verification.layout import LISTING_MARK, VERIFICATION_SHEET
from .archive import read_part
from .marks import SheetMarks, ods_marks, xls_marks, xlsx_marks
from .package import saved_at
from .workbook import OpenedWorkbook

__all__ = ["VerificationFile", "hidden_listing", "one_sheet", "read_verification", "sheet_marks"]


@dataclass(frozen=True)
class VerificationFile:
    """A verification workbook read back."""

    path: Path
    format: str  # "xlsx", "xlsm", "xls" or "ods", from the content
    metadata: Mapping[str, str]
    saved_at: datetime | None
    listing: tuple[tuple[str, ...], ...]  # the hidden listing: (row, unit, criterion, self)
    sheet: str  # the verification sheet ("" when the workbook has none)
    cells: Sequence[Sequence[CellValue]]  # the verification sheet, from A1
    error_cells: Mapping[str, str]  # cells holding an Excel error value (read as blank)

    def cell(self, ref: str) -> CellValue:
        row, col = parse_cell(ref)
        if 0 <= row < len(self.cells) and 0 <= col < len(self.cells[row]):
            return self.cells[row][col]
        return None


def read_verification(opened: OpenedWorkbook, metadata: Mapping[str, str]) -> VerificationFile:
    """The verification workbook in an opened workbook whose hidden information was read as
    ``metadata``; raises :class:`~thidua_xlsx.errors.UnusableFileError` when a sheet cannot
    be read within bounds."""
    listing = hidden_listing(opened, LISTING_MARK, 4)
    name, cells, errors = one_sheet(opened, metadata.get("sheet") or VERIFICATION_SHEET)
    return VerificationFile(
        path=opened.path,
        format=opened.format,
        metadata=metadata,
        saved_at=saved_at(opened.data, opened.archive, opened.format),
        listing=listing,
        sheet=name,
        cells=cells,
        error_cells=errors,
    )


def hidden_listing(opened: OpenedWorkbook, mark: str, width: int) -> tuple[tuple[str, ...], ...]:
    """The rows of the hidden sheet marked ``mark`` in column A: their next ``width`` cells as
    text (the listing an upper level's workbook keeps of what it was written for)."""
    return tuple(
        tuple(cell_text(v).strip() for v in row[1 : width + 1])
        for row in opened.load(META_SHEET)[0].to_python(skip_empty_area=False)
        if row and cell_text(row[0]).strip() == mark and len(row) > width
    )


def one_sheet(
    opened: OpenedWorkbook, name: str
) -> tuple[str, Sequence[Sequence[CellValue]], Mapping[str, str]]:
    """The sheet ``name``: its name, its cells from A1 and the cells holding an Excel error
    value; ``("", [], {})`` when the workbook has no such sheet."""
    if name not in opened.names:
        return "", [], {}
    sheet, xml = opened.load(name)
    return name, sheet.to_python(skip_empty_area=False), sheet_marks(opened, xml, name).errors


def sheet_marks(opened: OpenedWorkbook, sheet_xml: bytes, sheet_name: str) -> SheetMarks:
    """The cells of a sheet (the verification sheet, a tally) holding error values (and
    formulas), in every format (see :mod:`~thidua_xlsx.intake.marks`)."""
    kind, archive, names = opened.format, opened.archive, opened.names
    if kind in ("xlsx", "xlsm"):
        return xlsx_marks(sheet_xml)
    if kind == "ods" and archive is not None:
        content = read_part(opened.data, archive, "content.xml")
        return ods_marks(content, names, names.index(sheet_name))
    return xls_marks(opened.data, sheet_name)
