"""The exception tree: raised only when input is unusable, never for a user's bad values.

::

    ThiduaError                   anything this library raises on purpose
    ├── UnitSelectionError        a unit code asked for is not in the campaign
    ├── NoSectorsError            compose asked for a unit that has no sectors under it
    ├── InboxError                nothing to check: the inbox is missing or empty
    ├── CampaignError             the campaign workbook cannot be used
    │   ├── CampaignFileError     missing, not a workbook, a sheet missing
    │   └── CampaignDefinitionError   read, but the definition is broken (``.problems``)
    ├── OutputError               an output cannot be written
    │   ├── OutputExistsError     it exists and may hold someone's work (use ``force``)
    │   ├── OutputNotEmptyError   a folder to fill already holds other files
    │   └── OutputOverlapsInputError   it is an input, or lies among the inputs
    ├── DemoDataError             the sample data of ``thidua demo`` is not installed
    ├── VoteError                 ``thidua vote`` cannot start: no Council, no award, the
    │                             summary not usable
    ├── DossierError              ``thidua dossier``: the summary, the award or the vote unusable
    ├── LockError                 a locked period: the run would change it, the lock book is
    │                             damaged, the file is not a summary to lock (``.code``)
    ├── TrendError                ``thidua trend``: fewer than two summaries can be compared
    └── UnusableFileError         a returned file cannot be read as a workbook (``.code``: the
                                  issue to report for it); caught by the checker, never
                                  raised out of a check

Every error is a message code of :data:`thidua_xlsx.words.messages.MESSAGES` with its
parameters, said in Vietnamese or English by ``message(lang)``; ``str(error)`` is Vietnamese.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .words.issues import Issue, Severity
from .words.messages import MESSAGES, Message, Param, as_lang, check_params, render

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "CampaignDefinitionError",
    "CampaignError",
    "CampaignFileError",
    "DemoDataError",
    "DossierError",
    "InboxError",
    "LockError",
    "NoSectorsError",
    "OutputError",
    "OutputExistsError",
    "OutputNotEmptyError",
    "OutputOverlapsInputError",
    "PeriodError",
    "ThiduaError",
    "TrendError",
    "UnitSelectionError",
    "UnusableFileError",
    "VoteError",
]


class ThiduaError(Exception):
    """Base of every exception this library raises on purpose: ``message_code`` names its
    text in the messages catalogue, ``params`` fill it (checked here, so a call that misses
    one fails where it is made)."""

    message_code: str
    params: Mapping[str, Param]

    def __init__(self, message_code: str, /, **params: Param) -> None:
        check_params(MESSAGES[message_code], params)
        self.message_code = message_code
        self.params = params
        super().__init__(ThiduaError.message(self, "vi"))

    def message(self, lang: str = "vi") -> str:
        return render(self.message_code, as_lang(lang), **self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        # the subclasses' constructors differ: rebuilt from the state, not from ``args``
        return (_rebuilt, (type(self), self.args, self.__dict__))


def _rebuilt(cls: type[ThiduaError], args: tuple[Any, ...], state: dict[str, Any]) -> ThiduaError:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class CampaignError(ThiduaError):
    """The campaign workbook cannot be used."""


class CampaignFileError(CampaignError):
    """The campaign workbook is missing, unreadable, or lacks a required sheet. ``reason``:
    the code of the reason in the messages catalogue (``reason.file_not_found``…), with the
    parameters its text needs."""

    def __init__(self, path: str, reason: str, /, **params: Param) -> None:
        super().__init__("error.campaign_file", path=path, reason=Message(reason, **params))
        self.path = path
        self.reason = reason


class CampaignDefinitionError(CampaignError):
    """The campaign workbook was read but its definition is broken; ``problems`` lists all."""

    def __init__(self, path: str, problems: list[Issue]) -> None:
        errors = sum(1 for p in problems if p.severity is Severity.ERROR)
        super().__init__("error.campaign_definition", path=path, count=errors)
        self.path = path
        self.problems = problems  # the errors, then any warnings

    def message(self, lang: str = "vi") -> str:
        said = as_lang(lang)
        lines = [super().message(lang) + ":"]
        for problem in self.problems:
            mark = (
                ""
                if problem.severity is Severity.ERROR
                else f"({render('severity.warning', said)}) "
            )
            lines.append(f"  - {mark}{problem.describe(lang)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.message("vi")


class OutputError(ThiduaError):
    """An output file or folder cannot be written; ``reason``: the operating system's error
    (said in the reader's language when it is a common one) or a text."""

    def __init__(self, path: str, reason: str | OSError) -> None:
        said = _os_reason(reason) if isinstance(reason, OSError) else reason
        super().__init__("error.output", path=path, reason=said)
        self.path = path


def _os_reason(exc: OSError) -> Message:
    """An operating-system error in words for the operator (``os.EACCES``…, else its text)."""
    code = f"os.{errno.errorcode.get(exc.errno or 0, '')}"
    if code in MESSAGES:
        return Message(code)
    return Message("os.other", detail=exc.strerror or str(exc))


class OutputExistsError(OutputError):
    """The output exists and may hold someone's work; overwrite only when asked to."""

    def __init__(self, path: str) -> None:
        ThiduaError.__init__(self, "error.output_exists", path=path)
        self.path = path


class OutputNotEmptyError(OutputError):
    """A folder the command fills (``thidua demo DIR``) already holds files it did not write."""

    def __init__(self, path: str) -> None:
        ThiduaError.__init__(self, "error.output_not_empty", path=path)
        self.path = path


class OutputOverlapsInputError(OutputError):
    """An output would replace an input or land among the inputs (SPEC §9: outputs never
    replace inputs). ``how``: ``same`` (it is the input), ``inside`` (it lies inside an input
    folder) or ``beside`` (a folder to write into holds an input file)."""

    def __init__(self, path: str, input_path: str, how: str) -> None:
        if how == "inside":
            ThiduaError.__init__(
                self, "error.output_inside_input", path=path, input_path=input_path
            )
        elif how == "beside":
            ThiduaError.__init__(
                self, "error.output_beside_input", path=path, input_path=input_path
            )
        else:
            ThiduaError.__init__(self, "error.output_is_input", path=path, input_path=input_path)
        self.path = path
        self.input_path = input_path
        self.how = how


class DemoDataError(ThiduaError):
    """The sample inboxes or the campaign workbook shipped for ``thidua demo`` are missing."""

    def __init__(self, path: str) -> None:
        super().__init__("error.demo_data", path=path)
        self.path = path


class UnitSelectionError(ThiduaError):
    """A unit code given on the command line (``--unit``, ``--parent``) is not in the campaign."""

    def __init__(self, unknown: list[str], known: list[str], cluster: bool = False) -> None:
        listed = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
        names = ", ".join(unknown)
        if cluster:
            super().__init__(
                "error.unknown_cluster", names=names, listed=listed or Message("word.none")
            )
        else:
            super().__init__("error.unknown_unit", names=names, listed=listed)
        self.unknown = unknown


class NoSectorsError(ThiduaError):
    """``merge --mode compose`` for a unit with no sectors under it: nothing to compose, and a
    card of 0 points would look like a real one."""

    def __init__(self, unit: str, name: str, children: list[str]) -> None:
        listed = ", ".join(children[:12]) + (", …" if len(children) > 12 else "")
        super().__init__(
            "error.compose_no_sectors",
            unit=unit,
            name=name,
            listed=listed or Message("word.none"),
        )
        self.unit = unit


class PeriodError(ThiduaError):
    """``--period`` names no period of the campaign, is missing where the campaign has
    periods, or is given where it has none."""

    def __init__(self, code: str, typed: str = "", listed: str = "") -> None:
        if code == "error.no_periods":
            super().__init__(code, typed=typed)
        elif code == "error.period_needed":
            super().__init__(code, listed=listed)
        else:
            super().__init__(code, typed=typed, listed=listed)


class InboxError(ThiduaError):
    """There is nothing to check or merge: a path given does not exist, or holds no file."""

    def __init__(self, path: str, reason: str) -> None:
        if reason == "missing":
            super().__init__("error.inbox_missing", path=path)
        else:
            super().__init__("error.inbox_empty", path=path)
        self.path = path


class UnusableFileError(ThiduaError):
    """The file cannot be read as a workbook; ``code`` is the issue to report (from the
    catalogue), ``detail`` what was found. Its message is that issue's."""

    def __init__(self, code: str, detail: str = "") -> None:
        issue = Issue(code, params={"detail": detail})
        super().__init__("error.unusable_file", issue=issue, code=code)
        self.code = code
        self.detail = detail


class VoteError(ThiduaError):
    """``thidua vote`` cannot start: the campaign has no Council or no award to vote on, or the
    summary cannot be used (``reason``: a message code, ``vote.no_council``…)."""

    def __init__(self, reason: str, /, **params: Param) -> None:
        super().__init__(reason, **params)
        self.reason = reason


class DossierError(ThiduaError):
    """``thidua dossier`` cannot make the papers: the file is not a usable summary of the
    campaign (``not_summary``), the campaign names no award (``no_award``), the vote given
    cannot be read (``vote``) or was held on another summary's candidates
    (``vote_summary``), or a template cannot be filled (``template``)."""

    def __init__(self, reason: str, path: str, detail: str = "") -> None:
        if reason == "no_award":
            super().__init__("error.dossier_no_award", path=path)
        elif reason == "vote":
            super().__init__("error.dossier_vote", path=path, detail=detail)
        elif reason == "vote_summary":
            super().__init__("error.dossier_vote_summary", path=path, detail=detail)
        elif reason == "template":
            super().__init__("error.dossier_template", path=path, detail=detail)
        else:
            super().__init__("error.dossier_not_summary", path=path, detail=detail)
        self.reason = reason
        self.path = path


class LockError(ThiduaError):
    """A locked period (``thidua lock``, ``merge --lock``/``--reopen``): ``code`` says which
    refusal — ``period_locked`` (the run would change a locked result; nothing is written),
    ``lock_book_damaged`` (the lock book cannot be trusted), ``lock_not_summary`` (the file
    is not a summary this campaign can lock)."""

    def __init__(self, code: str, /, **params: Param) -> None:
        super().__init__(f"error.{code}", **params)
        self.code = code


class TrendError(ThiduaError):
    """``thidua trend`` has fewer than two summaries it can compare (``count`` usable; the
    refused files and why in ``refused``, one issue each)."""

    def __init__(self, count: int, refused: Sequence[Issue]) -> None:
        said = "; ".join(f"{Path(i.file).name}: {i.message('vi')}" for i in refused) or "—"
        super().__init__("error.trend_too_few", count=count, files=said)
        self.count = count
        self.refused = tuple(refused)

    def message(self, lang: str = "vi") -> str:
        said = "; ".join(f"{Path(i.file).name}: {i.message(lang)}" for i in self.refused) or "—"
        return render(self.message_code, as_lang(lang), count=self.count, files=said)
