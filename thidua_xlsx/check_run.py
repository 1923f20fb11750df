"""Check many files: every file ends accepted or rejected, in a report that renders as a
terminal table, as JSON (SPEC §8) or as a pandas DataFrame of issues."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checks import check_file, collect_files, flag_duplicate_units
from .collector import collector_paused
from .containment import DEFAULT_LIMITS, ReadLimits, run_contained
from .errors import InboxError
from .issues import Issue, Severity
from .model import Campaign
from .results import FileResult, FileStatus
from .scorecard_layout import CardLayout, CardShape, planned_card
from .scoring import RawInput
from .text import format_decimal

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CheckReport", "run_check"]

FILES_PER_WORKER = 32  # a worker more only for this many files more
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CheckReport:
    """The outcome of checking files, one :class:`FileResult` per input file, in order."""

    campaign: Campaign
    files: tuple[FileResult, ...]

    @property
    def accepted(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.ACCEPTED)

    @property
    def rejected(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.REJECTED)

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        """The ``--json`` document: one entry per file (SPEC §8)."""
        return {
            "campaign": self.campaign.info.campaign_id,
            "fingerprint": self.campaign.fingerprint,
            "summary": {
                "files": len(self.files),
                "accepted": len(self.accepted),
                "rejected": len(self.rejected),
            },
            "files": [_file_json(self.campaign, f, lang) for f in self.files],
        }

    def issues_frame(self, lang: str = "vi") -> pd.DataFrame:
        """Every issue of every file as a table (one row per issue)."""
        import pandas as pd

        columns = [
            "file",
            "unit",
            "status",
            "code",
            "severity",
            "sheet",
            "cell",
            "criterion",
            "value",
            "message",
        ]
        rows = [
            [
                str(f.path),
                f.unit or "",
                f.status.value,
                i.code,
                i.severity.value,
                i.sheet,
                i.cell,
                i.criterion,
                i.value,
                i.message(lang),
            ]
            for top in self.files
            for f in top.with_members()
            for i in f.issues
        ]
        return pd.DataFrame(rows, columns=columns)

    def table(self, lang: str = "vi") -> str:
        """A readable report for a terminal."""
        en = lang == "en"
        lines = []
        for result in (f for top in self.files for f in top.with_members()):
            mark = "✔" if result.accepted else "✘"
            word = (
                ("accepted" if en else "nhận")
                if result.accepted
                else ("rejected" if en else "trả lại")
            )
            total = format_decimal(result.card.total, lang) if result.card else "—"
            unit = result.unit or "?"
            if result.is_summary:
                total = f"{len(result.members)} {'units' if en else 'đơn vị'}"
            lines.append(
                f"{'  ' if result.source else ''}{mark} {result.name}  [{unit}]  {word}  "
                f"{'total' if en else 'tổng điểm'}: {total}"
            )
            for issue in result.issues:
                tag = (
                    ("ERROR" if en else "LỖI")
                    if issue.severity is Severity.ERROR
                    else ("warning" if en else "cảnh báo")
                )
                where = f"{issue.cell} " if issue.cell else ""
                lines.append(f"    {where}{tag}: {issue.message(lang)} [{issue.code}]")
        warned = sum(1 for f in self.files if any(i.severity is Severity.WARNING for i in f.issues))
        if en:
            lines.append(
                f"{len(self.files)} file(s): {len(self.accepted)} accepted, "
                f"{len(self.rejected)} rejected, {warned} with warnings."
            )
        else:
            lines.append(
                f"{len(self.files)} tệp: {len(self.accepted)} được nhận, "
                f"{len(self.rejected)} bị trả lại, {warned} có cảnh báo."
            )
        return "\n".join(lines)


def _file_json(campaign: Campaign, result: FileResult, lang: str) -> dict[str, Any]:
    card = result.card
    scores: dict[str, Any] | None = None
    if card is not None:
        scores = {
            "total": str(card.total),
            "self_total": str(card.self_total),
            "regular": str(card.regular),
            "bonus": str(card.bonus),
            "deduction": str(card.deduction),
            "sections": {code: str(v) for code, v in card.section_scores(campaign).items()},
        }
    entry: dict[str, Any] = {
        "path": str(result.path),
        "unit": result.unit,
        "status": result.status.value,
        "scores": scores,
        "issues": [
            {
                "code": i.code,
                "severity": i.severity.value,
                "sheet": i.sheet,
                "cell": i.cell,
                "criterion": i.criterion,
                "value": i.value,
                "message": i.message(lang),
            }
            for i in result.issues
        ],
    }
    if result.source:
        entry["source"] = result.source  # a unit carried by a summary: its file below
    if result.is_summary:
        entry["kind"] = "summary"
        entry["units"] = [_file_json(campaign, m, lang) for m in result.members]
    return entry


def run_check(
    campaign: Campaign,
    paths: Iterable[str | Path],
    workers: int = 1,
    progress: Progress | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> CheckReport:
    """Check every file given (folders are walked). Raises :class:`InboxError` only when there
    is nothing to check; bad files become rejected results.

    Every file is read and checked in a contained worker process (see
    :mod:`~thidua_xlsx.containment`): ``workers`` of them at once (0: one per CPU), each file
    within ``limits``; a file that crashes or hangs the reading library is rejected alone."""
    given = [Path(p) for p in paths]
    missing = [p for p in given if not os.path.lexists(p)]
    if missing:
        raise InboxError(str(missing[0]), "missing")
    files = collect_files(given)
    if not files:
        raise InboxError(", ".join(str(p) for p in given), "empty")
    # a worker per CPU asked for, but no more than the files keep busy (a ward's 15 files
    # need one: starting a second costs more than it saves)
    count = max(1, min(workers or os.cpu_count() or 1, len(files) // FILES_PER_WORKER))
    with collector_paused():  # tens of thousands of acyclic results: see collector.py
        results = run_contained(_CheckJob(campaign), _unreadable, files, count, limits, progress)
        shapes: dict[CardShape, CardLayout] = {}
        for result in results:  # the layout is rebuilt here, not sent back
            for one in result.with_members():
                if one.unit is not None and one.card is not None:
                    # made for this list (unpickled), so no one else holds it: set in
                    # place, not copied
                    layout = planned_card(campaign, campaign.unit(one.unit), shapes)
                    object.__setattr__(one, "layout", layout)
        return CheckReport(campaign, tuple(flag_duplicate_units(campaign, results)))


class _CheckJob:
    """Read and check one file, in a worker: the raw file, the cells and the layout (which
    holds the campaign) stay there; what is sent back is small. Card layouts and equal
    numbers are shared across the files one worker reads."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.layouts: dict[CardShape, CardLayout] = {}
        self.numbers: dict[str, Decimal] = {}

    def __call__(self, path: Path) -> FileResult:
        return _lean(check_file(self.campaign, path, self.layouts), self.numbers)


