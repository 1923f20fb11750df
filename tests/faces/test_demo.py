"""``thidua demo``: the whole chain on the bundled samples, and the samples themselves (made
reproducibly by ``samples/make_samples.py``)."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from thidua_xlsx import load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.core.submissions import SubmissionStatus
from thidua_xlsx.core.vi_text import format_decimal
from thidua_xlsx.faces.cli import main
from thidua_xlsx.faces.demo import bundled_samples, run_demo
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET
from thidua_xlsx.summary.writer import (
    MISSING_SHEET,
    RANKING_HEADER_ROW,
    RANKING_SHEET,
    VERIFIED_SHEET,
)
from thidua_xlsx.verification.layout import VERIFICATION_SHEET
from thidua_xlsx.vote.layout import (
    CODE_ROW,
    FIRST_CANDIDATE_COL,
    MCOL,
    NO_WORD,
    PRESENT_WORD,
    TALLY_SHEET,
    YES_WORD,
)

from conftest import ROOT, SEED_003
from dossier_files import docx_lines, docx_rows, summary_table, vi_number

SAMPLES = ROOT / "samples"
MAKE_SAMPLES = SAMPLES / "make_samples.py"
INBOXES = ("inbox-nhon-hung", "inbox-tinh-bien")
VERIFIED = "tham-dinh-tinh-bien.xlsx"  # the town's verification workbook, filled in LibreOffice
TALLY = "kiem-phieu-tinh-bien.xlsx"  # the town Council's tally, filled in LibreOffice
# typed and saved by LibreOffice: their saved time is the day they were made
LIBREOFFICE_FILES = {
    "inbox-nhon-hung/NH-CA-cong-an-phuong.xlsx",
    "inbox-nhon-hung/NH-YT-tram-y-te-phuong.ods",
    "inbox-tinh-bien/P-THOISON-ubnd-phuong-thoi-son.xlsx",
}
TOWN_WARDS = 13  # the children of TXTB but Nhơn Hưng, whose card the demo composes


def _bundled_hashes() -> dict[str, str]:
    files = [
        SEED_003,
        SAMPLES / "README.md",
        SAMPLES / VERIFIED,
        SAMPLES / TALLY,
        *(p for i in INBOXES for p in (SAMPLES / i).iterdir()),
    ]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _sample_files(root: Path) -> set[str]:
    return {f"{i}/{p.name}" for i in INBOXES for p in (root / i).iterdir()}


def test_the_demo_uses_the_samples_of_this_checkout() -> None:
    samples, campaign = bundled_samples()
    assert samples == SAMPLES and campaign == SEED_003


def test_demo_runs_the_whole_chain(tmp_path: Path) -> None:
    before = _bundled_hashes()
    folder = tmp_path / "demo"
    out = io.StringIO()
    assert main(["demo", str(folder)], out=out) == 0
    text = out.getvalue()
    result = run_demo(tmp_path / "again")  # the same run, for its reports
    assert _bundled_hashes() == before  # the inputs were copied, never modified

    # 0. copies of the inputs
    copies = folder / "0-du-lieu-mau"
    assert _sample_files(copies) == _sample_files(SAMPLES)
    assert (copies / SEED_003.name).is_file() and (copies / "README.md").is_file()
    assert (copies / VERIFIED).is_file() and (copies / TALLY).is_file()
    # 1. the blank cards: 15 sectors of the ward, 14 wards and communes of the town
    templates = folder / "1-mau-phieu"
    assert len(list((templates / "nganh-phuong-nhon-hung").glob("NH-*.xlsx"))) == 15
    assert len(list((templates / "phuong-xa-thi-xa-tinh-bien").glob("*.xlsx"))) == 14
    # 2. the sectors' inbox checked; a feedback copy for each planted mistake
    check = result.check
    assert len(check.files) == 15
    rejected = ["NH-CCB", "NH-ND", "NH-THB", "NH-TP"]
    assert sorted(f.unit or "" for f in check.rejected) == rejected
    thb = next(f for f in check.files if f.unit == "NH-THB")  # the blank template sent back
    assert [i.code for i in thb.issues] == ["card_blank"]
    assert (folder / "2-kiem-tra" / "ket-qua-kiem-tra.txt").read_text(encoding="utf-8")
    feedback = sorted(p.name for p in (folder / "2-kiem-tra" / "phan-hoi").iterdir())
    assert feedback == [
        "nh-ccb-hoi-cuu-chien-binh-phuong-phan-hoi.xlsx",
        "nh-dtn-doan-tncs-ho-chi-minh-phuong-phan-hoi.xlsx",
        "nh-nd-hoi-nong-dan-phuong-phan-hoi.xlsx",
        "nh-thb-truong-tieu-hoc-b-nhon-hung-phan-hoi.xlsx",
        "nh-tp-cong-chuc-tu-phap-ho-tich-phan-hoi.xlsx",
    ]
    # 3. the ward's composed card: a valid card of the ward, sent on time
    compose = result.compose
    assert compose.completeness.missing == ("NH-MG",)
    sectors = {u.unit: u.status for u in compose.completeness.units}
    assert sectors["NH-THB"] is SubmissionStatus.BLANK
    accepted = "NH-CA NH-DTN NH-MTTQ NH-PN NH-QS NH-THA NH-THCS NH-VHXH NH-VP NH-YT"
    assert sorted(compose.parts) == accepted.split()
    assert [i.code for i in compose.issues] == ["compose_shared_evidence"]
    # I.5: NH-PN, NH-DTN and NH-MTTQ each give themselves 3.5 of 4; the ward gets 3.5 (the
    # plan's «trung bình»), not 10.5 capped to 4
    assert [compose.parts[s]["I.5"].amount for s in ("NH-PN", "NH-DTN", "NH-MTTQ")] == [
        Decimal("3.5")
    ] * 3
    assert compose.card.final_nodes["I.5"] == Decimal("3.5")
    assert compose.combined["II.1.a"].amount == sum(  # talks counted: summed
        (p["II.1.a"].amount or 0 for p in compose.parts.values() if "II.1.a" in p), Decimal(0)
    )
    vp = next(u for u in compose.completeness.units if u.unit == "NH-VP")
    assert vp.result is not None and vp.result.path.name.endswith("(1).xlsx")
    assert [f.path.name for f in vp.superseded] == ["NH-VP-van-phong-hdnd-ubnd-phuong.xlsx"]
    card = folder / "3-tong-hop-phuong" / "P-NHONHUNG-ubnd-phuong-nhon-hung.xlsx"
    read_back = check_file(load_campaign(SEED_003), card)
    assert read_back.unit == "P-NHONHUNG" and read_back.accepted
    assert read_back.card is not None and read_back.card.total == compose.card.total
    assert "file_late" not in {i.code for i in read_back.issues}
    # 4. the town's summary: every ward expected, the composed card ranked among them
    rank = result.rank
    statuses = {u.unit: u.status for u in rank.completeness.units}
    assert len(statuses) == TOWN_WARDS + 1
    assert statuses["P-NHONHUNG"] is SubmissionStatus.ACCEPTED
    assert statuses["P-THOISON"] is SubmissionStatus.LATE
    thoison = rank.submission("P-THOISON")
    assert thoison is not None and thoison.result is not None
    codes = {i.code for i in thoison.result.issues}  # «86%» typed in LibreOffice
    assert {"value_percent_format", "card_total_differs"} <= codes
    vangiao = rank.submission("X-VANGIAO")  # its own verification column: not counted
    assert vangiao is not None and vangiao.status is SubmissionStatus.ACCEPTED
    assert vangiao.result is not None
    assert {i.code for i in vangiao.result.issues} == {"verified_in_unit_file"}
    assert "X-VANGIAO" not in rank.verified
    assert statuses["X-VINHTRUNG"] is SubmissionStatus.MISSING
    assert sorted(u for u, s in statuses.items() if s is SubmissionStatus.REJECTED) == [
        "X-ANCU",
        "X-TANLAP",
    ]
    counted = {SubmissionStatus.ACCEPTED, SubmissionStatus.LATE}
    ranked = {r.unit for r in rank.ranking}
    assert ranked == {u for u, s in statuses.items() if s in counted}
    assert len(ranked) == 11 and "P-NHONHUNG" in ranked
    nuivoi = next(u for u in rank.completeness.units if u.unit == "P-NUIVOI")
    assert [f.path.name for f in nuivoi.superseded] == ["P-NUIVOI-ubnd-phuong-nui-voi-ban-cu.xlsx"]
    summary = folder / "4-xep-hang-thi-xa" / "TXTB-bang-tong-hop-xep-hang.xlsx"
    table = pd.read_excel(
        summary, sheet_name=RANKING_SHEET, header=RANKING_HEADER_ROW, engine="openpyxl"
    )
    assert set(table["Mã đơn vị"]) == set(statuses)
    assert set(table.dropna(subset=["Hạng"])["Mã đơn vị"]) == ranked
    book = openpyxl.load_workbook(summary, read_only=True)
    missing = [row[0] for row in book[MISSING_SHEET].iter_rows(min_row=2, values_only=True)]
    book.close()
    assert missing == ["X-VINHTRUNG"]
    rank_feedback = sorted(p.name for p in (folder / "4-xep-hang-thi-xa" / "phan-hoi").iterdir())
    assert rank_feedback == [
        "p-chilang-ubnd-phuong-chi-lang-phan-hoi.xlsx",
        "p-thoison-ubnd-phuong-thoi-son-phan-hoi.xlsx",
        "x-ancu-ubnd-xa-an-cu-phan-hoi.xlsx",
        # (X-ANHAO's result over its target is a note, not a point to send back)
        "x-tanlap-ubnd-xa-tan-lap-phan-hoi.xlsx",
        "x-vangiao-ubnd-xa-van-giao-phan-hoi.xlsx",
    ]
    # 4. the town's verification: the workbook to fill, one row per criterion of each ward it
    # counts; the filled one bundled applied, without an issue
    blank = folder / "4-xep-hang-thi-xa" / "TXTB-bang-tham-dinh.xlsx"
    book = openpyxl.load_workbook(blank, read_only=True)
    sheet = book[VERIFICATION_SHEET]
    listed = {row[0] for row in sheet.iter_rows(values_only=True) if row[3] is not None}
    book.close()
    assert ranked <= listed
    (applied,) = rank.verification
    assert applied.accepted and not applied.issues and applied.path.name == VERIFIED
    book = openpyxl.load_workbook(summary, read_only=True)
    rows = list(book[VERIFIED_SHEET].iter_rows(min_row=2, values_only=True))
    book.close()
    assert sorted((r[0], r[2]) for r in rows) == [
        ("P-ANPHU", "II.5.c"),
        ("P-NHONHUNG", "III.3"),
        ("P-TINHBIEN", "I.1"),  # confirmed as it is
    ]
    assert all(r[7] == VERIFIED and (r[5] == 0 or r[6]) for r in rows)  # a reason if changed
    # the composed ward's total verified down, the ward still on time and ranked with it
    ward = rank.card("P-NHONHUNG")
    assert ward is not None and ward.total == compose.card.total - 1
    assert ward.self_total == compose.card.total
    assert statuses["P-NHONHUNG"] is SubmissionStatus.ACCEPTED
    assert next(r for r in rank.ranking if r.unit == "P-NHONHUNG").total == ward.total
    assert str(blank) in text and "P-NHONHUNG" in text
    said = f"P-NHONHUNG {format_decimal(ward.self_total)} → {format_decimal(ward.total)}"
    assert said in text
    # what it prints: where each output is, the one-line summary, the mistakes are planted
    assert str(summary) in text and str(card) in text and "X-VINHTRUNG" in text
    assert rank.summary_line("vi") in text
    assert "13/14 đơn vị đã nộp, 1 nộp muộn, 2 bị trả lại, 1 chưa nộp" in text
    # the sectors' one-line summary says the empty card apart, and names it
    sectors = (
        "Các ngành: 13/15 đơn vị đã nộp, 2 nộp muộn, 3 bị trả lại, 1 gửi phiếu trống, 1 chưa nộp."
    )
    assert sectors in text
    assert "gửi phiếu trống (đính kèm nhầm phiếu mẫu): NH-THB" in text
    assert "cài sẵn trong dữ liệu mẫu" in text
    _the_council_and_the_dossier(folder, text)


def _the_council_and_the_dossier(folder: Path, text: str) -> None:
    """5. the Council's papers and the decisions of the bundled tally, counted here from the
    words typed in it; 6. the dossier lists the units that passed, with the summary's totals."""
    council = folder / "5-hoi-dong"
    assert {p.name for p in council.iterdir()} == {
        "PHIEU-BIEU-QUYET.xlsx",
        "KIEM-PHIEU.xlsx",
        "KET-QUA-BIEU-QUYET.xlsx",
    }
    book = openpyxl.load_workbook(folder / "0-du-lieu-mau" / TALLY, read_only=True)
    rows = [list(r) for r in book[TALLY_SHEET].iter_rows(values_only=True)]
    book.close()
    codes = [str(c) for c in rows[CODE_ROW][FIRST_CANDIDATE_COL:] if c]
    members = [r for r in rows[CODE_ROW + 1 :] if r[MCOL["name"]]]
    present = [r for r in members if r[MCOL["presence"]] == PRESENT_WORD]
    yes = {
        code: sum(1 for r in present if r[FIRST_CANDIDATE_COL + j] == YES_WORD)
        for j, code in enumerate(codes)
    }
    assert len(present) == len(members) - 1  # one member away
    assert any(r[FIRST_CANDIDATE_COL + j] == NO_WORD for r in present for j in range(len(codes)))
    # more than half of all members, then at most 3 by votes
    share_met = sorted((c for c in codes if 2 * yes[c] > len(members)), key=lambda c: -yes[c])
    passed = [c for c in codes if c in share_met[:3]]
    assert len(share_met) > 3 and len(share_met) < len(codes)  # the quota cuts, one falls short
    summary = folder / "4-xep-hang-thi-xa" / "TXTB-bang-tong-hop-xep-hang.xlsx"
    table = summary_table(summary, "Đề nghị khen thưởng", ("Mã đơn vị", "Tổng điểm"))
    assert [str(r["Mã đơn vị"]) for r in table] == codes  # the vote on the summary's proposals
    names = {str(r["Mã đơn vị"]): str(r["Tên đơn vị"]) for r in table}
    totals = {str(r["Mã đơn vị"]): r["Tổng điểm"] for r in table}
    result = openpyxl.load_workbook(council / "KET-QUA-BIEU-QUYET.xlsx", read_only=True)
    decided = {
        str(r[1]): (int(r[5]), str(r[9]))
        for r in result["Kết quả biểu quyết"].iter_rows(values_only=True)
        if r[1] in codes
    }
    result.close()
    assert {c: v[0] for c, v in decided.items()} == yes
    assert [c for c in codes if decided[c][1] == "Được đề nghị"] == passed
    for code in codes:
        mark = "✔" if code in passed else "✘"
        assert f"{mark} {names[code]}: {yes[code]}/{len(members)} đồng ý" in text
    # 6. the dossier, the vote applied
    papers = folder / "6-ho-so-khen-thuong"
    listing = docx_rows(papers / "02-danh-sach-de-nghi.docx", "STT")
    assert [r[1] for r in listing] == [names[c] for c in passed]
    assert [r[2] for r in listing] == [vi_number(totals[c]) for c in passed]
    reports = sorted(p.name for p in papers.glob("03-bao-cao-thanh-tich-*.docx"))
    assert len(reports) == len(passed)
    assert all(
        f"-{i:02d}-{c}-" in n for i, (n, c) in enumerate(zip(reports, passed, strict=True), 1)
    )
    minutes = "\n".join(docx_lines(papers / "04-bien-ban-hoi-dong.docx"))
    assert f"có mặt: {len(present):02d}; vắng: 01" in minutes
    assert str(papers) in text


