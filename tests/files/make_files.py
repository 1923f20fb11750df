#!/usr/bin/env python3
"""Rebuild tests/files/: one returned scorecard per issue kind, named after it.

    python3 tests/files/make_files.py     (needs LibreOffice: run tests/run_suite.py once)
    python3 tests/files/make_files.py NAME...   (only these files; the others keep their bytes)

Most files are the Hội LHPN (NH-PN) card of the Nhơn Hưng campaign, filled with valid values
and saved by LibreOffice, with one mistake made the way a person makes it (typing, deleting a
row, renaming a sheet…). A few come from other programs: openpyxl (which drops cached
formula results), raw bytes (an empty file, a CSV or PNG renamed, a truncated download).
What each file must produce is written by hand in tests/checking/test_check_files.py.

Issue 15 adds files that are not cards (what they must produce: tests/checking/
test_issue_files.py): campaign workbooks with a definition typo (``def_*.xlsx``: the Nhơn Hưng
campaign written by workbook_templates/make_templates.py, the typo typed in LibreOffice), and
upper-level verification workbooks (``verification_*.xlsx``, ``verified_*.xlsx``) written by
``thidua verify``'s writer over the wards' inbox of tests/verification_files.py, the verifier's
scores typed in LibreOffice, or written over another campaign or older criteria.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import unicodedata
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS.parent))

import openpyxl  # noqa: E402

from thidua_xlsx import load_campaign  # noqa: E402
from thidua_xlsx.core.model import Unit  # noqa: E402
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET, plan_card  # noqa: E402
from thidua_xlsx.scorecard.writer import write_scorecard  # noqa: E402

from conftest import SEED_000, SEED_003  # noqa: E402
from libreoffice import run_uno  # noqa: E402

EVIDENCE = "Kế hoạch số 05/KH-PN ngày 10/01/2024"
# A valid fill of the NH-PN card: cell → value (rows as in the card: see plan_card)
GOOD: dict[str, object] = {
    "F14": 3.5,
    "H14": EVIDENCE,
    "F17": 4,
    "H17": "Báo cáo tuyên truyền quý I, II",
    "F18": "Đạt",
    "H18": "Kế hoạch Tháng hành động 2024",
    "F19": 3,
    "H19": "Biên bản sinh hoạt chi hội",
    "F21": 40,
    "H21": "Danh sách lao động nữ học nghề",
    "F22": 5,
    "H22": "Sổ theo dõi hỗ trợ vốn",
    "F24": 2,
    "H24": "Quyết định thành lập địa chỉ tin cậy",
    "F25": 100,
    "H25": "Sổ tiếp nhận, xử lý vụ việc",
    "E26": 12,
    "F26": 10,
    "H26": "Sổ tư vấn nạn nhân",
    "F27": 6,
    "H27": "Báo cáo tổ hòa giải",
    "F29": 2,
    "H29": "Kế hoạch khám sàng lọc",
    "F31": 6,
    "H31": "Quyết định công nhận mô hình",
    "I31": "Mô hình «Tổ phụ nữ nói không với bạo lực» được thị xã nhân rộng",
    "F32": 0,
    "F34": 1,
}
# edits made after typing the valid values: a row deleted (II.5.b, row 29), a row inserted
THEN: dict[str, list[dict[str, object]]] = {
    "row_missing.xlsx": [{"actions": [{"op": "delete_rows", "row": 28}]}],
    "row_extra.xlsx": [
        {
            "actions": [{"op": "insert_rows", "row": 21}],
            "cells": {"A22": "II.2.z", "B22": "Tiêu chí tự thêm", "F22": 3},
        }
    ],
    "value_date.xlsx": [{"actions": [{"op": "date", "cell": "F17", "value": 45413}]}],
    "row_duplicate.xlsx": [
        {"actions": [{"op": "insert_rows", "row": 21}], "cells": {"A22": "II.2.c", "F22": 3}}
    ],
}
# texts typed as a person types them (LibreOffice's input parsing: "86%" is 0.86 shown as a
# percentage, "12,5" stays text in en-US)
TYPED: dict[str, dict[str, str]] = {
    "value_percent_format.xlsx": {"F25": "86%"},
    "card_total_differs.xlsx": {"F21": "12,5"},
}
TCVN3_EVIDENCE = "KÕ ho¹ch sè 05/KH-PN ngµy 10/01/2024"  # "Kế hoạch số 05/KH-PN ngày 10/01/2024"

# file name → (edits typed through LibreOffice, actions before typing, unprotect the sheet)
LIBREOFFICE_FILES: dict[str, tuple[dict[str, object], list[dict[str, object]], bool]] = {
    "good.xlsx": ({}, [], False),
    "good.ods": ({}, [], False),
    "good.xls": ({}, [], False),
    "NH-CA-unit_file_name_mismatch.xlsx": ({}, [], False),
    "file_late.xlsx": ({}, [], False),
    "sheet_renamed.xlsx": (
        {},
        [{"op": "rename_sheet", "name": SCORECARD_SHEET, "to": "Sheet1"}],
        False,
    ),
    "metadata_unhidden.xlsx": ({}, [{"op": "show_sheet", "name": "_thidua"}], False),
    "file_unknown_template.xlsx": ({}, [{"op": "remove_sheet", "name": "_thidua"}], False),
    "file_no_scorecard_sheet.xlsx": ({}, [{"op": "remove_sheet", "name": SCORECARD_SHEET}], False),
    # row edits happen after the valid values are typed (see THEN)
    "row_missing.xlsx": ({}, [], True),
    "row_extra.xlsx": ({}, [], True),
    "row_duplicate.xlsx": ({}, [], True),
    "locked_cell_changed.xlsx": ({"D14": 10}, [], True),
    "value_not_number.xlsx": ({"F17": "nhiều"}, [], False),
    "value_number_with_text.xlsx": ({"F14": "3 điểm"}, [], False),
    "value_decimal_comma.xlsx": ({"F14": "2,5"}, [], False),
    "value_number_as_text.xlsx": ({"F14": "2.5"}, [], False),
    "value_date.xlsx": ({}, [], False),
    "value_negative.xlsx": ({"F14": -2}, [], False),
    "value_over_max.xlsx": ({"F14": 6}, [], False),
    "value_over_target.xlsx": ({"F21": 60}, [], False),
    "dat_invalid.xlsx": ({"F18": "Có"}, [], False),
    "target_missing.xlsx": ({"E26": None}, [], False),
    "target_not_positive.xlsx": ({"E26": 0}, [], False),
    "evidence_missing.xlsx": ({"H17": None}, [], False),
    "bonus_without_justification.xlsx": ({"I31": None}, [], False),
    "formula_in_input.xlsx": ({"F17": "=2+2"}, [], False),
    "cached_total_mismatch.xlsx": ({"G38": 99}, [], True),
    "text_legacy_encoding.xlsx": ({"H14": TCVN3_EVIDENCE}, [], False),
    "text_not_nfc.xlsx": ({"H14": unicodedata.normalize("NFD", EVIDENCE)}, [], False),
    # -- issue 15: a unit "verifying" itself (the sheet unprotected: one click away)
    "verified_in_unit_file.xlsx": ({"J14": 5, "J17": 4}, [], True),
    "value_percent_format.xlsx": ({}, [], False),
    "value_percent_small.xlsx": ({"F25": 0.86}, [], False),  # 0.86 against a target of 100
    "card_total_differs.xlsx": ({}, [], False),
}


# cards saved by LibreOffice as they were written, nothing typed: file name → cells typed
BLANK_FILES: dict[str, dict[str, object]] = {
    "card_blank.xlsx": {},
}
# made by thidua itself (no LibreOffice): file name → function writing it
MADE_FILES: dict[str, str] = {
    "unit_rejected_below.xlsx": "_summary_with_a_returned_unit",
    "verification_in_inbox.xlsx": "_verification_in_inbox",
    # -- issue 15: workbooks given to ``merge --verified`` that are refused whole
    "verification_not_workbook.xlsx": "_summary_given_as_verification",
    "verification_other_campaign.xlsx": "_verification_of_another_campaign",
    "verification_outdated.xlsx": "_verification_of_older_criteria",
    "tally_in_inbox.xlsx": "_tally_in_inbox",
}

# -- issue 15: campaign workbooks with one definition typo, typed in LibreOffice into the
# Nhơn Hưng campaign (Tiêu chí sheet: rows as in workbook_templates/nhon-hung-2024-bdg.xlsx)
CAMPAIGN_TYPOS: dict[str, dict[str, str]] = {
    # «TB» for Trung bình in I.5's Cách tổng hợp: an abbreviation the loader cannot know
    "def_unknown_compose_rule.xlsx": {"I7": "TB"},
    # II.1.a worth 120 instead of 12 (a zero too many) under II.1, worth 30
    "def_child_max_over_parent.xlsx": {"C10": "120"},
    # section V (deductions) capped at 8 while its deductions add up to 20
    "def_children_far_exceed.xlsx": {"C42": "8"},
}

# -- issue 15: verification workbooks (tests/verification_files.py's wards' inbox, written at
# its fixed time stamp), scores typed in LibreOffice: file name → (the workbook it starts from,
# {(unit, criterion): (verified score, reason) as typed}, rows deleted (unit, criterion)).
# The verified cells carry a data validation, which pasted values pass unchecked.
VERIFIED_TYPED: dict[
    str, tuple[str, dict[tuple[str, str], tuple[str, str]], list[tuple[str, str]]]
] = {
    "verified_negative.xlsx": ("wards", {("P-ANPHU", "II.1.a"): ("-1", "Thiếu biên bản")}, []),
    # 120 for a criterion worth 12 (a zero too many)
    "verified_over_max.xlsx": ("wards", {("P-ANPHU", "II.1.a"): ("120", "Đủ minh chứng")}, []),
    "verified_without_reason.xlsx": ("wards", {("P-ANPHU", "II.1.a"): ("1", "")}, []),
    # the verifier unprotected the sheet and deleted a row it thought needless
    "verification_damaged.xlsx": (
        "wards",
        {("P-NHABANG", "I.1"): ("0", "Không có kế hoạch")},
        [("P-CHILANG", "I.1")],
    ),
    # merged (tests) with P-CHILANG's card gone from the inbox
    "verification_unit_not_counted.xlsx": (
        "wards",
        {
            ("P-CHILANG", "I.1"): ("0", "Không có kế hoạch"),
            ("P-NHABANG", "I.1"): ("0", "Không có kế hoạch"),
        },
        [],
    ),
    # merged (tests) after P-ANPHU resent its card with another self score here
    "verification_self_changed.xlsx": ("wards", {}, []),  # the criterion: see _changed
    # merged (tests) after another verifier's workbook verifying the same criterion
    "verification_twice.xlsx": (
        "wards",
        {("P-ANPHU", "II.1.a"): ("2", "Đã bổ sung minh chứng")},
        [],
    ),
    # written while the campaign listed a ward more, P-MOI (the criteria unchanged)
    "verification_unit_unknown.xlsx": (
        "wider",
        {
            ("P-MOI", "I.1"): ("0", "Không có kế hoạch"),
            ("P-NHABANG", "I.1"): ("0", "Không có kế hoạch"),
        },
        [],
    ),
}
# the Council (issue 16): campaign workbooks with one mistake on their Hội đồng sheet
# (tests/files/council/), and the town's vote over samples/inbox-tinh-bien: its summary, the
# tally «thidua vote» writes and tallies filled with one mistake (tests/files/vote/); what
# each must give is in tests/campaign/test_council_sheet.py and tests/merge/test_vote_files.py
COUNCIL = HERE / "council"
VOTE = HERE / "vote"
VOTE_STAMP = (2024, 10, 10, 8, 0)


def main(only: set[str]) -> int:
    """Write every file, or only the files named in ``only``."""
    campaign = load_campaign(SEED_003)
    unit = campaign.unit("NH-PN")

    def wanted(name: str) -> bool:
        return not only or name in only

    with tempfile.TemporaryDirectory(prefix="thidua-files-") as tmp:
        work = Path(tmp)
        blank = work / "NH-PN.xlsx"
        write_scorecard(blank, plan_card(campaign, unit))
        documents = [
            {
                "source": str(blank),
                "sheet": SCORECARD_SHEET,
                "fills": [{"cells": cells, "save_as": [str(HERE / name)]}],
            }
            for name, cells in BLANK_FILES.items()
            if wanted(name)
        ]
        for name, (edits, actions, unprotect) in LIBREOFFICE_FILES.items():
            if not wanted(name):
                continue
            documents.append(
                {
                    "source": str(blank),
                    "sheet": SCORECARD_SHEET,
                    "unprotect": unprotect,
                    "fills": [
                        {
                            "actions": actions,
                            "cells": {**GOOD, **edits},
                            "typed": TYPED.get(name, {}),
                            "then": THEN.get(name, []),
                            "save_as": [str(HERE / name)],
                        }
                    ],
                }
            )
        documents += [d for d in _other_cards(campaign, work) if not only or _saves(d) & only]
        documents += [d for d in _campaign_typos(work) if not only or _saves(d) & only]
        documents += [
            d for d in _verification_typed(campaign, work, only) if not only or _saves(d) & only
        ]
        if documents:
            run_uno({"documents": documents}, work)
        if not only:
            _non_libreoffice_files(work)
            _encrypt(HERE / "good.xlsx", HERE / "file_encrypted.xlsx")
        for name, make in MADE_FILES.items():
            if wanted(name):
                globals()[make](campaign, work, HERE / name)
        if not only or only & {"council", "vote"}:
            _council_files()
            _vote_files(campaign, work)
        if not only or "trend" in only:
            _trend_files(work)
    print(f"wrote {len(only) or len(list(HERE.glob('*.*'))) - 1} files into {HERE}")
    return 0


def _trend_files(work: Path) -> None:
    """Issue 18: trend/ holds the town's summaries of July–September 2024 (the Nhơn Hưng
    campaign run monthly) and one file per refusal of ``thidua trend``, named after its code
    (tests/trend_files.py; what each gives: tests/trend/test_trend_files.py)."""
    from trend_files import refused_files, write_chain

    folder = HERE / "trend"
    for old in folder.glob("*.xlsx"):
        old.unlink()
    write_chain(folder, work / "trend")
    refused_files(folder, work / "trend", folder)


def _summary_with_a_returned_unit(campaign: object, work: Path, target: Path) -> None:
    """A cluster's summary (Cụm 2 - Xã) in which X-ANCU's card came back blank and X-ANHAO's
    was rejected («nhiều» typed for Đạt/Không đạt), beside two ranked communes: read by the
    level above, both are units rejected at the level below."""
    from datetime import UTC, datetime

    from thidua_xlsx.core.model import Campaign
    from thidua_xlsx.merge.rank import merge_rank
    from thidua_xlsx.scorecard.blank_cards import scorecard_filename
    from thidua_xlsx.summary.writer import write_summary

    from fill_helpers import valid_fill

    assert isinstance(campaign, Campaign)
    stamp = datetime(2024, 9, 25, 8, 0, tzinfo=UTC)
    inbox = work / "cum-2"
    inbox.mkdir()
    for seed, code in enumerate(("X-ANCU", "X-ANHAO", "X-ANNONG", "X-TANLOI")):
        ward = campaign.unit(code)
        layout = plan_card(campaign, ward)
        values, inputs = valid_fill(layout, seed)
        if code == "X-ANCU":
            values, inputs = {}, {}
        if code == "X-ANHAO":
            first = next(key for key in values if key[1] == "result")
            values[first] = "nhiều"
        path = inbox / scorecard_filename(ward)
        write_scorecard(path, layout, values, inputs, generated_at=stamp)  # type: ignore[arg-type]
    report = merge_rank(campaign, [inbox], cluster="Cụm 2 - Xã", workers=1)
    write_summary(target, report, generated_at=stamp)


def _saves(document: dict[str, object]) -> set[str]:
    fills = document["fills"]
    assert isinstance(fills, list)
    return {Path(path).name for fill in fills for path in fill["save_as"]}


def _verification_in_inbox(campaign: object, work: Path, target: Path) -> None:
    """An upper level's verification workbook (``thidua verify``, a fixed time stamp) over an
    inbox holding good.xlsx: found among the units' files, it is verification_in_inbox."""
    from datetime import UTC, date, datetime

    from thidua_xlsx.core.model import Campaign
    from thidua_xlsx.merge.verify import plan_verification
    from thidua_xlsx.verification.writer import write_verification_workbook

    assert isinstance(campaign, Campaign)
    opened = replace(campaign, info=replace(campaign.info, deadline=date(2099, 12, 31)))
    inbox = work / "inbox"
    inbox.mkdir(exist_ok=True)
    shutil.copyfile(HERE / "good.xlsx", inbox / "good.xlsx")
    plan = plan_verification(opened, [inbox], parent="P-NHONHUNG")
    stamp = datetime(2024, 10, 2, 8, 0, tzinfo=UTC)
    write_verification_workbook(target, plan, generated_at=stamp, force=True)


