"""Read a returned file into plain data, trusting nothing in it (SPEC §6): a scorecard
(:class:`~thidua_xlsx.intake.scorecard_file.ScorecardFile`) or a summary
(:class:`~thidua_xlsx.intake.summary_file.SummaryFile`) or an upper level's verification
workbook (:class:`~thidua_xlsx.intake.verification_file.VerificationFile`), as its hidden
information says.

The file is read once into memory (:mod:`~thidua_xlsx.intake.file_bytes`), sniffed by its
content, not its name (:mod:`~thidua_xlsx.intake.archive`); which part holds each sheet is
answered by :mod:`~thidua_xlsx.intake.structure` (an XML parser, one answer for the guard and
the reader); values come from python-calamine (.xlsx, .xlsm, .xls, .ods; nothing is evaluated
or run); the cells holding formulas or error values come from
:mod:`~thidua_xlsx.intake.marks`, in every format; the saved time, macros and links from the
package (:mod:`~thidua_xlsx.intake.package`).

Hostile files are refused before anything large is read (SPEC §9): the sizes the zip directory
declares are checked first (a zip bomb is never inflated; a part that inflates past its declared
size is cut off), every sheet's extent is bounded before python-calamine builds it (see
:mod:`~thidua_xlsx.intake.workbook`), and XML carrying DOCTYPE or ENTITY declarations is
refused. Macros, embedded objects and external links are noted, never opened. These guards are
a fast first filter: what they miss is contained by the worker process the file is read in
(see :mod:`~thidua_xlsx.runtime.containment`).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import python_calamine

from ..core.cellref import cell_text
from ..core.verification import VERIFICATION_KIND
from ..core.vote import TALLY_KIND, VOTE_RESULT_KIND
from ..errors import UnusableFileError
from ..scorecard.layout import META_SHEET
from .archive import close, diagnose, read_part, read_structural_part, sniff
from .file_bytes import read_file_bytes
from .scorecard_file import ScorecardFile, read_scorecard
from .structure import PackageStructure, StructureCache
from .summary_file import SummaryFile, read_summary
from .tally_file import TallyFile, read_tally
from .verification_file import VerificationFile, read_verification
from .vote_result_file import VoteResultFile, read_vote_result_file
from .workbook import OpenedWorkbook, check_ods_extent

__all__ = ["ReturnedFileReader", "UnusableFileError", "read_returned_file"]


class ReturnedFileReader:
    """Reads returned files, remembering the package structures worked out on the way (files
    made from one template share one; see :class:`~thidua_xlsx.intake.structure.StructureCache`)."""

    def __init__(self, summary_verified: bool = False, summary_definition: bool = False) -> None:
        self.structures = StructureCache()
        self.summary_verified = summary_verified  # a summary's Thẩm định read too (dossier)
        self.summary_definition = summary_definition  # and its campaign definition (trend)

    def read(
        self, path: Path
    ) -> ScorecardFile | SummaryFile | VerificationFile | TallyFile | VoteResultFile:
        """Read ``path``; raise :class:`UnusableFileError` with an issue code when it is not
        usable."""
        data = read_file_bytes(path)
        kind, archive = sniff(data)
        structure = None
        try:
            if kind in ("xlsx", "xlsm") and archive is not None:
                structure = self._structure(data, archive)
                kind = "xlsm" if structure.macro_enabled or kind == "xlsm" else "xlsx"
            if kind == "ods" and archive is not None:  # calamine expands every sheet on opening
                check_ods_extent(read_part(data, archive, "content.xml"))
            workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        except python_calamine.PasswordError as exc:
            close(archive)
            raise UnusableFileError("file_encrypted") from exc
        except (python_calamine.CalamineError, ValueError, OSError, zipfile.BadZipFile) as exc:
            code = diagnose(archive, exc) if kind != "xls" else "file_not_workbook"
            close(archive)
            raise UnusableFileError(code, str(exc)) from exc
        except BaseException:
            close(archive)
            raise
        try:
            opened = OpenedWorkbook(path, kind, data, archive, structure, workbook)
            if len(set(opened.names)) != len(opened.names):
                # two sheets of one name: calamine keeps the last one's cells, a name lookup
                # the first (every format)
                raise UnusableFileError("file_structure_ambiguous", "×2")
            if structure is not None and opened.names != structure.sheet_names:
                # calamine found other sheets than the workbook lists: the guard would bound
                # parts calamine does not read
                raise UnusableFileError("file_structure_ambiguous", ", ".join(opened.names))
            return _read(opened, self.summary_verified, self.summary_definition)
        except (python_calamine.CalamineError, ValueError, zipfile.BadZipFile, KeyError) as exc:
            raise UnusableFileError(diagnose(archive, exc), str(exc)) from exc
        finally:
            workbook.close()
            close(archive)

    def _structure(self, data: bytes, archive: zipfile.ZipFile) -> PackageStructure:
        """Which part is which; its small parts are inflated within the size a structural
        part may have."""
        return self.structures.structure(
            archive, lambda name: read_structural_part(data, archive, name)
        )


def read_returned_file(
    path: Path,
) -> ScorecardFile | SummaryFile | VerificationFile | TallyFile | VoteResultFile:
    """Read ``path``; raise :class:`UnusableFileError` with an issue code when it is not usable
    (see :class:`ReturnedFileReader` for many files)."""
    return ReturnedFileReader().read(path)


def _read(
    opened: OpenedWorkbook, summary_verified: bool = False, summary_definition: bool = False
) -> ScorecardFile | SummaryFile | VerificationFile | TallyFile | VoteResultFile:
    """The file's hidden information, then the card, the summary or the verification workbook
    it says the file is."""
    sheets = {meta.name: meta for meta in opened.workbook.sheets_metadata}
    metadata: dict[str, str] = {}
    metadata_visible = False
    if META_SHEET in sheets:
        # LibreOffice saves "very hidden" as "hidden": only a visible sheet was unhidden
        metadata_visible = sheets[META_SHEET].visible == python_calamine.SheetVisibleEnum.Visible
        for row in opened.load(META_SHEET)[0].to_python(skip_empty_area=False):
            if len(row) >= 2 and isinstance(row[0], str) and row[0]:
                metadata[row[0]] = cell_text(row[1])
    if metadata.get("kind") == "summary":
        return read_summary(opened, metadata, summary_verified, summary_definition)
    if metadata.get("kind") == VERIFICATION_KIND:
        return read_verification(opened, metadata)
    if metadata.get("kind") == TALLY_KIND:
        return read_tally(opened, metadata)
    if metadata.get("kind") == VOTE_RESULT_KIND:
        return read_vote_result_file(opened, metadata)
    return read_scorecard(opened, metadata, metadata_visible)
