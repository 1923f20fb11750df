"""Check a returned scorecard (SPEC §6): whose card it is, then what only a card has (its file:
macros, links, the sheet renamed, the hidden information shown, the file's name; its table:
rows missing, extra or twice, merged input cells, locked cells edited; its formulas; the total
it shows), with the values entered checked as a carried unit's are
(:mod:`~thidua_xlsx.checking.entered`) and every score recomputed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..core.cellref import cell_name
from ..core.model import Campaign, Criterion
from ..core.results import FileResult
from ..core.vi_text import format_decimal, parse_decimal
from ..intake.scorecard_file import CriterionRow, ScorecardFile
from ..scorecard.layout import COL, FEEDBACK_KIND, CardLayout, plan_card, values_digest
from ..words.issues import Issue
from .cell_values import shown
from .check_log import Checked, CheckLog
from .entered import EnteredValues
from .identity import check_on_time, check_template, check_unit_code

__all__ = ["check_card"]


def check_card(campaign: Campaign, file: ScorecardFile) -> FileResult:
    """Every issue of one returned scorecard, and its recomputed scores."""
    kind = file.metadata.get("card", "")
    log = CheckLog(Checked(file.path, file.sheet, file.saved_at, kind))
    refused = check_template(log, campaign, file.metadata)
    if refused is not None:
        return refused
    code = file.metadata["unit_code"]
    if not check_unit_code(log, campaign, code):
        return log.result(code)
    layout = plan_card(campaign, campaign.unit(code))
    _check_file(log, campaign, file, code)
    check_on_time(log, campaign, file.saved_at)
    entered = EnteredValues(campaign, layout, log, kind, file.error_cells, file.percent_cells)
    _check_missing_rows(log, layout, file)
    entered.check_off_card(file.rows)
    _check_duplicate_rows(log, file)
    _check_merged(log, campaign, layout, file)
    for criterion in layout.criteria:
        row = file.rows.get(criterion.code)
        if row is not None:
            _check_locked(log, criterion, row)
            if criterion.is_leaf:
                entered.check_leaf(criterion, row)
    _check_formulas(log, layout, file)
    entered.check_blank(code, file.rows, file.formula_cells)
    card = entered.score(file.rows)
    # the file's own total cannot be compared with a row gone or doubled
    if not any(i.code in ("row_missing", "row_duplicate") for i in log.issues):
        total_row = file.total_row if file.total_row is not None else layout.total_row
        ref = cell_name(total_row, COL["self"])
        entered.check_total(ref, file.error_cells.get(ref) or file.cell(ref), card)
    # a feedback copy sent back unchanged is this tool's file, blank or not
    if _unchanged_feedback_copy(file, layout, entered):
        log.issues = [Issue("file_feedback_copy", file=str(file.path), value=code)]
        return entered.result(code, None)
    return entered.result(code, card)


def _unchanged_feedback_copy(
    file: ScorecardFile, layout: CardLayout, entered: EnteredValues
) -> bool:
    """A copy ``check --feedback`` wrote, still holding the values it was written with: the
    unit's earlier file sent back to it, not a submission. Once the unit has changed a value it
    is the unit's card again."""
    meta = file.metadata
    if meta.get("kind") != FEEDBACK_KIND or not meta.get("values_digest"):
        return False
    return meta["values_digest"] == values_digest(layout, entered.values)


def _check_file(log: CheckLog, campaign: Campaign, file: ScorecardFile, unit_code: str) -> None:
    if file.macros:
        log.add("file_has_macro")
    if file.external_links:
        log.add("file_external_link", detail=file.external_links)
    if file.sheet_renamed:
        log.add("sheet_renamed", value=file.sheet)
    if file.metadata_visible:
        log.add("metadata_unhidden")
    named = _unit_from_file_name(campaign, file.path.name)
    if named is not None and named != unit_code:
        log.add("unit_file_name_mismatch", value=unit_code, expected=named)


