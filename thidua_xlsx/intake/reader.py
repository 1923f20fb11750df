"""Read a returned scorecard into plain data, trusting nothing in it (SPEC §6).

The file is read once into memory, sniffed by its content (not its name), then: which part
holds each sheet is answered by :mod:`~thidua_xlsx.intake.structure` (an XML parser, one
answer for the guard and the reader); values come from python-calamine (.xlsx, .xlsm, .xls,
.ods; nothing is evaluated or run); the cells holding formulas or error values come from
:mod:`~thidua_xlsx.intake.marks`, in every format; the saved time comes from the document
properties. Rows are found by criterion code, so inserted or re-sorted rows still read.

Hostile files are refused before anything large is read (SPEC §9): the sizes the zip directory
declares are checked first (a zip bomb is never inflated; a part that inflates past its declared
size is cut off by the zip readers), every sheet's extent is bounded before python-calamine
builds it (one cell at XFD1048576 would otherwise make it allocate terabytes; see
``sheet_extent``), and XML carrying DOCTYPE or ENTITY declarations is refused. Macros, embedded
objects and external links are noted, never opened. These guards are a fast first filter: what
they miss is contained by the worker process the file is read in (see ``containment``).
"""

from __future__ import annotations

import errno
import io
import os
import posixpath
import stat
import struct
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

import python_calamine

from ..core.cellref import CellValue, cell_name, parse_cell
from ..core.criterion_codes import normalise_code
from ..rollup.codec import RollupDataError, decode_inputs, text_check
from ..rollup.data_sheet import (
    DATA_CHECK_COL,
    DATA_INPUTS_COL,
    DATA_SHEET,
    DATA_TOTAL_COL,
    DATA_UNIT_MARK,
)
from ..scorecard.layout import (
    COL,
    META_SHEET,
    SCORECARD_SHEET,
    TOTAL_LABEL,
)
from .extent import declares_entities, ods_refusal, xlsx_refusal
from .marks import (
    SheetMarks,
    ods_marks,
    parse_untrusted,
    xls_marks,
    xlsx_marks,
)
from .refusal import UnusableFileError
from .structure import PackageStructure, xlsx_structure

