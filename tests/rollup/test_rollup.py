"""Roll-up: a summary is read back as an input of the next level. Each cluster's lead ward
ranks its cluster; the town ranks all wards from the two cluster summaries and gets the same
totals and ranks as from the wards' own cards. Also: a sector scoring outside its
responsibility, the signed print copy, and summaries that cannot be used."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.checking.run import issues_frame
from thidua_xlsx.faces.cli import main
from thidua_xlsx.intake.reader import read_returned_file
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.rollup.codec import text_check
from thidua_xlsx.rollup.data_sheet import DATA_SHEET
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import PRINT_SHEET, RANKING_SHEET, write_summary

from conftest import SEED_003
from fill_helpers import valid_fill

ON_TIME = datetime(2024, 9, 25, 8, 0, tzinfo=UTC)
LATE = datetime(2024, 10, 3, 9, 30, tzinfo=UTC)
CLUSTERS = ("Cụm 1 - Phường", "Cụm 2 - Xã")


@pytest.fixture(scope="module")
def wards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All 14 wards' cards except X-VINHTRUNG's; An Phú and Chi Lăng tie; Tân Lập is late."""
    folder = tmp_path_factory.mktemp("wards")
    campaign = load_campaign(SEED_003)
    for seed, ward in enumerate(campaign.children_units("TXTB")):
        if ward.code == "X-VINHTRUNG":
            continue
        layout = plan_card(campaign, ward)
        values, inputs = valid_fill(layout, 77 if ward.code in ("P-ANPHU", "P-CHILANG") else seed)
        stamp = LATE if ward.code == "X-TANLAP" else ON_TIME
        write_scorecard(
            folder / scorecard_filename(ward), layout, values, inputs, generated_at=stamp
        )  # type: ignore[arg-type]
    return folder


