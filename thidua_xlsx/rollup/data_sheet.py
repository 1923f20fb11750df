"""Where a summary keeps the units it ranked (pure): its very hidden data sheets.

One row per unit: :data:`DATA_UNIT_MARK`, the unit's code, name, card kind, saved time and
source file (columns A–F), its own total (:data:`DATA_TOTAL_COL`), the checksum of its text
(:data:`DATA_CHECK_COL`), then the text of its entered inputs over as many cells as it needs,
from :data:`DATA_INPUTS_COL` on (the text: :mod:`~thidua_xlsx.rollup.codec`). A large summary
goes on over ``_thidua_dulieu_2``, ``_thidua_dulieu_3``…
"""

from __future__ import annotations

__all__ = [
    "DATA_CHECK_COL",
    "DATA_INPUTS_COL",
    "DATA_SHEET",
    "DATA_TOTAL_COL",
    "DATA_UNIT_MARK",
    "is_data_sheet",
]

DATA_SHEET = "_thidua_dulieu"
DATA_UNIT_MARK = "ĐƠN VỊ"
DATA_TOTAL_COL = 6
DATA_CHECK_COL = 7
DATA_INPUTS_COL = 8


def is_data_sheet(name: str) -> bool:
    """The first data sheet or one that goes on from it."""
    return name == DATA_SHEET or name.startswith(f"{DATA_SHEET}_")