def test_demo_in_english_reruns_in_its_folder_and_keeps_other_folders(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", str(folder)], out=io.StringIO()) == 0
    (folder / "2-kiem-tra" / "phan-hoi" / "stale.xlsx").write_bytes(b"old")
    out = io.StringIO()
    assert main(["demo", str(folder), "--lang", "en"], out=out) == 0
    assert not (folder / "2-kiem-tra" / "phan-hoi" / "stale.xlsx").exists()
    assert "13/14 units submitted, 1 late, 2 rejected, 1 missing" in out.getvalue()
    assert "planted in the sample data on purpose" in out.getvalue()
    assert "empty card (the blank template attached): NH-THB" in out.getvalue()
    assert "The filled verification workbook (sample data) applied" in out.getvalue()
    assert "The tally as the secretary filled it (sample data" in out.getvalue()
    assert "collectives proposed" in out.getvalue()
    # a folder holding someone's files is left alone: one message, exit code 2
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "bao-cao.xlsx").write_bytes(b"work")
    out = io.StringIO()
    assert main(["demo", str(busy)], out=out) == 2
    assert "đã có tệp khác" in out.getvalue() and "Traceback" not in out.getvalue()
    assert sorted(p.name for p in busy.iterdir()) == ["bao-cao.xlsx"]


