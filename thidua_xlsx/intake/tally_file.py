"""A Council's tally workbook read into plain data: its hidden information, the candidates it
lists and the cells of its tally sheet, with the cells holding error values. Nothing in it is
trusted: it is checked by :mod:`~thidua_xlsx.checking.tally`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.cellref import CellValue, parse_cell
from ..vote.layout import CANDIDATE_MARK, TALLY_SHEET
from .package import saved_at
from .verification_file import hidden_listing, one_sheet
from .workbook import OpenedWorkbook

__all__ = ["TallyFile", "read_tally"]


@dataclass(frozen=True)
class TallyFile:
    """A tally workbook read back."""

    path: Path
    format: str  # "xlsx", "xlsm", "xls" or "ods", from the content
    metadata: Mapping[str, str]
    saved_at: datetime | None
    listing: tuple[tuple[str, ...], ...]  # the hidden listing: (unit, name, total, rank, band)
    sheet: str  # the tally sheet ("" when the workbook has none)
    cells: Sequence[Sequence[CellValue]]  # the tally sheet, from A1
    error_cells: Mapping[str, str]  # cells holding an Excel error value (read as blank)

    def cell(self, ref: str) -> CellValue:
        row, col = parse_cell(ref)
        if 0 <= row < len(self.cells) and 0 <= col < len(self.cells[row]):
            return self.cells[row][col]
        return None


def read_tally(opened: OpenedWorkbook, metadata: Mapping[str, str]) -> TallyFile:
    """The tally in an opened workbook whose hidden information was read as ``metadata``;
    raises :class:`~thidua_xlsx.errors.UnusableFileError` when a sheet cannot be read within
    bounds."""
    listing = hidden_listing(opened, CANDIDATE_MARK, 5)
    name, cells, errors = one_sheet(opened, metadata.get("sheet") or TALLY_SHEET)
    return TallyFile(
        path=opened.path,
        format=opened.format,
        metadata=metadata,
        saved_at=saved_at(opened.data, opened.archive, opened.format),
        listing=listing,
        sheet=name,
        cells=cells,
        error_cells=errors,
    )
