"""The scorecard as a form: protection, validations, conditional formats, the very hidden
metadata sheet, file names, unit selection and the templates command."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from thidua_xlsx import Campaign, load_campaign
from thidua_xlsx.core.cellref import cell_name
from thidua_xlsx.core.model import Method, Unit
from thidua_xlsx.errors import UnitSelectionError
from thidua_xlsx.faces.cli import main
from thidua_xlsx.scorecard.blank_cards import scorecard_filename, select_units, write_templates
from thidua_xlsx.scorecard.layout import (
    COL,
    GUIDE_SHEET,
    META_SHEET,
    SCORECARD_SHEET,
    card_criteria,
    plan_card,
)
from thidua_xlsx.scorecard.writer import write_scorecard

from conftest import SEED_000, SEED_003


@pytest.fixture(scope="module")
def nhon_hung() -> Campaign:
    return load_campaign(SEED_003)


def _open(path: Path) -> tuple[openpyxl.Workbook, Worksheet]:
    book = openpyxl.load_workbook(path)
    return book, book[SCORECARD_SHEET]


@pytest.mark.parametrize("unit_code", ["P-NHONHUNG", "NH-VHXH"])
def test_only_input_cells_are_unlocked_and_all_have_validation(
    tmp_path: Path, nhon_hung: Campaign, unit_code: str
) -> None:
    layout = plan_card(nhon_hung, nhon_hung.unit(unit_code))
    path = tmp_path / "card.xlsx"
    write_scorecard(path, layout)
    book, sheet = _open(path)
    assert sheet.protection.sheet is True
    assert not sheet.protection.password
    inputs = {layout.cell(c.code, col) for c in layout.criteria for col in layout.input_columns(c)}
    assert inputs
    for row in sheet.iter_rows(min_row=1, max_row=layout.signature_row + 2, max_col=10):
        for cell in row:
            assert cell.protection.locked is (cell.coordinate not in inputs), cell.coordinate
    validated: set[str] = set()
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            validated.update(cell_name(r - 1, c - 1) for r, c in cell_range.cells)
        assert validation.prompt and validation.error
    assert inputs <= validated, sorted(inputs - validated)
    for criterion in layout.criteria:
        if criterion.method is Method.DAT:
            cell = layout.cell(criterion.code, "result")
            rule = next(v for v in sheet.data_validations.dataValidation if cell in v.sqref)
            assert rule.type == "list" and "Đạt" in (rule.formula1 or "")
    assert book[META_SHEET].sheet_state == "veryHidden"


def test_over_max_and_missing_evidence_turn_red(tmp_path: Path, nhon_hung: Campaign) -> None:
    layout = plan_card(nhon_hung, nhon_hung.unit("P-NHONHUNG"))
    path = tmp_path / "card.xlsx"
    write_scorecard(path, layout)
    _, sheet = _open(path)
    rules: dict[str, list[str]] = {}  # cell → formulas of the rules covering it
    for ranges, rule_list in sheet.conditional_formatting._cf_rules.items():
        for cell_range in ranges.sqref.ranges:
            for r, c in cell_range.cells:
                rules.setdefault(cell_name(r - 1, c - 1), []).extend(
                    rule.formula[0] for rule in rule_list
                )
    leaves = [c for c in layout.criteria if c.is_leaf]
    for leaf in leaves:
        result = rules.get(layout.cell(leaf.code, "result"), [])
        if leaf.method in (Method.DIEM, Method.THUONG):
            assert any(">$D" in f for f in result), leaf.code  # over the max in column D
        if leaf.method is Method.TY_LE:
            assert any("F13>N(E13)" in f for f in result) or any(">N(E" in f for f in result)
        if leaf.evidence_required:
            evidence = rules[layout.cell(leaf.code, "evidence")]
            assert any("LEN(TRIM(H" in f for f in evidence), leaf.code
        if leaf.method is Method.THUONG:
            assert any("LEN(TRIM(I" in f for f in rules[layout.cell(leaf.code, "explanation")])


def test_metadata_sheet_records_campaign_unit_and_rows(tmp_path: Path, nhon_hung: Campaign) -> None:
    unit = nhon_hung.unit("NH-CA")
    layout = plan_card(nhon_hung, unit)
    path = tmp_path / "card.xlsx"
    write_scorecard(path, layout)
    book, sheet = _open(path)
    meta = {row[0]: row[1] for row in book[META_SHEET].iter_rows(values_only=True)}
    assert meta["campaign_id"] == nhon_hung.info.campaign_id
    assert meta["fingerprint"] == nhon_hung.fingerprint
    assert meta["unit_code"] == "NH-CA" and meta["unit_name"] == unit.name
    assert meta["format_version"] == "1" and meta["card"] == "sector"
    assert meta["generated_at"] and str(meta["generator"]).startswith("thidua_xlsx ")
    rows = dict(item.split("=") for item in str(meta["criterion_rows"]).split("; "))
    assert list(rows) == [c.code for c in layout.criteria]
    for criterion in layout.criteria:
        row = int(rows[criterion.code])
        assert sheet.cell(row=row, column=COL["code"] + 1).value == criterion.code


def test_sector_card_holds_only_its_criteria_with_their_headings(nhon_hung: Campaign) -> None:
    police = card_criteria(nhon_hung, "NH-CA")
    leaves = [c for c in police if c.is_leaf]
    assert leaves and all("NH-CA" in c.sectors for c in leaves)
    codes = {c.code for c in police}
    for criterion in police:
        assert criterion.parent is None or criterion.parent in codes
    assert len(card_criteria(nhon_hung, "P-NHONHUNG")) == len(nhon_hung.criteria)


def test_header_says_who_and_what(tmp_path: Path, nhon_hung: Campaign) -> None:
    layout = plan_card(nhon_hung, nhon_hung.unit("NH-CA"))
    path = tmp_path / "card.xlsx"
    write_scorecard(path, layout)
    _, sheet = _open(path)
    texts = [str(c.value) for row in sheet.iter_rows(max_row=10) for c in row if c.value]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    assert "UBND PHƯỜNG NHƠN HƯNG" in texts and "CÔNG AN PHƯỜNG" in texts
    assert any("60/KH-BVSTBPN&BDG" in t for t in texts)
    assert any(t.startswith("Nhơn Hưng, ngày") and "năm 2024" in t for t in texts)
    assert sheet.cell(row=1, column=1).font.name == "Times New Roman"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9


def test_each_card_is_dated_from_its_own_units_place(tmp_path: Path, nhon_hung: Campaign) -> None:
    """Not the campaign's one place: the commune's card says «Vĩnh Trung, ngày …», the town's
    «Tịnh Biên, ngày …» (its Địa danh column), a ward sector its ward's."""
    said = {}
    for code in ("X-VINHTRUNG", "TXTB", "NH-CA"):
        path = tmp_path / f"{code}.xlsx"
        write_scorecard(path, plan_card(nhon_hung, nhon_hung.unit(code)))
        _, sheet = _open(path)
        texts = [str(c.value) for row in sheet.iter_rows(max_row=4) for c in row if c.value]
        said[code] = next(t.split(",")[0] for t in texts if ", ngày" in t)
    assert said == {"X-VINHTRUNG": "Vĩnh Trung", "TXTB": "Tịnh Biên", "NH-CA": "Nhơn Hưng"}
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (sheet.page_setup.fitToWidth or 1) == 1  # 1 is the default, left out of the XML
    assert sheet.page_setup.fitToHeight == 0  # as many pages down as needed
    assert sheet.freeze_panes == "C13"
    assert sheet.print_title_rows == "$11:$12"


