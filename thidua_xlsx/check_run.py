"""Check many files: every file ends accepted or rejected, in a report that renders as a
terminal table, as JSON (SPEC §8) or as a pandas DataFrame of issues."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checks import FileResult, FileStatus, check_file, collect_files, flag_duplicate_units
from .collector import collector_paused
from .errors import InboxError
from .issues import Issue, Severity
from .model import Campaign
from .scorecard_layout import CardLayout, CardShape, planned_card
from .scoring import RawInput
from .text import format_decimal

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CheckReport", "run_check"]

PARALLEL_FROM = 200  # files; below this, one process is faster than starting workers
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
) -> CheckReport:
    """Check every file given (folders are walked). Raises :class:`InboxError` only when there
    is nothing to check; bad files become rejected results."""
    given = [Path(p) for p in paths]
    missing = [p for p in given if not p.exists()]
    if missing:
        raise InboxError(str(missing[0]), "missing")
    files = collect_files(given)
    if not files:
        raise InboxError(", ".join(str(p) for p in given), "empty")
    count = min(workers or os.cpu_count() or 1, len(files))
    with collector_paused():  # tens of thousands of acyclic results: see collector.py
        if count > 1 and len(files) >= PARALLEL_FROM:
            results = _parallel(campaign, files, count, progress)
        else:
            results = []
            layouts: dict[CardShape, CardLayout] = {}
            for index, path in enumerate(files, start=1):
                results.append(check_file(campaign, path, layouts))
                if progress:
                    progress(index, len(files))
        return CheckReport(campaign, tuple(flag_duplicate_units(campaign, results)))


def _parallel(
    campaign: Campaign, files: Sequence[Path], count: int, progress: Progress | None
) -> list[FileResult]:
    """``count`` processes in all, this one included: ``count - 1`` workers take chunks from
    the front of the list while this process checks chunks from the back, until they meet.
    Half the results are never pickled, and no third process competes for two cores."""
    # fork where the system has it (no thread is running here): workers start at once
    # instead of importing everything again; spawn elsewhere
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # a chunk's results are held until it is done: bounded, for 50,000 files; small enough
    # that no one waits long for the last chunk
    size = min(max(16, len(files) // (count * 32)), 200)
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    done: dict[int, list[FileResult]] = {}
    shapes: dict[CardShape, CardLayout] = {}
    numbers: dict[str, Decimal] = {}
    checked = 0

    def keep(index: int, results: list[FileResult]) -> None:
        nonlocal checked
        for result in results:  # the layout is rebuilt here, not sent back
            if result.unit is not None and result.card is not None:
                # made for this list (unpickled, or lean), so no one else holds it: set in
                # place, not copied
                layout = planned_card(campaign, campaign.unit(result.unit), shapes)
                object.__setattr__(result, "layout", layout)
        done[index] = results
        checked += len(results)
        if progress:
            progress(checked, len(files))

    workers = count - 1
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_worker_start, initargs=(campaign,)
    ) as pool:
        running: dict[Future[list[FileResult]], int] = {}
        front, back = 0, len(chunks)

        def feed() -> None:  # one chunk running and one waiting per worker
            nonlocal front
            while front < back and len(running) < 2 * workers:
                running[pool.submit(_check_chunk, chunks[front])] = front
                front += 1

        feed()
        while front < back:
            back -= 1
            keep(back, _lean_chunk(campaign, chunks[back], numbers))
            for future in [f for f in running if f.done()]:
                keep(running.pop(future), future.result())
            feed()
        for future in as_completed(list(running)):
            keep(running.pop(future), future.result())
    return [result for index in range(len(chunks)) for result in done[index]]


_WORKER_CAMPAIGN: list[Campaign] = []


def _worker_start(campaign: Campaign) -> None:
    """Each worker receives the campaign once, not with every chunk. A worker forked while
    the parent's collector is paused collects as usual (a hostile file's traceback makes
    reference cycles)."""
    _WORKER_CAMPAIGN[:] = [campaign]
    gc.enable()


def _check_chunk(paths: Sequence[Path]) -> list[FileResult]:
    """In a worker: the raw file, the cells and the layout (which holds the campaign) stay
    here; what is sent back is small."""
    return _lean_chunk(_WORKER_CAMPAIGN[0], paths, {})


def _lean_chunk(
    campaign: Campaign, paths: Sequence[Path], numbers: dict[str, Decimal]
) -> list[FileResult]:
    layouts: dict[CardShape, CardLayout] = {}
    return [_lean(check_file(campaign, path, layouts), numbers) for path in paths]


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
        returned=None,
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
