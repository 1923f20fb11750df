"""Turn a spreadsheet file into plain data. The only module that imports a reading backend.

Rows are kept from A1 with blank rows in place, so row numbers in messages stay exact.
Accepts .xlsx, .xlsm, .xls and .ods (python-calamine reads all four; nothing is evaluated).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import python_calamine

from ..core.cellref import CellValue

__all__ = ["CellValue", "SheetData", "UnreadableWorkbookError", "read_workbook"]


class UnreadableWorkbookError(Exception):
    """The file is not a workbook a reader can open (carries the backend's reason)."""


@dataclass(frozen=True)
class SheetData:
    """One sheet: its name and its rows from A1, blank cells as ``None`` or ``""``."""

    name: str
    rows: Sequence[Sequence[CellValue]]

    def cell(self, row: int, col: int) -> CellValue:
        """Zero-based access that returns ``None`` outside the used area."""
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None


def read_workbook(path: Path) -> dict[str, SheetData]:
    """Read every worksheet of ``path``; raises :class:`UnreadableWorkbookError` if it cannot."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except (python_calamine.CalamineError, OSError, ValueError) as exc:
        raise UnreadableWorkbookError(str(exc)) from exc
    sheets: dict[str, SheetData] = {}
    try:
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            sheets[name] = SheetData(name, rows)
    except (python_calamine.CalamineError, ValueError) as exc:
        raise UnreadableWorkbookError(str(exc)) from exc
    finally:
        workbook.close()
    return sheets
