"""Which part of a returned workbook is which (SPEC §9): answered once, by a real XML parser.

An .xlsx (or .xlsm) is a zip of parts tied together by relationships: ``_rels/.rels`` names
the workbook part, the workbook's relationships name each sheet's part, and
``[Content_Types].xml`` says what each part is. :class:`StructureCache` reads these with
defusedxml and returns a :class:`PackageStructure`; the size guard (which sheet part to bound
before python-calamine builds it) and the reader (which part holds the scorecard's formulas)
both ask it, so that they cannot disagree. No regular expression decides structure.

python-calamine resolves the same relationships by rules of its own: the last relationship
whose type ends ``/relationships/officeDocument`` gives the workbook's folder; ids and targets
are taken as written (no ``&amp;`` decoded); targets are joined to the folder as text; part
names are matched without regard to ASCII case, and a zip entry's Info-ZIP Unicode name wins
over its plain name. Rather than imitate those rules, this module accepts only packages that
both readings read alike: one workbook relationship, plain targets (no ``.``, ``..`` or backslash),
no character references in the relationships, no second name on a zip entry, no part name
twice, every ``<sheet>`` in the workbook's list, no relationship id twice. Anything else is
refused as ``file_structure_ambiguous``: no program that people use writes such a file. What
this check misses still costs only the file (see :mod:`thidua_xlsx.runtime.containment`).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException

from ..errors import UnusableFileError

__all__ = ["PackageStructure", "SheetEntry", "StructureCache"]

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/relationships/officeDocument"
_MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_WORKBOOK_TYPES = ("spreadsheetml", "ms-excel")
_SHEET_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # ISO strict
)


@dataclass(frozen=True)
class SheetEntry:
    name: str
    part: str  # the zip entry holding the sheet, as it is named in the zip
    state: str  # "visible", "hidden" or "veryHidden"


@dataclass(frozen=True)
class PackageStructure:
    """The parts of a returned .xlsx/.xlsm that the reader and the guard use."""

    workbook_part: str
    sheets: tuple[SheetEntry, ...]  # in workbook order
    macro_enabled: bool  # the workbook part's content type is the macro-enabled one
    styles_part: str | None = None  # the cell styles (number formats), when the workbook has one

    @property
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]

    def sheet(self, name: str) -> SheetEntry:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


class StructureCache:
    """Works out package structures and remembers the last ``size`` of them by the bytes they
    were worked out from (not by a checksum, which a file could forge): files made from one
    template share one answer, worked out once. A refusal is not remembered."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._workbook_parts: dict[bytes, str] = {}
        self._structures: dict[_Sources, PackageStructure] = {}

    def structure(
        self, archive: zipfile.ZipFile, read_part: Callable[[str], bytes]
    ) -> PackageStructure:
        """The structure of an .xlsx/.xlsm package; raises :class:`UnusableFileError`.

        ``read_part(name)`` inflates one part (bounded by the caller). The answer depends only
        on the bytes of four small parts and the zip's part names."""
        entries = _entries(archive)
        root_rels = _read(entries, read_part, "_rels/.rels")
        _no_references(root_rels, "_rels/.rels")
        types = _read(entries, read_part, "[Content_Types].xml")
        workbook_part = self._remembered(
            self._workbook_parts, root_rels, lambda: _workbook_part(root_rels)
        )
        workbook = _read(entries, read_part, workbook_part)
        rels_part = _rels_part(workbook_part)
        workbook_rels = _read(entries, read_part, rels_part)
        _no_references(workbook_rels, rels_part)
        sources = (tuple(sorted(entries)), root_rels, types, workbook_part, workbook, workbook_rels)
        return self._remembered(self._structures, sources, lambda: _structure(*sources))

    def _remembered(self, known: dict[_K, _V], key: _K, work: Callable[[], _V]) -> _V:
        found = known.get(key)
        if found is None:
            found = work()
            if len(known) >= self.size:
                del known[next(iter(known))]  # the oldest
            known[key] = found
        return found


_K = TypeVar("_K")
_V = TypeVar("_V")
# the zip's part names, _rels/.rels, [Content_Types].xml, the workbook part's name, the
# workbook part and its relationships
_Sources = tuple[tuple[str, ...], bytes, bytes, str, bytes, bytes]


