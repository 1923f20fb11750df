"""Write one unit's scorecard with XlsxWriter (SPEC §5): an official-looking, protected,
self-checking form whose formulas give the same scores as the core, with true cached values.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .._version import __version__
from ..campaign.show import COMPOSE_NAMES, METHOD_NAMES
from ..core.cellref import cell_name, parse_cell
from ..core.model import ComposeRule, Criterion, Method, SectionKind
from ..core.scoring import RawInput, ScoreCard, score_card
from ..core.vi_text import format_decimal
from ..rollup.data_sheet import DATA_SHEET
from ..runtime.atomic import atomic_output, output_time
from ..runtime.output_guard import check_outputs
from ..words.issues import Issue
from ..words.messages import as_lang, render, word
from .layout import (
    COL,
    COLUMN_TITLES,
    FEEDBACK_KIND,
    FIRST_CRITERION_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    LAST_COL,
    META_SHEET,
    SCORECARD_SHEET,
    TOTAL_LABEL,
    CardLayout,
    input_cells,
    plan_card,
    row_height,
    values_digest,
)

if TYPE_CHECKING:
    from ..core.reports import ComposeReport

__all__ = ["write_composed_card", "write_issue_sheet", "write_scorecard"]

CellInput = str | int | float | Decimal | None

_WIDTHS = (9, 52, 17, 8, 9, 11, 10, 26, 26, 10)
# Functions our formulas use: all in Excel since 2007, none needs an "_xlfn." prefix.
FORMULA_FUNCTIONS = frozenset(
    {"AND", "COUNT", "IF", "ISNUMBER", "LEN", "LOWER", "MAX", "MIN", "N", "ROUND", "SUM", "TRIM"}
)


class _ClassicFormulaWorksheet(Worksheet):  # type: ignore[misc]
    """A worksheet that skips XlsxWriter's future-function expansion: ~30 regular expressions
    per cell formula and ~130 per conditional format, of no use for :data:`FORMULA_FUNCTIONS`
    (a golden-file test checks the XML is unchanged)."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        return formula.removeprefix("{").removeprefix("=").removesuffix("}")


_FONT = "Times New Roman"
_CELL_TEXT_MAX = 32767  # Excel's limit on a cell's text
_INPUT_TINT = "#FFF2CC"
_RED = "#FFC7CE"


def write_scorecard(
    path: Path,
    layout: CardLayout,
    values: Mapping[tuple[str, str], CellInput] | None = None,
    inputs: Mapping[str, RawInput] | None = None,
    verified: Mapping[str, Decimal] | None = None,
    generated_at: datetime | None = None,
    issues: Sequence[Issue] = (),
    lang: str = "vi",
    contributions: Mapping[str, Mapping[str, RawInput]] | None = None,
    feedback_of: str | None = None,
) -> None:
    """Write the scorecard of ``layout`` to ``path`` atomically.

    ``values`` are cell contents to prefill, keyed by (criterion code, column name);
    ``inputs``/``verified`` are the same values as the core reads them, used for the cached
    results of the formulas (a blank card caches the scores of a blank card). ``issues``
    make a feedback copy: their cells marked red with the message as a comment, and a sheet
    listing them all. ``contributions`` (sector → leaf → its inputs) adds a sheet showing
    what each sector entered, for a composed card. ``feedback_of`` (the name of the file the
    values came from) marks the card a feedback copy in its hidden metadata, with a digest
    of ``values``, so that the copy is recognised when it comes back unchanged.
    """
    card = score_card(layout.campaign, inputs or {}, verified)
    generated_at = generated_at or output_time()
    stamp = generated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    with atomic_output(path) as temp:
        workbook = xlsxwriter.Workbook(
            str(temp),
            {"strings_to_formulas": False, "strings_to_numbers": False, "in_memory": True},
        )
        try:
            workbook.set_properties(
                {
                    "title": f"{layout.campaign.info.title} — {layout.unit.name}",
                    "author": "thidua_xlsx",
                    "created": generated_at,
                }
            )
            form = _Form(workbook, layout, values or {}, card, bool(verified), bool(contributions))
            form.write()
            if issues:
                form.flag(issues, lang)
                write_issue_sheet(workbook, issues, lang)
            if contributions:
                _write_contributions(workbook, layout, contributions, inputs or {})
            _write_guide(workbook, layout)
            extra: list[tuple[str, str]] = []
            if feedback_of is not None:
                extra = [
                    ("kind", FEEDBACK_KIND),
                    ("feedback_of", feedback_of),
                    ("values_digest", values_digest(layout, values or {})),
                ]
            card_kind = "composed" if contributions else None
            _write_metadata(workbook, layout, stamp, card_kind, extra)
        finally:
            workbook.close()


