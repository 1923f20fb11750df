"""Scorecards written the same way by the golden tests and their regeneration script."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from thidua_xlsx import load_campaign
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard

from conftest import SEED_000, SEED_003

GOLDEN = Path(__file__).with_name("golden")
FIXED_TIME = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)
# (golden file, campaign, unit): a sector's part card, a ward's full card, a province card
GOLDEN_CARDS = [
    ("scorecard-sector-NH-PN.xlsx", SEED_003, "NH-PN"),
    ("scorecard-full-P-NHONHUNG.xlsx", SEED_003, "P-NHONHUNG"),
    ("scorecard-full-HLHPN-LX.xlsx", SEED_000, "HLHPN-LX"),
]


def write_golden_card(campaign_path: Path, unit_code: str, target: Path) -> Path:
    campaign = load_campaign(campaign_path)
    write_scorecard(target, plan_card(campaign, campaign.unit(unit_code)), generated_at=FIXED_TIME)
    return target