__all__ = ["CellRead", "CriterionRow", "ReturnedFile", "UnusableFileError", "read_returned_file"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all parts together, as the zip directory declares
MAX_SHEET_BYTES = 16 * 1024 * 1024  # one sheet's XML (a scorecard's is under 200 KB)
MAX_STRUCTURE_BYTES = 4 * 1024 * 1024  # a workbook, relationships or properties part
MAX_SHEET_CELLS = 2_000_000  # rows × columns of a sheet read (a scorecard: under 2,000)
MAX_DATA_CELLS = 20_000_000  # a summary's data sheet: a row per unit (2,000 units: 16,000)
_MACRO_PARTS = ("xl/vbaProject", "xl/macrosheets/", "xl/activeX/", "xl/embeddings/", "Basic/")
_EXTERNAL_LINK_PARTS = "xl/externalLinks/externalLink"
_OLE_MACRO_MARK = "_VBA_PROJECT".encode("utf-16-le")


@dataclass(frozen=True)
class CellRead:
    ref: str
    value: CellValue


@dataclass(frozen=True)
class CriterionRow:
    """One criterion's row as found in the file; cells by column name (see ``COL``)."""

    code: str
    row: int  # 0-based
    values: Sequence[CellValue]
    at: str = ""  # a unit carried by a summary: every value is in this one cell's text

    def value(self, column: str) -> CellValue:
        try:
            return self.values[COL[column]]
        except IndexError:  # a row shorter than the table (the columns are never negative)
            return None

    def ref(self, column: str) -> str:
        return self.at or cell_name(self.row, COL[column])

    @property
    def cells(self) -> dict[str, CellRead]:
        return {column: CellRead(self.ref(column), self.value(column)) for column in COL}


@dataclass(frozen=True)
class ReturnedFile:
    """Everything read from a returned scorecard, as plain data."""

    path: Path
    format: str  # "xlsx", "xlsm", "xls" or "ods", from the content
    sheet: str  # the scorecard sheet's name as found
    metadata: Mapping[str, str]
    rows: Mapping[str, CriterionRow]  # by criterion code, first occurrence
    duplicate_rows: tuple[tuple[str, int], ...]  # a code found again: (code, 0-based row)
    cells: Sequence[Sequence[CellValue]]  # the whole scorecard sheet, from A1
    # cells of the scorecard sheet holding a formula (every format; see sheet_marks)
    formula_cells: frozenset[str]
    # cells holding an Excel error value (#DIV/0!…), which calamine reads as blank
    error_cells: Mapping[str, str]
    total_row: int | None  # 0-based row of the TỔNG ĐIỂM line, found by its label
    saved_at: datetime | None
    sheet_renamed: bool = False
    metadata_visible: bool = False
    # a summary workbook: the units it carries, one row each on its data sheet
    members: tuple[ReturnedFile, ...] = ()
    source: str = ""  # for a carried unit: the file it came from at the level below
    macros: bool = False  # a VBA project, macro sheets, ActiveX or embedded objects (never run)
    external_links: int = 0  # links to other workbooks (never followed)
    merged: tuple[tuple[int, int, int, int], ...] = ()  # merged ranges, 0-based r0, c0, r1, c1
    total_cell: CellRead | None = None  # a carried unit: its own total as the summary holds it
    damaged: CellRead | None = None  # a carried unit's inputs that cannot be decoded: why

    @property
    def is_summary(self) -> bool:
        return self.metadata.get("kind") == "summary"

    def cell(self, ref: str) -> CellValue:
        row, col = parse_cell(ref)
        if 0 <= row < len(self.cells) and 0 <= col < len(self.cells[row]):
            return self.cells[row][col]
        return None


def read_returned_file(path: Path) -> ReturnedFile:
    """Read ``path``; raise :class:`UnusableFileError` with an issue code when it is not usable."""
    data = _read_bytes(path)
    kind, archive = _sniff(data, path)
    structure = None
    try:
        if kind in ("xlsx", "xlsm") and archive is not None:
            structure = _structure(data, archive)
            kind = "xlsm" if structure.macro_enabled or kind == "xlsm" else "xlsx"
        if kind == "ods" and archive is not None:  # calamine expands every sheet on opening
            _check_ods_extent(_read_part(data, archive, "content.xml"))
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as exc:
        _close(archive)
        raise UnusableFileError("file_encrypted") from exc
    except (python_calamine.CalamineError, ValueError, OSError, zipfile.BadZipFile) as exc:
        code = _diagnose(archive, exc) if kind != "xls" else "file_not_workbook"
        _close(archive)
        raise UnusableFileError(code, str(exc)) from exc
    except BaseException:
        _close(archive)
        raise
    try:
        if len(set(workbook.sheet_names)) != len(workbook.sheet_names):
            # two sheets of one name: calamine keeps the last one's cells, a name lookup the
            # first (every format)
            raise UnusableFileError("file_structure_ambiguous", "×2")
        if structure is not None and workbook.sheet_names != structure.sheet_names:
            # calamine found other sheets than the workbook lists: the guard would bound
            # parts calamine does not read
            raise UnusableFileError("file_structure_ambiguous", ", ".join(workbook.sheet_names))
        return _read(workbook, data, archive, path, kind, structure)
    except (python_calamine.CalamineError, ValueError, zipfile.BadZipFile, KeyError) as exc:
        raise UnusableFileError(_diagnose(archive, exc), str(exc)) from exc
    finally:
        workbook.close()
        _close(archive)


def _read_bytes(path: Path) -> bytes:
    """The whole file, refused when empty or over ``MAX_FILE_BYTES`` (checked before reading,
    and again on what was read: the file may grow meanwhile). One descriptor, no buffering
    layer. Only a regular file is read (a link to one is read as the file): a folder, a pipe,
    a device, a socket is refused before anything is read (``file_not_regular``), a broken
    link or a link loop has its own code (``file_link_broken``). The path is looked at before
    it is opened (opening a device may act, opening a pipe may wait), and the open descriptor
    again; opened without blocking, in case a pipe was put there in between."""
    data = b""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISREG(mode):
            handle = os.open(path, _OPEN_FLAGS)
            try:
                info = os.fstat(handle)
                mode, size = info.st_mode, info.st_size
                if stat.S_ISREG(mode):
                    if size > MAX_FILE_BYTES:
                        raise _too_large(size)
                    data = os.read(handle, size + 1)
                    if len(data) > size:  # grown since: read on to the limit
                        chunks, read = [data], len(data)
                        while read <= MAX_FILE_BYTES:
                            chunk = os.read(handle, MAX_FILE_BYTES + 1 - read)
                            if not chunk:
                                break
                            chunks.append(chunk)
                            read += len(chunk)
                        data = b"".join(chunks)
            finally:
                os.close(handle)
    except OSError as exc:
        if exc.errno == errno.ELOOP or (exc.errno in _GONE and os.path.islink(path)):
            raise UnusableFileError("file_link_broken", _link_target(path)) from exc
        raise UnusableFileError("file_unreadable", exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    if not data:
        raise UnusableFileError("file_empty")
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    return data


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)
_GONE = (errno.ENOENT, errno.ENOTDIR)
_KINDS = (  # language-neutral words, named the same way in both texts of the message
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
)


def _not_regular(path: Path, mode: int) -> UnusableFileError:
    kind = next((word for test, word in _KINDS if test(mode)), "?")
    if os.path.islink(path):
        kind = f"{kind} {_link_target(path)}"
    elif kind == "directory":  # folders in an inbox are walked: this one could not be listed
        try:
            os.scandir(path).close()
        except OSError as exc:
            return UnusableFileError("file_unreadable", exc.strerror or str(exc))
    return UnusableFileError("file_not_regular", kind)


def _link_target(path: Path) -> str:
    """``→ target`` of a symbolic link, printable and short (it is quoted in messages)."""
    try:
        target = os.readlink(path)
    except OSError:
        return ""
    shown = "".join(c if c.isprintable() else "?" for c in target)  # surrogates too
    return "→ " + (shown if len(shown) <= 120 else shown[:119] + "…")


def _too_large(size: int) -> UnusableFileError:
    return UnusableFileError("file_too_large", f"{size // (1024 * 1024)} MB")


def _close(archive: zipfile.ZipFile | None) -> None:
    if archive is not None:
        archive.close()


def _diagnose(archive: zipfile.ZipFile | None, exc: BaseException) -> str:
    """Why a zip-based file could not be read (the rare, slow path): a part larger than the
    directory says (a zip bomb in disguise), XML declaring entities, or plain damage."""
    if "declared uncompressed size" in str(exc):
        return "file_unpacked_too_large"
    if archive is not None:
        for info in archive.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(info) as part:
                    head = part.read(4096)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError):
                continue
            if declares_entities(head):
                return "file_xml_unsafe"
    return "file_truncated"


