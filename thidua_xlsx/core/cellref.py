"""Cells: what a cell holds once read (:data:`CellValue`) and its text, and zero-based
(row, col) to and from ``A1`` notation. Pure."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

__all__ = ["CellValue", "cell_name", "cell_text", "column_index", "column_letters", "parse_cell"]

# a cell's value as the reading libraries give it (blank as None or "")
CellValue = str | int | float | bool | date | datetime | time | timedelta | None


def cell_text(value: CellValue) -> str:
    """A cell's value as text: blank as ``""``, a whole float without its ``.0``, a date in
    ISO form, anything else as ``str`` gives it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


MAX_ROWS = 1_048_576
MAX_COLS = 16_384
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def column_letters(col: int) -> str:
    """Zero-based column index to letters: 0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    if not 0 <= col < MAX_COLS:
        raise ValueError(f"column index out of range: {col}")
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """Column letters to a zero-based index: ``A`` → 0, ``XFD`` → 16383."""
    if not letters.isalpha() or not letters.isascii():
        raise ValueError(f"not a column: {letters!r}")
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - ord("A") + 1)
    if index > MAX_COLS:
        raise ValueError(f"column out of range: {letters!r}")
    return index - 1


_FIRST_COLUMNS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def cell_name(row: int, col: int) -> str:
    """Zero-based (row, col) to ``A1`` notation: (0, 0) → ``A1``."""
    if not 0 <= row < MAX_ROWS:
        raise ValueError(f"row index out of range: {row}")
    letters = _FIRST_COLUMNS[col] if 0 <= col < 26 else column_letters(col)
    return f"{letters}{row + 1}"


def parse_cell(ref: str) -> tuple[int, int]:
    """``A1`` (or ``$A$1``) to zero-based (row, col)."""
    match = _CELL.fullmatch(ref.strip())
    if not match:
        raise ValueError(f"not a cell reference: {ref!r}")
    row = int(match.group(2)) - 1
    if not 0 <= row < MAX_ROWS:
        raise ValueError(f"row out of range: {ref!r}")
    return row, column_index(match.group(1))