def test_demo_default_folder_is_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo"], out=io.StringIO()) == 0
    assert (tmp_path / "thidua-demo" / "4-xep-hang-thi-xa").is_dir()


# -- the samples ------------------------------------------------------------------------------


def _make_samples(out: Path, *options: str) -> None:
    subprocess.run(
        [sys.executable, str(MAKE_SAMPLES), "--out", str(out), *options],
        check=True,
        capture_output=True,
        timeout=900,
    )


def _cells(path: Path) -> dict[str, list[list[object]]]:
    """Every cell of every sheet (formulas as written), the very hidden metadata included."""
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: [[c.value for c in row] for row in sheet.iter_rows()]
        for sheet in book.worksheets
    }


def test_samples_are_reproducible(tmp_path: Path) -> None:
    """The files the library writes come out the same, cell for cell (fixed seed and times)."""
    _make_samples(tmp_path, "--no-libreoffice")
    made = _sample_files(tmp_path)
    assert _sample_files(SAMPLES) - made == LIBREOFFICE_FILES
    assert made <= _sample_files(SAMPLES)
    for name in sorted(made):
        assert _cells(tmp_path / name) == _cells(SAMPLES / name), name


@pytest.mark.libreoffice
def test_samples_typed_in_libreoffice_are_reproducible(soffice: str, tmp_path: Path) -> None:
    """The three files LibreOffice saves differ only in their saved time."""
    _make_samples(tmp_path)
    assert _sample_files(tmp_path) == _sample_files(SAMPLES)
    sheets = [(name, SCORECARD_SHEET) for name in sorted(LIBREOFFICE_FILES)]
    for name, sheet in [*sheets, (VERIFIED, VERIFICATION_SHEET), (TALLY, TALLY_SHEET)]:
        made = CalamineWorkbook.from_path(str(tmp_path / name))
        committed = CalamineWorkbook.from_path(str(SAMPLES / name))
        rows = made.get_sheet_by_name(sheet).to_python()
        assert rows == committed.get_sheet_by_name(sheet).to_python(), name