def write_composed_card(
    path: Path, report: ComposeReport, lang: str = "vi", generated_at: datetime | None = None
) -> None:
    """The parent's own card made by compose: the sectors' inputs combined, what composing
    found marked on it, and a sheet of each sector's contribution. Never written over one of
    the files the report was read from."""
    check_outputs((f.path for f in report.check.files), output_files=[path])
    write_scorecard(
        path,
        plan_card(report.campaign, report.parent),
        values=_composed_values(report),
        inputs=report.combined,
        issues=report.issues,
        lang=lang,
        contributions=report.parts,
        generated_at=generated_at,
    )


def _composed_values(report: ComposeReport) -> dict[tuple[str, str], CellInput]:
    """The combined inputs as the parent's card shows them (cell contents)."""
    cells: dict[tuple[str, str], CellInput] = {}
    for code, raw in report.combined.items():
        for column, value in input_cells(report.campaign.criterion(code), raw).items():
            cells[(code, column)] = value
    return cells


class _Form:
    def __init__(
        self,
        workbook: xlsxwriter.Workbook,
        layout: CardLayout,
        values: Mapping[tuple[str, str], CellInput],
        card: ScoreCard,
        has_verified: bool,
        composed: bool = False,
    ) -> None:
        self.workbook = workbook
        self.composed = composed  # made by compose: entries within the caps, no red marks
        self.layout = layout
        self.values = values
        self.card = card
        self.has_verified = has_verified
        self.validations: dict[str, tuple[dict[str, Any], list[str]]] = {}
        self.marks: dict[str, list[str]] = {
            "over_max": [],
            "over_target": [],
            "no_evidence": [],
            "no_justification": [],
        }
        self.sheet: Worksheet = workbook.add_worksheet(
            SCORECARD_SHEET, worksheet_class=_ClassicFormulaWorksheet
        )
        self.f = _formats(workbook, layout.decimals)

    def write(self) -> None:
        sheet, layout = self.sheet, self.layout
        for col, width in enumerate(_WIDTHS):
            sheet.set_column(col, col, width)
        self._header()
        for criterion in layout.criteria:
            if criterion.is_leaf:
                self._leaf(criterion)
            else:
                self._group(criterion)
        self._conditional_rules()
        self._validation_rules()
        self._totals()
        self._signature()
        self._print_setup()
        sheet.protect(
            "",
            {
                "format_columns": True,
                "format_rows": True,
                "select_locked_cells": True,
                "select_unlocked_cells": True,
            },
        )
        sheet.activate()

    def flag(self, issues: Sequence[Issue], lang: str) -> None:
        """Mark the cells that have issues: tinted, with the messages as a comment
        (information, such as a result over its target, is said in the comment only: nothing
        to fix)."""
        by_cell: dict[str, list[Issue]] = {}
        for issue in issues:
            # a unit carried by a summary: its cells are on the summary's data sheet, not
            # here (its issues are listed on the issues sheet all the same)
            if issue.cell and issue.sheet and issue.sheet != DATA_SHEET:
                by_cell.setdefault(issue.cell, []).append(issue)
        for ref, found in by_cell.items():
            text = "\n".join(f"• {i.message(lang)}" for i in found)
            self.sheet.write_comment(ref, text, {"author": "thidua", "x_scale": 3, "y_scale": 2})
        refs = [
            r
            for r, found in by_cell.items()
            if any(i.severity.value in ("error", "warning") for i in found)
        ]
        if refs:
            self.sheet.conditional_format(
                refs[0],
                {
                    "type": "formula",
                    "criteria": "=TRUE",
                    "format": self.f["flag"],
                    "multi_range": " ".join(refs),
                    "stop_if_true": True,
                },
            )

    # -- header ---------------------------------------------------------------------------

    def _header(self) -> None:
        s, f, t = self.sheet, self.f, self.layout.header_texts()
        merge = self._merge_unboxed
        merge(0, 0, 2, t["superior"], f["superior"])
        merge(1, 0, 2, t["issuer"], f["issuer"])
        merge(0, 5, LAST_COL, t["motto"], f["motto"])
        merge(1, 5, LAST_COL, t["motto2"], f["motto2"])
        merge(2, 5, LAST_COL, t["place_date"], f["italic_center"])
        merge(4, 0, LAST_COL, t["title"], f["title"])
        merge(5, 0, LAST_COL, t["campaign"], f["bold_center_wrap"])
        merge(6, 0, LAST_COL, t["plan"], f["italic_center"])
        merge(7, 0, LAST_COL, t["period"], f["center"])
        merge(8, 0, LAST_COL, t["unit"], f["bold_center"])
        s.set_row(5, 33)
        for col, title in enumerate(COLUMN_TITLES):
            s.write_string(HEADER_ROW, col, title, f["th"])
            s.write_string(HEADER_ROW + 1, col, f"({col + 1})", f["th_number"])
        s.set_row(HEADER_ROW, 33)

    # -- criteria -------------------------------------------------------------------------

    def _group(self, criterion: Criterion) -> None:
        s, f, layout = self.sheet, self.f, self.layout
        row = layout.rows[criterion.code]
        style = "section" if criterion.is_section else "group"
        s.write_string(row, COL["code"], criterion.code, f[f"{style}_text"])
        s.write_string(row, COL["content"], criterion.content, f[f"{style}_wrap"])
        kind_note = {SectionKind.BONUS: "Điểm thưởng", SectionKind.DEDUCTION: "Điểm trừ"}
        method_text = kind_note.get(criterion.kind, "") if criterion.is_section else ""
        s.write_string(row, COL["method"], method_text, f[f"{style}_text"])
        s.write_number(row, COL["max"], float(criterion.max_points), f[f"{style}_number"])
        for col in ("target", "result", "evidence", "explanation"):
            s.write_blank(row, COL[col], None, f[f"{style}_text"])
        s.write_formula(
            row,
            COL["self"],
            layout.self_formula(criterion),
            f[f"{style}_score"],
            float(self.card.self_nodes[criterion.code]),
        )
        final = layout.final_formula(criterion)
        cached: float | str = (
            float(self.card.final_nodes[criterion.code]) if self.has_verified else ""
        )
        s.write_formula(row, COL["verified"], final, f[f"{style}_score"], cached)
        s.set_row(row, _height(criterion.content))

    def _leaf(self, criterion: Criterion) -> None:
        s, f, layout = self.sheet, self.f, self.layout
        row = layout.rows[criterion.code]
        code = criterion.code
        s.write_string(row, COL["code"], code, f["text"])
        content = layout.content_text(criterion)
        s.write_string(row, COL["content"], content, f["wrap"])
        s.write_string(row, COL["method"], _method_text(criterion), f["wrap"])
        s.write_number(row, COL["max"], float(criterion.max_points), f["number"])
        inputs = layout.input_columns(criterion)
        if "target" in inputs:
            self._input(row, "target", self.values.get((code, "target")), "input_number")
        elif criterion.target is not None:
            s.write_number(row, COL["target"], float(criterion.target), f["number"])
        else:
            s.write_blank(row, COL["target"], None, f["text"])
        result_style = "input_text" if criterion.method is Method.DAT else "input_number"
        self._input(row, "result", self.values.get((code, "result")), result_style)
        self._input(row, "evidence", self.values.get((code, "evidence")), "input_wrap")
        self._input(row, "explanation", self.values.get((code, "explanation")), "input_wrap")
        s.write_formula(
            row,
            COL["self"],
            layout.self_formula(criterion),
            f["score"],
            float(self.card.self_nodes[code]),
        )
        verified = self.values.get((code, "verified"))
        if verified is None:
            s.write_blank(row, COL["verified"], None, f["verified"])
        else:
            _write_value(s, row, COL["verified"], verified, f["verified"])
        self._validate(row, criterion)
        self._conditional(row, criterion)
        s.set_row(row, _height(content, _method_text(criterion)))

    def _input(self, row: int, column: str, value: CellInput, style: str) -> None:
        if value is None:
            self.sheet.write_blank(row, COL[column], None, self.f[style])
        else:
            _write_value(self.sheet, row, COL[column], value, self.f[style])

    def _validate(self, row: int, criterion: Criterion) -> None:
        cap = format_decimal(criterion.max_points)
        method = criterion.method
        col = COL["result"]
        options: dict[str, Any]
        if method is Method.DAT:
            options = {
                "validate": "list",
                "source": ["Đạt", "Không đạt"],
                "input_title": "Đạt / Không đạt",
                "input_message": f"Chọn Đạt (được {cap} điểm) hoặc Không đạt (0 điểm).",
                "error_title": "Giá trị không hợp lệ",
                "error_message": "Chỉ chọn Đạt hoặc Không đạt trong danh sách.",
            }
        elif method in (Method.DIEM, Method.THUONG) or (
            method is Method.TRU and criterion.points_per_unit is None
        ):
            word = {Method.THUONG: "điểm thưởng", Method.TRU: "điểm trừ"}.get(method, "điểm")
            options = {
                "validate": "decimal",
                "criteria": "between",
                "minimum": 0,
                "maximum": float(criterion.max_points),
                "input_title": "Nhập số điểm",
                "input_message": f"Nhập {word} từ 0 đến {cap}."
                + (" Bắt buộc ghi giải trình ở cột (9)." if method is Method.THUONG else ""),
                "error_title": "Điểm không hợp lệ",
                "error_message": f"Điểm phải là số từ 0 đến {cap}. Dùng dấu phẩy hoặc chấm "
                "thập phân theo cài đặt máy.",
            }
        elif method is Method.TY_LE:
            options = {
                "validate": "decimal",
                "criteria": ">=",
                "value": 0,
                "input_title": "Nhập kết quả (số)",
                "input_message": "Gõ số, không gõ dấu %: đạt 86% thì gõ 86 (không gõ 86% hay "
                "0,86). Điểm = điểm tối đa × kết quả / chỉ tiêu.",
                "error_title": "Số không hợp lệ",
                "error_message": "Phải là số lớn hơn hoặc bằng 0; đạt 86% thì gõ 86.",
            }
        else:
            what = "số lượng (số lần, số vụ…)"
            options = {
                "validate": "decimal",
                "criteria": ">=",
                "value": 0,
                "input_title": "Nhập số",
                "input_message": f"Nhập {what}, là số không âm.",
                "error_title": "Số không hợp lệ",
                "error_message": "Phải là số lớn hơn hoặc bằng 0.",
            }
        self._rule(options, cell_name(row, col))
        text_rule = self._text_rule(criterion)
        self._rule(text_rule, cell_name(row, COL["evidence"]))
        self._rule(text_rule, cell_name(row, COL["explanation"]))
        if "target" in self.layout.input_columns(criterion):
            self._rule(
                {
                    "validate": "decimal",
                    "criteria": ">",
                    "value": 0,
                    "input_title": "Nhập chỉ tiêu",
                    "input_message": "Nhập chỉ tiêu của đơn vị (số lớn hơn 0).",
                    "error_title": "Chỉ tiêu không hợp lệ",
                    "error_message": "Chỉ tiêu phải là số lớn hơn 0.",
                },
                cell_name(row, COL["target"]),
            )

    def _rule(self, options: dict[str, Any], cell: str) -> None:
        """Gather cells that share a validation, to write each distinct rule once."""
        key = repr(sorted(options.items()))
        self.validations.setdefault(key, (options, []))[1].append(cell)

    def _validation_rules(self) -> None:
        for options, cells in self.validations.values():
            self.sheet.data_validation(cells[0], {**options, "multi_range": " ".join(cells)})

    @staticmethod
    def _text_rule(criterion: Criterion) -> dict[str, Any]:
        needs = "bắt buộc" if criterion.evidence_required else "nếu có"
        return {
            "validate": "length",
            "criteria": "<=",
            "value": 2000,
            "input_title": "Minh chứng, giải trình",
            "input_message": f"Ghi số, ngày, trích yếu văn bản minh chứng ({needs}); "
            + ("điểm thưởng phải có giải trình." if criterion.method is Method.THUONG else "")
            + " Tối đa 2000 ký tự.",
            "error_title": "Quá dài",
            "error_message": "Ghi ngắn gọn, tối đa 2000 ký tự; chi tiết gửi kèm văn bản.",
        }

    def _conditional(self, row: int, criterion: Criterion) -> None:
        """Collect the cells of each red/green rule; :meth:`_conditional_rules` writes them."""
        method = criterion.method
        points = method in (Method.DIEM, Method.THUONG) or (
            method is Method.TRU and criterion.points_per_unit is None
        )
        if points and not self.composed:
            self.marks["over_max"].append(cell_name(row, COL["result"]))
        if method is Method.TY_LE:
            self.marks["over_target"].append(cell_name(row, COL["result"]))
        if criterion.evidence_required:
            self.marks["no_evidence"].append(cell_name(row, COL["evidence"]))
        if method is Method.THUONG:
            self.marks["no_justification"].append(cell_name(row, COL["explanation"]))

    def _conditional_rules(self) -> None:
        """One rule per kind over all its cells; references are relative to the first cell."""
        rules = {
            "over_max": ("=AND(ISNUMBER(F{r}),F{r}>$D{r})", "cf_red"),
            # over the target is what a campaign rewards: green, not a warning (capped at 100%)
            "over_target": ("=AND(ISNUMBER(F{r}),N(E{r})>0,F{r}>N(E{r}))", "cf_green"),
            "no_evidence": ("=AND(N(G{r})>0,LEN(TRIM(H{r}))=0)", "cf_red"),
            "no_justification": ("=AND(N(F{r})>0,LEN(TRIM(I{r}))=0)", "cf_red"),
        }
        for kind, cells in self.marks.items():
            if not cells:
                continue
            formula, style = rules[kind]
            first_row = int("".join(ch for ch in cells[0] if ch.isdigit()))
            self.sheet.conditional_format(
                cells[0],
                {
                    "type": "formula",
                    "criteria": formula.format(r=first_row),
                    "format": self.f[style],
                    "multi_range": " ".join(cells),
                },
            )

    # -- totals and signature -------------------------------------------------------------

    def _totals(self) -> None:
        s, f, layout, card = self.sheet, self.f, self.layout, self.card
        labels = {
            layout.regular_row: "Cộng điểm các tiêu chí (không kể điểm thưởng, điểm trừ)",
            layout.total_row: TOTAL_LABEL,
        }
        self_values = _self_totals(layout, card)
        final_values = _final_totals(layout, card)
        if layout.bonus_row is not None:
            labels[layout.bonus_row] = "Điểm thưởng"
        if layout.deduction_row is not None:
            labels[layout.deduction_row] = "Điểm trừ"
        self_formulas = layout.total_formulas("self")
        final_formulas = layout.total_formulas("verified")
        for row, label in sorted(labels.items()):
            style = "total" if row == layout.total_row else "subtotal"
            s.merge_range(row, 0, row, 5, label, f[f"{style}_label"])
            s.write_formula(
                row, COL["self"], self_formulas[row], f[f"{style}_score"], self_values[row]
            )
            s.merge_range(row, 7, row, 8, "", f[f"{style}_label"])
            cached: float | str = final_values[row] if self.has_verified else ""
            s.write_formula(row, COL["verified"], final_formulas[row], f[f"{style}_score"], cached)
        if layout.band_row is not None:
            row = layout.band_row
            s.merge_range(row, 0, row, 5, "Xếp loại", f["subtotal_label"])
            band_self = layout.band_formula("self")
            band_final = layout.band_formula("verified")
            assert band_self is not None and band_final is not None
            s.write_formula(
                row, COL["self"], band_self, f["band"], layout.campaign.band_for(card.self_total)
            )
            s.merge_range(row, 7, row, 8, "", f["subtotal_label"])
            cached_band = layout.campaign.band_for(card.total) if self.has_verified else ""
            s.write_formula(row, COL["verified"], band_final, f["band"], cached_band)

    def _signature(self) -> None:
        f, t = self.f, self.layout.header_texts()
        row, merge = self.layout.signature_row, self._merge_unboxed
        merge(row, 0, 2, t["sign_left"], f["bold_center"])
        merge(row, 6, LAST_COL, t["sign_right"], f["bold_center"])
        merge(row + 1, 0, 2, t["sign_left_note"], f["italic_center"])
        merge(row + 1, 6, LAST_COL, t["sign_right_note"], f["italic_center"])

    def _merge_unboxed(self, row: int, first: int, last: int, text: str, fmt: Format) -> None:
        """Text over merged cells with no border or fill (header, signature): the format on
        the first cell only. The others would show nothing of it, and each would be one more
        cell for every program that reads the card (a third of a sector card's cells)."""
        self.sheet.merge_range(row, first, row, last, "", None)
        self.sheet.write_string(row, first, text, fmt)

    def _print_setup(self) -> None:
        s = self.sheet
        s.set_paper(9)  # A4
        s.set_landscape()
        s.fit_to_pages(1, 0)
        s.repeat_rows(HEADER_ROW, HEADER_ROW + 1)
        # Decree 30: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm (in inches)
        s.set_margins(left=1.18, right=0.59, top=0.79, bottom=0.79)
        s.set_footer('&C&"Times New Roman"&10Trang &P/&N')
        s.print_area(0, 0, self.layout.signature_row + 5, LAST_COL)
        s.freeze_panes(FIRST_CRITERION_ROW, 2)


