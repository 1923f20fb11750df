"""Verification through LibreOffice, typed as a person types (SPEC §4):

* a unit that unprotects its card and types verified scores into its own *Điểm thẩm định*
  column gets a warning per cell, and nothing of it counts: its total, rank and band are those
  of the same card without them;
* the upper level's workbook written by ``thidua verify``, filled in LibreOffice (its sheet
  still protected: only the open cells take input) and saved as .xlsx, .ods and .xls, is
  applied by ``merge --verified``: the criterion's score changes, and the unit stays on time
  although the workbook was saved today, long after the deadline;
* the verification workbook prints on A4 landscape, one page wide, titles repeated.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from verification_files import blank_workbook, cell_of, ward_inbox

from thidua_xlsx import load_campaign, merge_rank
from thidua_xlsx.core.submissions import SubmissionStatus
from thidua_xlsx.faces.cli import main
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET, plan_card
from thidua_xlsx.summary.writer import VERIFIED_SHEET, write_summary
from thidua_xlsx.verification.layout import VERIFICATION_SHEET

from conftest import SEED_003
from fill_helpers import open_deadline
from libreoffice import convert, page_sizes, page_text, run_uno

pytestmark = pytest.mark.libreoffice

A4_LANDSCAPE = (841.89, 595.3)


def test_a_unit_typing_in_its_own_verification_column_changes_nothing(
    soffice: str, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)
    inbox = ward_inbox(campaign, tmp_path / "inbox")
    ward = campaign.unit("P-ANPHU")
    layout = plan_card(campaign, ward)
    card = inbox / scorecard_filename(ward)
    # the maximum typed for every criterion, as the unit that went from Khá to Xuất sắc did
    typed = {
        layout.cell(leaf.code, "verified"): str(leaf.max_points)
        for leaf in layout.criteria
        if leaf.is_leaf
    }
    own_xlsx, own_ods = tmp_path / "own-xlsx", tmp_path / "own-ods"
    for folder in (own_xlsx, own_ods):
        folder.mkdir()
        for other in inbox.iterdir():
            if other != card:
                (folder / other.name).write_bytes(other.read_bytes())
    run_uno(
        {
            "documents": [
                {
                    "source": str(card),
                    "sheet": SCORECARD_SHEET,
                    "unprotect": True,  # no password: one click away
                    "fills": [
                        {
                            "typed": typed,
                            "save_as": [
                                str(own_xlsx / card.name),
                                str(own_ods / f"{card.stem}.ods"),
                            ],
                        }
                    ],
                }
            ]
        },
        tmp_path / "uno",
    )
    opened = open_deadline(campaign)  # LibreOffice stamps today's date
    honest = merge_rank(opened, [inbox])
    for folder in (own_xlsx, own_ods):
        report = merge_rank(opened, [folder])
        result = report.submission(ward.code).result  # type: ignore[union-attr]
        assert result is not None and result.accepted
        warned = sorted(i.cell for i in result.issues if i.code == "verified_in_unit_file")
        assert warned == sorted(typed)
        assert report.card(ward.code) == honest.card(ward.code)
        places = [(r.unit, r.total, r.rank, r.band) for r in report.ranking]
        assert places == [(r.unit, r.total, r.rank, r.band) for r in honest.ranking]
        out = folder.parent / f"{folder.name}-tong-hop.xlsx"
        write_summary(out, report)
        assert VERIFIED_SHEET not in openpyxl.load_workbook(out).sheetnames


def test_a_verification_workbook_filled_in_libreoffice_is_applied_and_the_unit_stays_on_time(
    soffice: str, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)  # the real deadline, 01/10/2024
    inbox = ward_inbox(campaign, tmp_path / "inbox")
    workbook = tmp_path / "THAM-DINH.xlsx"
    assert main(["verify", str(SEED_003), str(inbox), "-o", str(workbook)], out=io.StringIO()) == 0
    plain = merge_rank(campaign, [inbox])
    before = plain.card("P-ANPHU")
    assert before is not None
    typed = {
        cell_of(workbook, "P-ANPHU", "II.1.a", "verified"): "1.5",
        cell_of(workbook, "P-ANPHU", "II.1.a", "reason"): "Thiếu biên bản kiểm tra",
        cell_of(workbook, "P-NHABANG", "I.1", "verified"): str(
            plain.card("P-NHABANG").self_nodes["I.1"]  # type: ignore[union-attr]
        ),  # confirmed as it is: no reason needed
    }
    saved = [tmp_path / "filled" / f"THAM-DINH.{ext}" for ext in ("xlsx", "ods", "xls")]
    run_uno(
        {
            "documents": [
                {
                    "source": str(workbook),
                    "sheet": VERIFICATION_SHEET,  # still protected: only the open cells
                    "fills": [{"typed": typed, "save_as": [str(p) for p in saved]}],
                }
            ]
        },
        tmp_path / "uno",
    )
    for path in saved:
        report = merge_rank(campaign, [inbox], verified=[path])
        (result,) = report.verification
        assert result.accepted and not result.issues, [i.code for i in result.issues]
        card = report.card("P-ANPHU")
        assert card is not None and card.final_nodes["II.1.a"] == Decimal("1.5")
        assert card.total == before.total - before.self_nodes["II.1.a"] + Decimal("1.5")
        submission = report.submission("P-ANPHU")
        assert submission is not None and submission.status is SubmissionStatus.ACCEPTED
        assert not any(i.code == "file_late" for i in submission.result.issues)  # type: ignore[union-attr]
        assert next(r for r in report.ranking if r.unit == "P-ANPHU").total == card.total
        out = tmp_path / f"tong-hop-{path.suffix[1:]}.xlsx"
        code = main(
            ["merge", str(SEED_003), str(inbox), "-o", str(out), "--verified", str(path)],
            out=io.StringIO(),
        )
        assert code == 0
        rows = list(openpyxl.load_workbook(out)[VERIFIED_SHEET].iter_rows(values_only=True))
        assert ("P-ANPHU", "II.1.a", 1.5, "Thiếu biên bản kiểm tra") in [
            (r[0], r[2], r[4], r[6]) for r in rows
        ]
    # a LibreOffice-saved workbook checked like any input: a score over the maximum refused
    over = tmp_path / "over" / "THAM-DINH.xlsx"
    run_uno(
        {
            "documents": [
                {
                    "source": str(workbook),
                    "sheet": VERIFICATION_SHEET,
                    "fills": [
                        {
                            "cells": {cell_of(workbook, "P-ANPHU", "II.1.a", "verified"): 99},
                            "save_as": [str(over)],
                        }
                    ],
                }
            ]
        },
        tmp_path / "uno-over",
    )
    report = merge_rank(campaign, [inbox], verified=[over])
    assert [i.code for i in report.verification[0].issues] == ["verified_over_max"]
    assert report.exit_code == 1 and report.card("P-ANPHU") == before


def test_the_verification_workbook_prints_a4_landscape_one_page_wide(
    soffice: str, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)
    inbox = ward_inbox(campaign, tmp_path / "inbox")
    workbook = blank_workbook(campaign, inbox, tmp_path / "THAM-DINH.xlsx")
    pdf = convert(soffice, workbook, "pdf", tmp_path)
    *pages, guide = page_sizes(pdf)
    assert len(pages) >= 2  # three wards' criteria: more than one page
    for width, height in pages:
        assert (width, height) == pytest.approx(A4_LANDSCAPE, abs=1)
    for page in range(1, len(pages) + 1):
        text = page_text(pdf, page)
        # every column on every page, the titles repeated
        assert "Mã đơn vị" in text and "Lý do thẩm định" in text, page
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page_text(pdf, 1)
    assert "NGƯỜI THẨM ĐỊNH" in page_text(pdf, len(pages))
    assert guide == pytest.approx(A4_LANDSCAPE[::-1], abs=1)
    assert "HƯỚNG DẪN THẨM ĐỊNH" in page_text(pdf, len(pages) + 1)
