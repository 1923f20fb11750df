"""How much python-calamine would allocate for a sheet, worked out before it is asked to.

calamine builds a sheet as one block of rows × columns (the used area), so one value far away
(XFD1048576), a flood of rows, or a value repeated over millions of .ods cells makes it ask for
gigabytes, and a failed allocation aborts the whole process. Each function here reads the raw
XML bytes and returns ``(issue code, detail)`` when the sheet must be refused, ``None`` when it
is safe. They follow calamine's own rules and, where a hostile file could read two ways, take
the larger: a file that is refused wrongly loses one card, a file let through wrongly loses
the run.

* .xlsx: calamine matches elements by local name (``<x:c>`` is a cell too), takes a cell's
  position from its unprefixed ``r`` attribute (single or double quotes, the last one when
  repeated) and places cells without one after the previous cell.
* .ods: calamine reads every table when the file is opened. A cell with a value repeated
  N times is stored N times; empty cells and rows cost nothing until a value follows them;
  the table's block spans from the first to the last row holding a value, row repeats
  included, and as wide as its widest such row. ``<text:s text:c="N"/>`` expands to N spaces.
"""

from __future__ import annotations

import html
import re

from ..rollup.data_sheet import DATA_SHEET

__all__ = ["declares_entities", "ods_refusal", "xlsx_refusal"]

Refusal = tuple[str, str]

_HUGE = 10**12  # a number too long to read is as good as infinite here
MAX_SPACES = 1_000_000  # <text:s text:c=…/> spaces in one .ods file (LibreOffice writes a few)


def declares_entities(xml: bytes) -> bool:
    """A DOCTYPE (and with it any ENTITY) sits in the prolog, before the root element."""
    return xml.find(b"<!DOCTYPE", 0, 4096) >= 0 or xml.find(b"<!ENTITY", 0, 4096) >= 0


def _too_large(*sizes: int) -> Refusal:
    return "sheet_too_large", " × ".join(f"{n:,}".replace(",", ".") for n in sizes)


# a start tag's attributes, quote-aware ('>' may stand inside a quoted value)
_ATTRS = rb"([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)"
# an attribute's value in either quotes (two groups: one of them is empty)
_QUOTED = rb"\s*=\s*(?:\"([^\"]*)\"|'([^']*)')"


# -- .xlsx ---------------------------------------------------------------------------------

# What every spreadsheet program writes: unprefixed cells whose first attribute is an r="A1"
# reference within column Z and row 99,999, no second r, double quotes. When every cell inside
# the sheetData element looks like that (calamine reads only the first sheetData; cells outside
# it are ignored), the sheet is small; any other cell, or a prefixed row, cell or sheetData,
# sends the sheet to the careful count.
_ODD_CELL = re.compile(rb'<c(?! r="[A-Z]?\d{1,5}"(?: (?!r\s*=)[\w:.-]++="[^"]*+")*+/?>)[\s/>]')
_PREFIXED = re.compile(rb":(?:c|row|sheetData)[\s/>]")
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])" + _ATTRS + rb">")  # prefixed or not
_R_ATTR = re.compile(rb"(?:^|\s)r" + _QUOTED)
_REF = re.compile(r"\s*([A-Za-z]*)(\d*)")


def xlsx_refusal(xml: bytes, max_cells: int) -> Refusal | None:
    """Refuse a worksheet's XML that declares entities or whose used area passes ``max_cells``."""
    if declares_entities(xml):
        return "file_xml_unsafe", ""
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData>")
    end = len(xml) if end < start else end
    if (
        start >= 0
        and xml.find(b":sheetData", 0, start) < 0
        and _ODD_CELL.search(xml, start, end) is None
        and _PREFIXED.search(xml, start, end) is None
    ):
        return None  # every cell canonical: at most 26 columns × 99,999 rows
    rows = cols = row = col = 0
    for match in _CELL_TAG.finditer(xml):
        refs = [_reference(a or b) for a, b in _R_ATTR.findall(match.group(2))]
        if match.group(1) == b"row":
            row = max([row + 1, *(r for r, _ in refs)])
            col = 0
            continue
        col = max([col + 1, *(c for _, c in refs)])
        row = max([row, *(r for r, _ in refs)])
        rows, cols = max(rows, row), max(cols, col)
        if rows * cols > max_cells:
            return _too_large(rows, cols)
    return None


def _reference(raw: bytes) -> tuple[int, int]:
    """(row, column), 1-based, of an ``r`` value; 0 for a part that is missing."""
    match = _REF.match(_value(raw))
    assert match is not None  # every part of the pattern may be empty
    letters, digits = match.group(1), match.group(2)
    row = int(digits) if 0 < len(digits) <= 9 else (_HUGE if digits else 0)
    col = 0
    for letter in letters.upper()[:6]:
        col = col * 26 + ord(letter) - 64
    return row, (_HUGE if len(letters) > 6 else col)


