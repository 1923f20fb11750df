"""What a returned workbook's package says about itself: when it was last saved (its document
properties), whether it holds macros or embedded objects, how many links to other workbooks it
has. Nothing in it is run, opened or followed: these are only noted.
"""

from __future__ import annotations

import posixpath
import zipfile
from datetime import datetime

from ..core.timestamps import parse_timestamp
from ..errors import UnusableFileError
from .archive import MAX_STRUCTURE_BYTES, read_part, size_text
from .marks import parse_untrusted
from .structure import PackageStructure

__all__ = ["external_links", "has_macros", "saved_at"]

_MACRO_PARTS = ("xl/vbaProject", "xl/macrosheets/", "xl/activeX/", "xl/embeddings/", "Basic/")
_EXTERNAL_LINK_PARTS = "xl/externalLinks/externalLink"
_OLE_MACRO_MARK = "_VBA_PROJECT".encode("utf-16-le")
# the last-saved stamp first; the creation stamp only when a program wrote no other
_STAMPS = {
    "xlsx": ("{http://purl.org/dc/terms/}modified", "{http://purl.org/dc/terms/}created"),
    "ods": (
        "{http://purl.org/dc/elements/1.1/}date",
        "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}creation-date",
    ),
}


def saved_at(data: bytes, archive: zipfile.ZipFile | None, kind: str) -> datetime | None:
    """When the workbook says it was last saved (document properties), in UTC; ``None`` when
    it does not say or the properties cannot be read (XML declaring entities is refused)."""
    if archive is None:
        return None
    part = "meta.xml" if kind == "ods" else "docProps/core.xml"
    info = archive.NameToInfo.get(part)
    if info is None:
        return None
    if info.file_size > MAX_STRUCTURE_BYTES:
        raise UnusableFileError("file_unpacked_too_large", f"{part}: {size_text(info.file_size)}")
    try:
        root = parse_untrusted(read_part(data, archive, part))
    except UnusableFileError as exc:
        if exc.code == "file_xml_unsafe":
            raise
        return None  # unreadable properties: the time is unknown, as when there are none
    for tag in _STAMPS["ods" if kind == "ods" else "xlsx"]:
        for element in root.iter(tag):
            stamp = parse_timestamp((element.text or "")[:40])
            if stamp is not None:
                return stamp
    return None


def has_macros(
    data: bytes, archive: zipfile.ZipFile | None, structure: PackageStructure | None
) -> bool:
    """A VBA project, macro sheets, ActiveX controls or embedded objects (never run)."""
    if archive is None:
        return _OLE_MACRO_MARK in data
    prefixes = _parts_of(structure, _MACRO_PARTS)
    return any(name.startswith(prefixes) for name in archive.NameToInfo)


def external_links(archive: zipfile.ZipFile | None, structure: PackageStructure | None) -> int:
    """How many links to other workbooks the package holds (never followed)."""
    if archive is None:
        return 0
    prefixes = _parts_of(structure, (_EXTERNAL_LINK_PARTS,))
    return sum(1 for name in archive.NameToInfo if name.startswith(prefixes))


def _parts_of(structure: PackageStructure | None, prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """Part-name prefixes in the workbook's own folder (``xl/`` unless the package says
    otherwise), and as written."""
    folder = posixpath.dirname(structure.workbook_part) if structure is not None else "xl"
    moved = tuple(folder + p[2:] if p.startswith("xl/") else p for p in prefixes)
    return tuple(dict.fromkeys(prefixes + moved))
