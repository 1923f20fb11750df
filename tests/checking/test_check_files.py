"""tests/files/: one returned scorecard per issue kind (made by tests/files/make_files.py,
mostly typed and saved by LibreOffice). Each gives exactly its issue at its cell; none crashes.
The expectations below are written by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from thidua_xlsx import Campaign, Severity, load_campaign
from thidua_xlsx.checking.card import _unit_from_file_name
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.core.model import Unit
from thidua_xlsx.intake.reader import read_returned_file

from conftest import ROOT, SEED_003

FILES = ROOT / "tests" / "files"

# file → [(issue code, cell, criterion)], every issue the file must give and no other
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "good.xlsx": [],
    "good.ods": [],
    "good.xls": [],
    "file_empty.xlsx": [("file_empty", "", "")],
    "file_not_workbook.xlsx": [("file_not_workbook", "", "")],
    "file_not_workbook-png.xlsx": [("file_not_workbook", "", "")],
    "file_truncated.xlsx": [("file_truncated", "", "")],
    "file_encrypted.xlsx": [("file_encrypted", "", "")],
    "file_no_scorecard_sheet.xlsx": [("file_no_scorecard_sheet", "", "")],
    "file_unknown_template.xlsx": [("file_unknown_template", "", "")],
    "file_other_campaign.xlsx": [("file_other_campaign", "", "")],
    "file_outdated_template.xlsx": [("file_outdated_template", "", "")],
    "file_late.xlsx": [("file_late", "", "")],
    "unit_unknown.xlsx": [("unit_unknown", "", "")],
    "NH-CA-unit_file_name_mismatch.xlsx": [("unit_file_name_mismatch", "", "")],
    "sheet_renamed.xlsx": [("sheet_renamed", "", "")],
    "metadata_unhidden.xlsx": [("metadata_unhidden", "", "")],
    "row_missing.xlsx": [("row_missing", "", "II.5.b")],
    "row_extra.xlsx": [("row_extra", "A22", "")],
    "row_duplicate.xlsx": [("row_duplicate", "A22", "II.2.c")],
    "locked_cell_changed.xlsx": [("locked_cell_changed", "D14", "I.5")],
    "value_not_number.xlsx": [("value_not_number", "F17", "II.1.a")],
    "value_number_with_text.xlsx": [("value_number_with_text", "F14", "I.5")],
    # a number kept as text: the card's own total leaves it out, the ranking counts it
    "value_decimal_comma.xlsx": [
        ("value_decimal_comma", "F14", "I.5"),
        ("card_total_differs", "G38", ""),
    ],
    "value_number_as_text.xlsx": [
        ("value_number_as_text", "F14", "I.5"),
        ("card_total_differs", "G38", ""),
    ],
    "value_date.xlsx": [("value_date", "F17", "II.1.a")],
    "value_negative.xlsx": [("value_negative", "F14", "I.5")],
    "value_over_max.xlsx": [("value_over_max", "F14", "I.5")],
    "value_over_target.xlsx": [("value_over_target", "F21", "II.2.b")],
    # saved by openpyxl, which also drops every cached formula result
    "value_excel_error.xlsx": [
        ("value_excel_error", "F17", "II.1.a"),
        ("formula_without_cache", "G38", ""),
    ],
    "dat_invalid.xlsx": [("dat_invalid", "F18", "II.1.c")],
    "target_missing.xlsx": [("target_missing", "E26", "II.3.c")],
    "target_not_positive.xlsx": [("target_not_positive", "E26", "II.3.c")],
    "evidence_missing.xlsx": [("evidence_missing", "H17", "II.1.a")],
    "bonus_without_justification.xlsx": [("bonus_without_justification", "I31", "IV.1")],
    "formula_in_input.xlsx": [("formula_in_input", "F17", "II.1.a")],
    "formula_without_cache.xlsx": [("formula_without_cache", "G38", "")],
    # 99 typed over the total's formula (the sheet unprotected): both are said
    "cached_total_mismatch.xlsx": [
        ("cached_total_mismatch", "G38", ""),
        ("formula_replaced", "G38", ""),
    ],
    "text_legacy_encoding.xlsx": [("text_legacy_encoding", "H14", "I.5")],
    "text_not_nfc.xlsx": [("text_not_nfc", "H14", "I.5")],
    # «86%» typed in a % result cell: counted as 86; the card's own formulas took 0.86
    "value_percent_format.xlsx": [
        ("value_percent_format", "F25", "II.3.b"),
        ("card_total_differs", "G38", ""),
    ],
    # 0.86 typed against a target of 100, with no percent format: counted as typed, warned
    "value_percent_small.xlsx": [("value_percent_small", "F25", "II.3.b")],
    # «12,5» typed in en-US stays text: the card's total leaves it out, the ranking counts it
    "card_total_differs.xlsx": [
        ("value_decimal_comma", "F21", "II.2.b"),
        ("card_total_differs", "G38", ""),
    ],
    # -- issue 15: verification belongs to the upper level
    "verified_in_unit_file.xlsx": [
        ("verified_in_unit_file", "J14", "I.5"),
        ("verified_in_unit_file", "J17", "II.1.a"),
    ],
    "verification_in_inbox.xlsx": [("verification_in_inbox", "", "")],
    # -- issue 16: the Council's tally is no unit's file
    "tally_in_inbox.xlsx": [("tally_in_inbox", "", "")],
    # the blank card saved by LibreOffice as it was written: nothing typed
    "card_blank.xlsx": [("card_blank", "", "")],
    # a summary of the level below (accepted); its units are in MEMBERS
    "unit_rejected_below.xlsx": [],
}
# a summary's units: file → {unit: [(issue code, cell, criterion)]}, every unit it carries
MEMBERS: dict[str, dict[str, list[tuple[str, str, str]]]] = {
    "unit_rejected_below.xlsx": {
        "X-ANNONG": [],
        "X-TANLOI": [],
        "X-ANCU": [("unit_rejected_below", "", "")],  # its card came back blank
        "X-ANHAO": [("unit_rejected_below", "", "")],  # «nhiều» for Đạt/Không đạt
    },
}


@pytest.fixture(scope="module")
def campaigns() -> tuple[Campaign, Campaign]:
    """The campaign as published (deadline 01/10/2024) and one whose deadline is still open:
    LibreOffice stamps files with today's date, so only file_late meets the real deadline."""
    real = load_campaign(SEED_003)
    return real, replace(real, info=replace(real.info, deadline=date(2099, 12, 31)))