def _unit_from_file_name(campaign: Campaign, name: str) -> str | None:
    """The unit whose code the file name starts with (the longest such code), if any."""
    upper = name[: campaign.longest_upper_code + 1].upper()  # upper() never shortens a text
    best: str | None = None
    for end in [m.start() for m in _SEPARATOR.finditer(upper)] + [len(upper)]:
        code = campaign.unit_by_upper_code(upper[:end])
        if code is not None:
            best = code
    return best


_SEPARATOR = re.compile(r"[^0-9A-Z]")


def _check_missing_rows(log: CheckLog, layout: CardLayout, file: ScorecardFile) -> None:
    for criterion in layout.criteria:
        if criterion.code not in file.rows:
            log.add("row_missing", criterion=criterion.code)


def _check_duplicate_rows(log: CheckLog, file: ScorecardFile) -> None:
    for code, index in file.duplicate_rows:
        first = file.rows[code].row + 1
        log.add(
            "row_duplicate", cell=cell_name(index, COL["code"]), criterion=code, first_row=first
        )


def _check_merged(
    log: CheckLog, campaign: Campaign, layout: CardLayout, file: ScorecardFile
) -> None:
    """Merged cells over an input cell: every value but the first of the range is lost."""
    if not file.merged or not file.rows:
        return
    # the table's first and last criterion rows (rows are stored top to bottom)
    first = next(iter(file.rows.values())).row
    bottom = file.rows.get(layout.criteria[-1].code) if layout.criteria else None
    last = bottom.row if bottom is not None else len(file.cells)
    rows: dict[int, CriterionRow] = {}
    for r0, c0, r1, c1 in file.merged:
        if r1 < first or r0 > last or (r0 == r1 and c0 == c1):
            continue
        rows = rows or {row.row: row for row in file.rows.values()}
        for index in range(max(r0, first), min(r1, last) + 1):
            row = rows.get(index)
            leaf = campaign.leaf_map.get(row.code) if row is not None else None
            if row is None or leaf is None:
                continue
            columns = layout.input_columns(leaf)
            if any(c0 <= COL[column] <= c1 for column in columns):
                span = f"{cell_name(r0, c0)}:{cell_name(r1, c1)}"
                log.add("cell_merged", cell=cell_name(r0, c0), criterion=row.code, value=span)
                break


def _check_locked(log: CheckLog, criterion: Criterion, row: CriterionRow) -> None:
    """Locked cells edited (unprotected sheet): report them; the canonical values count."""
    cap, target = criterion.max_points, criterion.target
    if parse_decimal(row.value("max")) != cap:
        _locked_changed(log, criterion, row, "max", cap)
    if target is None or not criterion.is_leaf:
        return
    if parse_decimal(row.value("target")) != target:
        _locked_changed(log, criterion, row, "target", target)


def _locked_changed(
    log: CheckLog,
    criterion: Criterion,
    row: CriterionRow,
    column: str,
    expected: Decimal,
) -> None:
    log.add(
        "locked_cell_changed",
        cell=row.ref(column),
        criterion=criterion.code,
        value=shown(row.value(column)),
        what=column,  # the catalogue says the column's name (column.max, column.target)
        expected=format_decimal(expected),
    )


def _check_formulas(log: CheckLog, layout: CardLayout, file: ScorecardFile) -> None:
    """Every input cell asked directly whether it holds a formula (in every format), and every
    formula of the template whether it is still there: one replaced by a plain value leaves
    the card's own totals dead (the scores here are recomputed anyway)."""
    refs = file.formula_cells
    for criterion in layout.criteria:
        row = file.rows.get(criterion.code)
        if row is None:
            continue
        for column in (*layout.input_columns(criterion), "verified"):
            if column == "verified" and not criterion.is_leaf:
                continue
            if row.ref(column) in refs:
                log.add("formula_in_input", cell=row.ref(column), criterion=criterion.code)
        for column in ("self",) if criterion.is_leaf else ("self", "verified"):
            if row.ref(column) not in refs:
                log.add(
                    "formula_replaced",
                    cell=row.ref(column),
                    criterion=criterion.code,
                    value=shown(row.value(column)),
                )
    if file.total_row is not None:
        ref = cell_name(file.total_row, COL["self"])
        if ref not in refs:
            log.add("formula_replaced", cell=ref, value=shown(file.cell(ref)))
