"""The summary is written with XlsxWriter's constant_memory (a country's summary is not held in
memory), where a cell written above the current row is silently dropped. Every sheet must
therefore come out exactly as it does when the whole workbook is kept in memory."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from thidua_xlsx import load_campaign
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary import writer as summary_writer
from thidua_xlsx.summary.writer import write_summary

from conftest import ROOT, SEED_000, SEED_003
from fill_helpers import valid_fill

WHEN = datetime(2024, 9, 30, 8, 0, tzinfo=UTC)


class _InMemory(xlsxwriter.Workbook):  # type: ignore[misc]
    """The same workbook, kept whole in memory until it is closed."""

    def __init__(self, filename: str, options: dict[str, Any]) -> None:
        super().__init__(filename, {**options, "constant_memory": False, "in_memory": True})


def _sheets(path: Path) -> dict[str, tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: (
            sheet.sheet_state,
            sorted(str(r) for r in sheet.merged_cells.ranges),
            list(sheet.iter_rows(values_only=True)),
        )
        for sheet in book.worksheets
    }


def _both(
    campaign: Campaign, inbox: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, tuple[object, ...]], dict[str, tuple[object, ...]]]:
    report = merge_rank(campaign, [inbox])
    write_summary(out / "streamed.xlsx", report, WHEN)
    with monkeypatch.context() as patch:
        patch.setattr(summary_writer.xlsxwriter, "Workbook", _InMemory)
        write_summary(out / "in-memory.xlsx", report, WHEN)
    return _sheets(out / "streamed.xlsx"), _sheets(out / "in-memory.xlsx")


def test_streamed_summary_of_checked_files_equals_the_in_memory_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/files: accepted, rejected, unidentified and missing units, issues of every kind."""
    real = load_campaign(SEED_003)
    campaign = replace(real, info=replace(real.info, deadline=date(2099, 12, 31)))
    streamed, in_memory = _both(campaign, ROOT / "tests" / "files", tmp_path, monkeypatch)
    assert streamed == in_memory
    assert len(streamed) >= 6


def test_streamed_summary_with_awards_equals_the_in_memory_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An Giang: the award sheet, its targets table and the chart."""
    campaign = load_campaign(SEED_000)
    inbox = tmp_path / "inbox"
    for index, unit in enumerate(campaign.children_units("HLHPN-AG")):
        layout = plan_card(campaign, unit)
        values, inputs = valid_fill(layout, index)
        write_scorecard(inbox / scorecard_filename(unit), layout, values, inputs)  # type: ignore[arg-type]
    streamed, in_memory = _both(campaign, inbox, tmp_path, monkeypatch)
    assert streamed == in_memory
    assert summary_writer.AWARD_SHEET in streamed
