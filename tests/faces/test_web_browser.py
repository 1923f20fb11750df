"""thidua web as a person uses it: in Debian's Chromium (driven by Playwright, no browser
download), against the real server started by ``thidua web``. Each page is saved as a
screenshot in the test's output folder (printed), to be looked at.

Chromium is installed by tests/run_suite.py (apt: chromium); under CI or the suite runner a
missing browser fails these tests instead of skipping them."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from openpyxl import load_workbook

from thidua_xlsx.campaign.loader import load_campaign
from thidua_xlsx.core.submissions import SubmissionStatus
from thidua_xlsx.core.vi_text import format_decimal
from thidua_xlsx.faces.web.guard import DEFAULT_UPLOAD_LIMITS
from thidua_xlsx.merge.compose import merge_compose
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.merge.vote import decide_vote, plan_vote
from thidua_xlsx.vote.layout import (
    NO_WORD,
    PRESENT_WORD,
    TALLY_SHEET,
    YES_WORD,
    candidate_col,
    member_row,
    presence_cell,
)
from thidua_xlsx.words.messages import render

from conftest import ROOT, SEED_003

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
INBOX = ROOT / "samples" / "inbox-tinh-bien"


def _required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("THIDUA_REQUIRE_BROWSER"))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    missing = None
    if not Path(CHROMIUM).exists():
        missing = "Chromium is not installed (apt: chromium); run python3 tests/run_suite.py"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "playwright is not installed (pip install -e '.[test]')"
    if missing:
        if _required():
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``thidua web`` started as staff start it; its address and work folder."""
    port, folder = _free_port(), tmp_path / "thidua-web"
    command = [sys.executable, "-m", "thidua_xlsx", "web", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--folder", str(folder)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    out = process.stdout.read() if process.stdout else b""
                    pytest.fail(f"thidua web did not start: {out.decode(errors='replace')}")
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}", folder
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout is not None:
            process.stdout.close()


def _download(page: object, selector: str, target: Path) -> Path:
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.click(selector)  # type: ignore[attr-defined]
    info.value.save_as(target)
    return target


