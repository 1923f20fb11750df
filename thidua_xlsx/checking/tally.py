"""Check the Council's tally workbook, read like any returned file: this campaign and its
current criteria, the Council as it is now (members and rules), the candidates the summary
still proposes, its own listing unchanged (its fingerprint), every member's row and every
candidate's column where they were written, and every cell typed one of the words offered.
A tally with any error decides nothing; checks never raise on the user's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..core.cellref import cell_name
from ..core.council import CouncilMember
from ..core.vi_text import fold
from ..core.vote import (
    TALLY_KIND,
    Candidate,
    Choice,
    MemberVote,
    VotePlan,
    tally_fingerprint,
)
from ..errors import UnusableFileError
from ..intake.reader import ReturnedFileReader
from ..intake.tally_file import TallyFile
from ..vote.layout import (
    CODE_ROW,
    MCOL,
    candidate_col,
    member_row,
    presence_from_text,
    vote_from_text,
)
from ..words.issues import Issue, Severity
from .cell_values import is_blank, read_text, shown
from .check_log import Checked, CheckLog, clip, message_params

__all__ = ["TallyChecker", "TallyReading", "check_tally"]


@dataclass(frozen=True)
class TallyReading:
    """A tally read and checked: its issues and, when it has no error, every member's votes."""

    path: Path
    issues: tuple[Issue, ...]
    votes: tuple[MemberVote, ...] = ()
    readable: bool = True

    @property
    def accepted(self) -> bool:
        return self.readable and not any(i.severity is Severity.ERROR for i in self.issues)


class TallyChecker:
    """Reads and checks a tally against the vote it was written for (in a worker process:
    see :func:`thidua_xlsx.merge.vote.decide_vote`)."""

    def __init__(self, plan: VotePlan) -> None:
        self.plan = plan
        self.reader = ReturnedFileReader()

    def __call__(self, path: Path) -> TallyReading:
        try:
            returned = self.reader.read(path)
        except UnusableFileError as exc:
            return refused(path, exc.code, exc.detail)
        except Exception as exc:  # one strange file must never stop a run
            return refused(path, "file_check_failed", f"{type(exc).__name__}: {exc}")
        if not isinstance(returned, TallyFile):
            kind = returned.metadata.get("kind") or "card"
            issue = Issue("tally_not_tally", file=str(path), value=kind)
            return TallyReading(path, (issue,), readable=False)
        try:
            return check_tally(self.plan, returned)
        except Exception as exc:
            return refused(path, "file_check_failed", f"{type(exc).__name__}: {exc}")


def refused(path: Path, code: str, detail: str) -> TallyReading:
    """A file that could not be read as a tally."""
    issue = Issue(code, file=str(path), params=message_params(detail=clip(detail, 120)))
    return TallyReading(path, (issue,), readable=False)


def check_tally(plan: VotePlan, file: TallyFile) -> TallyReading:
    """Every issue of one tally, and the votes it holds."""
    log = CheckLog(Checked(file.path, file.sheet, file.saved_at))
    meta = file.metadata
    campaign = plan.campaign

    def stop() -> TallyReading:
        return TallyReading(file.path, tuple(log.issues))

    if meta.get("kind") != TALLY_KIND:
        log.add("tally_not_tally", value=meta.get("kind", ""))
        return stop()
    if meta.get("campaign_id") != campaign.info.campaign_id:
        log.add(
            "tally_other_campaign",
            value=meta.get("campaign_id", ""),
            expected=campaign.info.campaign_id,
        )
        return stop()
    if meta.get("fingerprint") != campaign.fingerprint:
        log.add("tally_outdated", value=meta.get("fingerprint", ""))
        return stop()
    if meta.get("council_fingerprint") != plan.council_fingerprint:
        log.add("tally_council_changed")
        return stop()
    listed = _listing(file)
    if listed is None or not file.sheet:
        log.add("tally_damaged", detail=file.sheet or "sheet")
        return stop()
    own = tally_fingerprint(campaign.fingerprint, plan.council_fingerprint, listed)
    if meta.get("tally_fingerprint") != own:
        log.add("tally_damaged", detail="fingerprint")
        return stop()
    if [(c.unit, c.total) for c in listed] != [(c.unit, c.total) for c in plan.candidates]:
        log.add("tally_summary_changed", detail=_difference(listed, plan.candidates))
        return stop()
    members = plan.council.members
    damaged = [
        cell_name(member_row(i), MCOL["name"])
        for i, m in enumerate(members)
        if fold(_text(file, cell_name(member_row(i), MCOL["name"]))) != fold(m.name)
    ]
    damaged += [
        cell_name(CODE_ROW, candidate_col(i))
        for i, c in enumerate(listed)
        if _text(file, cell_name(CODE_ROW, candidate_col(i))).strip() != c.unit
    ]
    if damaged:
        log.add("tally_damaged", detail=", ".join(damaged[:6]))
        return stop()
    votes = [_member_votes(log, file, plan, i, m, listed) for i, m in enumerate(members)]
    reading = TallyReading(file.path, tuple(log.issues), tuple(votes))
    return reading if reading.accepted else TallyReading(file.path, reading.issues)


