"""What makes a card blank (``card_blank``), on cards written directly: a result is an entry,
whatever it is (0, Không đạt); what is not a result (a target, evidence, an explanation, the
verification column) is not. A summary from a version that ranked a blank card carries it;
the level above finds it blank again."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.checking import entered
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.core.submissions import SubmissionStatus
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import write_summary

from conftest import SEED_003

STAMP = datetime(2024, 9, 25, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    real = load_campaign(SEED_003)
    return replace(real, info=replace(real.info, deadline=date(2099, 12, 31)))


# what NH-PN's card holds: (criterion, column) → value; and whether it is blank
CASES: dict[str, tuple[dict[tuple[str, str], object], str | None]] = {
    "nothing": ({}, "nothing"),
    "a zero": ({("II.1.a", "result"): Decimal(0)}, None),
    "Không đạt": ({("II.1.c", "result"): "Không đạt"}, None),
    "a target": ({("II.3.c", "target"): Decimal(12)}, "no_result"),
    "evidence": ({("I.5", "evidence"): "Kế hoạch số 05/KH-PN"}, "no_result"),
    "verified only": ({("I.5", "verified"): Decimal(3)}, "nothing"),
    "spaces": ({("I.5", "result"): "   "}, "nothing"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_what_makes_a_card_blank(campaign: Campaign, tmp_path: Path, case: str) -> None:
    values, found = CASES[case]
    path = tmp_path / "NH-PN.xlsx"
    layout = plan_card(campaign, campaign.unit("NH-PN"))
    write_scorecard(path, layout, values, generated_at=STAMP)  # type: ignore[arg-type]
    result = check_file(campaign, path)
    blank = [i for i in result.issues if i.code == "card_blank"]
    if found is None:
        assert not blank and not result.is_blank
    else:
        assert [i.params["found"] for i in blank] == [found]
        assert result.issues[0].code == "card_blank"  # said first
        assert result.is_blank and not result.accepted


def test_a_blank_unit_an_older_summary_ranked_is_blank_above(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ward = campaign.unit("P-ANPHU")
    inbox = tmp_path / "phuong"
    inbox.mkdir()
    write_scorecard(inbox / "P-ANPHU.xlsx", plan_card(campaign, ward), generated_at=STAMP)
    # as a version before card_blank did: the blank card ranked with 0 points
    monkeypatch.setattr(entered.EnteredValues, "check_blank", lambda *args: False)
    lower = merge_rank(campaign, [inbox], cluster=ward.cluster)
    assert lower.place("P-ANPHU") is not None
    town = tmp_path / "thi-xa"
    town.mkdir()
    write_summary(town / "cum.xlsx", lower)
    monkeypatch.undo()
    report = merge_rank(campaign, [town])
    submission = report.submission("P-ANPHU")
    assert submission is not None and submission.status is SubmissionStatus.BLANK
    assert report.place("P-ANPHU") is None
