"""``thidua trend`` over a three-month chain (July–September 2024 of the Nhơn Hưng campaign,
run monthly): the totals, ranks, changes, on-time counts and falls equal an independent
computation written here from the values the wards entered and the criteria, never through
the library's scoring; the workbook holds them; the command line says them."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx.core.model import Campaign, Criterion, SectionKind
from thidua_xlsx.core.scoring import RawInput
from thidua_xlsx.core.trend import Trend
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.trend import build_trend
from thidua_xlsx.rollup.definition import DEFINITION_KEY, DEFINITION_SHEET
from thidua_xlsx.scorecard.layout import META_SHEET
from thidua_xlsx.trend.writer import (
    DATA_SHEET,
    FALLS_SHEET,
    ON_TIME_SHEET,
    TREND_HEADER_ROW,
    TREND_SHEET,
    UNIT_CHART_SHEET,
    write_trend,
)

from independent_scoring import leaf_points
from trend_files import LATE, MISSING, MONTHS, TWINS, Entered, monthly_campaign, write_chain


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Entered]:
    folder = tmp_path_factory.mktemp("tong-hop")
    entered = write_chain(folder, tmp_path_factory.mktemp("hop-thu"))
    return folder, entered


@pytest.fixture(scope="module")
def trend(chain: tuple[Path, Entered]) -> Trend:
    folder, _ = chain
    # given out of order: the trend puts the periods in time order
    return build_trend(sorted(folder.glob("*.xlsx"), reverse=True))


# -- an independent computation, from SPEC §4, of what was entered ---------------------------


def _nodes(campaign: Campaign, inputs: dict[str, RawInput]) -> dict[str, Decimal]:
    step = campaign.rounding_step
    found: dict[str, Decimal] = {}

    def node(criterion: Criterion) -> Decimal:
        if criterion.is_leaf:
            value = leaf_points(criterion, inputs.get(criterion.code), step)
        else:
            children = sum((node(c) for c in campaign.children_of(criterion.code)), Decimal(0))
            value = min(children, criterion.max_points)
        found[criterion.code] = value
        return value

    kinds = {s.code: s.kind for s in campaign.sections}
    sections = {s.code: node(s) for s in campaign.sections}
    part = lambda kind: sum((v for c, v in sections.items() if kinds[c] is kind), Decimal(0))  # noqa: E731
    total = min(part(SectionKind.REGULAR) + part(SectionKind.BONUS), campaign.total_cap)
    found["TOTAL"] = max(total - part(SectionKind.DEDUCTION), Decimal(0))
    return found


def _ranks(campaign: Campaign, nodes: dict[str, dict[str, Decimal]]) -> dict[str, int]:
    """Competition ranks on (total, then each tie-break: a deduction lower is better)."""

    def key(unit: str) -> tuple[Decimal, ...]:
        breaks = [
            -nodes[unit][c]
            if campaign.criterion(c).kind is SectionKind.DEDUCTION
            else nodes[unit][c]
            for c in campaign.tie_breaks
        ]
        return (nodes[unit]["TOTAL"], *breaks)

    keys = {u: key(u) for u in nodes}
    return {u: 1 + sum(other > k for other in keys.values()) for u, k in keys.items()}


def _expected(entered: Entered) -> dict[int, tuple[dict[str, dict[str, Decimal]], dict[str, int]]]:
    campaign = monthly_campaign()
    found = {}
    for period, units in entered.items():
        nodes = {unit: _nodes(campaign, inputs) for unit, inputs in units.items()}
        found[period] = (nodes, _ranks(campaign, nodes))
    return found


# -- the tests -----------------------------------------------------------------------------------


def test_totals_and_ranks_equal_an_independent_computation(
    chain: tuple[Path, Entered], trend: Trend
) -> None:
    _, entered = chain
    expected = _expected(entered)
    assert trend.labels == tuple(p.name for p in MONTHS)
    assert trend.refused == () and trend.exit_code == 0
    units = {u.unit: u for u in trend.units}
    assert len(units) == 14
    for index, period in enumerate(MONTHS):
        nodes, ranks = expected[period.index]
        for code, unit in units.items():
            point = unit.points[index]
            if code not in nodes:
                assert point is None
                continue
            assert point is not None
            assert (point.total, point.rank) == (nodes[code]["TOTAL"], ranks[code]), code
            if index and unit.points[index - 1] is not None:
                before_nodes, before_ranks = expected[MONTHS[index - 1].index]
                assert point.total_change == nodes[code]["TOTAL"] - before_nodes[code]["TOTAL"]
                assert point.rank_change == before_ranks[code] - ranks[code]
            else:
                assert point.total_change is None and point.rank_change is None
    # the twins share their July rank (đồng hạng)
    first = {u: units[u].points[TWINS[2] - 1] for u in TWINS[:2]}
    assert all(p is not None and p.tied for p in first.values())
    assert len({p.rank for p in first.values() if p is not None}) == 1
    # best first in the last period
    last_ranks = [u.last.rank for u in trend.units if u.last is not None]
    assert last_ranks == sorted(last_ranks)


def test_on_time_counts_follow_each_periods_deadline(trend: Trend) -> None:
    units = {u.unit: u for u in trend.units}
    late = units[LATE[0]]
    assert (late.expected, late.on_time, late.late, late.missing) == (3, 2, 1, 0)
    missing = units[MISSING[0]]
    assert (missing.expected, missing.on_time, missing.late, missing.missing) == (3, 2, 0, 1)
    assert missing.points[MISSING[1] - 1] is None
    assert missing.on_time_rate is not None and missing.on_time_rate * 3 == 2
    others = [u for u in trend.units if u.unit not in (LATE[0], MISSING[0])]
    assert all((u.on_time, u.late, u.missing) == (3, 0, 0) for u in others)


def test_falls_are_exactly_the_criteria_losing_points_twice_in_a_row(
    chain: tuple[Path, Entered], trend: Trend
) -> None:
    _, entered = chain
    expected = _expected(entered)
    campaign = monthly_campaign()
    want = set()
    for unit in {u for units in entered.values() for u in units}:
        series = [expected[p.index][0].get(unit) for p in MONTHS]
        if any(s is None for s in series):
            continue  # X-VINHTRUNG: never three periods running
        for leaf in campaign.leaves:
            a, b, c = (s[leaf.code] for s in series if s is not None)
            lost = (a < b < c) if leaf.kind is SectionKind.DEDUCTION else (a > b > c)
            if lost:
                want.add((unit, leaf.code, (a, b, c)))
    got = {(f.unit, f.criterion, f.scores) for f in trend.falls}
    assert got == want
    assert want  # the chain has some
    assert all(f.falls == 2 and (f.first, f.last) == (0, 2) for f in trend.falls)
    assert trend.not_comparable == ()
    assert set(trend.comparable) == set(campaign.leaf_map)


def test_jumps_follow_the_stated_rule(trend: Trend) -> None:
    assert trend.jump_points == Decimal(20)  # 10 % of the campaign's 200 points
    said = set()
    for u in trend.units:
        for index in range(1, len(u.points)):
            before, after = u.points[index - 1], u.points[index]
            if before is None or after is None:
                continue
            ranked = sum(1 for v in trend.units if v.points[index] is not None)
            by_points = abs(after.total - before.total) >= 20
            by_rank = abs(before.rank - after.rank) >= -(-ranked // 4)
            if by_points or by_rank:
                said.add((u.unit, index, by_points, by_rank))
    assert {(j.unit, j.period, j.by_points, j.by_rank) for j in trend.jumps} == said
    assert said


def test_summaries_carry_their_campaign_definition(chain: tuple[Path, Entered]) -> None:
    folder, _ = chain
    book = openpyxl.load_workbook(folder / "tong-hop-thang-08.xlsx")
    assert book[DEFINITION_SHEET].sheet_state == "veryHidden"
    meta = {row[0].value: row[1].value for row in book[META_SHEET].iter_rows()}
    assert meta[DEFINITION_KEY] == DEFINITION_SHEET
    assert meta["period"] == "Tháng 08/2024" and meta["period_index"] == "2"
    text = "".join(str(row[0].value) for row in book[DEFINITION_SHEET].iter_rows())
    assert json.loads(text)["period"]["name"] == "Tháng 08/2024"


def test_the_workbook_holds_the_trend(trend: Trend, tmp_path: Path) -> None:
    out = write_trend(tmp_path / "XU-HUONG.xlsx", trend)
    book = openpyxl.load_workbook(out)
    for name in (TREND_SHEET, ON_TIME_SHEET, FALLS_SHEET, UNIT_CHART_SHEET):
        assert name in book.sheetnames
    sheet = book[TREND_SHEET]
    assert sheet.cell(TREND_HEADER_ROW + 1, 5).value == "Tháng 07/2024"
    for row, unit in enumerate(trend.units, start=TREND_HEADER_ROW + 3):
        assert sheet.cell(row, 2).value == unit.unit
        for index, point in enumerate(unit.points):
            cell = sheet.cell(row, 5 + 4 * index).value
            if point is None:
                assert cell == "—"
            else:
                assert Decimal(str(cell)) == point.total
    assert book[DATA_SHEET].sheet_state == "hidden"
    # the drop-down chart's formulas look the picked unit up in the data sheet
    chart = book[UNIT_CHART_SHEET]
    assert chart["B2"].value == trend.units[0].name
    assert "MATCH($B$2" in str(chart["B6"].value)
    assert chart.data_validations.dataValidation[0].type == "list"
    # the workbook is not a summary: given back to the trend, it is refused
    assert book[META_SHEET].sheet_state == "veryHidden"


def test_the_command_says_periods_movers_and_where_the_workbook_is(
    chain: tuple[Path, Entered], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = chain
    out = tmp_path / "XU-HUONG.xlsx"
    summaries = [str(p) for p in sorted(folder.glob("*.xlsx"))]
    assert main(["trend", *summaries, "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Xu hướng qua 3 kỳ (Tháng 07/2024, Tháng 08/2024, Tháng 09/2024)" in said
    assert "Thay đổi hạng nhiều nhất" in said
    assert f"Đã ghi tệp xu hướng: {out}" in said
    assert out.is_file()
    assert main(["trend", *summaries, "-o", str(out), "--json", "--lang", "en"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [p["label"] for p in document["periods"]] == [p.name for p in MONTHS]
    assert len(document["units"]) == 14 and document["output"] == str(out)
    # fewer than two summaries: nothing to compare (exit 2, said in words)
    assert main(["trend", summaries[0], "-o", str(tmp_path / "one.xlsx")]) == 2
    assert "ít nhất hai bảng tổng hợp" in capsys.readouterr().err
    # the output may not be one of the summaries
    assert main(["trend", *summaries, "-o", summaries[0]]) == 2
    # help in Vietnamese with examples
    assert main(["trend", "-h"]) == 0
    assert "thidua trend tong-hop-thang-10.xlsx" in capsys.readouterr().out


def test_a_copy_saved_elsewhere_is_the_same_period(
    chain: tuple[Path, Entered], tmp_path: Path
) -> None:
    folder, _ = chain
    copy = tmp_path / "ban-sao-thang-08.xlsx"
    shutil.copyfile(folder / "tong-hop-thang-08.xlsx", copy)
    trend = build_trend([*sorted(folder.glob("*.xlsx")), copy])
    assert [i.code for i in trend.refused] == ["trend_same_period"]
    assert len(trend.periods) == 3 and trend.exit_code == 1


def test_the_summarys_own_verification_counts(chain: tuple[Path, Entered], tmp_path: Path) -> None:
    """September merged with the town's verification workbook (a criterion of P-ANPHU
    verified to 0): the trend's total is the verified one the summary ranked, not the unit's
    own."""
    from verification_files import blank_workbook, filled

    from thidua_xlsx.merge.rank import merge_rank
    from thidua_xlsx.summary.writer import write_summary

    from trend_files import month_inbox, written_at

    folder, _ = chain
    campaign = monthly_campaign()
    september = MONTHS[2]
    run = campaign.for_period(september)
    inbox = tmp_path / "hop-thu"
    month_inbox(campaign, september, inbox)
    own = merge_rank(run, [inbox], workers=1).card("P-ANPHU")
    assert own is not None
    leaf = next(c.code for c in run.leaves if own.self_nodes[c.code] > 0)
    blank = blank_workbook(run, inbox, tmp_path / "tham-dinh-trong.xlsx")
    workbook = filled(blank, tmp_path / "tham-dinh.xlsx", {("P-ANPHU", leaf): (0, "Thiếu")})
    report = merge_rank(run, [inbox], workers=1, verified=[workbook])
    place = report.place("P-ANPHU")
    assert place is not None and place.total < own.self_total
    verified = tmp_path / "tong-hop-thang-09-tham-dinh.xlsx"
    write_summary(verified, report, generated_at=written_at(september))
    july, august = sorted(folder.glob("*.xlsx"))[:2]
    trend = build_trend([july, august, verified])
    unit = next(u for u in trend.units if u.unit == "P-ANPHU")
    assert unit.last is not None
    assert (unit.last.total, unit.last.rank) == (place.total, place.rank)
    ranked = {r.unit: (r.total, r.rank) for r in report.ranking}
    assert {u.unit: (u.last.total, u.last.rank) for u in trend.units if u.last} == ranked
