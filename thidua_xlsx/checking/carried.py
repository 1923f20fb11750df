"""Check a summary read back (SPEC §6, roll-up): every unit it carries is checked and scored
again, its entered values through the same checks as a card's
(:mod:`~thidua_xlsx.checking.entered`), and the total the summary holds for it compared with
the recomputed one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..core.cellref import CellValue
from ..core.model import Campaign
from ..core.periods import PERIOD_KEY
from ..core.results import FileResult
from ..intake.summary_file import SummaryFile
from ..rollup.carried import CarriedUnit, ReturnedUnit
from ..rollup.codec import Value
from ..scorecard.layout import TOTAL_LABEL, plan_card
from .cell_values import is_blank
from .check_log import Checked, CheckLog
from .entered import EnteredValues
from .identity import check_on_time, check_template, check_unit_code

__all__ = ["check_carried_unit", "check_returned_unit", "check_summary"]


def check_summary(campaign: Campaign, file: SummaryFile) -> FileResult:
    """The summary's own issues, with every unit it carries checked as ``members``."""
    log = CheckLog(Checked(file.path, "", file.saved_at, file.metadata.get("card", "")))
    refused = check_template(log, campaign, file.metadata, summary=True)
    if refused is not None:
        return refused
    members = tuple(check_carried_unit(campaign, file, unit) for unit in file.members)
    members += tuple(check_returned_unit(campaign, file, unit) for unit in file.returned)
    if not file.data_sheets:
        log.add("summary_data_missing")
    elif not members:
        log.add("summary_no_units")
    unit = file.metadata.get("unit_code") or None
    cluster = file.metadata.get("cluster", "")
    period = file.metadata.get(PERIOD_KEY, "")
    result = log.result(unit)
    return replace(result, members=members, is_summary=True, cluster=cluster, period=period)


def check_carried_unit(campaign: Campaign, summary: SummaryFile, unit: CarriedUnit) -> FileResult:
    """One unit a summary carries, checked as its card was (the summary's campaign and
    template were checked with the summary)."""
    log = CheckLog(Checked(summary.path, unit.sheet, unit.saved_at, unit.card_kind, unit.source))
    if not unit.code:
        log.add("file_unknown_template")
        return log.result(None)
    if not check_unit_code(log, campaign, unit.code):
        return log.result(unit.code)
    if unit.damage:
        log.add("summary_data_damaged", cell=unit.entered_ref, value=unit.damage)
        return log.result(unit.code)
    layout = plan_card(campaign, campaign.unit(unit.code))
    check_on_time(log, campaign, unit.saved_at)
    entered = EnteredValues(campaign, layout, log, unit.card_kind)
    # every value is in the one cell of the unit's text
    entries = {code: _Carried(cells, unit.entered_ref) for code, cells in unit.entered.items()}
    entered.check_off_card(entries)
    for criterion in layout.criteria:
        entry = entries.get(criterion.code)
        if entry is not None and criterion.is_leaf:
            entered.check_leaf(criterion, entry)
    entered.check_blank(unit.code, entries)
    card = entered.score(entries)
    if is_blank(unit.total):  # thidua always writes it
        log.add("summary_data_damaged", cell=unit.total_ref, value=TOTAL_LABEL)
    else:
        entered.check_total(unit.total_ref, unit.total, card)
    return entered.result(unit.code, card)


def check_returned_unit(campaign: Campaign, summary: SummaryFile, unit: ReturnedUnit) -> FileResult:
    """A unit the level below rejected (or whose card came back blank there): never scored
    here, shown as rejected at the level below (``unit_rejected_below``), naming the summary
    it was rejected in, not as a unit that sent nothing."""
    log = CheckLog(Checked(summary.path, unit.sheet, unit.saved_at, unit.card_kind, unit.source))
    if not unit.code:
        log.add("file_unknown_template")
        return log.result(None)
    if not check_unit_code(log, campaign, unit.code):
        return log.result(unit.code)
    meta = summary.metadata
    here = meta.get("unit_name") or meta.get("unit_code") or summary.path.name
    if meta.get("cluster"):
        here = f"{here} ({meta['cluster']})"
    log.add(
        "unit_rejected_below",
        value=unit.code,
        status=unit.status,
        codes=", ".join(unit.codes) or "?",
        lower=unit.lower or summary.path.name,
        lower_unit=unit.lower_unit or here,
    )
    return log.result(unit.code)


@dataclass(frozen=True)
class _Carried:
    """One criterion's entered values as a summary carries them: all in one cell's text."""

    cells: Mapping[str, Value]  # input column name → value
    at: str

    def value(self, column: str) -> CellValue:
        return self.cells.get(column)

    def ref(self, column: str) -> str:
        return self.at
