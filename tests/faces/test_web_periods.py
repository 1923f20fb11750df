"""thidua web with a campaign reported month by month (seed 000): each month is a level of its
own, whose blank cards carry the month and whose merge refuses another month's cards."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("httpx2")
from starlette.testclient import TestClient

from thidua_xlsx.faces.web.app import create_app
from thidua_xlsx.scorecard.layout import META_SHEET

from conftest import ROOT, SEED_000

BASE = "http://127.0.0.1:8000"
ORIGIN = {"Origin": BASE}
MONTHS = ROOT / "samples" / "bao-cao-thang-an-giang"


def _results(web: TestClient, level: str) -> str:
    deadline = time.monotonic() + 120
    page = web.get(level).text
    while 'http-equiv="refresh"' in page:
        assert time.monotonic() < deadline, "the check did not end"
        time.sleep(0.3)
        page = web.get(level).text
    return page


def test_each_month_is_a_level_with_its_own_cards_and_checks(tmp_path: Path) -> None:
    web = TestClient(create_app(tmp_path, "vi"), base_url=BASE)
    sent = [("campaign", (SEED_000.name, SEED_000.read_bytes()))]
    picked = web.post("/dot", files=sent, headers=ORIGIN, follow_redirects=False)
    assert picked.status_code == 303, picked.text
    campaign_page = web.get(picked.headers["location"]).text
    for month in ("Tháng thứ 1", "Tháng thứ 2", "Tháng thứ 3"):
        assert f"{month} — Hội LHPN tỉnh An Giang" in campaign_page
    level = f"{picked.headers['location']}/cap/HLHPN-AG-ky-2"
    blank = web.get(f"{level}/mau-phieu.zip")
    assert blank.status_code == 200
    with zipfile.ZipFile(io.BytesIO(blank.content)) as archive:
        names = archive.namelist()
        assert len(names) == 11
        card = openpyxl.load_workbook(io.BytesIO(archive.read(names[0])))
    meta = {r[0].value: r[1].value for r in card[META_SHEET].iter_rows()}
    assert meta["period"] == "Tháng thứ 2"
    # month 1's cards sent to month 2: each refused, naming both months
    cards = [("files", (p.name, p.read_bytes())) for p in sorted((MONTHS / "thang-1").iterdir())]
    assert web.post(f"{level}/nop", files=cards, headers=ORIGIN).status_code == 200
    page = _results(web, level)
    assert page.count("file_wrong_period") == len(cards), page
    assert "«Tháng thứ 1», không phải kỳ đang xử lý «Tháng thứ 2»" in page
    # month 2's own cards, in month 2's level (of a fresh work folder): ranked
    web2 = TestClient(create_app(tmp_path / "again", "vi"), base_url=BASE)
    again = web2.post("/dot", files=sent, headers=ORIGIN, follow_redirects=False)
    month2 = f"{again.headers['location']}/cap/HLHPN-AG-ky-2"
    cards = [("files", (p.name, p.read_bytes())) for p in sorted((MONTHS / "thang-2").iterdir())]
    assert web2.post(f"{month2}/nop", files=cards, headers=ORIGIN).status_code == 200
    page = _results(web2, month2)
    assert "10/11 đơn vị đã nộp" in page, page