def _campaign_typos(work: Path) -> list[dict[str, object]]:
    """The Nhơn Hưng campaign workbook as ``make_templates.py`` writes it, one typo typed in
    its Tiêu chí sheet (see CAMPAIGN_TYPOS)."""
    from thidua_xlsx.campaign.format import SHEET_CRITERIA
    from thidua_xlsx.campaign.workbook_writer import write_campaign_workbook
    from workbook_templates.make_templates import nhon_hung_2024

    source = work / "nhon-hung-2024-bdg.xlsx"
    write_campaign_workbook(source, nhon_hung_2024())
    return [
        {
            "source": str(source),
            "sheet": SHEET_CRITERIA,
            "fills": [{"typed": typed, "save_as": [str(HERE / name)]}],
        }
        for name, typed in CAMPAIGN_TYPOS.items()
    ]


def _wards(campaign: object, work: Path) -> Path:
    """tests/verification_files.py's wards' inbox (made once per run)."""
    from verification_files import ward_inbox

    from thidua_xlsx.core.model import Campaign

    assert isinstance(campaign, Campaign)
    folder = work / "wards"
    return folder if folder.is_dir() else ward_inbox(campaign, folder)


def _verification_typed(campaign: object, work: Path, only: set[str]) -> list[dict[str, object]]:
    """``thidua verify``'s workbooks over the wards' inbox (and over it with a ward more), the
    verifier's scores typed in LibreOffice (see VERIFIED_TYPED)."""
    from verification_files import blank_workbook, rows_of, wider_inbox

    from thidua_xlsx.core.model import Campaign
    from thidua_xlsx.verification.layout import VCOL, VERIFICATION_SHEET

    assert isinstance(campaign, Campaign)
    if only and not set(VERIFIED_TYPED) & only:
        return []
    wards = _wards(campaign, work)
    sources = {
        "wards": blank_workbook(campaign, wards, work / "tham-dinh.xlsx"),
        "wider": wider_inbox(campaign, wards, work / "wider", work / "tham-dinh-rong.xlsx"),
    }
    typed_for = dict(VERIFIED_TYPED)
    changed = _changed(campaign, work, wards)
    _, _, deleted = typed_for["verification_self_changed.xlsx"]
    typed_for["verification_self_changed.xlsx"] = (
        "wards",
        {("P-ANPHU", changed): ("0", "Thiếu minh chứng")},
        deleted,
    )
    documents: list[dict[str, object]] = []
    for name, (source, typed, delete) in typed_for.items():
        rows = rows_of(sources[source])
        letter = "ABCDEFGH"
        cells: dict[str, str] = {}
        for key, (score, reason) in typed.items():
            row = rows[key]
            cells[f"{letter[VCOL['verified']]}{row}"] = score
            if reason:
                cells[f"{letter[VCOL['reason']]}{row}"] = reason
        # rows deleted after typing (the typed ones stay where the listing says), bottom up
        actions = [
            {"op": "delete_rows", "row": rows[key] - 1}
            for key in sorted(delete, key=lambda k: -rows[k])
        ]
        documents.append(
            {
                "source": str(sources[source]),
                "sheet": VERIFICATION_SHEET,
                "unprotect": bool(actions),
                "fills": [
                    {
                        "typed": cells,
                        "then": [{"actions": actions}] if actions else [],
                        "save_as": [str(HERE / name)],
                    }
                ],
            }
        )
    return documents