@pytest.mark.parametrize(
    ("code", "name", "expected"),
    [
        ("NH-CA", "Công an phường", "NH-CA-cong-an-phuong.xlsx"),
        ("../x", "Đặng Thị Ửng", "x-dang-thi-ung.xlsx"),
        ("A/B:C\\D", "=HYPERLINK()", "A-B-C-D-hyperlink.xlsx"),
        ("..", "", "don-vi.xlsx"),
    ],
)
def test_file_names_are_safe_and_readable(code: str, name: str, expected: str) -> None:
    assert scorecard_filename(Unit(code, name)) == expected


def test_unit_selection(nhon_hung: Campaign) -> None:
    leaves = select_units(nhon_hung)
    assert {u.code for u in leaves} == {u.code for u in nhon_hung.leaf_units}
    sectors = select_units(nhon_hung, parent="p-nhonhung")
    assert len(sectors) == 15 and all(u.parent == "P-NHONHUNG" for u in sectors)
    assert [u.code for u in select_units(nhon_hung, units=["nh-ca", "NH-CA"])] == ["NH-CA"]
    with pytest.raises(UnitSelectionError) as caught:
        select_units(nhon_hung, units=["NH-XX"])
    assert "NH-XX" in caught.value.message("vi")


def test_templates_never_overwrite_without_force(tmp_path: Path, nhon_hung: Campaign) -> None:
    first = write_templates(nhon_hung, tmp_path, parent="P-NHONHUNG")
    assert len(first.written) == 15 and not first.kept
    filled = first.written[0]
    filled.write_bytes(b"filled by a person")
    again = write_templates(nhon_hung, tmp_path, parent="P-NHONHUNG")
    assert again.written == () and set(again.kept) == set(first.written)
    assert filled.read_bytes() == b"filled by a person"
    unit = next(u for u in nhon_hung.units if scorecard_filename(u) == filled.name)
    forced = write_templates(nhon_hung, tmp_path, units=[unit.code], force=True)
    assert forced.written == (filled,) and filled.read_bytes()[:2] == b"PK"


