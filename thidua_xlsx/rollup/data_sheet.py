"""Where a summary keeps the units it ranked (pure): its very hidden data sheets.

One row per unit: :data:`DATA_UNIT_MARK`, the unit's code, name, card kind, saved time and
source file (columns A–F), its own total (:data:`DATA_TOTAL_COL`), the checksum of its text
(:data:`DATA_CHECK_COL`), then the text of its entered inputs over as many cells as it needs,
from :data:`DATA_INPUTS_COL` on (the text: :mod:`~thidua_xlsx.rollup.codec`). A large summary
goes on over ``_thidua_dulieu_2``, ``_thidua_dulieu_3``…

A unit whose file this level did not count (rejected, or a card sent back blank, here or at
a level further below) has a row of its own after the ranked ones, starting with
:data:`DATA_RETURNED_MARK`: its code, name, card kind, saved time and source file (A–F), its
status (:data:`DATA_STATUS_COL`: ``rejected`` or ``blank``), the codes of the errors that
rejected it (:data:`DATA_CODES_COL`, comma-separated), and where it was rejected when that was
further below: the summary's file and issuing unit (:data:`DATA_LOWER_COL`,
:data:`DATA_LOWER_UNIT_COL`; blank when it was this summary's level). These rows carry no
entered values: the level above shows the unit as rejected at the level below, never scores
it. Summaries written before these rows existed have none, and a reader that does not know
the mark skips them (it reads only rows marked :data:`DATA_UNIT_MARK`): the format of the
ranked units' rows is unchanged.
"""

from __future__ import annotations

__all__ = [
    "DATA_CHECK_COL",
    "DATA_CODES_COL",
    "DATA_INPUTS_COL",
    "DATA_LOWER_COL",
    "DATA_LOWER_UNIT_COL",
    "DATA_RETURNED_MARK",
    "DATA_SHEET",
    "DATA_STATUS_COL",
    "DATA_TOTAL_COL",
    "DATA_UNIT_MARK",
    "is_data_sheet",
]

DATA_SHEET = "_thidua_dulieu"
DATA_UNIT_MARK = "ĐƠN VỊ"
DATA_TOTAL_COL = 6
DATA_CHECK_COL = 7
DATA_INPUTS_COL = 8
# a unit rejected at this level or below (see above)
DATA_RETURNED_MARK = "TRẢ LẠI"
DATA_STATUS_COL = 6
DATA_CODES_COL = 7
DATA_LOWER_COL = 8
DATA_LOWER_UNIT_COL = 9


def is_data_sheet(name: str) -> bool:
    """The first data sheet or one that goes on from it."""
    return name == DATA_SHEET or name.startswith(f"{DATA_SHEET}_")
