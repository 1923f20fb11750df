"""thidua web's fourth step: the Council's ballots and tally, the filled tally read back and
decided, and the award dossier, as ``thidua vote`` and ``thidua dossier`` make them. Driven
through Starlette's TestClient over the sample wards' cards of the Nhơn Hưng seed."""

from __future__ import annotations

import html
import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("httpx2")
from starlette.testclient import TestClient

from thidua_xlsx.campaign.loader import load_campaign
from thidua_xlsx.faces.web.app import create_app
from thidua_xlsx.merge.vote import decide_vote, plan_vote
from thidua_xlsx.vote.layout import (
    NO_WORD,
    PRESENT_WORD,
    RESULT_FILE,
    TALLY_SHEET,
    YES_WORD,
    candidate_col,
    member_row,
    presence_cell,
)
from thidua_xlsx.words.messages import render

from conftest import ROOT, SEED_003
from dossier_files import docx_lines

BASE = "http://127.0.0.1:8000"
ORIGIN = {"Origin": BASE}
INBOX = ROOT / "samples" / "inbox-tinh-bien"


def said(code: str, **params: object) -> str:
    return html.escape(render(code, "vi", **params), quote=False)  # type: ignore[arg-type]


def merged(work: Path, campaign_file: Path = SEED_003) -> tuple[TestClient, str, str]:
    """The campaign opened, the sample wards' cards sent to the town's level and checked.
    Returns the client, the level's address and its page once the results are shown."""
    web = TestClient(create_app(work, "vi"), base_url=BASE)
    sent = [("campaign", (campaign_file.name, campaign_file.read_bytes()))]
    picked = web.post("/dot", files=sent, headers=ORIGIN, follow_redirects=False)
    assert picked.status_code == 303, picked.text
    level = f"{picked.headers['location']}/cap/TXTB"
    cards = [("files", (p.name, p.read_bytes())) for p in sorted(INBOX.iterdir())]
    assert web.post(f"{level}/nop", files=cards, headers=ORIGIN).status_code == 200
    deadline = time.monotonic() + 120
    page = web.get(level).text
    while 'http-equiv="refresh"' in page:
        assert time.monotonic() < deadline, "the check did not end"
        time.sleep(0.3)
        page = web.get(level).text
    assert 'id="summary-line"' in page, page
    return web, level, page


def summary_of(work: Path) -> Path:
    return work / "nhon-hung-2024-bdg" / "TXTB" / "ket-qua" / "tong-hop-TXTB.xlsx"


def filled_tally(blank: Path, target: Path, work: Path, words: dict[int, str]) -> Path:
    """The blank tally filled as the secretary fills it (openpyxl): every member present, the
    first j members against candidate j and the others for it (the first candidates pass, the
    last fall beyond the quota), but the first member types ``words[j]`` for candidate j."""
    plan = plan_vote(load_campaign(SEED_003), summary_of(work))
    book = openpyxl.load_workbook(blank)
    sheet = book[TALLY_SHEET]
    for i in range(len(plan.council.members)):
        sheet[presence_cell(i)] = PRESENT_WORD
        for j in range(len(plan.candidates)):
            word = (words.get(j) if i == 0 else None) or (NO_WORD if i < j else YES_WORD)
            sheet.cell(member_row(i) + 1, candidate_col(j) + 1).value = word
    book.save(target)
    return target


def test_the_council_step_is_offered_for_the_seed(tmp_path: Path) -> None:
    _web, level, page = merged(tmp_path / "work")
    award = load_campaign(SEED_003).award
    assert award is not None
    assert said("web.council_lead", title=award.title) in page
    for button in ("download_vote_papers", "download_dossier"):
        assert said(f"web.{button}") in page
    assert f"{level}/hoi-dong.zip" in page and f"{level}/ho-so.zip" in page
    assert said("web.council_none") not in page


