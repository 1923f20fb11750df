"""A returned scorecard read into plain data (SPEC §6): the card's sheet found (by name, or by
its criterion codes when renamed), its rows by criterion code (so inserted or re-sorted rows
still read), the TỔNG ĐIỂM row by its label, the cells holding formulas or error values, and
the merged ranges.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import python_calamine

from ..core.cellref import CellValue, cell_name, parse_cell
from ..core.criterion_codes import normalise_code
from ..errors import UnusableFileError
from ..scorecard.layout import COL, META_SHEET, SCORECARD_SHEET, TOTAL_LABEL
from .archive import read_part, read_structural_part
from .marks import SheetMarks, ods_marks, parse_untrusted, xls_marks, xlsx_marks
from .number_formats import xlsx_percent_styles
from .package import external_links, has_macros, saved_at
from .workbook import OpenedWorkbook

__all__ = ["CriterionRow", "ScorecardFile", "read_scorecard"]


@dataclass(frozen=True)
class CriterionRow:
    """One criterion's row as found in the file; cells by column name (see ``COL``)."""

    code: str
    row: int  # 0-based
    values: Sequence[CellValue]

    def value(self, column: str) -> CellValue:
        try:
            return self.values[COL[column]]
        except IndexError:  # a row shorter than the table (the columns are never negative)
            return None

    def ref(self, column: str) -> str:
        return cell_name(self.row, COL[column])


@dataclass(frozen=True)
class ScorecardFile:
    """Everything read from a returned scorecard, as plain data."""

    path: Path
    format: str  # "xlsx", "xlsm", "xls" or "ods", from the content
    sheet: str  # the scorecard sheet's name as found
    metadata: Mapping[str, str]
    rows: Mapping[str, CriterionRow]  # by criterion code, first occurrence
    duplicate_rows: tuple[tuple[str, int], ...]  # a code found again: (code, 0-based row)
    cells: Sequence[Sequence[CellValue]]  # the whole scorecard sheet, from A1
    # cells of the scorecard sheet holding a formula (every format; see intake.marks)
    formula_cells: frozenset[str]
    # cells holding an Excel error value (#DIV/0!…), which calamine reads as blank
    error_cells: Mapping[str, str]
    total_row: int | None  # 0-based row of the TỔNG ĐIỂM line, found by its label
    saved_at: datetime | None
    sheet_renamed: bool = False
    metadata_visible: bool = False
    macros: bool = False  # a VBA project, macro sheets, ActiveX or embedded objects (never run)
    external_links: int = 0  # links to other workbooks (never followed)
    merged: tuple[tuple[int, int, int, int], ...] = ()  # merged ranges, 0-based r0, c0, r1, c1
    # cells whose number format shows a percentage: 0.86 there was seen as 86% (every format;
    # see intake.number_formats)
    percent_cells: frozenset[str] = frozenset()

    def cell(self, ref: str) -> CellValue:
        row, col = parse_cell(ref)
        if 0 <= row < len(self.cells) and 0 <= col < len(self.cells[row]):
            return self.cells[row][col]
        return None


def read_scorecard(
    opened: OpenedWorkbook, metadata: Mapping[str, str], metadata_visible: bool
) -> ScorecardFile:
    """The scorecard in an opened workbook, whose hidden information was read as ``metadata``
    (from a visible sheet: ``metadata_visible``); raises :class:`UnusableFileError`."""
    name, renamed = _find_scorecard_sheet(opened)
    sheet, sheet_xml = opened.load(name)
    cells = sheet.to_python(skip_empty_area=False)
    rows, duplicates = _criterion_rows(cells)
    marks = _marks(opened, sheet_xml, name)
    return ScorecardFile(
        path=opened.path,
        format=opened.format,
        sheet=name,
        metadata=metadata,
        rows=rows,
        duplicate_rows=tuple(duplicates),
        cells=cells,
        formula_cells=marks.formulas,
        error_cells=marks.errors,
        total_row=_find_total_row(cells),
        saved_at=saved_at(opened.data, opened.archive, opened.format),
        sheet_renamed=renamed,
        metadata_visible=metadata_visible,
        macros=has_macros(opened.data, opened.archive, opened.structure),
        external_links=external_links(opened.archive, opened.structure),
        merged=_merged(sheet),
        percent_cells=marks.percents,
    )


