"""The Council's result workbook (``thidua vote … --tally``) read back into plain data: its
hidden information and one row per decision, for the dossier (the *biên bản* of the vote)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..core.cellref import cell_text
from ..scorecard.layout import META_SHEET
from ..vote.layout import MEMBER_MARK
from .workbook import OpenedWorkbook

__all__ = [
    "DECISION_MARK",
    "DecidedUnit",
    "SeatedMember",
    "VoteResultFile",
    "read_vote_result_file",
]

DECISION_MARK = "decision"  # a metadata row listing one decision


@dataclass(frozen=True)
class DecidedUnit:
    """One candidate's decision as the result workbook lists it."""

    unit: str
    name: str
    total: Decimal
    rank: int
    yes: int
    no: int
    blank: int
    outcome: str  # an :class:`~thidua_xlsx.core.vote.Outcome` value: "selected", …
    code: str  # the reason's issue code: "vote_passed", …
    reason: str  # the reason in Vietnamese, as written


@dataclass(frozen=True)
class SeatedMember:
    """One Council member as the result workbook lists them: name, role, at the meeting."""

    name: str
    role: str
    present: bool


@dataclass(frozen=True)
class VoteResultFile:
    """A result workbook read back: its hidden information (``title``, ``members``,
    ``present``, ``quorum_met``, ``selected``…), its decisions, in the summary's order, and
    the Council's members in the campaign's order."""

    path: Path
    metadata: Mapping[str, str]
    decisions: tuple[DecidedUnit, ...]
    damaged: bool = False  # a decision or member row that does not read
    members: tuple[SeatedMember, ...] = ()


def read_vote_result_file(opened: OpenedWorkbook, metadata: Mapping[str, str]) -> VoteResultFile:
    """The decisions on the result workbook's hidden sheet."""
    rows = opened.load(META_SHEET)[0].to_python(skip_empty_area=False)
    decisions = []
    members = []
    damaged = False
    for row in rows:
        mark = cell_text(row[0]).strip() if row else ""
        if mark == MEMBER_MARK:
            name, role, presence = ([cell_text(v).strip() for v in row[1:4]] + ["", "", ""])[:3]
            if not name or presence not in ("present", "absent"):
                damaged = True
                continue
            members.append(SeatedMember(name, role, presence == "present"))
            continue
        if mark != DECISION_MARK:
            continue
        texts = [cell_text(v).strip() for v in row[1:11]]
        try:
            unit, name, total, rank, yes, no, blank, outcome, code, reason = texts
            decisions.append(
                DecidedUnit(
                    unit,
                    name,
                    Decimal(total),
                    int(rank),
                    int(yes),
                    int(no),
                    int(blank),
                    outcome,
                    code,
                    reason,
                )
            )
        except (ValueError, InvalidOperation):
            damaged = True
    # a Council has members: a result that lists none was not written whole
    damaged = damaged or not members
    return VoteResultFile(opened.path, metadata, tuple(decisions), damaged, tuple(members))
