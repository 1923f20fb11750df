"""Checks on the values a unit entered, the same for its card and for the copy of it a summary
carries (SPEC §6): every value coerced (:mod:`~thidua_xlsx.checking.cell_values`), targets and
bounds checked, the card scored again, evidence and justification asked for where points were
claimed, and the total the unit's file shows compared with the recomputed one.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Protocol

from ..core.cellref import CellValue
from ..core.model import Campaign, Criterion, Method
from ..core.results import FileResult
from ..core.scoring import RawInput, ScoreCard, score_card
from ..core.vi_text import format_decimal, parse_decimal
from ..scorecard.layout import CardLayout
from ..words.issues import Severity
from .cell_values import is_blank, is_excel_error, read_met, read_number, read_text, shown
from .check_log import CheckLog

__all__ = ["EnteredValues", "Entry"]

_POINT_METHODS = (Method.DIEM, Method.THUONG)
# a % result of at most 1 against a target of at least this is most likely a fraction typed
# for a percentage (0.86 for 86% against 90)
_PERCENT_LIKE_TARGET = Decimal(10)


class Entry(Protocol):
    """Where one criterion's entered values are: a card's row, or a carried unit's text."""

    def value(self, column: str) -> CellValue: ...

    def ref(self, column: str) -> str: ...