def _marks(opened: OpenedWorkbook, sheet_xml: bytes, sheet_name: str) -> SheetMarks:
    """Formula and error cells of the scorecard sheet, in every format (see intake.marks)."""
    kind, archive, names = opened.format, opened.archive, opened.names
    if kind in ("xlsx", "xlsm"):
        return xlsx_marks(sheet_xml, _percent_styles(opened))
    if kind == "ods" and archive is not None:
        content = read_part(opened.data, archive, "content.xml")
        return ods_marks(content, names, names.index(sheet_name))
    return xls_marks(opened.data, sheet_name)


def _percent_styles(opened: OpenedWorkbook) -> frozenset[str]:
    """The cell formats of an .xlsx whose number format shows a percentage; none when the
    styles part is missing or cannot be read (the file is still checked: see
    intake.number_formats)."""
    structure, archive = opened.structure, opened.archive
    if structure is None or structure.styles_part is None or archive is None:
        return frozenset()
    try:
        return _styles_percent(read_structural_part(opened.data, archive, structure.styles_part))
    except Exception:  # a help for reading, never a reason to refuse the file
        return frozenset()


_BUILTIN_PERCENT = (b'numFmtId="9"', b'numFmtId="10"')


@lru_cache(maxsize=32)  # cards saved by one program from one template share their styles
def _styles_percent(xml: bytes) -> frozenset[str]:
    cell_formats = xml.find(b"cellXfs")
    if cell_formats < 0:
        return frozenset()
    if b"%" not in xml and not any(mark in xml[cell_formats:] for mark in _BUILTIN_PERCENT):
        return frozenset()  # the usual card: no cell format shows a percentage
    return xlsx_percent_styles(parse_untrusted(xml))


def _merged(sheet: python_calamine.CalamineSheet) -> tuple[tuple[int, int, int, int], ...]:
    try:
        ranges = sheet.merged_cell_ranges or []
    except (python_calamine.CalamineError, ValueError, AttributeError):
        return ()
    return tuple((r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges)


def _find_scorecard_sheet(opened: OpenedWorkbook) -> tuple[str, bool]:
    names = opened.names
    if SCORECARD_SHEET in names:
        return SCORECARD_SHEET, False
    for name in names:  # renamed: the first sheet whose column A holds criterion codes
        if name == META_SHEET:
            continue
        cells = opened.load(name)[0].to_python(skip_empty_area=False)
        if len(_criterion_rows(cells)[0]) >= 1:
            return name, True
    raise UnusableFileError("file_no_scorecard_sheet", ", ".join(names))


def _criterion_rows(
    cells: Sequence[Sequence[CellValue]],
) -> tuple[dict[str, CriterionRow], list[tuple[str, int]]]:
    rows: dict[str, CriterionRow] = {}
    duplicates: list[tuple[str, int]] = []
    code_col = COL["code"]
    for index, row in enumerate(cells):
        raw = row[code_col] if len(row) > code_col else None
        if not isinstance(raw, str) or not raw or len(raw) > 20:
            continue
        code = normalise_code(raw)
        if code is None:
            continue
        if code in rows:
            # keep the row that still looks like the template's (it has its max points)
            first = rows[code]
            if not _is_number(first.value("max")) and _is_number(_at(row, COL["max"])):
                duplicates.append((code, first.row))
            else:
                duplicates.append((code, index))
                continue
        rows[code] = CriterionRow(code, index, row)
    return rows, duplicates


def _at(row: Sequence[CellValue], col: int) -> CellValue:
    return row[col] if col < len(row) else None


def _is_number(value: CellValue) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _find_total_row(cells: Sequence[Sequence[CellValue]]) -> int | None:
    """The TỔNG ĐIỂM row, found by its label (rows may have been inserted above it)."""
    for index in range(len(cells) - 1, -1, -1):
        label = _at(cells[index], 0)
        if isinstance(label, str) and label.strip().upper() == TOTAL_LABEL:
            return index
    return None
