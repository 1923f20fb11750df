"""The campaign workbook's optional *Hội đồng* sheet: the Council's members and the rules of
its vote, read as data; each mistake said with its sheet, row and cell
(tests/files/council/, made by tests/files/make_files.py)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from thidua_xlsx import CampaignDefinitionError, load_campaign
from thidua_xlsx.core.council import Share
from thidua_xlsx.words.issues import Severity

from conftest import SEED_000, SEED_003

COUNCIL_FILES = Path(__file__).resolve().parents[1] / "files" / "council"
SHEET = "Hội đồng"

# file → (code, cell) of the one problem it must give (members from row 7, titles from 19)
EXPECTED = {
    "def_council_no_members": ("def_council_no_members", ""),
    "def_council_member_name_missing": ("def_council_member_name_missing", "B16"),
    "def_council_member_duplicate": ("def_council_member_duplicate", "B16"),
    "def_council_two_chairs": ("def_council_two_chairs", "C16"),
    "def_council_bad_share": ("def_council_bad_share", "C19"),
    "def_council_bad_quota": ("def_council_bad_quota", "D19"),
    "def_council_bad_yes_no": ("def_council_bad_yes_no", "C4"),
    "def_council_title_duplicate": ("def_council_title_duplicate", "B21"),
    "def_council_title_missing": ("def_council_title_missing", ""),
}


def test_every_council_file_has_an_expectation() -> None:
    present = {p.stem for p in COUNCIL_FILES.glob("*.xlsx")}
    assert present == {*EXPECTED, "def_council_no_chair"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_mistake_is_said_where_it_is(name: str) -> None:
    with pytest.raises(CampaignDefinitionError) as raised:
        load_campaign(COUNCIL_FILES / f"{name}.xlsx")
    code, cell = EXPECTED[name]
    errors = [p for p in raised.value.problems if p.severity is Severity.ERROR]
    assert [(p.code, p.sheet, p.cell) for p in errors] == [(code, SHEET, cell)]
    for lang in ("vi", "en"):
        assert "{" not in raised.value.message(lang)


def test_a_council_without_a_chairman_is_a_warning() -> None:
    campaign = load_campaign(COUNCIL_FILES / "def_council_no_chair.xlsx")
    assert campaign.council is not None and campaign.council.chair is None
    assert [w.code for w in campaign.warnings] == ["def_council_no_chair"]


def test_both_seeds_carry_a_plausible_council() -> None:
    town = load_campaign(SEED_003).council
    assert town is not None
    assert len(town.members) == 9 and town.chair is not None
    assert town.chair.name == "Châu Văn Hòa" and town.chair.position == "Chủ tịch UBND thị xã"
    assert town.quorum == Share(Fraction(2, 3))
    award = load_campaign(SEED_003).award
    assert award is not None
    rule = town.rule(award.title)
    assert rule is not None and rule.share == Share(Fraction(1, 2), strict=True)
    assert rule.quota == 3
    province = load_campaign(SEED_000)
    assert province.council is not None and len(province.council.members) == 7
    assert province.award is not None
    rule = province.council.rule(province.award.title)
    # no quota on the sheet: the campaign's Số đơn vị đề nghị khen thưởng
    assert rule is not None and rule.quota == province.award.top_n == 3
    assert rule.share == Share(Fraction(2, 3))


def test_the_council_is_not_in_the_criteria_fingerprint() -> None:
    """Changing the Council keeps every scorecard sent valid."""
    base = load_campaign(SEED_003)
    changed = load_campaign(COUNCIL_FILES / "def_council_no_chair.xlsx")
    assert changed.council != base.council
    assert changed.fingerprint == base.fingerprint


def test_init_writes_a_council_sheet_that_loads(tmp_path: Path) -> None:
    from thidua_xlsx.campaign.workbook_writer import init_campaign_workbook

    campaign = load_campaign(init_campaign_workbook(tmp_path / "dot.xlsx"))
    assert campaign.council is not None
    assert campaign.council.chair is not None and len(campaign.council.members) == 4