def _changed(campaign: object, work: Path, wards: Path) -> str:
    """The first criterion whose self score P-ANPHU's resent card changes."""
    from verification_files import resent_inbox

    from thidua_xlsx.core.model import Campaign
    from thidua_xlsx.merge.rank import merge_rank

    assert isinstance(campaign, Campaign)
    resent = resent_inbox(campaign, wards, work / "resent")
    before = merge_rank(campaign, [wards], workers=1).card("P-ANPHU")
    after = merge_rank(campaign, [resent], workers=1).card("P-ANPHU")
    assert before is not None and after is not None
    return next(
        c.code for c in campaign.leaves if before.self_nodes[c.code] != after.self_nodes[c.code]
    )


def _summary_given_as_verification(campaign: object, work: Path, target: Path) -> None:
    """The summary ``thidua merge`` writes over the wards' inbox (the upper level's other
    output), given to ``merge --verified`` by mistake."""
    from verification_files import WRITTEN_AT

    from thidua_xlsx.core.model import Campaign
    from thidua_xlsx.merge.rank import merge_rank
    from thidua_xlsx.summary.writer import write_summary

    assert isinstance(campaign, Campaign)
    report = merge_rank(campaign, [_wards(campaign, work)], workers=1)
    write_summary(target, report, generated_at=WRITTEN_AT)


