"""Ranking: đồng hạng and dense ranks, tie-breaks, clusters, bands, Vietnamese name order."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_xlsx.core.model import (
    Band,
    Campaign,
    CampaignInfo,
    Criterion,
    Method,
    RankingStyle,
    Unit,
    link_criteria,
)
from thidua_xlsx.core.ranking import assign_ranks, rank_units
from thidua_xlsx.core.scoring import RawInput, ScoreCard, score_card
from thidua_xlsx.core.vi_text import vietnamese_sort_key

D = Decimal


def _campaign(style: RankingStyle = RankingStyle.COMPETITION) -> Campaign:
    criteria = link_criteria(
        [
            Criterion("I", "Mục I", D(50)),
            Criterion("I.1", "Điểm", D(50), Method.DIEM),
            Criterion("II", "Mục II", D(50)),
            Criterion("II.1", "Điểm", D(50), Method.DIEM),
            Criterion("III", "Trừ", D(10)),
            Criterion("III.1", "Vi phạm", D(10), Method.TRU),
        ]
    )
    units = (
        Unit("T", "Tỉnh"),
        Unit("A", "Phường Ân Phú", parent="T", cluster="Cụm 1"),
        Unit("B", "Phường An Hòa", parent="T", cluster="Cụm 1"),
        Unit("C", "Xã Đông Sơn", parent="T", cluster="Cụm 2"),
        Unit("E", "Xã Dương Minh", parent="T", cluster="Cụm 2"),
        Unit("F", "Xã Bình Long", parent="T", cluster="Cụm 2"),
    )
    return Campaign(
        CampaignInfo("R", "Ranking"),
        criteria,
        units,
        bands=(Band(D(80), "Tốt"), Band(D(50), "Khá"), Band(D(0), "Yếu")),
        total_cap=D(100),
        tie_breaks=("II", "III"),
        ranking_style=style,
    )


def _card(campaign: Campaign, first: int, second: int, deducted: int = 0) -> ScoreCard:
    return score_card(
        campaign,
        {
            "I.1": RawInput(D(first)),
            "II.1": RawInput(D(second)),
            "III.1": RawInput(D(deducted)),
        },
    )


@pytest.mark.parametrize(
    ("keys", "style", "expected"),
    [
        ([(9,), (8,), (8,), (7,)], RankingStyle.COMPETITION, [1, 2, 2, 4]),
        ([(9,), (8,), (8,), (7,)], RankingStyle.DENSE, [1, 2, 2, 3]),
        ([(5,), (5,), (5,)], RankingStyle.COMPETITION, [1, 1, 1]),
        ([(1,), (3,), (2,)], RankingStyle.COMPETITION, [3, 1, 2]),
        ([(7, 1), (7, 2), (7, 2)], RankingStyle.COMPETITION, [3, 1, 1]),
    ],
)
def test_assign_ranks(
    keys: list[tuple[int, ...]], style: RankingStyle, expected: list[int]
) -> None:
    as_decimal = [tuple(D(v) for v in key) for key in keys]
    assert assign_ranks(as_decimal, style) == expected


def test_ties_tie_breaks_clusters_and_bands() -> None:
    campaign = _campaign()
    cards = {
        "A": _card(campaign, 40, 40),  # 80, II 40
        "B": _card(campaign, 30, 50),  # 80, II 50: wins the tie on section II
        "C": _card(campaign, 35, 45, 2),  # 78
        "E": _card(campaign, 35, 45, 2),  # 78, same in every tie-break: đồng hạng
        "F": _card(campaign, 10, 10),  # 20
    }
    ranked = {r.unit: r for r in rank_units(campaign, cards)}
    assert [(u, ranked[u].rank) for u in "BACEF"] == [
        ("B", 1),
        ("A", 2),
        ("C", 3),
        ("E", 3),
        ("F", 5),
    ]
    assert ranked["C"].tied and ranked["E"].tied and not ranked["B"].tied
    assert (ranked["B"].cluster_rank, ranked["A"].cluster_rank) == (1, 2)
    assert (ranked["C"].cluster_rank, ranked["E"].cluster_rank, ranked["F"].cluster_rank) == (
        1,
        1,
        3,
    )
    assert (ranked["B"].band, ranked["C"].band, ranked["F"].band) == ("Tốt", "Khá", "Yếu")
    order = [r.unit for r in rank_units(campaign, cards)]
    assert order == ["B", "A", "E", "C", "F"]  # Dương before Đông: d before đ
    dense = {r.unit: r.rank for r in rank_units(_campaign(RankingStyle.DENSE), cards)}
    assert dense["F"] == 4


def test_fewer_deductions_rank_higher() -> None:
    campaign = replace(_campaign(), tie_breaks=("III",))
    cards = {"A": _card(campaign, 50, 40, 1), "B": _card(campaign, 50, 39, 0)}
    # totals 89 and 89: B has fewer deductions
    ranked = {r.unit: r.rank for r in rank_units(campaign, cards)}
    assert ranked == {"B": 1, "A": 2}


@given(st.lists(st.integers(0, 20), min_size=1, max_size=40), st.sampled_from(RankingStyle))
def test_ranks_are_a_consistent_total_preorder(totals: list[int], style: RankingStyle) -> None:
    keys = [(D(t),) for t in totals]
    ranks = assign_ranks(keys, style)
    for i, a in enumerate(keys):
        for j, b in enumerate(keys):
            assert (a > b) == (ranks[i] < ranks[j])
            assert (a == b) == (ranks[i] == ranks[j])
    if style is RankingStyle.COMPETITION:
        assert all(r == 1 + sum(1 for k in keys if k > keys[i]) for i, r in enumerate(ranks))
    else:
        assert all(r == 1 + len({k for k in keys if k > keys[i]}) for i, r in enumerate(ranks))


@given(st.permutations(list(range(12))))
def test_ranks_do_not_depend_on_input_order(order: list[int]) -> None:
    totals = [D(v // 3) for v in range(12)]
    base = dict(
        zip(range(12), assign_ranks([(t,) for t in totals], RankingStyle.COMPETITION), strict=True)
    )
    shuffled = assign_ranks([(totals[i],) for i in order], RankingStyle.COMPETITION)
    assert all(base[i] == rank for i, rank in zip(order, shuffled, strict=True))


def test_vietnamese_name_order() -> None:
    names = [
        "Đoàn",
        "Dũng",
        "Anh",
        "Ân",
        "Ăn",
        "Hòa",
        "Hoa",
        "Hỏa",
        "Hóa",
        "Hạ",
        "Hà",
        "Ưng",
        "Út",
        "Ơn",
        "Ôn",
        "Oanh",
        "Xuân",
    ]
    assert sorted(names, key=vietnamese_sort_key) == [
        "Anh",
        "Ăn",
        "Ân",
        "Dũng",
        "Đoàn",
        "Hà",
        "Hạ",
        "Hoa",
        "Hòa",
        "Hỏa",
        "Hóa",
        "Oanh",
        "Ôn",
        "Ơn",
        "Út",
        "Ưng",
        "Xuân",
    ]
