"""A returned summary read into plain data: the units it carries, one row each on its data
sheets (see :mod:`thidua_xlsx.rollup`), for the level above to check and score again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
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
from .package import saved_at
from .workbook import MAX_DATA_CELLS, OpenedWorkbook

__all__ = ["SummaryFile", "read_summary"]


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


def read_summary(opened: OpenedWorkbook, metadata: Mapping[str, str]) -> SummaryFile:
    """The units on the summary's data sheets (a large summary goes on over
    ``_thidua_dulieu_2``, ``_thidua_dulieu_3``…); raises :class:`UnusableFileError` when a
    sheet cannot be read within bounds."""
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
        opened.path, opened.format, metadata, saved, names, tuple(members), tuple(returned)
    )
