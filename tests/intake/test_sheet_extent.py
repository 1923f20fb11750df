"""The guard that keeps python-calamine from allocating a sheet it cannot hold
(``thidua_xlsx.intake.extent``): each rule of calamine's readers, on small XML written here.
The hostile corpus (tests/hostile_corpus.py) carries the same cases as whole files."""

from __future__ import annotations

import pytest

from thidua_xlsx.intake.extent import MAX_SPACES, ods_refusal, xlsx_refusal

LIMIT = 1_000_000


def sheet(cells: str, root: str = "worksheet", data: str = "sheetData") -> bytes:
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return f"<{root} {ns}><{data}>{cells}</{data}></{root}>".encode()


@pytest.mark.parametrize(
    "cells",
    [
        '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="J1"/></row>',
        '<row r="99999"><c r="Z99999"><v>1</v></c></row>',  # the fast path's corner
        '<row r="30"><c r="AB30"><v>1</v></c></row>',  # beyond Z: counted, and small
        "<row><c><v>1</v></c><c><v>2</v></c></row>" * 100,  # no references: in order
    ],
)
def test_xlsx_small_sheets_pass(cells: str) -> None:
    assert xlsx_refusal(sheet(cells), LIMIT) is None


@pytest.mark.parametrize(
    "cells",
    [
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        '<x:row xmlns:x="urn:x" r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>',
        '<row r="30"><c r="B30" r="XFD1048576"><v>1</v></c></row>',
        "<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
        '<row r="2"><c r = "XFD1048576"><v>1</v></c></row>',
        '<row r="2"><c s="1" a="x>y" r="XFD1048576"><v>1</v></c></row>',
        '<row r="2"><c r="&#88;FD1048576"><v>1</v></c></row>',
        '<row r="2"><c r="A99999999999999999999"><v>1</v></c></row>',
        '<row r="2000000"><c><v>1</v></c></row><row r="1"><c r="ZZ1"/></row>',
        "<row/>" * 2000 + "<row>" + "<c/>" * 600 + "</row>",
    ],
)
def test_xlsx_far_or_wide_cells_refused(cells: str) -> None:
    refusal = xlsx_refusal(sheet(cells), LIMIT)
    assert refusal is not None and refusal[0] == "sheet_too_large"


def test_xlsx_prefixed_sheet_data_refused() -> None:
    xml = sheet('<x:row r="1048576"><x:c r="XFD1048576"/></x:row>', "x:worksheet", "x:sheetData")
    assert xlsx_refusal(xml, LIMIT) == ("sheet_too_large", "1.048.576 × 16.384")


def test_xlsx_entities_refused() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + sheet("")
    assert xlsx_refusal(xml, LIMIT) == ("file_xml_unsafe", "")


def content(*rows: str, name: str = "Phiếu") -> bytes:
    body = "".join(rows)
    return (
        '<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x">'
        f'<office:body><office:spreadsheet><table:table table:name="{name}">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    ).encode()


VALUE = '<table:table-cell office:value-type="float" office:value="1"/>'
EMPTY_TAIL = (
    '<table:table-row table:number-rows-repeated="1048000">'
    '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
)


def test_ods_libreoffice_empty_tail_passes() -> None:
    """LibreOffice ends every table with a million empty rows 1,024 cells wide: free."""
    row = f"<table:table-row>{VALUE}{VALUE}</table:table-row>"
    assert ods_refusal(content(row * 50, EMPTY_TAIL), LIMIT, 10 * LIMIT) is None


@pytest.mark.parametrize(
    "rows",
    [
        # a value after the empty tail: the block reaches down to it from the first value
        [
            f"<table:table-row>{VALUE}</table:table-row>",
            EMPTY_TAIL,
            f"<table:table-row>{VALUE}</table:table-row>",
        ],
        # counts under 1,000 multiplied: 999 rows × 999 values, a thousand times
        [
            '<table:table-row table:number-rows-repeated="999">'
            '<table:table-cell table:number-columns-repeated="999" office:value="1"/>'
            "</table:table-row>"
        ]
        * 3,
        # single quotes, and a character reference in the count
        [
            "<table:table-row table:number-rows-repeated='2000'>"
            "<table:table-cell table:number-columns-repeated='&#49;000' office:value='1'/>"
            "</table:table-row>"
        ],
        # no repeats at all: one long row and many short ones make a wide, tall block
        [f"<table:table-row>{VALUE * 1100}</table:table-row>"]
        + [f"<table:table-row>{VALUE}</table:table-row>"] * 1000,
    ],
)
def test_ods_expansions_refused(rows: list[str]) -> None:
    refusal = ods_refusal(content(*rows), LIMIT, 10 * LIMIT)
    assert refusal is not None and refusal[0] == "sheet_too_large"


def test_ods_empty_rows_above_the_first_value_cost_nothing() -> None:
    row = f"<table:table-row>{VALUE * 3}</table:table-row>"
    assert ods_refusal(content(EMPTY_TAIL, row), LIMIT, 10 * LIMIT) is None


def test_ods_data_table_has_the_larger_limit() -> None:
    wide = f'<table:table-row table:number-rows-repeated="3000">{VALUE * 500}</table:table-row>'
    assert ods_refusal(content(wide), LIMIT, 10 * LIMIT) is not None
    assert ods_refusal(content(wide, name="_thidua_dulieu"), LIMIT, 10 * LIMIT) is None


def test_ods_spaces_refused() -> None:
    cell = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>a'
        f'<text:s text:c="{MAX_SPACES + 1}"/></text:p></table:table-cell></table:table-row>'
    )
    assert ods_refusal(content(cell), LIMIT, 10 * LIMIT) is not None
    assert ods_refusal(content(cell.replace(str(MAX_SPACES + 1), "3")), LIMIT, LIMIT) is None


def test_xlsx_cells_outside_sheet_data_are_not_read() -> None:
    """calamine reads the first sheetData only: a far cell after it allocates nothing."""
    xml = sheet('<row r="1"><c r="A1"/></row>').replace(
        b"</worksheet>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></worksheet>'
    )
    assert xlsx_refusal(xml, LIMIT) is None


def test_xlsx_prefixed_sheet_data_before_a_plain_one_refused() -> None:
    far = '<x:row r="1048576"><x:c r="XFD1048576"/></x:row>'
    xml = sheet(f"{far}</x:sheetData><sheetData>", data="x:sheetData")
    assert xlsx_refusal(xml, LIMIT) is not None


def test_ods_a_nested_table_start_does_not_reset_the_count() -> None:
    """calamine reads on through a nested <table:table> up to the first closing tag."""
    bomb = (
        '<table:table-row table:number-rows-repeated="999">'
        '<table:table-cell table:number-columns-repeated="999" office:value="1"/>'
        "</table:table-row>"
    ) * 3
    xml = content(
        bomb + '<table:table table:name="x">' + f"<table:table-row>{VALUE}</table:table-row>"
    )
    assert ods_refusal(xml, LIMIT, 10 * LIMIT) is not None
