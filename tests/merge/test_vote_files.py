"""The Council's files in tests/files/vote/ (made by tests/files/make_files.py): the town's
summary over samples/inbox-tinh-bien, the tally ``thidua vote`` wrote over it, and tallies
filled with one mistake each, read back through intake as any returned file."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_xlsx import decide_vote, load_campaign
from thidua_xlsx.vote.layout import TALLY_SHEET

from conftest import SEED_003

VOTE = Path(__file__).resolve().parents[1] / "files" / "vote"

# file → [(code, cell)]; the members' rows start at row 11, the candidates' columns at E
EXPECTED = {
    "tally_presence_missing": [("tally_presence_missing", "D11")],
    "tally_presence_unknown": [("tally_presence_unknown", "D12")],
    "tally_vote_unknown": [("tally_vote_unknown", "F13")],
    "tally_vote_blank": [("tally_vote_blank", "E14")],
    "tally_damaged": [("tally_damaged", "")],
    "tally": [
        (code, f"D{row}") for code, row in [("tally_presence_missing", r) for r in range(11, 20)]
    ],
}


def test_every_vote_file_has_an_expectation() -> None:
    present = {p.stem for p in VOTE.glob("*.xlsx")}
    assert present == {*EXPECTED, "good", "summary"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_tally_gives_exactly_its_issues(name: str) -> None:
    campaign = load_campaign(SEED_003)
    result = decide_vote(campaign, VOTE / "summary.xlsx", VOTE / f"{name}.xlsx")
    found = [(i.code, i.cell) for i in result.issues]
    assert found == EXPECTED[name]
    assert all(i.sheet == (TALLY_SHEET if i.cell else "") for i in result.issues)
    warned_only = all(i.severity.value == "warning" for i in result.issues)
    assert result.accepted is warned_only
    for issue in result.issues:
        for lang in ("vi", "en"):
            message = issue.message(lang)
            assert message and "{" not in message and "None" not in message, message


def test_the_good_tally_decides_by_the_quota() -> None:
    campaign = load_campaign(SEED_003)
    result = decide_vote(campaign, VOTE / "summary.xlsx", VOTE / "good.xlsx")
    assert result.decision is not None and not result.issues
    outcomes = [d.outcome.value for d in result.decision.decisions]
    # everyone agreed to every unit: a tie at the quota of 3, which the chairman's vote (he
    # agreed to all) cannot settle: the first three by rank are not chosen silently
    assert result.decision.decisions[0].yes == 9
    assert (
        outcomes == ["tie"] * len(outcomes) if len(outcomes) > 3 else ["selected"] * len(outcomes)
    )
    assert result.exit_code == (1 if len(outcomes) > 3 else 0)