def test_templates_command(tmp_path: Path) -> None:
    out = io.StringIO()
    month = ["--period", "1"]  # the An Giang campaign reports monthly
    assert main(["templates", str(SEED_000), "-o", str(tmp_path), *month], out=out) == 0
    files = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert len(files) == 11 and "HLHPN-LX-hoi-lhpn-thanh-pho-long-xuyen.xlsx" in files
    assert "Đã ghi 11 phiếu chấm điểm" in out.getvalue()
    assert "Kỳ báo cáo: Tháng thứ 1." in out.getvalue()
    out = io.StringIO()
    english = ["--lang", "en", *month]
    assert main(["templates", str(SEED_000), "-o", str(tmp_path), *english], out=out) == 1
    assert "Kept 11 existing file(s)" in out.getvalue()
    out = io.StringIO()
    wrong = ["--unit", "NOPE", *month]
    assert main(["templates", str(SEED_000), "-o", str(tmp_path), *wrong], out=out) == 2
    assert "NOPE" in out.getvalue()


def test_parallel_templates_equal_sequential_ones(tmp_path: Path, nhon_hung: Campaign) -> None:
    """A province-sized run uses worker processes; the files are the same as one process's."""
    import zipfile
    from datetime import UTC, datetime

    from province import synthetic_province

    province = synthetic_province(nhon_hung, wards=5)  # 80 units: above the parallel threshold
    codes = [u.code for u in province.units if u.parent is not None]
    when = datetime(2024, 9, 1, tzinfo=UTC)
    one = write_templates(province, tmp_path / "one", units=codes, workers=1, generated_at=when)
    two = write_templates(province, tmp_path / "two", units=codes, workers=2, generated_at=when)
    assert [p.name for p in one.written] == [p.name for p in two.written]
    assert len(one.written) == 80
    for a, b in zip(one.written, two.written, strict=True):
        with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
            for part in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"):
                assert za.read(part) == zb.read(part), (a.name, part)


def test_formulas_use_only_classic_functions(nhon_hung: Campaign) -> None:
    """The fast worksheet skips XlsxWriter's _xlfn expansion: valid only for these functions."""
    import re

    from thidua_xlsx.scorecard.writer import FORMULA_FUNCTIONS

    layout = plan_card(nhon_hung, nhon_hung.unit("P-NHONHUNG"))
    formulas = [layout.self_formula(c) for c in layout.criteria]
    formulas += [f for c in layout.criteria if (f := layout.final_formula(c))]
    formulas += [
        *layout.total_formulas("self").values(),
        *layout.total_formulas("verified").values(),
    ]
    formulas += [f for f in (layout.band_formula("self"), layout.band_formula("verified")) if f]
    used = {name for f in formulas for name in re.findall(r"([A-Z][A-Z0-9.]*)\(", f)}
    assert used and used <= FORMULA_FUNCTIONS, used - FORMULA_FUNCTIONS


