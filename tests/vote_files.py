"""The Council's vote for the tests, made at test time and deterministic: the town's summary
of the Nhơn Hưng campaign over every ward and commune (fixed fills and time stamps), the
ballots and tally ``thidua vote`` writes over it (a fixed time stamp), and tallies filled in
by openpyxl as a secretary would (the LibreOffice test types them instead)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
from verification_files import ON_TIME, ward_inbox

from thidua_xlsx import load_campaign, merge_rank
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.merge.vote import plan_vote
from thidua_xlsx.summary.writer import write_summary
from thidua_xlsx.vote.layout import MCOL, TALLY_SHEET, candidate_col, member_row
from thidua_xlsx.vote.writer import write_vote_papers

from conftest import SEED_003

WRITTEN_AT = datetime(2024, 10, 10, 8, 0, tzinfo=UTC)


def vote_campaign() -> Campaign:
    """The Nhơn Hưng campaign, its award open to every band (the fills are random: five
    candidates whatever their band). The Council: 9 members, the chairman first; Giấy khen
    needs more than half of all members, at most 3 units."""
    campaign = load_campaign(SEED_003)
    assert campaign.award is not None
    return replace(campaign, award=replace(campaign.award, min_band=None))


def town_summary(campaign: Campaign, folder: Path) -> Path:
    """The town's summary over every ward and commune, each card filled validly."""
    units = tuple(u.code for u in campaign.children_units("TXTB"))
    inbox = ward_inbox(campaign, folder / "inbox", units)
    report = merge_rank(campaign, [inbox])
    target = folder / "TONG-HOP.xlsx"
    write_summary(target, report, generated_at=ON_TIME)
    return target


def vote_papers(campaign: Campaign, summary: Path, folder: Path) -> tuple[Path, Path]:
    """The ballots and the tally ``thidua vote`` writes."""
    return write_vote_papers(plan_vote(campaign, summary), folder, generated_at=WRITTEN_AT)


def tally_cells(
    presence: Sequence[str | None], votes: Sequence[Sequence[str | None]]
) -> dict[str, str]:
    """Cell → text for the tally sheet: member i's presence and vote per candidate j."""
    cells: dict[str, str] = {}
    for i, here in enumerate(presence):
        if here is not None:
            cells[_ref(member_row(i), MCOL["presence"])] = here
        for j, vote in enumerate(votes[i]):
            if vote is not None:
                cells[_ref(member_row(i), candidate_col(j))] = vote
    return cells


def fill_tally(tally: Path, target: Path, cells: dict[str, object]) -> Path:
    """The tally with ``cells`` typed, saved by openpyxl (its sheet stays protected)."""
    book = openpyxl.load_workbook(tally)
    sheet = book[TALLY_SHEET]
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(target)
    return target


def _ref(row: int, col: int) -> str:
    from thidua_xlsx.core.cellref import cell_name

    return cell_name(row, col)
