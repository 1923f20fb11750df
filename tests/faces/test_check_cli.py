"""``thidua check`` over an inbox: 20 good and 5 bad files, a table, JSON, feedback copies."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.checking.run import issues_frame, run_check
from thidua_xlsx.faces.cli import main
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET, plan_card
from thidua_xlsx.scorecard.writer import write_scorecard

from conftest import ROOT, SEED_003
from fill_helpers import valid_fill

BAD = [
    "value_over_max.xlsx",
    "file_truncated.xlsx",
    "evidence_missing.xlsx",
    "dat_invalid.xlsx",
    "file_not_workbook-png.xlsx",
]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 correctly filled scorecards (the 15 Nhơn Hưng sectors, 5 other wards) and 5 bad."""
    folder = tmp_path_factory.mktemp("inbox")
    campaign = load_campaign(SEED_003)
    units = [*campaign.children_units("P-NHONHUNG"), *campaign.children_units("TXTB")[:6]]
    units = [u for u in units if u.code != "P-NHONHUNG"][:20]
    for seed, unit in enumerate(units):
        layout = plan_card(campaign, unit)
        values, inputs = valid_fill(layout, seed)
        write_scorecard(folder / scorecard_filename(unit), layout, values, inputs)  # type: ignore[arg-type]
    for name in BAD:
        shutil.copyfile(ROOT / "tests" / "files" / name, folder / f"bad-{name}")
    return folder


def test_inbox_20_accepted_5_rejected(inbox: Path) -> None:
    report = run_check(load_campaign(SEED_003), [inbox])
    assert len(report.files) == 25
    assert len(report.accepted) == 20 and len(report.rejected) == 5
    assert {r.path.name for r in report.rejected} == {f"bad-{n}" for n in BAD}
    assert all(r.issues for r in report.rejected)
    assert report.exit_code == 1
    frame = issues_frame(report)
    assert set(frame["status"]) >= {"rejected"}
    assert list(frame.columns[:4]) == ["file", "unit", "status", "code"]


def test_check_command_table_json_and_exit_code(inbox: Path) -> None:
    out = io.StringIO()
    assert main(["check", str(SEED_003), str(inbox)], out=out) == 1
    text = out.getvalue()
    assert "25 tệp: 20 được nhận, 5 bị trả lại" in text
    assert "F14 LỖI: Điểm 6 vượt điểm tối đa 4" in text

    out = io.StringIO()
    assert main(["check", str(SEED_003), str(inbox), "--json", "--lang", "en"], out=out) == 1
    document = json.loads(out.getvalue())
    paths = [f["path"] for f in document["files"]]
    assert len(paths) == len(set(paths)) == 25
    statuses = [f["status"] for f in document["files"]]
    assert statuses.count("accepted") == 20 and statuses.count("rejected") == 5
    accepted = next(f for f in document["files"] if f["status"] == "accepted")
    assert set(accepted["scores"]) >= {"total", "sections"}
    assert (
        set(accepted["scores"]["sections"]) == {"I", "II", "III", "IV", "V"}
        or accepted["scores"]["sections"]
    )
    bad = next(f for f in document["files"] if f["path"].endswith("bad-value_over_max.xlsx"))
    issue = next(i for i in bad["issues"] if i["code"] == "value_over_max")
    assert issue == {
        "code": "value_over_max",
        "severity": "error",
        "sheet": SCORECARD_SHEET,
        "cell": "F14",
        "criterion": "I.5",
        "value": "6",
        "message": issue["message"],
    }
    assert issue["message"].startswith("6 points exceed the maximum 4")


def test_feedback_copies_mark_the_cells_to_fix(inbox: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    feedback = tmp_path / "phan-hoi"
    assert main(["check", str(SEED_003), str(inbox), "--feedback", str(feedback)], out=out) == 1
    written = sorted(p.name for p in feedback.iterdir())
    assert len(written) == 5, written  # the 5 bad files; lateness alone needs no copy
    copy = openpyxl.load_workbook(feedback / "bad-value-over-max-phan-hoi.xlsx")
    sheet = copy[SCORECARD_SHEET]
    assert sheet["F14"].value == 6  # the unit's own value, as typed
    assert sheet["F14"].comment is not None and "vượt điểm tối đa" in sheet["F14"].comment.text
    issues = copy["Lỗi cần sửa"]
    assert issues["A1"].value == "STT" and "vượt điểm tối đa" in str(issues["E2"].value)
    assert copy["_thidua"].sheet_state == "veryHidden"
    unreadable = openpyxl.load_workbook(feedback / "bad-file-truncated-phan-hoi.xlsx")
    assert unreadable.sheetnames == ["Lỗi cần sửa"]
    assert "bị hỏng" in str(unreadable["Lỗi cần sửa"]["E2"].value)


def test_check_fails_clearly_without_an_inbox(tmp_path: Path) -> None:
    for target in (tmp_path / "khong-co", tmp_path):
        completed = subprocess.run(
            [sys.executable, "-m", "thidua_xlsx", "check", str(SEED_003), str(target)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        assert completed.returncode == 2
        assert "Traceback" not in completed.stderr
        assert completed.stderr.strip().count("\n") == 0  # one sentence
    assert "Không có tệp nào" in completed.stderr


def test_progress_bar_only_on_a_terminal() -> None:
    from thidua_xlsx.faces.progress import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet, loud = io.StringIO(), Terminal()
    for stream in (quiet, loud):
        bar = ProgressBar(stream, "Đang kiểm tra")
        for done in range(1, 41):
            bar(done, 40)
    assert quiet.getvalue() == ""
    assert "Đang kiểm tra" in loud.getvalue() and loud.getvalue().endswith("40/40\n")