def test_cached_values_are_true_when_inputs_are_known(tmp_path: Path, nhon_hung: Campaign) -> None:
    """A card written with values carries the core's scores as cached results, so a reader
    or previewer that never recalculates shows the real totals."""
    from decimal import Decimal

    from thidua_xlsx.core.scoring import RawInput, score_card
    from thidua_xlsx.core.vi_text import parse_decimal
    from thidua_xlsx.intake.sheets import read_workbook

    layout = plan_card(nhon_hung, nhon_hung.unit("P-NHONHUNG"))
    values: dict[tuple[str, str], object] = {}
    inputs: dict[str, RawInput] = {}
    for index, leaf in enumerate(c for c in layout.criteria if c.is_leaf):
        if leaf.method is Method.DAT:
            values[(leaf.code, "result")] = "Đạt"
            inputs[leaf.code] = RawInput(met=True)
            continue
        amount = Decimal(index % 7) + Decimal("0.505")
        values[(leaf.code, "result")] = amount
        target = Decimal(5) if leaf.method is Method.TY_LE and leaf.target is None else None
        if target is not None:
            values[(leaf.code, "target")] = target
        inputs[leaf.code] = RawInput(amount=amount, target=target)
    verified = {"II.1.a": Decimal("3.5")}
    values[("II.1.a", "verified")] = Decimal("3.5")
    path = tmp_path / "filled.xlsx"
    write_scorecard(path, layout, values=values, inputs=inputs, verified=verified)  # type: ignore[arg-type]
    core = score_card(nhon_hung, inputs, verified)
    assert core.self_total > 0 and core.total != core.self_total
    sheet = read_workbook(path)[SCORECARD_SHEET]
    for criterion in layout.criteria:
        row = layout.rows[criterion.code]
        assert parse_decimal(sheet.cell(row, COL["self"])) == core.self_nodes[criterion.code]
        if not criterion.is_leaf:
            assert (
                parse_decimal(sheet.cell(row, COL["verified"])) == core.final_nodes[criterion.code]
            )
    assert parse_decimal(sheet.cell(layout.total_row, COL["self"])) == core.self_total
    assert parse_decimal(sheet.cell(layout.total_row, COL["verified"])) == core.total
    assert sheet.cell(layout.band_row or 0, COL["self"]) == nhon_hung.band_for(core.self_total)


def test_merged_text_without_a_box_is_formatted_on_its_first_cell_only(
    tmp_path: Path, nhon_hung: Campaign
) -> None:
    """Header and signature ranges (no border, no fill) write their first cell alone: the
    others would show nothing of a format, and every reader would pay for each. Ranges in the
    table keep a formatted cell under every part of their border."""
    layout = plan_card(nhon_hung, nhon_hung.unit("P-NHONHUNG"))
    path = tmp_path / "card.xlsx"
    write_scorecard(path, layout)
    _, sheet = _open(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    written = set(re.findall(r'<c r="([A-Z]+[0-9]+)"', xml))
    unboxed = boxed = 0
    for merged in sheet.merged_cells.ranges:
        anchor = sheet.cell(merged.min_row, merged.min_col)
        assert anchor.coordinate in written, merged.coord
        others = {cell_name(r - 1, c - 1) for r, c in merged.cells} - {anchor.coordinate}
        if anchor.border.left.style is None and anchor.fill.fill_type is None:
            unboxed += 1
            assert anchor.value and anchor.font.name == "Times New Roman", merged.coord
            assert not others & written, merged.coord
        else:
            boxed += 1
            assert others <= written, merged.coord
    assert unboxed >= 14 and boxed >= 2


def test_percent_cells_say_to_type_86_for_86_percent(tmp_path: Path, nhon_hung: Campaign) -> None:
    """Every Tỷ lệ % result cell's prompt, and the guide sheet, say to type the number
    without the % sign; no other cell's prompt does. The result cells keep a plain number
    format (86 stays 86)."""
    layout = plan_card(nhon_hung, nhon_hung.unit("P-NHONHUNG"))
    path = tmp_path / "card.xlsx"
    write_scorecard(path, layout)
    book, sheet = _open(path)
    rules = sheet.data_validations.dataValidation
    for criterion in (c for c in layout.criteria if c.is_leaf):
        cell = layout.cell(criterion.code, "result")
        prompt = next(v for v in rules if cell in v.sqref).prompt or ""
        percent = criterion.method is Method.TY_LE
        assert ("đạt 86% thì gõ 86" in prompt) is percent, (cell, prompt)
        if percent:
            assert "%" not in sheet[cell].number_format
    guide = " ".join(str(c.value) for row in book[GUIDE_SHEET].iter_rows() for c in row)
    assert "đạt 86% thì gõ 86" in guide and "Gõ 86% thì Excel lưu 0,86" in guide
