"""Verification by the upper level (SPEC §4): ``thidua verify`` writes its own protected
workbook; ``merge --verified`` reads it back through intake, checks it like any input and
applies it. The units' lateness stays their own. (The workbooks are made at test time by
tests/verification_files.py; tests/merge/test_verification_libreoffice.py types one in
LibreOffice.)"""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from verification_files import ON_TIME, WARDS, blank_workbook, cell_of, filled, ward_inbox

from thidua_xlsx import Campaign, load_campaign, merge_rank, plan_verification
from thidua_xlsx.core.model import Unit
from thidua_xlsx.core.submissions import SubmissionStatus
from thidua_xlsx.core.vi_text import format_decimal
from thidua_xlsx.faces.cli import main
from thidua_xlsx.scorecard.layout import META_SHEET, plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import ISSUES_SHEET, VERIFIED_SHEET, write_summary
from thidua_xlsx.verification.layout import GUIDE_SHEET, HEADER_ROW, VCOL, VERIFICATION_SHEET
from thidua_xlsx.verification.writer import write_verification_workbook

from conftest import SEED_000, SEED_003
from fill_helpers import valid_fill


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(SEED_003)


@pytest.fixture(scope="module")
def inbox(campaign: Campaign, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ward_inbox(campaign, tmp_path_factory.mktemp("verify") / "inbox")


@pytest.fixture(scope="module")
def blank(campaign: Campaign, inbox: Path) -> Path:
    return blank_workbook(campaign, inbox, inbox.parent / "tham-dinh.xlsx")


def test_verify_lists_each_accepted_unit_with_its_self_scores(
    campaign: Campaign, inbox: Path, blank: Path
) -> None:
    plan = plan_verification(campaign, [inbox])
    assert [u.unit.code for u in plan.units] == list(WARDS)
    report = merge_rank(campaign, [inbox])
    book = openpyxl.load_workbook(blank)
    assert book.sheetnames == [VERIFICATION_SHEET, GUIDE_SHEET, META_SHEET]
    assert book[META_SHEET].sheet_state == "veryHidden"
    sheet = book[VERIFICATION_SHEET]
    listed = {}
    for row in sheet.iter_rows(min_row=HEADER_ROW + 2):
        unit, code = row[VCOL["unit"]].value, row[VCOL["criterion"]].value
        if isinstance(code, str) and row[VCOL["self"]].value is not None:
            listed[(unit, code)] = Decimal(str(row[VCOL["self"]].value))
    for code in WARDS:
        card = report.card(code)
        assert card is not None
        for leaf in campaign.leaves:
            assert listed[(code, leaf.code)] == card.self_nodes[leaf.code]
    assert len(listed) == len(WARDS) * len(campaign.leaves)


def test_the_verification_workbook_is_a_protected_print_ready_form(
    campaign: Campaign, blank: Path
) -> None:
    book = openpyxl.load_workbook(blank)
    sheet = book[VERIFICATION_SHEET]
    assert sheet.protection.sheet
    texts = [c.value for row in sheet.iter_rows(max_row=8) for c in row if c.value]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    assert "BẢNG THẨM ĐỊNH ĐIỂM THI ĐUA" in texts
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == f"${HEADER_ROW + 1}:${HEADER_ROW + 1}"
    fonts = {c.font.name for row in sheet.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}
    cell = cell_of(blank, "P-ANPHU", "II.1.a", "verified")
    reason = cell_of(blank, "P-ANPHU", "II.1.a", "reason")
    own = cell_of(blank, "P-ANPHU", "II.1.a", "self")
    assert not sheet[cell].protection.locked and not sheet[reason].protection.locked
    assert sheet[own].protection.locked
    assert sheet[cell].fill.fgColor.rgb.endswith("FFF2CC")
    (rule,) = [v for v in sheet.data_validations.dataValidation if cell in v.sqref]
    # between (the default operator) 0 and the criterion's maximum
    assert rule.type == "decimal" and rule.operator in (None, "between")
    cap = campaign.criterion("II.1.a").max_points
    assert (rule.formula1, Decimal(rule.formula2)) == ("0", cap)
    guide = " ".join(str(c.value) for row in book[GUIDE_SHEET].iter_rows() for c in row)
    assert "--verified" in guide and "nộp muộn" in guide


def test_merge_verified_applies_the_upper_levels_scores(
    campaign: Campaign, inbox: Path, blank: Path, tmp_path: Path
) -> None:
    plain = merge_rank(campaign, [inbox])
    before = plain.card("P-ANPHU")
    assert before is not None
    own = before.self_nodes["II.1.a"]
    same = before.self_nodes["I.1"]
    workbook = filled(
        blank,
        tmp_path / "tham-dinh-da-dien.xlsx",
        {
            ("P-ANPHU", "II.1.a"): (1, "Không có biên bản kiểm tra"),
            ("P-ANPHU", "I.1"): (float(same), None),  # confirmed: no reason needed
        },
    )
    report = merge_rank(campaign, [inbox], verified=[workbook])
    assert report.exit_code == 0
    assert [v.status for v in report.verification] == ["accepted"]
    card = report.card("P-ANPHU")
    assert card is not None and card.final_nodes["II.1.a"] == Decimal("1.00")
    assert card.self_total == before.self_total
    assert card.total == before.total - own + 1
    ranked = {r.unit: r for r in report.ranking}
    assert ranked["P-ANPHU"].total == card.total
    # the unit's lateness is its own: still on time, whenever the verifier saved
    assert report.submission("P-ANPHU").status is SubmissionStatus.ACCEPTED  # type: ignore[union-attr]
    out = tmp_path / "tong-hop.xlsx"
    write_summary(out, report)
    rows = list(openpyxl.load_workbook(out)[VERIFIED_SHEET].iter_rows(min_row=2, values_only=True))
    assert rows == [
        ("P-ANPHU", "UBND phường An Phú", "I.1", float(same), float(same), 0.0, "", workbook.name),
        (
            "P-ANPHU",
            "UBND phường An Phú",
            "II.1.a",
            float(own),
            1.0,
            1.0 - float(own),
            "Không có biên bản kiểm tra",
            workbook.name,
        ),
    ]
    document = report.to_json()
    applied = document["verification"]["applied"]
    assert {(a["unit"], a["criterion"], a["verified"]) for a in applied} == {
        ("P-ANPHU", "II.1.a", "1.00"),
        ("P-ANPHU", "I.1", str(same)),
    }
    assert next(r for r in document["ranking"] if r["unit"] == "P-ANPHU")["total"] == str(
        card.total
    )


def test_a_later_workbook_wins_a_criterion_verified_twice(
    campaign: Campaign, inbox: Path, blank: Path, tmp_path: Path
) -> None:
    first = filled(blank, tmp_path / "a.xlsx", {("P-ANPHU", "II.1.a"): (1, "Thiếu minh chứng")})
    second = filled(blank, tmp_path / "b.xlsx", {("P-ANPHU", "II.1.a"): (2, "Đã bổ sung")})
    report = merge_rank(campaign, [inbox], verified=[first, second])
    card = report.card("P-ANPHU")
    assert card is not None and card.final_nodes["II.1.a"] == 2
    issues = [(i.code, i.file) for v in report.verification for i in v.issues]
    assert issues == [("verification_twice", str(second))]
    assert report.exit_code == 0


def _meta_edit(book: openpyxl.Workbook) -> None:
    """The hidden listing changed: a self score raised."""
    sheet = book[META_SHEET]
    for row in sheet.iter_rows():
        if row[0].value == "row":
            row[4].value = "99"
            return


def _unit_code_edit(book: openpyxl.Workbook) -> None:
    """A row's unit code changed on the sheet (protection removed)."""
    sheet = book[VERIFICATION_SHEET]
    for row in sheet.iter_rows(min_row=HEADER_ROW + 2):
        if row[VCOL["unit"]].value == "P-CHILANG" and row[VCOL["criterion"]].value == "I.1":
            row[VCOL["unit"]].value = "P-KHAC"
            return


def _error_edit(book: openpyxl.Workbook) -> None:
    """#DIV/0! in a verified cell (as a formula's cached error would leave it)."""
    sheet = book[VERIFICATION_SHEET]
    for row in sheet.iter_rows(min_row=HEADER_ROW + 2):
        if (row[VCOL["unit"]].value, row[VCOL["criterion"]].value) == CELL:
            row[VCOL["verified"]].value = "#DIV/0!"
            row[VCOL["verified"]].data_type = "e"
            return


CELL = ("P-ANPHU", "II.1.a")
# name → (typed, an edit, [(code, column of the cell, criterion)])
BAD: dict[
    str, tuple[dict[tuple[str, str], tuple[object, object]], object, list[tuple[str, str, str]]]
] = {
    "verified_negative": ({CELL: (-1, "Sai")}, None, [("verified_negative", "verified", "II.1.a")]),
    "verified_over_max": ({CELL: (99, "Sai")}, None, [("verified_over_max", "verified", "II.1.a")]),
    "verified_without_reason": (
        {CELL: (1, None)},
        None,
        [("verified_without_reason", "reason", "II.1.a")],
    ),
    "value_not_number": (
        {CELL: ("mười", "Sai")},
        None,
        [("value_not_number", "verified", "II.1.a")],
    ),
    "value_excel_error": ({}, _error_edit, [("value_excel_error", "verified", "II.1.a")]),
    "verification_damaged-listing": ({}, _meta_edit, [("verification_damaged", "", "")]),
    "verification_damaged-row": ({}, _unit_code_edit, [("verification_damaged", "", "")]),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_verification_workbook_costs_only_itself(
    name: str, campaign: Campaign, inbox: Path, blank: Path, tmp_path: Path
) -> None:
    typed, edit, expected = BAD[name]
    workbook = filled(blank, tmp_path / f"{name}.xlsx", typed, edit)  # type: ignore[arg-type]
    good = filled(blank, tmp_path / "good.xlsx", {("P-NHABANG", "I.1"): (0, "Không có kế hoạch")})
    report = merge_rank(campaign, [inbox], verified=[workbook, good])
    bad, fine = report.verification
    cells = {
        (code, cell_of(blank, *CELL, column) if column else "", criterion)
        for code, column, criterion in expected
    }
    assert {(i.code, i.cell, i.criterion) for i in bad.issues} == cells
    assert not bad.accepted and fine.accepted
    assert report.exit_code == 1  # the merge goes on, and says so
    plain = merge_rank(campaign, [inbox])
    assert report.card("P-ANPHU") == plain.card("P-ANPHU")  # nothing of the bad one applied
    card = report.card("P-NHABANG")
    assert card is not None and card.final_nodes["I.1"] == 0  # the good one is
    for issue in bad.issues:
        for lang in ("vi", "en"):
            assert "{" not in issue.message(lang)


def test_other_campaign_outdated_criteria_and_not_a_workbook_are_refused(
    campaign: Campaign, inbox: Path, blank: Path, tmp_path: Path
) -> None:
    an_giang = load_campaign(SEED_000)
    other_inbox = tmp_path / "an-giang"
    other_inbox.mkdir()
    unit = next(u for u in an_giang.units if u.code.startswith("HLHPN-LX"))
    layout = plan_card(an_giang, unit)
    values, inputs = valid_fill(layout, 1)
    write_scorecard(other_inbox / "card.xlsx", layout, values, inputs)  # type: ignore[arg-type]
    other = tmp_path / "other.xlsx"
    other_plan = plan_verification(an_giang, [other_inbox], parent=unit.parent)
    write_verification_workbook(other, other_plan)
    older = replace(
        campaign,
        criteria=tuple(
            replace(c, max_points=c.max_points + 1) if c.code == "I.5" else c
            for c in campaign.criteria
        ),
    )
    outdated = blank_workbook(older, inbox, tmp_path / "outdated.xlsx")
    card = next(inbox.iterdir())
    report = merge_rank(campaign, [inbox], verified=[other, outdated, card])
    codes = [[i.code for i in v.issues] for v in report.verification]
    assert codes == [
        ["verification_other_campaign"],
        ["verification_outdated"],
        ["verification_not_workbook"],
    ]
    assert report.exit_code == 1
    assert report.ranking == merge_rank(campaign, [inbox]).ranking


def test_units_not_counted_or_changed_since_are_reported(
    campaign: Campaign, inbox: Path, blank: Path, tmp_path: Path
) -> None:
    # P-CHILANG's card is gone; P-ANPHU sent a new card with other scores since
    later = ward_inbox(campaign, tmp_path / "later", ("P-ANPHU", "P-NHABANG"))
    ward = campaign.unit("P-ANPHU")
    layout = plan_card(campaign, ward)
    values, inputs = valid_fill(layout, 41)
    name = next(p for p in later.iterdir() if p.name.startswith("P-ANPHU"))
    write_scorecard(name, layout, values, inputs, generated_at=ON_TIME)  # type: ignore[arg-type]
    seen, now = (
        merge_rank(campaign, [inbox]).card(ward.code),
        merge_rank(campaign, [later]).card(ward.code),
    )
    assert seen is not None and now is not None
    changed = next(
        c.code for c in campaign.leaves if seen.self_nodes[c.code] != now.self_nodes[c.code]
    )
    kept = next(
        c.code for c in campaign.leaves if seen.self_nodes[c.code] == now.self_nodes[c.code]
    )
    typed: dict[tuple[str, str], tuple[object, object]] = {
        ("P-CHILANG", "I.1"): (0, "Không có kế hoạch"),
        ("P-ANPHU", changed): (0, "Thiếu minh chứng"),
        ("P-ANPHU", kept): (0, "Thiếu minh chứng"),
    }
    workbook = filled(blank, tmp_path / "tham-dinh.xlsx", typed)
    report = merge_rank(campaign, [later], verified=[workbook])
    (result,) = report.verification
    found = sorted((i.code, i.value, i.criterion) for i in result.issues)
    assert found == sorted(
        [
            ("verification_unit_not_counted", "P-CHILANG", ""),
            ("verification_self_changed", format_decimal(seen.self_nodes[changed]), changed),
        ]
    )
    card = report.card("P-ANPHU")
    assert card is not None and card.final_nodes[changed] == card.final_nodes[kept] == 0
    assert result.accepted and report.exit_code == 0


def test_a_unit_the_campaign_does_not_have_is_reported_and_not_applied(
    campaign: Campaign, inbox: Path, tmp_path: Path
) -> None:
    """A workbook made while the campaign listed one ward more (the criteria, and so the
    fingerprint, unchanged): that ward's rows are not applied, the others are."""
    stranger = Unit("P-MOI", "UBND phường Mới", "phường", "TXTB", "Cụm 1 - Phường")
    widened = replace(campaign, units=(*campaign.units, stranger))
    assert widened.fingerprint == campaign.fingerprint
    wider = tmp_path / "wider"
    shutil.copytree(inbox, wider)
    ward_inbox(widened, wider, ("P-MOI",))
    blank = blank_workbook(widened, wider, tmp_path / "tham-dinh.xlsx")
    typed: dict[tuple[str, str], tuple[object, object]] = {
        ("P-MOI", "I.1"): (0, "Không có kế hoạch"),
        ("P-NHABANG", "I.1"): (0, "Không có kế hoạch"),
    }
    workbook = filled(blank, tmp_path / "da-dien.xlsx", typed)
    report = merge_rank(campaign, [inbox], verified=[workbook])
    (result,) = report.verification
    assert [(i.code, i.value) for i in result.issues] == [("verification_unit_unknown", "P-MOI")]
    assert result.accepted and report.exit_code == 0
    assert set(report.verified) == {"P-NHABANG"}
    out = tmp_path / "tong-hop.xlsx"
    write_summary(out, report)
    listed = [
        row
        for row in openpyxl.load_workbook(out)[ISSUES_SHEET].iter_rows(values_only=True)
        if row[-1] == "verification_unit_unknown"
    ]
    assert [(row[0], row[4]) for row in listed] == [(workbook.name, "Cảnh báo")]


def test_the_command_line_verify_then_merge_verified(
    campaign: Campaign, inbox: Path, tmp_path: Path
) -> None:
    target = tmp_path / "THAM-DINH.xlsx"
    out = io.StringIO()
    assert main(["verify", str(SEED_003), str(inbox), "-o", str(target)], out=out) == 0
    assert "THAM-DINH.xlsx" in out.getvalue() and target.exists()
    workbook = filled(target, tmp_path / "da-dien.xlsx", {CELL: (1, "Thiếu minh chứng")})
    summary = tmp_path / "tong-hop.xlsx"
    out = io.StringIO()
    code = main(
        [
            "merge",
            str(SEED_003),
            str(inbox),
            "-o",
            str(summary),
            "--verified",
            str(workbook),
            "--json",
        ],
        out=out,
    )
    assert code == 0
    document = json.loads(out.getvalue())
    assert document["verification"]["workbooks"][0]["status"] == "accepted"
    assert [a["criterion"] for a in document["verification"]["applied"]] == ["II.1.a"]
    # a bad workbook: the summary is still written, exit 1
    bad = filled(target, tmp_path / "sai.xlsx", {CELL: (1, None)})
    out = io.StringIO()
    code = main(
        ["merge", str(SEED_003), str(inbox), "-o", str(summary), "--verified", str(bad)], out=out
    )
    assert code == 1 and "verified_without_reason" in out.getvalue()
    # a filled workbook is never overwritten by accident; --force does
    assert main(["verify", str(SEED_003), str(inbox), "-o", str(workbook)], out=io.StringIO()) == 2
    assert filled_scores(workbook) == {CELL: 1}
    forced = ["verify", str(SEED_003), str(inbox), "-o", str(workbook), "--force"]
    assert main(forced, out=io.StringIO()) == 0 and filled_scores(workbook) == {}
    # outputs never replace inputs; compose takes no verification
    err = io.StringIO()
    code = main(["verify", str(SEED_003), str(inbox), "-o", str(inbox / "x.xlsx")], out=err)
    assert code == 2
    code = main(
        ["merge", str(SEED_003), str(inbox), "-o", str(workbook), "--verified", str(workbook)],
        out=io.StringIO(),
    )
    assert code == 2
    code = main(
        [
            "merge",
            str(SEED_003),
            str(inbox),
            "-o",
            str(tmp_path / "c.xlsx"),
            "--mode",
            "compose",
            "--parent",
            "P-ANPHU",
            "--verified",
            str(workbook),
        ],
        out=io.StringIO(),
    )
    assert code == 2


def filled_scores(path: Path) -> dict[tuple[str, str], object]:
    sheet = openpyxl.load_workbook(path)[VERIFICATION_SHEET]
    return {
        (row[VCOL["unit"]].value, row[VCOL["criterion"]].value): row[VCOL["verified"]].value
        for row in sheet.iter_rows(min_row=HEADER_ROW + 2)
        if row[VCOL["verified"]].value is not None
    }


def test_a_verification_workbook_in_the_inbox_is_no_units_file(
    campaign: Campaign, inbox: Path, blank: Path, tmp_path: Path
) -> None:
    mixed = tmp_path / "mixed"
    shutil.copytree(inbox, mixed)
    shutil.copyfile(blank, mixed / "tham-dinh.xlsx")
    report = merge_rank(campaign, [mixed])
    stray = next(f for f in report.check.files if f.path.name == "tham-dinh.xlsx")
    assert [i.code for i in stray.issues] == ["verification_in_inbox"]
    assert [r.unit for r in report.ranking] == [
        r.unit for r in merge_rank(campaign, [inbox]).ranking
    ]