def test_a_campaign_without_an_award_says_so(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(SEED_003)
    sheet = book["Thông tin"]
    for row in range(sheet.max_row, 0, -1):
        if sheet.cell(row, 1).value in AWARD_ROWS:
            sheet.delete_rows(row)
    plain = tmp_path / "khong-khen-thuong.xlsx"
    book.save(plain)
    assert load_campaign(plain).award is None
    _web, level, page = merged(tmp_path / "work", plain)
    assert said("web.council_none") in page
    assert said("web.download_vote_papers") not in page
    assert f"{level}/ho-so.zip" not in page


AWARD_ROWS = ("Hình thức khen thưởng", "Số đơn vị đề nghị khen thưởng", "Xếp loại được đề nghị")


def _papers(web: TestClient, level: str, folder: Path) -> tuple[Path, list[str]]:
    answer = web.get(f"{level}/hoi-dong.zip")
    assert answer.status_code == 200, answer.text
    folder.mkdir()
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        names = archive.namelist()
        archive.extractall(folder)
    tally = next(folder / n for n in names if "KIEM-PHIEU" in n.upper())
    return tally, names


def test_the_papers_hold_the_ballots_and_the_tally(tmp_path: Path) -> None:
    web, level, _page = merged(tmp_path / "work")
    tally, names = _papers(web, level, tmp_path / "giay")
    assert len(names) == 2
    ballots = openpyxl.load_workbook(tmp_path / "giay" / next(n for n in names if n != tally.name))
    assert ballots.sheetnames
    assert TALLY_SHEET in openpyxl.load_workbook(tally).sheetnames
    kept = tmp_path / "work" / "nhon-hung-2024-bdg" / "TXTB" / "ket-qua" / "hoi-dong"
    assert sorted(p.name for p in (kept / "phieu").iterdir()) == sorted(names)


def test_a_filled_tally_is_decided_and_the_dossier_lists_the_passed_units(
    tmp_path: Path,
) -> None:
    web, level, _page = merged(tmp_path / "work")
    blank, _names = _papers(web, level, tmp_path / "giay")
    tally = filled_tally(blank, tmp_path / "KIEM-PHIEU-da-nhap.xlsx", tmp_path / "work", {})
    sent = [("tally", (tally.name, tally.read_bytes()))]
    answer = web.post(f"{level}/kiem-phieu", files=sent, headers=ORIGIN)
    assert answer.status_code == 200, answer.text
    # the same decision as thidua vote --tally over the page's own summary
    summary = summary_of(tmp_path / "work")
    campaign = load_campaign(SEED_003)
    expected = decide_vote(campaign, summary, tally)
    assert expected.decision is not None and expected.decision.selected
    assert any(not d.selected for d in expected.decision.decisions)
    page = answer.text
    for d in expected.decision.decisions:
        assert d.candidate.unit in page
        assert said(f"vote.outcome.{d.outcome.value}") in page
        assert html.escape(d.reason.message("vi"), quote=False) in page
        assert f"{d.yes} / {d.no}" in page
    result = web.get(f"{level}/ket-qua-bieu-quyet.xlsx")
    assert result.status_code == 200
    assert RESULT_FILE in result.headers["content-disposition"]
    assert openpyxl.load_workbook(io.BytesIO(result.content)).sheetnames
    assert said("web.dossier_with_vote") in page

    dossier = web.get(f"{level}/ho-so.zip")
    assert dossier.status_code == 200, dossier.text
    folder = tmp_path / "ho-so"
    with zipfile.ZipFile(io.BytesIO(dossier.content)) as archive:
        assert archive.testzip() is None
        archive.extractall(folder)
    passed = [d.candidate for d in expected.decision.selected]
    failed = [d.candidate for d in expected.decision.decisions if not d.selected]
    reports = sorted(folder.glob("03-bao-cao-thanh-tich-*.docx"))
    assert len(reports) == len(passed)
    listing = "\n".join(docx_lines(folder / "02-danh-sach-de-nghi.docx"))
    for c in passed:
        assert c.name in listing
    for c in failed:
        assert c.name not in listing
    assert (folder / "04-bien-ban-hoi-dong.docx").is_file()


def test_a_tally_with_a_bad_word_is_refused_with_its_cell(tmp_path: Path) -> None:
    web, level, _page = merged(tmp_path / "work")
    blank, _names = _papers(web, level, tmp_path / "giay")
    tally = filled_tally(blank, tmp_path / "KIEM-PHIEU-sai.xlsx", tmp_path / "work", {0: "có lẽ"})
    sent = [("tally", (tally.name, tally.read_bytes()))]
    answer = web.post(f"{level}/kiem-phieu", files=sent, headers=ORIGIN)
    assert answer.status_code == 200
    summary = summary_of(tmp_path / "work")
    expected = decide_vote(load_campaign(SEED_003), summary, tally)
    assert not expected.accepted
    bad = [i for i in expected.issues if i.cell]
    assert bad
    cell = f"{member_row(0) + 1}"
    for issue in bad:
        assert issue.cell in answer.text and cell in issue.cell
        assert html.escape(issue.message("vi"), quote=False) in answer.text
    assert said("vote.tally_refused", path=tally.name) in answer.text
    assert web.get(f"{level}/ket-qua-bieu-quyet.xlsx").status_code == 404
    assert said("web.dossier_without_vote") in answer.text
    unvoted = web.get(f"{level}/ho-so.zip")  # the dossier without a vote, as thidua dossier
    assert unvoted.status_code == 200, unvoted.text
    with zipfile.ZipFile(io.BytesIO(unvoted.content)) as archive:
        proposed = len(plan_vote(load_campaign(SEED_003), summary).candidates)
        assert len([n for n in archive.namelist() if n.startswith("03-bao-cao")]) == proposed


def test_a_tally_named_with_a_path_is_refused(tmp_path: Path) -> None:
    web, level, _page = merged(tmp_path / "work")
    sent = [("tally", ("../../KIEM-PHIEU.xlsx", b"x"))]
    answer = web.post(f"{level}/kiem-phieu", files=sent, headers=ORIGIN)
    assert answer.status_code == 400
    assert said("web.bad_name", name="../../KIEM-PHIEU.xlsx") in answer.text
    assert not list(tmp_path.rglob("KIEM-PHIEU.xlsx"))


def test_plan_matches_the_papers(tmp_path: Path) -> None:
    """The zip's tally names the candidates plan_vote proposes from the page's summary."""
    web, level, _page = merged(tmp_path / "work")
    tally, _names = _papers(web, level, tmp_path / "giay")
    summary = summary_of(tmp_path / "work")
    plan = plan_vote(load_campaign(SEED_003), summary)
    text = " ".join(
        str(v)
        for row in openpyxl.load_workbook(tally)[TALLY_SHEET].iter_rows(values_only=True)
        for v in row
        if v is not None
    )
    for c in plan.candidates:
        assert c.unit in text