def _entries(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part names as calamine looks them up (case-folded, ``\\`` as ``/``) → the zip's name.
    Two entries that look the same that way are one name twice: ambiguous."""
    entries: dict[str, str] = {}
    for info in archive.infolist():
        if _UNICODE_PATH in _extra_fields(info.extra):
            # a second name for the entry, which some zip readers (calamine's) take and
            # others (Python's) ignore
            raise UnusableFileError("file_structure_ambiguous", f"{info.filename}: 0x7075")
        key = info.filename.replace("\\", "/").lower()
        if key in entries:
            raise UnusableFileError("file_structure_ambiguous", f"{info.filename} ×2")
        entries[key] = info.filename
    return entries


_UNICODE_PATH = 0x7075  # Info-ZIP Unicode Path extra field


def _extra_fields(extra: bytes) -> set[int]:
    """The header ids of a zip entry's extra fields (each: id, size, data; APPNOTE 4.5)."""
    ids, offset = set(), 0
    while offset + 4 <= len(extra):
        ids.add(int.from_bytes(extra[offset : offset + 2], "little"))
        offset += 4 + int.from_bytes(extra[offset + 2 : offset + 4], "little")
    return ids


def _no_references(xml: bytes, where: str) -> None:
    """calamine takes relationship ids and targets as written, the standard decodes ``&amp;``
    and ``&#…;`` in them: a relationships part that writes any such reference could be read
    two ways (none needs one)."""
    if b"&" in xml:
        raise UnusableFileError("file_structure_ambiguous", f"{where}: &")


def _read(entries: dict[str, str], read_part: Callable[[str], bytes], name: str) -> bytes:
    found = entries.get(name.lower())
    if found is None:
        raise UnusableFileError("file_truncated", f"{name}?")
    return read_part(found)


def _structure(
    names: tuple[str, ...],
    root_rels: bytes,
    types: bytes,
    workbook_part: str,
    workbook: bytes,
    workbook_rels: bytes,
) -> PackageStructure:
    entries = {name.replace("\\", "/").lower(): name for name in names}
    content_type = _content_type(_parse(types, "[Content_Types].xml"), workbook_part)
    if content_type and not any(word in content_type for word in _WORKBOOK_TYPES):
        raise UnusableFileError("file_not_workbook", content_type)  # a .docx renamed, say
    macro = content_type == _MACRO_WORKBOOK
    relations = _relationships(workbook_rels, _rels_part(workbook_part))
    folder = posixpath.dirname(workbook_part)
    sheets = []
    for element in _sheet_elements(_parse(workbook, workbook_part), workbook_part):
        name = element.get("name")
        ids = [value for key, value in element.attrib.items() if _local(key) == "id"]
        if name is None or len(ids) != 1:
            raise UnusableFileError("file_structure_ambiguous", f"{workbook_part}: <sheet>")
        relation = relations.get(ids[0])
        if relation is None:
            raise UnusableFileError("file_truncated", f"{workbook_part}: {ids[0]}?")
        target, external = relation
        if external:
            raise UnusableFileError("file_structure_ambiguous", f"{name}: {target}")
        part = _one_part(entries, folder, target)
        sheets.append(SheetEntry(name, part, element.get("state", "visible")))
    return PackageStructure(
        workbook_part, tuple(sheets), macro, _styles_part(entries, folder, workbook_rels)
    )


def _styles_part(entries: dict[str, str], folder: str, workbook_rels: bytes) -> str | None:
    """The styles part the workbook's relationships name (for the cells' number formats):
    None when there is none, or when it is not plainly one part. Never refuses the file:
    nothing but the percent formats is read from it."""
    for kind, target, external in _relationship_list(workbook_rels, "workbook.xml.rels"):
        if not kind.endswith("/relationships/styles") or external:
            continue
        try:
            _plain_target(target, "workbook.xml.rels")
            return entries.get(_resolve(folder, target).lower())
        except UnusableFileError:
            return None
    return None


def _workbook_part(root_rels: bytes) -> str:
    """The workbook part, as ``_rels/.rels`` names it. calamine takes the last relationship
    whose type ends ``/relationships/officeDocument`` (external or not) and reads
    ``workbook.xml`` in the folder of its target, whatever its file name: anything but one
    such relationship to a plain ``…/workbook.xml`` is refused."""
    found = [
        (target, external)
        for kind, target, external in _relationship_list(root_rels, "_rels/.rels")
        if kind.endswith(_OFFICE_DOCUMENT)
    ]
    if not found:
        raise UnusableFileError("file_not_workbook", "_rels/.rels")
    if len(found) > 1 or found[0][1]:
        raise UnusableFileError("file_structure_ambiguous", "_rels/.rels: officeDocument")
    target = found[0][0]
    _plain_target(target, "_rels/.rels")
    part = _resolve("", target)
    if posixpath.basename(part).lower() != "workbook.xml":
        # another document (a .docx renamed), or a workbook under a name calamine ignores
        raise UnusableFileError("file_not_workbook", f"_rels/.rels: {target}")
    return part


def _rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _relationships(xml: bytes, where: str) -> dict[str, tuple[str, bool]]:
    """Id → (target, external) of the workbook's relationships; an Id given twice is
    ambiguous (calamine keeps the last, the standard forbids it)."""
    found: dict[str, tuple[str, bool]] = {}
    for element in _parse(xml, where).iter():
        if _local(element.tag) != "Relationship":
            continue
        rel_id = element.get("Id")
        if rel_id is None:
            continue
        if rel_id in found:
            raise UnusableFileError("file_structure_ambiguous", f"{where}: {rel_id} ×2")
        found[rel_id] = (element.get("Target", ""), element.get("TargetMode") == "External")
    return found


def _relationship_list(xml: bytes, where: str) -> list[tuple[str, str, bool]]:
    return [
        (e.get("Type", ""), e.get("Target", ""), e.get("TargetMode") == "External")
        for e in _parse(xml, where).iter()
        if _local(e.tag) == "Relationship"
    ]


def _sheet_elements(root: Element, where: str) -> list[Element]:
    """The workbook's ``<sheet>`` elements. calamine takes every element of that local name
    anywhere in the part; the standard only those in ``<sheets>``: they must be the same."""
    anywhere = [e for e in root.iter() if _local(e.tag) == "sheet"]
    listed = [
        e
        for ns in _SHEET_NAMESPACES
        for sheets in root.findall(f"{{{ns}}}sheets")
        for e in sheets.findall(f"{{{ns}}}sheet")
    ]
    if anywhere != listed:
        raise UnusableFileError("file_structure_ambiguous", f"{where}: <sheet>")
    return listed


def _one_part(entries: dict[str, str], folder: str, target: str) -> str:
    """The zip entry a sheet's target names (a plain target: see :func:`_plain_target`)."""
    _plain_target(target, "workbook.xml.rels")
    found = entries.get(_resolve(folder, target).lower())
    if found is None:
        raise UnusableFileError("file_truncated", f"{target}?")
    return found


def _plain_target(target: str, where: str) -> None:
    """A target that the standard's resolution and calamine's joining as text read alike:
    no ``\\``, no ``.``, ``..`` or empty segment (absolute or relative to the workbook's
    folder, both read it the same way then)."""
    segments = target[1:].split("/") if target.startswith("/") else target.split("/")
    if "\\" in target or any(segment in ("", ".", "..") for segment in segments):
        raise UnusableFileError("file_structure_ambiguous", f"{where}: {target}")


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name (Open Packaging Conventions, part 2, §9.3)."""
    path = target.replace("\\", "/")
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    normal = posixpath.normpath(joined) if joined else ""
    if normal.startswith("../") or normal in ("..", "."):
        raise UnusableFileError("file_structure_ambiguous", target)
    return normal


def _content_type(root: Element, part: str) -> str:
    name = "/" + part.lower()
    for element in root.iter():
        if _local(element.tag) == "Override" and element.get("PartName", "").lower() == name:
            return element.get("ContentType", "")
    return ""


def _parse(xml: bytes, where: str) -> Element:
    try:
        return SafeElementTree.fromstring(xml)
    except DefusedXmlException as exc:
        raise UnusableFileError("file_xml_unsafe", where) from exc
    except SafeElementTree.ParseError as exc:
        raise UnusableFileError("file_truncated", f"{where}: {exc}") from exc


def _local(tag: str) -> str:
    return tag.rpartition("}")[2].rpartition(":")[2]
