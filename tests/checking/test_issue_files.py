"""tests/files/ beyond the cards (issue 15): campaign workbooks with a definition typo and
upper-level verification workbooks (made by tests/files/make_files.py), each run the way a
user runs it, and each giving exactly its issue at its cell or row. Every code of the issue-15
blocks of the catalogue has a file named after it. The expectations are written by hand.

* ``def_*.xlsx``: ``load_campaign`` / ``thidua show`` (an error refuses the campaign, a
  warning is printed and the campaign loads);
* ``verification_*.xlsx``, ``verified_*.xlsx``: ``merge_rank(..., verified=[file])`` and
  ``thidua merge ... --verified FILE`` over the wards' inbox of tests/verification_files.py
  (the one the workbooks were written over, rebuilt here from the same fills and time stamps),
  or that inbox changed since: the merge goes on, the workbook costs only itself.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_check_files import EXPECTED as CARD_FILES
from test_check_files import MEMBERS
from verification_files import blank_workbook, filled, resent_inbox, ward_inbox

import thidua_xlsx.words.issues as issues_module
from thidua_xlsx import (
    Campaign,
    CampaignDefinitionError,
    Severity,
    load_campaign,
    merge_rank,
)
from thidua_xlsx.faces.cli import main
from thidua_xlsx.words.issues import CATALOGUE

from conftest import ROOT, SEED_003

FILES = ROOT / "tests" / "files"
CRIT = "Tiêu chí"

# file → (code, sheet, row, cell, criterion): the one problem the campaign workbook has
CAMPAIGN_FILES: dict[str, tuple[str, str, int, str, str]] = {
    # «TB» typed in I.5's Cách tổng hợp
    "def_unknown_compose_rule.xlsx": ("def_unknown_compose_rule", CRIT, 7, "I7", "I.5"),
    # 120 typed for II.1.a (12) under II.1 (30)
    "def_child_max_over_parent.xlsx": ("def_child_max_over_parent", CRIT, 10, "C10", "II.1.a"),
    # 8 typed for section V, whose deductions add up to 20: a warning
    "def_children_far_exceed.xlsx": ("def_children_far_exceed", CRIT, 42, "C42", "V"),
}


@dataclass(frozen=True)
class Verification:
    """What one verification workbook gives, merged over ``inbox``."""

    issues: list[tuple[str, str, str, str]]  # (code, cell, criterion, value)
    accepted: bool
    inbox: str = "wards"  # "wards", "without P-CHILANG", "P-ANPHU resent"
    after_another: bool = False  # given after another verifier's workbook


# the cells: P-ANPHU's I.1 is row 11 of the verification sheet, its II.1.a row 16; F is the
# verified score, H the reason
VERIFICATION_FILES: dict[str, Verification] = {
    # the summary of ``thidua merge``, given instead of the verification workbook
    "verification_not_workbook.xlsx": Verification(
        [("verification_not_workbook", "", "", "summary")], accepted=False
    ),
    "verification_other_campaign.xlsx": Verification(
        [("verification_other_campaign", "", "", "AG-HLHPN-2021")], accepted=False
    ),
    "verification_outdated.xlsx": Verification(
        [("verification_outdated", "", "", "f57f97ba651f408c")], accepted=False
    ),
    # P-CHILANG's I.1 row deleted (the sheet unprotected)
    "verification_damaged.xlsx": Verification(
        [("verification_damaged", "", "", "")], accepted=False
    ),
    "verification_unit_unknown.xlsx": Verification(
        [("verification_unit_unknown", "", "", "P-MOI")], accepted=True
    ),
    "verification_unit_not_counted.xlsx": Verification(
        [("verification_unit_not_counted", "", "", "P-CHILANG")],
        accepted=True,
        inbox="without P-CHILANG",
    ),
    # P-ANPHU's I.1 verified while self-scored 0; its card sent again since scores it otherwise
    "verification_self_changed.xlsx": Verification(
        [("verification_self_changed", "F11", "I.1", "0")], accepted=True, inbox="P-ANPHU resent"
    ),
    "verification_twice.xlsx": Verification(
        [("verification_twice", "F16", "II.1.a", "P-ANPHU")], accepted=True, after_another=True
    ),
    "verified_negative.xlsx": Verification(
        [("verified_negative", "F16", "II.1.a", "-1")], accepted=False
    ),
    "verified_over_max.xlsx": Verification(
        [("verified_over_max", "F16", "II.1.a", "120")], accepted=False
    ),
    "verified_without_reason.xlsx": Verification(
        [("verified_without_reason", "H16", "II.1.a", "1")], accepted=False
    ),
}


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(SEED_003)


@pytest.fixture(scope="module")
def inboxes(campaign: Campaign, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wards' inbox the workbooks were written over, and that inbox changed since."""
    root = tmp_path_factory.mktemp("issue-files")
    wards = ward_inbox(campaign, root / "wards")
    without = root / "without"
    shutil.copytree(wards, without)
    (gone,) = [p for p in without.iterdir() if p.name.startswith("P-CHILANG")]
    gone.unlink()
    return {
        "wards": wards,
        "without P-CHILANG": without,
        "P-ANPHU resent": resent_inbox(campaign, wards, root / "resent"),
    }


