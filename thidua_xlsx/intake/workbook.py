"""A returned workbook once open: its bytes, format and zip archive, and its sheets, each built
by python-calamine only once its size is known to be sane (SPEC §9).

calamine allocates rows × columns of a sheet's used area, so one far cell would make it ask for
terabytes: a sheet's XML is bounded first (:mod:`~thidua_xlsx.intake.extent`), by its declared
size and by the cells it would span. An .ods is bounded as a whole before it is opened
(calamine expands every table then, see :func:`check_ods_extent`); an .xls cannot exceed
65,536 × 256 cells.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from ..errors import UnusableFileError
from .archive import MAX_UNPACKED_BYTES, read_part, size_text
from .extent import ods_refusal, xlsx_refusal
from .structure import PackageStructure

__all__ = [
    "MAX_DATA_CELLS",
    "MAX_SHEET_BYTES",
    "MAX_SHEET_CELLS",
    "OpenedWorkbook",
    "check_ods_extent",
]

MAX_SHEET_BYTES = 16 * 1024 * 1024  # one sheet's XML (a scorecard's is under 200 KB)
MAX_SHEET_CELLS = 2_000_000  # rows × columns of a sheet read (a scorecard: under 2,000)
MAX_DATA_CELLS = 20_000_000  # a summary's data sheet: a row per unit (2,000 units: 16,000)


@dataclass
class OpenedWorkbook:
    """A returned workbook open in python-calamine, with what it was opened from."""

    path: Path
    format: str  # "xlsx", "xlsm", "xls" or "ods", from the content
    data: bytes
    archive: zipfile.ZipFile | None  # the zip-based formats
    structure: PackageStructure | None  # .xlsx/.xlsm: which part holds each sheet
    workbook: python_calamine.CalamineWorkbook
    names: list[str] = field(init=False)  # the sheets in workbook order (asked of calamine once)

    def __post_init__(self) -> None:
        self.names = self.workbook.sheet_names

    def load(
        self, name: str, max_cells: int = MAX_SHEET_CELLS
    ) -> tuple[python_calamine.CalamineSheet, bytes]:
        """The sheet, and its XML for .xlsx/.xlsm (empty otherwise)."""
        xml = b""
        if self.structure is not None:
            xml = self._part(self.structure.sheet(name).part, max_cells)
            refusal = xlsx_refusal(xml, max_cells)
            if refusal is not None:
                raise UnusableFileError(*refusal)
        return self.workbook.get_sheet_by_name(name), xml

    def _part(self, name: str, max_cells: int) -> bytes:
        archive = self.archive
        assert archive is not None
        limit = MAX_SHEET_BYTES if max_cells <= MAX_SHEET_CELLS else MAX_UNPACKED_BYTES
        declared = archive.NameToInfo[name].file_size
        if declared > limit:
            raise UnusableFileError("sheet_too_large", size_text(declared))
        return read_part(self.data, archive, name)


def check_ods_extent(content: bytes) -> None:
    """Refuse an .ods whose ``content.xml`` calamine would expand past the limits: it expands
    every table when it opens the file."""
    refusal = ods_refusal(content, MAX_SHEET_CELLS, MAX_DATA_CELLS)
    if refusal is not None:
        raise UnusableFileError(*refusal)