def _verification_of_another_campaign(campaign: object, work: Path, target: Path) -> None:
    """``thidua verify``'s workbook of the An Giang campaign (over one union's card)."""
    from verification_files import ON_TIME, WRITTEN_AT

    from thidua_xlsx.merge.verify import plan_verification
    from thidua_xlsx.verification.writer import write_verification_workbook

    from fill_helpers import valid_fill

    an_giang = load_campaign(SEED_000)
    inbox = work / "an-giang"
    inbox.mkdir(exist_ok=True)
    unit = an_giang.unit("HLHPN-LX")
    layout = plan_card(an_giang, unit)
    values, inputs = valid_fill(layout, 1)
    from thidua_xlsx.scorecard.blank_cards import scorecard_filename

    card = inbox / scorecard_filename(unit)
    write_scorecard(card, layout, values, inputs, generated_at=ON_TIME)  # type: ignore[arg-type]
    plan = plan_verification(an_giang, [inbox], parent=unit.parent)
    write_verification_workbook(target, plan, generated_at=WRITTEN_AT, force=True)


def _verification_of_older_criteria(campaign: object, work: Path, target: Path) -> None:
    """``thidua verify``'s workbook over the wards' inbox, written before I.5's maximum was
    lowered by a point (an older campaign fingerprint)."""
    from verification_files import blank_workbook

    from thidua_xlsx.core.model import Campaign

    assert isinstance(campaign, Campaign)
    older = replace(
        campaign,
        criteria=tuple(
            replace(c, max_points=c.max_points + 1) if c.code == "I.5" else c
            for c in campaign.criteria
        ),
    )
    target.unlink(missing_ok=True)
    blank_workbook(older, _wards(campaign, work), target)


