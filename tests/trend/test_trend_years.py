"""Successive campaigns (one a year, each its own campaign id) whose criteria match by code:
put in year order whatever the order given, each year scored with its own definition, and
the criteria whose maximum changed or that a year dropped are «không so sánh được» and left
out of the falls."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from thidua_xlsx import load_campaign
from thidua_xlsx.core.model import Campaign, link_criteria
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.merge.trend import build_trend
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import write_summary

from conftest import SEED_003
from fill_helpers import valid_fill


def _year(base: Campaign, year: int) -> Campaign:
    info = replace(
        base.info,
        campaign_id=f"NH-BDG-{year}",
        period=f"Năm {year} (từ 01/01/{year} đến 31/12/{year})",
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        deadline=date(year, 10, 1),
    )
    criteria = base.criteria
    if year == 2025:  # I.5 worth 5 points instead of 4; I.2 dropped
        kept = [
            replace(c, max_points=Decimal(5)) if c.code == "I.5" else c
            for c in criteria
            if c.code != "I.2"
        ]
        criteria = link_criteria(replace(c, parent=None, children=()) for c in kept)
    return replace(base, info=info, criteria=criteria)


def _summary(campaign: Campaign, year: int, folder: Path) -> tuple[Path, dict[str, Decimal]]:
    inbox = folder / f"hop-thu-{year}"
    inbox.mkdir(parents=True)
    saved = datetime(year, 9, 20, 3, 0, tzinfo=UTC)
    for number, ward in enumerate(campaign.children_units("TXTB")):
        layout = plan_card(campaign, ward)
        values, inputs = valid_fill(layout, year * 100 + number)
        path = inbox / scorecard_filename(ward)
        write_scorecard(path, layout, values, inputs, generated_at=saved)  # type: ignore[arg-type]
    report = merge_rank(campaign, [inbox], workers=1)
    assert report.exit_code == 0
    out = folder / f"tong-hop-{year}.xlsx"
    write_summary(out, report, generated_at=datetime(year, 10, 5, tzinfo=UTC))
    return out, {r.unit: r.total for r in report.ranking}


def test_three_years_of_successive_campaigns(tmp_path: Path) -> None:
    base = load_campaign(SEED_003)
    made = {y: _summary(_year(base, y), y, tmp_path) for y in (2023, 2024, 2025)}
    trend = build_trend([made[2025][0], made[2023][0], made[2024][0]])
    assert trend.refused == ()
    assert trend.labels == ("Năm 2023", "Năm 2024", "Năm 2025")
    for index, year in enumerate((2023, 2024, 2025)):
        totals = {u.unit: p.total for u in trend.units if (p := u.points[index]) is not None}
        assert totals == made[year][1]
    reasons = {n.criterion: (n.reason, n.detail) for n in trend.not_comparable}
    assert reasons == {"I.5": ("max", "4 → 5"), "I.2": ("absent", "Năm 2025")}
    assert "I.5" not in trend.comparable and "I.2" not in trend.comparable
    assert not {f.criterion for f in trend.falls} & {"I.5", "I.2"}
    assert trend.campaign.info.campaign_id == "NH-BDG-2025"
