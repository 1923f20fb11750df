"""Checking in contained worker processes gives what checking in this process gives (what
comes back is made small: no raw file or cells; see check_run._lean), with one worker or two."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from thidua_xlsx import Severity, check_run, load_campaign
from thidua_xlsx.check_run import run_check
from thidua_xlsx.checks import check_file, collect_files

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
        # a feedback copy needs the cells as read: kept for every file that gets one
        copy = any(i.cell or i.severity is Severity.ERROR for i in serial.issues)
        assert contained.values == (serial.values if copy else {})
        assert contained.layout == (serial.layout if serial.card is not None else None)