def _sniff(data: bytes, path: Path) -> tuple[str, zipfile.ZipFile | None]:
    """The format from the content, and the open zip archive for the zip-based ones."""
    if data.startswith(_OLE):
        if _ENCRYPTED_MARK in data:
            raise UnusableFileError("file_encrypted")
        return "xls", None
    if data.startswith(_ZIP):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            names = archive.NameToInfo
            if len(names) != len(archive.filelist):  # one name twice: the copy checked here
                archive.close()  # might not be the copy another reader takes
                raise UnusableFileError("file_truncated", "duplicate part names")
            unpacked = sum(info.file_size for info in archive.filelist)
            if unpacked > MAX_UNPACKED_BYTES:
                archive.close()
                raise UnusableFileError("file_unpacked_too_large", _size(unpacked))
            if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
                return "ods", archive
            if "xl/workbook.xml" in names:
                return ("xlsm" if "xl/vbaProject.bin" in names else "xlsx"), archive
        except (zipfile.BadZipFile, OSError, KeyError) as exc:
            raise UnusableFileError("file_truncated", str(exc)) from exc
        raise UnusableFileError("file_not_workbook", "zip")
    del path
    raise UnusableFileError("file_not_workbook", _describe(data))


def _size(count: int) -> str:
    return f"{count / 2**30:.1f} GB" if count >= 2**30 else f"{count / 2**20:.0f} MB"