def _tally_in_inbox(campaign: object, work: Path, target: Path) -> None:
    """The Council's tally (``thidua vote``) over the vote summary, found among the units'
    files: it is tally_in_inbox."""
    _vote_files(campaign, work)
    shutil.copyfile(VOTE / "tally.xlsx", target)


# the mistake on the seed's Hội đồng sheet: file name → a change of its Council
COUNCIL_MISTAKES: dict[str, object] = {
    "def_council_no_members": lambda c: replace(c, members=[]),
    "def_council_member_name_missing": lambda c: replace(
        c, members=[*c.members, [None, "Ủy viên", "Trưởng Công an thị xã"]]
    ),
    "def_council_member_duplicate": lambda c: replace(c, members=[*c.members, c.members[3]]),
    "def_council_two_chairs": lambda c: replace(
        c, members=[*c.members, ["Lê Văn Bảy", "Chủ tịch", "Bí thư Thị ủy"]]
    ),
    "def_council_no_chair": lambda c: replace(
        c, members=[[m[0], "Ủy viên", m[2]] if m[1] == "Chủ tịch" else m for m in c.members]
    ),
    "def_council_bad_share": lambda c: replace(
        c, titles=[[c.titles[0][0], "đa số", 3], *c.titles[1:]]
    ),
    "def_council_bad_quota": lambda c: replace(
        c, titles=[[c.titles[0][0], "Trên 50%", "ba"], *c.titles[1:]]
    ),
    "def_council_bad_yes_no": lambda c: replace(
        c, rules=[("quorum", "2/3"), ("written_votes", "tùy")]
    ),
    "def_council_title_duplicate": lambda c: replace(c, titles=[*c.titles, c.titles[0]]),
    "def_council_title_missing": lambda c: replace(c, titles=c.titles[1:]),
}