def _unreadable(path: Path, code: str, detail: str) -> FileResult:
    """A file whose worker died or ran out of time: rejected alone, the run goes on."""
    return FileResult(path, None, (Issue(code, file=str(path), params={"detail": detail}),))


def _lean(result: FileResult, numbers: dict[str, Decimal]) -> FileResult:
    """The result as the parent keeps it, small enough for 50,000 files: no raw file, cells
    or layout; equal numbers are one object, so a chunk pickles each once and the parent
    holds each once; a card verified nowhere keeps one node map for self and final scores;
    the cells as read are kept only where a feedback copy will need them."""
    members = tuple(_lean(m, numbers) for m in result.members)
    card = result.card
    if card is not None:
        self_nodes = _shared(card.self_nodes, numbers)
        same = not result.verified and card.final_nodes == card.self_nodes
        card = replace(
            card,
            self_nodes=self_nodes,
            final_nodes=self_nodes if same else _shared(card.final_nodes, numbers),
        )
    inputs = {  # RawInput(...) directly: dataclasses.replace is slow, and this runs per leaf
        code: raw
        if raw.amount is None and raw.target is None
        else RawInput(
            amount=_one(raw.amount, numbers),
            met=raw.met,
            target=_one(raw.target, numbers),
            explanation=raw.explanation,
            evidence=raw.evidence,
        )
        for code, raw in result.inputs.items()
    }
    return replace(
        result,
        layout=None,
        members=members,
        card=card,
        inputs=inputs,
        verified=_shared(result.verified, numbers),
        values=result.values if any(map(_needs_copy, result.issues)) else {},
    )


def _needs_copy(issue: Issue) -> bool:
    """An issue that gets the file a feedback copy (as in :mod:`thidua_xlsx.feedback`)."""
    return bool(issue.cell) or issue.severity is Severity.ERROR


def _shared(scores: Mapping[str, Decimal], numbers: dict[str, Decimal]) -> dict[str, Decimal]:
    return {code: numbers.setdefault(str(value), value) for code, value in scores.items()}


def _one(value: Decimal | None, numbers: dict[str, Decimal]) -> Decimal | None:
    return None if value is None else numbers.setdefault(str(value), value)