PERIOD_INBOXES = ("bao-cao-thang-an-giang/thang-1", "bao-cao-thang-an-giang/thang-2")
PERIOD_INBOXES += ("bao-cao-thang-an-giang/thang-3", "inbox-tinh-bien-2025")
# typed and saved by LibreOffice (samples/make_period_samples.py): saved the day they were made
PERIOD_LIBREOFFICE_FILES = {
    "bao-cao-thang-an-giang/thang-1/HLHPN-CD-hoi-lhpn-thanh-pho-chau-doc.xlsx",
    "bao-cao-thang-an-giang/thang-2/HLHPN-TC-hoi-lhpn-thi-xa-tan-chau.xlsx",
    "bao-cao-thang-an-giang/thang-3/HLHPN-AP-hoi-lhpn-huyen-an-phu.xlsx",
    "inbox-tinh-bien-2025/P-TINHBIEN-ubnd-phuong-tinh-bien.xlsx",
}


def _period_files(root: Path) -> set[str]:
    return {f"{i}/{p.name}" for i in PERIOD_INBOXES for p in (root / i).iterdir()}


def test_period_samples_are_reproducible(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(SAMPLES / "make_period_samples.py"),
            "--out",
            str(tmp_path),
            "--no-libreoffice",
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    made = _period_files(tmp_path)
    assert _period_files(SAMPLES) - made == PERIOD_LIBREOFFICE_FILES
    for name in sorted(made):
        assert _cells(tmp_path / name) == _cells(SAMPLES / name), name


def test_demo_ranks_each_month_and_the_second_year(tmp_path: Path) -> None:
    result = run_demo(tmp_path / "demo")
    said = result.describe()
    months = tmp_path / "demo" / "7-bao-cao-thang"
    for number, report in enumerate(result.months, start=1):
        assert report.campaign.period is not None and report.campaign.period.index == number
        summary = openpyxl.load_workbook(months / f"tong-hop-thang-{number}.xlsx")
        meta = {r[0].value: r[1].value for r in summary["_thidua"].iter_rows()}
        assert meta["period"] == f"Tháng thứ {number}"
    # month 2: Tri Tôn sent nothing; each month one card was saved in LibreOffice (late)
    assert [r.completeness.missing for r in result.months] == [(), ("HLHPN-TT",), ()]
    assert "Tháng thứ 2: 10/11 đơn vị đã nộp, 1 nộp muộn" in said
    # the last month's cards show what the first two months reported
    card = openpyxl.load_workbook(result.month_templates.written[0])[SCORECARD_SHEET]
    text = " ".join(str(c.value) for row in card.iter_rows() for c in row if c.value)
    assert "Các kỳ trước đã báo cáo: Tháng thứ 1:" in text and "; Tháng thứ 2:" in text
    assert len(result.month_templates.written) == 11
    # 2025: 13 of the town's 14 wards and communes ranked (An Cư sent nothing)
    assert result.next_year.completeness.missing == ("X-ANCU",)
    assert len(result.next_year.ranking) == 13
    assert result.next_year_summary.is_file()
    assert "Năm thứ hai (2025)" in said
    # the months gone by are locked; the trends over the months and over the two years
    book = json.loads((months / "so-khoa-ky.json").read_text(encoding="utf-8"))
    assert sorted(e["period"] for e in book["entries"] if e["locked"]) == [
        "Tháng thứ 1",
        "Tháng thứ 2",
    ]
    assert result.months_trend.labels == ("Tháng thứ 1", "Tháng thứ 2", "Tháng thứ 3")
    assert result.months_trend_path.is_file() and result.years_trend_path.is_file()
    assert result.years_trend.labels == ("Năm 2024", "Năm 2025")
    totals = {r.unit: r.total for r in result.next_year.ranking}
    for unit in result.years_trend.units:
        point = unit.points[-1]
        if point is not None:  # the trend's 2025 totals are the 2025 summary's
            assert point.total == totals[unit.unit], unit.unit
    assert "Xu hướng qua Năm 2024, Năm 2025" in said