# that every file of the folder has an expectation, here or (campaign and verification
# workbooks) in tests/checking/test_issue_files.py, is tested there


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_gives_exactly_its_issue(name: str, campaigns: tuple[Campaign, Campaign]) -> None:
    real, open_deadline = campaigns
    result = check_file(real if name == "file_late.xlsx" else open_deadline, FILES / name)
    found = sorted((i.code, i.cell, i.criterion) for i in result.issues)
    assert found == sorted(EXPECTED[name])
    has_error = any(i.severity is Severity.ERROR for i in result.issues)
    assert result.accepted is (not has_error)
    for issue in result.issues:
        for lang in ("vi", "en"):
            message = issue.message(lang)
            assert message and "{" not in message and "None" not in message, message
        assert issue.file == str(FILES / name)


@pytest.mark.parametrize("name", sorted(MEMBERS))
def test_each_unit_a_summary_carries_gives_exactly_its_issues(
    name: str, campaigns: tuple[Campaign, Campaign]
) -> None:
    _, campaign = campaigns
    result = check_file(campaign, FILES / name)
    found = {
        m.unit: sorted((i.code, i.cell, i.criterion) for i in m.issues) for m in result.members
    }
    assert found == {unit: sorted(issues) for unit, issues in MEMBERS[name].items()}
    for member in result.members:
        assert member.accepted is not any(i.code == "unit_rejected_below" for i in member.issues)
        for issue in member.issues:
            for lang in ("vi", "en"):
                message = issue.message(lang)
                assert message and "{" not in message and "None" not in message, message


