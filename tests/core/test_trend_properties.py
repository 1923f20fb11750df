"""The trend's arithmetic (core/trend.py), checked by Hypothesis on small made-up campaigns:
the change of total and rank, runs of one band, the on-time counts, the falls and the jumps
follow their definitions for any totals, ties and gaps; the order of the summaries given does
not matter; which summaries belong together."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_xlsx.core.model import (
    Band,
    Campaign,
    CampaignInfo,
    Criterion,
    Method,
    Unit,
    link_criteria,
)
from thidua_xlsx.core.periods import PeriodScheme, generate_periods
from thidua_xlsx.core.ranking import rank_units
from thidua_xlsx.core.scoring import RawInput, score_card
from thidua_xlsx.core.trend import (
    ScoredSummary,
    choose_summaries,
    compute_trend,
    criteria_match,
    rank_change,
)

UNITS = tuple(f"U{i}" for i in range(6))
PERIODS = generate_periods(PeriodScheme.MONTHLY, date(2025, 1, 1), date(2025, 12, 31))


def _campaign(campaign_id: str = "C", codes: tuple[str, ...] = ("1", "2")) -> Campaign:
    leaves = [Criterion(f"I.{c}", f"Tiêu chí {c}", Decimal(10), Method.DIEM) for c in codes]
    criteria = link_criteria([Criterion("I", "Phần I", Decimal(10 * len(codes))), *leaves])
    units = (
        Unit("TOP", "Cấp trên"),
        *(
            Unit(u, f"Đơn vị {u}", parent="TOP", cluster=f"Cụm {i % 2}")
            for i, u in enumerate(UNITS)
        ),
    )
    return Campaign(
        info=CampaignInfo(campaign_id, "Thi đua", period_start=date(2025, 1, 1)),
        criteria=criteria,
        units=units,
        bands=(Band(Decimal(15), "Xuất sắc"), Band(Decimal(8), "Khá"), Band(Decimal(0), "Yếu")),
        total_cap=Decimal(20),
        rounding_step=Decimal("0.5"),
        periods=PERIODS,
    )


# a period: each unit's two scores (0..10 in halves), or None when it sent nothing; late flags
scores = st.integers(0, 20).map(lambda n: Decimal(n) / 2)
period = st.tuples(
    st.lists(st.one_of(st.none(), st.tuples(scores, scores)), min_size=6, max_size=6),
    st.lists(st.booleans(), min_size=6, max_size=6),
)


def _summary(
    campaign: Campaign, index: int, entries: list[tuple[Decimal, Decimal] | None], late: list[bool]
) -> ScoredSummary:
    run = campaign.for_period(PERIODS[index])
    cards = {
        u: score_card(
            run, {leaf.code: RawInput(x) for leaf, x in zip(run.leaves, (a, b), strict=False)}
        )
        for u, entry in zip(UNITS, entries, strict=True)
        if entry is not None
        for a, b in [entry]
    }
    return ScoredSummary(
        path=Path(f"tong-hop-{index}.xlsx"),
        campaign=run,
        period=run.period,
        issuer="TOP",
        issuer_name="Cấp trên",
        cluster="",
        generated_at=datetime(2025, index + 1, 28, tzinfo=UTC),
        ranking=tuple(rank_units(run, cards)),
        scores={u: dict(c.final_nodes) for u, c in cards.items()},
        expected=UNITS,
        late=frozenset(u for u, flag in zip(UNITS, late, strict=True) if flag and u in cards),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(period, min_size=2, max_size=5), st.randoms())
def test_the_trend_follows_its_definitions(
    periods: list[tuple[list[tuple[Decimal, Decimal] | None], list[bool]]], rng: object
) -> None:
    campaign = _campaign()
    summaries = [_summary(campaign, i, e, late) for i, (e, late) in enumerate(periods)]
    if sum(1 for s in summaries if s.ranking) < 1:
        return
    shuffled = list(summaries)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    chosen, refused = choose_summaries(shuffled)
    assert refused == [] and chosen == summaries  # in time order, whatever the order given
    trend = compute_trend(chosen)
    by_unit = {u.unit: u for u in trend.units}
    totals = [{r.unit: r for r in s.ranking} for s in summaries]
    for code, unit in by_unit.items():
        for i, point in enumerate(unit.points):
            here = totals[i].get(code)
            assert (point is None) == (here is None)
            if point is None or here is None:
                continue
            assert (point.total, point.rank, point.band) == (here.total, here.rank, here.band)
            before = totals[i - 1].get(code) if i else None
            if before is None:
                assert point.total_change is None and point.rank_change is None
            else:
                assert point.total_change == here.total - before.total
                assert point.rank_change == rank_change(before.rank, here.rank)
                assert (point.rank_change > 0) == (here.rank < before.rank)
        # runs: maximal stretches of one band over consecutive ranked periods, 2 or more
        bands = [p.band if p is not None else None for p in unit.points]
        runs = []
        i = 0
        while i < len(bands):
            j = i
            while bands[i] and j + 1 < len(bands) and bands[j + 1] == bands[i]:
                j += 1
            if bands[i] and j > i:
                runs.append((bands[i], i, j))
            i = j + 1
        assert [(r.band, r.first, r.last) for r in unit.band_runs] == runs
        current = unit.current_run
        if current is not None:
            assert current.last == len(bands) - 1 and current.length >= 2
        changes = [
            (i, bands[i - 1], bands[i])
            for i in range(1, len(bands))
            if bands[i] is not None and bands[i - 1] is not None and bands[i] != bands[i - 1]
        ]
        assert list(unit.band_changes) == changes
        # on time: counted by the deadline; late: counted after it; missing: not counted
        counted = [code in t for t in totals]
        assert unit.on_time == sum(
            c and code not in s.late for c, s in zip(counted, summaries, strict=True)
        )
        assert unit.late == sum(
            c and code in s.late for c, s in zip(counted, summaries, strict=True)
        )
        assert unit.missing == counted.count(False)
        assert unit.on_time + unit.late + unit.missing == unit.expected == len(summaries)
    # falls: two losses in a row or more, on consecutive periods where the unit has a score
    for fall in trend.falls:
        series = [
            s.scores[fall.unit][fall.criterion] for s in summaries[fall.first : fall.last + 1]
        ]
        assert fall.falls >= 2 and list(fall.scores) == series
        assert all(a > b for a, b in itertools.pairwise(series))
    for code in by_unit:
        for leaf in ("I.1", "I.2"):
            series = [s.scores.get(code, {}).get(leaf) for s in summaries]
            for i in range(len(series) - 2):
                a, b, c = series[i : i + 3]
                if a is not None and b is not None and c is not None and a > b > c:
                    assert any(
                        f.unit == code and f.criterion == leaf and f.first <= i and i + 2 <= f.last
                        for f in trend.falls
                    )
    # jumps: 10 % of the 20 points (2 points), or a quarter of the units ranked (4 or more)
    for jump in trend.jumps:
        assert jump.by_points == (abs(jump.total_change) >= 2)
        ranked = len(summaries[jump.period].ranking)
        assert jump.by_rank == (ranked >= 4 and abs(jump.rank_change) >= -(-ranked // 4))
        assert jump.by_points or jump.by_rank


@given(st.lists(period, min_size=3, max_size=3))
@settings(max_examples=20, deadline=None)
def test_belonging_together(
    periods: list[tuple[list[tuple[Decimal, Decimal] | None], list[bool]]],
) -> None:
    campaign = _campaign()
    summaries = [_summary(campaign, i, e, late) for i, (e, late) in enumerate(periods)]
    # a successive campaign (another id) whose criterion codes match is kept
    next_year = _campaign("C-2026")
    later = replace(
        _summary(next_year, 0, *periods[0]), generated_at=datetime(2026, 2, 1, tzinfo=UTC)
    )
    later = replace(
        later,
        campaign=replace(
            later.campaign, info=replace(later.campaign.info, period_start=date(2026, 1, 1))
        ),
    )
    chosen, refused = choose_summaries([later, *summaries])
    assert refused == [] and chosen[-1] is later
    # another campaign with other codes, another level, the same period twice: refused
    other = _summary(_campaign("X", ("7", "8", "9")), 1, *periods[1])
    cluster = replace(summaries[1], cluster="Cụm 1", path=Path("cum-1.xlsx"))
    again = replace(
        summaries[2], path=Path("ban-sao.xlsx"), generated_at=datetime(2025, 1, 2, tzinfo=UTC)
    )
    chosen, refused = choose_summaries([*summaries, other, cluster, again])
    assert chosen == summaries
    assert sorted((i.code, i.file) for i in refused) == [
        ("trend_other_campaign", "tong-hop-1.xlsx"),
        ("trend_other_level", "cum-1.xlsx"),
        ("trend_same_period", "ban-sao.xlsx"),
    ]


def test_criteria_match_by_code() -> None:
    assert criteria_match(_campaign("A", ("1", "2")), _campaign("B", ("1", "2", "3")))
    assert not criteria_match(_campaign("A", ("1",)), _campaign("B", ("2", "3")))
