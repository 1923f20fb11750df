"""What an input cell holds, as the number, Đạt/Không đạt or text it is meant to be (pure).

Each function takes a cell's value as read and gives back the usable value with the problems
found in it (issue codes with what to show), never raising: numbers typed as text, with a
decimal comma or with words after them, dates where a number belongs (Excel counts their
serial number), Excel error values, texts too long, not in NFC or in an old Vietnamese
encoding. Where the problem sits (file, sheet, cell, criterion) is the caller's to say.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from ..core.cellref import CellValue
from ..core.legacy_encodings import fix_legacy_text
from ..core.vi_text import format_decimal, parse_decimal

__all__ = [
    "EXCEL_ERRORS",
    "TEXT_MAX_LENGTH",
    "CellProblem",
    "NumberRead",
    "excel_serial",
    "is_blank",
    "is_excel_error",
    "read_met",
    "read_number",
    "read_text",
    "shown",
]

EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!")
TOO_LARGE = Decimal(10**15)  # a count, result or score at least this is a typing mistake
TEXT_MAX_LENGTH = 2000  # the scorecard's validation on evidence and explanation cells
_NUMBER_WITH_TEXT = re.compile(r"^\s*([+-]?[0-9][0-9.,]*)\s*([^\d\s].*)$")


@dataclass(frozen=True)
class CellProblem:
    """An issue code about one cell, with the value to show and the message's fields."""

    code: str
    value: object = ""
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class NumberRead:
    """A number cell as read: the number to count (``None``: blank or not usable), what is
    wrong with it, and how Excel sees it: a cell holding text (a number typed as text, a date
    typed where a number belongs) is not counted by the card's own formulas, or counted as
    ``excel_number`` (a date's serial number)."""

    number: Decimal | None
    problems: tuple[CellProblem, ...] = ()
    as_text: bool = False
    excel_number: Decimal | None = None


def read_number(value: CellValue, error: str | None = None) -> NumberRead:
    """A number from an input cell, with a problem for anything else; ``error`` is the Excel
    error value the file holds in the cell (calamine reads it as blank)."""
    if error is not None:
        return NumberRead(None, (CellProblem("value_excel_error", error),))
    read = _number(value)
    if read.number is not None and abs(read.number) >= TOO_LARGE:  # no score is that large
        too_large = CellProblem("value_too_large", value)
        return NumberRead(None, (*read.problems, too_large), read.as_text, read.excel_number)
    return read


def _number(value: CellValue) -> NumberRead:
    if is_blank(value):
        return NumberRead(None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # the usual case
        number = parse_decimal(value)
        if number is None:
            return NumberRead(None, (CellProblem("value_not_number", value),))
        return NumberRead(number)
    if isinstance(value, bool):
        return NumberRead(None, (CellProblem("value_not_number", value),))
    if isinstance(value, (datetime, date, time, timedelta)):
        problem = CellProblem("value_date", value)
        return NumberRead(None, (problem,), as_text=True, excel_number=excel_serial(value))
    text = unicodedata.normalize("NFC", str(value)).strip()
    if text.upper() in EXCEL_ERRORS:
        return NumberRead(None, (CellProblem("value_excel_error", text),))
    number = parse_decimal(text)
    if number is not None:
        kind = "value_decimal_comma" if "," in text else "value_number_as_text"
        problem = CellProblem(kind, text, {"number": format_decimal(number)})
        return NumberRead(number, (problem,), as_text=True)
    match = _NUMBER_WITH_TEXT.match(text)
    embedded = parse_decimal(match.group(1)) if match else None
    if embedded is not None:
        problem = CellProblem("value_number_with_text", text, {"number": format_decimal(embedded)})
    else:
        problem = CellProblem("value_not_number", text)
    return NumberRead(None, (problem,))


def read_met(value: CellValue) -> tuple[bool | None, CellProblem | None]:
    """``Đạt`` as True, ``Không đạt`` as False (any case), blank as None; anything else is
    None with a problem."""
    if is_blank(value):
        return None, None
    text = unicodedata.normalize("NFC", str(value)).strip().lower()
    if text == "đạt":
        return True, None
    if text == "không đạt":
        return False, None
    return None, CellProblem("dat_invalid", shown(value))


def read_text(value: CellValue) -> tuple[str, tuple[CellProblem, ...]]:
    """An evidence or explanation cell as text: cut to :data:`TEXT_MAX_LENGTH`, in NFC, old
    Vietnamese encodings (TCVN3, VNI) converted, with a problem for each of these; trimmed."""
    if value is None or is_blank(value):
        return "", ()
    text = str(value) if not isinstance(value, float) else shown(value)
    problems: list[CellProblem] = []
    if len(text) > TEXT_MAX_LENGTH:
        limits = {"length": len(text), "limit": TEXT_MAX_LENGTH}
        problems.append(CellProblem("text_too_long", params=limits))
        text = text[:TEXT_MAX_LENGTH]
    if text.isascii():  # already NFC, and never legacy-encoded
        return text.strip(), tuple(problems)
    if not unicodedata.is_normalized("NFC", text):
        problems.append(CellProblem("text_not_nfc"))
        text = unicodedata.normalize("NFC", text)
    fixed, encoding = fix_legacy_text(text)
    if encoding is not None:
        converted = {"fixed": fixed[:60], "encoding": encoding.upper()}
        problems.append(CellProblem("text_legacy_encoding", text[:60], converted))
        text = fixed
    return text.strip(), tuple(problems)


def excel_serial(value: datetime | date | time | timedelta) -> Decimal:
    """The number Excel stores for a date or time: days since 30/12/1899, or since 31/12/1899
    before March 1900 (Excel counts a 29/02/1900 that never was)."""
    if isinstance(value, datetime):
        base = datetime(1899, 12, 30) if value >= datetime(1900, 3, 1) else datetime(1899, 12, 31)
        delta = value - base
    elif isinstance(value, date):
        delta = value - (date(1899, 12, 30) if value >= date(1900, 3, 1) else date(1899, 12, 31))
    elif isinstance(value, time):
        delta = timedelta(hours=value.hour, minutes=value.minute, seconds=value.second)
    else:
        delta = value
    return Decimal(delta.days) + Decimal(delta.seconds) / Decimal(86400)


def is_excel_error(value: CellValue) -> bool:
    """An Excel error value written as text (``#DIV/0!``, ``#N/A``…)."""
    return isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: CellValue) -> str:
    """A cell's value as a message shows it: a float as people write the number (``2,5``,
    ``3``), blank as empty text."""
    if isinstance(value, float):
        number = parse_decimal(value)
        return format_decimal(number) if number is not None else str(value)
    return "" if value is None else str(value)
