"""Checking in contained worker processes gives what checking in this process gives (what
comes back is small: no file bytes, the cells only where a feedback copy needs them), with one
worker or two."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from thidua_xlsx import Severity, load_campaign
from thidua_xlsx.checking import run as check_run
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.checking.inbox import collect_files
from thidua_xlsx.checking.run import run_check

from conftest import ROOT, SEED_003

FILES = ROOT / "tests" / "files"


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_give_what_this_process_gives(
    monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    real = load_campaign(SEED_003)
    campaign = replace(real, info=replace(real.info, deadline=date(2099, 12, 31)))
    monkeypatch.setattr(check_run, "FILES_PER_WORKER", 1)  # two workers even for a few files
    report = run_check(campaign, [FILES], workers=workers)
    here = [check_file(campaign, path) for path in collect_files([FILES])]
    assert [f.path for f in report.files] == [f.path for f in here]
    assert len(here) > 20
    for serial, contained in zip(here, report.files, strict=True):
        assert (contained.unit, contained.status, contained.card) == (
            serial.unit,
            serial.status,
            serial.card,
        )
        # duplicates are flagged over the whole run, after the files come back
        assert [i for i in contained.issues if i.code != "unit_duplicate"] == list(serial.issues)
        assert (contained.inputs, contained.verified, contained.saved_at) == (
            serial.inputs,
            serial.verified,
            serial.saved_at,
        )
        # a feedback copy needs the cells as read: kept for every file that gets one (an
        # error, or a warning about a cell; not a note such as a result over its target)
        copy = any(
            i.severity is Severity.ERROR or (i.cell and i.severity is Severity.WARNING)
            for i in serial.issues
        )
        assert contained.values == serial.values
        assert bool(contained.values) == (copy and bool(contained.inputs))
