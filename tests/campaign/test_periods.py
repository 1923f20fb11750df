"""Reporting periods in the campaign workbook (*Kỳ báo cáo*): cut from the campaign's time by
a scheme or listed by name with deadlines, chosen with ``--period``."""

from __future__ import annotations

import copy
import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_xlsx import CampaignDefinitionError, blank_campaign_sheets, load_campaign
from thidua_xlsx.campaign.periods import campaign_for_period
from thidua_xlsx.campaign.workbook_writer import CampaignSheets, write_campaign_workbook
from thidua_xlsx.core.periods import PeriodScheme, find_period, generate_periods
from thidua_xlsx.errors import PeriodError


def _campaign(tmp_path: Path, **info: object) -> Path:
    sheets: CampaignSheets = copy.deepcopy(blank_campaign_sheets())
    given_info = dict(info)
    rows = [(k, given_info.pop(k, v)) for k, v in sheets.info]
    sheets.info = rows + list(given_info.items())
    path = tmp_path / "campaign.xlsx"
    write_campaign_workbook(path, sheets)
    return path


def test_monthly_from_the_first_goes_by_calendar_months(tmp_path: Path) -> None:
    path = _campaign(
        tmp_path,
        **{"Thời gian thi đua": "từ 01/10/2025 đến 31/12/2025", "Kỳ báo cáo": "Hàng tháng"},
    )
    campaign = load_campaign(path)
    assert [p.name for p in campaign.periods] == ["Tháng 10/2025", "Tháng 11/2025", "Tháng 12/2025"]
    assert campaign.periods[1].start == date(2025, 11, 1)
    assert campaign.periods[1].end == date(2025, 11, 30)
    assert campaign.periods[1].deadline == date(2025, 12, 5)  # five days after, by default


def test_seed_000_reports_monthly_from_its_start_day() -> None:
    from conftest import SEED_000

    campaign = load_campaign(SEED_000)
    assert [(p.name, p.start, p.end, p.deadline) for p in campaign.periods] == [
        ("Tháng thứ 1", date(2021, 10, 20), date(2021, 11, 19), date(2021, 11, 24)),
        ("Tháng thứ 2", date(2021, 11, 20), date(2021, 12, 19), date(2021, 12, 24)),
        ("Tháng thứ 3", date(2021, 12, 20), date(2022, 1, 20), date(2022, 1, 25)),
    ]
    assert {c.code for c in campaign.leaves if c.cumulative} == {
        "I.3",
        "II.1.a",
        "II.1.b",
        "II.1.c",
    }


def test_listed_periods_with_their_deadlines_and_days_after(tmp_path: Path) -> None:
    path = _campaign(
        tmp_path,
        **{
            "Kỳ báo cáo": "Quý I: 05/04/2025; Quý II: 01/04/2025 – 30/06/2025\n6 tháng cuối năm",
            "Số ngày nộp sau mỗi kỳ": 10,
        },
    )
    campaign = load_campaign(path)
    first, second, third = campaign.periods
    assert (first.name, first.deadline, first.window) == ("Quý I", date(2025, 4, 5), "")
    assert (second.start, second.end, second.deadline) == (
        date(2025, 4, 1),
        date(2025, 6, 30),
        date(2025, 7, 10),
    )
    assert (third.name, third.index, third.deadline) == ("6 tháng cuối năm", 3, None)


@pytest.mark.parametrize(
    ("info", "code"),
    [
        ({"Thời gian thi đua": "Năm 2025", "Kỳ báo cáo": "hàng quý"}, None),
        ({"Thời gian thi đua": "", "Kỳ báo cáo": "hàng quý"}, "def_periods_need_window"),
        ({"Kỳ báo cáo": "Tháng 1: 31/01/2025; tháng  1: 28/02/2025"}, "def_period_duplicate"),
        ({"Kỳ báo cáo": ": 31/01/2025"}, "def_period_unnamed"),
        ({"Kỳ báo cáo": "Tháng 1: 31/13/2025"}, "def_bad_date"),
        (
            {"Kỳ báo cáo": "Tháng 1: 31/01/2025", "Số ngày nộp sau mỗi kỳ": "2,5"},
            "def_not_positive",
        ),
    ],
)
def test_period_mistakes_are_named_on_the_info_sheet(
    tmp_path: Path, info: dict[str, object], code: str | None
) -> None:
    path = _campaign(tmp_path, **info)
    if code is None:  # "Năm 2025" is a window: the quarters of 2025
        assert next(p.name for p in load_campaign(path).periods) == "Quý I/2025"
        return
    with pytest.raises(CampaignDefinitionError) as caught:
        load_campaign(path)
    found = [(p.code, p.sheet) for p in caught.value.problems]
    assert (code, "Thông tin") in found


def test_period_chosen_by_name_or_number(tmp_path: Path) -> None:
    path = _campaign(
        tmp_path,
        **{"Thời gian thi đua": "từ 01/01/2025 đến 31/12/2025", "Kỳ báo cáo": "hàng quý"},
    )
    campaign = load_campaign(path)
    assert campaign_for_period(campaign, "quy ii/2025").period == campaign.periods[1]
    chosen = campaign_for_period(campaign, "4")
    assert chosen.period == campaign.periods[3]
    assert chosen.info.deadline == date(2026, 1, 5)  # the period's deadline counts
    assert chosen.fingerprint == campaign.fingerprint  # every period scores alike
    for typed, code in ((None, "error.period_needed"), ("Quý V", "error.period_unknown")):
        with pytest.raises(PeriodError) as caught:
            campaign_for_period(campaign, typed)
        assert caught.value.message_code == code
        assert "Quý I/2025, Quý II/2025" in caught.value.message()
    (tmp_path / "plain").mkdir()
    plain = load_campaign(_campaign(tmp_path / "plain"))
    assert campaign_for_period(plain, None) is plain
    with pytest.raises(PeriodError) as caught:
        campaign_for_period(plain, "1")
    assert caught.value.message_code == "error.no_periods"


@given(
    st.sampled_from(list(PeriodScheme)),
    st.dates(date(2000, 1, 1), date(2090, 1, 1)),
    st.integers(0, 800),
    st.integers(0, 30),
)
def test_generated_periods_tile_the_window(
    scheme: PeriodScheme, start: date, days: int, grace: int
) -> None:
    end = start + timedelta(days=days)
    periods = generate_periods(scheme, start, end, grace)
    assert periods[0].start == start and periods[-1].end == end
    for before, after in itertools.pairwise(periods):
        assert before.end is not None and after.start == before.end + timedelta(days=1)
    for index, period in enumerate(periods, start=1):
        assert period.index == index
        assert period.start is not None and period.end is not None and period.start <= period.end
        assert period.deadline == period.end + timedelta(days=grace)
        assert find_period(periods, period.name) == period
        assert find_period(periods, str(index)) == period
    assert len({p.name for p in periods}) == len(periods)
