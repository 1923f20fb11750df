"""Read and check one returned file against the campaign (SPEC §6): a scorecard
(:mod:`~thidua_xlsx.checking.card`) or a summary (:mod:`~thidua_xlsx.checking.carried`). Every
value is re-read and every score recomputed; each problem is an
:class:`~thidua_xlsx.words.issues.Issue` at its cell. A file that cannot be used is rejected
with the reason: checks return results and never raise on a user's bad data.
"""

from __future__ import annotations

from pathlib import Path

from ..core.model import Campaign
from ..core.results import FileResult
from ..errors import UnusableFileError
from ..intake.reader import ReturnedFileReader
from ..intake.summary_file import SummaryFile
from ..intake.tally_file import TallyFile
from ..intake.verification_file import VerificationFile
from ..intake.vote_result_file import VoteResultFile
from ..words.issues import Issue
from .card import check_card
from .carried import check_summary
from .check_log import clip, message_params

__all__ = ["FileChecker", "check_file"]


class FileChecker:
    """Reads and checks returned files against one campaign; package structures are worked
    out once per template, across the files it checks."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.reader = ReturnedFileReader()

    def check(self, path: Path) -> FileResult:
        """Read and check one returned file; a file that cannot be used is rejected with the
        reason, never raised."""
        try:
            returned = self.reader.read(path)
        except UnusableFileError as exc:
            return _refused(path, exc)
        except Exception as exc:  # one strange file must never stop a run
            return _failed(path, exc)
        except BaseException as exc:  # a panic inside the reading backend (pyo3's PanicException)
            if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            return _failed(path, exc)
        try:
            if isinstance(returned, SummaryFile):
                return check_summary(self.campaign, returned)
            if isinstance(returned, VerificationFile):  # the upper level's, never a unit's
                issue = Issue("verification_in_inbox", file=str(path), value=path.name)
                return FileResult(path, None, (issue,))
            if isinstance(returned, (TallyFile, VoteResultFile)):  # the Council's, no unit's
                issue = Issue("tally_in_inbox", file=str(path), value=path.name)
                return FileResult(path, None, (issue,))
            return check_card(self.campaign, returned)
        except UnusableFileError as exc:  # found while checking (a part read only when needed)
            return _refused(path, exc)
        except Exception as exc:
            return _failed(path, exc)


def check_file(campaign: Campaign, path: Path) -> FileResult:
    """Read and check one returned file (see :class:`FileChecker` for many)."""
    return FileChecker(campaign).check(path)


def _refused(path: Path, exc: UnusableFileError) -> FileResult:
    issue = Issue(exc.code, file=str(path), params=message_params(detail=exc.detail))
    return FileResult(path, None, (issue,))


def _failed(path: Path, exc: BaseException) -> FileResult:
    """The file is rejected with the reason; the run goes on (SPEC §9: nothing lost)."""
    detail = clip(f"{type(exc).__name__}: {exc}", 120)
    issue = Issue("file_check_failed", file=str(path), params=message_params(detail=detail))
    return FileResult(path, None, (issue,))
