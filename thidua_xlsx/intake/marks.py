"""What the values of a sheet do not show: which cells hold a formula, and which an Excel error
value (SPEC §6). python-calamine reads every cell's value (a formula's cached result) but not
whether it came from a formula, and it reads an error value as blank; this module answers both
for one sheet, exactly, in every format people send:

* .xlsx/.xlsm: the sheet part, parsed by an XML parser (a ``<f>`` child makes a formula cell,
  ``t="e"`` an error value). Parts declaring a DOCTYPE are refused before parsing (every XML
  attack needs one), so the C parser of the standard library is used, twice as fast as
  defusedxml's Python one; anything not plainly UTF-8 goes through defusedxml.
* .ods: ``content.xml``, parsed with defusedxml (``table:formula`` makes a formula cell,
  LibreOffice's ``calcext:value-type="error"`` an error value).
* .xls: the sheet's BIFF records as xlrd frames them (a FORMULA record makes a formula cell;
  xlrd parses the compound document and the record stream, nothing here parses bytes by
  hand); error values as xlrd reads them.

Each answers, too, which cells show their number as a percentage
(:mod:`~thidua_xlsx.intake.number_formats`).

Cells are named as Excel names them (``G15``); a cell written without its reference takes the
place after the previous one, as spreadsheet programs read it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree
from xml.parsers import expat

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException

from ..core.cellref import cell_name, parse_cell
from ..errors import UnusableFileError
from .number_formats import is_percent_format

__all__ = [
    "SheetMarks",
    "ods_marks",
    "parse_untrusted",
    "xls_marks",
    "xlsx_marks",
]

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODS_SPREADSHEET = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}spreadsheet"
_CALCEXT_TYPE = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"
_XLS_FORMULA_RECORDS = (0x0006, 0x0206, 0x0406)  # FORMULA in BIFF5-8, BIFF3, BIFF4
_XLS_EOF = 0x000A
_MAX_COLUMNS = 16384
_MAX_REPEATED = 64  # repeated percent cells named, each way (a card's inputs: a few columns)


@dataclass(frozen=True)
class SheetMarks:
    formulas: frozenset[str] = frozenset()  # cells holding a formula
    errors: dict[str, str] = field(default_factory=dict)  # cell → error value (#DIV/0!…)
    # cells whose number format shows a percentage (see intake.number_formats)
    percents: frozenset[str] = frozenset()


def xlsx_marks(xml: bytes, percent_styles: frozenset[str] = frozenset()) -> SheetMarks:
    """Formulas and error values of one .xlsx sheet part (its first ``sheetData``, the only
    one spreadsheet programs and python-calamine read), and the cells whose cell format is
    one of ``percent_styles`` (a cell without ``s`` has the first, ``"0"``).

    The common case streams the part through expat, looking only at the start of each
    element (no tree is built: a third quicker on a ward's card); a part that is not
    :func:`_plain`, or whose marked cells need more than their reference (an error value's
    text, a cell written without its reference), is read as a tree."""
    if _plain(xml):
        found = _streamed_marks(xml, percent_styles)
        if found is not None:
            return found
    return _tree_marks(xml, percent_styles)


class _PastSheetDataError(Exception):
    """The first ``sheetData`` is over: nothing after it is read."""


# Elements are matched by their local name, whatever their prefix or namespace, and a cell's
# reference is its unprefixed ``r`` attribute: as python-calamine reads them.
_SPANNING = ("array", "dataTable")  # a formula whose result fills the cells of its ``ref``
_MAX_SPAN = 1_000_000  # cells one formula may fill (a sheet is refused far below that)


def _local(name: str) -> str:
    """``c`` from ``c``, ``x:c``, ``{uri}c`` or expat's ``uri c``."""
    return name[max(name.rfind(" "), name.rfind("}"), name.rfind(":")) + 1 :]


def _streamed_marks(xml: bytes, percent_styles: frozenset[str] = frozenset()) -> SheetMarks | None:
    """The formula cells by their references, or None when the tree is needed (an error
    value, whose text is in the tree; a marked cell without its reference, placed there)."""
    formulas: list[str | None] = []
    percents: list[str | None] = []
    spans: list[str] = []
    needs_tree = False
    current: dict[str, str] | None = None
    marked: dict[str, str] | None = None  # the cell whose formula was counted last
    sheet_data = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal current, marked, needs_tree, sheet_data
        local = name[name.rfind(" ") + 1 :]
        if local == "c":
            current = attrs
            if attrs.get("t") == "e":
                needs_tree = True
            if percent_styles and attrs.get("s", "0") in percent_styles:
                percents.append(attrs.get("r"))
        elif local == "f":
            if current is not None and current is not marked:  # one per cell, however many
                marked = current
                formulas.append(current.get("r"))
            if attrs.get("t") in _SPANNING and attrs.get("ref"):
                spans.append(attrs["ref"])
        elif local == "sheetData":
            sheet_data += 1
            if sheet_data > 1:
                raise _PastSheetDataError

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    try:
        parser.Parse(xml, True)
    except _PastSheetDataError:
        pass
    except expat.ExpatError as exc:
        raise UnusableFileError("file_truncated", str(exc)) from exc
    if needs_tree or any(ref is None for ref in formulas) or None in percents:
        return None
    cells = {_canonical(ref) for ref in formulas if ref is not None}
    shown = frozenset(_canonical(ref) for ref in percents if ref is not None)
    return SheetMarks(frozenset(cells | _spanned(spans)), percents=shown)


def _tree_marks(xml: bytes, percent_styles: frozenset[str] = frozenset()) -> SheetMarks:
    """The same, from the tree: every cell placed as python-calamine places it."""
    data = _sheet_data(xml)
    if data is None:
        return SheetMarks()
    formulas: set[str] = set()
    spans: list[str] = []
    errors: dict[str, str] = {}
    percents: set[str] = set()
    for name, cell in _placed(data):
        if percent_styles and cell.get("s", "0") in percent_styles:
            percents.add(name)
        for child in cell.iter():
            local = _local(child.tag)
            if local == "f" and child is not cell:
                formulas.add(name)
                if child.get("t") in _SPANNING and child.get("ref"):
                    spans.append(child.get("ref", ""))
            elif local == "v" and cell.get("t") == "e" and name not in errors:
                errors[name] = child.text or "#ERROR"
        if cell.get("t") == "e" and name not in errors:
            errors[name] = "#ERROR"
    return SheetMarks(frozenset(formulas | _spanned(spans)), errors, frozenset(percents))


def _sheet_data(xml: bytes) -> ElementTree.Element | None:
    """The first ``sheetData`` element."""
    return next((e for e in parse_untrusted(xml).iter() if _local(e.tag) == "sheetData"), None)


def parse_untrusted(xml: bytes) -> ElementTree.Element:
    """An XML part of a returned file, parsed whole: through the standard library's C parser
    when it is :func:`_plain`, else through defusedxml. Raises :class:`UnusableFileError`."""
    if not _plain(xml):
        return _parse_safe(xml)
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise UnusableFileError("file_truncated", str(exc)) from exc


@lru_cache(maxsize=65536)  # the same few references on every card
def _canonical(ref: str) -> str:
    """``g18`` or ``$G$18`` as ``G18`` (only formula and error cells are named: few)."""
    try:
        return cell_name(*parse_cell(ref))
    except ValueError:
        raise UnusableFileError("file_truncated", f"r={ref[:20]}") from None


def _spanned(spans: list[str]) -> set[str]:
    """Every cell of the ranges array formulas (and data tables) fill: their results come
    from a formula too."""
    cells: set[str] = set()
    for span in spans:
        first, _, last = span.partition(":")
        try:
            (r0, c0), (r1, c1) = parse_cell(first), parse_cell(last or first)
        except ValueError:
            raise UnusableFileError("file_truncated", f"ref={span[:20]}") from None
        if (abs(r1 - r0) + 1) * (abs(c1 - c0) + 1) > _MAX_SPAN:
            raise UnusableFileError("sheet_too_large", span[:20])
        cells.update(
            cell_name(row, col)
            for row in range(min(r0, r1), max(r0, r1) + 1)
            for col in range(min(c0, c1), max(c0, c1) + 1)
        )
    return cells


def _placed(data: ElementTree.Element) -> list[tuple[str, ElementTree.Element]]:
    """Every cell of the sheetData with its name, as python-calamine places it: a row's
    number sets the row (a row without one follows the previous row); a cell's reference
    sets its place and the column of the next cell; a cell without one takes the current row
    and the column after the previous cell."""
    placed: list[tuple[str, ElementTree.Element]] = []
    position = [0, 0]  # row, column

    def cell(element: ElementTree.Element) -> None:
        ref = element.get("r")
        if ref:
            try:
                row, col = parse_cell(ref)
            except ValueError:
                raise UnusableFileError("file_truncated", f"r={ref[:20]}") from None
            position[1] = col
        else:
            row, col = position
        placed.append((cell_name(row, col), element))
        position[1] += 1

    for child in data:
        local = _local(child.tag)
        if local == "row":
            if child.get("r"):
                position[0] = _row_index(child.get("r"), position[0])
            for element in child.iter():
                if element is not child and _local(element.tag) == "c":
                    cell(element)
            position[0], position[1] = position[0] + 1, 0
        elif local == "c":
            cell(child)
    return placed


def ods_marks(content: bytes, sheet_names: list[str], table_index: int) -> SheetMarks:
    """Formula and error cells of the n-th table of an .ods ``content.xml``. The tables must
    be the sheets python-calamine listed (``sheet_names``), none inside another: otherwise
    which table is the card could be read two ways."""
    table_tag = f"{{{_TABLE_NS}}}table"
    row_tag = f"{{{_TABLE_NS}}}table-row"
    formula = f"{{{_TABLE_NS}}}formula"
    columns_repeated = f"{{{_TABLE_NS}}}number-columns-repeated"
    rows_repeated = f"{{{_TABLE_NS}}}number-rows-repeated"
    _table_prefix_plain(content)
    root = _parse_safe(content)
    tables = [t for sheet in root.iter(_ODS_SPREADSHEET) for t in sheet.findall(table_tag)]
    names = [t.get(f"{{{_TABLE_NS}}}name", "") for t in tables]
    if len(tables) != sum(1 for _ in root.iter(table_tag)) or names != sheet_names:
        raise UnusableFileError("file_structure_ambiguous", "content.xml: table:table")
    refs: set[str] = set()
    errors: dict[str, str] = {}
    percents: set[str] = set()
    value_type = f"{{{_OFFICE_NS}}}value-type"
    row = 0
    for element in tables[table_index].iter(row_tag):
        col = 0
        for cell in element:
            if row < 1_048_576 and col < _MAX_COLUMNS:
                if cell.get(formula) is not None:
                    # a matrix formula's result fills the rows and columns it spans
                    rows = _count(cell.get(f"{{{_TABLE_NS}}}number-matrix-rows-spanned"))
                    cols = _count(cell.get(f"{{{_TABLE_NS}}}number-matrix-columns-spanned"))
                    end = cell_name(row + rows - 1, col + cols - 1)
                    refs |= _spanned([f"{cell_name(row, col)}:{end}"])
                if cell.get(_CALCEXT_TYPE) == "error":  # LibreOffice's mark of an error value
                    errors[cell_name(row, col)] = "".join(cell.itertext()).strip() or "#ERROR"
                if cell.get(value_type) == "percentage":  # the value shown as a percentage
                    # a cell written once for equal neighbours stands for each of them
                    across = min(_count(cell.get(columns_repeated)), _MAX_REPEATED)
                    down = min(_count(element.get(rows_repeated)), _MAX_REPEATED)
                    percents.update(
                        cell_name(r, c)
                        for r in range(row, min(row + down, 1_048_576))
                        for c in range(col, min(col + across, _MAX_COLUMNS))
                    )
            col += min(_count(cell.get(columns_repeated)), _MAX_COLUMNS)
        row += _count(element.get(rows_repeated))
    return SheetMarks(frozenset(refs), errors, frozenset(percents))


def _table_prefix_plain(content: bytes) -> None:
    """python-calamine reads .ods elements by their written names (``table:table-cell``),
    the standard by their namespace: the prefix ``table`` must stand for the table namespace
    and nothing else may, or the two would read different tables."""

    def declared(prefix: str | None, uri: str) -> None:
        if (prefix == "table") != (uri == _TABLE_NS):
            raise UnusableFileError("file_structure_ambiguous", f"content.xml: xmlns:{prefix}")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartNamespaceDeclHandler = declared
    try:
        parser.Parse(content, True)
    except expat.ExpatError as exc:
        raise UnusableFileError("file_truncated", str(exc)) from exc


def xls_marks(data: bytes, sheet_name: str) -> SheetMarks:
    """Formula cells of one sheet of an .xls workbook, from its FORMULA records, its error
    values as xlrd reads them, and its number cells shown as a percentage (xlrd's formatting
    records; a file whose formatting xlrd cannot read is read without)."""
    import xlrd

    try:
        book = _open_xls(data, formatting=True)
    except Exception:  # the formatting records unread: no percent formats, as before
        try:
            book = _open_xls(data, formatting=False)
        except Exception as exc:  # xlrd raises many kinds on a damaged file
            raise UnusableFileError("file_truncated", f"xlrd: {exc}") from exc
    try:
        names = book.sheet_names()
        if sheet_name not in names:
            raise UnusableFileError("file_structure_ambiguous", sheet_name)
        # xlrd keeps each sheet's place in the record stream; reading its records from there
        # is what xlrd's own sheet reader does (xlrd 2.x: Book._sh_abs_posn, get_record_parts)
        book._position = book._sh_abs_posn[names.index(sheet_name)]
        refs: set[str] = set()
        while True:
            code, _length, record = book.get_record_parts()
            if code == _XLS_EOF or (code is None or _length is None):
                break
            if code in _XLS_FORMULA_RECORDS and len(record) >= 4:
                row = int.from_bytes(record[0:2], "little")
                col = int.from_bytes(record[2:4], "little")
                refs.add(cell_name(row, col))
        sheet = book.sheet_by_name(sheet_name)  # error values: through xlrd's own reading
        errors = {
            cell_name(row, col): xlrd.error_text_from_code.get(cell.value, "#ERROR")
            for row in range(sheet.nrows)
            for col, cell in enumerate(sheet.row(row))
            if cell.ctype == xlrd.XL_CELL_ERROR
        }
        return SheetMarks(frozenset(refs), errors, _xls_percents(book, sheet))
    except UnusableFileError:
        raise
    except Exception as exc:
        raise UnusableFileError("file_truncated", f"xlrd: {exc}") from exc
    finally:
        book.release_resources()


def _open_xls(data: bytes, formatting: bool) -> Any:
    import xlrd

    return xlrd.open_workbook(
        file_contents=data,
        on_demand=True,
        logfile=io.StringIO(),
        ragged_rows=True,
        formatting_info=formatting,
    )


def _xls_percents(book: Any, sheet: Any) -> frozenset[str]:
    """The number cells of an .xls sheet whose format string shows a percentage (none when
    the formatting records were not read, or cannot be)."""
    import xlrd

    if not book.formatting_info:
        return frozenset()
    try:
        formats = {
            index
            for index, xf in enumerate(book.xf_list)
            if (shown := book.format_map.get(xf.format_key)) is not None
            and is_percent_format(shown.format_str)
        }
        if not formats:
            return frozenset()
        return frozenset(
            cell_name(row, col)
            for row in range(sheet.nrows)
            for col, cell in enumerate(sheet.row(row))
            if cell.ctype == xlrd.XL_CELL_NUMBER and cell.xf_index in formats
        )
    except Exception:  # formats are a help, never a reason to refuse the file
        return frozenset()


def _plain(xml: bytes) -> bool:
    """ASCII-based XML (UTF-8 and the like) that declares no DOCTYPE: the C parser of the
    standard library is then as safe as defusedxml (every XML attack needs a DOCTYPE);
    anything else goes through defusedxml."""
    head = xml[:200].lstrip()
    ascii_based = head.startswith(b"<") and b"\x00" not in head  # UTF-16/32 hide the words
    return ascii_based and b"<!DOCTYPE" not in xml and b"<!ENTITY" not in xml


def _parse_safe(xml: bytes) -> ElementTree.Element:
    try:
        return SafeElementTree.fromstring(xml)
    except DefusedXmlException as exc:
        raise UnusableFileError("file_xml_unsafe", type(exc).__name__) from exc
    except SafeElementTree.ParseError as exc:
        raise UnusableFileError("file_truncated", str(exc)) from exc


def _row_index(text: str | None, following: int) -> int:
    """A 1-based row number as written, 0-based; the next row when it is not written."""
    if not text:
        return following
    try:
        return max(int(text) - 1, 0)
    except ValueError:
        raise UnusableFileError("file_truncated", f"r={text[:20]}") from None


def _count(text: str | None) -> int:
    try:
        return max(int(text), 1) if text else 1
    except ValueError:
        return 1