class EnteredValues:
    """The values one unit entered on ``layout``'s criteria, checked as they are read into the
    inputs to score (``inputs``; its verification column is only noted, never counted) and the
    cells as read (``values``, for a feedback copy). ``error_cells`` are the cells holding an
    Excel error value (a card's); ``percent_cells`` those whose number shows as a percentage (a
    card's: 0.86 shown 86%)."""

    def __init__(
        self,
        campaign: Campaign,
        layout: CardLayout,
        log: CheckLog,
        card_kind: str,
        error_cells: Mapping[str, str] | None = None,
        percent_cells: frozenset[str] = frozenset(),
    ) -> None:
        self.campaign = campaign
        self.layout = layout
        self.log = log
        self.composed = card_kind == "composed"  # sums of sectors: capped once, when scored
        self.errors = error_cells or {}
        self.inputs: dict[str, RawInput] = {}
        self.values: dict[tuple[str, str], CellValue] = {}
        # cells Excel holds as text (not counted by the card's own formulas, or counted as a
        # date's serial number): (criterion, column) → what Excel counts
        self.excel_view: dict[tuple[str, str], Decimal | None] = {}
        self.percent_cells = percent_cells
        # the cells counted otherwise than the card's own formulas count them: cell → (the
        # value as the person saw it, why: "text" (or a date) or "percent")
        self.counted_otherwise: dict[str, tuple[str, str]] = {}

    def result(self, unit: str, card: ScoreCard | None) -> FileResult:
        return self.log.result(unit, card, self.inputs, None, self.values)

    def check_off_card(self, entries: Mapping[str, Entry]) -> None:
        """Entries for criteria that are not on the unit's card: a sector scoring a criterion
        that is not its own (reported, never counted), or a code the card does not have."""
        on_card = {c.code for c in self.layout.criteria}
        leaves = self.campaign.leaf_map
        for code, entry in entries.items():
            if code in on_card:
                continue
            if not self.layout.full and code in leaves and not is_blank(entry.value("result")):
                self.log.add(
                    "outside_responsibility",
                    cell=entry.ref("result"),
                    criterion=code,
                    value=shown(entry.value("result")),
                )
            else:
                self.log.add("row_extra", cell=entry.ref("code"), value=code)

    def check_leaf(self, criterion: Criterion, entry: Entry) -> None:
        """One leaf's entered values: read, checked and kept."""
        code = criterion.code
        evidence = self.values[(code, "evidence")] = self._text(entry, "evidence", code)
        explanation = self.values[(code, "explanation")] = self._text(entry, "explanation", code)
        self.values[(code, "result")] = entry.value("result")
        met: bool | None = None
        amount: Decimal | None = None
        if criterion.method is Method.DAT:
            met, problem = read_met(entry.value("result"))
            if problem is not None:
                self.log.add_problem(problem, entry.ref("result"), code)
        else:
            amount = self._number(entry, "result", code, criterion.method is Method.TY_LE)
        target: Decimal | None = None
        if "target" in self.layout.input_columns(criterion):
            self.values[(code, "target")] = entry.value("target")
            target = self._number(entry, "target", code, percent=True)
            if target is not None and target <= 0:
                self.log.add(
                    "target_not_positive",
                    cell=entry.ref("target"),
                    criterion=code,
                    value=format_decimal(target),
                )
                target = None
            elif target is None and amount is not None and is_blank(entry.value("target")):
                self.log.add("target_missing", cell=entry.ref("target"), criterion=code)
        self._bounds(criterion, entry, amount, target)
        self.inputs[code] = RawInput(amount, met, target, explanation, evidence)
        typed = entry.value("verified")
        if typed is not None and not is_blank(typed):
            # the upper level verifies in its own workbook (``thidua verify``): what a unit's
            # file holds in this column never counts, whoever typed it (SPEC §4)
            self.values[(code, "verified")] = typed
            self.log.add(
                "verified_in_unit_file",
                cell=entry.ref("verified"),
                criterion=code,
                value=shown(typed),
            )

    def check_blank(
        self, unit: str, entries: Mapping[str, Entry], formula_cells: Collection[str] = ()
    ) -> bool:
        """Whether the card is blank: no leaf's result (kết quả, Đạt/Không đạt) entered,
        the input cells as the blank template left them (it fills none of them). A zero is
        an answer; a formula or an error value in a result cell is an entry; targets,
        evidence and explanations alone are not. A blank card is rejected (``card_blank``,
        said first): its unit sent an empty card, not a submission."""
        other = False
        for criterion in self.layout.criteria:
            entry = entries.get(criterion.code)
            if entry is None or not criterion.is_leaf:
                continue
            ref = entry.ref("result")
            if not is_blank(entry.value("result")) or ref in self.errors or ref in formula_cells:
                return False
            columns = self.layout.input_columns(criterion)
            other = other or any(not is_blank(entry.value(c)) for c in columns)
        self.log.add("card_blank", value=unit, found="no_result" if other else "nothing")
        self.log.issues.insert(0, self.log.issues.pop())
        return True

    def score(self, entries: Mapping[str, Entry]) -> ScoreCard:
        """The card scored from the inputs read; then evidence and justification asked for
        where points were claimed."""
        card = score_card(self.campaign, self.inputs)
        for criterion in self.layout.criteria:
            entry = entries.get(criterion.code)
            if entry is None or not criterion.is_leaf:
                continue
            points = card.self_nodes[criterion.code]
            raw = self.inputs.get(criterion.code)
            if raw is None or points <= 0:
                continue
            if criterion.evidence_required and not raw.evidence:
                self.log.add(
                    "evidence_missing",
                    cell=entry.ref("evidence"),
                    criterion=criterion.code,
                    value=format_decimal(points),
                )
            if criterion.method is Method.THUONG and not raw.explanation:
                self.log.add(
                    "bonus_without_justification",
                    cell=entry.ref("explanation"),
                    criterion=criterion.code,
                    value=format_decimal(points),
                )
        return card

    def check_total(self, ref: str, shown_total: CellValue, card: ScoreCard) -> None:
        """The total the unit's file shows (at ``ref``) against the recomputed one; a total
        that differs only by the numbers Excel holds as text (already reported) agrees."""
        if is_excel_error(shown_total):
            self.log.add(
                "cached_total_mismatch",
                cell=ref,
                value=shown_total,
                expected=format_decimal(card.self_total),
            )
            return
        if is_blank(shown_total):
            if self.inputs and any(
                r.amount is not None or r.met is not None for r in self.inputs.values()
            ):
                self.log.add("formula_without_cache", cell=ref)
            return
        number = parse_decimal(shown_total)
        if number is not None and number == card.self_total:
            return
        if number is not None and number == self._excel_view_total():
            # the card's formulas counted some cells otherwise: the card the unit signs and
            # the ranking disagree, and both are said with the cells that make it (a card
            # refused is not ranked: its errors say enough)
            if not any(i.severity is Severity.ERROR for i in self.log.issues):
                self._total_differs(ref, number, card.self_total)
            return
        self.log.add(
            "cached_total_mismatch",
            cell=ref,
            value=shown(shown_total),
            expected=format_decimal(card.self_total),
        )

    def _total_differs(self, ref: str, shown_total: Decimal, counted: Decimal) -> None:
        cells = self.counted_otherwise
        kinds = {kind for _, kind in cells.values()}
        self.log.add(
            "card_total_differs",
            cell=ref,
            value=format_decimal(shown_total),
            expected=format_decimal(counted),
            cells=", ".join(f"{cell} «{seen}»" for cell, (seen, _) in cells.items()),
            why=kinds.pop() if len(kinds) == 1 else "mixed",
        )

    def _excel_view_total(self) -> Decimal:
        """The total Excel shows: numbers stored as text count as blank there."""
        if not self.excel_view:
            return Decimal(-1)
        view = self.excel_view

        def excel(code: str, column: str, value: Decimal | None) -> Decimal | None:
            return view.get((code, column), value)

        seen = {
            code: RawInput(
                excel(code, "result", raw.amount), raw.met, excel(code, "target", raw.target)
            )
            for code, raw in self.inputs.items()
        }
        return score_card(self.campaign, seen).self_total

    def _number(
        self, entry: Entry, column: str, code: str, percent: bool = False
    ) -> Decimal | None:
        """A number from an entered value, with an issue for anything else (None: not
        usable). ``percent``: a number shown as a percentage counts as the percentage seen
        (0.86 shown 86% counts 86), with a warning."""
        ref = entry.ref(column)
        error = self.errors.get(ref) if self.errors else None
        value = entry.value(column)
        read = read_number(value, error)
        for problem in read.problems:
            self.log.add_problem(problem, ref, code)
        if read.as_text:
            self.excel_view[(code, column)] = read.excel_number
            self.counted_otherwise[ref] = (shown(value), "text")
        elif percent and read.number is not None and ref in self.percent_cells:
            return self._percent(ref, code, column, read.number)
        return read.number

    def _percent(self, ref: str, code: str, column: str, stored: Decimal) -> Decimal:
        """A number shown as a percentage, as the person saw it: 0.86 shown 86% is 86. The
        card's own formulas take 0.86."""
        seen = stored.scaleb(2)
        self.log.add(
            "value_percent_format",
            cell=ref,
            criterion=code,
            value=f"{format_decimal(seen)}%",
            stored=format_decimal(stored),
            number=format_decimal(seen),
        )
        self.excel_view[(code, column)] = stored
        self.counted_otherwise[ref] = (f"{format_decimal(seen)}%", "percent")
        return seen

    def _text(self, entry: Entry, column: str, code: str) -> str:
        text, problems = read_text(entry.value(column))
        for problem in problems:
            self.log.add_problem(problem, entry.ref(column), code)
        return text

    def _bounds(
        self, criterion: Criterion, entry: Entry, amount: Decimal | None, target: Decimal | None
    ) -> None:
        if amount is None:
            return
        code, ref = criterion.code, entry.ref("result")
        if amount < 0:
            self.log.add("value_negative", cell=ref, criterion=code, value=format_decimal(amount))
            return
        manual_deduction = criterion.method is Method.TRU and criterion.points_per_unit is None
        points = criterion.method in _POINT_METHODS or manual_deduction
        if points and amount > criterion.max_points and not self.composed:
            self.log.add(
                "value_over_max",
                cell=ref,
                criterion=code,
                value=format_decimal(amount),
                maximum=format_decimal(criterion.max_points),
            )
        goal = criterion.target if criterion.target is not None else target
        if (
            criterion.method is Method.TY_LE
            and goal is not None
            and goal >= _PERCENT_LIKE_TARGET
            and 0 < amount <= 1
            and ref not in self.percent_cells
        ):
            # 0.86 against a target of 90: a percentage typed as a fraction, most likely
            self.log.add(
                "value_percent_small",
                cell=ref,
                criterion=code,
                value=format_decimal(amount),
                target=format_decimal(goal),
                percent=format_decimal(amount.scaleb(2)),
            )
        if criterion.method is Method.TY_LE and goal is not None and goal > 0 and amount > goal:
            self.log.add(
                "value_over_target",
                cell=ref,
                criterion=code,
                value=format_decimal(amount),
                target=format_decimal(goal),
                maximum=format_decimal(criterion.max_points),
            )
