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
