"""Which file counts for each unit; completeness; every file accounted for exactly once."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from thidua_xlsx.core.model import Campaign, CampaignInfo, Criterion, Method, link_criteria
from thidua_xlsx.core.results import FileResult
from thidua_xlsx.core.scoring import RawInput, score_card
from thidua_xlsx.core.submissions import SubmissionStatus, choose_submissions
from thidua_xlsx.words.issues import CATALOGUE, Issue

CAMPAIGN = Campaign(
    CampaignInfo("S", "Submissions"),
    link_criteria(
        [Criterion("I", "I", Decimal(10)), Criterion("I.1", "I", Decimal(10), Method.DIEM)]
    ),
    (),
    total_cap=Decimal(10),
)


def _params(code: str) -> dict[str, str]:
    """A value for each parameter the issue's text needs (an issue is refused without)."""
    return {field: "x" for field in CATALOGUE[code].fields if field not in ("value", "criterion")}


def _file(name: str, unit: str | None, day: int | None, *codes: str) -> FileResult:
    card = score_card(CAMPAIGN, {"I.1": RawInput(Decimal(day or 0) % 10)}) if unit else None
    saved = datetime(2024, 9, day, 8, 0, tzinfo=UTC) if day else None
    issues = tuple(Issue(code, file=name, params=_params(code)) for code in codes)
    return FileResult(Path(name), unit, issues, card, saved_at=saved)


def test_newest_file_counts_then_the_greater_name() -> None:
    files = [
        _file("CA.xlsx", "CA", 3),
        _file("CA-sua.xlsx", "CA", 5),  # newest: counts
        _file("YT.xlsx", "YT", 4),
        _file("YT (2).xlsx", "YT", 4),  # same time: the greater name counts
        _file("PN.xlsx", "PN", 2),
        _file("PN-moi.xlsx", "PN", 6, "value_over_max"),  # newest is rejected: it still counts
    ]
    done = choose_submissions(files, ["CA", "YT", "PN", "VP"])
    by_unit = {u.unit: u for u in done.units}
    assert by_unit["CA"].result is not None and by_unit["CA"].result.path.name == "CA-sua.xlsx"
    assert [f.path.name for f in by_unit["CA"].superseded] == ["CA.xlsx"]
    assert by_unit["YT"].result is not None and by_unit["YT"].result.path.name == "YT.xlsx"
    assert by_unit["PN"].status is SubmissionStatus.REJECTED
    assert by_unit["VP"].status is SubmissionStatus.MISSING and done.missing == ("VP",)
    assert [u.unit for u in done.counted] == ["CA", "YT"]


def test_late_unidentified_and_outside_files() -> None:
    files = [
        _file("CA.xlsx", "CA", 3, "file_late"),
        _file("rac.png.xlsx", None, None, "file_not_workbook"),
        _file("XA-KHAC.xlsx", "XA-KHAC", 3),
    ]
    done = choose_submissions(files, ["CA"])
    assert done.units[0].status is SubmissionStatus.LATE and done.counted
    assert [f.path.name for f in done.unidentified] == ["rac.png.xlsx"]
    assert [f.path.name for f in done.outside] == ["XA-KHAC.xlsx"]


@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "B", "C", "X", None]), st.integers(1, 28), st.booleans()),
        max_size=30,
    )
)
def test_every_file_is_accounted_for_exactly_once(
    specs: list[tuple[str | None, int, bool]],
) -> None:
    files = [
        _file(f"f{index}.xlsx", unit, day, *(["value_negative"] if bad else []))
        for index, (unit, day, bad) in enumerate(specs)
    ]
    done = choose_submissions(files, ["A", "B", "C"])
    accounted = [f.path for f in done.accounted_files()]
    assert sorted(accounted) == sorted(f.path for f in files)
    assert [u.unit for u in done.units] == ["A", "B", "C"]
    for unit in done.units:
        mine = [f for f in files if f.unit == unit.unit]
        assert (unit.result is None) == (not mine)
        if unit.result is not None:
            newest = max(mine, key=lambda f: (f.saved_at, f.path.name))
            assert unit.result is newest
