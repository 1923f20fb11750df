"""Check many files: every file ends accepted or rejected, in a report that renders as a
terminal table, as JSON (SPEC §8) or as a pandas DataFrame of issues."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.model import Campaign
from ..core.reports import CheckReport
from ..core.results import FileResult
from ..errors import InboxError
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits, run_contained
from ..words.issues import Issue
from .checker import FileChecker
from .duplicates import flag_duplicate_units
from .inbox import collect_files

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["issues_frame", "run_check"]

FILES_PER_WORKER = 32  # a worker more only for this many files more
Progress = Callable[[int, int], None]


def issues_frame(report: CheckReport, lang: str = "vi") -> pd.DataFrame:
    """Every issue of every file of ``report`` as a pandas table (one row per issue)."""
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
        for top in report.files
        for f in top.with_members()
        for i in f.issues
    ]
    return pd.DataFrame(rows, columns=columns)


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
    :mod:`~thidua_xlsx.runtime.containment`): ``workers`` of them at once (0: one per CPU),
    each file within ``limits``; a file that crashes or hangs the reading library is rejected
    alone."""
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
    results = run_contained(_CheckJob(campaign), _unreadable, files, count, limits, progress)
    return CheckReport(campaign, tuple(flag_duplicate_units(campaign, results)))


class _CheckJob:
    """Read and check one file, in a worker; the result is small (no file bytes, cells only
    where a feedback copy needs them). Package structures and equal numbers are shared across the
    files one worker reads."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.checker = FileChecker(campaign)
        self.numbers: dict[str, Decimal] = {}

    def __call__(self, path: Path) -> FileResult:
        return _interned(self.checker.check(path), self.numbers)


def _unreadable(path: Path, code: str, detail: str) -> FileResult:
    """A file whose worker died or ran out of time: rejected alone, the run goes on."""
    return FileResult(path, None, (Issue(code, file=str(path), params={"detail": detail}),))


def _interned(result: FileResult, numbers: dict[str, Decimal]) -> FileResult:
    """The result with its scores' equal numbers as one object, across the files one worker
    reads: a batch then pickles each number once, and this process holds each once (a fifth
    less memory per result, which a country's 50,000 results feel; see docs/benchmarks.md).
    Only the score maps: sharing the inputs' numbers as well saved nothing measurable and took
    three times as long."""
    card = result.card
    if card is not None:
        self_nodes = _shared(card.self_nodes, numbers)
        same = card.final_nodes is card.self_nodes
        card = replace(
            card,
            self_nodes=self_nodes,
            final_nodes=self_nodes if same else _shared(card.final_nodes, numbers),
        )
    return replace(
        result,
        members=tuple(_interned(m, numbers) for m in result.members),
        card=card,
        verified=_shared(result.verified, numbers),
    )


def _shared(scores: Mapping[str, Decimal], numbers: dict[str, Decimal]) -> dict[str, Decimal]:
    return {code: numbers.setdefault(str(value), value) for code, value in scores.items()}
