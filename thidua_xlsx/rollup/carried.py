"""A unit a summary carries (pure): one row of its data sheet, decoded.

The row holds what the level below checked and ranked: the unit's code, name and card kind,
when its file was saved, which file it was, the total it scored there, and the values it
entered, by criterion and column (see :mod:`~thidua_xlsx.rollup.data_sheet` for where each
sits, :mod:`~thidua_xlsx.rollup.codec` for the text). Nothing in it is trusted: the level
that reads it checks and scores every value again, as on a card.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..core.cellref import CellValue, cell_name, cell_text
from ..core.timestamps import parse_timestamp
from .codec import RollupDataError, Value, decode_inputs, text_check
from .data_sheet import (
    DATA_CHECK_COL,
    DATA_CODES_COL,
    DATA_INPUTS_COL,
    DATA_LOWER_COL,
    DATA_LOWER_UNIT_COL,
    DATA_RETURNED_MARK,
    DATA_STATUS_COL,
    DATA_TOTAL_COL,
    DATA_UNIT_MARK,
)

__all__ = [
    "RETURNED_STATUSES",
    "CarriedUnit",
    "ReturnedUnit",
    "carried_unit",
    "is_returned_row",
    "is_unit_row",
    "returned_unit",
]

RETURNED_STATUSES = ("rejected", "blank")  # what a returned unit's status says


@dataclass(frozen=True)
class CarriedUnit:
    """One unit's row of a summary's data sheet."""

    code: str  # "" when the row names none
    name: str
    card_kind: str  # "full", "sector" or "composed", as the unit's card said
    saved_at: datetime | None  # when the unit's file was saved
    source: str  # the file it came from at the level below ("?" when the row names none)
    total: CellValue  # its own total as the summary holds it
    # what it entered: criterion code → input column name (see INPUT_COLUMNS) → value
    entered: Mapping[str, Mapping[str, Value]] = field(default_factory=dict)
    sheet: str = ""  # the data sheet holding the row
    row: int = 0  # 0-based
    damage: str = ""  # why the entered values could not be decoded ("" when they could)

    @property
    def entered_ref(self) -> str:
        """The cell where its entered values begin (every value is in that text)."""
        return cell_name(self.row, DATA_INPUTS_COL)

    @property
    def total_ref(self) -> str:
        return cell_name(self.row, DATA_TOTAL_COL)


def is_unit_row(row: Sequence[CellValue]) -> bool:
    """A row that carries a unit (it starts with :data:`DATA_UNIT_MARK`)."""
    return bool(row) and cell_text(row[0]).strip() == DATA_UNIT_MARK


def carried_unit(sheet: str, index: int, row: Sequence[CellValue]) -> CarriedUnit:
    """The unit on row ``index`` (0-based) of data sheet ``sheet``. Text that does not match
    its checksum or does not decode is not read at all: the unit comes back with no entered
    values and the reason in :attr:`CarriedUnit.damage`."""
    head = [cell_text(v).strip() for v in row[:DATA_TOTAL_COL]] + [""] * DATA_TOTAL_COL
    text = "".join(v for v in row[DATA_INPUTS_COL:] if isinstance(v, str))
    entered: dict[str, dict[str, Value]] = {}
    damage = ""
    try:
        if cell_text(_at(row, DATA_CHECK_COL)).strip() != text_check(head[1], text):
            raise RollupDataError(f"{cell_name(index, DATA_CHECK_COL)} ≠ CRC-32")
        entered = decode_inputs(text)
    except RollupDataError as exc:
        damage = str(exc)
    return CarriedUnit(
        code=head[1],
        name=head[2],
        card_kind=head[3],
        saved_at=parse_timestamp(head[4]),
        source=head[5] or "?",
        total=_at(row, DATA_TOTAL_COL),
        entered=entered,
        sheet=sheet,
        row=index,
        damage=damage,
    )


def _at(row: Sequence[CellValue], col: int) -> CellValue:
    return row[col] if col < len(row) else None


@dataclass(frozen=True)
class ReturnedUnit:
    """A unit whose file the level below did not count: rejected there, or a card sent
    back blank (a row marked :data:`DATA_RETURNED_MARK`). It carries no entered values."""

    code: str
    name: str
    card_kind: str
    saved_at: datetime | None
    source: str  # the unit's file at the level where it was rejected ("?" when unnamed)
    status: str  # "rejected" or "blank" (an unknown word reads as "rejected")
    codes: tuple[str, ...]  # the codes of the errors that rejected it
    lower: str = ""  # rejected further below: that summary's file ("" : this summary's level)
    lower_unit: str = ""  # and its issuing unit
    sheet: str = ""
    row: int = 0  # 0-based


def is_returned_row(row: Sequence[CellValue]) -> bool:
    """A row that carries a unit rejected at the level below."""
    return bool(row) and cell_text(row[0]).strip() == DATA_RETURNED_MARK


def returned_unit(sheet: str, index: int, row: Sequence[CellValue]) -> ReturnedUnit:
    """The returned unit on row ``index`` (0-based) of data sheet ``sheet``."""
    cells = [cell_text(_at(row, col)).strip() for col in range(DATA_LOWER_UNIT_COL + 1)]
    status = cells[DATA_STATUS_COL]
    codes = tuple(c.strip() for c in cells[DATA_CODES_COL].split(",") if c.strip())
    return ReturnedUnit(
        code=cells[1],
        name=cells[2],
        card_kind=cells[3],
        saved_at=parse_timestamp(cells[4]),
        source=cells[5] or "?",
        status=status if status in RETURNED_STATUSES else "rejected",
        codes=codes,
        lower=cells[DATA_LOWER_COL],
        lower_unit=cells[DATA_LOWER_UNIT_COL],
        sheet=sheet,
        row=index,
    )
