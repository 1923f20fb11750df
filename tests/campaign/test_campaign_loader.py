"""The campaign workbook loader: what ward staff type is read right, and every mistake in a
definition is reported with its sheet, row and cell, all at once."""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import (
    CampaignDefinitionError,
    CampaignFileError,
    CampaignSheets,
    ComposeRule,
    Method,
    RankingStyle,
    SectionKind,
    blank_campaign_sheets,
    load_campaign,
    parse_campaign,
    write_campaign_workbook,
)
from thidua_xlsx.campaign.show import describe_campaign
from thidua_xlsx.intake.sheets import SheetData, read_workbook

Mutation = Callable[[CampaignSheets], None]

# Row numbers of the blank workbook (header in row 1): criteria I=2, I.1=3, I.2=4, I.3=5,
# I.4=6, II=7, II.1=8, III=9, III.1=10; units XA=2, VP=3, CA=4; info keys from row 2.
CRIT, INFO, BANDS, UNITS = "Tiêu chí", "Thông tin", "Xếp loại", "Đơn vị"


def _write(tmp_path: Path, mutate: Mutation | None = None) -> Path:
    sheets = copy.deepcopy(blank_campaign_sheets())
    if mutate:
        mutate(sheets)
    path = tmp_path / "campaign.xlsx"
    write_campaign_workbook(path, sheets)
    return path


def _set(rows: list, index: int, col: int, value: object) -> None:  # type: ignore[type-arg]
    row = list(rows[index])
    row[col] = value
    rows[index] = row


def _info(sheets: CampaignSheets, label: str, value: object) -> None:
    sheets.info = [(k, value if k == label else v) for k, v in sheets.info]


def test_blank_workbook_loads_with_one_example_per_method(tmp_path: Path) -> None:
    campaign = load_campaign(_write(tmp_path))
    assert {leaf.method for leaf in campaign.leaves} == set(Method)
    assert [s.kind for s in campaign.sections] == [
        SectionKind.REGULAR,
        SectionKind.BONUS,
        SectionKind.DEDUCTION,
    ]
    assert campaign.total_cap == Decimal(100)
    assert campaign.rounding_step == Decimal("0.01")
    assert campaign.tie_breaks == ("I", "III")
    assert campaign.criterion("I.3").sectors == ("VP", "CA")
    assert campaign.criterion("I.4").points_per_unit == Decimal(5)


