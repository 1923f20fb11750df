"""What people type into a card in LibreOffice, saved as .xlsx, .ods and .xls (issue 15):

- «86%» typed in a *Tỷ lệ %* result cell: LibreOffice stores 0.86 with a percent format; it
  counts as the 86 the person saw, with a warning naming the cell;
- «12,5» typed in en-US: LibreOffice keeps it as text, so the card's own total (the one the
  unit signs) leaves it out while the ranking counts it: the check, the summary's row and the
  feedback copy say both totals and the cell that makes the difference.

Real LibreOffice, headless, typing through its own input parsing (tests/uno_driver.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import Campaign, load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.core.results import FileResult
from thidua_xlsx.core.vi_text import format_decimal
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.feedback import write_feedback
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET, plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import RANKING_HEADER_ROW, RANKING_SHEET, write_summary

from conftest import SEED_003
from libreoffice import run_uno

pytestmark = pytest.mark.libreoffice

FORMATS = ("xlsx", "ods", "xls")
TOTAL = "G38"  # the NH-PN card's TỔNG ĐIỂM, self-scored
# a valid fill of the NH-PN card (as tests/files/make_files.py's)
GOOD: dict[str, object] = {
    "F14": 3.5,
    "H14": "Kế hoạch số 05/KH-PN ngày 10/01/2024",
    "F17": 4,
    "H17": "Báo cáo tuyên truyền quý I, II",
    "F18": "Đạt",
    "H18": "Kế hoạch Tháng hành động 2024",
    "F19": 3,
    "H19": "Biên bản sinh hoạt chi hội",
    "F21": 40,
    "H21": "Danh sách lao động nữ học nghề",
    "F22": 5,
    "H22": "Sổ theo dõi hỗ trợ vốn",
    "F24": 2,
    "H24": "Quyết định thành lập địa chỉ tin cậy",
    "F25": 100,
    "H25": "Sổ tiếp nhận, xử lý vụ việc",
    "E26": 12,
    "F26": 10,
    "H26": "Sổ tư vấn nạn nhân",
    "F27": 6,
    "H27": "Báo cáo tổ hòa giải",
    "F29": 2,
    "H29": "Kế hoạch khám sàng lọc",
    "F31": 6,
    "H31": "Quyết định công nhận mô hình",
    "I31": "Mô hình «Tổ phụ nữ nói không với bạo lực» được thị xã nhân rộng",
    "F32": 0,
    "F34": 1,
}
# II.3.b (F25): Tỷ lệ %, target 100, 10 points; II.2.b (F21): Tỷ lệ %, target 50, 8 points
TYPED = {"percent": {"F25": "86%"}, "text": {"F21": "12,5"}}


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    """The Nhơn Hưng campaign with its deadline still open (LibreOffice saves with today's date)."""
    real = load_campaign(SEED_003)
    return replace(real, info=replace(real.info, deadline=date(2099, 12, 31)))


@pytest.fixture(scope="module")
def typed(
    campaign: Campaign, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[dict[str, Path], dict[str, object], dict[str, object]]]:
    """Each case typed into a fresh card and saved in the three formats: the files, the
    values LibreOffice computed and the number formats it gave."""
    work = tmp_path_factory.mktemp("typed")
    blank = work / "NH-PN.xlsx"
    write_scorecard(blank, plan_card(campaign, campaign.unit("NH-PN")))
    documents, files = [], {}
    for case, texts in TYPED.items():
        files[case] = {ext: work / case / f"NH-PN.{ext}" for ext in FORMATS}
        fill = {
            "cells": GOOD,
            "typed": texts,
            "read": [TOTAL, *texts],
            "formats": list(texts),
            "save_as": [str(path) for path in files[case].values()],
        }
        documents.append({"source": str(blank), "sheet": SCORECARD_SHEET, "fills": [fill]})
    done = run_uno({"documents": documents}, work)
    results = done["documents"]
    assert isinstance(results, list)
    return {
        case: (files[case], result["fills"][0]["values"], result["fills"][0]["formats"])
        for case, result in zip(TYPED, results, strict=True)
    }


def _codes(result: FileResult) -> list[tuple[str, str, str]]:
    return sorted((i.code, i.cell, i.criterion) for i in result.issues)


def _issue(result: FileResult, code: str) -> dict[str, str]:
    found = [i for i in result.issues if i.code == code]
    assert len(found) == 1, _codes(result)
    return {**found[0].params, "value": found[0].value}


@pytest.mark.parametrize("ext", FORMATS)
def test_86_percent_typed_counts_as_86_with_a_warning(
    campaign: Campaign, typed: dict[str, tuple[dict[str, Path], dict[str, object], dict]], ext: str
) -> None:
    files, values, formats = typed["percent"]
    assert values["F25"] == pytest.approx(0.86)  # what LibreOffice made of «86%»
    assert "%" in str(formats["F25"])  # and shows it as a percentage
    result = check_file(campaign, files[ext])
    assert result.accepted
    assert _codes(result) == [
        ("card_total_differs", TOTAL, ""),
        ("value_percent_format", "F25", "II.3.b"),
    ]
    assert result.inputs["II.3.b"].amount == 86
    assert result.card is not None
    assert result.card.self_nodes["II.3.b"] == Decimal("8.6")  # 10 × 86 / 100
    said = _issue(result, "value_percent_format")
    assert (said["value"], said["stored"], said["number"]) == ("86%", "0,86", "86")
    # the card LibreOffice computed took 0.86: its total says so, and both are named
    differs = _issue(result, "card_total_differs")
    lo_total = Decimal(str(values[TOTAL]))
    assert differs["value"] == format_decimal(lo_total)
    assert differs["expected"] == format_decimal(result.card.self_total)
    assert differs["cells"] == "F25 «86%»" and differs["why"] == "percent"
    # 8.6 points counted for II.3.b where the card's formula gave 10 × 0.86 / 100 = 0.09
    assert result.card.self_total - lo_total == Decimal("8.6") - Decimal("0.09")


@pytest.mark.parametrize("ext", FORMATS)
def test_12_5_typed_as_text_the_card_and_the_count_differ_and_both_are_said(
    campaign: Campaign, typed: dict[str, tuple[dict[str, Path], dict[str, object], dict]], ext: str
) -> None:
    files, values, _ = typed["text"]
    assert values["F21"] == "12,5"  # LibreOffice in en-US kept it as text
    result = check_file(campaign, files[ext])
    assert result.accepted and result.card is not None
    assert _codes(result) == [
        ("card_total_differs", TOTAL, ""),
        ("value_decimal_comma", "F21", "II.2.b"),
    ]
    lo_total = Decimal(str(values[TOTAL]))
    # II.2.b: 8 × 12.5 / 50 = 2 points counted; the card's formulas counted the text as nothing
    assert result.card.self_nodes["II.2.b"] == 2
    assert result.card.self_total == lo_total + 2
    message = next(i for i in result.issues if i.code == "card_total_differs").message("vi")
    shown, counted = format_decimal(lo_total), format_decimal(result.card.self_total)
    assert f"Phiếu ghi {shown} điểm, tính được {counted} điểm: ô F21 «12,5» là chữ" in message


@pytest.mark.parametrize("ext", FORMATS)
def test_the_summary_row_and_the_feedback_copy_say_both_totals(
    campaign: Campaign,
    typed: dict[str, tuple[dict[str, Path], dict[str, object], dict]],
    tmp_path: Path,
    ext: str,
) -> None:
    files, values, _ = typed["text"]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / f"NH-PN.{ext}").write_bytes(files[ext].read_bytes())
    report = merge_rank(campaign, [inbox], parent="P-NHONHUNG")
    card = report.card("NH-PN")
    assert card is not None
    shown = format_decimal(Decimal(str(values[TOTAL])))
    counted = format_decimal(card.self_total)
    expected = f"Phiếu ghi {shown} điểm, tính được {counted} điểm: ô F21 «12,5» là chữ"

    summary = tmp_path / "tong-hop.xlsx"
    write_summary(summary, report)
    sheet = openpyxl.load_workbook(summary)[RANKING_SHEET]
    header = [c.value for c in sheet[RANKING_HEADER_ROW + 1]]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[1] == "NH-PN")
    assert row[header.index("Tổng điểm")] == float(card.total)
    note = row[header.index("Ghi chú")]
    assert isinstance(note, str) and expected in note
    assert sheet.cell(RANKING_HEADER_ROW + 2, header.index("Ghi chú") + 1).alignment.wrap_text

    copies = write_feedback(report.check, tmp_path / "phan-hoi")
    assert len(copies) == 1
    book = openpyxl.load_workbook(copies[0])
    # a warning only: the copy's list is titled «Điểm cần lưu ý», not «Lỗi cần sửa»
    assert "Lỗi cần sửa" not in book.sheetnames
    listed = [str(c) for row in book["Điểm cần lưu ý"].iter_rows(values_only=True) for c in row]
    assert any(expected in text for text in listed)
    comment = book[SCORECARD_SHEET][TOTAL].comment  # the card's total cell says it too
    assert comment is not None and expected in comment.text
