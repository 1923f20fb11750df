"""Compose without inflation, on cards typed in LibreOffice as sector officers type them.

Three sectors each give themselves 3.5 of 4 direct points on I.5, and three each 6.5 of 7 on
II.3.d (blank *Cách tổng hợp*: the lead sector's entry); three count the talks they gave for
II.1.a (summed). The cards are saved as .xlsx, .ods and .xls between them. The ward's card
made by compose shows 3.5 and 6.5 (not 10.5 → 4 and 19.5 → 7, in red), the talks summed, and
LibreOffice's own formulas on that card agree with the core.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import ComposeRule, load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.core.cellref import cell_name
from thidua_xlsx.merge.compose import merge_compose
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import COL, SCORECARD_SHEET, plan_card
from thidua_xlsx.scorecard.writer import write_composed_card, write_scorecard

from conftest import SEED_003
from fill_helpers import open_deadline
from libreoffice import run_uno

pytestmark = pytest.mark.libreoffice

# sector → (format it is saved in, {criterion: what the officer types in the result cell})
TYPED = {
    "NH-PN": (".xlsx", {"I.5": "3.5", "II.3.d": "6.5", "II.1.a": "1"}),
    "NH-DTN": (".ods", {"I.5": "3.5"}),
    "NH-MTTQ": (".xls", {"I.5": "3.5", "II.3.d": "6.5"}),
    "NH-TP": (".ods", {"II.3.d": "6.5", "II.1.a": "1"}),
    "NH-VHXH": (".xls", {"II.1.a": "2"}),
}


def test_three_sectors_at_three_and_a_half_make_the_ward_three_and_a_half(
    soffice: str, tmp_path: Path
) -> None:
    campaign = open_deadline(load_campaign(SEED_003))
    assert campaign.criterion("I.5").compose is ComposeRule.AVERAGE  # as the plan says
    assert campaign.criterion("II.3.d").compose is None  # blank: direct points from the lead
    assert campaign.criterion("II.1.a").compose_rule is ComposeRule.SUM  # counts: summed
    blank, inbox = tmp_path / "blank", tmp_path / "inbox"
    blank.mkdir()
    documents = []
    for code, (suffix, typed) in TYPED.items():
        unit = campaign.unit(code)
        layout = plan_card(campaign, unit)
        card = blank / scorecard_filename(unit)
        write_scorecard(card, layout)
        row = layout.rows
        fill = {
            "typed": {cell_name(row[c], COL["result"]): text for c, text in typed.items()},
            "cells": {
                cell_name(row[c], COL["evidence"]): f"Báo cáo số 12/BC-{code} ngày 15/9/2024"
                for c in typed
            },
            "read": [cell_name(row[c], COL["self"]) for c in typed],
            "save_as": [str(inbox / card.stem) + suffix],
        }
        documents.append({"source": str(card), "sheet": SCORECARD_SHEET, "fills": [fill]})
    typed_back = run_uno({"documents": documents}, tmp_path / "uno")
    for document, code in zip(typed_back["documents"], TYPED, strict=True):  # type: ignore[call-overload]
        scores = document["fills"][0]["values"]
        assert all(v > 0 for v in scores.values()), (code, scores)  # typed as numbers

    report = merge_compose(campaign, [inbox], "P-NHONHUNG")
    assert sorted(report.parts) == sorted(TYPED), report.check.table()
    assert all(f.accepted for f in report.check.files), report.check.table()
    assert report.combined["I.5"].amount == Decimal("3.5")
    assert report.combined["II.3.d"].amount == Decimal("6.5")
    assert report.combined["II.1.a"].amount == Decimal(4)  # 1 + 1 + 2 talks
    nodes = report.card.final_nodes
    assert (nodes["I.5"], nodes["II.3.d"], nodes["II.1.a"]) == (
        Decimal("3.5"),
        Decimal("6.5"),
        Decimal(8),  # 4 × 2 points
    )

    ward = campaign.unit("P-NHONHUNG")
    composed = tmp_path / "ward" / scorecard_filename(ward)
    composed.parent.mkdir()
    write_composed_card(composed, report)
    layout = plan_card(campaign, ward)
    rows = layout.rows
    # the ward's card as LibreOffice computes it, and saved again by the ward as .xlsx
    result_cells = {c: cell_name(rows[c], COL["result"]) for c in ("I.5", "II.3.d", "II.1.a")}
    self_cells = {c: cell_name(rows[c], COL["self"]) for c in ("I.5", "II.3.d", "II.1.a")}
    total = layout.total_cell("self")
    resaved = tmp_path / "ward-resaved" / composed.name
    seen = run_uno(
        {
            "documents": [
                {
                    "source": str(composed),
                    "sheet": SCORECARD_SHEET,
                    "fills": [
                        {
                            "read": [*result_cells.values(), *self_cells.values(), total],
                            "save_as": [str(resaved)],
                        }
                    ],
                }
            ]
        },
        tmp_path / "uno-ward",
    )
    values = seen["documents"][0]["fills"][0]["values"]  # type: ignore[index]
    assert [values[result_cells[c]] for c in ("I.5", "II.3.d", "II.1.a")] == [3.5, 6.5, 4.0]
    assert [values[self_cells[c]] for c in ("I.5", "II.3.d", "II.1.a")] == [3.5, 6.5, 8.0]
    assert Decimal(str(values[total])) == report.card.total

    # no red «over the maximum» mark on the ward's card, before or after LibreOffice saved it
    for path in (composed, resaved):
        sheet = openpyxl.load_workbook(path)[SCORECARD_SHEET]
        formulas = [rule.formula[0] for rng in sheet.conditional_formatting for rule in rng.rules]
        assert formulas and not any(">$D" in f for f in formulas), formulas
    # the raw entries of each sector are on the contribution sheet
    sheet = openpyxl.load_workbook(composed)["Đóng góp của ngành"]
    header = [c.value for c in sheet[1]]
    by_code = {r[0].value: [c.value for c in r] for r in sheet.iter_rows(min_row=2)}
    pn, mttq = header.index("NH-PN"), header.index("NH-MTTQ")
    assert by_code["I.5"][pn] == by_code["I.5"][mttq] == 3.5
    assert by_code["I.5"][-2:] == ["trung bình", 3.5]
    assert by_code["II.3.d"][-2:] == ["ngành chủ trì (NH-TP)", 6.5]
    # the town reads the ward's card, re-saved by LibreOffice, to the same total
    back = check_file(campaign, resaved)
    assert back.accepted and back.card is not None, [i.code for i in back.issues]
    assert back.card.total == report.card.total