CASES: list[tuple[str, Mutation, list[tuple[str, str, int | None, str]]]] = [
    (
        "duplicate code",
        lambda s: _set(s.criteria, 3, 0, "I.2"),
        [("def_duplicate_code", CRIT, 5, "A5")],
    ),
    (
        "orphan code",
        lambda s: s.criteria.append(["IV.1", "Lạc mục", 5, "diem", None, None, "có", "VP", ""]),
        [("def_orphan_code", CRIT, 11, "A11")],
    ),
    ("malformed code", lambda s: _set(s.criteria, 1, 0, "1.1"), [("def_bad_code", CRIT, 3, "A3")]),
    ("missing max", lambda s: _set(s.criteria, 1, 2, None), [("def_max_missing", CRIT, 3, "C3")]),
    (
        "max not a number",
        lambda s: _set(s.criteria, 1, 2, "hai mươi"),
        [("def_not_a_number", CRIT, 3, "C3")],
    ),
    ("max zero", lambda s: _set(s.criteria, 1, 2, 0), [("def_not_positive", CRIT, 3, "C3")]),
    (
        "unknown method",
        lambda s: _set(s.criteria, 1, 3, "chấm bừa"),
        [("def_unknown_method", CRIT, 3, "D3")],
    ),
    (
        "leaf without method",
        lambda s: _set(s.criteria, 1, 3, None),
        [("def_method_missing", CRIT, 3, "D3")],
    ),
    (
        "method on a group",
        lambda s: _set(s.criteria, 0, 3, "diem"),
        [("def_method_on_group", CRIT, 2, "D2")],
    ),
    (
        "count without points per unit",
        lambda s: _set(s.criteria, 4, 5, None),
        [("def_per_unit_missing", CRIT, 6, "F6")],
    ),
    (
        "child worth more than its parent",
        lambda s: _set(s.criteria, 1, 2, 95),
        [("def_child_max_over_parent", CRIT, 3, "C3")],
    ),
    (
        "unknown compose rule",
        lambda s: _set(s.criteria, 3, 8, "chia đều"),
        [("def_unknown_compose_rule", CRIT, 5, "I5")],
    ),
    (
        "bonus mixed into a regular section",
        lambda s: _set(s.criteria, 2, 3, "thuong"),
        [("def_mixed_section", CRIT, 2, "A2")],
    ),
    (
        "evidence neither yes nor no",
        lambda s: _set(s.criteria, 1, 6, "có lẽ"),
        [("def_bad_yes_no", CRIT, 3, "G3")],
    ),
    (
        "sector not a unit",
        lambda s: _set(s.criteria, 1, 7, "VP; XYZ"),
        [("def_unknown_sector", CRIT, 3, "H3")],
    ),
    (
        "max off the rounding step",
        lambda s: (_info(s, "Bước làm tròn", "0,5"), _set(s.criteria, 1, 2, "20,25")),
        [("def_max_not_on_step", CRIT, 3, "C3")],
    ),
    (
        "total cap unreachable",
        lambda s: _info(s, "Tổng điểm tối đa", 150),
        [("def_total_unreachable", INFO, 11, "B11")],
    ),
    (
        "unknown tie-break",
        lambda s: _info(s, "Thứ tự xét khi bằng điểm", "I; IX"),
        [("def_unknown_tie_break", INFO, 13, "B13")],
    ),
    (
        "unknown ranking style",
        lambda s: _info(s, "Cách xếp hạng", "ngẫu nhiên"),
        [("def_bad_ranking_style", INFO, 14, "B14")],
    ),
    (
        "impossible deadline",
        lambda s: _info(s, "Hạn nộp", "31/02/2025"),
        [("def_bad_date", INFO, 10, "B10")],
    ),
    (
        "unknown information key",
        lambda s: s.info.append(("Hạn nôp muộn", "x")),
        [("def_info_unknown_key", INFO, 18, "A18")],
    ),
    (
        "duplicate information key",
        lambda s: s.info.append(("HẠN NỘP", "02/10/2025")),
        [("def_info_duplicate_key", INFO, 18, "A18")],
    ),
    (
        "missing title",
        lambda s: _info(s, "Tên đợt thi đua", None),
        [("def_info_missing_key", INFO, None, "")],
    ),
    (
        "duplicate band minimum",
        lambda s: s.bands.append([90, "Giỏi"]),
        [("def_band_duplicate", BANDS, 7, "A7")],
    ),
    (
        "band without a name",
        lambda s: s.bands.append([40, None]),
        [("def_band_label_missing", BANDS, 7, "B7")],
    ),
    (
        "duplicate unit",
        lambda s: s.units.append(["vp", "Văn phòng 2", "ngành", "XA", None]),
        [("def_unit_duplicate", UNITS, 5, "A5")],
    ),
    (
        "unit without a name",
        lambda s: s.units.append(["YT", None, "ngành", "XA", None]),
        [("def_unit_name_missing", UNITS, 5, "B5")],
    ),
    (
        "unit with unknown parent",
        lambda s: _set(s.units, 2, 3, "HUYEN"),
        [("def_unit_unknown_parent", UNITS, 4, "D4")],
    ),
    (
        "cycle in the hierarchy",
        lambda s: _set(s.units, 0, 3, "CA"),
        [("def_unit_cycle", UNITS, 2, "D2")],
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_definition_mistake_is_reported_where_it_is(
    tmp_path: Path, mutate: Mutation, expected: list[tuple[str, str, int | None, str]]
) -> None:
    with pytest.raises(CampaignDefinitionError) as caught:
        load_campaign(_write(tmp_path, mutate))
    found = [(p.code, p.sheet, p.row, p.cell) for p in caught.value.problems]
    assert found == expected
    for problem in caught.value.problems:
        assert problem.message("vi") != problem.message("en")
        assert "{" not in problem.message("vi") + problem.message("en")


def test_five_mistakes_are_all_listed_in_one_error(tmp_path: Path) -> None:
    def five(s: CampaignSheets) -> None:
        _set(s.criteria, 3, 0, "I.2")  # duplicate code, row 5
        _set(s.criteria, 4, 2, None)  # missing max, row 6
        _set(s.criteria, 6, 3, "chấm bừa")  # unknown method, row 8
        _set(s.criteria, 8, 7, "VP; KHONGCO")  # sector not a unit, row 10
        _set(s.units, 2, 3, "HUYEN")  # unknown parent, Đơn vị row 4

    with pytest.raises(CampaignDefinitionError) as caught:
        load_campaign(_write(tmp_path, five))
    found = sorted((p.sheet, p.row or 0, p.code) for p in caught.value.problems)
    assert found == [
        (CRIT, 5, "def_duplicate_code"),
        (CRIT, 6, "def_max_missing"),
        (CRIT, 8, "def_unknown_method"),
        (CRIT, 10, "def_unknown_sector"),
        (UNITS, 4, "def_unit_unknown_parent"),
    ]
    text = caught.value.message("vi")
    assert text.count("\n  - ") == 5
    assert "dòng 8" in text and "«Đơn vị»" in text


def test_missing_sheet_and_missing_column_are_reported(tmp_path: Path) -> None:
    sheets = dict(read_workbook(_write(tmp_path)))
    del sheets["Xếp loại"]
    units = sheets["Đơn vị"]
    sheets["Đơn vị"] = SheetData(units.name, [["Mã", "Họ", "Cấp"], *units.rows[1:]])
    with pytest.raises(CampaignDefinitionError) as caught:
        parse_campaign(sheets, source="x.xlsx")
    codes = [(p.code, p.sheet) for p in caught.value.problems]
    assert ("def_sheet_missing", "Xếp loại") in codes
    assert ("def_column_missing", "Đơn vị") in codes


def test_headers_and_values_as_people_type_them(tmp_path: Path) -> None:
    """Title rows above the header, headers in capitals without accents, NFD text, decimal
    commas, Vietnamese method names, sectors by name, codes with trailing dots."""
    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    book = openpyxl.Workbook()
    info = book.active
    assert info is not None
    info.title = "THONG TIN"
    for row in [
        ("Mã  đợt thi đua", "T-1"),
        ("ten dot thi dua", nfd("Thi đua Việt")),
        ("HẠN NỘP", "01/10/2024"),
        ("Thời gian thi đua", "từ 20/10/2021 đến 20/01/2022"),
        ("Cach xep hang", "Liền mạch"),
    ]:
        info.append(row)
    criteria = book.create_sheet("tieu chi")
    criteria.append(["BẢNG TIÊU CHÍ CHẤM ĐIỂM"])
    criteria.append([])
    criteria.append(
        [
            "MA",
            "NOI DUNG",
            "DIEM TOI DA",
            "cách  chấm",
            "chi tieu",
            "Điểm/đơn vị",
            "Minh chứng",
            "Đơn vị phụ trách",
        ]
    )
    criteria.append(["I.", nfd("Mục một"), "12,5", None, None, None, None, None])
    criteria.append(["i.1)", "Đạt", "7,5", "Đạt/Không đạt", None, None, "CÓ", nfd("Công an")])
    criteria.append(["I.2", "Tỷ lệ", 5, "Tỷ lệ %", "80", None, "Không", "ca"])
    bands = book.create_sheet("XEP LOAI")
    bands.append(["Điểm từ", "Xếp loại"])
    bands.append([10, "Tốt"])
    units = book.create_sheet("Don vi")
    units.append(["Mã đơn vị", "Tên", "Cấp trên"])
    units.append(["CA", "Công an", None])
    path = tmp_path / "typed.xlsx"
    book.save(path)

    campaign = load_campaign(path)
    assert campaign.info.title == "Thi đua Việt"
    assert unicodedata.is_normalized("NFC", campaign.criterion("I").content)
    assert [c.code for c in campaign.criteria] == ["I", "I.1", "I.2"]
    assert campaign.criterion("I").max_points == Decimal("12.5")
    assert campaign.criterion("I.1").method is Method.DAT
    assert campaign.criterion("I.1").evidence_required is True
    assert campaign.criterion("I.1").sectors == ("CA",)
    assert campaign.criterion("I.2").target == Decimal(80)
    assert campaign.criterion("I.2").sectors == ("CA",)
    assert campaign.ranking_style is RankingStyle.DENSE
    assert campaign.info.period_start is not None and campaign.info.period_start.year == 2021
    assert campaign.criterion("I.1").row == 5


def test_unreadable_files_raise_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(CampaignFileError, match="không tìm thấy"):
        load_campaign(tmp_path / "none.xlsx")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("mã,nội dung\nI,abc\n", encoding="utf-8")
    with pytest.raises(CampaignFileError) as caught:
        load_campaign(fake)
    assert "not a readable spreadsheet" in caught.value.message("en")


def test_fingerprint_depends_on_scoring_rules_only(tmp_path: Path) -> None:
    base = load_campaign(_write(tmp_path))
    renamed = load_campaign(_write(tmp_path, lambda s: _set(s.criteria, 1, 1, "Nội dung khác")))
    recapped = load_campaign(
        _write(tmp_path, lambda s: (_set(s.criteria, 1, 2, 25), _set(s.criteria, 2, 2, 15)))
    )
    assert base.fingerprint == renamed.fingerprint
    assert base.fingerprint != recapped.fingerprint


WARNINGS: list[tuple[str, Mutation, list[tuple[str, str, int | None, str]]]] = [
    (
        "children cannot reach the parent's max",
        lambda s: _set(s.criteria, 0, 2, 95),
        [("def_max_unreachable", CRIT, 2, "C2")],
    ),
    (
        "children far exceed the parent's max",  # 20 + 20 + 30 + 20 = 90 > 2 × 40
        lambda s: (_set(s.criteria, 0, 2, 40), _info(s, "Tổng điểm tối đa", 50)),
        [("def_children_far_exceed", CRIT, 2, "C2")],
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [c[1:] for c in WARNINGS], ids=[c[0] for c in WARNINGS]
)
def test_doubtful_maxima_are_warnings_that_show_prints(
    tmp_path: Path, mutate: Mutation, expected: list[tuple[str, str, int | None, str]]
) -> None:
    """Maxima that look mistyped but could be meant: the campaign loads, and ``thidua show``
    prints each warning with its sheet, row and cell."""
    campaign = load_campaign(_write(tmp_path, mutate))
    found = [(w.code, w.sheet, w.row, w.cell) for w in campaign.warnings]
    assert found == expected
    assert all(w.severity.value == "warning" for w in campaign.warnings)
    for lang, heading in (("vi", "CẢNH BÁO"), ("en", "WARNINGS")):
        text = describe_campaign(campaign, lang)
        assert heading in text
        for warning in campaign.warnings:
            assert warning.describe(lang) in text and "dòng 2" in warning.describe("vi")


def test_a_clean_campaign_has_no_warnings(tmp_path: Path) -> None:
    campaign = load_campaign(_write(tmp_path))
    assert campaign.warnings == ()
    assert "CẢNH BÁO" not in describe_campaign(campaign)


def test_warnings_are_listed_with_the_errors(tmp_path: Path) -> None:
    """A broken definition lists its warnings too, after the errors, so one reading shows all."""
    with pytest.raises(CampaignDefinitionError) as caught:
        load_campaign(
            _write(tmp_path, lambda s: (_set(s.criteria, 0, 2, 95), _set(s.criteria, 1, 3, "x")))
        )
    codes = [p.code for p in caught.value.problems]
    assert codes == ["def_unknown_method", "def_max_unreachable"]
    text = caught.value.message("vi")
    assert "có 1 lỗi cần sửa" in text and "  - (cảnh báo) trang «Tiêu chí», dòng 2" in text
    assert "1 problem(s) to fix" in caught.value.message("en")


def test_compose_rules_as_people_write_them(tmp_path: Path) -> None:
    """Cách tổng hợp in words, with or without accents, any case, or in English; blank is the
    method's default; a rule on a group holds for its leaves that have none."""

    def rules(s: CampaignSheets) -> None:
        _set(s.criteria, 1, 8, "CAO NHAT")  # I.1 diem
        _set(s.criteria, 2, 8, "Trung bình")  # I.2 dat
        _set(s.criteria, 3, 8, "lead")  # I.3 ty_le
        _set(s.criteria, 8, 8, "cộng")  # III.1 tru
        s.criteria[5] = [*s.criteria[5], "chủ trì"]  # II, a group: its leaf II.1 has none

    campaign = load_campaign(_write(tmp_path, rules))
    assert campaign.criterion("I.1").compose is ComposeRule.MAX
    assert campaign.criterion("I.2").compose is ComposeRule.AVERAGE
    assert campaign.criterion("I.3").compose is ComposeRule.LEAD
    assert campaign.criterion("I.4").compose is None  # blank: the default, summed counts
    assert campaign.criterion("I.4").compose_rule is ComposeRule.SUM
    assert campaign.criterion("II.1").compose is ComposeRule.LEAD
    assert campaign.criterion("III.1").compose is ComposeRule.SUM
    text = describe_campaign(campaign)
    assert "tổng hợp: cao nhất" in text and "tổng hợp: cộng (mặc định)" in text
    assert "compose: lead sector" in describe_campaign(campaign, "en")
    # the rule decides how sectors combine, not a card's own score: the cards stay valid
    assert campaign.fingerprint == load_campaign(_write(tmp_path)).fingerprint


def test_blank_workbook_rules_by_default(tmp_path: Path) -> None:
    """Blank: counts, deductions and % results summed; Đạt, direct and bonus points from the
    lead sector (the first listed)."""
    campaign = load_campaign(_write(tmp_path, lambda s: _set(s.criteria, 8, 8, None)))
    rule = {leaf.method: leaf.compose_rule for leaf in campaign.leaves}
    assert rule == {
        Method.DIEM: ComposeRule.LEAD,
        Method.DAT: ComposeRule.LEAD,
        Method.TY_LE: ComposeRule.SUM,
        Method.SO_LUONG: ComposeRule.SUM,
        Method.THUONG: ComposeRule.LEAD,
        Method.TRU: ComposeRule.SUM,
    }
    assert campaign.criterion("I.3").lead_sector == "VP"


def test_the_units_place_name_column_written_by_init_and_read_back(tmp_path: Path) -> None:
    """*Địa danh* in *Đơn vị*: written by ``thidua init``, read back; a blank one is the place
    the unit's name says, then its parent's; the fingerprint ignores it."""
    plain = load_campaign(_write(tmp_path / "a"))
    book = openpyxl.load_workbook(tmp_path / "a" / "campaign.xlsx")
    assert "Địa danh" in [c.value for c in book[UNITS][1]]

    def places(sheets: CampaignSheets) -> None:
        _set(sheets.units, 0, 1, "UBND xã Vĩnh Trung")
        sheets.units[1] = [*list(sheets.units[1])[:5], "Bến Nghé"]

    campaign = load_campaign(_write(tmp_path / "b", places))
    assert campaign.unit("VP").place == "Bến Nghé"
    assert campaign.place_of("VP") == "Bến Nghé"
    assert campaign.place_of("XA") == "Vĩnh Trung"  # from its name
    assert campaign.place_of("CA") == "Vĩnh Trung"  # «Công an xã»: its parent's
    assert campaign.fingerprint == plain.fingerprint
