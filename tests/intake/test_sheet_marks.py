"""Formula and error cells of an .xlsx sheet part, as written by people's programs and as an
attacker might write them: the streamed reading and the tree reading give the same answer,
and the answer is the cells that hold a formula (and nothing after the first sheetData)."""

from __future__ import annotations

import pytest

from thidua_xlsx.errors import UnusableFileError
from thidua_xlsx.intake.marks import _streamed_marks, _tree_marks, xlsx_marks

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet(data: str, after: str = "", prefix: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {xmlns}>'
        f"<{p}sheetData>{data}</{p}sheetData>{after}</{p}worksheet>"
    ).encode()


CASES = [
    (
        "plain",
        sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1+1</f><v>2</v></c></row>'),
        {"B1"},
        {},
    ),
    (
        "two <f> in one cell",
        sheet('<row r="3"><c r="G3"><f>1</f><f>2</f><v>1</v></c></row>'),
        {"G3"},
        {},
    ),
    (
        "absolute and lower-case references",
        sheet('<row r="5"><c r="$f$5"><f>1</f></c><c r="g5"><f>2</f></c></row>'),
        {"F5", "G5"},
        {},
    ),
    (
        "prefixed elements",
        sheet('<x:row r="2"><x:c r="C2"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>', prefix="x"),
        {"C2"},
        {},
    ),
    (
        "an error value",
        sheet('<row r="4"><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'),
        {"D4"},
        {"D4": "#DIV/0!"},
    ),
    (
        "cells without references",
        sheet('<row r="7"><c><v>1</v></c><c><f>1</f></c></row><row><c/><c/><c><f>2</f></c></row>'),
        {"B7", "C8"},
        {},
    ),
    (
        "a second sheetData is never read",
        sheet(
            '<row r="1"><c r="A1"><v>1</v></c></row>',
            after='<sheetData><row r="9"><c r="I9"><f>1</f></c></row></sheetData>',
        ),
        set(),
        {},
    ),
    (
        "a formula in a comment is none",
        sheet('<row r="1"><!--<c r="A1"><f>1</f></c>--></row>'),
        set(),
        {},
    ),
]


@pytest.mark.parametrize(
    ("xml", "formulas", "errors"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_formula_and_error_cells(xml: bytes, formulas: set[str], errors: dict[str, str]) -> None:
    found = xlsx_marks(xml)
    assert found.formulas == formulas
    assert found.errors == errors
    tree = _tree_marks(xml)
    assert (tree.formulas, tree.errors) == (found.formulas, found.errors)
    streamed = _streamed_marks(xml)
    assert streamed is None or streamed.formulas == tree.formulas


def test_a_document_type_goes_through_defusedxml_and_is_refused() -> None:
    xml = b'<!DOCTYPE x [<!ENTITY a "b">]>' + sheet('<row r="1"><c r="A1"><f>1</f></c></row>')
    with pytest.raises(UnusableFileError) as refused:
        xlsx_marks(xml)
    assert refused.value.code == "file_xml_unsafe"


def test_broken_xml_is_a_damaged_file() -> None:
    with pytest.raises(UnusableFileError) as refused:
        xlsx_marks(sheet('<row r="1"><c r="A1"><f>1</c></row>'))
    assert refused.value.code == "file_truncated"


CALAMINE_RULES = [
    # a cell without a reference takes its row from <row>, not from the cell before it
    (sheet('<row r="15"><c r="E99"/><c><f>1</f><v>1</v></c></row>'), {"F15"}),
    # a cell in a foreign namespace is still a cell (elements are matched by local name)
    (
        sheet('<row r="15"><x:c xmlns:x="urn:x" r="F15"><x:f>1</x:f><x:v>1</x:v></x:c></row>'),
        {"F15"},
    ),
    # an array formula's result fills its whole range
    (
        sheet(
            '<row r="15"><c r="C15"><f t="array" ref="C15:F15">{1,2,3,4}</f><v>1</v></c>'
            '<c r="F15"><v>4</v></c></row>'
        ),
        {"C15", "D15", "E15", "F15"},
    ),
]


@pytest.mark.parametrize(("xml", "formulas"), CALAMINE_RULES, ids=["row", "namespace", "array"])
def test_cells_are_placed_and_recognised_as_calamine_reads_them(
    xml: bytes, formulas: set[str]
) -> None:
    assert xlsx_marks(xml).formulas == formulas
    assert _tree_marks(xml).formulas == formulas


def test_an_ods_matrix_formula_fills_its_span() -> None:
    from thidua_xlsx.intake.marks import ods_marks

    content = (
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body>'
        b'<office:spreadsheet><table:table table:name="S"><table:table-row>'
        b'<table:table-cell/><table:table-cell table:formula="of:={1;2}"'
        b' table:number-matrix-columns-spanned="2" table:number-matrix-rows-spanned="1"/>'
        b"<table:covered-table-cell/></table:table-row></table:table></office:spreadsheet>"
        b"</office:body></office:document-content>"
    )
    assert ods_marks(content, ["S"], 0).formulas == {"B1", "C1"}