def _council_files() -> None:
    """The Nhơn Hưng campaign workbook with one mistake on its Hội đồng sheet per file."""
    from datetime import UTC, datetime

    sys.path.insert(0, str(TESTS.parent / "workbook_templates"))
    from make_templates import nhon_hung_2024

    from thidua_xlsx.campaign.workbook_writer import write_campaign_workbook

    COUNCIL.mkdir(exist_ok=True)
    stamp = datetime(*VOTE_STAMP, tzinfo=UTC)
    for name, change in COUNCIL_MISTAKES.items():
        sheets = nhon_hung_2024()
        assert sheets.council is not None
        sheets.council = change(sheets.council)  # type: ignore[operator]
        write_campaign_workbook(COUNCIL / f"{name}.xlsx", sheets, created=stamp)


# tally file name → cells typed over a valid fill (None: emptied), or a metadata edit
def _vote_cells() -> dict[str, dict[str, object]]:
    from thidua_xlsx.core.cellref import cell_name
    from thidua_xlsx.vote.layout import MCOL, candidate_col, member_row

    def at(row: int, col: int) -> str:
        return cell_name(row, col)

    return {
        "tally_presence_missing": {at(member_row(0), MCOL["presence"]): None},
        "tally_presence_unknown": {at(member_row(1), MCOL["presence"]): "đi công tác"},
        "tally_vote_unknown": {at(member_row(2), candidate_col(1)): "có lẽ"},
        "tally_vote_blank": {at(member_row(3), candidate_col(0)): None},
        "tally_damaged": {at(member_row(4), MCOL["name"]): "Người khác"},
    }