@pytest.fixture(scope="module")
def cluster_summaries(wards: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each cluster's lead ward ranks its own members from the same inbox."""
    town = tmp_path_factory.mktemp("town")
    campaign = load_campaign(SEED_003)
    for index, cluster in enumerate(CLUSTERS, start=1):
        report = merge_rank(campaign, [wards], cluster=cluster)
        assert {u.unit for u in report.completeness.units} == {
            u.code for u in campaign.children_units("TXTB") if u.cluster == cluster
        }
        write_summary(town / f"tong-hop-cum-{index}.xlsx", report)
    return town


def test_the_town_ranks_the_wards_from_the_cluster_summaries(
    wards: Path, cluster_summaries: Path
) -> None:
    campaign = load_campaign(SEED_003)
    direct = merge_rank(campaign, [wards])
    rolled = merge_rank(campaign, [cluster_summaries])
    assert rolled.exit_code == 0
    # the same units, totals, ranks, cluster ranks and bands as from the cards themselves
    as_tuple = [(r.unit, r.total, r.rank, r.cluster_rank, r.band) for r in direct.ranking]
    assert [(r.unit, r.total, r.rank, r.cluster_rank, r.band) for r in rolled.ranking] == as_tuple
    assert len(rolled.ranking) == 13
    tied = {r.unit: r.rank for r in rolled.ranking if r.unit in ("P-ANPHU", "P-CHILANG")}
    assert len(set(tied.values())) == 1  # đồng hạng survives the roll-up
    statuses = {u.unit: u.status.value for u in rolled.completeness.units}
    assert statuses["X-TANLAP"] == "late" and statuses["X-VINHTRUNG"] == "missing"
    assert rolled.completeness.missing == ("X-VINHTRUNG",)
    # every input file accounted for once: the two summaries; each unit knows its source file
    accounted = sorted(f.path.name for f in rolled.completeness.accounted_files())
    assert accounted == ["tong-hop-cum-1.xlsx", "tong-hop-cum-2.xlsx"]
    anphu = next(u for u in rolled.completeness.units if u.unit == "P-ANPHU")
    assert anphu.result is not None
    assert anphu.result.name == "tong-hop-cum-1.xlsx › P-ANPHU-ubnd-phuong-an-phu.xlsx"
    # the detail (criterion × unit) equals what the cards gave
    for ranked in direct.ranking:
        direct_card, rolled_card = direct.card(ranked.unit), rolled.card(ranked.unit)
        assert direct_card is not None and rolled_card is not None
        assert rolled_card.final_nodes == direct_card.final_nodes


def test_a_summary_of_summaries_reads_back_at_any_depth(
    wards: Path, cluster_summaries: Path, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)
    town = merge_rank(campaign, [cluster_summaries])
    province = tmp_path / "tinh"
    province.mkdir()
    write_summary(province / "tong-hop-thi-xa.xlsx", town)
    # read by another scope (one cluster's lead): the town's own merge would reject its summary
    again = merge_rank(campaign, [province], cluster=CLUSTERS[1])
    direct = merge_rank(campaign, [wards], cluster=CLUSTERS[1])
    assert [(r.unit, r.total, r.rank) for r in again.ranking] == [
        (r.unit, r.total, r.rank) for r in direct.ranking
    ]
    assert len(again.ranking) > 1
    carried = next(u for u in again.completeness.units if u.unit == "X-ANHAO").result
    assert carried is not None and carried.source == "X-ANHAO-ubnd-xa-an-hao.xlsx"


def test_a_newer_card_supersedes_the_unit_carried_by_a_summary(
    cluster_summaries: Path, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    summary = inbox / "tong-hop-cum-2.xlsx"
    summary.write_bytes((cluster_summaries / "tong-hop-cum-2.xlsx").read_bytes())
    ward = campaign.unit("X-ANHAO")
    layout = plan_card(campaign, ward)
    values, inputs = valid_fill(layout, 4242)
    newer = inbox / scorecard_filename(ward)
    write_scorecard(newer, layout, values, inputs, generated_at=datetime(2024, 9, 30, tzinfo=UTC))  # type: ignore[arg-type]
    report = merge_rank(campaign, [inbox])  # the cluster's summary, read by the town
    anhao = next(u for u in report.completeness.units if u.unit == "X-ANHAO")
    assert anhao.result is not None and anhao.result.path == newer
    assert [f.name for f in anhao.superseded] == ["tong-hop-cum-2.xlsx › " + newer.name]
    card = check_file(campaign, newer).card
    assert card is not None and report.card("X-ANHAO") == card
    accounted = sorted(f.path.name for f in report.completeness.accounted_files())
    assert accounted == sorted([summary.name, newer.name])


def test_unusable_summaries_are_rejected_with_their_code(
    cluster_summaries: Path, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # the hidden data sheet deleted in Excel
    book = openpyxl.load_workbook(cluster_summaries / "tong-hop-cum-1.xlsx")
    del book[DATA_SHEET]
    book.save(inbox / "mat-du-lieu.xlsx")
    # a carried value forged in the hidden sheet, checksum and all: it is checked again, and
    # the re-scored total disagrees with the carried one
    book = openpyxl.load_workbook(cluster_summaries / "tong-hop-cum-2.xlsx")
    cell = _edit_carried(book, "I.5", "result", 99, forge=True)
    book.save(inbox / "sua-du-lieu.xlsx")
    # a carried unit's text cut short, and another's edited by hand: those two units are
    # rejected whole, the others still count
    book = openpyxl.load_workbook(cluster_summaries / "tong-hop-cum-1.xlsx")
    edited_at = _edit_carried(book, "I.5", "result", 3, unit="P-CHILANG")
    cut = next(r[8] for r in book[DATA_SHEET].iter_rows() if r[1].value == "P-ANPHU")
    cut.value = str(cut.value)[:-9]
    (tmp_path / "inbox2").mkdir()
    book.save(tmp_path / "inbox2" / "hong-du-lieu.xlsx")
    report = merge_rank(campaign, [inbox])
    by_name = {f.path.name: f for f in report.check.files}
    missing_data = by_name["mat-du-lieu.xlsx"]
    assert not missing_data.accepted
    assert [i.code for i in missing_data.issues] == ["summary_data_missing"]
    edited = by_name["sua-du-lieu.xlsx"]
    assert edited.is_summary and edited.accepted  # the summary itself is fine …
    bad = [m for m in edited.members if not m.accepted]
    assert len(bad) == 1  # … one carried unit is not
    assert {i.code for i in bad[0].issues} >= {"value_over_max", "cached_total_mismatch"}
    assert bad[0].issues[0].sheet == DATA_SHEET and bad[0].issues[0].cell == cell
    statuses = {u.unit: u.status.value for u in report.completeness.units}
    assert statuses[bad[0].unit or ""] == "rejected"
    assert all(statuses[u.code] == "missing" for u in campaign.children_units("TXTB")[:3])
    report = merge_rank(campaign, [tmp_path / "inbox2"])  # the cluster's summary, at the town
    damaged = report.check.files[0]
    rejected = {m.unit: m.issues for m in damaged.members if not m.accepted}
    assert damaged.accepted and set(rejected) == {"P-ANPHU", "P-CHILANG"}
    assert [(i.code, i.cell) for i in rejected["P-ANPHU"]] == [
        ("summary_data_damaged", cut.coordinate)
    ]
    assert [(i.code, i.cell) for i in rejected["P-CHILANG"]] == [
        ("summary_data_damaged", edited_at)
    ]
    statuses = {u.unit: u.status.value for u in report.completeness.units if u.result}
    assert statuses.pop("P-ANPHU") == statuses.pop("P-CHILANG") == "rejected"
    assert set(statuses.values()) == {"accepted"}


def _edit_carried(
    book: openpyxl.Workbook,
    criterion: str,
    column: str,
    value: object,
    unit: str = "",
    forge: bool = False,
) -> str:
    """Change one carried input in a summary's data sheet, as someone editing the hidden
    text by hand would (the first unit with ``criterion`` entered, or ``unit``'s); ``forge``
    also rewrites the checksum beside it."""
    for row in book[DATA_SHEET].iter_rows():
        carried = json.loads(str(row[8].value)) if row[0].value == "ĐƠN VỊ" else {}
        if criterion in carried and unit in ("", row[1].value):
            carried[criterion][{"result": "F"}[column]] = value  # the card's column letter
            row[8].value = json.dumps(carried, ensure_ascii=False)
            if forge:
                row[7].value = text_check(str(row[1].value), row[8].value)
            return str(row[8].coordinate)
    raise AssertionError(f"no unit carries {criterion}")


def test_merge_json_lists_the_units_a_summary_carries(cluster_summaries: Path) -> None:
    out = io.StringIO()
    target = cluster_summaries.parent / "tinh.xlsx"
    code = main(
        ["merge", str(SEED_003), str(cluster_summaries), "-o", str(target), "--json"], out=out
    )
    assert code == 0 and target.exists()
    document = json.loads(out.getvalue())
    kinds = [f.get("kind") for f in document["files"]]
    assert kinds == ["summary", "summary"]
    units = [u["unit"] for f in document["files"] for u in f["units"]]
    assert len(units) == 13 and "X-VINHTRUNG" not in units
    assert all(u["source"].endswith(".xlsx") for f in document["files"] for u in f["units"])
    assert document["missing"] == ["X-VINHTRUNG"]


def test_an_unknown_cluster_is_one_sentence_and_exit_2(wards: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    code = main(
        ["merge", str(SEED_003), str(wards), "-o", str(tmp_path / "x.xlsx"), "--cluster", "Cụm 9"],
        out=out,
    )
    assert code == 2
    text = out.getvalue()
    assert "Không có cụm thi đua «Cụm 9»" in text and "Cụm 1 - Phường" in text
    assert "Traceback" not in text and not (tmp_path / "x.xlsx").exists()


def test_the_print_copy_carries_the_signature_block(cluster_summaries: Path) -> None:
    book = openpyxl.load_workbook(cluster_summaries / "tong-hop-cum-1.xlsx")
    assert book.sheetnames[:2] == [PRINT_SHEET, RANKING_SHEET]
    assert book.active is not None and book.active.title == PRINT_SHEET
    printed = book[PRINT_SHEET]
    texts = {c.value for row in printed.iter_rows() for c in row if isinstance(c.value, str)}
    assert {"NGƯỜI LẬP BIỂU", "(Ký tên, đóng dấu)", "Nơi nhận:", "- Lưu: VT."} <= texts
    assert any(t.startswith("TM. ") for t in texts)
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA" in texts
    assert any(t.endswith("— Cụm 1 - Phường") for t in texts)
    ranking = book[RANKING_SHEET]
    assert not any(c.value == "NGƯỜI LẬP BIỂU" for row in ranking.iter_rows() for c in row)
    assert book[DATA_SHEET].sheet_state == "veryHidden"


def test_a_sector_scoring_outside_its_responsibility_is_reported_not_counted(
    tmp_path: Path,
) -> None:
    campaign = load_campaign(SEED_003)
    sector = campaign.unit("NH-CA")
    layout = plan_card(campaign, sector)
    values, inputs = valid_fill(layout, 5)
    path = tmp_path / scorecard_filename(sector)
    write_scorecard(path, layout, values, inputs)  # type: ignore[arg-type]
    foreign = next(c for c in campaign.leaves if c.code not in layout.rows)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    last = layout.rows[layout.criteria[-1].code] + 1  # 1-based row of the last criterion
    sheet.insert_rows(last + 1)
    sheet.cell(last + 1, 1, foreign.code)
    sheet.cell(last + 1, 6, float(foreign.max_points))
    book.save(path)
    result = check_file(campaign, path)
    found = [i for i in result.issues if i.code == "outside_responsibility"]
    assert len(found) == 1 and found[0].criterion == foreign.code
    assert found[0].cell == f"F{last + 1}"
    assert "không thuộc trách nhiệm" in found[0].message()
    assert result.card is not None and foreign.code not in result.inputs
    assert result.card.self_nodes.get(foreign.code, Decimal(0)) == 0


def test_feedback_for_a_unit_carried_by_a_summary(cluster_summaries: Path, tmp_path: Path) -> None:
    from thidua_xlsx.checking.run import run_check
    from thidua_xlsx.scorecard.feedback import write_feedback

    book = openpyxl.load_workbook(cluster_summaries / "tong-hop-cum-1.xlsx")
    _edit_carried(book, "I.5", "result", "mười", unit="P-ANPHU", forge=True)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    book.save(inbox / "tong-hop-cum-1.xlsx")
    report = run_check(load_campaign(SEED_003), [inbox])
    written = write_feedback(report, tmp_path / "phan-hoi")
    assert [p.name for p in written] == ["p-anphu-ubnd-phuong-an-phu-phan-hoi.xlsx"]
    assert "value_not_number" in issues_frame(report)["code"].tolist()
    copy = openpyxl.load_workbook(written[0])
    # the carried cells are on the summary's data sheet: no comment lands on the card's own
    # cells (the header, once), and the issues sheet lists the problem
    assert not [c for row in copy.worksheets[0].iter_rows() for c in row if c.comment]
    listed = [c.value for s in copy.worksheets[1:] for row in s.iter_rows() for c in row]
    assert "value_not_number" in listed
    assert "  ✘ tong-hop-cum-1.xlsx › P-ANPHU-ubnd-phuong-an-phu.xlsx" in report.table()


def test_a_units_own_verification_column_never_counts_nor_travels_up(tmp_path: Path) -> None:
    """Verification belongs to the upper level: values a unit typed in its card's Điểm thẩm
    định column are reported, count nowhere, and are not carried up by the summary."""
    from thidua_xlsx.summary.writer import VERIFIED_SHEET

    campaign = load_campaign(SEED_003)
    inbox, plain = tmp_path / "inbox", tmp_path / "plain"
    inbox.mkdir()
    plain.mkdir()
    for seed, ward in enumerate(campaign.children_units("TXTB")[:3]):
        layout = plan_card(campaign, ward)
        values, inputs = valid_fill(layout, seed)
        write_scorecard(
            inbox.parent / "plain" / scorecard_filename(ward),
            layout,
            values,
            inputs,
            generated_at=ON_TIME,
        )  # type: ignore[arg-type]
        verified = {}
        if ward.code == "P-ANPHU":  # the unit "verifies" itself: the maximum everywhere
            verified = {leaf.code: leaf.max_points for leaf in layout.criteria if leaf.is_leaf}
            for code, points in verified.items():
                values[(code, "verified")] = points
        write_scorecard(
            inbox / scorecard_filename(ward),
            layout,
            values,  # type: ignore[arg-type]
            inputs,
            verified=verified,
            generated_at=ON_TIME,
        )
    report = merge_rank(campaign, [inbox])
    honest = merge_rank(campaign, [plain])
    card = report.card("P-ANPHU")
    assert card is not None and card.total == card.self_total
    assert card == honest.card("P-ANPHU")
    assert [(r.unit, r.rank, r.band, r.total) for r in report.ranking] == [
        (r.unit, r.rank, r.band, r.total) for r in honest.ranking
    ]
    result = report.submission("P-ANPHU").result  # type: ignore[union-attr]
    assert result is not None and result.accepted and not result.verified
    warned = [i for i in result.issues if i.code == "verified_in_unit_file"]
    layout = plan_card(campaign, campaign.unit("P-ANPHU"))
    leaves = [c.code for c in layout.criteria if c.is_leaf]
    assert [(i.cell, i.criterion) for i in warned] == [
        (layout.cell(code, "verified"), code) for code in leaves
    ]
    out = tmp_path / "tong-hop.xlsx"
    write_summary(out, report)
    book = openpyxl.load_workbook(out)
    assert VERIFIED_SHEET not in book.sheetnames
    notes = [c.value for row in book[RANKING_SHEET].iter_rows() for c in row]
    assert not any(isinstance(n, str) and "thẩm định" in n for n in notes)
    # carried up by the summary: the unit's own entries only, never its verification column
    again = merge_rank(campaign, [out], cluster=CLUSTERS[0])
    assert again.card("P-ANPHU") == card
    carried = again.submission("P-ANPHU").result  # type: ignore[union-attr]
    assert carried is not None and not any(
        i.code == "verified_in_unit_file" for i in carried.issues
    )


def test_a_large_summary_goes_on_over_more_sheets_and_loses_nothing(
    wards: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel stops at 1,048,576 rows and 16,384 columns (and XlsxWriter silently drops what
    lies beyond): data and detail continue on further sheets. Tried here with small limits."""
    from thidua_xlsx.summary import writer as summary_writer

    monkeypatch.setattr(summary_writer, "MAX_DATA_ROWS", 5)
    monkeypatch.setattr(summary_writer, "MAX_DETAIL_UNITS", 5)
    campaign = load_campaign(SEED_003)
    report = merge_rank(campaign, [wards])
    out = tmp_path / "lon.xlsx"
    write_summary(out, report)
    book = openpyxl.load_workbook(out)
    data = [n for n in book.sheetnames if n.startswith(DATA_SHEET)]
    assert len(data) >= 3 and data[:2] == [DATA_SHEET, f"{DATA_SHEET}_2"]
    assert all(book[n].max_row <= 5 for n in data)
    details = [n for n in book.sheetnames if n.startswith("Chi tiết tiêu chí")]
    assert details == ["Chi tiết tiêu chí", "Chi tiết tiêu chí (2)", "Chi tiết tiêu chí (3)"]
    in_detail = [book[n].cell(1, col).value for n in details for col in range(4, 9)]
    assert [u for u in in_detail if u] == [r.unit for r in report.ranking]
    for cluster in CLUSTERS:  # read by each cluster (the town's own merge rejects it)
        again = merge_rank(campaign, [out], cluster=cluster)
        direct = merge_rank(campaign, [wards], cluster=cluster)
        assert [(r.unit, r.total, r.rank) for r in again.ranking] == [
            (r.unit, r.total, r.rank) for r in direct.ranking
        ]
    assert {m.sheet for m in read_returned_file(out).members} == set(data)


def test_long_pasted_text_reaches_the_next_level_whole(tmp_path: Path) -> None:
    """Evidence pasted with 𝐁𝐨𝐥𝐝 letters (two UTF-16 units each, as Excel counts them): the
    summary carries every character, and the next level scores the same card."""
    campaign = load_campaign(SEED_003)
    ward = campaign.unit("P-ANPHU")
    layout = plan_card(campaign, ward)
    values, inputs = valid_fill(layout, 5)
    styled = "𝐁𝐢𝐞̂𝐧 𝐛𝐚̉𝐧 " * 150  # 1,650 characters, 3,000 UTF-16 units
    for code in inputs:
        values[(code, "evidence")] = styled
        inputs[code] = replace(inputs[code], evidence=styled)
    inbox = tmp_path / "inbox"
    write_scorecard(inbox / scorecard_filename(ward), layout, values, inputs, generated_at=ON_TIME)  # type: ignore[arg-type]
    report = merge_rank(campaign, [inbox])
    card = report.card("P-ANPHU")
    assert card is not None
    write_summary(tmp_path / "tong-hop.xlsx", report)
    again = merge_rank(campaign, [tmp_path / "tong-hop.xlsx"], cluster=CLUSTERS[0])
    carried = again.check.files[0].members[0]
    assert carried.accepted and not [i for i in carried.issues if i.code != "text_too_long"]
    assert again.card("P-ANPHU") == card
    assert {raw.evidence for raw in carried.inputs.values()} == {styled.strip()}


def test_a_number_too_large_for_any_score_is_refused(tmp_path: Path) -> None:
    campaign = load_campaign(SEED_003)
    ward = campaign.unit("P-ANPHU")
    layout = plan_card(campaign, ward)
    values, inputs = valid_fill(layout, 5)
    counted = next(
        c
        for c in layout.criteria
        if c.is_leaf
        and (c.code, "result") in values
        and not isinstance(values[(c.code, "result")], str)
    )
    values[(counted.code, "result")] = "1" + "0" * 30  # typed as text: a number, far too large
    path = tmp_path / scorecard_filename(ward)
    write_scorecard(path, layout, values, inputs, generated_at=ON_TIME)  # type: ignore[arg-type]
    result = check_file(campaign, path)
    found = [i for i in result.issues if i.code == "value_too_large"]
    assert [(i.criterion, i.cell) for i in found] == [
        (counted.code, f"F{layout.rows[counted.code] + 1}")
    ]
    assert not result.accepted
