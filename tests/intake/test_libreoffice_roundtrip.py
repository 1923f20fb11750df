"""A ward officer edits the campaign workbook in LibreOffice and saves it as .ods or .xlsx:
the loader reads the same campaign back. Real LibreOffice, headless."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_xlsx import load_campaign

from conftest import SEED_000, SEED_003
from libreoffice import convert

pytestmark = pytest.mark.libreoffice


@pytest.mark.parametrize("seed", [SEED_003, SEED_000], ids=["seed003", "seed000"])
@pytest.mark.parametrize("extension", ["ods", "xlsx", "xls"])
def test_campaign_saved_by_libreoffice_reads_back_the_same(
    soffice: str, tmp_path: Path, seed: Path, extension: str
) -> None:
    saved = convert(soffice, seed, extension, tmp_path)
    assert saved.read_bytes() != seed.read_bytes()
    original, reread = load_campaign(seed), load_campaign(saved)
    assert reread == original
    assert reread.fingerprint == original.fingerprint


def test_a_card_typed_today_into_an_old_template_is_late(soffice: str, tmp_path: Path) -> None:
    """LibreOffice keeps the template's creation date and adds today's as the last save:
    the last save is what counts against the deadline."""
    from datetime import UTC, datetime

    from thidua_xlsx.checking.checker import check_file
    from thidua_xlsx.core.cellref import cell_name
    from thidua_xlsx.scorecard.layout import COL, SCORECARD_SHEET, plan_card
    from thidua_xlsx.scorecard.writer import write_scorecard

    from libreoffice import run_uno

    campaign = load_campaign(SEED_003)
    layout = plan_card(campaign, campaign.unit("NH-CA"))
    card = tmp_path / "NH-CA.xlsx"
    made = datetime(2024, 5, 6, 8, 0, tzinfo=UTC)
    write_scorecard(card, layout, generated_at=made)
    assert check_file(campaign, card).saved_at == made
    evidence = cell_name(layout.rows[layout.criteria[-1].code], COL["evidence"])
    saves = [str(tmp_path / "saved" / f"NH-CA.{ext}") for ext in ("xlsx", "ods")]
    fill = {"cells": {evidence: "Báo cáo số 5/BC"}, "save_as": saves}
    run_uno(
        {"documents": [{"source": str(card), "sheet": SCORECARD_SHEET, "fills": [fill]}]}, tmp_path
    )
    for saved in saves:
        result = check_file(campaign, Path(saved))
        assert result.saved_at is not None and result.saved_at.year >= 2025, saved
        assert "file_late" in [i.code for i in result.issues], saved