def _self_totals(layout: CardLayout, card: ScoreCard) -> dict[int, float]:
    return _totals_of(layout, card.self_nodes, card.self_total)


def _final_totals(layout: CardLayout, card: ScoreCard) -> dict[int, float]:
    return _totals_of(layout, card.final_nodes, card.total)


def _totals_of(
    layout: CardLayout, nodes: Mapping[str, Decimal], total: Decimal
) -> dict[int, float]:
    def kind_sum(kind: SectionKind) -> float:
        return float(
            sum(
                (nodes[c.code] for c in layout.criteria if c.is_section and c.kind is kind),
                Decimal(0),
            )
        )

    values = {layout.regular_row: kind_sum(SectionKind.REGULAR), layout.total_row: float(total)}
    if layout.bonus_row is not None:
        values[layout.bonus_row] = kind_sum(SectionKind.BONUS)
    if layout.deduction_row is not None:
        values[layout.deduction_row] = kind_sum(SectionKind.DEDUCTION)
    return values


def _write_value(sheet: Worksheet, row: int, col: int, value: object, fmt: Format) -> None:
    """Write what a unit entered as it was: numbers as numbers, everything else as text
    (never as a formula)."""
    if isinstance(value, bool):
        sheet.write_string(row, col, "TRUE" if value else "FALSE", fmt)
    elif isinstance(value, Decimal) and value.is_finite():
        sheet.write_number(row, col, float(value), fmt)
    elif isinstance(value, (int, float)) and math.isfinite(value):
        sheet.write_number(row, col, value, fmt)
    else:  # text, and NaN or infinity read from a hostile file: shown as it was, as text
        sheet.write_string(row, col, str(value)[:_CELL_TEXT_MAX], fmt)


