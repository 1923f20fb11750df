"""Checking in worker processes gives the same results as one process (what the parent keeps
is made small: no raw file or cells, shared numbers and layouts; see check_run._lean)."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from thidua_xlsx import Severity, check_run, load_campaign
from thidua_xlsx.check_run import run_check
from thidua_xlsx.checks import FileResult

from conftest import ROOT, SEED_003

FILES = ROOT / "tests" / "files"


def test_two_processes_give_what_one_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    real = load_campaign(SEED_003)
    campaign = replace(real, info=replace(real.info, deadline=date(2099, 12, 31)))
    one = run_check(campaign, [FILES], workers=1)
    monkeypatch.setattr(check_run, "PARALLEL_FROM", 2)
    two = run_check(campaign, [FILES], workers=2)
    assert [f.path for f in two.files] == [f.path for f in one.files]
    assert two.to_json() == one.to_json()
    for serial, parallel in zip(one.files, two.files, strict=True):
        assert parallel.returned is None
        assert (parallel.unit, parallel.status, parallel.issues, parallel.card) == (
            serial.unit,
            serial.status,
            serial.issues,
            serial.card,
        )
        assert (parallel.inputs, parallel.verified, parallel.saved_at) == (
            serial.inputs,
            serial.verified,
            serial.saved_at,
        )
        # a feedback copy needs the cells as read: kept for every file that gets one
        copy = any(i.cell or i.severity is Severity.ERROR for i in serial.issues)
        assert parallel.values == (serial.values if copy else {})
        assert parallel.layout == (serial.layout if serial.card is not None else None)
    cards = [f.card for f in two.files[:16] if f.card is not None]  # the first chunk's
    assert len(cards) > 5
    # numbers equal in value and written the same way are one object within a chunk
    totals = {}
    for card in cards:
        assert card.self_nodes.keys() == card.final_nodes.keys()
        for value in card.self_nodes.values():
            assert totals.setdefault(str(value), value) is value


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the spy reaches forked workers"
)
@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_paused_only_in_the_parent_while_checking(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, enabled: bool
) -> None:
    import gc

    seen: list[bool] = []
    real_layout = check_run.planned_card

    def layout_spy(*args: object) -> object:  # runs in the parent, once per result
        seen.append(gc.isenabled())
        return real_layout(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(check_run, "PARALLEL_FROM", 2)
    monkeypatch.setattr(check_run, "planned_card", layout_spy)
    monkeypatch.setattr(check_run, "_check_chunk", _chunk_reporting_gc)
    monkeypatch.setattr(sys.modules[__name__], "_REPORTS", tmp_path)
    (gc.enable if enabled else gc.disable)()
    try:
        report = run_check(load_campaign(SEED_003), [FILES], workers=2)
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
    assert len(report.files) > 20 and seen and not any(seen)
    workers = [p.read_text() for p in tmp_path.glob("worker-*")]
    assert workers and set(workers) == {"True"}  # workers collect as usual


_REPORTS = Path()
_REAL_CHUNK = check_run._check_chunk


def _chunk_reporting_gc(paths: Sequence[Path]) -> list[FileResult]:
    """Runs in a worker (forked, so the patch goes along): whether its collector is on."""
    import gc

    (_REPORTS / f"worker-{os.getpid()}").write_text(str(gc.isenabled()))
    return _REAL_CHUNK(paths)
