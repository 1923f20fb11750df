"""Cell references: table-driven cases and a round-trip property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_xlsx.core.cellref import MAX_COLS, MAX_ROWS, cell_name, column_index, parse_cell

CASES = [
    (0, 0, "A1"),
    (0, 25, "Z1"),
    (0, 26, "AA1"),
    (9, 51, "AZ10"),
    (0, 702, "AAA1"),
    (0, 16383, "XFD1"),
    (1048575, 0, "A1048576"),
]


@pytest.mark.parametrize(("row", "col", "name"), CASES)
def test_cell_name_table(row: int, col: int, name: str) -> None:
    assert cell_name(row, col) == name
    assert parse_cell(name) == (row, col)


def test_absolute_and_lower_case_references_parse() -> None:
    assert parse_cell("$c$15") == (14, 2)


@pytest.mark.parametrize("bad", ["", "A0", "1A", "XFE1", "A1048577", "A-1", "Ă1"])
def test_bad_references_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match=r"out of range|not a"):
        parse_cell(bad)


def test_out_of_range_indices_are_refused() -> None:
    with pytest.raises(ValueError, match="out of range"):
        cell_name(0, MAX_COLS)
    with pytest.raises(ValueError, match="out of range"):
        cell_name(MAX_ROWS, 0)
    with pytest.raises(ValueError, match="not a column"):
        column_index("A1")


@given(st.integers(0, MAX_ROWS - 1), st.integers(0, MAX_COLS - 1))
def test_round_trip(row: int, col: int) -> None:
    assert parse_cell(cell_name(row, col)) == (row, col)
