"""A card sent back with nothing entered (issue 15): the blank template opened in LibreOffice
and saved back unchanged, as .xlsx, .ods and .xls, is rejected with ``card_blank`` and its
unit listed as having sent an empty card: never ranked, said apart in the one-line summary,
the summary's sheets, ``--json`` and the console. One real entry (a zero, a Đạt) makes it a
card; a target, evidence or an explanation alone does not."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.core.submissions import SubmissionStatus
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.feedback import write_feedback
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET, plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import (
    MISSING_SHEET,
    RANKING_HEADER_ROW,
    RANKING_SHEET,
    write_summary,
)

from conftest import SEED_003
from libreoffice import run_uno

pytestmark = pytest.mark.libreoffice

PN = "NH-PN"  # Hội LHPN phường Nhơn Hưng (cells as in tests/files/make_files.py)
CA = "NH-CA"
# what is typed into NH-PN's blank card in LibreOffice before it is saved: file → cells
TYPED: dict[str, dict[str, object]] = {
    "blank.xlsx": {},
    "blank.ods": {},
    "blank.xls": {},
    "zero.xlsx": {"F17": 0},  # one real entry: a count of 0 is an answer
    "dat.ods": {"F18": "Đạt", "H18": "Kế hoạch Tháng hành động 2024"},  # one Đạt, its evidence
    "only-explanation.xls": {"I31": "Đơn vị chưa tổ chức hoạt động nào trong kỳ"},
    "only-target.xlsx": {"E26": 12, "H26": "Sổ tư vấn nạn nhân"},
}


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    """Nhơn Hưng's campaign with its deadline still open: LibreOffice stamps today's date."""
    real = load_campaign(SEED_003)
    return replace(real, info=replace(real.info, deadline=date(2099, 12, 31)))


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each card of TYPED as LibreOffice saves it, and NH-CA's card with one entry."""
    import os
    import shutil

    if shutil.which("soffice") is None:  # as the soffice fixture (module scope comes first)
        message = "LibreOffice (soffice) is not installed; run python3 tests/run_suite.py"
        if os.environ.get("CI") or os.environ.get("THIDUA_REQUIRE_LIBREOFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    work = tmp_path_factory.mktemp("blank-cards")
    out = work / "saved"
    out.mkdir()
    real = load_campaign(SEED_003)
    template = work / "NH-PN.xlsx"
    write_scorecard(template, plan_card(real, real.unit(PN)))
    police = plan_card(real, real.unit(CA))
    police_card = work / "NH-CA.xlsx"
    write_scorecard(police_card, police)
    first = next(c for c in police.criteria if c.is_leaf and c.method.value != "dat")
    documents = [
        {
            "source": str(template),
            "sheet": SCORECARD_SHEET,
            "fills": [{"cells": cells, "save_as": [str(out / name)]}],
        }
        for name, cells in TYPED.items()
    ]
    documents.append(
        {
            "source": str(police_card),
            "sheet": SCORECARD_SHEET,
            "fills": [
                {
                    "cells": {
                        police.cell(first.code, "result"): 1,
                        police.cell(first.code, "evidence"): "Báo cáo số 12/BC-CAP",
                    },
                    "save_as": [str(out / scorecard_filename(real.unit(CA)))],
                }
            ],
        }
    )
    run_uno({"documents": documents}, work / "uno")
    return out


@pytest.mark.parametrize("name", ["blank.xlsx", "blank.ods", "blank.xls"])
def test_a_blank_card_saved_back_unchanged_is_rejected_as_blank(
    soffice: str, campaign: Campaign, saved: Path, name: str
) -> None:
    result = check_file(campaign, saved / name)
    assert [i.code for i in result.issues] == ["card_blank"]
    assert not result.accepted and result.is_blank
    assert result.issues[0].params["found"] == "nothing"
    assert "Phiếu chưa điền" in result.issues[0].message("vi")
    assert "Card not filled in" in result.issues[0].message("en")


@pytest.mark.parametrize("name", ["zero.xlsx", "dat.ods"])
def test_one_real_entry_makes_it_a_card(
    soffice: str, campaign: Campaign, saved: Path, name: str
) -> None:
    result = check_file(campaign, saved / name)
    assert result.accepted and not result.is_blank
    assert "card_blank" not in {i.code for i in result.issues}
    assert result.card is not None


@pytest.mark.parametrize("name", ["only-explanation.xls", "only-target.xlsx"])
def test_text_or_a_target_without_any_result_is_still_blank(
    soffice: str, campaign: Campaign, saved: Path, name: str
) -> None:
    result = check_file(campaign, saved / name)
    assert result.is_blank and not result.accepted
    assert result.issues[0].code == "card_blank"
    assert result.issues[0].params["found"] == "no_result"


def test_the_unit_is_listed_as_having_sent_an_empty_card(
    soffice: str, campaign: Campaign, saved: Path, tmp_path: Path
) -> None:
    """NH-PN sent the blank card (as .xls), NH-CA a card with one entry: NH-PN is neither
    ranked nor counted as submitted, nor lumped with the units that sent nothing."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "NH-PN.xls").write_bytes((saved / "blank.xls").read_bytes())
    police = scorecard_filename(campaign.unit(CA))
    (inbox / police).write_bytes((saved / police).read_bytes())
    report = merge_rank(campaign, [inbox], parent="P-NHONHUNG")
    status = {u.unit: u.status for u in report.completeness.units}
    assert status[PN] is SubmissionStatus.BLANK and status[CA] is SubmissionStatus.ACCEPTED
    assert [r.unit for r in report.ranking] == [CA]
    assert PN not in report.completeness.missing
    others = len(status) - 2
    line = report.summary_line()
    assert line.startswith(f"1/{len(status)} đơn vị đã nộp")
    assert f"1 gửi phiếu trống, {others} chưa nộp" in line
    assert "1 sent an empty card" in report.summary_line("en")
    document = report.to_json()
    units = {u["unit"]: u for u in document["units"]}
    assert units[PN]["status"] == "blank" and units[PN]["file"] == "NH-PN.xls"
    assert PN not in document["missing"]
    assert PN not in {r["unit"] for r in document["ranking"]}
    files = {Path(f["path"]).name: f for f in document["files"]}
    assert files["NH-PN.xls"]["blank"] is True and files["NH-PN.xls"]["status"] == "rejected"
    # the summary: the ranking says it, unranked; the sheet of units not counted lists it
    summary = tmp_path / "tong-hop.xlsx"
    write_summary(summary, report)
    book = openpyxl.load_workbook(summary, read_only=True)
    rows = list(book[RANKING_SHEET].iter_rows(min_row=RANKING_HEADER_ROW + 2, values_only=True))
    header = next(book[RANKING_SHEET].iter_rows(min_row=RANKING_HEADER_ROW + 1, values_only=True))
    row = next(r for r in rows if r[1] == PN)
    cells = dict(zip(header, row, strict=True))
    assert cells["Tình trạng"] == "gửi phiếu trống"
    assert cells["Tổng điểm"] is None and cells["Hạng"] is None and cells["Xếp loại"] is None
    assert "phiếu trống" in cells["Ghi chú"]
    listed = {r[0]: r[3] for r in book[MISSING_SHEET].iter_rows(min_row=2, values_only=True)}
    assert listed[PN] == "gửi phiếu trống"
    assert book[RANKING_SHEET]["A8"].value == line
    # the console of check and merge
    out = io.StringIO()
    assert main(["check", str(SEED_003), str(inbox)], out=out) == 1
    said = next(line for line in out.getvalue().splitlines() if "NH-PN.xls" in line)
    assert "trả lại (phiếu trống)" in said
    assert "[card_blank]" in out.getvalue()
    out = io.StringIO()
    merged = tmp_path / "merged.xlsx"
    argv = ["merge", str(SEED_003), str(inbox), "-o", str(merged), "--parent", "P-NHONHUNG"]
    main(argv, out=out)
    assert "1 gửi phiếu trống" in out.getvalue()
    out = io.StringIO()
    main([*argv, "--json", "--lang", "en"], out=out)
    units = {u["unit"]: u["status"] for u in json.loads(out.getvalue())["units"]}
    assert units[PN] == "blank" and units[CA] in ("accepted", "late")


def test_the_feedback_copy_of_a_blank_card(
    soffice: str, campaign: Campaign, saved: Path, tmp_path: Path
) -> None:
    """The copy sent back says what is wrong on its issue sheet and is the unit's card to
    fill in; sent back unchanged it is this tool's own file, and the unit's blank card
    still says what the unit sent."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "NH-PN.ods").write_bytes((saved / "blank.ods").read_bytes())
    report = merge_rank(campaign, [inbox], parent="P-NHONHUNG")
    copies = write_feedback(report.check, tmp_path / "phan-hoi")
    assert [p.name for p in copies] == ["nh-pn-phan-hoi.xlsx"]
    book = openpyxl.load_workbook(copies[0], read_only=True)
    codes = [r[-1] for r in book["Lỗi cần sửa"].iter_rows(min_row=2, values_only=True)]
    assert codes == ["card_blank"]
    assert SCORECARD_SHEET in book.sheetnames
    (inbox / copies[0].name).write_bytes(copies[0].read_bytes())
    again = merge_rank(campaign, [inbox], parent="P-NHONHUNG")
    copy = next(f for f in again.check.files if f.path.name == copies[0].name)
    assert [i.code for i in copy.issues] == ["file_feedback_copy"]
    assert again.submission(PN).status is SubmissionStatus.BLANK  # type: ignore[union-attr]
