"""A campaign reported month by month (seed 000): each card and summary is of one period; a
file of another period is refused; each period has its own deadline; the cards of a later
month show what earlier months reported on the criteria that accumulate."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.campaign.periods import campaign_for_period
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.earlier import earlier_reports
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename, write_templates
from thidua_xlsx.scorecard.layout import COL, META_SHEET, SCORECARD_SHEET, plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import write_summary

from conftest import SEED_000
from fill_helpers import valid_fill

# saved within each month's deadline (24/11, 24/12/2021, 25/01/2022)
SAVED = [datetime(2021, 11, 22, 3, tzinfo=UTC), datetime(2021, 12, 22, 3, tzinfo=UTC)]
CUMULATIVE = ("I.3", "II.1.a", "II.1.b", "II.1.c")


def _month(campaign: Campaign, number: int) -> Campaign:
    return campaign_for_period(campaign, str(number))


@pytest.fixture(scope="module")
def months(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Decimal]]]:
    """Two months of the 11 districts' cards, merged into a summary per month; what each
    district entered on the cumulative criteria, month by month."""
    folder = tmp_path_factory.mktemp("months")
    campaign = load_campaign(SEED_000)
    entered: dict[str, dict[str, Decimal]] = {}
    for number, saved in enumerate(SAVED, start=1):
        month = _month(campaign, number)
        inbox = folder / f"thang-{number}"
        inbox.mkdir()
        for seed, unit in enumerate(month.leaf_units):
            layout = plan_card(month, unit)
            values, inputs = valid_fill(layout, 50 * number + seed)
            write_scorecard(
                inbox / scorecard_filename(unit), layout, values, inputs, generated_at=saved
            )  # type: ignore[arg-type]
            for code in CUMULATIVE:
                amount = inputs[code].amount
                assert amount is not None
                entered.setdefault(f"{unit.code} {code}", {})[month.period.name] = amount  # type: ignore[union-attr]
        report = merge_rank(month, [inbox])
        assert len(report.ranking) == 11
        write_summary(folder / f"tong-hop-thang-{number}.xlsx", report)
    return folder, entered


def test_cards_and_summaries_carry_their_period(months: tuple[Path, object]) -> None:
    folder, _ = months
    card = openpyxl.load_workbook(next((folder / "thang-2").glob("*.xlsx")))
    meta = {r[0].value: r[1].value for r in card[META_SHEET].iter_rows()}
    assert (meta["period"], meta["period_index"]) == ("Tháng thứ 2", "2")
    printed = " ".join(
        str(c.value) for row in card[SCORECARD_SHEET].iter_rows(max_row=12) for c in row if c.value
    )
    assert "Kỳ báo cáo: Tháng thứ 2 (20/11/2021 – 19/12/2021); hạn nộp: 24/12/2021" in printed
    summary = openpyxl.load_workbook(folder / "tong-hop-thang-2.xlsx")
    meta = {r[0].value: r[1].value for r in summary[META_SHEET].iter_rows()}
    assert meta["period"] == "Tháng thứ 2"
    signed = summary.worksheets[0]  # the copy to sign
    assert signed.title == "Bảng tổng hợp"
    heading = " ".join(str(c.value) for row in signed.iter_rows(max_row=9) for c in row if c.value)
    assert (
        "(Theo Kế hoạch số 386/KH-BTV) — Kỳ báo cáo: Tháng thứ 2 (20/11/2021 – 19/12/2021)"
        in heading
    )


def test_a_card_of_another_month_is_refused(months: tuple[Path, object], tmp_path: Path) -> None:
    folder, _ = months
    campaign = load_campaign(SEED_000)
    report = merge_rank(_month(campaign, 2), [folder / "thang-1"])
    assert not report.ranking
    for result in report.check.files:
        codes = [i.code for i in result.issues]
        assert codes == ["file_wrong_period"], codes
        assert "«Tháng thứ 1», không phải kỳ đang xử lý «Tháng thứ 2»" in result.issues[0].message()
    # a card made without a period, when the campaign is reported by month
    unit = campaign.leaf_units[0]
    write_scorecard(tmp_path / "khong-ky.xlsx", plan_card(campaign, unit))
    report = merge_rank(_month(campaign, 2), [tmp_path])
    assert [i.code for i in report.check.files[0].issues] == ["file_period_missing"]
    # the month-1 summary given to the level above as month 2's
    out = io.StringIO()
    code = main(
        ["check", str(SEED_000), str(folder / "tong-hop-thang-1.xlsx"), "--period", "2"], out=out
    )
    assert code == 1 and "[file_wrong_period]" in out.getvalue()


def test_each_month_has_its_own_deadline(months: tuple[Path, object]) -> None:
    folder, _ = months
    campaign = load_campaign(SEED_000)
    # the month-2 cards were saved on 22/12/2021: late for month 1 (24/11), on time for month 2
    late = merge_rank(replace(_month(campaign, 1), period=None), [folder / "thang-2"])
    assert all("file_late" in {i.code for i in f.issues} for f in late.check.files)
    on_time = merge_rank(_month(campaign, 2), [folder / "thang-2"])
    assert not any("file_late" in {i.code for i in f.issues} for f in on_time.check.files)


def test_later_cards_show_what_earlier_months_reported(
    months: tuple[Path, dict[str, dict[str, Decimal]]], tmp_path: Path
) -> None:
    folder, entered = months
    campaign = load_campaign(SEED_000)
    third = _month(campaign, 3)
    summaries = [folder / "tong-hop-thang-2.xlsx", folder / "tong-hop-thang-1.xlsx"]
    earlier = earlier_reports(third, summaries)
    assert earlier.used == (summaries[1], summaries[0]) and not earlier.skipped
    write_templates(third, tmp_path / "thang-3", earlier=earlier)
    unit = third.leaf_units[3]
    card = openpyxl.load_workbook(tmp_path / "thang-3" / scorecard_filename(unit))[SCORECARD_SHEET]
    layout = plan_card(third, unit)
    for code in CUMULATIVE:
        text = card.cell(layout.rows[code] + 1, COL["content"] + 1).value
        first, second = (entered[f"{unit.code} {code}"][f"Tháng thứ {n}"] for n in (1, 2))
        said = (
            f"Tháng thứ 1: {_vi(first)}; Tháng thứ 2: {_vi(second)}; cộng dồn {_vi(first + second)}"
        )
        assert said in text, (code, text)
    target = card.cell(layout.rows["II.1.a"] + 1, COL["content"] + 1).value
    assert "/2 (chỉ tiêu cả đợt)" in target
    plain = card.cell(layout.rows["II.2"] + 1, COL["content"] + 1).value
    assert "Các kỳ trước" not in plain  # a criterion that does not accumulate
    # month 2 is not before month 2: left out, with the reason
    second = earlier_reports(_month(campaign, 2), summaries)
    assert second.used == (summaries[1],)
    assert [(p, i.code) for p, i in second.skipped] == [(summaries[0], "earlier_not_earlier")]


def test_templates_command_takes_earlier_summaries(
    months: tuple[Path, object], tmp_path: Path
) -> None:
    folder, _ = months
    out = io.StringIO()
    earlier = [str(folder / "tong-hop-thang-1.xlsx"), str(folder / "tong-hop-thang-2.xlsx")]
    args = [
        "templates",
        str(SEED_000),
        "-o",
        str(tmp_path),
        "--period",
        "Tháng thứ 3",
        "--earlier",
        *earlier,
    ]
    assert main(args, out=out) == 0
    said = out.getvalue()
    assert "Kỳ báo cáo: Tháng thứ 3." in said
    assert "Số liệu cộng dồn lấy từ: tong-hop-thang-1.xlsx, tong-hop-thang-2.xlsx." in said
    out = io.StringIO()
    assert main(["templates", str(SEED_000), "-o", str(tmp_path / "x")], out=out) == 2
    assert "hãy chọn kỳ bằng --period" in out.getvalue()


def _vi(amount: Decimal) -> str:
    return format(amount.normalize(), "f").replace(".", ",")


def test_a_verification_workbook_of_another_month_is_not_applied(
    months: tuple[Path, object], tmp_path: Path
) -> None:
    from thidua_xlsx.merge.verify import plan_verification
    from thidua_xlsx.verification.writer import write_verification_workbook

    folder, _ = months
    campaign = load_campaign(SEED_000)
    first = _month(campaign, 1)
    workbook = tmp_path / "tham-dinh-thang-1.xlsx"
    write_verification_workbook(workbook, plan_verification(first, [folder / "thang-1"]))
    applied = merge_rank(first, [folder / "thang-1"], verified=[workbook])
    assert [i.code for r in applied.verification for i in r.issues] == []
    refused = merge_rank(_month(campaign, 2), [folder / "thang-2"], verified=[workbook])
    codes = [i.code for r in refused.verification for i in r.issues]
    assert codes == ["verification_wrong_period"]
    assert refused.exit_code == 1
