"""What checking a file gives (pure: no spreadsheet library): its status and result."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path

from ..words.issues import Issue, Severity
from .cellref import CellValue
from .scoring import RawInput, ScoreCard

__all__ = ["OWN_FILE_CODES", "FileResult", "FileStatus", "needs_feedback"]

# A file this tool wrote, found among the inputs: never a unit's submission (SPEC §9)
OWN_FILE_CODES = ("file_feedback_copy", "file_own_summary")


def needs_feedback(issues: Iterable[Issue]) -> bool:
    """Whether a file with these issues gets a feedback copy: an error, or a warning about a
    cell (lateness alone needs no copy, nor information: a result over its target)."""
    return any(
        i.severity is Severity.ERROR or (i.cell and i.severity is Severity.WARNING) for i in issues
    )


class FileStatus(Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class FileResult:
    """One file's verdict: its unit, issues, the inputs as read and the recomputed scores."""

    path: Path
    unit: str | None
    issues: tuple[Issue, ...]
    card: ScoreCard | None = None
    inputs: Mapping[str, RawInput] = field(default_factory=dict)
    verified: Mapping[str, Decimal] = field(default_factory=dict)
    values: Mapping[tuple[str, str], CellValue] = field(default_factory=dict)
    saved_at: datetime | None = None  # when the workbook says it was last saved
    # a summary read back: the units it carries, each checked like its own card
    members: tuple[FileResult, ...] = ()
    source: str = ""  # for a unit carried by a summary: the file it came from at the level below
    card_kind: str = ""  # "full", "sector" or "composed" (from the card's hidden information)
    is_summary: bool = False
    cluster: str = ""  # for a summary: the cụm thi đua it ranks ("" for all the units)
    period: str = ""  # for a summary: the reporting period it is of ("" : none)

    @property
    def status(self) -> FileStatus:
        if any(i.severity is Severity.ERROR for i in self.issues):
            return FileStatus.REJECTED
        if self.card is None and not (self.is_summary and self.members):
            return FileStatus.REJECTED
        return FileStatus.ACCEPTED

    @property
    def name(self) -> str:
        """The name shown to people (``tổng hợp.xlsx › NH-CA.xlsx`` for a carried unit)."""
        return f"{self.path.name} › {self.source}" if self.source else self.path.name

    def with_members(self) -> list[FileResult]:
        """This result, then the units a summary carries."""
        return [self, *self.members]

    @property
    def is_blank(self) -> bool:
        """A card sent back with nothing entered (``card_blank``): rejected, and its unit
        listed as having sent an empty card."""
        return any(i.code == "card_blank" for i in self.issues)

    @property
    def accepted(self) -> bool:
        return self.status is FileStatus.ACCEPTED

    @property
    def needs_feedback(self) -> bool:
        """A file of a unit with something to fix or to note by cell (see :func:`needs_feedback`);
        never a file this tool wrote."""
        return needs_feedback(self.issues) and not self.is_own_file

    @property
    def is_own_file(self) -> bool:
        """A file this tool wrote (an unchanged feedback copy, the level's own summary):
        accounted for, never one of a unit's files."""
        return any(i.code in OWN_FILE_CODES for i in self.issues)
