"""``thidua vote``: the Council's ballots and tally written from a summary, the tally read back
like any returned file (fingerprints, bad values refused with their codes and cells), the
vote decided and every decision explained, the result workbook written for the dossier.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from vote_files import fill_tally, tally_cells, town_summary, vote_campaign, vote_papers

from thidua_xlsx import (
    Campaign,
    VoteError,
    decide_vote,
    plan_vote,
    read_vote_result,
    write_vote_result,
)
from thidua_xlsx.core.council import Share
from thidua_xlsx.core.vote import Outcome
from thidua_xlsx.faces.cli import main
from thidua_xlsx.scorecard.layout import META_SHEET
from thidua_xlsx.vote.layout import (
    CODE_ROW,
    HEADER_ROW,
    MCOL,
    RESULT_SHEET,
    TALLY_SHEET,
    candidate_col,
    member_row,
)

from conftest import SEED_003

Y, N = "Đồng ý", "Không đồng ý"
HERE, AWAY = "Có mặt", "Vắng mặt"


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return vote_campaign()


@pytest.fixture(scope="module")
def summary(campaign: Campaign, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return town_summary(campaign, tmp_path_factory.mktemp("town"))


@pytest.fixture(scope="module")
def papers(campaign: Campaign, summary: Path, tmp_path_factory: pytest.TempPathFactory):
    return vote_papers(campaign, summary, tmp_path_factory.mktemp("hoi-dong"))


def test_the_candidates_are_the_summarys_proposed_units(campaign: Campaign, summary: Path) -> None:
    plan = plan_vote(campaign, summary)
    book = openpyxl.load_workbook(summary, read_only=True)
    award = [
        row[1]
        for row in book["Đề nghị khen thưởng"].iter_rows(min_row=5, values_only=True)
        if isinstance(row[0], int)
    ]
    assert [c.unit for c in plan.candidates] == award
    assert len(plan.candidates) == 5  # Số đơn vị đề nghị khen thưởng
    assert plan.rule.quota == 3 and plan.rule.share == Share(plan.rule.share.fraction, True)
    assert plan.parent == "TXTB"


def test_the_papers_one_ballot_per_member_and_a_protected_tally(
    campaign: Campaign, summary: Path, papers: tuple[Path, Path]
) -> None:
    ballots, tally = papers
    council = campaign.council
    assert council is not None
    plan = plan_vote(campaign, summary)
    book = openpyxl.load_workbook(ballots)
    assert len(book.sheetnames) == len(council.members) == 9
    first = book.worksheets[0]
    texts = [str(c.value) for row in first.iter_rows() for c in row if c.value is not None]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "PHIẾU BIỂU QUYẾT" in texts
    assert any(council.members[0].name in t for t in texts)
    assert [c.name for c in plan.candidates] == [t for t in texts if t.startswith("UBND")][:5]
    assert first.page_setup.paperSize == 9 and first.page_setup.orientation == "portrait"

    sheets = openpyxl.load_workbook(tally)
    assert sheets.sheetnames == [TALLY_SHEET, META_SHEET]
    sheet = sheets[TALLY_SHEET]
    assert sheet.protection.sheet
    assert sheets[META_SHEET].sheet_state == "veryHidden"
    for i, member in enumerate(council.members):
        assert sheet.cell(member_row(i) + 1, MCOL["name"] + 1).value == member.name
        assert not sheet.cell(member_row(i) + 1, MCOL["presence"] + 1).protection.locked
        for j in range(len(plan.candidates)):
            assert not sheet.cell(member_row(i) + 1, candidate_col(j) + 1).protection.locked
    for j, c in enumerate(plan.candidates):
        assert sheet.cell(CODE_ROW + 1, candidate_col(j) + 1).value == c.unit
        assert sheet.cell(HEADER_ROW + 1, candidate_col(j) + 1).value == c.name
    assert sheet.cell(member_row(0) + 1, MCOL["name"] + 1).protection.locked


def _grid(rows: int, cols: int, fill: str) -> list[list[str | None]]:
    return [[fill] * cols for _ in range(rows)]


def test_a_filled_tally_is_decided_and_every_decision_explained(
    campaign: Campaign, summary: Path, papers: tuple[Path, Path], tmp_path: Path
) -> None:
    _, tally = papers
    # 9 members, 7 present (two thirds is 6); the absent Ủy viên sent a written opinion for
    # the first two units; quota 3, more than half of ALL members (5 of 9) needed
    presence = [HERE] * 7 + [AWAY, AWAY]
    votes = _grid(9, 5, N)
    for i in range(7):  # U0: 7 yes; U1: 6 yes + 1 written = 7
        votes[i][0] = Y
    for i in range(6):
        votes[i][1] = Y
    votes[7][1] = Y
    votes[7][0] = Y  # written opinion: U0 has 8
    votes[8] = [None] * 5  # the other absent member sent nothing
    for i in (0, 2, 3, 4, 5):  # U2 and U3 tie with 5 for the last place; the chairman
        votes[i][2] = Y  # (member 1) agreed to U2 only
    for i in (1, 2, 3, 4, 5):
        votes[i][3] = Y
    for i in range(4):  # U4: 4 of 9 — not more than half
        votes[i][4] = Y
    filled = fill_tally(tally, tmp_path / "KIEM-PHIEU.xlsx", tally_cells(presence, votes))
    result = decide_vote(campaign, summary, filled)
    assert result.accepted, [i.code for i in result.issues]
    decision = result.decision
    assert decision is not None
    assert (decision.members, decision.present, decision.counted) == (9, 7, 8)
    assert [d.yes for d in decision.decisions] == [8, 7, 5, 5, 4]
    assert [d.outcome for d in decision.decisions] == [
        Outcome.SELECTED,
        Outcome.SELECTED,
        Outcome.SELECTED,
        Outcome.OVER_QUOTA,
        Outcome.BELOW_SHARE,
    ]
    assert [d.reason.code for d in decision.decisions] == [
        "vote_passed",
        "vote_passed",
        "vote_tie_chair_agreed",
        "vote_tie_chair_not",
        "vote_below_share",
    ]
    assert result.exit_code == 0

    written = write_vote_result(result, tmp_path / "KET-QUA.xlsx")
    book = openpyxl.load_workbook(written)
    sheet = book[RESULT_SHEET]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    for d in decision.decisions:
        assert d.reason.message("vi") in texts
    listing = [
        row[1:10] for row in book[META_SHEET].iter_rows(values_only=True) if row[0] == "decision"
    ]
    assert [(r[0], r[4], r[7]) for r in listing] == [
        (d.candidate.unit, str(d.yes), d.outcome.value) for d in decision.decisions
    ]
    # read back for the dossier, through intake, as the result workbook says it
    read = read_vote_result(campaign, written)
    assert [
        (u.unit, u.total, u.yes, u.no, u.blank, u.outcome, u.code, u.reason) for u in read.decisions
    ] == [
        (
            d.candidate.unit,
            d.candidate.total,
            d.yes,
            d.no,
            d.blank,
            d.outcome.value,
            d.reason.code,
            d.reason.message("vi"),
        )
        for d in decision.decisions
    ]
    assert read.metadata["selected"] == ";".join(d.candidate.unit for d in decision.selected)
    # found in an inbox, it is no unit's file
    from thidua_xlsx import check_file

    assert [i.code for i in check_file(campaign, written).issues] == ["tally_in_inbox"]
    with pytest.raises(VoteError):
        read_vote_result(campaign, filled)  # a tally, not a result


def test_no_quorum_decides_no_unit(
    campaign: Campaign, summary: Path, papers: tuple[Path, Path], tmp_path: Path
) -> None:
    _, tally = papers
    presence = [HERE] * 5 + [AWAY] * 4  # 5 of 9: short of two thirds (6)
    filled = fill_tally(tally, tmp_path / "t.xlsx", tally_cells(presence, _grid(9, 5, Y)))
    result = decide_vote(campaign, summary, filled)
    assert result.decision is not None and not result.decision.quorum_met
    assert {d.outcome for d in result.decision.decisions} == {Outcome.NO_QUORUM}
    assert [i.code for i in result.decision.issues] == ["vote_no_quorum"]
    assert result.exit_code == 1


# mistakes the secretary makes: (presence, votes) edits → (code, cell)
def _bad_cells() -> list[tuple[str, dict[str, object], str, str]]:
    presence = [HERE] * 9
    good = tally_cells(presence, _grid(9, 5, Y))
    p0 = f"D{member_row(0) + 1}"
    v = f"{chr(ord('A') + candidate_col(1))}{member_row(2) + 1}"
    return [
        ("presence_missing", {**good, p0: None}, "tally_presence_missing", p0),
        ("presence_unknown", {**good, p0: "đi công tác"}, "tally_presence_unknown", p0),
        ("vote_unknown", {**good, v: "có lẽ"}, "tally_vote_unknown", v),
    ]


@pytest.mark.parametrize(("name", "cells", "code", "cell"), _bad_cells(), ids=lambda x: str(x)[:20])
def test_bad_values_are_refused_with_their_codes_and_cells(
    campaign: Campaign,
    summary: Path,
    papers: tuple[Path, Path],
    tmp_path: Path,
    name: str,
    cells: dict[str, object],
    code: str,
    cell: str,
) -> None:
    _, tally = papers
    filled = fill_tally(tally, tmp_path / f"{name}.xlsx", cells)
    result = decide_vote(campaign, summary, filled)
    assert result.decision is None and result.exit_code == 1
    assert [(i.code, i.cell, i.sheet) for i in result.issues] == [(code, cell, TALLY_SHEET)]


def test_a_blank_vote_of_a_present_member_counts_as_not_agreeing(
    campaign: Campaign, summary: Path, papers: tuple[Path, Path], tmp_path: Path
) -> None:
    _, tally = papers
    votes = _grid(9, 5, Y)
    votes[3][0] = None
    filled = fill_tally(tally, tmp_path / "t.xlsx", tally_cells([HERE] * 9, votes))
    result = decide_vote(campaign, summary, filled)
    assert [i.code for i in result.issues] == ["tally_vote_blank"]
    assert result.decision is not None
    first = result.decision.decisions[0]
    assert (first.yes, first.no, first.blank) == (8, 0, 1)


def _listing(book: openpyxl.Workbook) -> None:
    for row in book[META_SHEET].iter_rows():
        if row[0].value == "candidate":
            row[3].value = "199.5"  # a total raised in the hidden listing
            return


def _code(book: openpyxl.Workbook) -> None:
    book[TALLY_SHEET].cell(CODE_ROW + 1, candidate_col(0) + 1).value = "X-KHAC"


def _meta(key: str, value: str):
    def edit(book: openpyxl.Workbook) -> None:
        for row in book[META_SHEET].iter_rows():
            if row[0].value == key:
                row[1].value = value

    return edit


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (_listing, "tally_damaged"),
        (_code, "tally_damaged"),
        (_meta("campaign_id", "KHAC-2024"), "tally_other_campaign"),
        (_meta("fingerprint", "0123456789abcdef"), "tally_outdated"),
        (_meta("kind", "summary"), "tally_not_tally"),
    ],
)
def test_a_tally_changed_outside_its_open_cells_is_refused(
    campaign: Campaign, summary: Path, papers: tuple[Path, Path], tmp_path: Path, edit, code
) -> None:
    _, tally = papers
    book = openpyxl.load_workbook(tally)
    edit(book)
    book.save(tmp_path / "t.xlsx")
    result = decide_vote(campaign, summary, tmp_path / "t.xlsx")
    assert [i.code for i in result.issues] == [code]
    assert result.decision is None


def test_a_changed_council_or_summary_refuses_the_tally(
    campaign: Campaign, summary: Path, papers: tuple[Path, Path], tmp_path: Path
) -> None:
    _, tally = papers
    council = campaign.council
    assert council is not None
    fewer = replace(campaign, council=replace(council, members=council.members[:-1]))
    assert [i.code for i in decide_vote(fewer, summary, tally).issues] == ["tally_council_changed"]
    assert campaign.award is not None
    four = replace(campaign, award=replace(campaign.award, top_n=4))
    codes = [i.code for i in decide_vote(four, summary, tally).issues]
    assert codes == ["tally_summary_changed"]
    # a summary, not a tally
    assert [i.code for i in decide_vote(campaign, summary, summary).issues] == ["tally_not_tally"]


def test_a_campaign_without_a_council_or_an_award_cannot_vote(
    campaign: Campaign, summary: Path
) -> None:
    with pytest.raises(VoteError) as no_council:
        plan_vote(replace(campaign, council=None), summary)
    assert no_council.value.reason == "vote.no_council"
    with pytest.raises(VoteError) as no_award:
        plan_vote(replace(campaign, award=None), summary)
    assert no_award.value.reason == "vote.no_award"


def test_the_command_line_writes_the_papers_then_decides(summary: Path, tmp_path: Path) -> None:
    folder = tmp_path / "hoi-dong"
    out = io.StringIO()
    code = main(["vote", str(SEED_003), str(summary), "-o", str(folder), "--json"], out=out)
    assert code == 0, out.getvalue()
    document = json.loads(out.getvalue())
    tally = Path(document["tally"])
    assert len(document["members"]) == 9 and Path(document["ballots"]).is_file()
    count = len(document["candidates"])  # the seed's own award: Khá or better, top 5
    presence = [HERE] * 6 + [AWAY] * 3
    filled = fill_tally(tally, tmp_path / "filled.xlsx", tally_cells(presence, _grid(9, count, Y)))
    out = io.StringIO()
    result = tmp_path / "KET-QUA.xlsx"
    code = main(
        ["vote", str(SEED_003), str(summary), "--tally", str(filled), "-o", str(result)],
        out=out,
    )
    printed = out.getvalue()
    assert code == 0, printed
    assert result.is_file()
    assert "9 thành viên, có mặt 6" in printed
    # the same in English, as JSON: 9 yes of 9 (written opinions count) for every unit
    out = io.StringIO()
    code = main(
        ["vote", str(SEED_003), str(summary), "--tally", str(filled), "-o", str(result),
         "--force", "--json", "--lang", "en"],
        out=out,
    )  # fmt: skip
    decided = json.loads(out.getvalue())
    assert decided["present"] == 6 and decided["quorum_met"]
    assert [d["yes"] for d in decided["decisions"]] == [9] * count
    selected = [d for d in decided["decisions"] if d["outcome"] == "selected"]
    assert len(selected) == min(count, 3)
    assert all("members agreed" in d["reason"] for d in decided["decisions"])
    # never over its inputs
    code = main(["vote", str(SEED_003), str(summary), "--tally", str(filled), "-o", str(filled)])
    assert code == 2


def test_written_opinions_count_only_when_the_rules_say_so(
    campaign: Campaign, summary: Path, tmp_path: Path
) -> None:
    council = campaign.council
    assert council is not None
    strict = replace(campaign, council=replace(council, written_votes_count=False))
    _, tally = vote_papers(strict, summary, tmp_path / "papers")
    presence = [HERE] * 7 + [AWAY] * 2
    votes = _grid(9, 5, N)
    votes[7] = [None] * 5
    votes[8] = [Y, None, None, None, None]  # an absent member's written opinion
    filled = fill_tally(tally, tmp_path / "t.xlsx", tally_cells(presence, votes))
    result = decide_vote(strict, summary, filled)
    assert [(i.code, i.cell) for i in result.issues] == [
        ("tally_absent_vote_ignored", f"{chr(ord('A') + candidate_col(0))}{member_row(8) + 1}")
    ]
    assert result.decision is not None and result.decision.counted == 7
    assert result.decision.decisions[0].yes == 0
    # the same tally under the campaign's own rules is refused: the Council's rules changed
    assert [i.code for i in decide_vote(campaign, summary, filled).issues] == [
        "tally_council_changed"
    ]


def test_a_summary_made_with_verification_votes_on_its_verified_ranking(
    campaign: Campaign, summary: Path, tmp_path: Path
) -> None:
    """The verified scores decide the summary's list: ``--verified`` gives the same
    workbooks again, and the candidates are the summary's, not the self-scored ones."""
    from verification_files import blank_workbook, filled

    from thidua_xlsx import merge_rank
    from thidua_xlsx.summary.writer import write_summary

    inbox = summary.parent / "inbox"
    first = plan_vote(campaign, summary).candidates[0]
    report = merge_rank(campaign, [inbox])
    card = report.card(first.unit)
    assert card is not None
    # every criterion of the first unit verified at 0, with a reason
    typed = {
        (first.unit, code): (0, "Không có minh chứng")
        for code, score in card.self_nodes.items()
        if campaign.criterion(code).is_leaf and score > 0
    }
    workbook = filled(
        blank_workbook(campaign, inbox, tmp_path / "TD.xlsx"), tmp_path / "TD2.xlsx", typed
    )
    verified = merge_rank(campaign, [inbox], verified=[workbook])
    out = tmp_path / "TONG-HOP-TD.xlsx"
    write_summary(out, verified)
    plain = [c.unit for c in plan_vote(campaign, out).candidates]
    again = [c.unit for c in plan_vote(campaign, out, verified=[workbook]).candidates]
    assert first.unit in plain and first.unit not in again
    listed = [r.unit for r in verified.ranking][: len(again)]
    assert again == listed