# -- .ods ----------------------------------------------------------------------------------

_ODS_TAG = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])" + _ATTRS + rb">"
)
_ODS_REPEATS = {
    b"table-row": re.compile(rb"number-rows-repeated" + _QUOTED),
    b"table-cell": re.compile(rb"number-columns-repeated" + _QUOTED),
}
_ODS_REPEATS[b"covered-table-cell"] = _ODS_REPEATS[b"table-cell"]
_SPACES = re.compile(rb"<text:s\b" + _ATTRS + rb">")
_SPACE_COUNT = re.compile(rb"c" + _QUOTED)
_DATA_TABLE = re.compile(re.escape(DATA_SHEET.encode()))  # a summary's data sheets


def ods_refusal(xml: bytes, max_cells: int, max_data_cells: int) -> Refusal | None:
    """Refuse an .ods ``content.xml`` that declares entities or that calamine would expand
    past ``max_cells`` in one table (``max_data_cells`` for a summary's data tables, and for
    all tables together). A cell counts as holding a value when any of its attributes says
    value or formula (calamine is stricter: this only ever counts more)."""
    if declares_entities(xml):
        return "file_xml_unsafe", ""
    spaces = 0
    for match in _SPACES.finditer(xml):
        spaces += sum(_count(a or b) for a, b in _SPACE_COUNT.findall(match.group(1)))
        if spaces > MAX_SPACES:
            return _too_large(spaces)
    total = 0
    table = _Table(max_cells)
    inside = False  # calamine ends a table at the first </table:table>, nested or not
    for match in _ODS_TAG.finditer(xml):
        closing, name, attrs = match.group(1), match.group(2), match.group(3)
        if name == b"table":
            if closing:
                total += table.cells()
                refusal = table.refusal() or _over(total, max_data_cells)
                if refusal:
                    return refusal
                table, inside = _Table(max_cells), False
            elif not inside:
                table = _Table(max_data_cells if _DATA_TABLE.search(attrs) else max_cells)
                inside = True
            continue
        if closing:
            if name == b"table-row":
                refusal = table.end_row()
                if refusal:
                    return refusal
            continue
        repeat = 1
        if b"repeated" in attrs:  # the largest, should the attribute be given twice
            repeat = max(
                _count(a or b) for a, b in _ODS_REPEATS[name].findall(attrs) or [(b"1", b"")]
            )
        if name == b"table-row":
            table.start_row(repeat)
            if attrs.rstrip().endswith(b"/"):
                table.end_row()
        else:
            table.cell(repeat, b"value" in attrs or b"formula" in attrs)
    return None  # a table left open: calamine refuses the file


def _over(total: int, limit: int) -> Refusal | None:
    return _too_large(total, 1) if total > limit else None


class _Table:
    """The running extent of one .ods table, as calamine's reader builds it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.stored = 0  # cells kept row by row (each row once) before the block is built
        self.row = 0  # 0-based index of the current row
        self.repeat = 1
        self.width = 0  # columns so far in the current row
        self.held_to = 0  # columns up to the last value in the current row
        self.first = -1  # first row holding a value
        self.last = 0  # end (exclusive) of the last row holding a value
        self.widest = 0

    def start_row(self, repeat: int) -> None:
        self.repeat, self.width, self.held_to = max(repeat, 1), 0, 0

    def cell(self, repeat: int, held: bool) -> None:
        self.width += max(repeat, 1)
        if held:
            self.held_to = self.width

    def end_row(self) -> Refusal | None:
        if self.held_to:
            self.stored += self.held_to
            self.first = self.row if self.first < 0 else self.first
            self.last = self.row + self.repeat
            self.widest = max(self.widest, self.held_to)
        self.row += self.repeat
        self.repeat, self.width, self.held_to = 1, 0, 0
        return self.refusal()

    def cells(self) -> int:
        """The block from the first to the last row holding a value, and the rows kept."""
        rows = self.last - self.first if self.first >= 0 else 0
        return max(self.stored, rows * self.widest)

    def refusal(self) -> Refusal | None:
        if self.cells() <= self.limit:
            return None
        return _too_large(max(self.last - self.first, 1), max(self.widest, 1))


def _count(raw: bytes) -> int:
    """A repeat count as calamine parses it (character references resolved); unreadable
    counts make calamine refuse the file, so they count as one here."""
    text = _value(raw).strip().lstrip("+")
    if not text.isdigit():
        return 1
    return int(text) if len(text) <= 12 else _HUGE


def _value(raw: bytes) -> str:
    """An attribute's value as calamine reads it: character references resolved."""
    text = raw.decode("utf-8", "replace")
    return html.unescape(text) if "&" in text else text
