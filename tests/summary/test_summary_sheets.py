"""The summary's other sheets on the An Giang campaign (seed 000): criterion × unit detail,
the chart of totals, and the Bằng khen proposals (top 3 within band Xuất sắc) with each
unit's completion of its targets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from thidua_xlsx import load_campaign
from thidua_xlsx.core.model import Method
from thidua_xlsx.core.scoring import RawInput
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import CardLayout, plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import (
    AWARD_HEADER_ROW,
    AWARD_SHEET,
    CHART_SHEET,
    DETAIL_SHEET,
    write_summary,
)

from conftest import SEED_000
from fill_helpers import valid_fill


def _full_marks(
    layout: CardLayout, cut: Decimal
) -> tuple[dict[tuple[str, str], object], dict[str, RawInput]]:
    """Every criterion at its maximum, no bonus, no deduction; III.1 lowered by ``cut``."""
    values: dict[tuple[str, str], object] = {}
    inputs: dict[str, RawInput] = {}
    for leaf in (c for c in layout.criteria if c.is_leaf):
        evidence = "Báo cáo tổng kết đợt thi đua"
        values[(leaf.code, "evidence")] = evidence
        if leaf.method is Method.DAT:
            values[(leaf.code, "result")] = "Đạt"
            inputs[leaf.code] = RawInput(met=True, evidence=evidence)
            continue
        target = None
        if leaf.method is Method.TY_LE:
            goal = leaf.target if leaf.target is not None else Decimal(40)
            target = None if leaf.target is not None else goal
            amount = goal
            if target is not None:
                values[(leaf.code, "target")] = target
        elif leaf.method in (Method.THUONG, Method.TRU):
            amount = Decimal(0)
        elif leaf.points_per_unit is not None:
            amount = -(-leaf.max_points // leaf.points_per_unit)
        else:
            amount = leaf.max_points - (cut if leaf.code == "III.1" else Decimal(0))
        values[(leaf.code, "result")] = amount
        inputs[leaf.code] = RawInput(amount, target=target, evidence=evidence)
    return values, inputs


def test_detail_chart_and_award_proposals(tmp_path: Path) -> None:
    campaign = load_campaign(SEED_000)
    unions = campaign.children_units("HLHPN-AG")
    cuts = {0: Decimal(0), 1: Decimal(0), 2: Decimal(5), 3: Decimal(8)}  # 100, 100, 95, 92
    for index, unit in enumerate(unions):
        layout = plan_card(campaign, unit)
        values, inputs = (
            _full_marks(layout, cuts[index]) if index in cuts else valid_fill(layout, index)
        )
        write_scorecard(tmp_path / scorecard_filename(unit), layout, values, inputs)  # type: ignore[arg-type]
    report = merge_rank(campaign, [tmp_path])
    totals = {r.unit: r.total for r in report.ranking}
    first, second, third, fourth = (u.code for u in unions[:4])
    assert (totals[first], totals[second], totals[third], totals[fourth]) == (100, 100, 95, 92)
    out = tmp_path / "out" / "tong-hop.xlsx"
    write_summary(out, report)
    book = openpyxl.load_workbook(out)

    award = book[AWARD_SHEET]
    proposed = []
    row = AWARD_HEADER_ROW + 2  # 1-based: the row under the column titles
    assert award.cell(row=row - 1, column=2).value == "Mã đơn vị"
    while award.cell(row=row, column=2).value:  # the proposals, up to the first blank row
        proposed.append(award.cell(row=row, column=2).value)
        row += 1
    assert sorted(proposed[:2]) == sorted([first, second]) and proposed[2] == third
    assert len(proposed) == 3  # rank ≤ 3 and Xuất sắc: the 92 is 4th
    # the list's total reads the Vietnamese way, whatever the machine's locale
    assert award.cell(row=AWARD_HEADER_ROW + 2, column=4).value == "100,0"  # step 0,5: one decimal
    texts = [str(c.value) for line in award.iter_rows() for c in line if c.value]
    assert any("Bằng khen" in t and "Xuất sắc" in t for t in texts)
    # its heading, its reference to the tờ trình and its signature block
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert any(t.startswith("(Kèm theo Tờ trình số") for t in texts)
    assert "TM. BAN THƯỜNG VỤ HỘI LHPN TỈNH AN GIANG" in texts and "CHỦ TỊCH" in texts
    assert award.print_area is not None
    completion = {
        award.cell(row=r, column=2).value: award.cell(row=r, column=4).value
        for r in range(1, award.max_row + 1)
    }
    assert completion[first] == 1  # result = target: 100 %

    detail = book[DETAIL_SHEET]
    header = [c.value for c in detail[1]]
    assert header[:3] == ["Mã", "Nội dung tiêu chí", "Tối đa"] and set(header[3:]) == set(totals)
    codes = [detail.cell(row=r, column=1).value for r in range(2, detail.max_row)]
    assert codes == [c.code for c in campaign.criteria]

    assert len(book[CHART_SHEET]._charts) == 1