def _vote_files(campaign: object, work: Path) -> None:
    """The town's summary over samples/inbox-tinh-bien, the tally ``thidua vote`` writes over
    it, a valid fill of it (9 present, all agree) and one file per mistake."""
    from datetime import UTC, datetime

    from thidua_xlsx.core.model import Campaign
    from thidua_xlsx.merge.rank import merge_rank
    from thidua_xlsx.merge.vote import plan_vote
    from thidua_xlsx.summary.writer import write_summary
    from thidua_xlsx.vote.layout import MCOL, TALLY_SHEET, candidate_col, member_row
    from thidua_xlsx.vote.writer import write_vote_papers

    assert isinstance(campaign, Campaign)
    if (VOTE / "tally.xlsx").exists() and getattr(_vote_files, "done", False):
        return
    VOTE.mkdir(exist_ok=True)
    stamp = datetime(*VOTE_STAMP, tzinfo=UTC)
    report = merge_rank(campaign, [TESTS.parent / "samples" / "inbox-tinh-bien"])
    summary = VOTE / "summary.xlsx"
    write_summary(summary, report, generated_at=stamp)
    plan = plan_vote(campaign, summary)
    papers = work / "vote-papers"
    _, tally = write_vote_papers(plan, papers, generated_at=stamp, force=True)
    shutil.copyfile(tally, VOTE / "tally.xlsx")
    members, count = len(plan.council.members), len(plan.candidates)
    good: dict[str, object] = {}
    for i in range(members):
        good[_cell(member_row(i), MCOL["presence"])] = "Có mặt"
        for j in range(count):
            good[_cell(member_row(i), candidate_col(j))] = "Đồng ý"
    for name, edits in {"good": {}, **_vote_cells()}.items():
        book = openpyxl.load_workbook(tally)
        sheet = book[TALLY_SHEET]
        for ref, value in {**good, **edits}.items():
            sheet[ref] = value
        book.properties.created = stamp.replace(tzinfo=None)
        book.save(VOTE / f"{name}.xlsx")
        _pinned(VOTE / f"{name}.xlsx", stamp)
    _vote_files.done = True  # type: ignore[attr-defined]


