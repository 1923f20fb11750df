"""A returned file's format, told by its content, and the parts of a zip-based one read within
bounds (SPEC §9).

The sizes the zip directory declares are checked before anything is inflated: all parts
together within :data:`MAX_UNPACKED_BYTES` (a zip bomb is never inflated), a structural part
within :data:`MAX_STRUCTURE_BYTES`, and a part is never inflated past its declared size
(``file_unpacked_too_large``: a bomb whose directory lies). A zip naming one part twice is
refused: the copy checked here might not be the copy another reader takes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from ..errors import UnusableFileError
from .extent import declares_entities

__all__ = [
    "MAX_STRUCTURE_BYTES",
    "MAX_UNPACKED_BYTES",
    "close",
    "diagnose",
    "read_part",
    "read_structural_part",
    "size_text",
    "sniff",
]

MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all parts together, as the zip directory declares
MAX_STRUCTURE_BYTES = 4 * 1024 * 1024  # a workbook, relationships or properties part
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")


def sniff(data: bytes) -> tuple[str, zipfile.ZipFile | None]:
    """The format from the content (``xlsx``, ``xlsm``, ``xls`` or ``ods``), and the open zip
    archive for the zip-based ones; raises :class:`UnusableFileError`."""
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
                raise UnusableFileError("file_unpacked_too_large", size_text(unpacked))
            if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
                return "ods", archive
            if "xl/workbook.xml" in names:
                return ("xlsm" if "xl/vbaProject.bin" in names else "xlsx"), archive
        except (zipfile.BadZipFile, OSError, KeyError) as exc:
            raise UnusableFileError("file_truncated", str(exc)) from exc
        raise UnusableFileError("file_not_workbook", "zip")
    raise UnusableFileError("file_not_workbook", _describe(data))


def _describe(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "PNG"
    if data.startswith(b"%PDF"):
        return "PDF"
    if data[:1] in (b"<",) or b"<html" in data[:512].lower():
        return "HTML/XML"
    return "text" if all(b >= 9 for b in data[:512]) else "binary"


def size_text(count: int) -> str:
    """A size in bytes as people read it: ``12 MB``, ``1.1 GB``."""
    return f"{count / 2**30:.1f} GB" if count >= 2**30 else f"{count / 2**20:.0f} MB"


def close(archive: zipfile.ZipFile | None) -> None:
    if archive is not None:
        archive.close()


def read_structural_part(data: bytes, archive: zipfile.ZipFile, name: str) -> bytes:
    """A workbook, relationships or properties part: refused when the directory declares it
    larger than :data:`MAX_STRUCTURE_BYTES`."""
    declared = archive.NameToInfo[name].file_size
    if declared > MAX_STRUCTURE_BYTES:
        raise UnusableFileError("file_unpacked_too_large", f"{name}: {size_text(declared)}")
    return read_part(data, archive, name)


def read_part(data: bytes, archive: zipfile.ZipFile, name: str) -> bytes:
    """One part, inflated straight from the file's bytes and never past its declared size;
    the checksum is verified. The part's local header is read here rather than through
    ``ZipFile.open``, which costs more than the inflating for the small parts of a card (a
    province's check measured 7% slower through it); anything unusual (encrypted, another
    method, no local header where the directory says) goes through ``zipfile``."""
    info = archive.NameToInfo[name]
    offset = info.header_offset
    if info.flag_bits & 1 or data[offset : offset + 4] != _ZIP:
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
        raise UnusableFileError("file_unpacked_too_large", f"> {size_text(info.file_size)}")
    if len(part) != info.file_size or zlib.crc32(part) != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {name!r}")
    return part


def diagnose(archive: zipfile.ZipFile | None, exc: BaseException) -> str:
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