@pytest.fixture(scope="module")
def another(campaign: Campaign, inboxes: dict[str, Path]) -> Path:
    """Another verifier's workbook over the wards' inbox: P-ANPHU's II.1.a verified 1."""
    wards = inboxes["wards"]
    blank = blank_workbook(campaign, wards, wards.parent / "tham-dinh-khac.xlsx")
    typed = {("P-ANPHU", "II.1.a"): (1, "Thiếu minh chứng")}
    return filled(blank, wards.parent / "tham-dinh-khac-da-dien.xlsx", typed)


# -- campaign workbooks ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CAMPAIGN_FILES))
def test_each_campaign_file_gives_exactly_its_problem(name: str) -> None:
    code, sheet, row, cell, criterion = CAMPAIGN_FILES[name]
    expected = [(code, sheet, row, cell, criterion)]
    if CATALOGUE[code].severity is Severity.ERROR:
        with pytest.raises(CampaignDefinitionError) as caught:
            load_campaign(FILES / name)
        problems = caught.value.problems
    else:
        problems = list(load_campaign(FILES / name).warnings)
    assert [(p.code, p.sheet, p.row, p.cell, p.criterion) for p in problems] == expected
    for problem in problems:
        for lang in ("vi", "en"):
            message = problem.message(lang)
            assert message and "{" not in message and "None" not in message, message


@pytest.mark.parametrize("name", sorted(CAMPAIGN_FILES))
def test_show_prints_each_campaign_files_problem_with_its_cell(name: str) -> None:
    """``thidua show``: an error refuses the campaign (exit 2, no criteria tree printed); a
    warning is printed after the tree, which it does not stop."""
    code, _, row, cell, _ = CAMPAIGN_FILES[name]
    out = io.StringIO()
    exit_code = main(["show", str(FILES / name), "--lang", "en"], out=out)
    printed = out.getvalue()
    (line,) = [x for x in printed.splitlines() if f"[{code}]" in x]
    assert f"row {row}, cell {cell}:" in line
    if CATALOGUE[code].severity is Severity.ERROR:
        assert exit_code == 2 and "Criteria fingerprint" not in printed
    else:
        assert exit_code == 0 and "Criteria fingerprint" in printed


# -- verification workbooks -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(VERIFICATION_FILES))
def test_each_verification_file_gives_exactly_its_issue_and_the_merge_goes_on(
    name: str, campaign: Campaign, inboxes: dict[str, Path], another: Path
) -> None:
    case = VERIFICATION_FILES[name]
    inbox = inboxes[case.inbox]
    before = [another] if case.after_another else []
    report = merge_rank(campaign, [inbox], verified=[*before, FILES / name])
    *earlier, result = report.verification
    assert [v.accepted for v in earlier] == [True] * len(before)
    found = [(i.code, i.cell, i.criterion, i.value) for i in result.issues]
    assert found == case.issues
    assert result.accepted is case.accepted
    assert all(i.file == str(FILES / name) for i in result.issues)
    for issue in result.issues:
        for lang in ("vi", "en"):
            message = issue.message(lang)
            assert message and "{" not in message and "None" not in message, message
    # the merge goes on: every card counted is ranked, as without the workbook
    plain = merge_rank(campaign, [inbox], verified=before)
    assert [r.unit for r in report.ranking] == [r.unit for r in plain.ranking]
    assert report.ranking
    if not case.accepted:
        assert report.exit_code == 1
        assert report.ranking == plain.ranking  # nothing of it applied
    else:
        assert report.exit_code == plain.exit_code == 0
        applied = {s.source for scores in report.verified.values() for s in scores.values()}
        assert name in applied  # its other rows are applied