def _pinned(path: Path, stamp: object) -> None:
    """openpyxl stamps its save time (the zip entries, the modified date): pinned to
    ``stamp`` so that rebuilding gives the same bytes."""
    import re
    import zipfile
    from datetime import datetime

    assert isinstance(stamp, datetime)
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + when, data)
            pinned = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            pinned.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(pinned, data)


def _cell(row: int, col: int) -> str:
    from thidua_xlsx.core.cellref import cell_name

    return cell_name(row, col)


def _other_cards(campaign: object, work: Path) -> list[dict[str, object]]:
    """Cards of another campaign, an older criteria set and an unknown unit, typed in LO."""
    from thidua_xlsx.core.model import Campaign

    assert isinstance(campaign, Campaign)
    an_giang = load_campaign(SEED_000)
    write_scorecard(work / "other.xlsx", plan_card(an_giang, an_giang.unit("HLHPN-LX")))
    older = replace(
        campaign,
        criteria=tuple(
            replace(c, max_points=c.max_points + 1) if c.code == "I.5" else c
            for c in campaign.criteria
        ),
    )
    write_scorecard(work / "older.xlsx", plan_card(older, older.unit("NH-PN")))
    stranger = Unit("NH-KHAC", "Tổ chức khác", "ngành", "P-NHONHUNG")
    widened = replace(
        campaign,
        units=(*campaign.units, stranger),
        criteria=tuple(
            replace(c, sectors=(*c.sectors, stranger.code)) if c.code == "I.5" else c
            for c in campaign.criteria
        ),
    )
    write_scorecard(work / "stranger.xlsx", plan_card(widened, stranger))
    made = [
        ("other.xlsx", {}, "file_other_campaign.xlsx"),
        ("older.xlsx", GOOD, "file_outdated_template.xlsx"),
        ("stranger.xlsx", {"F14": 3, "H14": EVIDENCE}, "unit_unknown.xlsx"),
    ]
    return [
        {
            "source": str(work / source),
            "sheet": SCORECARD_SHEET,
            "fills": [{"cells": cells, "save_as": [str(HERE / target)]}],
        }
        for source, cells, target in made
    ]


def _encrypt(source: Path, target: Path) -> None:
    """Password-protect a copy as Excel does (ECMA-376 agile encryption). LibreOffice's
    headless save ignores the password for .xlsx, so msoffcrypto-tool does it; it is needed
    only here (``pip install msoffcrypto-tool``), since the result is committed."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as plain, target.open("wb") as encrypted:
        OOXMLFile(plain).encrypt("1", encrypted)


def _non_libreoffice_files(work: Path) -> None:
    good = HERE / "good.xlsx"
    (HERE / "file_empty.xlsx").write_bytes(b"")
    (HERE / "file_not_workbook.xlsx").write_text(
        "Mã,Nội dung,Điểm\nI.5,Kế hoạch,3\n", encoding="utf-8"
    )
    png = TESTS / "golden" / "scorecard-full-P-NHONHUNG-page1.png"
    shutil.copyfile(png, HERE / "file_not_workbook-png.xlsx")
    data = good.read_bytes()
    (HERE / "file_truncated.xlsx").write_bytes(data[: len(data) // 2])
    # openpyxl keeps formulas but drops their cached results, as its users find out
    book = openpyxl.load_workbook(good)
    book.save(HERE / "formula_without_cache.xlsx")
    book = openpyxl.load_workbook(good)
    cell = book[SCORECARD_SHEET]["F17"]
    cell.value = "#DIV/0!"
    cell.data_type = "e"
    book.save(HERE / "value_excel_error.xlsx")


if __name__ == "__main__":
    sys.exit(main(set(sys.argv[1:])))
