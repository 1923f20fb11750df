"""The Council's vote through LibreOffice, typed as a secretary types:

* the tally ``thidua vote`` writes, filled in LibreOffice (its sheet still protected: only the
  open cells take input; the words typed, one of them in lower case without accents as people
  type in a hurry) and saved as .xlsx, .ods and .xls, is read back and decided alike;
* a word LibreOffice lets through (the list's check only warns) is refused with its cell;
* the ballots print one A4 portrait page per member, the tally one A4 page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from vote_files import tally_cells, town_summary, vote_campaign, vote_papers

from thidua_xlsx import decide_vote
from thidua_xlsx.core.vote import Outcome
from thidua_xlsx.vote.layout import TALLY_SHEET, member_row

from libreoffice import convert, page_sizes, page_text, run_uno

pytestmark = pytest.mark.libreoffice

A4_PORTRAIT = (595.3, 841.89)
Y, N = "Đồng ý", "Không đồng ý"


def test_a_tally_typed_in_libreoffice_is_read_back_and_decided(
    soffice: str, tmp_path: Path
) -> None:
    campaign = vote_campaign()
    summary = town_summary(campaign, tmp_path / "town")
    _, tally = vote_papers(campaign, summary, tmp_path / "hoi-dong")
    # 9 members, the last two absent (7 present); U0 agreed by all 7, U1 by 5 (more than
    # half of 9), U2 by 4 (not), U3 by 5 and U4 by 5: a tie for the third place, the chairman
    # (member 1) agreed to U3 only
    presence = ["Có mặt"] * 6 + ["co mat"] + ["Vắng mặt"] * 2
    votes: list[list[str | None]] = [[N] * 5 for _ in range(7)] + [[None] * 5] * 2
    for i in range(7):
        votes[i][0] = Y
    for i in range(5):
        votes[i][1] = Y
    for i in range(1, 5):
        votes[i][2] = Y
    for i in (0, 2, 3, 4, 5):
        votes[i][3] = Y
    for i in (1, 2, 3, 4, 5):
        votes[i][4] = Y
    votes[6][0] = "dong y"  # typed in a hurry, no accents
    saved = [tmp_path / "filled" / f"KIEM-PHIEU.{ext}" for ext in ("xlsx", "ods", "xls")]
    bad = tmp_path / "bad" / "KIEM-PHIEU.xlsx"
    typed = tally_cells(presence, votes)
    wrong = f"D{member_row(3) + 1}"
    run_uno(
        {
            "documents": [
                {
                    "source": str(tally),
                    "sheet": TALLY_SHEET,  # still protected: only the open cells
                    "fills": [
                        {"typed": typed, "save_as": [str(p) for p in saved]},
                        {"typed": {**typed, wrong: "đi họp"}, "save_as": [str(bad)]},
                    ],
                }
            ]
        },
        tmp_path / "uno",
    )
    for path in saved:
        result = decide_vote(campaign, summary, path)
        assert result.accepted, (path.suffix, [i.describe() for i in result.issues])
        decision = result.decision
        assert decision is not None
        assert (decision.members, decision.present, decision.counted) == (9, 7, 7)
        assert [d.yes for d in decision.decisions] == [7, 5, 4, 5, 5]
        assert [d.outcome for d in decision.decisions] == [
            Outcome.SELECTED,
            Outcome.SELECTED,
            Outcome.BELOW_SHARE,
            Outcome.SELECTED,
            Outcome.OVER_QUOTA,
        ]
        assert decision.decisions[3].reason.code == "vote_tie_chair_agreed"
        assert decision.decisions[4].reason.code == "vote_tie_chair_not"
    refused = decide_vote(campaign, summary, bad)
    assert refused.decision is None
    assert [(i.code, i.cell, i.value) for i in refused.issues] == [
        ("tally_presence_unknown", wrong, "đi họp")
    ]


def test_the_ballots_print_one_a4_portrait_page_per_member(soffice: str, tmp_path: Path) -> None:
    campaign = vote_campaign()
    summary = town_summary(campaign, tmp_path / "town")
    ballots, tally = vote_papers(campaign, summary, tmp_path / "hoi-dong")
    council = campaign.council
    assert council is not None
    pdf = convert(soffice, ballots, "pdf", tmp_path / "pdf")
    sizes = page_sizes(pdf)
    assert len(sizes) == len(council.members)
    for size in sizes:
        assert size == pytest.approx(A4_PORTRAIT, abs=1)
    for page, member in enumerate(council.members, start=1):
        text = page_text(pdf, page)
        assert "PHIẾU BIỂU QUYẾT" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert member.name in text
        assert "Đồng ý" in text and "Không" in text
    tally_pdf = convert(soffice, tally, "pdf", tmp_path / "pdf")
    assert len(page_sizes(tally_pdf)) == 1
    text = page_text(tally_pdf, 1)
    assert "BẢNG KIỂM PHIẾU BIỂU QUYẾT" in text
    assert all(m.name in text for m in council.members)
