"""Statuses kept in a roll-up (issue 15): a ward whose card its cluster rejected, or whose card
came back blank there (both typed and saved in LibreOffice), is shown by the town as
rejected at the level below, naming the cluster's summary and who issued it, never as a
unit that sent nothing; two levels up it still names where it was rejected; its own newer
card sent up directly still wins. Summaries written before these rows existed still read."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.core.model import Method
from thidua_xlsx.core.submissions import SubmissionStatus
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET, plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary import writer as summary_writer
from thidua_xlsx.summary.writer import (
    MISSING_SHEET,
    RANKING_HEADER_ROW,
    RANKING_SHEET,
    write_summary,
)

from conftest import SEED_003
from fill_helpers import valid_fill
from libreoffice import run_uno

pytestmark = pytest.mark.libreoffice

ON_TIME = datetime(2024, 9, 25, 8, 0, tzinfo=UTC)
CLUSTER = "Cụm 1 - Phường"
BLANK = "P-ANPHU"  # sent its blank card back, saved by LibreOffice as .xls
WRONG = "P-CHILANG"  # typed «nhiều» where a number belongs, in LibreOffice
BELOW = {BLANK: "blank", WRONG: "rejected"}


@pytest.fixture(scope="module")
def cluster_inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cluster's wards: five filled cards, one blank and one with a word for a number."""
    import os
    import shutil

    if shutil.which("soffice") is None:  # as the soffice fixture (module scope comes first)
        message = "LibreOffice (soffice) is not installed; run python3 tests/run_suite.py"
        if os.environ.get("CI") or os.environ.get("THIDUA_REQUIRE_LIBREOFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    work = tmp_path_factory.mktemp("cluster")
    inbox = work / "inbox"
    inbox.mkdir()
    campaign = load_campaign(SEED_003)
    documents = []
    for seed, ward in enumerate(campaign.children_units("TXTB")):
        if ward.cluster != CLUSTER:
            continue
        layout = plan_card(campaign, ward)
        values, inputs = valid_fill(layout, seed)
        name = scorecard_filename(ward)
        if ward.code == BLANK:
            write_scorecard(work / name, layout)
            save = inbox / f"{Path(name).stem}.xls"
            documents.append(_typed(work / name, {}, save))
        elif ward.code == WRONG:
            write_scorecard(work / name, layout)
            number = next(c for c in layout.criteria if c.is_leaf and c.method is not Method.DAT)
            cells = {
                layout.cell(code, column): float(v) if isinstance(v, Decimal) else v
                for (code, column), v in values.items()
            }
            cells[layout.cell(number.code, "result")] = "nhiều"
            documents.append(_typed(work / name, cells, inbox / name))
        else:
            write_scorecard(inbox / name, layout, values, inputs, generated_at=ON_TIME)  # type: ignore[arg-type]
    run_uno({"documents": documents}, work / "uno")
    return inbox


def _typed(source: Path, cells: dict[str, object], target: Path) -> dict[str, object]:
    return {
        "source": str(source),
        "sheet": SCORECARD_SHEET,
        "fills": [{"cells": cells, "save_as": [str(target)]}],
    }


@pytest.fixture(scope="module")
def town_inbox(cluster_inbox: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cluster's summary, as the town receives it."""
    campaign = load_campaign(SEED_003)
    report = merge_rank(campaign, [cluster_inbox], cluster=CLUSTER)
    status = {u.unit: u.status.value for u in report.completeness.units}
    assert {code: status[code] for code in BELOW} == BELOW
    town = tmp_path_factory.mktemp("town")
    write_summary(town / "tong-hop-cum-1.xlsx", report)
    return town


def test_a_unit_rejected_below_is_shown_above_as_rejected_below(
    soffice: str, town_inbox: Path, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)
    report = merge_rank(campaign, [town_inbox])
    status = {u.unit: u.status for u in report.completeness.units}
    for code in BELOW:
        assert status[code] is SubmissionStatus.REJECTED_BELOW
        assert code not in report.completeness.missing
        assert report.place(code) is None
    assert len(report.ranking) == 5
    # the unit's file names the lower summary; its issue says who rejected it and why
    for code, was in BELOW.items():
        submission = report.submission(code)
        assert submission is not None and submission.result is not None
        assert submission.result.name.startswith("tong-hop-cum-1.xlsx › ")
        [issue] = submission.result.issues
        assert issue.code == "unit_rejected_below"
        assert issue.params["status"] == was and issue.params["lower"] == "tong-hop-cum-1.xlsx"
        assert issue.params["lower_unit"] == f"Thị xã Tịnh Biên ({CLUSTER})"
        expected = "card_blank" if was == "blank" else "value_not_number"
        assert issue.params["codes"] == expected
        assert "ở cấp dưới" in issue.message("vi") and "level below" in issue.message("en")
    line = report.summary_line()
    assert "0 bị trả lại, 2 bị trả lại ở cấp dưới, 7 chưa nộp" in line
    assert "2 rejected at the level below" in report.summary_line("en")
    document = report.to_json()
    units = {u["unit"]: u["status"] for u in document["units"]}
    assert {code: units[code] for code in BELOW} == dict.fromkeys(BELOW, "rejected_below")
    assert not set(BELOW) & set(document["missing"])
    # the town's summary: ranking, notes and the sheet of units not counted
    summary = tmp_path / "tong-hop-thi-xa.xlsx"
    write_summary(summary, report)
    book = openpyxl.load_workbook(summary, read_only=True)
    sheet = book[RANKING_SHEET]
    header = next(sheet.iter_rows(min_row=RANKING_HEADER_ROW + 1, values_only=True))
    rows = sheet.iter_rows(min_row=RANKING_HEADER_ROW + 2, values_only=True)
    cells = {r[1]: dict(zip(header, r, strict=True)) for r in rows}
    for code in BELOW:
        assert cells[code]["Tình trạng"] == "bị trả lại ở cấp dưới"
        assert "tong-hop-cum-1.xlsx của Thị xã Tịnh Biên" in cells[code]["Ghi chú"]
        assert cells[code]["Hạng"] is None
    assert "gửi phiếu trống ở cấp dưới" in cells[BLANK]["Ghi chú"]
    listed = {r[0]: r[3] for r in book[MISSING_SHEET].iter_rows(min_row=2, values_only=True)}
    assert {code: listed[code] for code in BELOW} == dict.fromkeys(BELOW, "bị trả lại ở cấp dưới")
    assert sum(1 for s in listed.values() if s == "chưa nộp") == 7
    # the console and --json of `thidua merge`
    out = io.StringIO()
    argv = ["merge", str(SEED_003), str(town_inbox), "-o", str(tmp_path / "cli.xlsx")]
    assert main(argv, out=out) == 0
    assert "2 bị trả lại ở cấp dưới" in out.getvalue()
    assert "[unit_rejected_below]" in out.getvalue()
    out = io.StringIO()
    main([*argv, "--json"], out=out)
    said = {u["unit"]: u["status"] for u in json.loads(out.getvalue())["units"]}
    assert said[BLANK] == said[WRONG] == "rejected_below"


def test_two_levels_up_it_still_names_where_it_was_rejected(
    soffice: str, town_inbox: Path, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)
    town = merge_rank(campaign, [town_inbox])
    province = tmp_path / "tinh"
    province.mkdir()
    write_summary(province / "tong-hop-thi-xa.xlsx", town)
    # read by another scope (the cluster's lead): the town's own merge would refuse it
    again = merge_rank(campaign, [province], cluster=CLUSTER)
    for code, was in BELOW.items():
        submission = again.submission(code)
        assert submission is not None and submission.result is not None
        assert submission.status is SubmissionStatus.REJECTED_BELOW
        [issue] = submission.result.issues
        assert issue.params["status"] == was
        assert issue.params["lower"] == "tong-hop-cum-1.xlsx"  # where it was, not the town's
        assert submission.result.path.name == "tong-hop-thi-xa.xlsx"


def test_a_newer_card_sent_up_directly_supersedes_the_rejection_below(
    soffice: str, town_inbox: Path, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)
    ward = campaign.unit(WRONG)
    layout = plan_card(campaign, ward)
    values, inputs = valid_fill(layout, 3)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in town_inbox.iterdir():
        (inbox / path.name).write_bytes(path.read_bytes())
    newer = datetime.now(UTC)
    write_scorecard(inbox / "sua-lai.xlsx", layout, values, inputs, generated_at=newer)  # type: ignore[arg-type]
    report = merge_rank(campaign, [inbox])
    submission = report.submission(WRONG)
    assert submission is not None and submission.status is not SubmissionStatus.REJECTED_BELOW
    assert report.place(WRONG) is not None
    assert next(f.name for f in submission.superseded).startswith("tong-hop-cum-1.xlsx › ")


def test_a_summary_without_rejected_rows_reads_as_before(
    soffice: str, cluster_inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A summary written before rejected units were carried (no «TRẢ LẠI» rows): its ranked
    units read the same, and the units it did not count are missing above, as they were."""
    campaign = load_campaign(SEED_003)
    report = merge_rank(campaign, [cluster_inbox], cluster=CLUSTER)
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    write_summary(new / "tong-hop.xlsx", report)
    monkeypatch.setattr(summary_writer, "_returned_row", lambda *args: None)
    write_summary(old / "tong-hop.xlsx", report)
    monkeypatch.undo()
    before, after = merge_rank(campaign, [old]), merge_rank(campaign, [new])
    assert [(r.unit, r.total, r.rank) for r in before.ranking] == [
        (r.unit, r.total, r.rank) for r in after.ranking
    ]
    for code in BELOW:
        assert before.submission(code).status is SubmissionStatus.MISSING  # type: ignore[union-attr]
        assert after.submission(code).status is SubmissionStatus.REJECTED_BELOW  # type: ignore[union-attr]