def test_staff_run_a_collection_in_the_browser(
    browser: object, server: tuple[str, Path], tmp_path: Path
) -> None:
    base, folder = server
    shots = tmp_path / "screenshots"
    shots.mkdir()
    print(f"\nscreenshots: {shots}")
    context = browser.new_context(  # type: ignore[attr-defined]
        locale="vi-VN", accept_downloads=True, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()

    # the first page: the work folder named, the bundled campaigns to pick
    page.goto(base + "/")
    assert page.inner_text("#work-folder") == str(folder.resolve())
    page.screenshot(path=shots / "1-chon-dot.png", full_page=True)
    page.check(f"input[value='{SEED_003.name}']")
    page.click("#pick-seed")
    campaign = load_campaign(SEED_003)
    assert page.inner_text("h1") == campaign.info.title
    page.screenshot(path=shots / "2-chon-cap.png", full_page=True)

    # the blank cards of each level, as a zip: the ward's sectors and the town's wards
    counts = {}
    for code in ("P-NHONHUNG", "TXTB"):
        page.goto(f"{page.url.split('/cap/')[0]}/cap/{code}")
        archive = _download(page, "#download-templates", tmp_path / f"{code}.zip")
        with zipfile.ZipFile(archive) as opened:
            names = opened.namelist()
            assert all(n.endswith(".xlsx") for n in names)
            assert opened.testzip() is None
        counts[code] = len(names)
    assert counts == {
        "P-NHONHUNG": len(campaign.children_units("P-NHONHUNG")),
        "TXTB": len(campaign.children_units("TXTB")),
    }
    assert counts == {"P-NHONHUNG": 15, "TXTB": 14}

    # the returned files dropped at once; the page says how far the check is, then the results
    files = sorted(p for p in INBOX.iterdir() if p.is_file())
    page.set_input_files("#files", [str(p) for p in files])
    assert page.inner_text("#chosen") == render("web.chosen", "vi", count=len(files))
    page.screenshot(path=shots / "3-cap-thi-xa.png", full_page=True)
    page.click("#send-files")
    page.wait_for_selector("#working, #summary-line", timeout=60_000)
    if page.locator("#working").count():  # the check's progress, while it runs
        page.screenshot(path=shots / "4-dang-kiem-tra.png", full_page=True)
    page.wait_for_selector("#summary-line", timeout=120_000)
    page.screenshot(path=shots / "5-ket-qua.png", full_page=True)
    # the README's picture (docs/web.png): the results, from the summary line down
    top = page.locator("#step-results").bounding_box()
    assert top is not None
    page.screenshot(
        path=shots / "readme.png",
        full_page=True,
        clip={"x": 0, "y": top["y"] - 140, "width": 1280, "height": 1000},
    )

    # the same report as the command line gives for the same files
    expected = merge_rank(campaign, [INBOX], parent="TXTB", workers=1)
    assert page.inner_text("#summary-line") == expected.summary_line("vi")
    table = page.inner_text("#files-table")
    rejected = expected.check.rejected
    assert rejected, "the sample inbox has rejected files"
    for result in rejected:
        assert result.name in table
        for issue in result.issues:
            assert issue.message("vi") in table  # the same Vietnamese words, not re-worded
            if issue.cell:
                assert issue.cell in table  # the cell named
    row = page.locator("#files-table tr.bad").first
    assert row.locator(".mark").inner_text() == "✘"

    # who has not sent
    missing = [u.unit for u in expected.completeness.units if u.status is SubmissionStatus.MISSING]
    assert missing
    listed = page.inner_text("#missing")
    for code in missing:
        assert code in listed
    assert page.inner_text("#missing-title") == render(
        "web.missing_title", "vi", count=len(missing)
    )

    # the summary, read by pandas as the next level's tools read it
    summary = _download(page, "#download-summary", tmp_path / "tong-hop.xlsx")
    ranking = pd.read_excel(summary, sheet_name="Xếp hạng", header=9, engine="openpyxl")
    assert list(ranking["Mã đơn vị"]) == [
        *(r.unit for r in expected.ranking),
        *(u for u in ranking["Mã đơn vị"] if u not in {r.unit for r in expected.ranking}),
    ]
    assert len(ranking) == len(expected.completeness.units)
    ranked = ranking.dropna(subset=["Hạng"])
    assert [str(t) for t in ranked["Tổng điểm"]] == [str(float(r.total)) for r in expected.ranking]
    assert set(ranking.loc[ranking["Tình trạng"] == "chưa nộp", "Mã đơn vị"]) == set(missing)

    # the feedback copies to send back, one per file that needs one
    copies = _download(page, "#download-feedback", tmp_path / "phan-hoi.zip")
    with zipfile.ZipFile(copies) as opened:
        assert len(opened.namelist()) == len(
            [f for top in expected.check.files for f in top.with_members() if f.needs_feedback]
        )
    # the files stay in the folder the page names
    assert sorted(
        p.name for p in (folder / "nhon-hung-2024-bdg" / "TXTB" / "hop-thu").iterdir()
    ) == [p.name for p in files]

    # the Council: its ballots and tally, the tally filled and sent back, the decisions shown
    papers = _download(page, "#download-vote-papers", tmp_path / "hoi-dong.zip")
    with zipfile.ZipFile(papers) as opened:
        blank = Path(opened.extract(next(n for n in opened.namelist() if "KIEM" in n), tmp_path))
    summary_kept = folder / "nhon-hung-2024-bdg" / "TXTB" / "ket-qua" / "tong-hop-TXTB.xlsx"
    plan = plan_vote(campaign, summary_kept)
    book = load_workbook(blank)
    sheet = book[TALLY_SHEET]
    for i in range(len(plan.council.members)):  # the first j members against candidate j
        sheet[presence_cell(i)] = PRESENT_WORD
        for j in range(len(plan.candidates)):
            word = NO_WORD if i < j else YES_WORD
            sheet.cell(member_row(i) + 1, candidate_col(j) + 1).value = word
    tally = tmp_path / "KIEM-PHIEU-da-nhap.xlsx"
    book.save(tally)
    page.set_input_files("#tally", str(tally))
    page.click("#send-tally")
    page.wait_for_selector("#decisions", timeout=60_000)
    decided = decide_vote(campaign, summary_kept, tally)
    assert decided.decision is not None
    rows = page.locator("#decisions tbody tr")
    assert rows.count() == len(decided.decision.decisions)
    for index, d in enumerate(decided.decision.decisions):
        row = rows.nth(index).inner_text()
        assert d.candidate.unit in row
        assert render(f"vote.outcome.{d.outcome.value}", "vi") in row
    council = page.locator("#step-council")
    council.scroll_into_view_if_needed()
    council.screenshot(path=shots / "8-hoi-dong.png")
    result = _download(page, "#download-vote-result", tmp_path / "KET-QUA-BIEU-QUYET.xlsx")
    assert load_workbook(result).sheetnames

    # the dossier, with the vote: one report per unit the Council passed
    dossier = _download(page, "#download-dossier", tmp_path / "ho-so.zip")
    with zipfile.ZipFile(dossier) as opened:
        reports = [n for n in opened.namelist() if n.startswith("03-bao-cao")]
        listing = Document(io.BytesIO(opened.read("02-danh-sach-de-nghi.docx")))
    passed = [d.candidate for d in decided.decision.selected]
    assert len(reports) == len(passed)
    text = "\n".join(c.text for t in listing.tables for r in t.rows for c in r.cells)
    assert all(c.name in text for c in passed)
    context.close()


def test_a_ward_composes_its_sectors_cards(
    browser: object, server: tuple[str, Path], tmp_path: Path
) -> None:
    """At a level whose units are sectors, the page also gives the ward's own card."""
    base, _folder = server
    shots = tmp_path / "screenshots"
    shots.mkdir()
    print(f"\nscreenshots: {shots}")
    inbox = ROOT / "samples" / "inbox-nhon-hung"
    context = browser.new_context(locale="vi-VN", accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base + "/")
    page.check(f"input[value='{SEED_003.name}']")
    page.click("#pick-seed")
    page.goto(f"{page.url}/cap/P-NHONHUNG")
    page.set_input_files("#files", [str(p) for p in sorted(inbox.iterdir()) if p.is_file()])
    page.click("#send-files")
    page.wait_for_selector("#summary-line", timeout=120_000)
    page.screenshot(path=shots / "7-phuong-tong-hop.png", full_page=True)
    campaign = load_campaign(SEED_003)
    expected = merge_compose(campaign, [inbox], "P-NHONHUNG", workers=1)
    said = render(
        "web.composed",
        "vi",
        name=campaign.unit("P-NHONHUNG").name,
        total=format_decimal(expected.card.total, "vi"),
        count=len(expected.parts),
    )
    assert page.inner_text("#composed").startswith(said)
    card = _download(page, "#download-composed", tmp_path / "phieu-phuong.xlsx")
    assert load_workbook(card).sheetnames  # a workbook that opens
    context.close()


def test_an_oversized_file_is_refused_in_words(
    browser: object, server: tuple[str, Path], tmp_path: Path
) -> None:
    """A file over the limit (50 MB) is not kept; the page says which and why (screenshot)."""
    base, folder = server
    shots = tmp_path / "screenshots"
    shots.mkdir()
    print(f"\nscreenshots: {shots}")
    big = tmp_path / "NH-CA-qua-lon.xlsx"
    with big.open("wb") as out:
        out.truncate(DEFAULT_UPLOAD_LIMITS.file_bytes + 1)
    context = browser.new_context(locale="vi-VN")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base + "/")
    page.check(f"input[value='{SEED_003.name}']")
    page.click("#pick-seed")
    page.goto(f"{page.url}/cap/P-NHONHUNG")
    page.set_input_files("#files", [str(big)])
    page.click("#send-files")
    page.wait_for_selector("#problem")
    said = render("web.file_too_big", "vi", name=big.name, mb=DEFAULT_UPLOAD_LIMITS.file_mb)
    assert page.inner_text("#problem") == said
    page.screenshot(path=shots / "6-tu-choi.png", full_page=True)
    assert not (folder / "nhon-hung-2024-bdg" / "P-NHONHUNG" / "hop-thu").exists()
    context.close()