def _method_text(criterion: Criterion) -> str:
    method = criterion.method
    if method is None:
        return ""
    text = METHOD_NAMES["vi"][method]
    if criterion.points_per_unit is not None:
        text += f" ({format_decimal(criterion.points_per_unit)} điểm/lần)"
    elif method is Method.TY_LE and criterion.target is None:
        text += " (tự ghi chỉ tiêu)"
    return text


def _height(content: str, method: str = "") -> float:
    """Row height for wrapped text: Excel does not grow rows of a file it did not lay out."""
    lines = max(sum(max(-(-len(part) // 60), 1) for part in content.split("\n")), 1)
    lines = max(lines, -(-len(method) // 19))
    return 15.0 * lines + 4


def _formats(workbook: xlsxwriter.Workbook, decimals: int) -> dict[str, Format]:
    score = "0" if decimals == 0 else "0." + "0" * decimals
    base: dict[str, Any] = {"font_name": _FONT, "font_size": 12, "valign": "vcenter"}
    cell = {**base, "border": 1}

    def fmt(**extra: Any) -> Format:
        return workbook.add_format({**base, **extra})

    def boxed(**extra: Any) -> Format:
        return workbook.add_format({**cell, **extra})

    unlocked = {"locked": False, "bg_color": _INPUT_TINT}
    formats = {
        "superior": fmt(align="center", font_size=12),
        "issuer": fmt(align="center", bold=True, font_size=12, underline=1),
        "motto": fmt(align="center", bold=True, font_size=12),
        "motto2": fmt(align="center", bold=True, font_size=13, underline=1),
        "italic_center": fmt(align="center", italic=True),
        "center": fmt(align="center"),
        "bold_center": fmt(align="center", bold=True),
        "bold_center_wrap": fmt(align="center", bold=True, text_wrap=True, font_size=13),
        "title": fmt(align="center", bold=True, font_size=14),
        "th": boxed(bold=True, align="center", text_wrap=True, bg_color="#D9E1F2"),
        "th_number": boxed(italic=True, align="center", font_size=10, bg_color="#D9E1F2"),
        "text": boxed(align="center"),
        "wrap": boxed(text_wrap=True),
        "number": boxed(align="center", num_format="General"),
        "score": boxed(align="center", num_format=score, bold=True),
        "verified": boxed(align="center", num_format=score, bg_color="#EDEDED"),
        "input_number": boxed(align="center", **unlocked),
        "input_text": boxed(align="center", **unlocked),
        "input_wrap": boxed(text_wrap=True, **unlocked),
        "subtotal_label": boxed(bold=True, align="right"),
        "subtotal_score": boxed(bold=True, align="center", num_format=score),
        "total_label": boxed(bold=True, align="right", font_size=13, bg_color="#D9E1F2"),
        "total_score": boxed(
            bold=True, align="center", num_format=score, font_size=13, bg_color="#D9E1F2"
        ),
        "band": boxed(bold=True, align="center"),
        "cf_red": workbook.add_format({"bg_color": _RED, "font_color": "#9C0006"}),
        "cf_green": workbook.add_format({"bg_color": "#C6EFCE", "font_color": "#006100"}),
        "flag": workbook.add_format({"bg_color": "#FF9999", "bold": True, "font_color": "#7F0000"}),
    }
    for style, extra in (("section", {"bg_color": "#F2F2F2"}), ("group", {})):
        formats[f"{style}_text"] = boxed(bold=True, align="center", **extra)
        formats[f"{style}_wrap"] = boxed(bold=True, text_wrap=True, **extra)
        formats[f"{style}_number"] = boxed(bold=True, align="center", **extra)
        formats[f"{style}_score"] = boxed(bold=True, align="center", num_format=score, **extra)
    return formats


_GUIDE = [
    "HƯỚNG DẪN ĐIỀN PHIẾU CHẤM ĐIỂM",
    "1. Chỉ nhập vào các ô tô màu vàng nhạt: Chỉ tiêu (nếu để trống cho đơn vị tự ghi), Kết quả "
    "thực hiện, Hồ sơ minh chứng, Giải trình. Các ô khác đã khóa để tránh sửa nhầm công thức.",
    "2. Kết quả thực hiện theo cách chấm của từng tiêu chí:",
    "   • Chấm điểm: nhập số điểm tự chấm, từ 0 đến điểm tối đa.",
    "   • Đạt/Không đạt: chọn Đạt hoặc Không đạt trong danh sách.",
    "   • Tỷ lệ % chỉ tiêu: nhập kết quả đạt được bằng số, không gõ dấu %: đạt 86% thì gõ 86 "
    "(không gõ 86% hay 0,86); điểm = điểm tối đa × kết quả / chỉ tiêu, không vượt điểm tối đa. "
    "Gõ 86% thì Excel lưu 0,86 và điểm trên phiếu gần như bằng 0: khi nhận phiếu, ô đó được "
    "hiểu là 86 và có cảnh báo, nhưng hãy gõ lại 86 để phiếu ký gửi đúng điểm.",
    "   • Theo số lượng: nhập số lần/số vụ/số mô hình; điểm = số lượng × điểm mỗi lần, không "
    "vượt điểm tối đa.",
    "   • Điểm thưởng: nhập số điểm đề nghị thưởng và bắt buộc ghi giải trình (điểm mới, cách "
    "làm hay, hiệu quả, khả năng nhân rộng).",
    "   • Điểm trừ: nhập số lần vi phạm (hoặc số điểm trừ); điểm trừ không vượt mức tối đa.",
    "3. Điểm tự chấm, điểm các mục và tổng điểm được tính tự động. Điểm được làm tròn theo "
    "quy định của kế hoạch.",
    "4. Ô chuyển màu đỏ: điểm vượt mức tối đa, thiếu hồ sơ minh chứng hoặc điểm thưởng chưa có "
    "giải trình. Ô màu vàng cam: kết quả vượt chỉ tiêu (chỉ tính tối đa 100%).",
    "5. Cột Điểm thẩm định do cấp trên ghi; đơn vị không nhập vào cột này.",
    "6. Không đổi tên trang, không xóa dòng, không sửa mã tiêu chí. Lưu tệp dạng .xlsx (hoặc "
    ".ods) và gửi lại đúng hạn.",
]


_GUIDE_WIDTH = 66


def _write_guide(workbook: xlsxwriter.Workbook, layout: CardLayout) -> None:
    sheet = workbook.add_worksheet(GUIDE_SHEET)
    # one column narrower than an A4 portrait page between Decree 30's margins (30 mm and
    # 15 mm: 16.5 cm), however wide the default font's digits are where it is printed
    # (LibreOffice without Calibri counts the width in a wider font's digits)
    sheet.set_column(0, 0, _GUIDE_WIDTH)
    sheet.set_paper(9)
    sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=1.18, right=0.59, top=0.79, bottom=0.79)
    title = workbook.add_format(
        {"font_name": _FONT, "font_size": 14, "bold": True, "text_wrap": True}
    )
    text = workbook.add_format(
        {"font_name": _FONT, "font_size": 12, "text_wrap": True, "valign": "top"}
    )
    for row, line in enumerate(_GUIDE):
        sheet.set_row(row, row_height([(line, _GUIDE_WIDTH)], 14 if row == 0 else 12))
        sheet.write_string(row, 0, line, title if row == 0 else text)
    deadline = layout.campaign.info.deadline
    if deadline is not None:
        sheet.write_string(len(_GUIDE), 0, f"Hạn nộp: {deadline.strftime('%d/%m/%Y')}.", text)
    sheet.protect("", {"select_locked_cells": True})


_ISSUE_COLUMNS = ("no", "cell", "criterion", "severity", "what", "code")


def write_issue_sheet(
    workbook: xlsxwriter.Workbook, issues: Sequence[Issue], lang: str = "vi"
) -> None:
    """A sheet listing issues, every text written as text (never as a formula)."""
    said = as_lang(lang)
    # titled by its content: errors to fix, or (warnings and notes only) points to note
    errors = any(i.severity.value == "error" for i in issues)
    sheet = workbook.add_worksheet(
        render("issue_sheet.name" if errors else "issue_sheet.name_to_note", said)
    )
    head = workbook.add_format(
        {"font_name": _FONT, "bold": True, "border": 1, "bg_color": "#D9E1F2"}
    )
    text = workbook.add_format(
        {"font_name": _FONT, "border": 1, "text_wrap": True, "valign": "top"}
    )
    error = workbook.add_format(
        {"font_name": _FONT, "border": 1, "bold": True, "font_color": "#9C0006", "valign": "top"}
    )
    for col, width in enumerate((6, 8, 10, 10, 90, 26)):
        sheet.set_column(col, col, width)
    for col, column in enumerate(_ISSUE_COLUMNS):
        key = "what_to_note" if column == "what" and not errors else column
        sheet.write_string(0, col, word("issue_sheet_column", key, said), head)
    ordered = sorted(issues, key=lambda i: (i.severity.value != "error", _cell_order(i.cell)))
    for row, issue in enumerate(ordered, start=1):
        is_error = issue.severity.value == "error"
        sheet.set_row(row, row_height([(issue.message(lang), 90), (issue.code, 26)], 11))
        sheet.write_number(row, 0, row, text)
        sheet.write_string(row, 1, issue.cell, text)
        sheet.write_string(row, 2, issue.criterion, text)
        severity = word("issue_sheet_severity", issue.severity.value, said)
        sheet.write_string(row, 3, severity, error if is_error else text)
        sheet.write_string(row, 4, issue.message(lang), text)
        sheet.write_string(row, 5, issue.code, text)
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _write_contributions(
    workbook: xlsxwriter.Workbook,
    layout: CardLayout,
    contributions: Mapping[str, Mapping[str, RawInput]],
    combined: Mapping[str, RawInput],
) -> None:
    """Đóng góp của ngành: what each sector entered for each criterion, as entered (over a
    maximum too), the compose rule of the criterion and what the rule made of them."""
    sheet = workbook.add_worksheet("Đóng góp của ngành")
    head = workbook.add_format(
        {"font_name": _FONT, "bold": True, "border": 1, "text_wrap": True, "bg_color": "#D9E1F2"}
    )
    text = workbook.add_format({"font_name": _FONT, "border": 1, "text_wrap": True})
    cell = workbook.add_format(
        {"font_name": _FONT, "border": 1, "align": "center", "text_wrap": True}
    )
    sectors = list(contributions)
    titles = ["Mã", "Nội dung tiêu chí", *sectors, "Cách tổng hợp", "Kết quả tổng hợp"]
    widths = [8, 50, *([12] * len(sectors)), 16, 12]
    sheet.set_row(0, row_height(list(zip(titles, widths, strict=True)), 11))
    for col, (title, width) in enumerate(zip(titles, widths, strict=True)):
        sheet.write_string(0, col, title, head)
        sheet.set_column(col, col, width)
    row = 1
    for criterion in layout.criteria:
        if not criterion.is_leaf:
            continue
        rule = COMPOSE_NAMES["vi"][criterion.compose_rule]
        if criterion.compose_rule is ComposeRule.LEAD and criterion.lead_sector:
            rule += f" ({criterion.lead_sector})"
        sheet.set_row(row, row_height([(criterion.content, 50), (rule, 16)], 11))
        sheet.write_string(row, 0, criterion.code, cell)
        sheet.write_string(row, 1, criterion.content, text)
        for col, sector in enumerate(sectors, start=2):
            _contribution(sheet, row, col, contributions[sector].get(criterion.code), cell)
        sheet.write_string(row, len(sectors) + 2, rule, cell)
        _contribution(sheet, row, len(sectors) + 3, combined.get(criterion.code), cell)
        row += 1
    sheet.freeze_panes(1, 2)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _contribution(sheet: Worksheet, row: int, col: int, raw: RawInput | None, fmt: Format) -> None:
    if raw is None or (raw.amount is None and raw.met is None):
        sheet.write_blank(row, col, None, fmt)
    elif raw.met is not None:
        sheet.write_string(row, col, "Đạt" if raw.met else "Không đạt", fmt)
    else:
        assert raw.amount is not None
        sheet.write_number(row, col, float(raw.amount), fmt)


def _cell_order(ref: str) -> tuple[int, int]:
    """Sort key of a cell reference, top to bottom then left to right; no cell comes first."""
    if not ref:
        return (-1, -1)
    row, col = parse_cell(ref)
    return (row, col)


def _write_metadata(
    workbook: xlsxwriter.Workbook,
    layout: CardLayout,
    stamp: str,
    card: str | None = None,
    extra: Sequence[tuple[str, str]] = (),
) -> None:
    sheet = workbook.add_worksheet(META_SHEET)
    for row, (key, value) in enumerate([*layout.metadata(stamp, __version__, card), *extra]):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    sheet.very_hidden()
    sheet.protect("")