def test_a_damaged_workbook_names_the_row_that_is_gone(
    campaign: Campaign, inboxes: dict[str, Path]
) -> None:
    report = merge_rank(
        campaign, [inboxes["wards"]], verified=[FILES / "verification_damaged.xlsx"]
    )
    ((issue,),) = [v.issues for v in report.verification]
    assert issue.params["detail"] == "P-CHILANG I.1"


@pytest.mark.parametrize("name", sorted(VERIFICATION_FILES))
def test_merge_verified_on_the_command_line_reports_each_file(
    name: str, inboxes: dict[str, Path], another: Path, tmp_path: Path
) -> None:
    """``thidua merge CAMPAIGN INBOX -o SUMMARY --verified FILE --json``: the summary is written
    whatever the workbook; exit 1 when the workbook is refused."""
    case = VERIFICATION_FILES[name]
    before = ["--verified", str(another)] if case.after_another else []
    summary = tmp_path / "tong-hop.xlsx"
    out = io.StringIO()
    argv = ["merge", str(SEED_003), str(inboxes[case.inbox]), "-o", str(summary)]
    code = main([*argv, *before, "--verified", str(FILES / name), "--json"], out=out)
    assert code == (0 if case.accepted else 1)
    assert summary.exists()
    workbook = json.loads(out.getvalue())["verification"]["workbooks"][-1]
    assert workbook["path"] == str(FILES / name)
    assert workbook["status"] == ("accepted" if case.accepted else "rejected")
    found = [(i["code"], i["cell"]) for i in workbook["issues"]]
    assert found == [(code_, cell) for code_, cell, _, _ in case.issues]


# -- every issue-15 code has its file --------------------------------------------------------

# codes of the issue-15 blocks that cannot have a file of their own (none so far)
NO_FILE: dict[str, str] = {}


def _issue_15_codes() -> list[str]:
    """The codes between each ``# -- issue 15`` comment of the catalogue and the next
    comment of that kind (or the catalogue's end)."""
    source = Path(issues_module.__file__).read_text(encoding="utf-8")
    codes: list[str] = []
    inside = False
    for line in source.splitlines():
        if re.match(r"\s*# --", line):
            inside = "issue 15" in line
        elif line.startswith("}"):
            inside = False
        elif inside and (found := re.match(r'\s*"([a-z0-9_]+)": CatalogueEntry\(', line)):
            codes.append(found.group(1))
    return codes


def test_every_issue_15_code_has_a_file_named_after_it_giving_it() -> None:
    codes = _issue_15_codes()
    # the blocks as the issue left them: the parser finds them all
    assert {
        "def_unknown_compose_rule",
        "card_blank",
        "verified_in_unit_file",
        "verified_without_reason",
        "card_total_differs",
    } <= set(codes)
    assert len(codes) == len(set(codes)) >= 20
    assert set(codes) <= set(CATALOGUE)
    expected: dict[str, set[str]] = {
        **{name: {code for code, *_ in found} for name, found in CARD_FILES.items()},
        **{  # a summary's units
            name: {code for found in units.values() for code, *_ in found}
            for name, units in MEMBERS.items()
        },
        **{name: {case[0]} for name, case in CAMPAIGN_FILES.items()},
        **{name: {i[0] for i in case.issues} for name, case in VERIFICATION_FILES.items()},
    }
    missing = [
        code
        for code in codes
        if code not in NO_FILE
        and not ((FILES / f"{code}.xlsx").is_file() and code in expected.get(f"{code}.xlsx", ()))
    ]
    assert missing == []
    assert set(NO_FILE) <= set(codes)


def test_every_file_in_the_folder_has_an_expectation() -> None:
    """Cards (tests/checking/test_check_files.py), campaign and verification workbooks; the
    folders council/ and vote/ hold the Council's files (tests/campaign, tests/merge)."""
    present = {
        p.name
        for p in FILES.iterdir()
        if p.is_file() and p.suffix != ".py" and not p.name.startswith(".")
    }
    assert present == set(CARD_FILES) | set(CAMPAIGN_FILES) | set(VERIFICATION_FILES)
