"""The units' inputs a summary carries for the next level, as text (pure: no spreadsheet
library).

A summary's very hidden data sheet has one row per ranked unit: the unit's code, name, card
kind, saved time, source file and own total, a checksum of the text, then its entered inputs
encoded here as JSON text, split over as many cells as needed (a cell holds at most 32,767
UTF-16 units, so at most 16,000 characters go in one). One row per unit, a few cells each,
keeps a country's summary small and quick to write; the next level checks the checksum,
decodes the text and checks and scores every value again, as on a card. Text that was cut,
edited by hand or forged (surrogates, numbers too long, too much text) is refused whole.

The text is a JSON object: criterion code → {the scorecard's column letter → value}, in the
card's order: F kết quả, E chỉ tiêu, H minh chứng, I giải trình, J điểm thẩm định. A value is
a JSON number or string, exactly what the card's cell would hold, e.g.
``{"I.4":{"F":21.0,"E":27.0,"H":"Văn bản số 39/BC"}}``.
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Mapping
from decimal import Decimal

from ..core.cellref import column_letters
from ..scorecard.layout import COL

__all__ = [
    "CHUNK_CHARS",
    "INPUT_COLUMNS",
    "MAX_TEXT_CHARS",
    "RollupDataError",
    "Value",
    "decode_inputs",
    "encode_inputs",
    "encode_row",
    "text_check",
]

CHUNK_CHARS = 16_000  # characters per cell: even all astral (2 UTF-16 units) under 32,767
MAX_TEXT_CHARS = 2_000_000  # one unit's text: 1,000 leaves of long evidence; refused beyond
_MAX_NUMBER_CHARS = 40  # a carried number's literal: far more digits than any score has
INPUT_COLUMNS = ("result", "target", "evidence", "explanation", "verified")
_LETTER = {name: column_letters(COL[name]) for name in INPUT_COLUMNS}
_NAME = {letter: name for name, letter in _LETTER.items()}

Value = str | int | float  # a carried value: what the card's cell held


class RollupDataError(ValueError):
    """The carried text is not what a summary writes (damaged or edited by hand)."""


def encode_inputs(inputs: Mapping[str, Mapping[str, object]]) -> list[str]:
    """The inputs (criterion code → input column name → value; numbers as ``Decimal``) as
    JSON text, in chunks of at most :data:`CHUNK_CHARS` characters."""
    return _chunks(_text(inputs))


def encode_row(code: str, inputs: Mapping[str, Mapping[str, object]]) -> tuple[str, list[str]]:
    """A unit's data row: the checksum of its text (see :func:`text_check`) and the chunks."""
    text = _text(inputs)
    return text_check(code, text), _chunks(text)


def _text(inputs: Mapping[str, Mapping[str, object]]) -> str:
    carried = {
        code: {_LETTER[c]: float(v) if type(v) is Decimal else v for c, v in cells.items()}
        for code, cells in inputs.items()
    }
    return json.dumps(carried, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _chunks(text: str) -> list[str]:
    return [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)] or ["{}"]


def text_check(code: str, text: str) -> str:
    """The checksum written beside a unit's text (CRC-32 of the code and the text): text cut
    short, edited by hand or moved to another unit no longer matches it."""
    checked = "\n".join((code, text)).encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(checked):08x}"


def decode_inputs(text: str) -> dict[str, dict[str, Value]]:
    """The inputs back from :func:`encode_inputs`'s text; :class:`RollupDataError` when the
    text is not such an object (nothing in it is trusted: every value is checked later)."""
    if len(text) > MAX_TEXT_CHARS:
        raise RollupDataError(f"{len(text):,} characters")
    try:
        data = json.loads(
            text,
            object_pairs_hook=_unique,
            parse_constant=_no_constant,
            parse_int=_integer,
            parse_float=_float,
        )
    except (ValueError, RecursionError) as exc:
        raise RollupDataError(str(exc)[:80]) from exc
    if not isinstance(data, dict):
        raise RollupDataError("not an object")
    inputs: dict[str, dict[str, Value]] = {}
    for code, cells in data.items():
        if not code or not isinstance(cells, dict):
            raise RollupDataError(f"{code!r}: not an object")
        named = inputs[code] = {}
        for letter, value in cells.items():
            if letter not in _NAME:
                raise RollupDataError(f"{code}: unknown column {letter!r}")
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                raise RollupDataError(f"{code}.{letter}: not a number or text")
            if isinstance(value, str):
                _unicode(value)
            named[_NAME[letter]] = value
        _unicode(code)
    return inputs


def _unicode(text: str) -> None:
    """A string a spreadsheet cell can hold: JSON escapes can forge lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RollupDataError("not Unicode text") from exc


def _integer(literal: str) -> int:
    if len(literal) > _MAX_NUMBER_CHARS:
        raise RollupDataError(f"a number of {len(literal)} digits")
    return int(literal)


def _float(literal: str) -> float:
    if len(literal) > _MAX_NUMBER_CHARS:
        raise RollupDataError(f"a number of {len(literal)} characters")
    number = float(literal)
    if not math.isfinite(number):
        raise RollupDataError(f"{literal} is too large")
    return number


def _unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise RollupDataError(f"{key!r} twice")
        found[key] = value
    return found


def _no_constant(name: str) -> float:
    raise RollupDataError(f"{name} is not a number")