def _describe(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "PNG"
    if data.startswith(b"%PDF"):
        return "PDF"
    if data[:1] in (b"<",) or b"<html" in data[:512].lower():
        return "HTML/XML"
    return "text" if all(b >= 9 for b in data[:512]) else "binary"


def _structure(data: bytes, archive: zipfile.ZipFile) -> PackageStructure:
    """Which part is which (see :mod:`~thidua_xlsx.intake.structure`); its small parts are
    inflated within the size a structural part may have."""

    def read_part(name: str) -> bytes:
        declared = archive.NameToInfo[name].file_size
        if declared > MAX_STRUCTURE_BYTES:
            raise UnusableFileError("file_unpacked_too_large", f"{name}: {_size(declared)}")
        return _read_part(data, archive, name)

    return xlsx_structure(archive, read_part)


def _marks(
    data: bytes,
    archive: zipfile.ZipFile | None,
    kind: str,
    sheet_xml: bytes,
    sheet_name: str,
    sheet_names: list[str],
) -> SheetMarks:
    """Formula and error cells of the scorecard sheet, in every format (see sheet_marks)."""
    if kind in ("xlsx", "xlsm"):
        return xlsx_marks(sheet_xml)
    if kind == "ods" and archive is not None:
        content = _read_part(data, archive, "content.xml")
        return ods_marks(content, sheet_names, sheet_names.index(sheet_name))
    return xls_marks(data, sheet_name)


def _read(
    workbook: python_calamine.CalamineWorkbook,
    data: bytes,
    archive: zipfile.ZipFile | None,
    path: Path,
    kind: str,
    structure: PackageStructure | None,
) -> ReturnedFile:
    sheets = {meta.name: meta for meta in workbook.sheets_metadata}
    loader = _SheetLoader(workbook, data, archive, structure, workbook.sheet_names)
    metadata: dict[str, str] = {}
    metadata_visible = False
    if META_SHEET in sheets:
        # LibreOffice saves "very hidden" as "hidden": only a visible sheet was unhidden
        metadata_visible = sheets[META_SHEET].visible == python_calamine.SheetVisibleEnum.Visible
        for row in loader.load(META_SHEET)[0].to_python(skip_empty_area=False):
            if len(row) >= 2 and isinstance(row[0], str) and row[0]:
                metadata[row[0]] = _as_text(row[1])
    if metadata.get("kind") == "summary":
        return _read_summary(loader, metadata, path, kind, _saved_at(archive, kind, data))
    name, renamed = _find_scorecard_sheet(loader, loader.sheet_names)
    sheet, sheet_xml = loader.load(name)
    cells = sheet.to_python(skip_empty_area=False)
    rows, duplicates = _criterion_rows(cells)
    names = archive.NameToInfo if archive is not None else {}
    marks = _marks(data, archive, kind, sheet_xml, name, loader.sheet_names)
    return ReturnedFile(
        path=path,
        format=kind,
        sheet=name,
        metadata=metadata,
        rows=rows,
        duplicate_rows=tuple(duplicates),
        cells=cells,
        formula_cells=marks.formulas,
        error_cells=marks.errors,
        total_row=_find_total_row(cells),
        saved_at=_saved_at(archive, kind, data),
        sheet_renamed=renamed,
        metadata_visible=metadata_visible,
        macros=(
            any(n.startswith(_parts_of(structure, _MACRO_PARTS)) for n in names)
            if archive is not None
            else _OLE_MACRO_MARK in data
        ),
        external_links=sum(
            1 for n in names if n.startswith(_parts_of(structure, (_EXTERNAL_LINK_PARTS,)))
        ),
        merged=_merged(sheet),
    )


def _parts_of(structure: PackageStructure | None, prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """Part-name prefixes in the workbook's own folder (``xl/`` unless the package says
    otherwise), and as written."""
    folder = posixpath.dirname(structure.workbook_part) if structure is not None else "xl"
    moved = tuple(folder + p[2:] if p.startswith("xl/") else p for p in prefixes)
    return tuple(dict.fromkeys(prefixes + moved))


def _merged(sheet: python_calamine.CalamineSheet) -> tuple[tuple[int, int, int, int], ...]:
    try:
        ranges = sheet.merged_cell_ranges or []
    except (python_calamine.CalamineError, ValueError, AttributeError):
        return ()
    return tuple((r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges)


class _SheetLoader:
    """Loads a sheet through calamine only once its extent is known to be sane: calamine
    allocates rows × columns of the used area, so one far cell must be refused first."""

    def __init__(
        self,
        workbook: python_calamine.CalamineWorkbook,
        data: bytes,
        archive: zipfile.ZipFile | None,
        structure: PackageStructure | None,
        sheet_names: list[str],
    ) -> None:
        self.workbook = workbook
        self.data = data
        self.archive = archive
        self.structure = structure  # .xlsx/.xlsm: which part holds each sheet
        self.sheet_names = sheet_names  # in workbook order (asked of calamine once)

    def load(
        self, name: str, max_cells: int = MAX_SHEET_CELLS
    ) -> tuple[python_calamine.CalamineSheet, bytes]:
        """The sheet, and its XML for .xlsx/.xlsm (empty otherwise: .ods was bounded on
        opening; .xls cannot exceed 65,536 × 256 cells)."""
        xml = b""
        if self.structure is not None:
            xml = self._part(self.structure.sheet(name).part, max_cells)
            _check_xlsx_extent(xml, max_cells)
        return self.workbook.get_sheet_by_name(name), xml

    def _part(self, name: str, max_cells: int) -> bytes:
        archive = self.archive
        assert archive is not None
        limit = MAX_SHEET_BYTES if max_cells <= MAX_SHEET_CELLS else MAX_UNPACKED_BYTES
        declared = archive.NameToInfo[name].file_size
        if declared > limit:
            raise UnusableFileError("sheet_too_large", _size(declared))
        return _read_part(self.data, archive, name)


def _read_part(data: bytes, archive: zipfile.ZipFile, name: str) -> bytes:
    """One part, inflated straight from the file's bytes (quicker than ``ZipFile.open`` for
    the small parts of a card: see docs/benchmarks.md) and never past its declared size; the
    checksum is verified."""
    info = archive.NameToInfo[name]
    offset = info.header_offset
    if info.flag_bits & 1 or data[offset : offset + 4] != b"PK\x03\x04":
        return archive.read(name)
    name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
    start = offset + 30 + name_length + extra_length
    raw = data[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        part = raw
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        try:
            part = zlib.decompressobj(-15).decompress(raw, info.file_size + 1)
        except zlib.error as exc:
            raise zipfile.BadZipFile(f"{name}: {exc}") from exc
    else:
        return archive.read(name)
    if len(part) > info.file_size:
        raise UnusableFileError("file_unpacked_too_large", f"> {_size(info.file_size)}")
    if len(part) != info.file_size or zlib.crc32(part) != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {name!r}")
    return part


def _check_xlsx_extent(xml: bytes, max_cells: int) -> None:
    refusal = xlsx_refusal(xml, max_cells)
    if refusal is not None:
        raise UnusableFileError(*refusal)


def _check_ods_extent(xml: bytes) -> None:
    """calamine expands every table of an .ods when it opens the file."""
    refusal = ods_refusal(xml, MAX_SHEET_CELLS, MAX_DATA_CELLS)
    if refusal is not None:
        raise UnusableFileError(*refusal)


def _read_summary(
    loader: _SheetLoader,
    metadata: dict[str, str],
    path: Path,
    kind: str,
    saved_at: datetime | None,
) -> ReturnedFile:
    """A summary workbook: each unit's row on the data sheets becomes a returned card.
    A large summary continues its data on ``_thidua_dulieu_2``, ``_thidua_dulieu_3``…"""
    names = [n for n in loader.sheet_names if n == DATA_SHEET or n.startswith(f"{DATA_SHEET}_")]
    members = []
    for name in names:
        cells = loader.load(name, MAX_DATA_CELLS)[0].to_python(skip_empty_area=False)
        for index, row in enumerate(cells):
            if row and _as_text(row[0]).strip() == DATA_UNIT_MARK:
                members.append(_carried_unit(path, kind, metadata, name, index, row))
    return ReturnedFile(
        path=path,
        format=kind,
        sheet=DATA_SHEET if names else "",
        metadata=metadata,
        rows={},
        duplicate_rows=(),
        cells=[],
        formula_cells=frozenset(),
        error_cells={},
        total_row=None,
        saved_at=saved_at,
        members=tuple(members),
    )


def _carried_unit(
    path: Path,
    kind: str,
    metadata: Mapping[str, str],
    sheet: str,
    index: int,
    row: Sequence[CellValue],
) -> ReturnedFile:
    """One unit's row of a summary's data sheet, as the card it was ranked from."""
    head = [_as_text(v).strip() for v in row[:DATA_TOTAL_COL]] + [""] * DATA_TOTAL_COL
    text = "".join(v for v in row[DATA_INPUTS_COL:] if isinstance(v, str))
    inputs_at = cell_name(index, DATA_INPUTS_COL)
    rows: dict[str, CriterionRow] = {}
    damaged = None
    try:
        if _as_text(_at(row, DATA_CHECK_COL)).strip() != text_check(head[1], text):
            raise RollupDataError(f"{cell_name(index, DATA_CHECK_COL)} ≠ CRC-32")
        for code, entered in decode_inputs(text).items():
            values: list[CellValue] = [None] * len(COL)
            values[COL["code"]] = code
            for column, value in entered.items():
                values[COL[column]] = value
            rows[code] = CriterionRow(code, index, values, at=inputs_at)
    except RollupDataError as exc:
        rows, damaged = {}, CellRead(inputs_at, str(exc))
    total = _at(row, DATA_TOTAL_COL)
    return ReturnedFile(
        path=path,
        format=kind,
        sheet=sheet,
        metadata={
            **{k: metadata.get(k, "") for k in ("campaign_id", "fingerprint")},
            "unit_code": head[1],
            "unit_name": head[2],
            "card": head[3],
        },
        rows=rows,
        duplicate_rows=(),
        cells=[],
        formula_cells=frozenset(),
        error_cells={},
        total_row=None,
        saved_at=_parse_stamp(head[4]),
        source=head[5] or "?",
        total_cell=CellRead(cell_name(index, DATA_TOTAL_COL), total),
        damaged=damaged,
    )


def _find_scorecard_sheet(loader: _SheetLoader, names: list[str]) -> tuple[str, bool]:
    if SCORECARD_SHEET in names:
        return SCORECARD_SHEET, False
    for name in names:  # renamed: the first sheet whose column A holds criterion codes
        if name == META_SHEET:
            continue
        cells = loader.load(name)[0].to_python(skip_empty_area=False)
        if len(_criterion_rows(cells)[0]) >= 1:
            return name, True
    raise UnusableFileError("file_no_scorecard_sheet", ", ".join(names))


def _criterion_rows(
    cells: Sequence[Sequence[CellValue]],
) -> tuple[dict[str, CriterionRow], list[tuple[str, int]]]:
    rows: dict[str, CriterionRow] = {}
    duplicates: list[tuple[str, int]] = []
    code_col = COL["code"]
    for index, row in enumerate(cells):
        raw = row[code_col] if len(row) > code_col else None
        if not isinstance(raw, str) or not raw or len(raw) > 20:
            continue
        code = _row_code(raw)
        if code is None:
            continue
        if code in rows:
            # keep the row that still looks like the template's (it has its max points)
            first = rows[code]
            if not _is_number(first.value("max")) and _is_number(_at(row, COL["max"])):
                duplicates.append((code, first.row))
            else:
                duplicates.append((code, index))
                continue
        rows[code] = CriterionRow(code, index, row)
    return rows, duplicates


@lru_cache(maxsize=4096)
def _row_code(raw: str) -> str | None:
    """Column A's text as a criterion code (cached: every card repeats the same texts)."""
    return normalise_code(raw)


def _at(row: Sequence[CellValue], col: int) -> CellValue:
    return row[col] if col < len(row) else None


def _is_number(value: CellValue) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _find_total_row(cells: Sequence[Sequence[CellValue]]) -> int | None:
    """The TỔNG ĐIỂM row, found by its label (rows may have been inserted above it)."""
    for index in range(len(cells) - 1, -1, -1):
        label = _at(cells[index], 0)
        if isinstance(label, str) and label.strip().upper() == TOTAL_LABEL:
            return index
    return None


# the last-saved stamp first; the creation stamp only when a program wrote no other
_STAMPS = {
    "xlsx": ("{http://purl.org/dc/terms/}modified", "{http://purl.org/dc/terms/}created"),
    "ods": (
        "{http://purl.org/dc/elements/1.1/}date",
        "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}creation-date",
    ),
}


def _saved_at(archive: zipfile.ZipFile | None, kind: str, data: bytes) -> datetime | None:
    """When the workbook says it was last saved (document properties), in UTC."""
    if archive is None:
        return None
    part = "meta.xml" if kind == "ods" else "docProps/core.xml"
    info = archive.NameToInfo.get(part)
    if info is None:
        return None
    if info.file_size > MAX_STRUCTURE_BYTES:
        raise UnusableFileError("file_unpacked_too_large", f"{part}: {_size(info.file_size)}")
    try:
        root = parse_untrusted(_read_part(data, archive, part))
    except UnusableFileError as exc:
        if exc.code == "file_xml_unsafe":
            raise
        return None  # unreadable properties: the time is unknown, as when there are none
    for tag in _STAMPS["ods" if kind == "ods" else "xlsx"]:
        for element in root.iter(tag):
            stamp = _parse_stamp((element.text or "")[:40])
            if stamp is not None:
                return stamp
    return None


def _parse_stamp(text: str) -> datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            stamp = datetime.fromisoformat(text[:19])
        except ValueError:
            return None
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def _as_text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)
