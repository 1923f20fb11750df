"""The same scorecard form written with openpyxl: the comparison point for bench_templates.py.

Same sheets, cells, values, formulas, fonts, borders, fills, merges, row heights, validations
(with their messages), conditional formats, protection, print setup, guide and metadata as
thidua_xlsx.scorecard.writer, from the same CardLayout — only the library differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from thidua_xlsx.core.model import Criterion, Method
from thidua_xlsx.core.scoring import score_card
from thidua_xlsx.scorecard.layout import (
    COL,
    COLUMN_TITLES,
    GUIDE_SHEET,
    HEADER_ROW,
    LAST_COL,
    META_SHEET,
    SCORECARD_SHEET,
    CardLayout,
)
from thidua_xlsx.scorecard.writer import _GUIDE, _height, _method_text

_WIDTHS = (9, 52, 17, 8, 9, 11, 10, 26, 26, 10)
_LETTERS = "ABCDEFGHIJ"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_NONE = Border()
_TINT = PatternFill("solid", fgColor="FFF2CC")
_HEAD = PatternFill("solid", fgColor="D9E1F2")
_GREY = PatternFill("solid", fgColor="EDEDED")
_SECTION = PatternFill("solid", fgColor="F2F2F2")
_NOFILL = PatternFill()


def _font(**kw: Any) -> Font:
    return Font(name="Times New Roman", size=kw.pop("size", 12), **kw)


def _style(
    cell: Any,
    font: Font,
    border: Border = _BOX,
    fill: PatternFill = _NOFILL,
    align: str | None = "center",
    wrap: bool = False,
    fmt: str = "General",
    locked: bool = True,
) -> None:
    cell.font, cell.border, cell.fill, cell.number_format = font, border, fill, fmt
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
    cell.protection = Protection(locked=locked)


def write_openpyxl_scorecard(path: Path, layout: CardLayout) -> None:
    card = score_card(layout.campaign, {})
    score_fmt = "0" if layout.decimals == 0 else "0." + "0" * layout.decimals
    book = Workbook()
    sheet: Worksheet = book.active
    sheet.title = SCORECARD_SHEET
    for col, width in enumerate(_WIDTHS):
        sheet.column_dimensions[_LETTERS[col]].width = width
    _header(sheet, layout)
    validations: dict[str, DataValidation] = {}
    marks: dict[str, list[str]] = {"over_max": [], "no_evidence": [], "no_justification": []}
    for criterion in layout.criteria:
        row = layout.rows[criterion.code] + 1
        bold = not criterion.is_leaf
        fill = _SECTION if criterion.is_section else _NOFILL
        cells = sheet[f"A{row}:J{row}"][0]
        values = [
            criterion.code,
            criterion.content,
            _method_text(criterion),
            float(criterion.max_points),
        ]
        for col, value in enumerate(values):
            cells[col].value = value
            _style(
                cells[col],
                _font(bold=bold),
                fill=fill,
                wrap=col in (1, 2),
                align=None if col in (1, 2) else "center",
            )
        cells[COL["self"]].value = layout.self_formula(criterion)
        cells[COL["self"]].number_format = score_fmt
        _style(cells[COL["self"]], _font(bold=True), fill=fill, fmt=score_fmt)
        final = layout.final_formula(criterion)
        cells[COL["verified"]].value = final
        _style(
            cells[COL["verified"]],
            _font(bold=bold),
            fill=_GREY if not bold else fill,
            fmt=score_fmt,
        )
        inputs = layout.input_columns(criterion)
        for column in ("target", "result", "evidence", "explanation"):
            cell = cells[COL[column]]
            if column in inputs:
                _style(
                    cell,
                    _font(),
                    fill=_TINT,
                    wrap=column in ("evidence", "explanation"),
                    locked=False,
                )
            else:
                _style(cell, _font(bold=bold), fill=fill)
        if criterion.target is not None and criterion.is_leaf:
            cells[COL["target"]].value = float(criterion.target)
        sheet.row_dimensions[row].height = _height(criterion.content, _method_text(criterion))
        if criterion.is_leaf:
            _validate(sheet, validations, layout, criterion, row)
            if criterion.method in (Method.DIEM, Method.THUONG):
                marks["over_max"].append(f"F{row}")
            if criterion.evidence_required:
                marks["no_evidence"].append(f"H{row}")
            if criterion.method is Method.THUONG:
                marks["no_justification"].append(f"I{row}")
    red = PatternFill("solid", bgColor="FFC7CE")
    for kind, formula in (
        ("over_max", "AND(ISNUMBER(F{r}),F{r}>$D{r})"),
        ("no_evidence", "AND(N(G{r})>0,LEN(TRIM(H{r}))=0)"),
        ("no_justification", "AND(N(F{r})>0,LEN(TRIM(I{r}))=0)"),
    ):
        if marks[kind]:
            first = int(marks[kind][0][1:])
            sheet.conditional_formatting.add(
                " ".join(marks[kind]),
                FormulaRule(formula=[formula.format(r=first)], fill=red, font=Font(color="9C0006")),
            )
    _totals(sheet, layout, score_fmt, card.self_total)
    _signature(sheet, layout)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = sheet.protection.formatRows = False
    setup = sheet.page_setup
    setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight = "landscape", 9, 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left, sheet.page_margins.right = 1.18, 0.59
    sheet.page_margins.top = sheet.page_margins.bottom = 0.79
    sheet.oddFooter.center.text = "Trang &P/&N"
    sheet.print_title_rows = f"{HEADER_ROW + 1}:{HEADER_ROW + 2}"
    sheet.print_area = f"A1:J{layout.signature_row + 6}"
    sheet.freeze_panes = "C13"
    _guide(book, layout)
    meta = book.create_sheet(META_SHEET)
    for row, (key, value) in enumerate(layout.metadata("", "bench"), start=1):
        meta.cell(row=row, column=1, value=key)
        meta.cell(row=row, column=2, value=value)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    book.save(path)


def _header(sheet: Worksheet, layout: CardLayout) -> None:
    texts = layout.header_texts()
    for row, col, last, key, font in [
        (0, 0, 2, "superior", _font()),
        (1, 0, 2, "issuer", _font(bold=True, underline="single")),
        (0, 5, LAST_COL, "motto", _font(bold=True)),
        (1, 5, LAST_COL, "motto2", _font(bold=True, size=13, underline="single")),
        (2, 5, LAST_COL, "place_date", _font(italic=True)),
        (4, 0, LAST_COL, "title", _font(bold=True, size=14)),
        (5, 0, LAST_COL, "campaign", _font(bold=True, size=13)),
        (6, 0, LAST_COL, "plan", _font(italic=True)),
        (7, 0, LAST_COL, "period", _font()),
        (8, 0, LAST_COL, "unit", _font(bold=True)),
    ]:
        cell = sheet.cell(row=row + 1, column=col + 1, value=texts[key])
        _style(cell, font, border=_NONE, wrap=key == "campaign")
        sheet.merge_cells(
            start_row=row + 1, start_column=col + 1, end_row=row + 1, end_column=last + 1
        )
    sheet.row_dimensions[6].height = 33
    for col, title in enumerate(COLUMN_TITLES):
        head = sheet.cell(row=HEADER_ROW + 1, column=col + 1, value=title)
        _style(head, _font(bold=True), fill=_HEAD, wrap=True)
        number = sheet.cell(row=HEADER_ROW + 2, column=col + 1, value=f"({col + 1})")
        _style(number, _font(italic=True, size=10), fill=_HEAD)
    sheet.row_dimensions[HEADER_ROW + 1].height = 33


def _validate(
    sheet: Worksheet,
    rules: dict[str, DataValidation],
    layout: CardLayout,
    criterion: Criterion,
    row: int,
) -> None:
    cap = str(criterion.max_points)
    if criterion.method is Method.DAT:
        key, spec = "dat", {"type": "list", "formula1": '"Đạt,Không đạt"'}
    elif criterion.method in (Method.DIEM, Method.THUONG):
        key = f"points-{cap}"
        spec = {"type": "decimal", "operator": "between", "formula1": "0", "formula2": cap}
    else:
        key, spec = "count", {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"}
    text_spec = {"type": "textLength", "operator": "lessThanOrEqual", "formula1": "2000"}
    for rule_key, rule_spec, cells in (
        (key, spec, [f"F{row}"]),
        ("text", text_spec, [f"H{row}", f"I{row}"]),
    ):
        if rule_key not in rules:
            rule = DataValidation(**rule_spec)
            rule.promptTitle, rule.prompt = "Nhập", f"Nhập giá trị cho tiêu chí, tối đa {cap}."
            rule.errorTitle, rule.error = "Không hợp lệ", "Giá trị không hợp lệ; xem Hướng dẫn."
            rule.showInputMessage = rule.showErrorMessage = True
            sheet.add_data_validation(rule)
            rules[rule_key] = rule
        for cell in cells:
            rules[rule_key].add(cell)
    if "target" in layout.input_columns(criterion):
        if "target" not in rules:
            rules["target"] = DataValidation(type="decimal", operator="greaterThan", formula1="0")
            sheet.add_data_validation(rules["target"])
        rules["target"].add(f"E{row}")


def _totals(sheet: Worksheet, layout: CardLayout, score_fmt: str, total: object) -> None:
    labels = {
        layout.regular_row: "Cộng điểm các tiêu chí (không kể điểm thưởng, điểm trừ)",
        layout.total_row: "TỔNG ĐIỂM",
    }
    if layout.bonus_row is not None:
        labels[layout.bonus_row] = "Điểm thưởng"
    if layout.deduction_row is not None:
        labels[layout.deduction_row] = "Điểm trừ"
    for column in ("self", "verified"):
        for row, formula in layout.total_formulas(column).items():
            cell = sheet.cell(row=row + 1, column=COL[column] + 1, value=formula)
            _style(
                cell,
                _font(bold=True),
                fill=_HEAD if row == layout.total_row else _NOFILL,
                fmt=score_fmt,
            )
    for row, label in labels.items():
        cell = sheet.cell(row=row + 1, column=1, value=label)
        _style(cell, _font(bold=True), align="right")
        sheet.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=6)
        sheet.merge_cells(start_row=row + 1, start_column=8, end_row=row + 1, end_column=9)
    if layout.band_row is not None:
        row = layout.band_row + 1
        sheet.cell(row=row, column=1, value="Xếp loại").font = _font(bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        sheet.cell(row=row, column=7, value=layout.band_formula("self"))
        sheet.cell(row=row, column=10, value=layout.band_formula("verified"))
        sheet.merge_cells(start_row=row, start_column=8, end_row=row, end_column=9)
    del total


def _signature(sheet: Worksheet, layout: CardLayout) -> None:
    texts = layout.header_texts()
    row = layout.signature_row + 1
    for r, left, right, font in (
        (row, "sign_left", "sign_right", _font(bold=True)),
        (row + 1, "sign_left_note", "sign_right_note", _font(italic=True)),
    ):
        sheet.cell(row=r, column=1, value=texts[left]).font = font
        sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        sheet.cell(row=r, column=7, value=texts[right]).font = font
        sheet.merge_cells(start_row=r, start_column=7, end_row=r, end_column=10)


def _guide(book: Workbook, layout: CardLayout) -> None:
    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 100
    for row, line in enumerate(_GUIDE, start=1):
        cell = guide.cell(row=row, column=1, value=line)
        cell.font = _font(bold=row == 1, size=14 if row == 1 else 12)
        cell.alignment = Alignment(wrap_text=True)
        guide.row_dimensions[row].height = 16.0 * -(-len(line) // 95) + 4
    guide.page_setup.paperSize = 9
    guide.protection.sheet = True
    del layout
