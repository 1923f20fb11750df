"""``merge --mode rank``: ranks equal an independent computation (ties included), each unit's
newest file counts, every file is accounted for, the summary reads back as a clean table."""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import RANKING_HEADER_ROW, RANKING_SHEET, write_summary

from conftest import ROOT, SEED_003
from fill_helpers import valid_fill


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10 wards' cards; a ward that sent twice; two wards with the same entries (a tie); a
    rejected card; an unreadable file; 2 wards that sent nothing."""
    folder = tmp_path_factory.mktemp("wards")
    campaign = load_campaign(SEED_003)
    wards = campaign.children_units("TXTB")
    early, late = datetime(2024, 9, 20, tzinfo=UTC), datetime(2024, 9, 28, tzinfo=UTC)
    for seed, ward in enumerate(wards[:11]):
        layout = plan_card(campaign, ward)
        values, inputs = valid_fill(layout, 100 if ward.code in ("P-ANPHU", "P-CHILANG") else seed)
        name = scorecard_filename(ward)
        if ward.code == "X-ANCU":  # rejected: a score over its maximum
            values[("I.5", "result")] = Decimal(9)
        write_scorecard(folder / name, layout, values, inputs, generated_at=late)  # type: ignore[arg-type]
        if ward.code == "P-NUIVOI":  # an older file of the same ward, superseded
            old_values, old_inputs = valid_fill(layout, 999)
            write_scorecard(
                folder / f"cu-{name}",
                layout,
                old_values,
                old_inputs,  # type: ignore[arg-type]
                generated_at=early,
            )
    shutil.copyfile(ROOT / "tests" / "files" / "file_truncated.xlsx", folder / "=cmd-hong.xlsx")
    return folder


def test_ranks_equal_an_independent_computation(inbox: Path) -> None:
    campaign = load_campaign(SEED_003)
    report = merge_rank(campaign, [inbox])
    assert report.parent is not None and report.parent.code == "TXTB"
    statuses = {u.unit: u.status.value for u in report.completeness.units}
    assert len(statuses) == 14
    assert statuses["X-ANCU"] == "rejected"
    assert sorted(u for u, s in statuses.items() if s == "missing") == [
        "X-TANLOI",
        "X-VANGIAO",
        "X-VINHTRUNG",
    ]
    nuivoi = next(u for u in report.completeness.units if u.unit == "P-NUIVOI")
    assert nuivoi.result is not None and not nuivoi.result.path.name.startswith("cu-")
    assert [f.path.name for f in nuivoi.superseded] == ["cu-P-NUIVOI-ubnd-phuong-nui-voi.xlsx"]
    # every file accounted for exactly once
    accounted = sorted(f.path.name for f in report.completeness.accounted_files())
    assert accounted == sorted(p.name for p in inbox.iterdir())
    # independent ranking: total, then section II, then fewer deductions (V); 1, 2, 2, 4
    counted = {u.unit: u.result.card for u in report.completeness.counted if u.result}
    keys = {
        u: (c.total, c.final_nodes["II"], -c.final_nodes["V"])
        for u, c in counted.items()
        if c is not None
    }
    expected = {u: 1 + sum(1 for other in keys.values() if other > key) for u, key in keys.items()}
    got = {r.unit: r.rank for r in report.ranking}
    assert got == expected
    assert got["P-ANPHU"] == got["P-CHILANG"]  # the same entries: đồng hạng
    tied = {r.unit for r in report.ranking if r.tied}
    assert {"P-ANPHU", "P-CHILANG"} <= tied
    assert "11/14 đơn vị đã nộp" in report.summary_line()


def test_summary_reads_back_as_a_clean_table(inbox: Path, tmp_path: Path) -> None:
    campaign = load_campaign(SEED_003)
    report = merge_rank(campaign, [inbox])
    out = tmp_path / "tong-hop.xlsx"
    write_summary(out, report)
    table = pd.read_excel(
        out, sheet_name=RANKING_SHEET, header=RANKING_HEADER_ROW, engine="openpyxl"
    )
    assert len(table) == 14
    assert list(table.columns[:4]) == ["STT", "Mã đơn vị", "Tên đơn vị", "Cụm thi đua"]
    assert {"I", "II", "III", "IV", "V", "Tổng điểm", "Hạng", "Xếp loại"} <= set(table.columns)
    ranked = table.dropna(subset=["Hạng"])
    assert len(ranked) == len(report.ranking) == 10
    assert list(ranked["Hạng"]) == sorted(ranked["Hạng"])
    first = report.ranking[0]
    assert table.loc[0, "Mã đơn vị"] == first.unit
    assert Decimal(str(table.loc[0, "Tổng điểm"])) == first.total
    assert set(table["Tình trạng"]) == {"đã nộp", "bị trả lại", "chưa nộp"}  # saved in time
    book = openpyxl.load_workbook(out)
    assert book["_thidua"].sheet_state == "veryHidden"
    issues = book["Lỗi từng tệp"]
    hostile = [c for row in issues.iter_rows() for c in row if c.value == "=cmd-hong.xlsx"]
    assert hostile and all(c.data_type == "s" for c in hostile)  # text, never a formula
    assert book["Chưa nộp"].max_row == 4


def test_merge_command_json(inbox: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    target = tmp_path / "tong-hop.xlsx"
    code = main(["merge", str(SEED_003), str(inbox), "-o", str(target), "--json"], out=out)
    assert code == 1 and target.exists()
    document = json.loads(out.getvalue())
    assert document["missing"] == ["X-TANLOI", "X-VANGIAO", "X-VINHTRUNG"]
    assert [r["rank"] for r in document["ranking"]] == sorted(
        r["rank"] for r in document["ranking"]
    )
    assert document["superseded"][0]["unit"] == "P-NUIVOI"
    assert len(document["files"]) == 13
    compose = main(
        ["merge", str(SEED_003), str(inbox), "-o", str(target), "--mode", "compose"],
        out=io.StringIO(),
    )
    assert compose == 2
