"""A returned summary read into plain data: the units it carries, one row each on its data
sheets (see :mod:`thidua_xlsx.rollup`), for the level above to check and score again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..rollup.carried import (
    CarriedUnit,
    ReturnedUnit,
    carried_unit,
    is_returned_row,
    is_unit_row,
    returned_unit,
)
from ..rollup.data_sheet import is_data_sheet
from ..rollup.definition import DEFINITION_SHEET, MAX_DEFINITION_CHARS
from .package import saved_at
from .workbook import MAX_DATA_CELLS, OpenedWorkbook

__all__ = ["VERIFIED_SHEET", "SummaryFile", "read_summary"]

# the summary's sheet of the scores its level verified (written by summary/writer.py): unit
# code in A, criterion in C, the verified score in E; read for the dossier only (the level
# above never takes a lower level's verification: it verifies in its own workbook)
VERIFIED_SHEET = "Thẩm định"
_VERIFIED_UNIT, _VERIFIED_CRITERION, _VERIFIED_SCORE = 0, 2, 4


@dataclass(frozen=True)
class SummaryFile:
    """A summary workbook read back: its hidden information and the units it carries."""

    path: Path
    format: str  # "xlsx", "xlsm", "xls" or "ods", from the content
    metadata: Mapping[str, str]
    saved_at: datetime | None
    data_sheets: tuple[str, ...]  # the data sheets found, in workbook order
    members: tuple[CarriedUnit, ...]  # in the order of the data sheets' rows
    returned: tuple[ReturnedUnit, ...] = ()  # units rejected at the level below
    # the scores this level verified (its *Thẩm định* sheet): unit → criterion → score
    verified: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    # the campaign definition's text it carries (``thidua trend``; read only when asked for):
    # None when it has no definition sheet (written before summaries carried one)
    definition: str | None = None


def read_summary(
    opened: OpenedWorkbook,
    metadata: Mapping[str, str],
    verified: bool = False,
    definition: bool = False,
) -> SummaryFile:
    """The units on the summary's data sheets (a large summary goes on over
    ``_thidua_dulieu_2``, ``_thidua_dulieu_3``…), and with ``verified`` the scores on its
    *Thẩm định* sheet (for the dossier; a merge never reads them), with ``definition`` the
    text of its campaign definition (for the trend); raises
    :class:`UnusableFileError` when a sheet cannot be read within bounds."""
    saved = saved_at(opened.data, opened.archive, opened.format)
    names = tuple(n for n in opened.names if is_data_sheet(n))
    members = []
    returned = []
    for name in names:
        cells = opened.load(name, MAX_DATA_CELLS)[0].to_python(skip_empty_area=False)
        for index, row in enumerate(cells):
            if is_unit_row(row):
                members.append(carried_unit(name, index, row))
            elif is_returned_row(row):
                returned.append(returned_unit(name, index, row))
    return SummaryFile(
        opened.path,
        opened.format,
        metadata,
        saved,
        names,
        tuple(members),
        tuple(returned),
        _verified(opened) if verified else {},
        _definition(opened) if definition else None,
    )


def _definition(opened: OpenedWorkbook) -> str | None:
    """The text of the campaign definition down column A of its sheet (see
    :mod:`thidua_xlsx.rollup.definition`), ``None`` when the summary has none; text beyond the
    definition's bound is cut there (and then refused as damaged)."""
    if DEFINITION_SHEET not in opened.names:
        return None
    rows = opened.load(DEFINITION_SHEET, MAX_DATA_CELLS)[0].to_python(skip_empty_area=False)
    parts: list[str] = []
    size = 0
    for row in rows:
        if row and isinstance(row[0], str):
            parts.append(row[0])
            size += len(row[0])
            if size > MAX_DEFINITION_CHARS:
                break
    return "".join(parts)


def _verified(opened: OpenedWorkbook) -> dict[str, dict[str, Decimal]]:
    """The verified scores on the *Thẩm định* sheet, when there is one (rows whose score is
    not a number are left out)."""
    if VERIFIED_SHEET not in opened.names:
        return {}
    scores: dict[str, dict[str, Decimal]] = {}
    rows = opened.load(VERIFIED_SHEET, MAX_DATA_CELLS)[0].to_python(skip_empty_area=False)
    for row in rows[1:]:
        if len(row) <= _VERIFIED_SCORE:
            continue
        unit, code, score = row[_VERIFIED_UNIT], row[_VERIFIED_CRITERION], row[_VERIFIED_SCORE]
        if not isinstance(unit, str) or not isinstance(code, str):
            continue
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            continue
        try:
            value = Decimal(str(score))
        except InvalidOperation:
            continue
        if value.is_finite():
            scores.setdefault(unit.strip(), {})[code.strip()] = value
    return scores