def test_good_files_read_the_values_typed_in_libreoffice(
    campaigns: tuple[Campaign, Campaign],
) -> None:
    """.xlsx, .ods and .xls saved by LibreOffice: the same values, the same scores."""
    _, campaign = campaigns
    results = [check_file(campaign, FILES / f"good.{ext}") for ext in ("xlsx", "ods", "xls")]
    first = results[0]
    assert first.card is not None and first.card.self_total > 0
    assert first.inputs["I.5"].amount == Decimal("3.5")
    assert first.inputs["II.1.c"].met is True
    assert first.inputs["II.3.c"].target == 12
    assert first.inputs["IV.1"].explanation.startswith("Mô hình «Tổ phụ nữ")
    for other in results[1:]:
        assert other.inputs == first.inputs
        assert other.card == first.card


def test_values_a_unit_typed_in_its_verification_column_count_nowhere(
    campaigns: tuple[Campaign, Campaign],
) -> None:
    """J14 = 5 and J17 = 4 typed in LibreOffice over the card's valid values: warned, and the
    unit's scores are exactly those of the same card without them."""
    _, campaign = campaigns
    own = check_file(campaign, FILES / "verified_in_unit_file.xlsx")
    plain = check_file(campaign, FILES / "good.xlsx")
    assert own.accepted and own.card == plain.card and not own.verified
    assert own.card is not None and own.card.total == own.card.self_total


def test_macro_workbook_is_read_and_its_macro_never_runs(
    tmp_path: Path, campaigns: tuple[Campaign, Campaign]
) -> None:
    """An .xlsm (a package with a VBA project part) reads like its .xlsx, with a warning; the
    macro part is never opened, let alone run. (tests/hostile_corpus.py has more such files.)"""
    import zipfile

    source = FILES / "good.xlsx"
    macro = tmp_path / "good-macro.xlsm"
    marker = tmp_path / "macro-ran"
    with zipfile.ZipFile(source) as plain, zipfile.ZipFile(macro, "w") as out:
        for item in plain.infolist():
            out.writestr(item, plain.read(item.filename))
        # not a valid VBA project: anything that tried to run it would fail loudly
        out.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + str(marker).encode())
    _, campaign = campaigns
    result = check_file(campaign, macro)
    assert read_returned_file(macro).format == "xlsm"
    assert result.accepted and [i.code for i in result.issues] == ["file_has_macro"]
    assert result.inputs == check_file(campaign, source).inputs
    assert not marker.exists()


def test_files_in_a_folder_come_in_path_order(tmp_path: Path) -> None:
    from thidua_xlsx.checking.inbox import collect_files

    for name in ["b/x.xlsx", "a-b/c.xlsx", "a/b.xlsx", "A/b.xlsx", "a b/c.xlsx", "a.b.xlsx"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    found = collect_files([tmp_path])
    assert found == sorted(found) and len(found) == 6


def test_the_unit_a_file_name_names_is_the_longest_code_it_starts_with() -> None:
    """What ``unit_file_name_mismatch`` compares with: the longest unit code the name starts
    with, followed by a separator or the end, in any case."""
    campaign = load_campaign(SEED_003)
    ward = campaign.unit("X-ANCU")
    longer = Unit("X-ANCU-2", "Khu phố 2", "khu phố", parent=ward.code)
    campaign = replace(campaign, units=(*campaign.units, longer))
    named = {
        "X-ANCU.xlsx": "X-ANCU",
        "x-ancu-phieu-cham-diem.xlsx": "X-ANCU",
        "X-ANCU-2-phieu.xlsx": "X-ANCU-2",
        "X-ANCU-2": "X-ANCU-2",
        "X-ANCU-20.xlsx": "X-ANCU",  # X-ANCU-20 is no unit
        "X-ANCUX.xlsx": None,
        "ßX-ANCU.xlsx": None,  # upper-cased, ß becomes SS: longer, never shorter
        "phieu-X-ANCU.xlsx": None,
        "": None,
    }
    assert {name: _unit_from_file_name(campaign, name) for name in named} == named
