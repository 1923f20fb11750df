"""Which cells show their number as a percentage (intake.number_formats): the format codes,
and a card saved by another program (openpyxl) with percent formats of its own."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import Campaign, load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.intake.marks import ods_marks
from thidua_xlsx.intake.number_formats import is_percent_format
from thidua_xlsx.intake.reader import read_returned_file
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET

from conftest import ROOT, SEED_003

GOOD = ROOT / "tests" / "files" / "good.xlsx"


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    real = load_campaign(SEED_003)
    return replace(real, info=replace(real.info, deadline=date(2099, 12, 31)))


@pytest.mark.parametrize(
    ("code", "percent"),
    [
        ("0%", True),
        ("0.00%", True),
        ("[Red]0.0%", True),
        ("#,##0.00%;[Red]-#,##0.00%", True),
        ("General", False),
        ("0.00", False),
        ('0.0"%"', False),  # a literal sign: 86 shows «86%» and is 86
        ("0\\%", False),
        ('0;"-"%', False),  # only the negative numbers' section
        ("", False),
    ],
)
def test_percent_format_codes(code: str, percent: bool) -> None:
    assert is_percent_format(code) is percent


def _with_formats(tmp_path: Path, formats: dict[str, tuple[object, str]]) -> Path:
    """The good card resaved by openpyxl with these cells' values and number formats."""
    book = openpyxl.load_workbook(GOOD)
    sheet = book[SCORECARD_SHEET]
    for ref, (value, number_format) in formats.items():
        sheet[ref].value = value
        sheet[ref].number_format = number_format
    path = tmp_path / "NH-PN.xlsx"
    book.save(path)
    return path


def test_a_card_from_another_program_with_percent_formats(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Built-in "0%" (id 9) on a % result and a custom "0.0%" on a % target are read as the
    percentages shown; a percent format on a count is left alone (0.5 stays 0.5)."""
    path = _with_formats(
        tmp_path, {"F25": (0.86, "0%"), "E26": (0.125, "0.0%"), "F22": (0.5, "0%")}
    )
    assert read_returned_file(path).percent_cells >= {"F25", "E26", "F22"}
    result = check_file(campaign, path)
    codes = {(i.code, i.cell) for i in result.issues}
    assert {("value_percent_format", "F25"), ("value_percent_format", "E26")} <= codes
    assert ("value_percent_format", "F22") not in codes
    assert result.inputs["II.3.b"].amount == 86
    assert result.inputs["II.3.c"].target == 12.5
    assert result.inputs["II.2.c"].amount == 0.5


def test_a_fraction_without_a_percent_format_is_warned_and_counted_as_typed(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = _with_formats(tmp_path, {"F25": (0.86, "General")})
    result = check_file(campaign, path)
    small = [i for i in result.issues if i.code == "value_percent_small"]
    assert [(i.cell, i.criterion, i.value) for i in small] == [("F25", "II.3.b", "0,86")]
    assert result.inputs["II.3.b"].amount == Decimal("0.86")


def test_odd_styles_never_cost_the_file_its_check(campaign: Campaign, tmp_path: Path) -> None:
    """A styles part whose number formats are not numbers, or that names no cell formats,
    reads as no percent format: the card is checked as it would be without."""
    plain = check_file(campaign, GOOD)
    odd = tmp_path / "NH-PN.xlsx"
    with zipfile.ZipFile(GOOD) as source, zipfile.ZipFile(odd, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = data.replace(b'numFmtId="164"', b'numFmtId="x%"')
            target.writestr(item, data)
    assert read_returned_file(odd).percent_cells == frozenset()
    result = check_file(campaign, odd)
    assert result.accepted and result.card == plain.card
    assert [i.code for i in result.issues] == [i.code for i in plain.issues]


def test_ods_percent_cells_written_once_for_equal_neighbours() -> None:
    """LibreOffice writes equal neighbouring cells once, repeated: each of them is named."""
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    percent = 'office:value-type="percentage" office:value="0.5"'
    content = (
        f'<office:document-content xmlns:office="{office}" xmlns:table="{table}">'
        '<office:body><office:spreadsheet><table:table table:name="S">'
        '<table:table-row table:number-rows-repeated="2"><table:table-cell/>'
        f'<table:table-cell {percent} table:number-columns-repeated="2"/></table:table-row>'
        '<table:table-row><table:table-cell office:value-type="float" office:value="1"/>'
        f"<table:table-cell {percent}/></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    ).encode()
    assert ods_marks(content, ["S"], 0).percents == {"B1", "C1", "B2", "C2", "B3"}