def _listing(file: TallyFile) -> list[Candidate] | None:
    """The hidden listing as candidates (None when a line of it does not read)."""
    candidates = []
    for line in file.listing:
        try:
            unit, name, total, rank, band = line
            candidates.append(Candidate(unit, name, Decimal(total), int(rank), band))
        except (ValueError, InvalidOperation):
            return None
    return candidates


def _difference(listed: list[Candidate], now: tuple[Candidate, ...]) -> str:
    before = {c.unit for c in listed}
    after = {c.unit for c in now}
    parts = []
    if after - before:
        parts.append("+ " + ", ".join(sorted(after - before)))
    if before - after:
        parts.append("− " + ", ".join(sorted(before - after)))
    if not parts:
        totals = {c.unit: c.total for c in now}
        parts.append(", ".join(c.unit for c in listed if totals.get(c.unit) != c.total))
    return "; ".join(parts) or "?"


def _text(file: TallyFile, ref: str) -> str:
    value = file.cell(ref)
    return "" if value is None else read_text(value)[0]


def _member_votes(
    log: CheckLog,
    file: TallyFile,
    plan: VotePlan,
    index: int,
    member: CouncilMember,
    candidates: list[Candidate],
) -> MemberVote:
    """One member's row: presence, then a choice per candidate, each checked at its cell."""
    row = member_row(index)
    ref = cell_name(row, MCOL["presence"])
    present: bool | None = None
    typed = _typed(log, file, ref)
    if typed is None:
        log.add("tally_presence_missing", cell=ref, member=member.name)
    else:
        present = presence_from_text(typed)
        if present is None:
            log.add("tally_presence_unknown", cell=ref, value=typed, member=member.name)
    choices: dict[str, Choice] = {}
    for col, candidate in enumerate(candidates):
        ref = cell_name(row, candidate_col(col))
        typed = _typed(log, file, ref)
        who, unit = member.name, candidate.name
        if typed is None:
            if present:
                log.add("tally_vote_blank", cell=ref, member=who, unit=unit)
            continue
        agreed = vote_from_text(typed)
        if agreed is None:
            log.add("tally_vote_unknown", cell=ref, value=typed, member=who, unit=unit)
            continue
        if present is False and not plan.council.written_votes_count:
            log.add("tally_absent_vote_ignored", cell=ref, member=who, unit=unit)
        choices[candidate.unit] = Choice.YES if agreed else Choice.NO
    return MemberVote(member, bool(present), choices)


def _typed(log: CheckLog, file: TallyFile, ref: str) -> str | None:
    """What a cell holds as text (None when blank); an error value is shown as typed."""
    error = file.error_cells.get(ref)
    if error is not None:
        return error
    value = file.cell(ref)
    if value is None or is_blank(value):
        return None
    text, problems = read_text(value)
    for problem in problems:
        log.add_problem(problem, ref, "")
    return text.strip() or shown(value) or None
