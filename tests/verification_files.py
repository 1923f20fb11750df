"""Verification workbooks for the tests, made at test time and deterministic: the wards' cards
of the Nhơn Hưng campaign (fixed fills and time stamps), the workbook ``thidua verify`` writes
over them (a fixed time stamp), and copies filled in by openpyxl as the verifier would (the
LibreOffice tests type them instead: tests/merge/test_verification_libreoffice.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import openpyxl

from thidua_xlsx.core.model import Campaign, Unit
from thidua_xlsx.merge.verify import plan_verification
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.verification.layout import VCOL, VERIFICATION_SHEET
from thidua_xlsx.verification.writer import write_verification_workbook

from fill_helpers import valid_fill

ON_TIME = datetime(2024, 9, 25, 8, 0, tzinfo=UTC)
WRITTEN_AT = datetime(2024, 10, 5, 9, 0, tzinfo=UTC)  # after the deadline, as verifying is
WARDS = ("P-ANPHU", "P-CHILANG", "P-NHABANG")
RESENT_SEED = 41  # P-ANPHU's card sent again, filled otherwise
STRANGER = Unit("P-MOI", "UBND phường Mới", "phường", "TXTB", "Cụm 1 - Phường")

Typed = Mapping[tuple[str, str], tuple[object, object]]  # (unit, criterion) → (score, reason)


def ward_inbox(campaign: Campaign, folder: Path, units: tuple[str, ...] = WARDS) -> Path:
    """The wards' cards, each filled validly and saved on time."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed, code in enumerate(units):
        ward = campaign.unit(code)
        layout = plan_card(campaign, ward)
        values, inputs = valid_fill(layout, seed)
        write_scorecard(
            folder / scorecard_filename(ward),
            layout,
            values,  # type: ignore[arg-type]
            inputs,
            generated_at=ON_TIME,
        )
    return folder


def resent_inbox(campaign: Campaign, inbox: Path, folder: Path) -> Path:
    """A copy of the wards' ``inbox`` in which P-ANPHU has sent its card again, filled
    otherwise (other self scores): a workbook verified over ``inbox`` has gone stale there."""
    shutil.copytree(inbox, folder)
    ward = campaign.unit("P-ANPHU")
    layout = plan_card(campaign, ward)
    values, inputs = valid_fill(layout, RESENT_SEED)
    write_scorecard(
        folder / scorecard_filename(ward),
        layout,
        values,  # type: ignore[arg-type]
        inputs,
        generated_at=ON_TIME,
    )
    return folder


def wider_inbox(campaign: Campaign, inbox: Path, folder: Path, target: Path) -> Path:
    """The verification workbook written while the campaign listed one ward more (STRANGER,
    the criteria and so the fingerprint unchanged), over ``inbox`` and that ward's card."""
    widened = replace(campaign, units=(*campaign.units, STRANGER))
    shutil.copytree(inbox, folder)
    ward_inbox(widened, folder, (STRANGER.code,))
    return blank_workbook(widened, folder, target)


def blank_workbook(campaign: Campaign, inbox: Path, target: Path) -> Path:
    """The verification workbook ``thidua verify`` writes over ``inbox``."""
    plan = plan_verification(campaign, [inbox])
    return write_verification_workbook(target, plan, generated_at=WRITTEN_AT)


def rows_of(path: Path) -> dict[tuple[str, str], int]:
    """(unit, criterion) → 1-based row of the verification sheet."""
    sheet = openpyxl.load_workbook(path)[VERIFICATION_SHEET]
    found = {}
    for row in sheet.iter_rows(min_row=1):
        unit, code = row[VCOL["unit"]].value, row[VCOL["criterion"]].value
        if isinstance(unit, str) and isinstance(code, str) and row[VCOL["max"]].value is not None:
            found[(unit, code)] = row[0].row
    return found


def cell_of(path: Path, unit: str, criterion: str, column: str) -> str:
    letter = "ABCDEFGH"[VCOL[column]]
    return f"{letter}{rows_of(path)[(unit, criterion)]}"


def filled(
    source: Path,
    target: Path,
    typed: Typed,
    edit: Callable[[openpyxl.Workbook], None] | None = None,
) -> Path:
    """A copy of ``source`` with the verified scores and reasons typed (openpyxl), and any
    further ``edit`` (a damaged copy)."""
    book = openpyxl.load_workbook(source)
    sheet = book[VERIFICATION_SHEET]
    rows = rows_of(source)
    for (unit, code), (score, reason) in typed.items():
        row = rows[(unit, code)]
        sheet.cell(row, VCOL["verified"] + 1).value = score
        sheet.cell(row, VCOL["reason"] + 1).value = reason
    if edit is not None:
        edit(book)
    book.save(target)
    return target
